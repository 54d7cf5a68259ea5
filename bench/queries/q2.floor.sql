\set i random(0, 999)
select actor_id from bench.param where n = :i \gset
select json_build_object('name', a.name, 'encounters', (
         select coalesce(json_agg(json_build_object('title', e.title, 'participants', (
                  select coalesce(json_agg(json_build_object('role', p2.role, 'name', a2.name, 'statements', (
                           select coalesce(json_agg(json_build_object('text', s.text, 'sources', (
                                    select coalesce(json_agg(src.title order by src.published_on, src.id), '[]')
                                    from attestation att join source src on src.id = att.source_id
                                    where att.statement_id = s.id))
                                  order by s.said_earliest, s.position, s.id), '[]')
                           from (select * from statement s where s.speaker_id = a2.id
                                 order by s.said_earliest nulls last, s.position, s.id limit 5) s))
                         order by p2.position), '[]')
                  from participant p2 join actor a2 on a2.id = p2.actor_id where p2.encounter_id = e.id))
                order by e.start_earliest, e.id), '[]')
         from (select e.* from participant p join encounter e on e.id = p.encounter_id where p.actor_id = a.id
               order by e.start_earliest nulls last, e.id limit 20) e))
from actor a where a.id = :actor_id;
