-- The district youth-policy governance TF (자치구 청년정책 거버넌스 TF, seed 000).
-- A cooperation officer (협력관) is a person; each appointment (위촉) is a row of its own, so re-appointing
-- someone adds a row and never rewrites the earlier term.
create table officer (
    id         uuid primary key,
    name       varchar(100) not null,
    contact    varchar(200),
    created_at timestamptz  not null
);
create table officer_appointment (
    id          uuid primary key,
    officer_id  uuid         not null references officer (id),
    district    varchar(5)   not null,
    region      varchar(10)  not null,
    affiliation varchar(200) not null,
    term_start  date         not null,
    term_end    date         not null,
    check (term_end >= term_start)
);
create index officer_appointment_officer on officer_appointment (officer_id, term_start);

-- Youth participation body (청년참여기구) of a district in a year.
create table participation_body (
    id           uuid primary key,
    district     varchar(5)   not null,
    year         integer      not null,
    name         varchar(200) not null,
    manager      varchar(100),
    member_count integer      not null check (member_count >= 0),
    unique (district, year, name)
);

-- Consulting group experts (컨설팅단, by policy domain) and the instructor pool (교육 강사단).
create table tf_expert (
    id          uuid primary key,
    year        integer      not null,
    kind        varchar(16)  not null check (kind in ('CONSULTANT', 'INSTRUCTOR')),
    name        varchar(100) not null,
    domain      varchar(100) not null,
    affiliation varchar(200),
    contact     varchar(200)
);
