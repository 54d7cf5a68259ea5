-- Source addresses are compared by a normalised key, so that the same article given as http, with a trailing
-- slash, a fragment, utm_* tracking parameters or its parameters in another order is found as the same source.
-- The address as given stays in url, for display. The key is computed here only (trigger), for the API and the
-- importer alike.
create function source_url_key(url text) returns text
language sql immutable parallel safe as $$
    select case when p is null then btrim(url) else
        -- scheme: lower case, http counted as https
        (case when lower(p[1]) = 'http' then 'https' else lower(p[1]) end) || '://'
        -- host: lower case, without the default port
        || regexp_replace(lower(p[2]), ':(80|443)$', '')
        -- path: without trailing slashes
        || regexp_replace(p[3], '/+$', '')
        -- query: without utm_* parameters, the others sorted; the fragment is dropped
        || coalesce('?' || (select string_agg(q, '&' order by q collate "C")
                            from unnest(string_to_array(p[4], '&')) q
                            where q <> '' and lower(q) !~ '^utm_'), '')
    end
    from regexp_match(btrim(url), '^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\?([^#]*))?') as p
$$;

alter table source add column url_key text;

-- Existing rows get their key; where two live sources already share one (the same article added twice before
-- this migration), the older keeps it and the newer stays without, until an editor corrects or deletes it
-- (updating its url then computes the key, and the editor is told which source has it).
update source s set url_key = source_url_key(s.url)
where s.url is not null and not exists (
    select 1 from source o
    where o.id < s.id and o.url is not null and o.deleted_at is null and s.deleted_at is null
      and source_url_key(o.url) = source_url_key(s.url));

create function source_url_key_set() returns trigger language plpgsql as $$
begin
    new.url_key := source_url_key(new.url);
    return new;
end
$$;
create trigger source_url_key_set before insert or update of url on source
    for each row execute function source_url_key_set();

drop index source_url_live_uq;
create unique index source_url_key_live_uq on source (url_key) where deleted_at is null;

-- An upper-case scheme (HTTPS://...) is an address too.
alter table source drop constraint source_url_check;
alter table source add constraint source_url_check check (url ~* '^https?://');
