#!/bin/sh
# bench/run.sh -- `make bench`: rapport run against the XML parse floor.
#
# Generates synthetic corpora with datasets/synth (one file per session, so
# inputs can be read in parallel), then times on each:
#   floor   xmllint --stream --noout over the same files
#   -j1     rapport run -j1
#   -jN     rapport run -jN (N = cores)
# and prints the ratio of -j1 to the floor, MB/s, sessions/s, the -jN
# speedup and peak RSS. Targets (issue "rapport run"): -j1 within 2x of
# the floor, -j2 >= 1.7x faster than -j1 on 2 cores, peak RSS the same for
# both corpus sizes. Sizes: BENCH_SIZES (default "2000 20000"). First,
# bench/long-utterance.sh checks time bounds on one enormous utterance,
# bench/hostile.sh on inputs that were once quadratic (speakers,
# attributes, a CSV of many sessions).
set -eu
LC_ALL=C
export LC_ALL
top_builddir=${top_builddir:-$(pwd)}
srcdir=${srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
rapport=$top_builddir/rapport
synth=$top_builddir/datasets/synth/rapport-synth
out=${BENCH_DIR:-$top_builddir/bench/out}
sizes=${BENCH_SIZES:-2000 20000}
jobs=$(nproc)
TIME=/usr/bin/time

for tool in xmllint "$TIME"; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool not found (apt-get install libxml2-utils time)" >&2
		exit 1
	}
done
mkdir -p "$out"

# One enormous utterance first: time bounds on the jargon path.
top_builddir=$top_builddir BENCH_DIR=$out sh "$srcdir/bench/long-utterance.sh"
top_builddir=$top_builddir BENCH_DIR=$out sh "$srcdir/bench/hostile.sh"
echo

# run LABEL CMD...: best wall seconds of 3 runs and the peak RSS (KiB).
run() {
	label=$1
	shift
	best= rss=0
	for i in 1 2 3; do
		"$TIME" -f '%e %M' -o "$out/time" "$@" >/dev/null 2>"$out/err" || {
			rc=$?
			[ $rc -le 1 ] || { cat "$out/err" >&2; exit 1; }
		}
		read -r t m < "$out/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then
			best=$t
		fi
		[ "$m" -gt "$rss" ] && rss=$m
	done
	eval "${label}_t=$best ${label}_rss=$rss"
}

printf '%-8s %8s %8s %8s %8s %7s %8s %9s %8s %7s %9s %9s\n' sessions MB \
	floor_s j1_s ratio MB/s sess/s "j${jobs}_s" speedup utts \
	j1_rssMB "j${jobs}_rssMB"
for n in $sizes; do
	dir=$out/corpus-$n
	if [ ! -f "$dir/.done" ]; then
		rm -rf "$dir"
		"$synth" --sessions "$n" --seed 42 --per-file "$dir"
		touch "$dir/.done"
	fi
	mb=$(du -sm --apparent-size "$dir" | cut -f1)
	find "$dir" -name '*.xml' | sort > "$out/list"
	run floor sh -c "xargs xmllint --stream --noout < '$out/list'"
	run j1 "$rapport" run -q -j1 -o "$out/res-j1" "$dir"
	run jn "$rapport" run -q -j"$jobs" -o "$out/res-jn" "$dir"
	cmp -s "$out/res-j1/sessions.csv" "$out/res-jn/sessions.csv" || {
		echo "bench: -j1 and -j$jobs outputs differ" >&2
		exit 1
	}
	utts=$(wc -l < "$out/res-j1/utterances.jsonl")
	awk -v n="$n" -v mb="$mb" -v f="$floor_t" -v a="$j1_t" -v b="$jn_t" \
	    -v u="$utts" -v r1="$j1_rss" -v rn="$jn_rss" 'BEGIN {
		printf "%-8d %8d %8.2f %8.2f %8.2f %7.1f %8.0f %9.2f %8.2f %7d %9.1f %9.1f\n",
		    n, mb, f, a, a / f, mb / a, n / a, b, a / b, u, r1 / 1024,
		    rn / 1024 }'
done

# Peak memory against corpus size when the corpus is ONE <corpus> file
# (docs/architecture.md section 11: memory independent of corpus size). Sizes:
# BENCH_CORPUS_SIZES (default "2000 20000").
echo
printf '%-12s %8s %8s %9s\n' corpus_file MB run_s rssMB
for n in ${BENCH_CORPUS_SIZES:-2000 20000}; do
	f=$out/corpus-$n.xml
	[ -f "$f" ] || "$synth" --sessions "$n" --seed 7 -o "$f"
	mb=$(du -m --apparent-size "$f" | cut -f1)
	run one "$rapport" run -q -j"$jobs" -o "$out/res-one" "$f"
	awk -v n="$n" -v mb="$mb" -v t="$one_t" -v r="$one_rss" 'BEGIN {
		printf "%-12d %8d %8.2f %9.1f\n", n, mb, t, r / 1024 }'
done

