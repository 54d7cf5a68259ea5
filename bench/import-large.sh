#!/usr/bin/env bash
# Imports a large generated file through POST /import into an empty database, with a small heap, and prints the
# figures: lines, seconds, lines per second, the service's peak resident memory (VmHWM) and its heap limit. Then
# imports the same file again (every line unchanged) and exports everything through GET /export.
#
#   bench/import-large.sh                 100 MB, -Xmx128m
#   SIZE_MB=20 HEAP=96m bench/import-large.sh
#
# That the import finishes with a heap smaller than the file is the point: the body is read as a stream and applied
# in chunks, never held whole. The database: BENCH_DB (default parley_import_rt) on 127.0.0.1:5432, dropped and
# created again, then migrated and loaded with the curated data set by the service's start.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-100}
HEAP=${HEAP:-128m}
PORT=${BENCH_PORT:-18091}
# health is on the management interface
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18092}
DB=${BENCH_DB:-parley_import_rt}
OUT=bench/out
FILE=$OUT/import-${SIZE_MB}mb.jsonl
mkdir -p "$OUT"

# the local profile builds into target/local (it registers the local database support)
[ -f target/local/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q -Plocal -DskipTests package
[ -f "$FILE" ] || python3 bench/generate-import.py "$SIZE_MB" > "$FILE"
echo "file: $FILE, $(wc -l < "$FILE") lines, $(du -m "$FILE" | cut -f1) MB"

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)" -c "create database $DB"
java -Xmx"$HEAP" -Dquarkus.profile=local -Dparley.local-database.name="$DB" -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.port="$MANAGEMENT_PORT" -jar target/local/quarkus-app/quarkus-run.jar > "$OUT/import-service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null; do
    kill -0 $SERVICE 2>/dev/null || { echo "the service did not start: $OUT/import-service.log" >&2; exit 1; }
    sleep 0.5
done
rss() { awk '/VmRSS/ {print int($2 / 1024)}' /proc/$SERVICE/status; }
echo "service ready, heap limit $HEAP, RSS $(rss) MB"

TOKEN=$(java src/test/java/org/parley/testsupport/DevTokens.java editor bench)
import() {
    local start end
    start=$(date +%s.%N)
    curl -sS -o "$OUT/import-report-$1.json" -w "HTTP %{http_code}, sent %{size_upload} bytes\n" -X POST \
        -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/x-ndjson" --data-binary "@$FILE" \
        "http://127.0.0.1:$PORT/import"
    end=$(date +%s.%N)
    python3 - "$OUT/import-report-$1.json" "$start" "$end" "$1" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
seconds = float(sys.argv[3]) - float(sys.argv[2])
print(f"{sys.argv[4]} import: {report['lines']} lines in {seconds:.1f} s = {report['lines'] / seconds:.0f} lines/s;"
      f" created {report['created']}, updated {report['updated']}, unchanged {report['unchanged']},"
      f" rejected {report['rejected']}, committed {report['committed']}")
PY
    echo "  RSS now $(rss) MB, peak so far $(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$SERVICE/status) MB"
}
import first
import second

start=$(date +%s.%N)
curl -sS -o "$OUT/export.jsonl" "http://127.0.0.1:$PORT/export"
end=$(date +%s.%N)
echo "export: $(wc -l < "$OUT/export.jsonl") lines, $(du -m "$OUT/export.jsonl" | cut -f1) MB in" \
    "$(python3 -c "print(f'{$end - $start:.1f}')") s; RSS $(rss) MB," \
    "peak $(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$SERVICE/status) MB"
