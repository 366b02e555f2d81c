-- Youth Self-Government promotion committee (청년자치정부 추진위원회, seed 001: "1,000명 이내"), per year.
-- The 1,000-seat limit is checked by the service under a per-year advisory lock.
create table youth_promotion_committee_member (
    id           uuid primary key,
    year         integer      not null,
    name         varchar(100) not null,
    member_group varchar(20)  not null check (member_group in ('AGENDA', 'DISTRICT', 'CLASS', 'INDIVIDUAL', 'OTHER_REGION')),
    role         varchar(10)  not null check (role in ('CHAIR', 'MEMBER')),
    district     varchar(5),
    contact      varchar(200),
    check ((member_group = 'DISTRICT') = (district is not null))
);
create index youth_promotion_committee_member_year on youth_promotion_committee_member (year, member_group);
