#!/usr/bin/env bash
# Start-up and memory of Parley, JVM mode, by configuration: time from process start to the first successful
# GraphQL answer, resident memory (RSS) right after that answer and after a short load. Prints a Markdown table of
# medians over RUNS runs (default 5).
#
#   bench/startup.sh            build every variant, then measure
#   bench/startup.sh --no-build measure the variants already under bench/out/
#
# Variants: plain fast-jar on JDK 17 and on JDK 25; AppCDS archive on JDK 17 (quarkus.package.jar.appcds.enabled);
# JDK 25 AOT cache (Maven profile `aot`: quarkus.package.jar.aot.enabled=true, trained by the @QuarkusIntegrationTest
# suites, run with -XX:AOTCache=app.aot). The database: the local PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust), database parley_startup (STARTUP_DB), migrated and loaded with the curated data set by the first start;
# later starts check both and do nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
LOAD_REQUESTS=${LOAD_REQUESTS:-300}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${BENCH_PORT:-18090}
DB=${STARTUP_DB:-parley_startup} # the curated data set only, as a fresh deployment has it
OUT=bench/out # outside target/, which each build cleans
MVN=(./mvnw -B -ntp -q)

build() {
    rm -rf "$OUT" && mkdir -p "$OUT"
    echo "building: fast-jar (JDK 17)" >&2
    JAVA_HOME=$JDK17 "${MVN[@]}" clean package -DskipTests
    cp -a target/quarkus-app "$OUT/jar"
    echo "building: AppCDS (JDK 17)" >&2
    JAVA_HOME=$JDK17 "${MVN[@]}" clean package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
    cp -a target/quarkus-app "$OUT/appcds"
    echo "building: AOT cache (JDK 25, trained by the integration tests)" >&2
    JAVA_HOME=$JDK25 "${MVN[@]}" clean verify -Paot -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
    cp -a target/quarkus-app "$OUT/aot"
}

# ms since the epoch
now() { date +%s%3N; }

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

QUERY='{"query":"{ actors(first: 5) { totalCount nodes { name encounters(first: 3) { nodes { title statements { text } attestations { source { title } } } } } } }"}'

answers() {
    curl -fsS -m 2 -H 'Content-Type: application/json' -d "$QUERY" "http://127.0.0.1:$PORT/graphql" 2>/dev/null \
        | grep -q '"totalCount"'
}

# one run: prints "startup_ms rss_start_mb rss_load_mb"
run_once() {
    local java_home=$1 dir=$2; shift 2
    local start pid ready
    start=$(now)
    (cd "$dir" && exec "$java_home/bin/java" "$@" -Dquarkus.http.port=$PORT -jar quarkus-run.jar) \
        > "$OUT/last-run.log" 2>&1 &
    pid=$!
    until answers; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the application exited; see $OUT/last-run.log" >&2
            return 1
        fi
        sleep 0.01
    done
    ready=$(now)
    local rss_start rss_load
    rss_start=$(rss_mb "$pid")
    for ((i = 0; i < LOAD_REQUESTS; i++)); do
        answers
    done
    rss_load=$(rss_mb "$pid")
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$((ready - start)) $rss_start $rss_load"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() {
    local label=$1 java_home=$2 dir=$3; shift 3
    local results=()
    run_once "$java_home" "$dir" "$@" > /dev/null # warm the page cache and the database
    for ((r = 0; r < RUNS; r++)); do
        results+=("$(run_once "$java_home" "$dir" "$@")")
    done
    local startup rss_start rss_load
    startup=$(printf '%s\n' "${results[@]}" | awk '{ print $1 }' | median)
    rss_start=$(printf '%s\n' "${results[@]}" | awk '{ print $2 }' | median)
    rss_load=$(printf '%s\n' "${results[@]}" | awk '{ print $3 }' | median)
    local all
    all=$(printf '%s\n' "${results[@]}" | awk '{ print $1 }' | paste -sd, -)
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$startup" "$rss_start" "$rss_load" "$all"
}

if [[ "${1:-}" != "--no-build" ]]; then
    build
fi

psql -h 127.0.0.1 -U postgres -qtAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "create database $DB"
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres
export PARLEY_DATASET_LOAD_AT_START=true
# a key of its own: the packaged application refuses to start with the public development key (DevKeyGuard)
if [ ! -f "$OUT/jwt-public.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/jwt-private.pem" 2>/dev/null
    openssl pkey -in "$OUT/jwt-private.pem" -pubout -out "$OUT/jwt-public.pem"
fi
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/$OUT/jwt-public.pem MP_JWT_VERIFY_ISSUER=parley-bench
# readable logs, in a file nobody reads
export QUARKUS_LOG_JSON_CONSOLE_ENABLED=false

echo "Parley start-up, $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "median of $RUNS runs (after one warm-up run); load: $LOAD_REQUESTS sequential GraphQL requests (nested query)"
echo
echo "| configuration | first answer (ms) | RSS after start (MB) | RSS after load (MB) | each run (ms) |"
echo "|---|---|---|---|---|"
measure "JDK 17, fast-jar" "$JDK17" "$OUT/jar"
# -Xshare:on and -XX:AOTMode=on make the JVM fail rather than silently run without the archive or cache
# (which it does when the files were copied without their timestamps, for instance)
measure "JDK 17, AppCDS" "$JDK17" "$OUT/appcds" -XX:SharedArchiveFile=app-cds.jsa -Xshare:on
measure "JDK 25, fast-jar" "$JDK25" "$OUT/jar"
measure "JDK 25, AOT cache" "$JDK25" "$OUT/aot" -XX:AOTCache=app.aot -XX:AOTMode=on
