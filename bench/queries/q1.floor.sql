\set i random(0, 999)
select date_from, date_to from bench.param where n = :i \gset
select coalesce(json_agg(json_build_object(
         'title', e.title,
         'start', json_build_object('date', e.start_date, 'precision', e.start_precision),
         'place', json_build_object('name', e.place_name, 'locality', e.place_locality,
                                    'latitude', e.latitude, 'longitude', e.longitude),
         'participants', (select coalesce(json_agg(json_build_object('role', p.role, 'name', a.name, 'kind', a.kind)
                                                   order by p.position), '[]')
                          from participant p join actor a on a.id = p.actor_id where p.encounter_id = e.id),
         'sources', (select coalesce(json_agg(json_build_object('title', src.title, 'publisher', src.publisher)
                                              order by src.published_on, src.id), '[]')
                     from attestation att join source src on src.id = att.source_id where att.encounter_id = e.id))
       order by e.start_earliest, e.id), '[]')
from (select * from encounter e
      where coalesce(e.end_latest, e.start_latest) >= :date_from::date and e.start_earliest <= :date_to::date
        and e.start_earliest >= coalesce((select min(r.start_earliest) from (select x.start_earliest from encounter x
              where daterange(x.start_earliest, coalesce(x.end_latest, x.start_latest), '[]') @> :date_from::date
              offset 0) r), :date_from::date)
      order by e.start_earliest nulls last, e.id limit 50) e;
