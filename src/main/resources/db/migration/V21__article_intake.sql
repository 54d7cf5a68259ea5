-- Article intake (issue 16): an article pasted by an editor, the proposals read from it, and what the editor
-- accepted. The text is kept only while the intake is open (parley.intake.keep-closed-text); the records it became
-- carry their own excerpts. Proposals are one JSON array: they are read and written whole, never queried inside.
create table intake (
    id            bigint generated always as identity primary key,
    status        text not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'DISCARDED')),
    url           text check (length(url) <= 2000),
    title         text check (length(title) <= 500),
    publisher     text check (length(publisher) <= 200),
    published_at  timestamptz,
    published_on  date,
    language      text not null check (length(language) between 2 and 35),
    text          text,
    text_length   int not null,
    proposals     jsonb not null,
    truncated     boolean not null default false,
    unbalanced_quote_marks int not null default 0,
    created_by    text,
    created_at    timestamptz not null default now(),
    closed_by     text,
    closed_at     timestamptz,
    -- what acceptance wrote: [{"proposal": "p3", "record": "<global id>"}]
    accepted      jsonb,
    source_id     bigint references source (id) on delete set null,
    version       int not null default 0,
    check ((status = 'OPEN') = (closed_at is null))
);
create index intake_created_idx on intake (created_at desc, id desc);
create index intake_source_idx on intake (source_id) where source_id is not null;
