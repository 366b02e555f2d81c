-- The city-level youth autonomous budget (청년자율예산제, seeds 000/001): the city fixes a total for a year, the youth
-- council (청년의회) deliberates and sets each proposal's priority and size within it, and its plenary (본회의) adopts
-- them as its proposal to Seoul.
create table youth_budget_round (
    id         uuid primary key,
    year       integer     not null unique,
    total      bigint      not null check (total > 0),
    status     varchar(16) not null check (status in ('DELIBERATING', 'ADOPTED')),
    adopted_on date,
    created_at timestamptz not null
);
create table youth_budget_proposal (
    id              uuid primary key,
    round_id        uuid         not null references youth_budget_round (id),
    subcommittee_id uuid,
    title           varchar(300) not null,
    summary         varchar(4000),
    amount          bigint       not null check (amount > 0),
    priority        integer      not null check (priority > 0),
    unique (round_id, priority)
);
