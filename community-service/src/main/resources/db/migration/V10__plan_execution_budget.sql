-- 의제 실행비 (seed 002): a 자치계획 draws up to 30백만원 per dong from the 동단위 계획형 시민참여예산, a 마을계획 has
-- 7,500천원 of department budget on top; the city's pot is 25억원 a year. pot_claim is what a plan holds of its
-- year's pot: its whole agenda while the vote is pending, the adopted items once decided, nothing otherwise.
alter table self_governance_plan add column kind varchar(20) not null default 'SELF_GOVERNANCE';
alter table self_governance_plan add column pot_claim bigint not null default 0 check (pot_claim >= 0);
create index self_governance_plan_year on self_governance_plan (year);
