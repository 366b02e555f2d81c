-- Tamper-evident audit trail (issue 23): every record carries the hash of the record before it and its own,
-- hash = SHA-256(prev_hash || link fields), so a row altered, removed or slipped in breaks the chain at that point,
-- and audit_chain_head names the last record so that removing the newest rows shows too. The application computes
-- hashes (kr.chamyeo.platform.audit.AuditChain) and verifies them on its own; audit_record_link below computes the
-- same bytes in SQL only to chain the rows written before this migration.

-- Written with the change it records, in the same transaction, before the answer's status is known: null then.
alter table audit_record alter column status drop not null;
alter table audit_record add column prev_hash bytea, add column hash bytea;

create table audit_chain_head (
    id      int    primary key check (id = 1),
    last_id bigint,
    hash    bytea  not null
);

-- One field of a link: its UTF-8 bytes after their length as a 4-byte big-endian integer; null as length -1.
create function audit_record_field(value text) returns bytea language sql immutable as $$
    select case when value is null then '\xffffffff'::bytea
                else int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') end
$$;

create function audit_record_link(prev bytea, r audit_record) returns bytea language sql immutable as $$
    select sha256(prev || audit_record_field(r.id::text)
        || audit_record_field(((extract(epoch from r.occurred_at) * 1000000)::bigint)::text)
        || audit_record_field(r.actor) || audit_record_field(r.role) || audit_record_field(r.district)
        || audit_record_field(r.action) || audit_record_field(r.target) || audit_record_field(r.status::text)
        || audit_record_field(r.request_id))
$$;

-- Chain the existing rows in id order, past the append-only guard that only the owner can lift.
alter table audit_record disable trigger audit_record_no_update;
grant update on audit_record to current_user;
do $$
declare
    prev bytea := decode(repeat('00', 32), 'hex');
    last bigint;
    r audit_record;
begin
    for r in select * from audit_record order by id loop
        update audit_record set prev_hash = prev, hash = audit_record_link(prev, r) where id = r.id
            returning hash into prev;
        last := r.id;
    end loop;
    insert into audit_chain_head (id, last_id, hash) values (1, last, prev);
end;
$$;
revoke update on audit_record from current_user;
alter table audit_record enable trigger audit_record_no_update;

alter table audit_record alter column prev_hash set not null, alter column hash set not null;
