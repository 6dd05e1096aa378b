# measure.awk -- agreement of rapport's tags with human codes, per
# utterance and per session, from `rapport tag` output (utterances.jsonl
# lines, DESIGN.md section 7: "tags" from the analyzers, "codes" from the
# coders).
#
#   awk -f measure.awk -v label=HELD -v dataset=annomi-dev-held \
#       -v keep=held -v quality=FILE -v csv=FILE -v esconv=0 -v targets=1 \
#       utterances.jsonl
#
# keep: all, tune (transcript id / 3 even) or held (odd): the split of
# tests/eval/annomi.sh. quality: lines "SESSION high|low" (AnnoMI's
# mi_quality) for the R:Q AUC; empty for none. csv: append rows
# "indicator_or_tag,measure,value,dataset,n" there (docs/validity.csv);
# empty for none. esconv=1: the ESConv labels (question, reflection,
# affirmation) instead of AnnoMI's MITI codes. targets=1: print the
# figures against the issue's targets, met or missed.
#
# Definitions (written here, independently of aggregate/agree.c, whose
# per-tag counts they reproduce on AnnoMI):
# * presence P/R/F1 per utterance of the tag's side (therapist tags on
#   therapist utterances, change/sustain talk on client-side ones); a
#   parent tag is present when a child is.
# * subtype macro-F1: mean of the two subtypes' F1 over the utterances
#   that both the coders and rapport put in the family (a code without a
#   subtype is left out), as `rapport agree` prints it.
# * session indicators: reflection share = reflections / therapist
#   utterances; %CR = complex / (simple + complex) reflections (coders:
#   those coded with a subtype); %OQ = open / (open + closed) questions.
#   Pearson r over the sessions where both sides' indicator is defined;
#   for %CR also over those with 5 or more coded reflections (a ratio of
#   one or two reflections is all noise).
# * R:Q AUC: probability that a random high-quality session has a higher
#   R:Q than a random low-quality one (ties 1/2; Mann-Whitney / Hanley &
#   McNeil 1982). R:Q with no questions is infinite when there are
#   reflections, 0 when there are none.

function has(list, t,    n, a, i) {
	n = split(list, a, " ")
	for (i = 1; i <= n; i++)
		if (a[i] == t || index(a[i], t ".") == 1)
			return 1
	return 0
}

# The names after each "key": in s (the "tags" objects or the "codes" array).
function names(s, key,    out, r) {
	out = ""
	while (match(s, "\"" key "\":\"[^\"]*\"")) {
		r = substr(s, RSTART + length(key) + 4, RLENGTH - length(key) - 5)
		out = out " " r
		s = substr(s, RSTART + RLENGTH)
	}
	return out
}

function field(s, key) {
	if (!match(s, "\"" key "\":\"[^\"]*\""))
		return ""
	return substr(s, RSTART + length(key) + 4, RLENGTH - length(key) - 5)
}

# One target line: name, value, threshold.
function target(name, v, th,    shown, verdict) {
	shown = (v == "n/a") ? v : fmt(v)
	verdict = (v != "n/a" && v + 0 >= th) ? "met" : "MISSED"
	printf "    %-28s %6s  >= %.2f  %s\n", name, shown, th, verdict
}

function f1(tp, fp, fn) {
	return tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : 0
}

function fmt(x) { return sprintf("%.3f", x) }

function row(what, measure, value, n) {
	if (csv != "")
		printf "%s,%s,%s,%s,%d\n", what, measure, value, dataset, n >> csv
}

function kept(sess,    id) {
	if (keep == "all" || keep == "")
		return 1
	id = sess + 0
	if (keep == "tune")
		return int(id / 3) % 2 == 0
	return int(id / 3) % 2 == 1
}

function pearson(xs, ys, n,    i, mx, my, sxx, syy, sxy) {
	if (n < 3)
		return "n/a"
	mx = my = 0
	for (i = 1; i <= n; i++) { mx += xs[i]; my += ys[i] }
	mx /= n; my /= n
	sxx = syy = sxy = 0
	for (i = 1; i <= n; i++) {
		sxx += (xs[i] - mx) ^ 2
		syy += (ys[i] - my) ^ 2
		sxy += (xs[i] - mx) * (ys[i] - my)
	}
	if (sxx == 0 || syy == 0)
		return "n/a"
	return fmt(sxy / sqrt(sxx * syy))
}

