-- Resident groups (주민모임, 동아리) and grant programmes (공모) with applications and self-contributions (자부담).
create table resident_group (
    id uuid primary key,
    district varchar(5) not null,
    dong varchar(50),
    name varchar(200) not null,
    kind varchar(20) not null,
    leader varchar(200) not null,
    created_at timestamptz not null default now()
);

create table group_member (
    group_id uuid not null references resident_group(id),
    participant_id varchar(200) not null,
    name varchar(100) not null,
    relation varchar(10) not null,
    district varchar(5) not null,
    joined_at timestamptz not null default now(),
    primary key (group_id, participant_id)
);
create index group_member_participant on group_member (participant_id);

create table grant_programme (
    id uuid primary key,
    district varchar(5),
    year int not null,
    name varchar(200) not null,
    kind varchar(20) not null,
    min_members int not null check (min_members >= 1),
    eligibility varchar(10) not null,
    grant_amount bigint not null check (grant_amount > 0),
    yearly_quota int not null check (yearly_quota > 0),
    budget bigint not null check (budget > 0),
    labour_rate bigint not null check (labour_rate >= 0),
    professional_max_rate bigint not null check (professional_max_rate >= 0),
    minimum_contribution_share numeric(5, 4),
    created_at timestamptz not null default now()
);

create table grant_application (
    id uuid primary key,
    programme_id uuid not null references grant_programme(id),
    group_id uuid not null references resident_group(id),
    title varchar(200) not null,
    requested_amount bigint not null check (requested_amount > 0),
    contributions jsonb not null,
    valuation jsonb not null,
    recognised_contribution bigint not null,
    status varchar(10) not null,
    granted_amount bigint,
    decision_reason varchar(500),
    decided_by varchar(200),
    decided_at timestamptz,
    submitted_by varchar(200) not null,
    submitted_at timestamptz not null default now(),
    unique (programme_id, group_id)
);
