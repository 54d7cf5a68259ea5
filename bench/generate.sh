#!/usr/bin/env bash
# Fills the benchmark database with deterministic synthetic data beside the curated data set.
#
#   bench/generate.sh [--scale N] [--db NAME] [--force]
#
# Scale 1: 10,000 actors, 100,000 encounters, 300,000 statements, 30,000 sources, 500,000 attestations
# (bench/generate.sql says how). Creates the database if missing and, when it has no schema yet, starts the
# packaged Parley once so that Flyway migrates it and the curated data set is loaded. Does nothing when the data of
# that scale are already there (--force generates them again). Prints the time of each step.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=1
FORCE=false
while [ $# -gt 0 ]; do
    case $1 in
        --scale) SCALE=$2; shift 2 ;;
        --db) BENCH_DB=$2; shift 2 ;;
        --force) FORCE=true; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
. bench/lib.sh
# generated ids start here, far above what the curated data set and the write path use
BASE=10000000

ensure_database
if [ -z "$(psql_bench -Atc "select to_regclass('public.encounter')")" ]; then
    echo "migrating $BENCH_DB: starting Parley once" >&2
    trap stop_parley EXIT
    start_parley
    stop_parley
fi

current=$(generated_scale)
if [ "$current" = "$SCALE" ] && [ "$FORCE" = false ]; then
    echo "$BENCH_DB already holds the generated data at scale $SCALE" >&2
    exit 0
fi
if [ "$current" != 0 ] || [ -n "$(psql_bench -Atc "select 1 from actor where id > $BASE limit 1")" ]; then
    echo "removing the generated data (scale $current)" >&2
    psql_bench -v base=$BASE <<'SQL'
\timing on
begin;
delete from encounter_status_change where encounter_id > :base;
delete from attestation where coalesce(encounter_id, statement_id) > :base;
delete from statement_about where statement_id > :base;
delete from statement where id > :base;
delete from participant where encounter_id > :base;
delete from encounter where id > :base;
delete from actor_role where actor_id > :base;
delete from actor_alias where actor_id > :base;
delete from source where id > :base;
delete from actor where id > :base;
delete from bench.generated;
commit;
SQL
fi

echo "generating scale $SCALE into $BENCH_DB" >&2
start=$(date +%s)
psql_bench -v scale="$SCALE" -v base=$BASE -f bench/generate.sql
psql_bench -Atc "select 'rows: ' || (select count(*) from actor) || ' actors, ' || (select count(*) from encounter)
    || ' encounters, ' || (select count(*) from participant) || ' participants, ' || (select count(*) from statement)
    || ' statements, ' || (select count(*) from source) || ' sources, ' || (select count(*) from attestation)
    || ' attestations'"
# the same scale must give the same data: compare this line between runs
psql_bench -Atc "select 'checksum: ' || (select sum(actor_id * (encounter_id % 1000)) from participant) || ' '
    || (select sum(hashtext(text)::bigint) from statement)"
echo "generated in $(( $(date +%s) - start )) s" >&2
