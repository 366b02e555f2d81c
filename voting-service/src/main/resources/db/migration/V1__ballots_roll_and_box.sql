-- Ballot definitions. Eligibility, options and rule are immutable once created, so replicas cache them.
create table ballot (
    id             uuid primary key,
    correlation_id varchar(200) unique,
    requester      varchar(100),
    title          varchar(300) not null,
    description    text,
    owner_district varchar(5)   not null,
    owner_dong     varchar(50),
    eligibility    jsonb        not null,
    opens_at       timestamptz  not null,
    closes_at      timestamptz  not null,
    options        jsonb        not null,
    rule           jsonb        not null,
    live_results   boolean      not null,
    status         varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_at     timestamptz  not null default now(),
    closed_at      timestamptz,
    voters         bigint,
    tallies        jsonb,
    bulletin_hash  char(64),
    check (closes_at > opens_at)
);
create index ballot_due on ballot (closes_at) where status = 'OPEN';
create index ballot_by_district on ballot (owner_district, opens_at desc);

-- The roll (선거인 명부 of who voted): a keyed hash of the voter, never the subject itself, plus the
-- attributes turnout is reported by. It holds nothing about the choice.
-- No foreign key to ballot: the cast statement only inserts for an open ballot it has just share-locked,
-- and a per-row FK check would add a row lock per vote.
create table voting_roll (
    ballot_id  uuid     not null,
    voter_hash bytea    not null,
    sex        char(1),
    age        smallint,
    dong       varchar(50),
    primary key (ballot_id, voter_hash)
);

-- The box (투표함): what was chosen, and the hash of the voter's receipt code. Deliberately no time, no
-- sequence and nothing derived from the voter, so no column joins it to the roll. Choices are indexes into
-- the ballot's option list, sorted.
create table voting_box (
    ballot_id    uuid       not null,
    receipt_hash bytea      not null,
    choices      smallint[] not null,
    primary key (ballot_id, receipt_hash)
);
