\set i random(0, 999)
select speaker_id from bench.param where n = :i \gset
select json_build_object('name', a.name, 'kind', a.kind,
         'aliases', (select coalesce(json_agg(al.alias order by al.position), '[]')
                     from actor_alias al where al.actor_id = a.id),
         'roles', (select coalesce(json_agg(json_build_object('title', r.title, 'organization', o.name,
                                     'start', r.start_date, 'startPrecision', r.start_precision,
                                     'end', r.end_date, 'endPrecision', r.end_precision) order by r.position), '[]')
                   from actor_role r left join actor o on o.id = r.organization_id and o.deleted_at is null
                   where r.actor_id = a.id),
         'statements', (select coalesce(json_agg(json_build_object(
                          'text', s.text, 'date', s.said_date,
                          'encounter', (select e.title from encounter e where e.id = s.encounter_id and e.deleted_at is null),
                          'sources', (select coalesce(json_agg(json_build_object('title', src.title, 'publisher', src.publisher)), '[]')
                                      from attestation att join source src on src.id = att.source_id
                                      where att.statement_id = s.id and src.deleted_at is null))
                          order by s.said_earliest nulls last, s.position, s.id), '[]')
                        from (select * from statement s where s.speaker_id = a.id and s.deleted_at is null
                              order by s.said_earliest nulls last, s.position, s.id limit 20) s))
from actor a where a.id = :speaker_id and a.deleted_at is null;
