-- A sortition (추첨) with everything needed to re-run and check it: the inputs, the computed distribution
-- over panels, the seed's commitment and, once drawn, the revealed seed and the result.
create table sortition (
    id                  uuid primary key,
    district            varchar(5)   not null,
    title               varchar(200) not null,
    correlation_id      varchar(200) unique,
    council_id          varchar(100),
    status              varchar(16)  not null check (status in ('COMMITTED', 'DRAWN', 'FAILED')),
    panel_size          integer      not null,
    reserve_count       integer      not null,
    one_per_household   boolean      not null,
    inputs              text         not null,
    distribution        text,
    minimum_probability double precision,
    seed_commitment     char(64),
    seed                char(64),
    selected            text,
    reserves            text,
    panel_index         integer,
    failure_reason      text,
    conflicting_quotas  text,
    created_at          timestamptz  not null,
    drawn_at            timestamptz
);
create index sortition_district on sortition (district, created_at);
