-- What a statement is about, when that is a source (the report a ministry calls fabricated) or another statement
-- (one it comments on; `responds_to_id` stays the one it answers). With statement_about (actors),
-- statement_about_encounter and statement_about_agreement, a statement can be about any kind of node.
create table statement_about_source (
    statement_id bigint not null references statement (id) on delete cascade,
    source_id    bigint not null references source (id),
    position     int not null,
    primary key (statement_id, source_id)
);
create index statement_about_source_idx on statement_about_source (source_id, statement_id);

create table statement_about_statement (
    statement_id       bigint not null references statement (id) on delete cascade,
    about_statement_id bigint not null references statement (id),
    position           int not null,
    primary key (statement_id, about_statement_id),
    constraint statement_about_statement_not_itself check (statement_id <> about_statement_id)
);
create index statement_about_statement_idx on statement_about_statement (about_statement_id, statement_id);
