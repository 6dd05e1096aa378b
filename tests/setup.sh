# setup.sh -- sourced by every shell test (tests/*.test).
#
# Strict mode, the C locale, a temporary directory $tmp removed on exit,
# and the variables the harness exports (Makefile.am AM_TESTS_ENVIRONMENT):
# $srcdir (top of the source tree), $top_builddir, $RAPPORT (the binary).
set -eu
LC_ALL=C
export LC_ALL
srcdir=${srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$srcdir}
RAPPORT=${RAPPORT:-$top_builddir/rapport}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapport-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# fail MESSAGE: the test fails with MESSAGE.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# check_golden ACTUAL GOLDEN: ACTUAL must equal GOLDEN (a path relative to
# $srcdir). With REGEN=1 (`make check REGEN=1`) GOLDEN is rewritten from
# ACTUAL instead, and says so: goldens change deliberately, never silently
# (REGEN=0 or an empty REGEN, which make exports when unset, compares).
check_golden() {
	if [ "${REGEN:-}" = 1 ]; then
		mkdir -p "$(dirname "$srcdir/$2")"
		cp "$1" "$srcdir/$2"
		echo "REGEN: wrote $2"
	elif [ ! -f "$srcdir/$2" ]; then
		fail "golden $2 is missing (make check REGEN=1 writes it)"
	else
		diff -u "$srcdir/$2" "$1" || fail "output differs from $2"
	fi
}
