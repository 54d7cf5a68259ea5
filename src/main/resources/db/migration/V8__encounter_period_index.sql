-- Encounters in a date range are listed by start date. The range filter (the period ends on or after `from`, starts
-- on or before `to`) alone let PostgreSQL walk encounter_start_idx from the earliest encounter and discard every
-- one that ended before `from`: 89,000 rows read for 50 at scale 1 (docs/BENCHMARKS.md, Q1). With this index the
-- repository finds the earliest start among the encounters running on `from` and begins the ordered walk there.
-- The constraints of V1 keep every period's end on or after its start, so daterange() never fails here.
create index encounter_period_idx on encounter using gist (daterange(start_date, coalesce(end_until, start_until), '[]'));
