-- A citizens' jury (seed 004, 주민배심원) keeps its term: 운영기간 90일 이내, first and last day included.
alter table sortition add column jury_term_start date;
alter table sortition add column jury_term_end date;
alter table sortition add constraint sortition_jury_term check (
    (jury_term_start is null and jury_term_end is null)
    or (jury_term_end >= jury_term_start and jury_term_end - jury_term_start <= 89));
