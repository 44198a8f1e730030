-- One row per message staff asked to send. outbound_id is the idempotency key of the send: however often a
-- request is delivered, the patient is texted for it at most once (see README for the crash caveat).
create table outbound_message (
    outbound_id         varchar(64)  primary key,
    conversation_id     varchar(64)  not null,
    patient_ref         varchar(100) not null,
    channel             varchar(20)  not null,
    practice_number     varchar(32)  not null,
    sealed_to           text         not null,
    -- Kept only until the carrier has the message; cleared once the send is settled.
    sealed_text         text,
    status              varchar(16)  not null check (status in ('QUEUED', 'SUBMITTED', 'DELIVERED', 'FAILED')),
    provider_message_id varchar(100) unique,
    attempts            integer      not null default 0,
    -- A QUEUED row is (re)tried once this passes; a send in flight pushes it out by the claim lease.
    next_attempt_at     timestamptz  not null,
    failure_reason      varchar(300),
    requested_at        timestamptz  not null,
    updated_at          timestamptz  not null
);

create index outbound_message_due on outbound_message (next_attempt_at) where status = 'QUEUED';
