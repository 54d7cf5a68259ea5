#!/usr/bin/env bash
# Live updates at scale: SUBSCRIBERS (1,000) graphql-ws clients across two Parley instances (the packaged jar, twice,
# on one database) while a writer records RATE (50) statements a second for DURATION (60) seconds, spread over ENCOUNTERS
# (10) encounters and over both instances; each subscriber follows the statements of one encounter
# (statementRecorded(filter: {encounter})), so each statement reaches SUBSCRIBERS/ENCOUNTERS of them, on both
# instances (a write on one reaches the other's subscribers through PostgreSQL).
# Prints: delivery latency p50/p90/p99/max from the write's audit entry (change_log.at, the server's clock as the
# entry is made, the write's last step before its commit) to the client's receipt; events lost (expected and never
# received, DRAIN seconds after the last write), duplicates, unexpected (events of writes whose client was answered
# an error); RSS of each instance before and after the subscribers connected, per subscriber.
# The subscribers select scalar fields only (statement { id }): a nested object (speaker, encounter) is resolved
# per subscriber and event through the read path, a query each.
#
# The per-address caps refuse a thousand sockets from 127.0.0.1 (parley.live.max-sockets-per-client=20,
# max-subscriptions-per-client=50): this bench raises both, for its two instances only (PARLEY_LIVE_* below).
#
# Before measuring, with the subscribers connected, a warm-up writes WARM_RATE (20) statements a second for
# WARM_SECONDS (30) s, so that the JIT has compiled the write and event paths; its events are left out of the figures.
#
# Usage: bench/subscriptions.sh   (SUBSCRIBERS=200 DURATION=20 bench/subscriptions.sh for a short run)
# Needs: node (20+) and npm (installs src/test/js/live with npm ci), openssl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DB=${BENCH_DB:-parley_subscriptions}
source bench/lib.sh

SUBSCRIBERS=${SUBSCRIBERS:-1000}
RATE=${RATE:-50}
DURATION=${DURATION:-60}
ENCOUNTERS=${ENCOUNTERS:-10}
DRAIN=${DRAIN:-20}
WARM_RATE=${WARM_RATE:-20}
WARM_SECONDS=${WARM_SECONDS:-30}
PORT_A=${PORT_A:-39410}
PORT_B=${PORT_B:-39411}
# each instance's management port (health, metrics) is its port + MANAGEMENT_OFFSET
MANAGEMENT_OFFSET=${MANAGEMENT_OFFSET:-100}
CLIENTS=src/test/js/live
RUN=$OUT/subscriptions
mkdir -p "$RUN"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
# user + system CPU time of process $1, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
metric() { curl -fsS "http://127.0.0.1:$1/q/metrics" | awk -v name="$2" '$1 == name { print int($2) }'; }

if [ "$PARLEY_JAR" = target/quarkus-app/quarkus-run.jar ] \
        && { [ ! -f "$PARLEY_JAR" ] || [ -n "$(find src/main pom.xml -newer "$PARLEY_JAR" -print -quit)" ]; }; then
    echo "== building Parley" >&2
    ./mvnw -B -ntp -q -DskipTests package
fi
(cd "$CLIENTS" && npm ci --no-audit --no-fund --prefer-offline >/dev/null)
ensure_database

export PARLEY_LIVE_MAX_SOCKETS_PER_CLIENT=$((SUBSCRIBERS + 10))
export PARLEY_LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT=$((SUBSCRIBERS + 10))
# starts an instance on port $1 (management $1 + MANAGEMENT_OFFSET); its log goes on in $RUN/parley-$1.log (moved while open)
start_instance() {
    PARLEY_PORT=$1 PARLEY_MANAGEMENT_PORT=$(($1 + MANAGEMENT_OFFSET)) start_parley
    mv "$OUT/parley.log" "$RUN/parley-$1.log"
    PIDS+=("$PARLEY_PID")
}
echo "== starting two instances on :$PORT_A and :$PORT_B ($PARLEY_JAVA_OPTS, database $BENCH_DB)" >&2
start_instance "$PORT_A"
PID_A=$PARLEY_PID
PARLEY_PID= # stop_parley is not used: cleanup stops both
start_instance "$PORT_B"
PID_B=$PARLEY_PID
PARLEY_PID=

HTTP_A=http://127.0.0.1:$PORT_A/graphql
HTTP_B=http://127.0.0.1:$PORT_B/graphql
node "$CLIENTS/bench-live.mjs" setup "$HTTP_A" "$OUT/jwt-private.pem" "$ENCOUNTERS" > "$RUN/config.json"
# warm both instances a little (the first requests compile), then measure the memory before the subscribers
for url in "$HTTP_A" "$HTTP_B"; do
    for _ in $(seq 1 20); do
        curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ actors(first: 5) { nodes { name } } }"}' "$url"
    done
