-- Youth autonomous budget (청년자율예산) projects as budget-service reports them, for execution monitoring
-- (집행 모니터링): one row per cycle and proposal, updated by every later report.
create table youth_budget_project (
    cycle_id     varchar(100) not null,
    proposal_id  varchar(100) not null,
    district     varchar(5)   not null,
    fiscal_year  integer      not null,
    title        varchar(300) not null,
    budgeted     bigint       not null,
    granted      bigint,
    spent        bigint,
    status       varchar(40),
    reported_on  date,
    primary key (cycle_id, proposal_id)
);
create index youth_budget_year on youth_budget_project (fiscal_year, district);
