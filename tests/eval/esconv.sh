#!/bin/sh
# esconv.sh -- the analyzers against the supporters' own strategy labels
# of the ESConv dev split (esconv-dev.csv; Liu et al., ACL 2021): peer
# emotional support, not MI, and labels chosen by the supporter, one per
# turn. Compared: Questions vs question; Restatement or Paraphrasing and
# Reflection of feelings vs reflection (the two as a proxy of simple and
# complex); Affirmation and Reassurance vs affirmation or validation.
# Not a pass/fail test; never tuned on (no split is read for errors).
#
#   make eval        (or)   sh tests/eval/esconv.sh RAPPORT [CSV]
. "$(dirname "$0")/common.sh"
rapport=${1:-${RAPPORT:-$top/rapport}}
csv=${2:-}
dir=$(eval_dir)
src=${ESCONV_CSV:-$dir/esconv-dev.csv}
need "$src"

"$rapport" import csv "$src" -o "$tmp/all" \
    --map session=dialog_id,order=turn_idx,speaker=speaker,text=text \
    --roles supporter=therapist,seeker=client \
    --codes "strategy=Questions:question,strategy=Restatement or Paraphrasing:reflection.simple,strategy=Reflection of feelings:reflection.complex,strategy=Affirmation and Reassurance:affirmation" \
    --set clinician=esconv 2> "$tmp/import.err" || {
	cat "$tmp/import.err" >&2
	exit 1
}
"$rapport" tag "$tmp/all" > "$tmp/utt.jsonl" 2> "$tmp/tag.err" || {
	cat "$tmp/tag.err" >&2
	exit 1
}
echo "ESConv dev split ($src; $rapport)"
awk -f "$here/measure.awk" -v label="ESConv dev, per supporter turn" \
    -v keep=all -v dataset=esconv-dev -v quality= -v csv="$csv" -v esconv=1 \
    "$tmp/utt.jsonl"
