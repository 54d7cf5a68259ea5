-- The change feed: lists filtered by `updatedSince` read these.
create index actor_modified_at_idx on actor (modified_at);
create index encounter_modified_at_idx on encounter (modified_at);
create index statement_modified_at_idx on statement (modified_at);
create index source_modified_at_idx on source (modified_at);
