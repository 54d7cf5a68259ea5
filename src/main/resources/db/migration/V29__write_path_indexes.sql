-- Writes that cost more the more rows a table holds: each new statement read every statement twice, once for the
-- next position (max(position) + 1) and once for a free slug (slug = 'x' or slug like 'x-%': the unique index on slug
-- serves LIKE only in the "C" collation). 5 ms a write at 5,000 statements, and growing with the table
-- (docs/BENCHMARKS.md, bench/subscriptions.sh). Both become index lookups.
create index statement_position_idx on statement (position);
-- text_pattern_ops serves a prefix LIKE whatever the database's collation
create index actor_slug_pattern_idx on actor (slug text_pattern_ops);
create index encounter_slug_pattern_idx on encounter (slug text_pattern_ops);
create index statement_slug_pattern_idx on statement (slug text_pattern_ops);
create index source_slug_pattern_idx on source (slug text_pattern_ops);
create index agreement_slug_pattern_idx on agreement (slug text_pattern_ops);
