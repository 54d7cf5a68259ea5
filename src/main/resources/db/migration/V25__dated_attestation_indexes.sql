-- The disagreements list (source.DisagreementRepository) starts from the attestations that give a date of their own,
-- with their source: only a record that has one of those and another source can have versions that disagree. These
-- partial indexes hold just those attestations (1 in 20 statement attestations of the benchmark's scale-1 data), so
-- the list no longer aggregates every attestation.
create index attestation_reported_encounter_idx on attestation (encounter_id, source_id)
    where reported_date is not null and encounter_id is not null;
create index attestation_reported_statement_idx on attestation (statement_id, source_id)
    where reported_date is not null and statement_id is not null;
create index agreement_attestation_reported_idx on agreement_attestation (agreement_id, source_id)
    where reported_date is not null;
