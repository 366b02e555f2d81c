-- Counting in batches (묶음, PROTOCOL.md §8.3): when voting ends the board is split into B batches of at most
-- chamyeo.voting.counting.batch-size ballots, each shuffled and decrypted on its own, so that no counting step needs
-- the whole board in one request or in one heap. B is public (the record's header). Ballots whose voting ended before
-- this migration were counted or are being counted as one batch.
alter table ballot add column batches integer;
-- The batch size B was computed with (public too, so that anyone can check B).
alter table ballot add column batch_size integer;
update ballot set batches = 1, batch_size = greatest(board_size, 1) where status <> 'OPEN';

-- Batch b's members in their round-1 order (board seqs, comma-separated), fixed when voting ends from the board head
-- and the trackers; only for B > 1 (one batch is the board in seq order). Once a batch's decryption quorum is reached
-- its decoded ballots wait here until every batch is decoded and the whole ballot is counted.
create table counting_batch (
    ballot_id  uuid    not null,
    batch      integer not null,
    seqs       text    not null,
    plaintexts text,
    primary key (ballot_id, batch)
);

alter table mix_round add column batch integer not null default 0;
alter table mix_round drop constraint mix_round_pkey;
alter table mix_round drop constraint mix_round_ballot_id_seat_key;
alter table mix_round add primary key (ballot_id, batch, round);
alter table mix_round add constraint mix_round_batch_seat_key unique (ballot_id, batch, seat);

alter table decryption_share add column batch integer not null default 0;
alter table decryption_share drop constraint decryption_share_pkey;
alter table decryption_share add primary key (ballot_id, batch, seat);
