#!/usr/bin/env bash
# Interleaved A/B of Parley jars (and PostGraphile) on one shared machine: each round measures every server in turn
# with bench/measure.py (the harness of bench/run.sh: answers checked against the floor, then timed points), so
# that the load other work puts on the machine falls on all of them alike. bench/run.sh must have generated the data
# and installed PostGraphile.
#
#   bench/ab.sh LABEL=JAR ... [postgraphile]        e.g. bench/ab.sh old=/tmp/old/quarkus-run.jar \
#                                                        new=target/quarkus-app/quarkus-run.jar postgraphile
#
# Settings: ROUNDS (2), BENCH_QUERIES, BENCH_CONCURRENCY ("8 32"), BENCH_DURATION (5), BENCH_WARMUP (3), ports as
# for bench/run.sh. Results: bench/out/ab/LABEL-ROUND.jsonl, and a summary per query, concurrency and label.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-"8 32"} BENCH_DURATION=${BENCH_DURATION:-5} \
    BENCH_WARMUP=${BENCH_WARMUP:-3} BENCH_WARMUP_SLICES=${BENCH_WARMUP_SLICES:-4}
export PARLEY_ADMISSION_ENABLED=false PARLEY_LIMITS_MAX_COST=${PARLEY_LIMITS_MAX_COST:-1000000} \
    PARLEY_LIMITS_REQUEST_TIMEOUT=${PARLEY_LIMITS_REQUEST_TIMEOUT:-60s}
. bench/lib.sh
export BENCH_DB
AB=bench/out/ab
mkdir -p "$AB" "$OUT"
rm -f "$AB"/*.jsonl
trap 'stop_parley; if [ -n "$POSTGRAPHILE_PID" ]; then kill "$POSTGRAPHILE_PID" 2>/dev/null || true; fi' EXIT
python3 bench/measure.py bodies
for round in $(seq 1 "${ROUNDS:-2}"); do
    for spec in "$@"; do
        label=${spec%%=*}
        rm -f "$OUT/results.jsonl"
        echo "== $(date -u +%H:%M:%S) round $round $label, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
        if [ "$spec" = postgraphile ]; then
            start_postgraphile "$PGPORT"
            python3 bench/measure.py graphql postgraphile "http://127.0.0.1:$POSTGRAPHILE_PORT/graphql" \
                "$POSTGRAPHILE_PID"
            stop_postgraphile
        else
            PARLEY_JAR=${spec#*=} start_parley
            python3 bench/measure.py graphql parley "http://127.0.0.1:$PARLEY_PORT/graphql" "$PARLEY_PID"
            stop_parley
        fi
        sed "s/\"server\": \"[a-z]*\"/\"server\": \"$label\"/" "$OUT/results.jsonl" > "$AB/$label-$round.jsonl"
    done
done
python3 - "$AB" <<'PY'
import collections, glob, json, sys
rows = collections.defaultdict(list)
for name in sorted(glob.glob(sys.argv[1] + "/*.jsonl")):
    for line in open(name):
        r = json.loads(line)
        rows[(r["query"], r["concurrency"], r["server"])].append(r)
print("query c label: req/s | p99 ms | server CPU s/1k req | DB CPU s/1k req | load average, one value per round")
for key in sorted(rows):
    rs = rows[key]
    col = lambda k, f: " ".join(f % r[k] for r in rs)
    print(f"{key[0]} {key[1]} {key[2]}: {col('rps', '%.0f')} | {col('p99', '%.1f')} |"
          f" {col('server_cpu_per_1k', '%.2f')} | {col('db_cpu_per_1k', '%.2f')} | {col('load', '%.1f')}")
PY
