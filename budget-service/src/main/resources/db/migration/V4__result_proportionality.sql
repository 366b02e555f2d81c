-- The proportionality analysis of a cycle's result (EJR / EJR up to one / PJR with a witness, each electorate's decided
-- share, the rounds in Korean and English), computed once with the result and kept as the JSON the API serves.
-- Results decided before this column existed have none.
alter table cycle_result add column proportionality jsonb;
