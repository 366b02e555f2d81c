-- 4-party coordination meetings (서울시-자치구-민간-전문가 4주체 협의·조정 회의) and their decisions.
create table coordination_meeting (
    id        uuid primary key,
    district  varchar(5)   not null,
    held_on   date         not null,
    agenda_id uuid references agenda (id),
    seoul     text         not null,
    gu        text         not null,
    private_participants text not null,
    experts   text         not null,
    decisions text         not null
);
create index coordination_meeting_district on coordination_meeting (district, held_on);
