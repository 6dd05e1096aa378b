#!/bin/sh
# annomi.sh -- the analyzers against the expert MITI codes of the AnnoMI
# development slice (annomi-dev.csv; Wu et al., ICASSP 2022). Not a
# pass/fail test: it prints, on the whole slice and on its two halves
# (TUNE: transcript id / 3 even, the only half whose errors are read;
# HELD: odd, only measured), per-tag P/R/F1, the subtype macro-F1s, and
# at session level the Pearson r of reflection share, %CR and %OQ with
# the experts' and the AUC of R:Q for mi_quality high vs low
# (definitions in measure.awk).
#
#   make eval        (or)   sh tests/eval/annomi.sh RAPPORT [CSV]
#
# CSV: append the HELD rows there (indicator_or_tag, measure, value,
# dataset, n: docs/validity.csv). Skips, with a message, when the data is absent.
. "$(dirname "$0")/common.sh"
rapport=${1:-${RAPPORT:-$top/rapport}}
csv=${2:-}
dir=$(eval_dir)
src=${ANNOMI_CSV:-$dir/annomi-dev.csv}
need "$src"

"$rapport" import csv "$src" -o "$tmp/all" \
    --map session=transcript_id,order=utterance_id,speaker=interlocutor,text=utterance_text,time=timestamp,cohort=mi_quality \
    --roles therapist=therapist,client=client \
    --codes reflection_exists=True:reflection,reflection_subtype=simple:reflection.simple,reflection_subtype=complex:reflection.complex,question_exists=True:question,question_subtype=open:question.open,question_subtype=closed:question.closed,client_talk_type=change:change-talk,client_talk_type=sustain:sustain-talk \
    --set clinician=annomi 2> "$tmp/import.err" || {
	cat "$tmp/import.err" >&2
	exit 1
}
# mi_quality travels as the clinician's cohort attribute.
for f in "$tmp"/all/*.xml; do
	q=$(sed -n 's/.*<clinician [^>]*cohort="\([a-z]*\)".*/\1/p' "$f")
	echo "$(basename "$f" .xml) $q"
done > "$tmp/quality"
"$rapport" tag "$tmp/all" > "$tmp/utt.jsonl" 2> "$tmp/tag.err" || {
	cat "$tmp/tag.err" >&2
	exit 1
}

echo "AnnoMI development slice ($src; $rapport)"
for split in ALL TUNE HELD; do
	lc=$(echo "$split" | tr A-Z a-z)
	out=
	[ "$split" = HELD ] && out=$csv
	awk -f "$here/measure.awk" -v label="$split" -v keep="$lc" \
	    -v dataset="annomi-dev-$lc" -v quality="$tmp/quality" \
	    -v csv="$out" -v esconv=0 -v targets=$([ "$split" = HELD ] &&
	    echo 1 || echo 0) "$tmp/utt.jsonl"
	echo
done
echo "Cross-check, rapport agree on the whole slice:"
"$rapport" agree "$tmp/all" 2>/dev/null
