-- Members of a district's youth participation body (청년참여기구 위원·간사). As with the cooperation officers, the
-- person is one row and every appointment (위촉) another, so a re-appointment adds a term and keeps the earlier one.
create table body_member (
    id           uuid primary key,
    district     varchar(5)   not null,
    name         varchar(100) not null,
    birth_year   integer,
    contact      varchar(200),
    -- 성명 공개 동의: without it the name never leaves the service in a public response.
    publish_name boolean      not null
);
create index body_member_district on body_member (district);

create table body_member_term (
    id         uuid primary key,
    member_id  uuid         not null references body_member (id) on delete cascade,
    body_id    uuid         not null references participation_body (id),
    role       varchar(16)  not null check (role in ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'MANAGER')),
    domain     varchar(100),
    term_start date         not null,
    term_end   date         not null,
    check (term_end >= term_start)
);
create index body_member_term_member on body_member_term (member_id, term_start);
create index body_member_term_body on body_member_term (body_id);
