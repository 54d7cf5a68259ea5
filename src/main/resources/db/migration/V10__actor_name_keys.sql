-- Transliteration-tolerant actor lookup: "Sergei Lavrov" finds "Sergey Lavrov", "Sergey Shoigu" finds
-- "Sergei Shoigu". Both extensions ship with PostgreSQL's contrib and are trusted (PostgreSQL 13+): the database
-- owner may create them without superuser rights.
create extension if not exists pg_trgm with schema public;
create extension if not exists unaccent with schema public;

-- The key names are compared by when the exact (normalised) name does not match. It starts from the normalised
-- name (lower case, letters and digits only, NFKD accents removed by the application) and folds what NFKD keeps
-- (unaccent: ø, ł, ß...) and the usual variants of romanised Russian and Korean: kh/h, y/i/j, doubled letters
-- (Sergey/Sergei, Shoygu/Shoigu, Zelenskyy/Zelensky, Jong/Yong). Declared immutable so that a generated column and an
-- index can use it; unaccent itself is only stable because its dictionary could change, which is why the
-- dictionary is named explicitly.
create function actor_name_key(normalized text) returns text
    language sql immutable strict parallel safe
    return regexp_replace(
        translate(replace(lower(public.unaccent('public.unaccent'::regdictionary, normalized)), 'kh', 'h'), 'yj', 'ii'),
        '(.)\1+', '\1', 'g');

alter table actor add column name_key text generated always as (actor_name_key(normalized_name)) stored;
alter table actor_alias add column name_key text generated always as (actor_name_key(normalized)) stored;

-- GIN trigram indexes serve both the equality of actor(name:) (pg_trgm supports = since PostgreSQL 14) and the
-- similarity search (%) of similarActors.
create index actor_name_key_trgm_idx on actor using gin (name_key gin_trgm_ops);
create index actor_alias_name_key_trgm_idx on actor_alias using gin (name_key gin_trgm_ops);
