-- The calendar of a year's outreach-centre programme (seed 003): 운영기간 (operating period), the window of the
-- public–private meetings (민관협력 간담회) and of the district councils' design and operation support
-- (민관협력 협의체 설계·운영지원), within which the city's support team plans each district's support once a quarter.
create table outreach_programme (
    year            integer     not null primary key,
    operating_from  date        not null,
    operating_to    date        not null,
    meetings_from   date        not null,
    meetings_to     date        not null,
    council_from    date        not null,
    council_to      date        not null,
    programme_id    varchar(40) not null,
    check (operating_from <= meetings_from and meetings_to <= operating_to),
    check (operating_from <= council_from and council_to <= operating_to)
);
-- 분기별 1회 민관협력 지원계획: one support plan per district and quarter.
create table outreach_support_plan (
    id         uuid primary key,
    year       integer    not null,
    district   varchar(5) not null,
    quarter    integer    not null check (quarter between 1 and 4),
    planned_on date       not null,
    plan       text       not null,
    unique (year, district, quarter)
);

-- Programmes of the seeds with their budgets (소요예산) and lines (세부내역, 산출내역), in whole won.
create table programme (
    id          varchar(40)  primary key,
    seed        varchar(8)   not null,
    title       varchar(300) not null,
    department  varchar(100) not null,
    period_from date         not null,
    period_to   date         not null,
    total       bigint       not null check (total >= 0),
    note        varchar(1000)
);
create table programme_budget_line (
    programme_id varchar(40)  not null references programme (id),
    position     integer      not null,
    category     varchar(100) not null,
    item         varchar(300) not null,
    unit_price   bigint,
    quantities   varchar(100),
    amount       bigint       not null check (amount >= 0),
    primary key (programme_id, position)
);
create table programme_milestone (
    programme_id varchar(40)  not null references programme (id),
    position     integer      not null,
    month_from   date         not null,
    month_to     date         not null,
    label        varchar(300) not null,
    primary key (programme_id, position)
);
