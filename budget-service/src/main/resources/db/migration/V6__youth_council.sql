-- Seoul's city-level youth budget (청년자율예산제): the youth council's (청년의회) adopted proposals arrive as
-- governance-service's YouthBudgetProposed and become proposals of the city's YOUTH cycle of that year.
alter table proposal alter column origin type varchar(20);
alter table proposal add column council_round uuid;
alter table proposal add column council_priority int;

-- One row per round received, never two (the event's roundId): a repeated event finds its round and changes nothing.
-- cycle_id stays null while the city has no OPEN YOUTH cycle of that year; the round is attached when one is opened.
create table youth_council_round (
    round_id    uuid          primary key,
    fiscal_year int           not null,
    total       bigint        not null,
    proposed    bigint        not null,
    adopted_on  date          not null,
    data        text          not null,
    received_at timestamptz   not null,
    cycle_id    bigint        references cycle (id),
    attached_at timestamptz,
    note        varchar(1000)
);
create index youth_council_round_pending on youth_council_round (fiscal_year) where cycle_id is null;
