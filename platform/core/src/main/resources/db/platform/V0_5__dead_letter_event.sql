-- Events a consumer could not apply (unreadable, from a source that does not produce the topic, or failing three
-- times) are parked here whole — topic, position, payload and reason — instead of being passed over, and can be
-- replayed once the cause is mended (POST /events/dead-letters/{id}/replay).
create table dead_letter_event (
    id          bigserial    primary key,
    consumer    varchar(100) not null,
    topic       varchar(200) not null,
    kafka_partition int      not null,
    kafka_offset    bigint   not null,
    event_id    varchar(200),
    event_type  varchar(200),
    source      varchar(300),
    reason      text         not null,
    payload     bytea        not null,
    parked_at   timestamptz  not null default now(),
    replayed_at timestamptz
);
create index dead_letter_event_waiting on dead_letter_event (parked_at) where replayed_at is null;
