-- Append-only audit trail of state-changing requests.
create table audit_record (
    id          bigserial primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(200) not null,
    role        varchar(40)  not null,
    district    varchar(10),
    action      varchar(200) not null,
    target      varchar(500) not null,
    status      int          not null,
    request_id  varchar(128) not null
);
create index audit_record_district_time on audit_record (district, occurred_at desc);

-- The service's own database user may only add rows: it loses UPDATE/DELETE/TRUNCATE on the table, and a
-- trigger refuses them even if the privilege were granted back.
revoke update, delete, truncate on audit_record from current_user;

create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_record is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_record_no_update before update or delete on audit_record
    for each row execute function audit_record_is_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_is_append_only();
