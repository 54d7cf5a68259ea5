-- Agreements: treaties, memoranda, joint statements. A fifth kind of record with the columns every record has
-- (slug, version, modified_at, deleted_at), its parties, the encounter where it was signed, its status steps and the
-- sources that attest it.
create table agreement (
    id           bigint generated always as identity primary key,
    slug         text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    kind         text not null check (kind in ('TREATY', 'AGREEMENT', 'MEMORANDUM', 'JOINT_STATEMENT', 'DECLARATION',
                                               'PROTOCOL')),
    title        text not null check (length(title) between 1 and 300),
    summary      text check (length(summary) <= 4000),
    signed_at_id bigint references encounter (id),
    created_at   timestamptz not null default now(),
    modified_at  timestamptz not null default now(),
    deleted_at   timestamptz,
    version      int not null default 0
);
create index agreement_title_idx on agreement (lower(title), id);
create index agreement_signed_at_idx on agreement (signed_at_id, id) where signed_at_id is not null;
create index agreement_modified_at_idx on agreement (modified_at);
create index agreement_deleted_at_idx on agreement (deleted_at) where deleted_at is not null;

create table agreement_party (
    agreement_id bigint not null references agreement (id) on delete cascade,
    actor_id     bigint not null references actor (id),
    position     int not null,
    primary key (agreement_id, actor_id)
);
create index agreement_party_actor_idx on agreement_party (actor_id, agreement_id);

-- Status steps in order: signed, ratified, in force, suspended...; each dated as precisely as known.
create table agreement_step (
    agreement_id   bigint not null references agreement (id) on delete cascade,
    position       int not null,
    status         text not null check (status in ('SIGNED', 'RATIFIED', 'IN_FORCE', 'SUSPENDED', 'TERMINATED',
                                                   'EXPIRED')),
    step_date      date,
    step_precision text check (step_precision in ('DAY', 'MONTH', 'YEAR')),
    source_id      bigint references source (id),
    note           text check (length(note) <= 2000),
    primary key (agreement_id, position),
    check ((step_date is null) = (step_precision is null))
);
create index agreement_step_source_idx on agreement_step (source_id);

create table agreement_attestation (
    agreement_id       bigint not null references agreement (id) on delete cascade,
    source_id          bigint not null references source (id),
    excerpt            text not null check (length(excerpt) between 1 and 1000),
    note               text check (length(note) <= 2000),
    reported_date      date,
    reported_precision text check (reported_precision in ('DAY', 'MONTH', 'YEAR')),
    position           int not null,
    primary key (agreement_id, source_id),
    check ((reported_date is null) = (reported_precision is null))
);
create index agreement_attestation_source_idx on agreement_attestation (source_id);

-- What a statement is about, when that is an agreement (as statement_about_encounter for encounters).
create table statement_about_agreement (
    statement_id bigint not null references statement (id) on delete cascade,
    agreement_id bigint not null references agreement (id),
    position     int not null,
    primary key (statement_id, agreement_id)
);
create index statement_about_agreement_idx on statement_about_agreement (agreement_id, statement_id);

-- The change log names agreements too.
alter table change_log drop constraint change_log_node_type_check;
alter table change_log add constraint change_log_node_type_check
    check (node_type in ('Actor', 'Encounter', 'Statement', 'Source', 'Agreement'));
