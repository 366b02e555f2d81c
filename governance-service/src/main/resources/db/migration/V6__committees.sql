-- Future-talent pool (미래인재 DB): young people by policy domain; contacts are private.
create table talent (
    id         uuid primary key,
    name       varchar(100) not null,
    birth_year integer      not null,
    domain     varchar(100) not null,
    consent    boolean      not null,
    contact    varchar(200)
);
create index talent_domain on talent (domain);

-- City committees (서울시 위원회) and their members, for the 15% youth-member target.
create table committee (
    id     uuid primary key,
    name   varchar(200) not null unique,
    domain varchar(100) not null
);
create table committee_member (
    id           uuid primary key,
    committee_id uuid         not null references committee (id),
    name         varchar(100) not null,
    birth_year   integer      not null
);
create index committee_member_committee on committee_member (committee_id);
