-- Synthetic data at scale :scale in Parley's schema, beside the curated data set (run by bench/generate.sh).
-- Deterministic: setseed() fixes random(), and every generated row gets an explicit id from :base upwards, so the
-- same scale gives the same rows whatever the curated data holds. Generated slugs start with "gen-".
--
-- Shape at scale 1: 10,000 actors (states, organisations, news agencies, people with aliases and roles), 30,000
-- sources, 100,000 encounters over 50 years (ids in chronological order), 2 to 8 participants each, drawn with a
-- skew so that a few actors take part in thousands of encounters, 300,000 statements (most said at an encounter by
-- one of its participants), 500,000 attestations (every encounter and every statement has at least one source).
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set client_min_messages = warning;

-- sizes
select :scale * 10000 as n_actor, :scale * 30000 as n_source, :scale * 100000 as n_encounter,
       :scale * 300000 as n_statement \gset

begin;
select setseed(0.42);

-- statement words: a vocabulary of 2,000 made-up words (three syllables each, see stmt_text), so that two words
-- chosen at random occur together in a few statements
create temporary table syllable on commit drop as
select array['an','bel','cor','dan','el','fa','gri','hal','is','jor','kel','lan','mar','nor','os','pel','ros','sten','tal','ver'] s;

-- actors: 8% states, 12% organisations, 3% news agencies, the rest people
insert into actor (id, slug, kind, name, normalized_name, description, country_id)
overriding system value
select :base + g, 'gen-actor-' || g, kind, name, regexp_replace(lower(name), '[^a-z0-9]', '', 'g'),
       'Generated ' || lower(kind) || ' ' || g, null
from (select g,
             case when g % 100 < 8 then 'STATE' when g % 100 < 20 then 'ORGANIZATION'
                  when g % 100 < 23 then 'NEWS_AGENCY' else 'PERSON' end as kind,
             initcap(s[1 + g % 20] || s[1 + (g / 20) % 20]) || ' ' || initcap(s[1 + (g / 400) % 20] || s[1 + (g * 7) % 20] || 'a')
                 || case when g % 100 < 23 then ' ' || g else '' end as name
      from generate_series(1, :n_actor) g, syllable) a;
-- people and organisations belong to a state: the first state of their hundred
update actor set country_id = :base + (g / 100) * 100 + 1
from generate_series(1, :n_actor) g
where actor.id = :base + g and g % 100 >= 8 and (g / 100) * 100 + 1 <= :n_actor;

-- aliases for 30% of actors (one or two)
insert into actor_alias (actor_id, alias, normalized, position)
select :base + g, alias, regexp_replace(lower(alias), '[^a-z0-9]', '', 'g'), k
from (select g, k, 'Alias ' || k || ' of ' || g as alias
      from generate_series(1, :n_actor) g, generate_series(1, 2) k
      where g % 10 < 3 and (k = 1 or g % 10 = 0)) al;

-- roles for people: one to three, each at an organisation, with periods
insert into actor_role (actor_id, title, organization_id, start_date, start_precision, end_date, end_precision, position)
select :base + g, (array['Minister','Ambassador','Envoy','Chairman','Spokesperson','Director','Secretary'])[1 + (g + k) % 7],
       :base + (g / 100) * 100 + 9, d, 'DAY', case when k < 3 then d + 700 end, case when k < 3 then 'DAY' end, k
from (select g, k, date '1975-01-01' + ((g * 37 + k * 4001) % 17000) as d
      from generate_series(1, :n_actor) g, generate_series(1, 3) k
      where g % 100 >= 23 and k <= 1 + g % 3 and (g / 100) * 100 + 9 <= :n_actor) r;

-- sources: 50 publishers, published over 50 years
insert into source (id, slug, title, publisher, author, url, published_at, published_on, published_precision, language)
overriding system value
select :base + g, 'gen-source-' || g, 'Report ' || g || ' on talks', 'Publisher ' || (1 + g % 50), 'Author ' || (1 + g % 700),
       'https://example.org/gen/' || g, d + time '08:00' + (g % 600) * interval '1 minute', d, 'DAY', 'en'
