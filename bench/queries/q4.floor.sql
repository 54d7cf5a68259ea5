\set i random(0, 999)
select encounter_id from bench.param where n = :i \gset
select json_build_object('title', e.title, 'status', e.status, 'participants', (
         select coalesce(json_agg(json_build_object('role', p.role, 'name', a.name) order by p.position), '[]')
         from participant p join actor a on a.id = p.actor_id where p.encounter_id = e.id))
from encounter e where e.id = :encounter_id;
