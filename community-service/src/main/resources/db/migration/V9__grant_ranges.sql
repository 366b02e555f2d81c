-- The smallest grant a programme gives one group (GrantLimits: e.g. 공동육아 3.5백만원); grant_amount stays the largest.
alter table grant_programme add column min_grant bigint not null default 1 check (min_grant > 0);
alter table grant_programme add constraint grant_programme_range check (min_grant <= grant_amount);
