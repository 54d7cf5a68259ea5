-- Parley core schema: actors, sources, encounters, statements and the attestations that tie them to sources.
-- Flyway owns the schema; Hibernate never generates it.
-- Partial dates are stored as (first day of the period, precision); "*_until" columns hold the last day of the
-- period so that date-range filters can compare periods without recomputing them.

create table source (
    id               bigint generated always as identity primary key,
    slug             text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    title            text check (length(title) between 1 and 500),
    publisher        text check (length(publisher) between 1 and 200),
    author           text check (length(author) between 1 and 200),
    url              text unique check (url ~ '^https?://'),
    published_at     timestamptz,
    published_on     date,
    published_precision text check (published_precision in ('DAY', 'MONTH', 'YEAR')),
    updated_at       timestamptz,
    -- the UTC offset the article prints its times in, so that answers show them as printed
    printed_offset_seconds int check (printed_offset_seconds between -64800 and 64800),
    language         text check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$'),
    reliability_note text check (length(reliability_note) <= 2000),
    created_at       timestamptz not null default now(),
    modified_at      timestamptz not null default now(),
    check ((published_on is null) = (published_precision is null)),
    check (updated_at is null or published_at is null or updated_at >= published_at)
);
create index source_publisher_idx on source (lower(publisher));
create index source_published_on_idx on source (published_on);

create table actor (
    id              bigint generated always as identity primary key,
    slug            text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    kind            text not null check (kind in ('PERSON', 'STATE', 'ORGANIZATION', 'NEWS_AGENCY')),
    name            text not null check (length(name) between 1 and 300),
    -- lower case, accents, hyphens, punctuation and spaces removed: "Kim Jong-un" and "kim jong un" meet here
    normalized_name text not null,
    description     text check (length(description) <= 2000),
    wikidata_id     text unique check (wikidata_id ~ '^Q[1-9][0-9]*$'),
    country_id      bigint references actor (id),
    created_at      timestamptz not null default now(),
    modified_at     timestamptz not null default now()
);
create index actor_country_idx on actor (country_id);
create index actor_kind_idx on actor (kind);
create index actor_normalized_name_idx on actor (normalized_name);
create index actor_name_order_idx on actor (lower(name), id);

create table actor_alias (
    actor_id   bigint not null references actor (id) on delete cascade,
    alias      text not null check (length(alias) between 1 and 300),
    normalized text not null,
    position   int not null,
    primary key (actor_id, alias)
);
create index actor_alias_normalized_idx on actor_alias (normalized);

create table actor_role (
    id              bigint generated always as identity primary key,
    actor_id        bigint not null references actor (id) on delete cascade,
    title           text not null check (length(title) between 1 and 300),
    organization_id bigint references actor (id),
    start_date      date,
    start_precision text check (start_precision in ('DAY', 'MONTH', 'YEAR')),
    end_date        date,
    end_precision   text check (end_precision in ('DAY', 'MONTH', 'YEAR')),
    source_id       bigint references source (id),
    position        int not null,
    check ((start_date is null) = (start_precision is null)),
    check ((end_date is null) = (end_precision is null)),
    check (end_date is null or start_date is null or end_date >= start_date),
    unique (actor_id, position)
);
create index actor_role_organization_idx on actor_role (organization_id);
create index actor_role_source_idx on actor_role (source_id);

create table encounter (
    id               bigint generated always as identity primary key,
    slug             text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    kind             text not null check (kind in ('SUMMIT', 'VISIT', 'MEETING', 'TALKS', 'CALL', 'LETTER', 'CEREMONY', 'BRIEFING')),
    title            text not null check (length(title) between 1 and 300),
    summary          text check (length(summary) <= 4000),
    status           text not null check (status in ('PROPOSED', 'PLANNED', 'HELD', 'CANCELLED', 'POSTPONED')),
    start_date       date,
    start_precision  text check (start_precision in ('DAY', 'MONTH', 'YEAR')),
    start_until      date,
    end_date         date,
    end_precision    text check (end_precision in ('DAY', 'MONTH', 'YEAR')),
    end_until        date,
    place_name       text check (length(place_name) between 1 and 300),
    place_locality   text check (length(place_locality) between 1 and 300),
    place_country_id bigint references actor (id),
    latitude         double precision check (latitude between -90 and 90),
    longitude        double precision check (longitude between -180 and 180),
    created_at       timestamptz not null default now(),
    modified_at      timestamptz not null default now(),
    check ((start_date is null) = (start_precision is null) and (start_date is null) = (start_until is null)),
    check ((end_date is null) = (end_precision is null) and (end_date is null) = (end_until is null)),
    check (start_until >= start_date and end_until >= end_date),
    check (end_date is null or (start_date is not null and end_until >= start_date)),
    check ((latitude is null) = (longitude is null)),
    check (latitude is null or place_name is not null)
);
create index encounter_start_idx on encounter (start_date, id);
create index encounter_kind_idx on encounter (kind);
create index encounter_status_idx on encounter (status);
create index encounter_place_country_idx on encounter (place_country_id);

