-- Live updates: the change feed's order is fixed inside COMMIT, with no lock held while the client sends its next
-- statement. V22 took a transaction-scoped advisory lock with each write's audit insert and kept it until the
-- client's COMMIT arrived, so every write queued behind every other open write (33 to 35 sessions waiting on
-- `Lock: advisory` at 50 writes a second, docs/BENCHMARKS.md).
--
-- Now an entry gets its place in the feed, commit_seq, when its transaction commits: a deferred constraint trigger,
-- once per writing transaction, takes the advisory lock (inside COMMIT: it is released as soon as the commit is
-- visible), numbers the transaction's entries from a sequence in id order, and sends NOTIFY. A transaction numbers
-- its entries only after every earlier holder of the lock has become visible, so a reader that sees number n has
-- already seen every number below it (the feed reads after the last number it delivered). Entries of a write that
-- rolls back get no number and no notification; ids may now commit out of order, commit_seq never does.
drop trigger change_log_in_commit_order on change_log;
drop function change_log_in_commit_order();
drop trigger change_log_notify on change_log;
drop function change_log_notify();

alter table change_log add column commit_seq bigint;
-- V22's lock made ids commit in order: the entries already there keep their id as their number, so a cursor handed
-- out before this migration names the same place in the feed
update change_log set commit_seq = id;
create sequence change_log_commit_seq;
select setval('change_log_commit_seq', coalesce((select max(id) from change_log), 0) + 1, false);
create unique index change_log_commit_seq_idx on change_log (commit_seq);
-- the entries a committing transaction numbers (its own: other transactions' unnumbered rows are not yet visible)
create index change_log_unnumbered_idx on change_log (id) where commit_seq is null;

-- One row per transaction that wrote entries, for the commit trigger to fire once (a constraint trigger is per row;
-- an import writes thousands of entries). The row lives only inside its transaction.
create table change_log_pending (xact xid8 primary key);

create function change_log_pending() returns trigger language plpgsql as $$
begin
    if exists (select 1 from added) then
        insert into change_log_pending values (pg_current_xact_id()) on conflict do nothing;
    end if;
    return null;
end $$;

create trigger change_log_pending after insert on change_log
    referencing new table as added
    for each statement execute function change_log_pending();

create function change_log_commit() returns trigger language plpgsql as $$
declare
    numbered bigint;
begin
    perform pg_advisory_xact_lock(7245190311);
    update change_log c set commit_seq = n.seq
        from (select id, nextval('change_log_commit_seq') as seq
              from (select id from change_log where commit_seq is null order by id) entries) n
        where c.id = n.id;
    get diagnostics numbered = row_count;
    delete from change_log_pending where xact = new.xact;
    -- one notification per transaction, delivered by PostgreSQL at its commit: the highest number it gave
    if numbered > 0 then
        perform pg_notify('parley_changes', currval('change_log_commit_seq')::text);
    end if;
    return null;
end $$;

create constraint trigger change_log_commit after insert on change_log_pending
    deferrable initially deferred
    for each row execute function change_log_commit();
