#!/bin/sh
# submit.sh -- submit a sharded `rapport run` to Slurm: a job array of N
# shards (at most P running at once), then the merge, which starts only
# when every shard succeeded (--dependency=afterok).
#
#   contrib/slurm/submit.sh [-n N] [-p P] -w WORK -o RESULTS INPUT...
#
# -n N        shards (default 16)
# -p P        array throttle: at most P shards at a time (default 8)
# -w WORK     shared folder for the shard folders (WORK/shard-K)
# -o RESULTS  the merged results folder (shared storage is fine: it is
#             copied there once complete)
# Environment: RAPPORT, RAPPORT_RUN_OPTS, RAPPORT_MERGE_OPTS (see the two
# .sbatch files) and RAPPORT_SBATCH_OPTS (options for both sbatch calls,
# e.g. "--partition=short --account=lab"). Prints the two job ids.
set -eu

usage() {
	echo "usage: submit.sh [-n N] [-p P] -w WORK -o RESULTS INPUT..." >&2
	exit 2
}
n=16
p=8
work=
out=
while getopts n:p:w:o: opt; do
	case $opt in
	n) n=$OPTARG ;;
	p) p=$OPTARG ;;
	w) work=$OPTARG ;;
	o) out=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$work" ] && [ -n "$out" ] && [ $# -ge 1 ] || usage
case $n$p in
*[!0-9]*) usage ;;
esac
[ "$n" -ge 1 ] && [ "$p" -ge 1 ] || usage
here=$(cd "$(dirname "$0")" && pwd)

# --parsable prints "jobid" or "jobid;cluster".
# shellcheck disable=SC2086
array=$(sbatch --parsable --array="1-$n%$p" ${RAPPORT_SBATCH_OPTS:-} \
    "$here/rapport-shard.sbatch" "$n" "$work" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --dependency="afterok:$array" \
    --kill-on-invalid-dep=yes ${RAPPORT_SBATCH_OPTS:-} \
    "$here/rapport-merge.sbatch" "$n" "$work" "$out")
merge=${merge%%;*}
echo "$array $merge"
