#!/bin/sh
# bench/hostile.sh -- time bounds on inputs that once took quadratic time.
#
# Each case is a file an adversary (or an unlucky export) can hand rapport,
# and each was slow in rapport 0.1's first release: 100,000 <speaker>
# declarations in one session (48 s: every lookup walked the list), a
# start tag with 1,150,000 attributes (minutes: libxml2 checks attributes
# pairwise; now refused after 64, before libxml2 reads the tag), a CSV of
# 100,000 one-row sessions (96 s: every row searched the sessions read
# so far). The check is on CPU time (user + system), so a busy machine
# does not fail it, and on the outcome (accepted, or refused for the right
# reason). Bounds: HOSTILE_BOUNDS overrides "speakers:3 attributes:2
# csv:20" (CPU seconds). Run by bench/run.sh, or alone.
set -eu
LC_ALL=C
export LC_ALL
top_builddir=${top_builddir:-$(pwd)}
rapport=${RAPPORT:-$top_builddir/rapport}
out=${BENCH_DIR:-$top_builddir/bench/out}
TIME=/usr/bin/time
mkdir -p "$out"

make_inputs() {
	[ -f "$out/speakers.xml" ] || awk 'BEGIN {
		printf "<session id=\"S\"><clinician id=\"C\"/><speakers>"
		for (i = 0; i < 100000; i++)
			printf "<speaker id=\"s%d\" role=\"client\"/>", i
		printf "<speaker id=\"T\" role=\"therapist\"/></speakers>"
		printf "<transcript><u who=\"T\">hello</u>"
		printf "<u who=\"s99999\">hi</u></transcript></session>\n"
	}' > "$out/speakers.xml"
	[ -f "$out/attributes.xml" ] || awk 'BEGIN {
		printf "<session id=\"S\""
		for (i = 0; i < 1150000; i++)
			printf " a%d=\"1\"", i
		printf "><clinician id=\"C\"/></session>\n"
	}' > "$out/attributes.xml"
	[ -f "$out/sessions.csv" ] || awk 'BEGIN {
		print "session,speaker,text"
		for (i = 0; i < 100000; i++)
			printf "S%06d,client,I feel a little better this week.\n", i
	}' > "$out/sessions.csv"
}

# run NAME BOUND WANT_EXIT GREP ARGS...: time `rapport ARGS`.
run() {
	name=$1 bound=$2 want=$3 pat=$4
	shift 4
	rc=0
	timeout 600 "$TIME" -f '%U %S %M' -o "$out/time" "$rapport" "$@" \
	    > /dev/null 2> "$out/err" || rc=$?
	[ "$rc" -ne 124 ] || { echo "bench: $name: killed after 600 s" >&2; exit 1; }
	read -r u s m < "$out/time"
	cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
	printf '%-12s %8s %8s %8.1f  %s\n' "$name" "$cpu" "$bound" \
	    "$(awk -v m="$m" 'BEGIN { print m / 1024 }')" "exit $rc"
	[ "$rc" -eq "$want" ] || { cat "$out/err" >&2; echo "bench: $name: exit $rc, want $want" >&2; exit 1; }
	[ -z "$pat" ] || grep -q "$pat" "$out/err" ||
		{ echo "bench: $name: no '$pat' in: $(head -3 "$out/err")" >&2; exit 1; }
	awk -v c="$cpu" -v b="$bound" 'BEGIN { exit !(c <= b) }' || {
		echo "bench: $name took $cpu s of CPU, bound $b s" >&2
		exit 1
	}
}

make_inputs
set -- ${HOSTILE_BOUNDS:-speakers:3 attributes:2 csv:20}
for spec; do eval "bound_${spec%%:*}=${spec#*:}"; done
printf '%-12s %8s %8s %8s  %s\n' case cpu_s bound_s rssMB outcome
run speakers "$bound_speakers" 0 '' validate -q --no-schema "$out/speakers.xml"
run attributes "$bound_attributes" 1 'more than 64 attributes' \
    validate -q --no-schema "$out/attributes.xml"
run csv "$bound_csv" 0 '' validate -q --no-schema --set clinician=C1 \
    "$out/sessions.csv"
