#!/bin/sh
# autogen.sh -- generate ./configure from configure.ac and Makefile.am.
set -e
cd "$(dirname "$0")"
if ! command -v autoreconf >/dev/null 2>&1; then
	echo "autogen.sh: autoreconf not found; install autoconf, automake and pkg-config" >&2
	echo "  (Debian: apt-get install autoconf automake pkg-config)" >&2
	exit 1
fi
autoreconf -fi
