-- Shared by every service (shipped in shared-messaging): a service's own migrations start at V2.

-- Events written in the same transaction as the change they announce; the relay publishes and deletes them.
create table outbox_message (
    seq          bigint generated always as identity primary key,
    event_id     varchar(64)  not null unique,
    topic        varchar(200) not null,
    event_type   varchar(200) not null,
    subject      varchar(200),
    message_key  varchar(200),
    payload      text         not null,
    occurred_at  timestamptz  not null
);

-- One row per (consumer, event) already handled, written in the same transaction as the effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(64)  not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
