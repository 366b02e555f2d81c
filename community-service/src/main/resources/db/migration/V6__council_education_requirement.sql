-- 주민자치학교: residents who want to serve complete at least 6 hours of prior education; only they enter the lottery.
alter table council add column required_education_hours numeric(6, 2) not null default 6 check (required_education_hours >= 0);
alter table council_lottery add column excluded_applicants int not null default 0;
