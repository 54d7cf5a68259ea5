-- Actor.statements reads a page of each speaker's statements in their order (date, position, id) with a limit:
-- with this index PostgreSQL reads just that page instead of sorting all the speaker's statements, and counts them
-- from the index alone. Found by the load benchmark (docs/BENCHMARKS.md, Q2).
create index statement_speaker_order_idx on statement (speaker_id, said_date, position, id) where deleted_at is null;
