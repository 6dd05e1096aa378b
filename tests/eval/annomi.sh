#!/bin/sh
# annomi.sh -- measure the analyzers against the expert codes of the
# AnnoMI development slice (../shared/eval/annomi-dev.csv; Wu et al.,
# ICASSP 2022). Not a pass/fail test: it prints the figures of issue 3's
# targets, on the whole slice and on its two halves (TUNE: transcript id /
# 3 even, on which thresholds were set; HELD: odd, kept for checking).
#
#   make eval                 (or)   sh tests/eval/annomi.sh [RAPPORT]
#
# Skips, with a message, when the eval data is absent.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rapport=${1:-${RAPPORT:-$top/rapport}}
csv=${ANNOMI_CSV:-$top/../shared/eval/annomi-dev.csv}
if [ ! -f "$csv" ]; then
	echo "SKIP: $csv is absent: nothing to measure"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapport-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$rapport" import csv "$csv" -o "$tmp/all" \
    --map session=transcript_id,order=utterance_id,speaker=interlocutor,text=utterance_text,time=timestamp \
    --roles therapist=therapist,client=client \
    --codes reflection_exists=True:reflection,reflection_subtype=simple:reflection.simple,reflection_subtype=complex:reflection.complex,question_exists=True:question,question_subtype=open:question.open,question_subtype=closed:question.closed,client_talk_type=change:change-talk,client_talk_type=sustain:sustain-talk \
    --set clinician=annomi 2> "$tmp/import.err" || {
	cat "$tmp/import.err" >&2
	exit 1
}
mkdir "$tmp/tune" "$tmp/held"
for f in "$tmp"/all/*.xml; do
	id=$(basename "$f" .xml)
	if [ $(( (id / 3) % 2 )) -eq 0 ]; then
		cp "$f" "$tmp/tune/"
	else
		cp "$f" "$tmp/held/"
	fi
done
summary() {	# DIR LABEL
	"$rapport" agree "$1" 2>/dev/null > "$tmp/agree"
	awk -v label="$2" '
	    $1 == "question" && NF == 8 { q = $7 }
	    $1 == "reflection" && NF == 8 { r = $7 }
	    /^reflection \(rows/ { fam = "r" } /^question \(rows/ { fam = "q" }
	    /macro-F1/ { if (fam == "r") rs = $NF; else qs = $NF }
	    END { printf "%-6s question F1 %s (>= 0.90)  open/closed macro-F1 %s (>= 0.80)  reflection F1 %s (>= 0.70)  simple/complex macro-F1 %s (>= 0.60)\n", label, q, qs, r, rs }' \
	    "$tmp/agree"
}
echo "AnnoMI development slice, per therapist utterance ($rapport)"
summary "$tmp/all" ALL
summary "$tmp/tune" TUNE
summary "$tmp/held" HELD
echo
"$rapport" agree "$tmp/all" 2>/dev/null
