-- Article intake: place mentions are matched to recorded encounters' places by name, case aside
-- (IntakeMatcher.places), one probe per name.
create index encounter_place_name_idx on encounter (lower(place_name)) where deleted_at is null and place_name is not null;
