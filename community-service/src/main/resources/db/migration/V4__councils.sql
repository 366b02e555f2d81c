-- Residents' autonomy councils (주민자치회), their applicant pools, lotteries and seats, and self-governance
-- plans (자치계획) decided at the residents' general meeting (주민총회).
create table council (
    id uuid primary key,
    district varchar(5) not null,
    dong varchar(50) not null,
    name varchar(200) not null,
    rollout_year int not null,
    seats int not null check (seats > 0),
    reserves int not null check (reserves >= 0),
    created_at timestamptz not null default now(),
    unique (district, dong)
);

create table council_applicant (
    id uuid primary key,
    council_id uuid not null references council(id),
    participant_id varchar(200) not null,
    name varchar(100) not null,
    sex varchar(1) not null,
    birth_year int not null,
    applied_at timestamptz not null default now(),
    unique (council_id, participant_id)
);

create table council_lottery (
    id uuid primary key,
    council_id uuid not null references council(id),
    round int not null,
    correlation_id varchar(200) not null unique,
    status varchar(10) not null,
    seats int not null,
    reserves int not null,
    quotas jsonb not null,
    pool_size int not null,
    sortition_id varchar(100),
    seed_commitment varchar(200),
    seed varchar(200),
    reason varchar(2000),
    conflicting_quotas jsonb,
    requested_at timestamptz not null default now(),
    completed_at timestamptz,
    unique (council_id, round)
);

create table council_seat (
    council_id uuid not null references council(id),
    applicant_id uuid not null references council_applicant(id),
    lottery_id uuid not null references council_lottery(id),
    role varchar(10) not null,
    position int not null,
    primary key (council_id, applicant_id)
);

create table self_governance_plan (
    id uuid primary key,
    council_id uuid not null references council(id),
    year int not null,
    title varchar(300) not null,
    status varchar(20) not null,
    correlation_id varchar(200) unique,
    ballot_id varchar(100),
    eligible_residents int,
    opens_at timestamptz,
    closes_at timestamptz,
    voters int,
    turnout numeric(8, 6),
    turnout_target numeric(8, 6),
    rejection_reason varchar(2000),
    unique (council_id, year)
);

create table agenda_item (
    id uuid primary key,
    plan_id uuid not null references self_governance_plan(id),
    option_key varchar(20) not null,
    title varchar(300) not null,
    description varchar(2000),
    cost bigint check (cost >= 0),
    votes int,
    adopted boolean,
    unique (plan_id, option_key)
);
