-- Resident tax (주민세 개인균등분) collections per district and year, returned to the dongs the next year; and
-- participants' education and activity records for the participant-centred history.
create table resident_tax_collection (
    district varchar(5) not null,
    year int not null,
    levied bigint not null check (levied >= 0),
    collected bigint not null check (collected >= 0),
    dongs int not null check (dongs > 0),
    primary key (district, year)
);

create table participant_activity (
    id uuid primary key,
    participant_id varchar(200) not null,
    district varchar(5) not null,
    kind varchar(20) not null,
    title varchar(300) not null,
    hours numeric(8, 2),
    occurred_on date not null,
    recorded_by varchar(200) not null,
    recorded_at timestamptz not null default now()
);
create index participant_activity_participant on participant_activity (participant_id);