# Session indicator k ("share", "cr", "oq") of rapport (p) and coders (g).
function sessr(k,    s, n, xs, ys, r) {
	n = 0
	for (s in nt) {
		if (k == "share") {
			if (nt[s] == 0) continue
			xs[++n] = pr[s] / nt[s]; ys[n] = gr[s] / nt[s]
		} else if (k == "cr" || k == "cr5") {
			if (pr[s] == 0 || gcr[s] + gsr[s] == 0) continue
			if (k == "cr5" && gcr[s] + gsr[s] < 5) continue
			xs[++n] = pcr[s] / pr[s]; ys[n] = gcr[s] / (gcr[s] + gsr[s])
		} else {
			if (pq[s] == 0 || goq[s] + gcq[s] == 0) continue
			xs[++n] = poq[s] / pq[s]; ys[n] = goq[s] / (goq[s] + gcq[s])
		}
	}
	r = pearson(xs, ys, n)
	sessn = n
	return r
}

# AUC of R:Q (rq_r[], rq_q[]) for high vs low sessions.
function auc(R, Q,    s, t, hi, lo, npair, sum, a, b) {
	npair = sum = 0
	for (s in nt) {
		if (qual[s] != "high") continue
		for (t in nt) {
			if (qual[t] != "low") continue
			a = R[s] * (Q[t] > 0 ? Q[t] : 0)
			b = R[t] * (Q[s] > 0 ? Q[s] : 0)
			# R/Q compared by cross-multiplying; Q = 0 is infinite
			# (or 0 with no reflections either).
			if (Q[s] == 0 && Q[t] == 0) { a = R[s]; b = R[t] }
			else if (Q[s] == 0) { a = R[s] > 0 ? 1 : 0; b = R[s] > 0 ? 0 : R[t] / Q[t] }
			else if (Q[t] == 0) { a = R[t] > 0 ? 0 : R[s] / Q[s]; b = R[t] > 0 ? 1 : 0 }
			npair++
			sum += a > b ? 1 : (a == b ? 0.5 : 0)
		}
	}
	aucn = npair
	return npair ? fmt(sum / npair) : "n/a"
}

BEGIN {
	if (quality != "")
		while ((getline line < quality) > 0) {
			split(line, qa, " ")
			qual[qa[1]] = qa[2]
		}
	if (esconv) {
		ntags = split("question reflection affirmation+validation affirmation validation", tlist, " ")
	} else {
		ntags = split("reflection reflection.simple reflection.complex question question.open question.closed change-talk sustain-talk", tlist, " ")
	}
}

{
	sess = field($0, "session")
	if (!kept(sess))
		next
	role = field($0, "role")
	t = $0
	sub(/"codes":.*/, "", t)
	c = $0
	sub(/.*"codes":\[/, "", c)
	sub(/\].*/, "", c)
	codes = ""
	while (match(c, /"[^"]*"/)) {
		codes = codes " " substr(c, RSTART + 1, RLENGTH - 2)
		c = substr(c, RSTART + RLENGTH)
	}
	tags = names(t, "tag")
	therapist = role == "therapist"
	clientside = role == "client" || role == "caregiver" || role == "family"
	if (!therapist && !clientside)
		next
	if (!(sess in nt)) nt[sess] = 0
	for (k = 1; k <= ntags; k++) {
		tg = tlist[k]
		side = (tg == "change-talk" || tg == "sustain-talk") ? clientside : therapist
		if (!side) continue
		if (tg == "affirmation+validation") {
			p = has(tags, "affirmation") || has(tags, "validation")
			g = has(codes, "affirmation")
		} else if (esconv && (tg == "affirmation" || tg == "validation")) {
			p = has(tags, tg)
			g = has(codes, "affirmation")
		} else {
			p = has(tags, tg)
			g = has(codes, tg)
		}
		n[tg]++
		if (p && g) tp[tg]++
		else if (p) fp[tg]++
		else if (g) fn[tg]++
	}
	if (!therapist)
		next
	nt[sess]++
	# subtypes
	ps = has(tags, "reflection.simple"); pc = has(tags, "reflection.complex")
	gs = has(codes, "reflection.simple"); gc = has(codes, "reflection.complex")
	if ((ps || pc) && (gs || gc)) {
		rc[gc ? "c" : "s", pc ? "c" : "s"]++
		nrs++
	}
	po = has(tags, "question.open"); pk = has(tags, "question.closed")
	go = has(codes, "question.open"); gk = has(codes, "question.closed")
	if ((po || pk) && (go || gk)) {
		qc[go ? "o" : "c", po ? "o" : "c"]++
		nqs++
	}
	pr[sess] += has(tags, "reflection"); pcr[sess] += pc
	pq[sess] += has(tags, "question"); poq[sess] += po
	gr[sess] += has(codes, "reflection"); gcr[sess] += gc; gsr[sess] += gs
	gq[sess] += has(codes, "question"); goq[sess] += go; gcq[sess] += gk
}

