\set i random(0, 999)
select coalesce(json_agg(json_build_object(
         'title', src.title, 'publisher', src.publisher, 'url', src.url,
         'publishedOn', src.published_on, 'precision', src.published_precision, 'publishedAt', src.published_at,
         'attestations', (
           select coalesce(json_agg(json_build_object('excerpt', att.excerpt, 'encounter', att.encounter,
                                                       'statement', att.statement) order by att.id), '[]')
           from (select att.id, att.excerpt,
                        (select e.title from encounter e where e.id = att.encounter_id) as encounter,
                        (select s.text from statement s where s.id = att.statement_id) as statement
                 from attestation att
                 where att.source_id = src.id
                   and not exists (select 1 from encounter de where de.id = att.encounter_id and de.deleted_at is not null)
                   and not exists (select 1 from statement ds where ds.id = att.statement_id and ds.deleted_at is not null)
                 order by att.id limit 10) att))
       order by src.published_on nulls last, src.published_at nulls last, src.id), '[]')
from (select * from source src where src.deleted_at is null
      order by src.published_on nulls last, src.published_at nulls last, src.id limit 20) src;
