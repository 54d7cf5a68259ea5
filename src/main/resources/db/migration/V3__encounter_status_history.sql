-- Status history of encounters: a summit planned, cancelled, then held. Each change with the date it took effect
-- (as precisely as known) and the source that reports it. encounter.status stays the current status.
create table encounter_status_change (
    id              bigint generated always as identity primary key,
    encounter_id    bigint not null references encounter (id) on delete cascade,
    status          text not null check (status in ('PROPOSED', 'PLANNED', 'HELD', 'CANCELLED', 'POSTPONED')),
    effective_date  date,
    effective_precision text check (effective_precision in ('DAY', 'MONTH', 'YEAR')),
    source_id       bigint references source (id),
    note            text check (length(note) <= 2000),
    recorded_at     timestamptz not null default now(),
    check ((effective_date is null) = (effective_precision is null))
);
create index encounter_status_change_encounter_idx on encounter_status_change (encounter_id, id);
create index encounter_status_change_source_idx on encounter_status_change (source_id);

-- Encounters recorded so far start their history with their current status, as reported by their first source.
insert into encounter_status_change (encounter_id, status, source_id, recorded_at)
select e.id, e.status, (select a.source_id from attestation a where a.encounter_id = e.id order by a.id limit 1),
       e.created_at
from encounter e;
