#!/usr/bin/env bash
# How the time of createActor grows with the number of its aliases (issue 12, item 8), against the packaged
# production jar. Prints one line per size: aliases, HTTP status, first error code, milliseconds (the best of
# REPEAT), milliseconds per alias; then whether any transaction of the service was left open.
#
#   bench/aliases.sh [--no-build]      # SIZES ("20 100 200 1000 1001"), REPEAT (3), ALIASES_DB (parley_aliases)
#
# 1,001 aliases is one over the input maximum: it must be refused with BAD_USER_INPUT before any SQL runs.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=true
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) BUILD=false; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
BENCH_DB=${ALIASES_DB:-parley_aliases}
PARLEY_PORT=${PARLEY_PORT:-38094}
PARLEY_MANAGEMENT_PORT=${PARLEY_MANAGEMENT_PORT:-9004}
SIZES=${SIZES:-20 100 200 1000 1001}
REPEAT=${REPEAT:-3}
. bench/lib.sh
OUT=bench/out/aliases
mkdir -p "$OUT"
trap stop_parley EXIT

if [ "$BUILD" = true ] && [ "$PARLEY_JAR" = target/quarkus-app/quarkus-run.jar ] \
        && { [ ! -f "$PARLEY_JAR" ] || [ -n "$(find src/main pom.xml -newer "$PARLEY_JAR" -print -quit)" ]; }; then
    echo "== building Parley" >&2
    ./mvnw -B -ntp -q -DskipTests package
fi
ensure_database
echo "== starting Parley (database $BENCH_DB)" >&2
start_parley

mint_token() {
    local now header claims b64url
    now=$(date +%s)
    b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
    header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
    claims=$(printf '{"iss":"parley-bench","sub":"aliases-bench","upn":"aliases-bench","groups":["editor"],"iat":%s,"exp":%s}' \
        "$now" $((now + 3600)) | b64url)
    printf '%s.%s.%s' "$header" "$claims" \
        "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$OUT/jwt-private.pem" -binary | b64url)"
}
TOKEN=$(mint_token)
URL="http://127.0.0.1:$PARLEY_PORT/graphql"

# each run creates a new actor with new aliases (a random run id), so runs never collide
python3 - "$URL" "$TOKEN" "$REPEAT" $SIZES <<'PY'
import json, sys, time, urllib.request, urllib.error, uuid
url, token, repeat, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(s) for s in sys.argv[4:]]
QUERY = ("mutation($input: CreateActorInput!) { createActor(input: $input) "
         "{ actor { id aliases(first: 100) } userErrors { code message } } }")
def create(n):
    run = uuid.uuid4().hex[:10]
    body = json.dumps({"query": QUERY, "variables": {"input": {"kind": "PERSON", "name": f"Bench Aliases {run}",
        "aliases": [f"Bench Alias {run} {i}" for i in range(n)]}}}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json",
                                                 "Authorization": "Bearer " + token})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    ms = (time.monotonic() - start) * 1000
    answer = json.loads(text)
    errors = answer.get("errors") or []
    code = errors[0].get("extensions", {}).get("code") if errors else "ok"
    if code == "ok":
        payload = answer["data"]["createActor"]
        if payload["userErrors"]:
            code = payload["userErrors"][0]["code"]
        elif len(payload["actor"]["aliases"]) != min(n, 100):  # the field reads at most 100
            code = f"{len(payload['actor']['aliases'])} aliases back"
    return status, code, ms
create(5)  # warm-up
print(f"{'aliases':>8} {'status':>6} {'code':>16} {'ms (best)':>10} {'ms/alias':>9}")
for n in sizes:
    runs = [create(n) for _ in range(repeat)]
    status, code, _ = runs[-1]
    best = min(ms for _, _, ms in runs)
    print(f"{n:>8} {status:>6} {code:>16} {best:>10.0f} {best / n:>9.2f}", flush=True)
PY
open=$(psql_bench -Atc "select count(*) from pg_stat_activity where datname = '$BENCH_DB'
    and state like 'idle in transaction%'")
echo "transactions left open (idle in transaction) on $BENCH_DB: $open"
