# aggregate_check.R -- an independent recomputation, in base R, of the
# corpus statistics `rapport run` writes, from its own sessions.csv.
# Used by tests/stats-r.test:  Rscript aggregate_check.R RESULTS_DIR
# Prints one line per disagreement beyond 1e-6 relative and "checked N".
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
s <- read.csv(file.path(dir, "sessions.csv"), stringsAsFactors = FALSE)
cl <- read.csv(file.path(dir, "clinicians.csv"), stringsAsFactors = FALSE)
bad <- 0; n <- 0
near <- function(what, got, want) {
	n <<- n + 1
	if (is.na(want) && is.na(got)) return(invisible())
	if (is.na(want) != is.na(got) ||
	    abs(got - want) > 1e-6 * max(1, abs(want))) {
		bad <<- bad + 1
		cat(sprintf("%s: rapport %s, R %s\n", what, got, want))
	}
}
ind <- c("rq_ratio", "pct_complex_reflections", "pct_open_questions",
    "validations_per_100", "jargon_per_1000w", "fk_grade", "lsm")
s$day <- as.numeric(as.Date(s$date))
for (c in unique(s$clinician)) for (i in ind) {
	x <- s[s$clinician == c, ]
	ok <- !is.na(x[[i]])
	y <- x[[i]][ok]; t <- x$day[ok]
	row <- cl[cl$clinician == c & cl$indicator == i, ]
	what <- paste(c, i)
	near(paste(what, "n"), row$n, length(y))
	if (length(y) >= 1) near(paste(what, "mean"), row$mean, mean(y))
	if (length(y) >= 2 && sd(y) > 0) {
		near(paste(what, "sd"), row$sd, sd(y))
		tt <- t.test(y)
		near(paste(what, "ci_low"), row$ci_low, tt$conf.int[1])
		near(paste(what, "median"), row$median, median(y))
	}
	if (length(y) >= 3 && length(unique(t)) > 1 && sd(y) > 0) {
		f <- lm(y ~ t)
		near(paste(what, "slope"), row$slope_per_30d, 30 * coef(f)[[2]])
		near(paste(what, "slope_ci_high"), row$slope_ci_high,
		    30 * confint(f)[2, 2])
		near(paste(what, "slope_p"), row$slope_p,
		    summary(f)$coefficients[2, 4])
	}
}
# ICC(1), one-way ANOVA with unequal groups (McGraw & Wong 1996), read
# from corpus.json without a JSON package: "name": {... "icc1": {"value": v
corpus <- paste(readLines(file.path(dir, "corpus.json")), collapse = "\n")
icc_of <- function(name) {
	m <- regmatches(corpus, regexpr(paste0("\"", name,
	    "\": \\{[^\n]*?\"icc1\": \\{\"value\": [-0-9.e]+"), corpus,
	    perl = TRUE))
	as.numeric(sub(".*\"value\": ", "", m))
}
for (i in ind) {
	ok <- !is.na(s[[i]])
	y <- s[[i]][ok]; g <- factor(s$clinician[ok])
	a <- anova(lm(y ~ g)); k <- nlevels(g); N <- length(y)
	n0 <- (N - sum(table(g)^2) / N) / (k - 1)
	icc <- (a[1, 3] - a[2, 3]) / (a[1, 3] + (n0 - 1) * a[2, 3])
	near(paste("icc1", i), icc_of(i), max(0, icc))
}
cat(sprintf("checked %d, %d disagree\n", n, bad))
quit(status = if (bad > 0) 1 else 0)
