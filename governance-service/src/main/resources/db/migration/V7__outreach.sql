-- Outreach community centres (찾아가는 동 주민센터, seed 003): participating districts by stage,
-- public–private meetings (민관협력 간담회) and advisory meetings (자문회의), consulting on request.
create table outreach_district (
    year     integer    not null,
    district varchar(5) not null,
    stage    varchar(16) not null check (stage in ('STAGE1_WHOLE', 'STAGE1_PARTIAL', 'STAGE2_NEW')),
    primary key (year, district)
);
create table outreach_meeting (
    id           uuid primary key,
    year         integer      not null,
    district     varchar(5)   not null,
    kind         varchar(10)  not null check (kind in ('MEETING', 'ADVISORY')),
    held_on      date         not null,
    participants integer      not null check (participants >= 0),
    result       text         not null
);
create table consulting_request (
    id           uuid primary key,
    district     varchar(5)   not null,
    requested_on date         not null,
    topic        varchar(300) not null,
    status       varchar(10)  not null check (status in ('OPEN', 'ANSWERED')),
    answer       text,
    answered_on  date
);
