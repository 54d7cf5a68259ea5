-- Live updates (package org.parley.live): every committed write announces its change_log entries to the replicas
-- listening on channel parley_changes. PostgreSQL delivers a NOTIFY only when its transaction commits, and never
-- for one that rolls back.
--
-- The change_log id is the cursor of subscriptions, so ids must become visible in id order: a listener that has
-- seen id 11 must never see 10 later. Each statement inserting into change_log first takes a transaction-scoped
-- advisory lock (before its rows, and so their ids, exist): the writers' audit inserts and commits follow one
-- another, and ids are committed in order. Writes insert their audit entry last, so the lock is held only from
-- there to the commit.
create function change_log_in_commit_order() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7245190311);
    return null;
end $$;

create trigger change_log_in_commit_order before insert on change_log
    for each statement execute function change_log_in_commit_order();

-- One notification per statement (an import adds thousands of entries in one): the highest id it added. A listener
-- reads the entries after the last one it delivered, in id order.
create function change_log_notify() returns trigger language plpgsql as $$
declare
    newest bigint;
begin
    select max(id) into newest from added;
    if newest is not null then
        perform pg_notify('parley_changes', newest::text);
    end if;
    return null;
end $$;

create trigger change_log_notify after insert on change_log
    referencing new table as added
    for each statement execute function change_log_notify();
