-- A cycle's 총회 combines any number of weighted electorates (투표 채널), each its own ballot at voting-service: e.g.
-- Seoul's city budget 2018, e-vote 50% + committee 40% + budget-school members 10%; 2016, 45 / 45 / 10. Cycles created
-- before keep their two: residents (주민 엠보팅; youth cycles 19–39) and committee members (위원 투표), in that order.
create table cycle_electorate (
    cycle_id      bigint       not null references cycle (id),
    position      int          not null,
    code          varchar(20)  not null,
    name          varchar(100) not null,
    weight        int          not null check (weight between 0 and 100),
    required_role varchar(20)  not null,
    min_age       int,
    max_age       int,
    primary key (cycle_id, position),
    unique (cycle_id, code)
);
insert into cycle_electorate (cycle_id, position, code, name, weight, required_role, min_age, max_age)
    select id, 0, 'RESIDENTS', '주민 엠보팅', resident_weight, 'RESIDENT',
           case when kind = 'YOUTH' then 19 end, case when kind = 'YOUTH' then 39 end from cycle;
insert into cycle_electorate (cycle_id, position, code, name, weight, required_role)
    select id, 1, 'COMMITTEE', '위원 투표', committee_weight, 'COMMITTEE' from cycle;
alter table cycle drop column resident_weight, drop column committee_weight;

alter table assembly_ballot alter column electorate type varchar(20);

-- Results per electorate, in the cycle's order: votes and exact share per project, voters per electorate.
alter table project_result add column votes jsonb;
update project_result set votes = jsonb_build_array(
    jsonb_build_object('electorate', 'RESIDENTS', 'votes', resident_votes, 'share', resident_share),
    jsonb_build_object('electorate', 'COMMITTEE', 'votes', committee_votes, 'share', committee_share));
alter table project_result alter column votes set not null;
alter table project_result drop column resident_votes, drop column committee_votes, drop column resident_share,
    drop column committee_share;

alter table cycle_result add column voters jsonb;
update cycle_result set voters = jsonb_build_array(
    jsonb_build_object('electorate', 'RESIDENTS', 'role', 'RESIDENT', 'voters', resident_voters),
    jsonb_build_object('electorate', 'COMMITTEE', 'role', 'COMMITTEE', 'voters', committee_voters));
alter table cycle_result alter column voters set not null;
alter table cycle_result drop column resident_voters, drop column committee_voters;
