-- Community spaces (마을활력소 등) and bookings (대관). Two approved bookings of one space never overlap: the
-- exclusion constraint holds even when managers approve at the same moment.
create extension if not exists btree_gist;

create table space (
    id uuid primary key,
    district varchar(5) not null,
    dong varchar(50) not null,
    name varchar(200) not null,
    kind varchar(30) not null,
    address varchar(300) not null,
    capacity int not null check (capacity > 0),
    facilities jsonb not null,
    opens_at time not null,
    closes_at time not null,
    rules varchar(2000),
    manager varchar(200) not null,
    created_at timestamptz not null default now(),
    check (closes_at > opens_at)
);
create index space_place on space (district, dong);

create table booking (
    id uuid primary key,
    space_id uuid not null references space(id),
    requester varchar(200) not null,
    purpose varchar(300) not null,
    attendees int not null check (attendees > 0),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    status varchar(10) not null,
    decided_by varchar(200),
    decided_at timestamptz,
    reason varchar(500),
    created_at timestamptz not null default now(),
    during tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    check (ends_at > starts_at),
    constraint booking_no_overlap exclude using gist (space_id with =, during with &&) where (status = 'APPROVED')
);
create index booking_requester on booking (requester);
