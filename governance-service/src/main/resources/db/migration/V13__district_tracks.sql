-- The tracks by which districts took part in a year's youth autonomous budget (seed 000, 2019): the district
-- deliberative track (자치구 숙의형, 16 districts) and the governance support track for the districts outside it
-- (자치구 청년정책 거버넌스 활성화 지원사업, 7 districts). A district on either track set up a youth participation
-- body (청년참여기구), so the union is the year's 23 districts with youth bodies.
create table district_track (
    year     integer     not null,
    district varchar(5)  not null,
    track    varchar(16) not null check (track in ('DELIBERATIVE', 'SUPPORT')),
    source   varchar(40) not null,
    primary key (year, district)
);
