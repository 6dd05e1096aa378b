#!/bin/sh
# bench/long-utterance.sh -- time bounds on one enormous utterance.
#
# Jargon tagging used to be quadratic in the hits of one utterance (80,000
# repeats of "CBT " took 36 s; an 8 MiB utterance, the most ingest
# accepts, would have taken hours). This runs `rapport tag` on a session
# whose therapist utterance is N repeats of "CBT " (N = 80,000, 320 KB;
# and 2,097,000, just under 8 MiB) and fails when the CPU time (user +
# system, so a busy machine does not fail it) exceeds the bound, or when
# the run is killed by the wall-clock timeout, or when it does not find
# every one of the N terms. Bounds: LONG_BOUNDS (default "80000:3
# 2097000:60", repeats:CPU seconds); measured 0.06 s and 2.4 s of CPU on
# 2 cores (bench/README.md). Run by bench/run.sh first, or alone.
set -eu
LC_ALL=C
export LC_ALL
top_builddir=${top_builddir:-$(pwd)}
rapport=${RAPPORT:-$top_builddir/rapport}
out=${BENCH_DIR:-$top_builddir/bench/out}
TIME=/usr/bin/time
mkdir -p "$out"

printf '%-10s %8s %8s %8s %9s %8s\n' repeats MB cpu_s bound_s tags rssMB
for spec in ${LONG_BOUNDS:-80000:3 2097000:60}; do
	n=${spec%%:*}
	bound=${spec#*:}
	f=$out/long-$n.xml
	if [ ! -f "$f" ]; then
		{
			printf '<?xml version="1.0"?>\n<session id="LONG" '
			printf 'date="2026-03-14"><clinician id="C01"/>'
			printf '<client id="P01"/><speakers><speaker id="T" '
			printf 'role="therapist"/><speaker id="C" role="client"/>'
			printf '</speakers><transcript><u who="T">'
			awk -v n="$n" 'BEGIN { while (i++ < n) printf "CBT " }'
			printf '</u><u who="C">ok</u></transcript></session>\n'
		} > "$f.tmp"
		mv "$f.tmp" "$f"
	fi
	rc=0
	timeout 600 "$TIME" -f '%U %S %M' -o "$out/time" "$rapport" tag "$f" \
	    > "$out/long.jsonl" 2> "$out/err" || rc=$?
	[ "$rc" -ne 124 ] || { echo "bench: $n repeats: killed after 600 s" >&2; exit 1; }
	[ "$rc" -eq 0 ] || { cat "$out/err" >&2; exit 1; }
	read -r u s m < "$out/time"
	tags=$(grep -o '"rule":"jargon.cbt"' "$out/long.jsonl" | wc -l)
	cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
	awk -v n="$n" -v b="$(wc -c < "$f")" -v c="$cpu" -v bd="$bound" \
	    -v t="$tags" -v m="$m" 'BEGIN {
		printf "%-10d %8.1f %8.2f %8d %9d %8.1f\n", n, b / 1048576, c,
		    bd, t, m / 1024 }'
	[ "$tags" -eq "$n" ] || { echo "bench: $n repeats: $tags jargon tags" >&2; exit 1; }
	awk -v c="$cpu" -v bd="$bound" 'BEGIN { exit !(c <= bd) }' || {
		echo "bench: $n repeats took $cpu s of CPU, bound $bound s" >&2
		exit 1
	}
done
rm -f "$out/long.jsonl"
