#!/bin/sh
# bench/run.sh -- `make bench`: rapport run against the XML parse floor.
#
# Generates synthetic corpora with datasets/synth (one file per session, so
# inputs can be read in parallel), then times on each (GNU time: wall
# seconds and CPU seconds, user + system, since other jobs share the
# machine):
#   floor   xmllint --stream --noout over the same files
#   -j1     rapport run -j1 --no-reports
#   -jN     rapport run -jN --no-reports (N = cores)
#   nopf    rapport run -j1 --no-reports --no-prefilter (every rule's PCRE2
#           patterns on every utterance: what the prefilter saves)
#   peer    bench/peer.py (lxml iterparse + Python re, one regex per rule
#           pattern), on the sizes of BENCH_PEER_SIZES only (default
#           2000: it runs at about 0.2 MB/s); skipped without python3-lxml
# and prints -j1 / floor (target <= 3, goal 1.5), MB/s, the -jN speedup
# (target >= 1.8 on 2 cores), nopf / -j1, peer / -j1 (target >= 10) and
# peak RSS. Sizes: BENCH_SIZES (default "2000 20000"); runs per
# measurement, best kept: BENCH_REPEAT (default 3). Reports are left out
# (--no-reports): they are a fixed cost per clinician, not per byte.
# Then peak RSS of -jN on one <corpus> file of 2,000, 20,000 and 200,000
# sessions (BENCH_CORPUS_SIZES; BENCH_SKIP_200K=1 leaves the 200,000 out;
# target: 200k within 1.25x of 2k). First, bench/long-utterance.sh checks
# time bounds on one enormous utterance, bench/hostile.sh on inputs that
# were once quadratic (speakers, attributes, a CSV of many sessions);
# BENCH_ONLY_CORPUS=1 skips those two.
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

repeat=${BENCH_REPEAT:-3}
peer_sizes=${BENCH_PEER_SIZES:-2000}
# A python3 with lxml (the pyenv one on PATH may lack it).
python=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import lxml' >/dev/null 2>&1; then
		python=$p
		break
	fi
done

if [ "${BENCH_ONLY_CORPUS:-}" != 1 ]; then
	# One enormous utterance first: time bounds on the jargon path.
	top_builddir=$top_builddir BENCH_DIR=$out sh "$srcdir/bench/long-utterance.sh"
	top_builddir=$top_builddir BENCH_DIR=$out sh "$srcdir/bench/hostile.sh"
	echo
fi

# run LABEL CMD...: best wall seconds of $repeat runs, the CPU seconds
# (user + system) of that run, and the peak RSS (KiB) of all.
run() {
	label=$1
	shift
	best= cpu= rss=0
	i=0
	while [ $i -lt "$repeat" ]; do
		i=$((i + 1))
		"$TIME" -f '%e %U %S %M' -o "$out/time" "$@" >/dev/null \
		    2>"$out/err" || {
			rc=$?
			[ $rc -le 1 ] || { cat "$out/err" >&2; exit 1; }
		}
		read -r t u s m < "$out/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then
			best=$t
			cpu=$(awk "BEGIN{print $u + $s}")
		fi
		[ "$m" -gt "$rss" ] && rss=$m
	done
	eval "${label}_t=$best ${label}_cpu=$cpu ${label}_rss=$rss"
}

RAPPORT_PREFILTER_STATS=1 "$rapport" tag /dev/null 2>&1 >/dev/null |
	grep '^prefilter:' || true
printf '%-8s %5s %13s %13s %13s %7s %6s %13s %7s %13s %6s %13s %6s %7s\n' \
	sessions MB floor_s/cpu j1_s/cpu j1/floor MB/s utts \
	"j${jobs}_s/cpu" speedup nopf_s/cpu nopf/j1 peer_s/cpu peer/j1 rssMB
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
	run j1 "$rapport" run -q -j1 --no-reports -o "$out/res-j1" "$dir"
	run jn "$rapport" run -q -j"$jobs" --no-reports -o "$out/res-jn" "$dir"
	run nopf "$rapport" run -q -j1 --no-reports --no-prefilter \
	    -o "$out/res-nopf" "$dir"
	for f in sessions.csv utterances.jsonl; do
		cmp -s "$out/res-j1/$f" "$out/res-jn/$f" || {
			echo "bench: -j1 and -j$jobs $f differ" >&2
			exit 1
		}
		cmp -s "$out/res-j1/$f" "$out/res-nopf/$f" || {
			echo "bench: $f differs with --no-prefilter" >&2
			exit 1
		}
	done
	peer_t=0 peer_cpu=0
	case " $peer_sizes " in
	*" $n "*)
		if [ -n "$python" ]; then
			run peer "$python" "$srcdir/bench/peer.py" \
			    "$srcdir/analyzers/rules" "$dir"
		fi
		;;
	esac
	utts=$(wc -l < "$out/res-j1/utterances.jsonl")
	awk -v n="$n" -v mb="$mb" -v f="$floor_t" -v fc="$floor_cpu" \
	    -v a="$j1_t" -v ac="$j1_cpu" -v b="$jn_t" -v bc="$jn_cpu" \
	    -v c="$nopf_t" -v cc="$nopf_cpu" -v p="$peer_t" -v pc="$peer_cpu" \
	    -v u="$utts" -v r1="$j1_rss" 'BEGIN {
		printf "%-8d %5d %6.2f/%6.2f %6.2f/%6.2f %6.1f/%6.1f %7.1f %6d %6.2f/%6.2f %7.2f %6.2f/%6.2f %7.2f ",
		    n, mb, f, fc, a, ac, a / f, ac / fc, mb / a, u, b, bc,
		    a / b, c, cc, c / a
		if (p > 0)
			printf "%6.2f/%6.2f %6.1f ", p, pc, p / a
		else
			printf "%13s %6s ", "-", "-"
		printf "%7.1f\n", r1 / 1024 }'
done
[ -n "$python" ] ||
	echo "bench: python3-lxml not installed: peer.py skipped" \
	    "(apt-get install python3-lxml)"

# Peak memory against corpus size when the corpus is ONE <corpus> file
# (docs/architecture.md section 11: memory independent of corpus size),
# one run each.
corpus_sizes=${BENCH_CORPUS_SIZES:-2000 20000 200000}
echo
printf '%-12s %8s %13s %9s %9s\n' corpus_file MB run_s/cpu rssMB rss/2k
rss2k=
repeat=1
for n in $corpus_sizes; do
	if [ "$n" = 200000 ] && [ "${BENCH_SKIP_200K:-}" = 1 ]; then
		echo "200000: skipped (BENCH_SKIP_200K=1)"
		continue
	fi
	f=$out/corpus-$n.xml
	[ -f "$f" ] || "$synth" --sessions "$n" --seed 7 -o "$f"
	mb=$(du -m --apparent-size "$f" | cut -f1)
	run one "$rapport" run -q -j"$jobs" --no-reports \
	    -o "$out/res-one" "$f"
	[ -n "$rss2k" ] || rss2k=$one_rss
	awk -v n="$n" -v mb="$mb" -v t="$one_t" -v c="$one_cpu" \
	    -v r="$one_rss" -v r0="$rss2k" 'BEGIN {
		printf "%-12d %8d %6.2f/%6.2f %9.1f %9.2f\n", n, mb, t, c,
		    r / 1024, r / r0 }'
done
