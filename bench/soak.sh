#!/usr/bin/env bash
# Sustained load on the packaged service (production profile): wrk at concurrency 32 on a mix of read queries
# (bench/soak-reads.lua) for WINDOWS windows of WINDOW_SECONDS each (default 4 x 30 s), while a writer sends
# mutations (createActor, then updateActor on what it created) one after another with a development token. Prints
# one line per window: requests, throughput, p50, p99 and max latency, HTTP errors, socket errors, answers with
# GraphQL errors, the writes of the window, the resident memory (RSS) of the service at its end and the heap still
# in use after a full collection (jcmd GC.run; a short pause, outside the measured windows' wrk runs). Then checks that
# every acknowledged write is in the database and served by the API. Exits non-zero on any error.
#
#   bench/soak.sh              build the package, then run
#   bench/soak.sh --no-build   run the package already in target/quarkus-app
#
# The database: the local PostgreSQL on 127.0.0.1:5432 (user postgres, trust), database parley_soak (created,
# migrated and loaded at the first start). Traffic goes to 127.0.0.1 only, and every loop is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${SOAK_PORT:-18095}
# health is on the management interface
MANAGEMENT_PORT=${SOAK_MANAGEMENT_PORT:-18096}
CONCURRENCY=${CONCURRENCY:-32}
WINDOWS=${WINDOWS:-4}
WINDOW_SECONDS=${WINDOW_SECONDS:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
WRK_THREADS=${WRK_THREADS:-2}
# the heap the Kubernetes deployment gives (MaxRAMPercentage=60 of its 1 GiB limit), so that memory can level off
JAVA_OPTS=${JAVA_OPTS:--Xmx614m}
DB=parley_soak
OUT=bench/out/soak
URL=http://127.0.0.1:$PORT/graphql

if [[ "${1:-}" != "--no-build" ]]; then
    ./mvnw -B -ntp -q package -DskipTests
fi
rm -rf "$OUT" && mkdir -p "$OUT"

psql -h 127.0.0.1 -U postgres -qtAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "create database $DB"
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres
# Production refuses the development key under its usual name; this benchmark signs its writer's token with it.
cp src/main/resources/dev-keys/parley-dev-public.pem "$OUT/soak-key.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/$OUT/soak-key.pem
export MP_JWT_VERIFY_ISSUER=parley-dev

java $JAVA_OPTS -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
SERVICE=$!
WRITER=
cleanup() {
    [[ -n "$WRITER" ]] && kill "$WRITER" 2>/dev/null || true
    kill "$SERVICE" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

ready=0
for ((i = 0; i < 240; i++)); do
    curl -fsS -m 2 "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null 2>&1 && { ready=1; break; }
    kill -0 "$SERVICE" 2>/dev/null || { echo "the service exited; see $OUT/service.log" >&2; exit 1; }
    sleep 0.5
done
((ready)) || { echo "the service was not ready within 2 minutes; see $OUT/service.log" >&2; exit 1; }

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE/status"; }
# heap still in use after a full collection: what a leak would make grow
live_heap_mb() {
    jcmd "$SERVICE" GC.run > /dev/null
    jcmd "$SERVICE" GC.heap_info | sed -n 's/.*heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | awk '{ printf "%.0f", $1 / 1024 }'
}

RUN=$(date +%s)
TOKEN=$(java src/test/java/org/parley/testsupport/DevTokens.java editor soak-writer)

# The writer: creates an actor, then updates it, until told to stop or after the planned duration. Each write whose
# answer carries the object and no error is acknowledged: its name goes to acknowledged.txt.
writer() {
    local deadline=$(($(date +%s) + WINDOWS * WINDOW_SECONDS + WARMUP_SECONDS + 30)) n=0 body name id
    while (($(date +%s) < deadline)) && [[ ! -e "$OUT/stop-writer" ]]; do
        n=$((n + 1))
        name="Zz Soak $RUN $n"
        body=$(curl -sS -m 10 -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" "$URL" \
            -d "{\"query\":\"mutation { createActor(input: { name: \\\"$name\\\", kind: PERSON }) { actor { id } userErrors { code } } }\"}" \
            2>> "$OUT/writer-errors.txt") || true
        id=$(sed -n 's/.*"actor":{"id":"\([^"]*\)".*/\1/p' <<< "$body")
        if [[ -n "$id" && "$body" != *'"errors"'* && "$body" == *'"userErrors":[]'* ]]; then
            echo "$(date +%s) create $name" >> "$OUT/acknowledged.txt"
        else
            echo "create $name: $body" >> "$OUT/writer-errors.txt"
            continue
        fi
        body=$(curl -sS -m 10 -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" "$URL" \
            -d "{\"query\":\"mutation { updateActor(input: { id: \\\"$id\\\", version: 0, description: \\\"soak $n\\\" }) { actor { version } userErrors { code } } }\"}" \
            2>> "$OUT/writer-errors.txt") || true
        if [[ "$body" == *'"version":1'* && "$body" != *'"errors"'* ]]; then
            echo "$(date +%s) update $name" >> "$OUT/acknowledged.txt"
        else
            echo "update $name: $body" >> "$OUT/writer-errors.txt"
        fi
    done
}

echo "Parley soak: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "reads: wrk -t$WRK_THREADS -c$CONCURRENCY, $WINDOWS x ${WINDOW_SECONDS}s after ${WARMUP_SECONDS}s warm-up; writes: one writer, createActor + updateActor"
wrk -t"$WRK_THREADS" -c"$CONCURRENCY" -d"${WARMUP_SECONDS}s" -s bench/soak-reads.lua "$URL" > "$OUT/warmup.txt"
touch "$OUT/acknowledged.txt" "$OUT/writer-errors.txt"
writer &
WRITER=$!
echo "after warm-up: RSS $(rss_mb) MB, live heap $(live_heap_mb) MB (JAVA_OPTS=$JAVA_OPTS)"
echo
echo "| window | requests | req/s | p50 ms | p99 ms | max ms | HTTP errors | socket errors | GraphQL errors | writes | RSS MB | live heap MB | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
failed=0
for ((w = 1; w <= WINDOWS; w++)); do
    start=$(date +%s)
    wrk -t"$WRK_THREADS" -c"$CONCURRENCY" -d"${WINDOW_SECONDS}s" --timeout 10s -s bench/soak-reads.lua "$URL" \
        > "$OUT/window-$w.txt"
    end=$(date +%s)
    read -r requests rps p50 p99 max http socket graphql < <(sed -n 's/^WINDOW //p' "$OUT/window-$w.txt")
    writes=$(awk -v s="$start" -v e="$end" '$1 >= s && $1 < e' "$OUT/acknowledged.txt" | wc -l)
    printf '| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$w" "$requests" "$rps" "$p50" \
        "$p99" "$max" "$http" "$socket" "$graphql" "$writes" "$(rss_mb)" "$(live_heap_mb)" "$(cut -d' ' -f1 /proc/loadavg)"
    ((http + socket + graphql == 0)) || failed=1
done
touch "$OUT/stop-writer"
wait "$WRITER" || true
WRITER=

# Every acknowledged write, in the database and through the API
created=$(grep -c ' create ' "$OUT/acknowledged.txt" || true)
updated=$(grep -c ' update ' "$OUT/acknowledged.txt" || true)
refused=$(grep -c . "$OUT/writer-errors.txt" || true)
in_db=$(psql -h 127.0.0.1 -U postgres -d "$DB" -qtAc \
    "select count(*) from actor where name like 'Zz Soak $RUN %'")
updated_in_db=$(psql -h 127.0.0.1 -U postgres -d "$DB" -qtAc \
    "select count(*) from actor where name like 'Zz Soak $RUN %' and version = 1 and description like 'soak %'")
served=$(curl -sS -m 10 -H 'Content-Type: application/json' "$URL" \
    -d "{\"query\":\"{ actors(filter: { search: \\\"Zz Soak $RUN\\\" }, first: 1) { totalCount } }\"}" \
    | sed -n 's/.*"totalCount":\([0-9]*\).*/\1/p')
echo
echo "writes acknowledged: $created creates, $updated updates; refused or failed: $refused"
echo "in the database: $in_db actors of this run, $updated_in_db of them updated; served by the API: $served"
if [[ "$created" != "$in_db" || "$updated" != "$updated_in_db" || "$created" != "$served" || "$refused" != 0 ]]; then
    echo "MISMATCH: an acknowledged write is missing, or a write failed (see $OUT/writer-errors.txt)"
    failed=1
fi

# the run's rows go, so that runs do not pile up in parley_soak
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "delete from change_log where node_type = 'Actor' and node_id in
    (select id from actor where name like 'Zz Soak $RUN %'); delete from actor where name like 'Zz Soak $RUN %';"
exit $failed
