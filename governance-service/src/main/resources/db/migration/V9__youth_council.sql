-- Youth council (서울청년의회): subcommittees (분과) per year with their agendas, and members with terms.
create table youth_council_subcommittee (
    id          uuid primary key,
    year        integer      not null,
    name        varchar(100) not null,
    description varchar(1000),
    unique (year, name)
);

create table youth_council_agenda (
    id              uuid primary key,
    subcommittee_id uuid          not null references youth_council_subcommittee (id),
    title           varchar(200)  not null,
    summary         varchar(2000),
    status          varchar(20)   not null,
    decided_on      date,
    note            varchar(1000)
);
create index youth_council_agenda_subcommittee on youth_council_agenda (subcommittee_id);

create table youth_council_member (
    id              uuid primary key,
    year            integer      not null,
    name            varchar(100) not null,
    birth_year      integer      not null,
    district        varchar(5)   not null,
    subcommittee_id uuid references youth_council_subcommittee (id),
    role            varchar(30)  not null,
    -- Listing order of the role: speaker, vice speakers, subcommittee chairs, members.
    role_rank       integer      not null,
    term_start      date         not null,
    term_end        date         not null,
    contact         varchar(200)
);
create index youth_council_member_year on youth_council_member (year, district);