done
# and their write path (JWT verification's first use, the mutations' first compilation): a cold instance took
# seconds for its first writes, and at 50 a second those seconds piled up into a queue that never drained
node "$CLIENTS/bench-live.mjs" write "$RUN/config.json" "$HTTP_A,$HTTP_B" 5 4 > /dev/null 2> "$RUN/warm.log" || true
sleep 2
RSS_A0=$(rss_kb "$PID_A"); RSS_B0=$(rss_kb "$PID_B")

echo "== $SUBSCRIBERS subscribers" >&2
: > "$RUN/written.json"
node "$CLIENTS/bench-live.mjs" subscribe "$RUN/config.json" \
    "ws://127.0.0.1:$PORT_A/graphql,ws://127.0.0.1:$PORT_B/graphql" "$SUBSCRIBERS" "$RUN/written.json" \
    "$RUN/warm.json" > "$RUN/subscribers.json" 2> "$RUN/subscribers.log" &
SUBSCRIBERS_PID=$!
PIDS+=("$SUBSCRIBERS_PID")
for _ in $(seq 1 600); do
    running=$(( $(metric $((PORT_A + MANAGEMENT_OFFSET)) parley_live_subscriptions) + $(metric $((PORT_B + MANAGEMENT_OFFSET)) parley_live_subscriptions) ))
    [ "$running" -ge "$SUBSCRIBERS" ] && break
    sleep 0.5
done
echo "   $running subscriptions running" >&2
sleep 2
RSS_A1=$(rss_kb "$PID_A"); RSS_B1=$(rss_kb "$PID_B")
# a replica serves for hours: warm both the write path and the events' path (the JIT compiles them) before measuring;
# the warm-up's events are left out of the figures
echo "== warming up: $WARM_RATE statements/s for $WARM_SECONDS s" >&2
node "$CLIENTS/bench-live.mjs" write "$RUN/config.json" "$HTTP_A,$HTTP_B" "$WARM_RATE" "$WARM_SECONDS" \
    > "$RUN/warm.json" 2>> "$RUN/warm.log" || true
sleep 5

echo "== writing $RATE statements/s for $DURATION s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
CPU_A0=$(cpu_ticks "$PID_A"); CPU_B0=$(cpu_ticks "$PID_B")
node "$CLIENTS/bench-live.mjs" write "$RUN/config.json" "$HTTP_A,$HTTP_B" "$RATE" "$DURATION" > "$RUN/written.tmp"
mv "$RUN/written.tmp" "$RUN/written.json"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
sleep "$DRAIN" # the last events in flight
CPU_A1=$(cpu_ticks "$PID_A"); CPU_B1=$(cpu_ticks "$PID_B")
RSS_A2=$(rss_kb "$PID_A"); RSS_B2=$(rss_kb "$PID_B")
kill -INT "$SUBSCRIBERS_PID"
wait "$SUBSCRIBERS_PID" || true

echo "== results (raw: $RUN/subscribers.json)"
echo "subscribers=$SUBSCRIBERS instances=2 rate=${RATE}/s seconds=$DURATION encounters=$ENCOUNTERS load_average_after_writing=\"$LOAD\""
cat "$RUN/subscribers.json"
echo
[ "$SUBSCRIBERS" -gt 0 ] && awk -v a0="$RSS_A0" -v b0="$RSS_B0" -v a1="$RSS_A1" -v b1="$RSS_B1" -v a2="$RSS_A2" -v b2="$RSS_B2" -v n="$SUBSCRIBERS" 'BEGIN {
    printf "RSS MB before subscribers: A %.0f, B %.0f; with them, idle: A %.0f, B %.0f; after writing: A %.0f, B %.0f\n",
        a0 / 1024, b0 / 1024, a1 / 1024, b1 / 1024, a2 / 1024, b2 / 1024
    printf "memory per subscriber (RSS delta, idle / after writing): %.1f KB / %.1f KB\n",
        ((a1 - a0) + (b1 - b0)) / n, ((a2 - a0) + (b2 - b0)) / n
}'
# the instances' CPU while writing and draining, per write and per event delivered: a figure that, unlike the
# latencies, holds when other processes share the machine
delivered=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['delivered'])" "$RUN/subscribers.json")
writes=$(python3 -c "import json, sys; print(len(json.load(open(sys.argv[1]))['statements']))" "$RUN/written.json")
awk -v a="$((CPU_A1 - CPU_A0))" -v b="$((CPU_B1 - CPU_B0))" -v hz="$(getconf CLK_TCK)" -v w="$writes" -v d="$delivered" 'BEGIN {
    s = (a + b) / hz
    printf "server CPU while writing and draining: A %.1f s, B %.1f s; %.1f ms per write, %.0f us per event delivered\n",
        a / hz, b / hz, w ? 1000 * s / w : 0, d ? 1e6 * s / d : 0
}'
