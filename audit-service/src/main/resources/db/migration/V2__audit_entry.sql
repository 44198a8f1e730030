-- The audit log: one row per event seen on any topic and per audit-log read by staff. It holds ids, types, actors
-- and times only, never PHI (event data carries PHI sealed, and none of the sealed fields is kept).
-- Text columns: an unexpectedly long value from a producer must still be recorded, not dead-lettered.
create table audit_entry (
    seq             bigint generated always as identity primary key,
    event_id        varchar(64) not null unique,
    topic           text,
    event_type      text        not null,
    source          text,
    subject         text,
    conversation_id text,
    patient_ref     text,
    actor_user_id   text,
    action          text        not null,
    location_code   text,
    client_address  text,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null,
    -- Each entry's hash covers the previous entry's hash, so a changed, removed or inserted row breaks the chain.
    previous_hash   varchar(64) not null,
    entry_hash      varchar(64) not null
);

create index audit_entry_conversation on audit_entry (conversation_id, occurred_at);
create index audit_entry_patient on audit_entry (patient_ref, occurred_at);
create index audit_entry_actor on audit_entry (actor_user_id, occurred_at);
create index audit_entry_occurred on audit_entry (occurred_at);

-- Append-only in the database itself, whatever client connects: rows can be inserted, never changed or removed.
create function audit_entry_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
