#!/usr/bin/env bash
# The Explorer's figures for docs/BENCHMARKS.md (explorer.ExplorerBench): bytes of the first page, and navigation to
# content per page type, in the system's Chromium against the curated data. Prints; asserts nothing.
# Usage: PARLEY_LOCAL_DATABASE_NAME=parley_bench bench/explorer.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -o test -Dtest=ExplorerBench -Dsurefire.failIfNoSpecifiedTests=false -Dparley.bench.explorer=true \
    -Dparley.bench.runs="${1:-15}" | grep -E '^(Explorer|\|)'
