-- A district's innovation contest (seed 004, 금천구 혁신행정 우수사례 경진대회): departments enter cases, a written review
-- (사전 서면심사) passes or screens out each, and an online vote (온라인 투표, a voting-service ballot) selects the shortlist
-- (10건 선정) from the entries that passed.
create table innovation_contest (
    id               uuid primary key,
    district         varchar(5)   not null,
    year             integer      not null,
    title            varchar(300) not null,
    shortlist_size   integer      not null check (shortlist_size > 0),
    status           varchar(20)  not null check (status in ('ENTRIES_OPEN', 'SCREENING', 'VOTE_REQUESTED', 'VOTING', 'SHORTLISTED', 'VOTE_REJECTED')),
    correlation_id   varchar(100) unique,
    ballot_id        varchar(40),
    rejection_reason varchar(2000),
    voters           bigint,
    created_at       timestamptz  not null
);
create table contest_entry (
    id           uuid primary key,
    contest_id   uuid         not null references innovation_contest (id),
    number       integer      not null check (number > 0),
    department   varchar(100) not null,
    title        varchar(300) not null,
    summary      varchar(4000),
    submitted_at timestamptz  not null,
    review       varchar(12)  check (review in ('PASSED', 'SCREENED_OUT')),
    score        integer      check (score between 0 and 100),
    review_note  varchar(1000),
    votes        bigint,
    shortlisted  boolean      not null default false,
    unique (contest_id, number)
);
create index contest_entry_contest on contest_entry (contest_id);
