-- Two records of the same meeting (one from an older article, one from a newer) can be merged: the duplicate stays
-- as a tombstone whose ID resolves to the encounter it was merged into, as merged actors do (V5).
alter table encounter add column merged_into_id bigint references encounter (id);
alter table encounter add constraint encounter_merged_is_deleted check (merged_into_id is null or deleted_at is not null);
create index encounter_merged_into_idx on encounter (merged_into_id) where merged_into_id is not null;
