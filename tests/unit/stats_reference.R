# stats_reference.R -- reference values for tests/unit/test_stats.c.
#
# Base R only (R 4.2.2, Debian r-base-core); no irr/psych. Run with
#   Rscript tests/unit/stats_reference.R
# and copy the printed numbers into test_stats.c; the output of the run
# that produced the values in the C test is recorded at the end of this
# file. The C test does not need R.
p <- function(name, v) cat(sprintf("%-28s %s\n", name,
    paste(sprintf("%.15g", v), collapse = " ")))

## ---- describe: t-based 95% CI of the mean (NaN dropped) ----
x <- c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.3, 2.9, 4.1, 5.0)
tt <- t.test(x)
p("desc.mean", mean(x)); p("desc.sd", sd(x))
p("desc.ci", tt$conf.int); p("desc.median", median(x))

## ---- trend: OLS slope per 30 days ----
td <- c(0, 7, 14, 23, 30, 44, 51, 65, 72, 90, 101, 118)
ty <- c(12.0, 11.5, 13.1, 12.2, 14.0, 13.3, 14.8, 15.1, 14.2, 16.0, 15.7, 17.3)
fit <- lm(ty ~ td)
p("trend.slope30", 30 * coef(fit)[2])
p("trend.ci30", 30 * confint(fit)[2, ])
p("trend.p", summary(fit)$coefficients[2, 4])
p("trend.intercept", coef(fit)[1])

## ---- ICC(1), one-way ANOVA, unequal group sizes ----
## (Snedecor & Cochran n0; F limits as in Shrout & Fleiss 1979 / McGraw &
## Wong 1996, with n0 for k)
icc1 <- function(y, g) {
	g <- factor(g)
	a <- anova(aov(y ~ g))
	msb <- a[1, "Mean Sq"]; msw <- a[2, "Mean Sq"]
	k <- nlevels(g); N <- length(y); nj <- table(g)
	n0 <- (N - sum(nj^2) / N) / (k - 1)
	F <- msb / msw
	FL <- F / qf(0.975, k - 1, N - k); FU <- F * qf(0.975, N - k, k - 1)
	c(icc = (msb - msw) / (msb + (n0 - 1) * msw),
	  lo = (FL - 1) / (FL + n0 - 1), hi = (FU - 1) / (FU + n0 - 1),
	  n0 = n0)
}
iy <- c(5.1, 6.0, 5.6,  7.2, 6.8, 7.9, 7.5, 6.6,  4.2, 4.9, 5.3, 4.4,
	6.1, 5.8, 6.9, 6.4, 5.5, 6.2)
ig <- c(0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3)
p("icc1.value.lo.hi.n0", icc1(iy, ig))

