-- Deliberation and public forums (숙의·공론장) of districts' youth participation bodies.
create table forum (
    id           uuid primary key,
    district     varchar(5)   not null,
    held_on      date         not null,
    kind         varchar(16)  not null check (kind in ('DELIBERATION', 'PUBLIC')),
    topic        varchar(200) not null,
    participants integer      not null check (participants >= 0),
    -- Names of participants who consented to be listed (JSON array); never shown without a token.
    consented_people text,
    source       varchar(40),
    created_at   timestamptz  not null
);
create index forum_year on forum (held_on, district);
