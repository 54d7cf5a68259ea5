-- What PostGraphile needs beyond the tables to ask the same questions as Parley: the two filters that PostGraphile's
-- generated `condition` argument (equality only) cannot express. Plain SQL functions in schema `bench`, which
-- PostGraphile exposes as root connections (benchEncountersIn, benchSearchStatements); the predicates and the order
-- are Parley's (EncounterRepository, StatementRepository). Run by bench/run.sh.
create schema if not exists bench;

-- encounters whose period overlaps [date_from, date_to], chronological
create or replace function bench.encounters_in(date_from date, date_to date) returns setof public.encounter
language sql stable as $$
    select * from public.encounter e
    where coalesce(e.end_latest, e.start_latest) >= date_from and e.start_earliest <= date_to
      and e.start_earliest >= coalesce((select min(r.start_earliest) from (select x.start_earliest from public.encounter x
            where daterange(x.start_earliest, coalesce(x.end_latest, x.start_latest), '[]') @> date_from offset 0) r),
          date_from)
    order by e.start_earliest nulls last, e.id
$$;

-- statements matching a web-search expression, in Parley's order
create or replace function bench.search_statements(words text) returns setof public.statement
language sql stable as $$
    select * from public.statement s
    where s.search_vector @@ websearch_to_tsquery('english', words)
    order by s.said_earliest nulls last, s.position, s.id
$$;

-- Attestations are indexed by encounter and by statement with partial unique indexes (V1: "where encounter_id is not
-- null"), which serve `encounter_id = $1` as well as a full index would. PostGraphile counts only non-partial
-- indexes and would drop the reverse relations (attestationsByEncounterId, attestationsByStatementId); these smart
-- tags tell it that the foreign keys are indexed.
comment on constraint attestation_encounter_id_fkey on public.attestation is E'@isIndexed';
comment on constraint attestation_statement_id_fkey on public.attestation is E'@isIndexed';
