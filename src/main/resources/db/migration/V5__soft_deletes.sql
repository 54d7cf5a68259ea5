-- Soft deletes and actor merges. A deleted row stays as a tombstone (deleted_at set) so that clients syncing with
-- the change feed learn what disappeared; reads skip it. A merged actor is a tombstone that points to the actor it
-- was merged into, so that its old ID keeps resolving.
alter table actor add column deleted_at timestamptz;
alter table actor add column merged_into_id bigint references actor (id);
alter table actor add constraint actor_merged_is_deleted check (merged_into_id is null or deleted_at is not null);
alter table encounter add column deleted_at timestamptz;
alter table statement add column deleted_at timestamptz;
alter table source add column deleted_at timestamptz;

-- the tombstone feed reads deleted rows by time; live rows are not in these indexes
create index actor_deleted_at_idx on actor (deleted_at) where deleted_at is not null;
create index encounter_deleted_at_idx on encounter (deleted_at) where deleted_at is not null;
create index statement_deleted_at_idx on statement (deleted_at) where deleted_at is not null;
create index source_deleted_at_idx on source (deleted_at) where deleted_at is not null;
create index actor_merged_into_idx on actor (merged_into_id) where merged_into_id is not null;

-- A deleted source no longer holds its URL: the article can be added again.
alter table source drop constraint source_url_key;
create unique index source_url_live_uq on source (url) where deleted_at is null;

-- Likewise a deleted actor's Wikidata ID can name a new actor.
alter table actor drop constraint actor_wikidata_id_key;
create unique index actor_wikidata_id_live_uq on actor (wikidata_id) where deleted_at is null;