create table participant (
    encounter_id bigint not null references encounter (id) on delete cascade,
    actor_id     bigint not null references actor (id),
    role         text not null check (role in ('HOST', 'GUEST', 'PRINCIPAL', 'ENVOY', 'DELEGATION', 'DELEGATION_MEMBER',
                                               'ATTENDEE', 'SENDER', 'RECIPIENT', 'MEDIATOR')),
    note         text check (length(note) <= 1000),
    position     int not null,
    primary key (encounter_id, actor_id)
);
create index participant_actor_idx on participant (actor_id, encounter_id);

create table statement (
    id             bigint generated always as identity primary key,
    slug           text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    text           text not null check (length(text) between 1 and 4000),
    mode           text not null check (mode in ('VERBATIM', 'PARAPHRASE')),
    kind           text not null check (kind in ('CLAIM', 'ASSESSMENT', 'ALLEGATION', 'DENIAL', 'PLEDGE', 'INVITATION',
                                                 'ACCEPTANCE', 'DEMAND', 'WARNING', 'OFFER', 'ENDORSEMENT',
                                                 'ANNOUNCEMENT', 'INTENTION', 'NO_COMMENT')),
    speaker_id     bigint references actor (id),
    speaker_label  text check (length(speaker_label) between 1 and 300),
    said_date      date,
    said_precision text check (said_precision in ('DAY', 'MONTH', 'YEAR')),
    encounter_id   bigint references encounter (id),
    responds_to_id bigint references statement (id),
    -- order of statements said on the same date (order of appearance in the curated data)
    position       int not null,
    search_vector  tsvector generated always as (to_tsvector('english', text)) stored,
    created_at     timestamptz not null default now(),
    modified_at    timestamptz not null default now(),
    check (speaker_id is not null or speaker_label is not null),
    check ((said_date is null) = (said_precision is null)),
    check (responds_to_id <> id)
);
create index statement_speaker_idx on statement (speaker_id);
create index statement_encounter_idx on statement (encounter_id);
create index statement_responds_to_idx on statement (responds_to_id);
create index statement_kind_idx on statement (kind);
create index statement_order_idx on statement (said_date, position, id);
create index statement_search_idx on statement using gin (search_vector);

create table statement_about (
    statement_id bigint not null references statement (id) on delete cascade,
    actor_id     bigint not null references actor (id),
    position     int not null,
    primary key (statement_id, actor_id)
);
create index statement_about_actor_idx on statement_about (actor_id, statement_id);

-- A source's support for exactly one encounter or one statement, with the source's own version of the date.
create table attestation (
    id                 bigint generated always as identity primary key,
    source_id          bigint not null references source (id),
    encounter_id       bigint references encounter (id) on delete cascade,
    statement_id       bigint references statement (id) on delete cascade,
    excerpt            text not null check (length(excerpt) between 1 and 1000),
    note               text check (length(note) <= 2000),
    reported_date      date,
    reported_precision text check (reported_precision in ('DAY', 'MONTH', 'YEAR')),
    created_at         timestamptz not null default now(),
    check (num_nonnulls(encounter_id, statement_id) = 1),
    check ((reported_date is null) = (reported_precision is null))
);
create unique index attestation_encounter_source_uq on attestation (encounter_id, source_id) where encounter_id is not null;
create unique index attestation_statement_source_uq on attestation (statement_id, source_id) where statement_id is not null;
create index attestation_source_idx on attestation (source_id);

-- One row per data set load: what an operator reads to know which curated data a database holds.
create table dataset_load (
    id         bigint generated always as identity primary key,
    name       text not null,
    checksum   text not null,
    inserted   int not null,
    loaded_at  timestamptz not null default now()
);
