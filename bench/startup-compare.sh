#!/usr/bin/env bash
# Start-up of packaged builds side by side, interleaved (A B C A B C ...), so that a machine whose load changes
# during the run weighs on every configuration alike. Each run: launch to the first GraphQL answer (polled every
# 20 ms), the CPU time the JVM used until then (user + system, all threads: what the start costs, much less sensitive
# to other processes than the wall clock), RSS then, and the 1-minute load average just before the launch. Prints
# one line per run, then medians.
#
#   bench/startup-compare.sh 'label|quarkus-app dir|java args' ...
#   RUNS=4 bench/startup-compare.sh "before|/tmp/before|-Dparley.dataset.load-at-start=true" \
#                                   "after|target/quarkus-app|-Dparley.dataset.load-at-start=false"
#
# The database: STARTUP_DB (default parley_startup) on the local PostgreSQL, migrated and loaded beforehand (run one
# configuration with the defaults first). JAVA: the java to run (default: java on the PATH). LOGS: a directory to
# keep each run's log in (run-<run>-<configuration number>.log), e.g. with -Dquarkus.debug.print-startup-times=true
# among the java args, for the time of every start-up step.
set -euo pipefail
RUNS=${RUNS:-3}
DB=${STARTUP_DB:-parley_startup}
PORT=${BENCH_PORT:-18091}
JAVA=${JAVA:-java}
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres
export QUARKUS_LOG_JSON_CONSOLE_ENABLED=false
KEYS=$(mktemp -d)
trap 'rm -rf "$KEYS"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private.pem" 2>/dev/null
openssl pkey -in "$KEYS/private.pem" -pubout -out "$KEYS/public.pem"
# the packaged application refuses to start with the public development key (DevKeyGuard)
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$KEYS/public.pem MP_JWT_VERIFY_ISSUER=parley-bench
QUERY='{"query":"{ actors(first: 5) { totalCount nodes { name } } }"}'

run_once() { # dir, java args...: prints "ms rss_mb load1 cpu_ms"
    local dir=$1; shift
    local load start pid
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s%3N)
    # shellcheck disable=SC2068
    (cd "$dir" && exec "$JAVA" $@ -Dquarkus.http.port=$PORT -Dquarkus.management.port=$((PORT + 1)) \
        -jar quarkus-run.jar) > "$KEYS/run.log" 2>&1 &
    pid=$!
    until curl -fsS -m 2 -H 'Content-Type: application/json' -d "$QUERY" "http://127.0.0.1:$PORT/graphql" 2>/dev/null \
        | grep -q totalCount; do
        kill -0 "$pid" 2>/dev/null || { cat "$KEYS/run.log" >&2; echo "the application exited" >&2; return 1; }
        sleep 0.02
    done
    local ready rss cpu
    ready=$(date +%s%3N)
    rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    # utime + stime, fields 14 and 15 of /proc/PID/stat, in clock ticks
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$((ready - start)) $rss $load $cpu"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A results
echo "| run | configuration | first answer (ms) | CPU until then (ms) | RSS (MB) | load average (1 min) |"
echo "|---|---|---|---|---|---|"
for ((r = 1; r <= RUNS; r++)); do
    for spec in "$@"; do
        IFS='|' read -r label dir args <<< "$spec"
        line=$(run_once "$dir" $args)
        n=$((${n:-0} + 1))
        if [[ -n "${LOGS:-}" ]]; then mkdir -p "$LOGS" && cp "$KEYS/run.log" "$LOGS/run-$r-$(( (n - 1) % $# + 1 )).log"; fi
        results[$label]+="$line"$'\n'
        read -r ms rss load cpu <<< "$line"
        echo "| $r | $label | $ms | $cpu | $rss | $load |"
    done
done
echo
echo "| configuration | median first answer (ms) | median CPU (ms) | median RSS (MB) | load averages |"
echo "|---|---|---|---|---|"
for spec in "$@"; do
    IFS='|' read -r label _ _ <<< "$spec"
    ms=$(printf '%s' "${results[$label]}" | awk 'NF { print $1 }' | median)
    rss=$(printf '%s' "${results[$label]}" | awk 'NF { print $2 }' | median)
    cpu=$(printf '%s' "${results[$label]}" | awk 'NF { print $4 }' | median)
    loads=$(printf '%s' "${results[$label]}" | awk 'NF { print $3 }' | paste -sd, -)
    echo "| $label | $ms | $cpu | $rss | $loads |"
done
