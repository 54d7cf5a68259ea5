-- Uncertain dates (issue 14): an encounter's start and end and a statement's date keep the interval the sources
-- allow (earliest, latest: "late July", "on Thursday" when the event's day or the report's may be meant), how the
-- editor resolved the date (resolution) and a short note. The interval is always filled when the date is: a plain
-- date's interval is its period, so that filters and ordering read one pair of columns.
alter table encounter
    add column start_earliest   date,
    add column start_latest     date,
    add column start_resolution text,
    add column start_note       text,
    add column end_earliest     date,
    add column end_latest       date,
    add column end_resolution   text,
    add column end_note         text;
update encounter set start_earliest = start_date, start_latest = start_until, start_resolution = 'AS_REPORTED'
    where start_date is not null;
update encounter set end_earliest = end_date, end_latest = end_until, end_resolution = 'AS_REPORTED'
    where end_date is not null;
alter table encounter
    add constraint encounter_start_interval check ((start_date is null) = (start_earliest is null)
        and (start_date is null) = (start_latest is null) and (start_date is null) = (start_resolution is null)
        and (start_note is null or start_date is not null)),
    add constraint encounter_end_interval check ((end_date is null) = (end_earliest is null)
        and (end_date is null) = (end_latest is null) and (end_date is null) = (end_resolution is null)
        and (end_note is null or end_date is not null)),
    -- the interval is not empty, and the resolved period overlaps it
    add constraint encounter_start_interval_fits check (start_latest >= start_earliest
        and start_earliest <= start_until and start_latest >= start_date),
    add constraint encounter_end_interval_fits check (end_latest >= end_earliest
        and end_earliest <= end_until and end_latest >= end_date and end_latest >= start_earliest),
    add constraint encounter_start_resolution check (start_resolution in ('AS_REPORTED', 'EVENT_DAY_ASSUMED',
        'REPORT_DAY_ASSUMED', 'OTHER_SOURCE', 'EDITOR_ESTIMATE')),
    add constraint encounter_end_resolution check (end_resolution in ('AS_REPORTED', 'EVENT_DAY_ASSUMED',
        'REPORT_DAY_ASSUMED', 'OTHER_SOURCE', 'EDITOR_ESTIMATE')),
    add constraint encounter_date_notes check (length(start_note) <= 300 and length(end_note) <= 300);

alter table statement
    add column said_earliest   date,
    add column said_latest     date,
    add column said_resolution text,
    add column said_note       text;
update statement set said_earliest = said_date, said_resolution = 'AS_REPORTED',
    said_latest = case said_precision when 'DAY' then said_date
        when 'MONTH' then (said_date + interval '1 month' - interval '1 day')::date
        else (said_date + interval '1 year' - interval '1 day')::date end
    where said_date is not null;
alter table statement
    add constraint statement_said_interval check ((said_date is null) = (said_earliest is null)
        and (said_date is null) = (said_latest is null) and (said_date is null) = (said_resolution is null)
        and (said_note is null or said_date is not null)),
    add constraint statement_said_interval_fits check (said_latest >= said_earliest and said_latest >= said_date
        and said_earliest <= case said_precision when 'DAY' then said_date
            when 'MONTH' then (said_date + interval '1 month' - interval '1 day')::date
            else (said_date + interval '1 year' - interval '1 day')::date end),
    add constraint statement_said_resolution check (said_resolution in ('AS_REPORTED', 'EVENT_DAY_ASSUMED',
        'REPORT_DAY_ASSUMED', 'OTHER_SOURCE', 'EDITOR_ESTIMATE')),
    add constraint statement_said_note check (length(said_note) <= 300);

-- Lists are ordered by the earliest day the sources allow (the period's first day for a plain date, so the order of
-- plain dates is unchanged); the indexes follow. The period index (V8) now covers the interval: the date filters
-- match what may have happened in their range.
drop index encounter_start_idx;
create index encounter_start_idx on encounter (start_earliest, id);
drop index encounter_part_of_idx;
create index encounter_part_of_idx on encounter (part_of_id, start_earliest, id) where part_of_id is not null;
drop index encounter_period_idx;
create index encounter_period_idx on encounter
    using gist (daterange(start_earliest, coalesce(end_latest, start_latest), '[]'));
drop index statement_order_idx;
create index statement_order_idx on statement (said_earliest, position, id);
drop index statement_speaker_order_idx;
create index statement_speaker_order_idx on statement (speaker_id, said_earliest, position, id) where deleted_at is null;
