\set i random(0, 999)
select speaker_id from bench.param where n = :i \gset
select coalesce(json_agg(json_build_object(
         'text', s.text,
         'speaker', (select json_build_object('name', a.name, 'roles', (
                       select coalesce(json_agg(json_build_object('title', r.title, 'organization', o.name)
                                                order by r.position), '[]')
                       from actor_role r left join actor o on o.id = r.organization_id and o.deleted_at is null
                       where r.actor_id = a.id))
                     from actor a where a.id = s.speaker_id and a.deleted_at is null),
         'encounter', (select json_build_object('title', e.title, 'date', e.start_date, 'precision', e.start_precision,
                         'place', e.place_name, 'participants', (
                         select coalesce(json_agg(pa.name order by p.position), '[]')
                         from participant p left join actor pa on pa.id = p.actor_id and pa.deleted_at is null
                         where p.encounter_id = e.id))
                       from encounter e where e.id = s.encounter_id and e.deleted_at is null),
         'sources', (select coalesce(json_agg(json_build_object('title', src.title, 'publisher', src.publisher)), '[]')
                     from attestation att join source src on src.id = att.source_id
                     where att.statement_id = s.id and src.deleted_at is null),
         'respondsTo', (select json_build_object('text', r2.text, 'speaker', (
                          select a2.name from actor a2 where a2.id = r2.speaker_id and a2.deleted_at is null))
                        from statement r2 where r2.id = s.responds_to_id and r2.deleted_at is null))
       order by s.said_earliest nulls last, s.position, s.id), '[]')
from (select * from statement s where s.speaker_id = :speaker_id and s.deleted_at is null
      order by s.said_earliest nulls last, s.position, s.id limit 20) s;
