# common.sh -- sourced by the eval scripts (tests/eval/*.sh).
#
# Finds the evaluation data (../shared/eval, README there), makes a
# temporary directory $tmp removed on exit, and never writes into the
# source tree: figures go to standard output, and the validity rows
# (docs/validity.csv columns) to $csv when the caller names one.
set -eu
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

# eval_dir: the folder holding annomi-dev.csv and esconv-dev.csv:
# $RAPPORT_EVAL_DIR, else ../shared/eval beside the source tree, else
# beside the main checkout of a git worktree; ../shared/eval beside the
# source tree when none exists.
eval_dir() {
	if [ -n "${RAPPORT_EVAL_DIR:-}" ]; then
		echo "$RAPPORT_EVAL_DIR"
		return
	fi
	for d in "$top/../shared/eval" "$top/../../shared/eval"; do
		if [ -d "$d" ]; then
			(cd "$d" && pwd)
			return
		fi
	done
	common=$(git -C "$top" rev-parse --path-format=absolute \
	    --git-common-dir 2>/dev/null || true)
	if [ -n "$common" ] && [ -d "$(dirname "$common")/../shared/eval" ]; then
		(cd "$(dirname "$common")/../shared/eval" && pwd)
		return
	fi
	echo "$top/../shared/eval"	# absent: need() says so
}

# need FILE: skip (status 0, a visible message) when FILE is absent.
need() {
	if [ ! -f "$1" ]; then
		echo "SKIP: $1 is absent: nothing to measure (see tests/eval/README.md)"
		exit 0
	fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapport-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
