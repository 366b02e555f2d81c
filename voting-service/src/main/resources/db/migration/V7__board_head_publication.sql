-- The last board size whose head was published as BoardHeadPublished: a head is published again only after it moved.
alter table board_head add column published_seq bigint not null default 0;
