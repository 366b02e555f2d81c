-- A ballot request that voting-service rejects (BallotRejected) can be asked again in a new round, with a new
-- correlation id; every round is kept. The cycle shows the reason of a rejection that has not been re-requested yet.
alter table assembly_ballot add column round int not null default 1;
alter table assembly_ballot drop constraint assembly_ballot_cycle_id_electorate_key;
alter table assembly_ballot add constraint assembly_ballot_cycle_electorate_round_key unique (cycle_id, electorate, round);
alter table cycle add column assembly_rejection varchar(4000);
