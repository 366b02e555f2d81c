-- Programmes at community spaces (프로그램 운영) with sign-ups (참여 신청).
--
-- A space is occupied by approved bookings and by the sessions of published programmes. Exclusion constraints
-- cannot span two tables, so every occupation is one row of space_occupancy and the constraint lives there: a
-- booking approval and a programme publication racing for the same hour cannot both commit.
create table space_programme (
    id uuid primary key,
    space_id uuid not null references space(id),
    title varchar(200) not null,
    description varchar(4000),
    capacity int not null check (capacity > 0),
    -- Approved sign-ups. The counter is bumped with "approved < capacity" in the same statement, which row-locks
    -- the programme, so concurrent approvals serialise; the check is the last line of defence.
    approved int not null default 0,
    eligibility varchar(10) not null,
    min_age int check (min_age >= 0),
    max_age int check (max_age >= 0),
    auto_approve boolean not null,
    waitlist boolean not null,
    sign_up_opens_at timestamptz not null,
    sign_up_closes_at timestamptz not null,
    status varchar(10) not null,
    published_by varchar(200) not null,
    published_at timestamptz not null,
    cancel_reason varchar(500),
    check (approved >= 0 and approved <= capacity),
    check (sign_up_closes_at > sign_up_opens_at),
    check (min_age is null or max_age is null or min_age <= max_age)
);
create index space_programme_space on space_programme (space_id);

create table programme_session (
    id uuid primary key,
    programme_id uuid not null references space_programme(id),
    seq int not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    check (ends_at > starts_at),
    unique (programme_id, seq)
);

create table programme_sign_up (
    id uuid primary key,
    programme_id uuid not null references space_programme(id),
    participant varchar(200) not null,
    district varchar(5),
    dong varchar(50),
    note varchar(500),
    status varchar(12) not null,
    requested_at timestamptz not null,
    decided_by varchar(200),
    decided_at timestamptz,
    reason varchar(500)
);
-- One live sign-up per person and programme; a cancelled or rejected one may be followed by a new one.
create unique index programme_sign_up_live on programme_sign_up (programme_id, participant)
    where status in ('REQUESTED', 'APPROVED', 'WAITLISTED');
create index programme_sign_up_participant on programme_sign_up (participant);
create index programme_sign_up_waiting on programme_sign_up (programme_id, requested_at) where status = 'WAITLISTED';

create table space_occupancy (
    id uuid primary key,
    space_id uuid not null references space(id),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    booking_id uuid unique references booking(id),
    session_id uuid unique references programme_session(id),
    during tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    check (ends_at > starts_at),
    check ((booking_id is null) <> (session_id is null)),
    constraint space_no_double_occupancy exclude using gist (space_id with =, during with &&)
);

insert into space_occupancy (id, space_id, starts_at, ends_at, booking_id)
select gen_random_uuid(), space_id, starts_at, ends_at, id from booking where status = 'APPROVED';

-- Superseded by space_no_double_occupancy, which also covers programme sessions.
alter table booking drop constraint booking_no_overlap;
