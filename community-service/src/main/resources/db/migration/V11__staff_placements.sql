-- 마을일자리 placements (seed 002): 동 자치지원관 (동별 1명), 마을자치전문가 (동별 2명), 공간운영자, 區 중간지원조직 상근자,
-- each with its funding; 뉴딜일자리 last at most 23 months at up to 171만원 a month (StaffRules). Months are stored as
-- their first day; a placement runs from start_month through end_month.
create table staff_placement (
    id uuid primary key,
    district varchar(5) not null,
    dong varchar(50),
    role varchar(30) not null,
    person_name varchar(100) not null,
    funding varchar(20) not null,
    start_month date not null,
    end_month date not null,
    monthly_pay bigint not null check (monthly_pay > 0),
    created_by varchar(200) not null,
    created_at timestamptz not null default now(),
    check (end_month >= start_month)
);
create index staff_placement_dong on staff_placement (district, dong, role);
