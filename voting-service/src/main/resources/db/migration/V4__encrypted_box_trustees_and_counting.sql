-- Elections (선거관리 패널): a panel of trustees (개표 관리인) with a threshold k of n, who hold the only shares of the
-- key that decrypts ballots. The service stores public material only (PROTOCOL.md §5); each share stays with its
-- trustee. A ballot is encrypted under the key of the election it belongs to; one election serves several ballots
-- (e.g. both ballots of a budget assembly, or a district's ballots of a year).
create table election (
    id             uuid primary key,
    title          varchar(300) not null,
    owner_district varchar(5),                 -- null: a city-wide panel (서울시)
    threshold      smallint     not null check (threshold >= 1),
    trustees       smallint     not null check (trustees >= threshold and trustees <= 20),
    status         varchar(10)  not null default 'CEREMONY' check (status in ('CEREMONY', 'READY', 'FAILED')),
    public_key     varchar(66),
    failure        text,
    created_at     timestamptz  not null default now(),
    ready_at       timestamptz
);

-- One row per trustee: who may act for the seat (the token subject of a TRUSTEE), and the messages they published.
create table election_trustee (
    election_id  uuid         not null references election (id),
    seat         smallint     not null check (seat >= 1),
    name         varchar(200) not null,
    subject      varchar(200) not null,
    key_message  jsonb,        -- long-term public key with proof of knowledge
    round1       jsonb,        -- coefficient commitments, proof, shares encrypted to the other trustees
    round2       jsonb,        -- verification key with proof, or a complaint
    primary key (election_id, seat),
    unique (election_id, subject)
);

alter table ballot add column election_id uuid references election (id);
alter table ballot drop constraint ballot_status_check;
-- COUNTING: voting has ended and the board is final; the trustees are shuffling and decrypting.
alter table ballot add constraint ballot_status_check check (status in ('OPEN', 'COUNTING', 'CLOSED'));
alter table ballot add column board_size bigint;
alter table ballot add column board_head char(64);
alter table ballot add column invalid bigint;

-- The public board (공개 게시판) of a ballot: every cast ballot as ciphertexts, in casting order, each entry chained to
-- the one before (PROTOCOL.md §8). It never names the voter: the roll says who voted, the board what was cast, and only
-- the shuffle and a quorum of trustees turn the board into readable ballots, in an order nobody can link back.
create table board_entry (
    ballot_id    uuid    not null,
    seq          bigint  not null,
    tracker      char(64) not null,
    ciphertexts  text    not null,   -- "alpha,beta;alpha,beta…" compressed points
    proof        text,               -- client-encrypted ballots: the voter's proofs (JSON, as hashed); null when the service encrypted
    chain        char(64) not null,  -- SHA-256 chain value after this entry
    primary key (ballot_id, seq),
    unique (ballot_id, tracker)
);

-- The head of each ballot's board, updated by every batch that appends to it (and locked by it, so chains never fork).
create table board_head (
    ballot_id uuid primary key,
    seq       bigint  not null,
    chain     char(64) not null
);

-- The counting: each mixing round is one trustee's verifiable shuffle of the previous round's output (round 1 shuffles
-- the board); then each trustee's decryption shares of the last round's output, with proofs.
create table mix_round (
    ballot_id   uuid     not null,
    round       smallint not null,
    seat        smallint not null,
    ciphertexts text     not null,
    proof       jsonb    not null,
    primary key (ballot_id, round),
    unique (ballot_id, seat)
);

create table decryption_share (
    ballot_id uuid     not null,
    seat      smallint not null,
    shares    text     not null,   -- one decryption share and proof per ciphertext of the last round, in its order
    primary key (ballot_id, seat)
);

-- The decrypted ballots, in the last round's (shuffled) order: option indexes, or null for an invalid ballot.
alter table ballot add column plaintexts text;

-- The plaintext box is gone: nothing readable is stored before the trustees decrypt the shuffled board.
drop table voting_box;

-- Live results are turnout only: there are no choices to count before the trustees decrypt.
alter table live_result drop column tallies;
