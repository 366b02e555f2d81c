-- Ballots a voter's app opened to check its encryption (Benaloh's audit-or-cast). Their content is public from that
-- moment, so none of them may ever be cast (Helios issue #297): the vote writer refuses their trackers.
create table audited_ballot (
    ballot_id uuid     not null,
    tracker   char(64) not null,
    choices   text     not null,   -- the opened option indexes, e.g. "[0,2]"
    primary key (ballot_id, tracker)
);
