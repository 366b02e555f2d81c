-- Agendas found in districts (발굴의제) and their way into district administration (구정반영).
create table agenda (
    id               uuid primary key,
    district         varchar(5)   not null,
    year             integer      not null,
    title            varchar(200) not null,
    domain           varchar(100) not null,
    status           varchar(24)  not null check (status in ('FOUND', 'PROPOSED', 'BUDGETED_NEXT_YEAR', 'ORDINANCE_AMENDED', 'REJECTED')),
    proposal         text,
    outcome_detail   text,
    rejection_reason text,
    updated_at       timestamptz  not null
);
create index agenda_district on agenda (district, year);

-- The TF's monthly plan (추진 일정), e.g. seed 000's June–December 2020 schedule.
create table milestone (
    id      uuid primary key,
    year    integer      not null,
    month   integer      not null check (month between 1 and 12),
    title   varchar(300) not null,
    done_on date,
    source  varchar(40),
    unique (year, month, title)
);
