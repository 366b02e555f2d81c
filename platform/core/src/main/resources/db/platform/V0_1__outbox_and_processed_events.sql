-- Transactional outbox: rows are written in the business transaction and relayed to Kafka after commit.
create table outbox_event (
    seq        bigserial primary key,
    event_id   uuid         not null unique,
    topic      varchar(200) not null,
    event_key  varchar(200) not null,
    event_type varchar(200) not null,
    payload    jsonb        not null,
    created_at timestamptz  not null default now(),
    sent_at    timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Idempotent consumers: an event id is applied at most once per consumer group.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    event_type   varchar(200) not null,
    source       varchar(300) not null,
    outcome      varchar(20)  not null,
    detail       text,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