## ---- ICC(2,1): two-way random, absolute agreement, single rater ----
## (Shrout & Fleiss 1979; CI of McGraw & Wong 1996, the formulas of
## irr::icc(model = "twoway", type = "agreement", unit = "single"))
icc21 <- function(m) {
	n <- nrow(m); k <- ncol(m)
	d <- data.frame(y = as.vector(m), s = factor(rep(1:n, k)),
	    r = factor(rep(1:k, each = n)))
	a <- anova(aov(y ~ s + r, data = d))
	msr <- a["s", "Mean Sq"]; msc <- a["r", "Mean Sq"]
	mse <- a["Residuals", "Mean Sq"]
	r <- (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
	Fj <- msc / mse
	vn <- (k - 1) * (n - 1) * (k * r * Fj + n * (1 + (k - 1) * r) - k * r)^2
	vd <- (n - 1) * k^2 * r^2 * Fj^2 + (n * (1 + (k - 1) * r) - k * r)^2
	v <- vn / vd
	FL <- qf(0.975, n - 1, v); FU <- qf(0.975, v, n - 1)
	c(icc = r,
	  lo = n * (msr - FL * mse) / (FL * (k * msc + (k * n - k - n) * mse) +
	      n * msr),
	  hi = n * (FU * msr - mse) / (k * msc + (k * n - k - n) * mse +
	      n * FU * msr))
}
## Shrout & Fleiss (1979) Table 2: 6 targets x 4 judges. Published:
## ICC(1,1) = .17, ICC(2,1) = .29 (their Table 4).
sf <- matrix(c(9, 2, 5, 8,
	       6, 1, 3, 2,
	       8, 4, 6, 8,
	       7, 1, 2, 6,
	      10, 5, 6, 9,
	       6, 2, 4, 7), ncol = 4, byrow = TRUE)
p("sf.icc21.value.lo.hi", icc21(sf))
p("sf.icc1.value.lo.hi.n0", icc1(as.vector(t(sf)), rep(0:5, each = 4)))
## A second data set: 8 sessions x 3 coders (counts).
cm <- matrix(c(12, 14, 11,
	        7,  9,  8,
	       20, 18, 22,
	        3,  5,  2,
	       15, 15, 17,
	        9, 12, 10,
	       25, 21, 24,
	       11, 10, 14), ncol = 3, byrow = TRUE)
p("codes.icc21.value.lo.hi", icc21(cm))

## ---- correlation: Pearson (Fisher-z CI), Spearman (ties averaged) ----
cx <- c(2, 4, 4, 5, 7, 8, 9, 11, 12, 12, 14, 15)
cy <- c(3.2, 3.9, 5.1, 4.4, 6.0, 5.5, 7.9, 7.1, 8.8, 8.0, 9.9, 9.1)
ct <- cor.test(cx, cy)
p("corr.r", ct$estimate); p("corr.ci", ct$conf.int); p("corr.p", ct$p.value)
p("corr.rho", cor(cx, cy, method = "spearman"))

## ---- multiple regression ----
x1 <- c(1.2, 2.3, 3.1, 4.8, 5.0, 6.7, 7.1, 8.4, 9.0, 10.2, 11.5, 12.1, 13.3, 14.0)
x2 <- c(0.5, 0.1, 0.9, 0.4, 1.3, 0.8, 1.7, 1.1, 2.0, 1.6, 2.4, 1.9, 2.8, 2.2)
x3 <- c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7)
ry <- c(10.1, 11.8, 14.2, 15.0, 18.3, 19.9, 21.7, 22.0, 25.8, 26.1,
	29.4, 29.0, 33.9, 32.5)
s <- summary(lm(ry ~ x1 + x2 + x3))
p("reg.coef", s$coefficients[, 1]); p("reg.se", s$coefficients[, 2])
p("reg.t", s$coefficients[, 3]); p("reg.p", s$coefficients[, 4])
p("reg.r2", s$r.squared); p("reg.adj_r2", s$adj.r.squared)
p("reg.f", s$fstatistic[1])
p("reg.f_p", pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3],
    lower.tail = FALSE))

## ---- lag-1 (Bakeman & Quera 2011) ----
lag <- function(f) {
	N <- sum(f); rt <- rowSums(f); ct <- colSums(f)
	e <- outer(rt, ct) / N
	pr <- f / rt
	z <- (f - e) / sqrt(e * outer(1 - rt / N, 1 - ct / N))
	a <- f; b <- rt - f; c <- t(ct - t(f)); d <- N - a - b - c
	q <- (a * d - b * c) / (a * d + b * c)
	list(e = t(e), p = t(pr), z = t(z), q = t(q))   # row-major print
}
lf <- matrix(c(20, 5, 9,
		4, 17, 6,
		7, 3, 25), nrow = 3, byrow = TRUE)
l <- lag(lf)
p("lag.expected", l$e); p("lag.prob", l$p); p("lag.z", l$z); p("lag.q", l$q)
## A table with an empty given row (row 2).
lf2 <- matrix(c(10, 2, 3,
		 0, 0, 0,
		 4, 6, 8), nrow = 3, byrow = TRUE)
l2 <- lag(lf2)
p("lag2.expected", l2$e); p("lag2.z", l2$z); p("lag2.q", l2$q)

## ---- agreement: precision, recall, F1, Cohen's kappa ----
tp <- 40; fp <- 10; fn <- 15; tn <- 135
N <- tp + fp + fn + tn
po <- (tp + tn) / N
pe <- ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / N^2
p("agree.precision", tp / (tp + fp)); p("agree.recall", tp / (tp + fn))
p("agree.f1", 2 * tp / (2 * tp + fp + fn)); p("agree.kappa", (po - pe) / (1 - pe))

