-- Write path: optimistic locking and an audit trail.
-- Every mutable object carries a version, incremented by each accepted change; an update names the version it read
-- and is refused if another change came first.
alter table actor add column version int not null default 0;
alter table source add column version int not null default 0;
alter table encounter add column version int not null default 0;
alter table statement add column version int not null default 0;

-- Who changed what and when: one row per accepted write, in the transaction of the write.
create table change_log (
    id        bigint generated always as identity primary key,
    at        timestamptz not null default now(),
    subject   text not null check (length(subject) between 1 and 300),
    operation text not null check (operation ~ '^[a-zA-Z]+$'),
    node_type text not null check (node_type in ('Actor', 'Encounter', 'Statement', 'Source')),
    node_id   bigint not null
);
create index change_log_node_idx on change_log (node_type, node_id);
