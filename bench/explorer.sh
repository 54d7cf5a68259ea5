#!/usr/bin/env bash
# The Explorer's figures for docs/BENCHMARKS.md (explorer.ExplorerBench): bytes of the first page, navigation to
# content per page type and the GraphQL requests per page view, in the system's Chromium, with the load average
# before and after (the machine may be shared). Prints; asserts nothing.
#
#   PARLEY_LOCAL_DATABASE_NAME=parley_NAME bench/explorer.sh [--scale N] [runs]
#
# Without --scale: the curated data, in the test database PARLEY_LOCAL_DATABASE_NAME. With --scale N: the benchmark's
# generated data of that scale beside the curated data, in the database PARLEY_LOCAL_DATABASE_NAME_sN, filled by
# bench/generate.sh when it does not hold them yet (scale 1: 2-3 minutes here).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${PARLEY_LOCAL_DATABASE_NAME:-parley_test}
if [ "${1:-}" = --scale ]; then
    DB="${DB}_s$2"
    bench/generate.sh --scale "$2" --db "$DB" >&2
    shift 2
fi
echo "Explorer: database $DB" >&2
PARLEY_LOCAL_DATABASE_NAME=$DB ./mvnw -B -ntp -o test -Dtest=ExplorerBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dparley.bench.explorer=true -Dparley.bench.runs="${1:-15}" | grep -E '^(Explorer|\|)'