from (select g, date '1975-01-01' + (g * 18262::bigint / :n_source)::int as d from generate_series(1, :n_source) g) s;

-- encounters: start dates increase with the id over 50 years; some known to the month only, some lasting days
insert into encounter (id, slug, kind, title, summary, status, start_date, start_precision, start_until, end_date,
                       end_precision, end_until, place_name, place_locality, place_country_id, latitude, longitude,
                       start_earliest, start_latest, start_resolution, end_earliest, end_latest, end_resolution)
overriding system value
select :base + g, 'gen-encounter-' || g, kind, initcap(lower(kind)) || ' ' || g, 'Generated encounter ' || g,
       (array['HELD','HELD','HELD','HELD','HELD','HELD','PLANNED','CANCELLED','POSTPONED','PROPOSED'])[1 + g % 10],
       d, case when month then 'MONTH' else 'DAY' end,
       case when month then (d + interval '1 month' - interval '1 day')::date else d end,
       case when days > 0 and not month then d + days end, case when days > 0 and not month then 'DAY' end,
       case when days > 0 and not month then d + days end,
       'Palace ' || (1 + g % 300), 'City ' || (1 + g % 300), :base + (g % 300) / 3 * 100 % :n_actor + 1,
       round((-60 + (g % 300) * 0.4)::numeric, 4), round((-170 + (g % 300) * 1.1)::numeric, 4),
       -- the interval of a plain date is its period (V14)
       d, case when month then (d + interval '1 month' - interval '1 day')::date else d end, 'AS_REPORTED',
       case when days > 0 and not month then d + days end, case when days > 0 and not month then d + days end,
       case when days > 0 and not month then 'AS_REPORTED' end
from (select g, (array['SUMMIT','VISIT','MEETING','TALKS','CALL','LETTER','CEREMONY','BRIEFING'])[1 + (g * 7) % 8] as kind,
             date '1975-01-01' + (g * 18262::bigint / :n_encounter)::int as d,
             extract(day from date '1975-01-01' + (g * 18262::bigint / :n_encounter)::int) = 1 and g % 3 = 0 as month,
             case when g % 10 < 3 then 1 + g % 3 else 0 end as days
      from generate_series(1, :n_encounter) g) e;

-- participants: 2 to 8 per encounter. The first is drawn with a strong skew (actor rank = n * u^2: the top ranks
-- take part in thousands of encounters), the second uniformly among the others, the rest with the same skew.
-- Ranks map to actors through a fixed permutation.
insert into participant (encounter_id, actor_id, role, position)
select encounter_id, actor_id, (array['HOST','GUEST','PRINCIPAL','DELEGATION_MEMBER','ATTENDEE','ENVOY','MEDIATOR','DELEGATION'])[least(k, 8)], k
from (select distinct on (encounter_id, actor_id) encounter_id, actor_id, k
      from (select :base + g as encounter_id, k,
                   :base + 1 + ((case when k = 2 then first_rank + 1 + floor(random() * (:n_actor - 1))::int
                                      when k = 1 then first_rank
                                      else floor(:n_actor * random() ^ 2)::int end % :n_actor) * 7919) % :n_actor as actor_id
            from (select g, floor(:n_actor * random() ^ 2)::int as first_rank, 2 + floor(random() * 7)::int as n
                  from generate_series(1, :n_encounter) g) e,
                 generate_series(1, n) k) p
      order by encounter_id, actor_id, k) d;

-- statements: 80% said at an encounter by one of its participants, on its date; the rest said elsewhere by an actor
-- drawn with the same skew. 10 to 20 words each; one in ten responds to one of the 100 statements before it.
create temporary table stmt_plan on commit drop as
select g, case when g % 5 < 4 then :base + 1 + floor(random() * :n_encounter)::int end as encounter_id,
       :base + 1 + (floor(:n_actor * random() ^ 2)::int * 7919) % :n_actor as other_speaker,
       random() as pick, 10 + floor(random() * 11)::int as n_words
