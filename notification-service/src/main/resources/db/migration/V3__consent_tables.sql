-- SMS consent (STOP/START/HELP). Keyed by the patient's blind-indexed number and the practice number they texted:
-- carriers apply opt-outs per sender number, so a STOP to North Clinic does not silence South Clinic.

-- Current state per patient and practice number; no row means the patient never opted out.
create table consent_record (
    patient_ref      varchar(100) not null,
    practice_number  varchar(32)  not null,
    state            varchar(16)  not null check (state in ('OPTED_IN', 'OPTED_OUT')),
    changed_at       timestamptz  not null,
    -- The inbound message event (from inbound.messages) that made the last change.
    source_event_id  varchar(64)  not null,
    primary key (patient_ref, practice_number)
);

-- Append-only history: one row per change, tied to the message that caused it (so a redelivery cannot add one).
create table consent_change (
    source_event_id  varchar(64)  primary key,
    patient_ref      varchar(100) not null,
    practice_number  varchar(32)  not null,
    from_state       varchar(16)  not null check (from_state in ('OPTED_IN', 'OPTED_OUT')),
    to_state         varchar(16)  not null check (to_state in ('OPTED_IN', 'OPTED_OUT')),
    -- The keyword as recognised (e.g. 'stop', 'opt out'); never free text.
    keyword          varchar(20)  not null,
    changed_at       timestamptz  not null
);

create index consent_change_patient on consent_change (patient_ref, changed_at);

-- Confirmations of a consent change (and HELP answers) go out even to an opted-out number, as carriers require,
-- and belong to no conversation, so they are not announced on outbound.status.
alter table outbound_message add column consent_reply boolean not null default false;
