#!/usr/bin/env bash
# Replication lag of a local PostgreSQL 15 streaming replica under a steady write load: the figure behind
# "a query may see a write a few milliseconds late" (docs/ARCHITECTURE.md, "Read replicas"; figures in docs/RELIABILITY.md).
# Starts a private primary and a pg_basebackup -R standby (as ReplicaPairResource does; as user postgres when run as
# root), writes with pgbench at RATE transactions per second for SECONDS, samples pg_stat_replication.replay_lag
# (the time from a commit on the primary to its replay on the standby, as the primary measures it) every 200 ms,
# prints median, p99 and max, and removes everything.
# Usage: bench/replica-lag.sh [RATE=200] [SECONDS=20]
set -euo pipefail
RATE=${1:-200}
SECONDS_RUN=${2:-20}
BIN=${PARLEY_PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=39571
REPLICA_PORT=39572
DIR=$(mktemp -d /tmp/parley-replica-lag.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
cleanup() {
    as_pg "$BIN/pg_ctl" -D "$DIR/replica" -m immediate stop >/dev/null 2>&1 || true
    as_pg "$BIN/pg_ctl" -D "$DIR/primary" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap cleanup EXIT
as_pg "$BIN/initdb" --no-sync -U postgres --auth=trust -E UTF8 --locale=C -D "$DIR/primary" >/dev/null
printf "\nlisten_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = ''\nwal_level = replica\n" \
    "$PRIMARY_PORT" | as_pg tee -a "$DIR/primary/postgresql.conf" >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/replica" -R -X stream \
    --checkpoint=fast --no-sync
printf "\nport = %s\n" "$REPLICA_PORT" | as_pg tee -a "$DIR/replica/postgresql.conf" >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w start >/dev/null
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -AtX)
"$BIN/pgbench" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -i -q -s 1 postgres >/dev/null 2>&1
"$BIN/pgbench" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -n -N -c 2 -R "$RATE" -T "$SECONDS_RUN" postgres \
    >"$DIR/pgbench.out" 2>&1 &
LOAD=$!
: >"$DIR/lag.txt"
sleep 1
while kill -0 "$LOAD" 2>/dev/null; do
    "${PSQL[@]}" -c "select coalesce(extract(epoch from replay_lag) * 1000, 0) from pg_stat_replication" \
        >>"$DIR/lag.txt" || true
    sleep 0.2
done
wait "$LOAD" || true
echo "pgbench: $(grep -E '^tps' "$DIR/pgbench.out" | head -1)"
python3 - "$DIR/lag.txt" "$RATE" "$SECONDS_RUN" <<'PY'
import sys
values = sorted(float(v) for v in open(sys.argv[1]) if v.strip())
if not values:
    sys.exit("no samples")
pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
print(f"replay lag at {sys.argv[2]} tx/s for {sys.argv[3]} s, {len(values)} samples: "
      f"median {pick(0.5):.2f} ms, p99 {pick(0.99):.2f} ms, max {values[-1]:.2f} ms")
PY