## ---- describe_bounded: a CI of the mean inside [lo, hi] ----
## The Wald interval of an intercept-only quasi-likelihood GLM, t quantile
## on the residual df as summary.glm uses: fractional logit (Papke &
## Wooldridge 1996) on (x - lo) / (hi - lo) when hi is finite,
## quasi-Poisson log link on x - lo when it is not. R fits the GLM by
## IRLS; the C code uses the closed form of the same interval.
bounded <- function(x, lo, hi) {
	x <- x[!is.na(x)]
	if (is.finite(hi)) {
		y <- (x - lo) / (hi - lo)
		f <- glm(y ~ 1, family = quasibinomial(link = "logit"))
		inv <- function(e) lo + (hi - lo) * plogis(e)
	} else {
		y <- x - lo
		f <- glm(y ~ 1, family = quasipoisson(link = "log"))
		inv <- function(e) lo + exp(e)
	}
	s <- summary(f)$coefficients
	q <- qt(0.975, df.residual(f))
	c(mean = mean(x), lo = inv(s[1, 1] - q * s[1, 2]),
	  hi = inv(s[1, 1] + q * s[1, 2]))
}
p("bounded.share", bounded(c(0.62, 0.35, 0.80, 0.41, 0.55, 0.0, 0.73), 0, 1))
p("bounded.rq", bounded(c(0.14, 0.18, 0.89, 1.43, 3.75), 0, Inf))
p("bounded.count", bounded(c(0, 0, 3, 0, 1, 0), 0, Inf))
p("bounded.per100", bounded(c(2.9, 0, 10.8, 5.1), 0, 100))
p("bounded.fk", bounded(c(5.3, 4.1, 6.8, -1.2, NA), -3.4, Inf))
## The t interval of the counts crosses 0; the bounded one does not.
p("bounded.count.t", t.test(c(0, 0, 3, 0, 1, 0))$conf.int)

## ---- the MITI mark of report/judge.c on these intervals ----
## A band (good >= good, fair >= fair, else below) is claimed only when
## the whole CI lies in it; a CI across one threshold gives "likely"
## with the band of the mean; across both, or no CI, "uncertain".
mark <- function(ci, fair, good) {
	band <- function(v) if (v >= good) "good" else if (v >= fair) "fair" else "below"
	if (any(is.na(ci[2:3]))) return("uncertain")
	b <- sapply(ci, band)
	if (b[2] == b[3]) return(b[2])
	if (ci[2] < fair && ci[3] >= good) return("uncertain")
	paste("likely", b[1])
}
cat("mark.rq", mark(bounded(c(0.14, 0.18, 0.89, 1.43, 3.75), 0, Inf), 1, 2), "\n")
cat("mark.rq.strong", mark(bounded(c(3.1, 2.6, 4.0, 2.9, 3.5, 2.8), 0, Inf), 1, 2), "\n")
cat("mark.rq.low", mark(bounded(c(0.0, 0.1, 0.05, 0.2, 0.0, 0.1), 0, Inf), 1, 2), "\n")
cat("mark.rq.near", mark(bounded(c(2.2, 1.9, 2.6, 2.4, 2.1, 1.8), 0, Inf), 1, 2), "\n")
cat("mark.rq.fairish", mark(bounded(c(1.2, 2.1, 1.4, 1.8, 1.0, 1.6), 0, Inf), 1, 2), "\n")
cat("mark.cr.fair", mark(bounded(c(0.44, 0.46, 0.45, 0.43, 0.47, 0.45, 0.44, 0.46), 0, 1), 0.4, 0.5), "\n")
cat("mark.cr.below", mark(bounded(c(0.3, 0.45, 0.2, 0.35, 0.4), 0, 1), 0.4, 0.5), "\n")
p("mark.rq.strong.ci", bounded(c(3.1, 2.6, 4.0, 2.9, 3.5, 2.8), 0, Inf))
p("mark.rq.low.ci", bounded(c(0.0, 0.1, 0.05, 0.2, 0.0, 0.1), 0, Inf))
p("mark.rq.near.ci", bounded(c(2.2, 1.9, 2.6, 2.4, 2.1, 1.8), 0, Inf))
p("mark.rq.fairish.ci", bounded(c(1.2, 2.1, 1.4, 1.8, 1.0, 1.6), 0, Inf))
p("mark.cr.fair.ci", bounded(c(0.44, 0.46, 0.45, 0.43, 0.47, 0.45, 0.44, 0.46), 0, 1))
p("mark.cr.below.ci", bounded(c(0.3, 0.45, 0.2, 0.35, 0.4), 0, 1))

