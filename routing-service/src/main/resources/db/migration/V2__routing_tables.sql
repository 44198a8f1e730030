-- Where the practice receives messages, the queues staff work, and what routing decided for each message.

create table location (
    code          varchar(50)  primary key,
    name          varchar(200) not null,
    -- The practice's own number (not PHI), digits only, so "+1 555 000 1001" and "15550001001" match one location.
    sms_number    varchar(20)  not null unique check (sms_number ~ '^[0-9]+$'),
    time_zone     varchar(64)  not null,
    default_queue varchar(50)  not null
);

create table queue (
    code          varchar(50)  primary key,
    location_code varchar(50)  not null references location (code),
    name          varchar(200) not null,
    unique (location_code, code)
);

-- A location's default queue must be one of its own. Deferred, so a location and its first queue can be created
-- in one transaction whichever row comes first.
alter table location add constraint location_default_queue_is_its_own
    foreign key (code, default_queue) references queue (location_code, code) deferrable initially deferred;

-- One decision per inbound message event; the reason is written for staff and holds no PHI.
create table routing_decision (
    message_event_id    varchar(64)  primary key,
    provider_message_id varchar(200),
    patient_ref         varchar(100) not null,
    location_code       varchar(50)  not null references location (code),
    queue_code          varchar(50)  not null references queue (code),
    reason              text         not null,
    decided_at          timestamptz  not null
);

create index routing_decision_patient_ref on routing_decision (patient_ref, decided_at);