from generate_series(1, :n_statement) g;
-- (the words are built from their number here: reading them from an array column would detoast it for every word)
create temporary table stmt_text on commit drop as
select g, string_agg(syl[1 + i % 20] || syl[1 + (i / 20) % 20] || syl[1 + (i / 400) % 5] || 'n', ' ' order by k) as text
from (select p.g, k, floor(random() * 2000)::int as i from stmt_plan p, generate_series(1, p.n_words) k) w,
     (select array['ka','lo','mi','ne','ru','sa','te','vo','zi','bar','del','gon','hu','ji','ku','lim','mor','pa','qui','tor'] syl) c
group by g;

insert into statement (id, slug, text, mode, kind, speaker_id, said_date, said_precision, encounter_id, responds_to_id,
                       position, said_earliest, said_latest, said_resolution)
overriding system value
select :base + p.g, 'gen-statement-' || p.g, t.text, case when p.g % 3 = 0 then 'VERBATIM' else 'PARAPHRASE' end,
       (array['CLAIM','ASSESSMENT','ALLEGATION','DENIAL','PLEDGE','INVITATION','ACCEPTANCE','DEMAND','WARNING','OFFER',
              'ENDORSEMENT','ANNOUNCEMENT','INTENTION','NO_COMMENT'])[1 + p.g % 14],
       coalesce(sp.actor_id, p.other_speaker),
       coalesce(e.start_date, date '1975-01-01' + (p.g * 18262::bigint / :n_statement)::int), coalesce(e.start_precision, 'DAY'),
       p.encounter_id,
       case when p.g % 10 = 0 and p.g > 100 then :base + p.g - 1 - (p.g * 13) % 100 end,
       p.g,
       -- the interval of a plain date is its period (V14): the encounter's, or the day
       coalesce(e.start_earliest, date '1975-01-01' + (p.g * 18262::bigint / :n_statement)::int),
       coalesce(e.start_latest, date '1975-01-01' + (p.g * 18262::bigint / :n_statement)::int), 'AS_REPORTED'
from stmt_plan p
join stmt_text t on t.g = p.g
left join encounter e on e.id = p.encounter_id
-- the speaker: the first or second participant (both always exist)
left join participant sp on sp.encounter_id = p.encounter_id and sp.position = 1 + floor(p.pick * 2)::int;

-- what one in five statements is about
insert into statement_about (statement_id, actor_id, position)
select :base + g, :base + 1 + (g * 31) % :n_actor, 1 from generate_series(1, :n_statement) g where g % 5 = 0;

-- attestations: every encounter by one or three sources (200,000 at scale 1), every statement by one (300,000);
-- the sources are published around the date of what they report
insert into attestation (source_id, encounter_id, excerpt)
select :base + 1 + (base_source + k * 97) % :n_source, :base + g, 'Excerpt ' || k || ' about encounter ' || g
from (select g, (g::bigint * :n_source / :n_encounter)::int as base_source from generate_series(1, :n_encounter) g) e,
     generate_series(0, 2) k
where k = 0 or g % 2 = 0;
insert into attestation (source_id, statement_id, excerpt, reported_date, reported_precision)
select :base + 1 + ((g::bigint * :n_source / :n_statement)::int + g % 7) % :n_source, :base + g,
       'Excerpt about statement ' || g, case when g % 20 = 0 then date '1975-01-01' + (g * 18262::bigint / :n_statement)::int end,
       case when g % 20 = 0 then 'DAY' end
from generate_series(1, :n_statement) g;

-- every encounter's status history starts with its current status, reported by its first source
insert into encounter_status_change (encounter_id, status, source_id)
select e.id, e.status, :base + 1 + (((e.id - :base)::bigint * :n_source / :n_encounter)::int) % :n_source
from encounter e where e.id > :base;

create schema if not exists bench;
create table if not exists bench.generated (scale int not null, generated_at timestamptz not null default now());
delete from bench.generated;
insert into bench.generated (scale) values (:scale);
commit;

-- vacuum too: it sets the visibility map, as on a settled database, so that index-only scans skip the heap
vacuum analyze;
