-- The arguments of the benchmark queries: 1,000 rows drawn with a fixed seed from the generated data, so that every
-- server answers the same questions and no cache sees the same question twice in a row. Run by bench/run.sh after
-- bench/generate.sh. Row n gives Q1 its date range (90 days), Q2 its actor, Q3 two words said together in one
-- statement, Q4 its encounter, Q5 and Q6 their speaker (the speaker of a statement drawn at random, so that speakers
-- weigh by how much they said). Q7 takes no argument.
\set ON_ERROR_STOP on
create schema if not exists bench;
drop table if exists bench.param;
begin;
select setseed(0.17);
create table bench.param as
select n,
       date '1975-01-01' + floor(random() * 18000)::int as date_from,
       null::date as date_to,
       10000000 + 1 + floor(random() * (select count(*) from actor where id > 10000000))::bigint as actor_id,
       10000000 + 1 + floor(random() * (select count(*) from statement where id > 10000000))::bigint as word_statement_id,
       null::text as words,
       null::bigint as speaker_id,
       10000000 + 1 + floor(random() * (select count(*) from encounter where id > 10000000))::bigint as encounter_id
from generate_series(0, 999) n;
update bench.param set date_to = date_from + 89;
update bench.param p set words = split_part(s.text, ' ', 1) || ' ' || split_part(s.text, ' ', 3),
                         speaker_id = s.speaker_id
from statement s where s.id = p.word_statement_id;
alter table bench.param add primary key (n);
commit;
analyze bench.param;
