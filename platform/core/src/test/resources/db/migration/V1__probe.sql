create table probe_item (
    id     bigserial primary key,
    name   varchar(100) not null,
    amount bigint       not null,
    kind   varchar(20)  not null
);
create table probe_effect (
    id      bigserial primary key,
    marker  varchar(100) not null
);
