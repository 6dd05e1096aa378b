# overlap.awk -- 5-word sequences shared by project text and the dev data.
#
#   awk -f overlap.awk -v dev="annomi-dev.csv esconv-dev.csv" FILE...
#
# The dev files' text (every field, CSV quoting ignored: a 5-gram never
# spans a field boundary that matters) gives the set of 5-word sequences.
# Each FILE is then read: a rule file (*.rules) by line kind -- the words
# of "example" lines and of comment paragraphs, and the literal phrases of
# "pattern" / "unless" lines (words joined only by spaces or \s, \s+, \s*;
# any other regular-expression syntax breaks the phrase); any other file as
# running text. Every shared sequence is printed as FILE:LINE: words, and
# the exit status is 1 when there is one.
#
# Words: letters, digits and apostrophes (U+2019 as '), in lower case.

function norm(s) {
	gsub(/\xe2\x80\x99/, "'", s)
	s = tolower(s)
	gsub(/[^a-z0-9']+/, " ", s)
	return s
}

# Add the 5-grams of words w[1..n] to the dev set.
function learn(s,    w, n, i) {
	n = split(norm(s), w, " ")
	for (i = 1; i + 4 <= n; i++)
		dev5[w[i] " " w[i+1] " " w[i+2] " " w[i+3] " " w[i+4]] = 1
}

# Words carried over from earlier lines of the same text (a comment
# paragraph, running text): a sequence may span lines.
function check(s, file, line, carry,    w, n, i, g, all) {
	all = carry " " norm(s)
	n = split(all, w, " ")
	for (i = 1; i + 4 <= n; i++) {
		g = w[i] " " w[i+1] " " w[i+2] " " w[i+3] " " w[i+4]
		if (g in dev5 && !((file, g) in seen)) {
			seen[file, g] = 1
			printf "%s:%d: %s\n", file, line, g
			bad++
		}
	}
	# keep the last four words for the next line
	carry = ""
	for (i = (n > 4 ? n - 3 : 1); i <= n; i++)
		carry = carry " " w[i]
	return carry
}

# The literal phrases of a regular expression, separated by newlines.
function literals(re) {
	gsub(/\\s[+*?]?/, " ", re)
	gsub(/\\x\{2019\}/, "'", re)
	gsub(/\\b/, "", re)
	gsub(/\(\?[:!=<]*|[()|\[\]{}^$.*+?\\]/, "\n", re)
	return re
}

BEGIN {
	nd = split(dev, df, " ")
	for (k = 1; k <= nd; k++)
		while ((getline l < df[k]) > 0)
			learn(l)
	bad = 0
}

FNR == 1 { carry = ""; rules = FILENAME ~ /\.rules$/ }

rules && /^[ \t]*#/ {
	t = $0
	sub(/^[ \t]*#+/, "", t)
	carry = check(t, FILENAME, FNR, carry)
	next
}
rules && /^example [+-] / {
	t = $0
	sub(/^example [+-] /, "", t)
	check(t, FILENAME, FNR, "")
	carry = ""
	next
}
rules && /^(pattern|unless) / {
	t = $0
	sub(/^(pattern|unless) /, "", t)
	np = split(literals(t), ph, "\n")
	for (k = 1; k <= np; k++)
		check(ph[k], FILENAME, FNR, "")
	carry = ""
	next
}
rules { carry = ""; next }
{ carry = check($0, FILENAME, FNR, carry) }

END { exit bad > 0 }
