\set i random(0, 999)
select words from bench.param where n = :i \gset
select coalesce(json_agg(json_build_object('text', s.text, 'speaker', a.name, 'encounter', e.title)
                         order by s.said_earliest, s.position, s.id), '[]')
from (select * from statement s where s.search_vector @@ websearch_to_tsquery('english', :words)
      order by s.said_earliest nulls last, s.position, s.id limit 20) s
left join actor a on a.id = s.speaker_id
left join encounter e on e.id = s.encounter_id;
