#!/bin/sh
# overlap.sh -- fail when a rule (pattern, example or comment), an
# analyzer's source or the documentation shares a 5-word sequence with
# the development data (annomi-dev.csv, esconv-dev.csv): rules describe
# the skill, never a dev sentence (tests/eval/README.md).
#
#   make eval   (or)   sh tests/eval/overlap.sh [FILE...]
#
# Without FILEs: analyzers/rules/*.rules, analyzers/*.c, analyzers/*.md,
# docs/*.md and tests/eval/*. Skips, with a message, when the data is absent.
. "$(dirname "$0")/common.sh"
dir=$(eval_dir)
need "$dir/annomi-dev.csv"
need "$dir/esconv-dev.csv"
cd "$top"
if [ $# -eq 0 ]; then
	set -- analyzers/rules/*.rules analyzers/*.c analyzers/*.h \
	    analyzers/*.md docs/*.md tests/eval/*.sh tests/eval/*.awk \
	    tests/eval/*.md
fi
for f in "$@"; do
	[ -f "$f" ] || continue
	printf '%s\n' "$f"
done > "$tmp/files"
if awk -f "$here/overlap.awk" -v dev="$dir/annomi-dev.csv $dir/esconv-dev.csv" \
    $(cat "$tmp/files") > "$tmp/hits"; then
	echo "overlap: no 5-word sequence of the dev data in $(wc -l < "$tmp/files") files"
else
	cat "$tmp/hits"
	echo "overlap: FAIL: $(wc -l < "$tmp/hits") 5-word sequences shared with the dev data" >&2
	exit 1
fi
