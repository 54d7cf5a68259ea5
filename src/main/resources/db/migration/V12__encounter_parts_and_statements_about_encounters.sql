-- An encounter can be part of another (a treaty signing within a state visit). The API refuses cycles; the
-- partial index serves Encounter.parts (children of a parent in chronological order).
alter table encounter add column part_of_id bigint references encounter (id);
create index encounter_part_of_idx on encounter (part_of_id, start_date, id) where part_of_id is not null;

-- What a statement is about, when that is an encounter (the summit whose agreements it sums up, the visit it
-- announces); statement_about keeps the actors.
create table statement_about_encounter (
    statement_id bigint not null references statement (id) on delete cascade,
    encounter_id bigint not null references encounter (id),
    position     int not null,
    primary key (statement_id, encounter_id)
);
create index statement_about_encounter_idx on statement_about_encounter (encounter_id, statement_id);
