-- Conversations with patients and their messages. PHI (address, text) is stored sealed; patient_ref is the blind
-- index of the patient's address, the only way to look a patient up.

create table conversation (
    id                     uuid         primary key,
    location_code          varchar(50)  not null,
    queue_code             varchar(100) not null,
    channel                varchar(20)  not null,
    patient_ref            varchar(100) not null,
    sealed_patient_address text         not null,
    practice_number        varchar(32)  not null,
    status                 varchar(10)  not null check (status in ('open', 'closed')),
    opened_at              timestamptz  not null,
    last_message_at        timestamptz  not null,
    version                bigint       not null default 0
);

create index conversation_patient_location_status on conversation (patient_ref, location_code, status);
-- One open conversation per patient and location, even if two consumers race on the same patient.
create unique index conversation_one_open_per_patient on conversation (patient_ref, location_code) where status = 'open';
create index conversation_location_activity on conversation (location_code, last_message_at desc);

create table message (
    id                  uuid         primary key,
    conversation_id     uuid         not null references conversation (id),
    direction           varchar(10)  not null check (direction in ('inbound', 'outbound')),
    channel             varchar(20)  not null,
    sealed_text         text         not null,
    occurred_at         timestamptz  not null,
    delivery_status     varchar(12)  check (delivery_status in ('QUEUED', 'SUBMITTED', 'DELIVERED', 'FAILED')),
    failure_reason      varchar(500),
    provider_message_id varchar(100),
    -- the MessageReceived event an inbound message came from: one patient message is never added twice
    source_event_id     varchar(64)  unique,
    sent_by             varchar(64),
    sent_by_name        varchar(200),
    -- the Idempotency-Key a staff client sent with a reply: a retried POST never sends twice
    idempotency_key     varchar(100),
    constraint message_delivery_status_only_outbound check ((direction = 'outbound') = (delivery_status is not null)),
    constraint message_reply_once_per_key unique (conversation_id, idempotency_key)
);

create index message_conversation_time on message (conversation_id, occurred_at);