## Output of the run whose values are in test_stats.c (R 4.2.2):
## desc.mean                    4.24
## desc.sd                      1.3031585560561
## desc.ci                      3.30777652735051 5.17222347264949
## desc.median                  4.25
## trend.slope30                1.29362223413215
## trend.ci30                   0.963461560348283 1.62378290791602
## trend.p                      5.43595029353815e-06
## trend.intercept              11.8900620166909
## icc1.value.lo.hi.n0          0.811545896477405 0.457061739343599 0.984731214711242 4.40740740740741
## sf.icc21.value.lo.hi         0.289763779527559 0.018786513374712 0.761084369648953
## sf.icc1.value.lo.hi.n0       0.165741768405475 -0.132932324874751 0.722560062328121 4
## codes.icc21.value.lo.hi      0.936451169188446 0.809553780657613 0.985611155326548
## corr.r                       0.956657860902905
## corr.ci                      0.848735207144606 0.988077671013304
## corr.p                       1.11987278918821e-06
## corr.rho                     0.964918220505943
## reg.coef                     7.63285019909658 1.35318531173134 2.54203544626916 0.0833934637639544
## reg.se                       0.30063477181988 0.0743250111139767 0.356118150938645 0.0636463665473697
## reg.t                        25.3891130187351 18.2063250506111 7.13817995395334 1.31026275792017
## reg.p                        2.06053513454604e-10 5.36665944963595e-09 3.14876546727147e-05 0.219403361690147
## reg.r2                       0.996952341109812
## reg.adj_r2                   0.996038043442755
## reg.f                        1090.40236788467
## reg.f_p                      7.10841623253956e-13
## lag.expected                 10.9791666666667 8.85416666666667 14.1666666666667 8.71875 7.03125 11.25 11.3020833333333 9.11458333333333 14.5833333333333
## lag.prob                     0.588235294117647 0.147058823529412 0.264705882352941 0.148148148148148 0.62962962962963 0.222222222222222 0.2 0.0857142857142857 0.714285714285714
## lag.z                        4.1169982275807 -1.87414357595779 -2.23644375566856 -2.29081419656272 5.15634477187178 -2.41732874488961 -1.95096376447637 -2.95444288998514 4.48035748705129
## lag.q                        0.737649063032368 -0.468354430379747 -0.470588235294118 -0.574144486692015 0.856759176365264 -0.545454545454545 -0.443609022556391 -0.714981729598051 0.769230769230769
## lag2.expected                6.36363636363636 3.63636363636364 5 0 0 0 7.63636363636364 4.36363636363636 6
## lag2.z                       2.57226385765214 -1.33491572767722 -1.48323969741913 NaN NaN NaN -2.57226385765214 1.33491572767722 1.48323969741913
## lag2.q                       0.75 -0.529411764705882 -0.523809523809524 NaN NaN NaN -0.75 0.529411764705882 0.523809523809524
## agree.precision              0.8
## agree.recall                 0.727272727272727
## agree.f1                     0.761904761904762
## agree.kappa                  0.67741935483871
## bounded.share                0.494285714285714 0.264058140083614 0.726962458777507
## bounded.rq                   1.278 0.302840253546929 5.39321962951433
## bounded.count                0.666666666666667 0.099076834861953 4.48585630600457
## bounded.per100               4.7 0.962642835612723 20.0148794206178
## bounded.fk                   3.75 -0.104177700437653 12.1113035120105
## bounded.count.t              -0.604263008026775 1.93759634136011
## mark.rq uncertain
## mark.rq.strong good
## mark.rq.low below
## mark.rq.near likely good
## mark.rq.fairish likely fair
## mark.cr.fair fair
## mark.cr.below likely below
## mark.rq.strong.ci            3.15 2.651843045256 3.74173728635667
## mark.rq.low.ci               0.075 0.0259573848136289 0.21670133722615
## mark.rq.near.ci              2.16666666666667 1.87263444925131 2.50686643424792
## mark.rq.fairish.ci           1.51666666666667 1.14832333815967 2.00316208975102
## mark.cr.fair.ci              0.45 0.43907984468403 0.460968550578965
## mark.cr.below.ci             0.34 0.232282714989236 0.467266356571483
