-- Signed checkpoints of the audit chain (issue 23): now and then the service signs the chain's head (the last record's
-- id and hash) with a key kept outside the database (AuditCheckpoints). A chain rewritten from the start by someone
-- holding the database's rights is whole in itself, but no longer reaches the hash a checkpoint signed, and they
-- cannot sign a new one. Each checkpoint is also written to the service's log, out of the database's reach.
-- Repeatable so that databases already past the services' own versions get it too.
create table if not exists audit_checkpoint (
    id         bigserial    primary key,
    last_id    bigint,
    head_hash  bytea        not null,
    signed_at  timestamptz  not null,
    key_id     varchar(64)  not null,
    signature  bytea        not null
);
