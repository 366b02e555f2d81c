-- Separate database roles (issue 23). Flyway migrates as the database's owner (quarkus.flyway.username); the
-- service connects as ${app_user} (quarkus.datasource.username), which may only read and write rows: it owns
-- nothing, so it can neither alter, drop nor re-grant a table, nor lift the audit trail's append-only trigger.
-- Run after every migration, so tables that a migration adds are granted too. Nothing to do where one role does
-- both (then the owner's own revokes in V0_2 are the only guard).
do $$
begin
    if current_user <> '${app_user}' then
        -- Pods of one Deployment migrate at once; concurrent grants on one table fail ("tuple concurrently updated").
        perform pg_advisory_xact_lock(hashtext('chamyeo afterMigrate grants'));
        execute format('grant usage on schema public to %I', '${app_user}');
        execute format('grant select, insert, update, delete on all tables in schema public to %I', '${app_user}');
        execute format('grant usage, select on all sequences in schema public to %I', '${app_user}');
        -- The audit trail is append-only for the service: it adds and reads records, never changes or removes them.
        execute format('revoke update, delete, truncate on audit_record, audit_checkpoint from %I', '${app_user}');
        -- Migrations are none of the service's business.
        execute format('revoke all on ${flyway:table} from %I', '${app_user}');
    end if;
end;
$$;