END {
	printf "%s\n", label
	printf "  %-24s %6s %6s %6s  %5s %5s %5s  %5s\n", "tag", "tp", "fp", "fn", "P", "R", "F1", "n"
	for (k = 1; k <= ntags; k++) {
		tg = tlist[k]
		P = tp[tg] + fp[tg] ? tp[tg] / (tp[tg] + fp[tg]) : 0
		R = tp[tg] + fn[tg] ? tp[tg] / (tp[tg] + fn[tg]) : 0
		F = f1(tp[tg], fp[tg], fn[tg])
		printf "  %-24s %6d %6d %6d  %s %s %s  %5d\n", tg, tp[tg], fp[tg], fn[tg], fmt(P), fmt(R), fmt(F), n[tg]
		row(tg, "precision", fmt(P), n[tg])
		row(tg, "recall", fmt(R), n[tg])
		row(tg, "f1", fmt(F), n[tg])
		key[tg] = F
	}
	sc = (f1(rc["s","s"], rc["c","s"], rc["s","c"]) + f1(rc["c","c"], rc["s","c"], rc["c","s"])) / 2
	oc = (f1(qc["o","o"], qc["c","o"], qc["o","c"]) + f1(qc["c","c"], qc["o","c"], qc["c","o"])) / 2
	if (!esconv) {
		printf "  open/closed macro-F1 %s (n %d)   simple/complex macro-F1 %s (n %d)\n", fmt(oc), nqs, fmt(sc), nrs
		row("question", "open_closed_macro_f1", fmt(oc), nqs)
		key["oc"] = oc; key["sc"] = sc
		row("reflection", "simple_complex_macro_f1", fmt(sc), nrs)
	} else {
		printf "  simple/complex proxy (Restatement vs Reflection of feelings) macro-F1 %s (n %d)\n", fmt(sc), nrs
		row("reflection", "simple_complex_proxy_macro_f1", fmt(sc), nrs)
	}
	r = sessr("share")
	printf "  session Pearson r with the %s: reflection share %s (n %d)\n", esconv ? "labels'" : "experts'", r, sessn
	row("reflection_share", "pearson_r", r, sessn)
	if (!esconv) {
		r = sessr("cr")
		printf "  session Pearson r with the experts': %%CR %s (n %d)", r, sessn
		row("pct_complex_reflections", "pearson_r", r, sessn)
		key["cr"] = r
		r = sessr("cr5")
		printf ", sessions with >= 5 coded reflections %s (n %d)\n", r, sessn
		row("pct_complex_reflections", "pearson_r_5plus", r, sessn)
		r = sessr("oq")
		printf "  session Pearson r with the experts': %%OQ %s (n %d)\n", r, sessn
		row("pct_open_questions", "pearson_r", r, sessn)
	}
	if (quality != "") {
		a = auc(pr, pq)
		ea = auc(gr, gq)
		printf "  R:Q AUC, mi_quality high vs low: rapport %s, experts' codes %s (%d pairs)\n", a, ea, aucn
		row("rq_ratio", "auc_mi_quality", a, aucn)
		key["auc"] = a
		row("rq_ratio", "auc_mi_quality_expert_codes", ea, aucn)
	}
	if (targets) {
		printf "  targets (issue 'Analyzers II', on HELD):\n"
		target("reflection F1", key["reflection"], 0.76)
		target("simple/complex macro-F1", key["sc"], 0.62)
		target("change-talk F1", key["change-talk"], 0.50)
		target("sustain-talk F1", key["sustain-talk"], 0.40)
		target("session %CR Pearson r", key["cr"], 0.5)
		target("R:Q AUC (mi_quality)", key["auc"], 0.85)
		target("question F1", key["question"], 0.90)
		target("open/closed macro-F1", key["oc"], 0.80)
	}
}
