-- The live results released while a ballot is open (LiveResults): one snapshot per ballot, replaced only after an
-- interval and at least five new votes, so that no two releases differ by a single vote. Kept here rather than in
-- each replica's memory, so every replica serves the same snapshot.
create table live_result (
    ballot_id uuid        primary key references ballot (id),
    taken_at  timestamptz not null,
    voters    bigint      not null,
    tallies   jsonb       not null,
    turnout   jsonb       not null
);
