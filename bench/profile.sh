#!/usr/bin/env bash
# Where Parley's CPU goes for one benchmark query: starts the packaged jar with Java Flight Recorder on the benchmark
# database (bench/run.sh must have generated it), loads it with wrk, and prints the hottest methods (top frames of
# the execution samples) and the garbage collections.
#
#   bench/profile.sh [q1|q2|q3|q4] [concurrency] [seconds]      e.g. bench/profile.sh q2 32 20
set -euo pipefail
cd "$(dirname "$0")/.."
QUERY=${1:-q1}
CONCURRENCY=${2:-8}
SECONDS_=${3:-20}
. bench/lib.sh
mkdir -p "$OUT"
JFR="$PWD/$OUT/profile-$QUERY.jfr"
rm -f "$JFR"
export PARLEY_JAVA_OPTS="$PARLEY_JAVA_OPTS -XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"
trap stop_parley EXIT
start_parley
python3 bench/measure.py bodies > /dev/null
BODIES=$(python3 -c "import sys; sys.path.insert(0, 'bench'); import measure; print(measure.bodies_file('parley', '$QUERY'))")
URL="http://127.0.0.1:$PARLEY_PORT/graphql"
echo "== warm-up 15 s, then $SECONDS_ s at concurrency $CONCURRENCY" >&2
BENCH_BODIES=$BODIES wrk -t 2 -c 8 -d 15s --timeout 10s -s bench/wrk.lua "$URL" > /dev/null
cpu() { awk '{ print $14 + $15 }' "/proc/$PARLEY_PID/stat"; } # clock ticks of user and system time
before=$(cpu)
BENCH_BODIES=$BODIES wrk -t 2 -c "$CONCURRENCY" -d "${SECONDS_}s" --timeout 10s -s bench/wrk.lua "$URL" \
    > "$OUT/profile-wrk.txt"
after=$(cpu)
grep -v '^BENCH' "$OUT/profile-wrk.txt"
requests=$(awk '/requests in/ { print $1 }' "$OUT/profile-wrk.txt")
echo "server CPU: $(awk -v t=$((after - before)) -v r="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f s per 1,000 requests", 1000 * t / hz / r }')"
stop_parley
echo "== hottest methods (share of execution samples, whole run including the warm-up)"
jfr print --events jdk.ExecutionSample "$JFR" \
    | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); count[$0]++; total++ }
           END { for (m in count) printf "%5.1f%%  %s\n", 100 * count[m] / total, m }' | sort -rn | head -25
echo "== garbage collections"
jfr summary "$JFR" | grep -E 'jdk.GarbageCollection |jdk.GCPhasePause ' || true
jfr print --events jdk.GarbageCollection "$JFR" | awk '/sumOfPauses/ { gsub(/[^0-9.]/, "", $3); s += $3; n++ }
    END { printf "%d collections, %.0f ms of pauses in all\n", n, s }'
