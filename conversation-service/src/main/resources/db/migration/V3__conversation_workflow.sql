-- Conversations become workflow items with an owner and an outcome: unassigned, assigned, awaiting-patient, snoozed
-- (until a time) or resolved with one of the practice's outcomes. Every change is kept in conversation_change.

create table outcome (
    code       varchar(50)  primary key,
    label      varchar(100) not null,
    position   int          not null,
    active     boolean      not null default true
);

insert into outcome (code, label, position) values
    ('appointment-confirmed', 'Appointment confirmed', 1),
    ('rescheduled', 'Rescheduled', 2),
    ('refill-sent-to-provider', 'Refill sent to provider', 3),
    ('payment-resolved', 'Payment resolved', 4),
    ('intake-completed', 'Intake completed', 5),
    ('redirected-to-phone', 'Redirected to phone', 6),
    ('no-action-needed', 'No action needed', 7);

drop index conversation_one_open_per_patient;
alter table conversation drop constraint conversation_status_check;
alter table conversation alter column status type varchar(20);
-- Nobody owned a conversation before, so every open one is unassigned; closed ones are resolved without an outcome,
-- because none was recorded when they were closed.
update conversation set status = case status when 'closed' then 'resolved' else 'unassigned' end;
alter table conversation
    add constraint conversation_status_check
        check (status in ('unassigned', 'assigned', 'awaiting-patient', 'snoozed', 'resolved')),
    add column assignee      varchar(200),
    add column snoozed_until timestamptz,
    -- the open state a snoozed conversation returns to when its time comes
    add column resumes_as    varchar(20),
    add column outcome       varchar(50) references outcome (code),
    add column escalation    varchar(20),
    add constraint conversation_snooze_has_time check ((status = 'snoozed') = (snoozed_until is not null));

-- One conversation in progress per patient and location; a resolved one is reopened by the patient's next message.
create unique index conversation_one_current_per_patient on conversation (patient_ref, location_code)
    where status <> 'resolved';
create index conversation_snoozed_until on conversation (snoozed_until) where status = 'snoozed';
create index conversation_location_assignee on conversation (location_code, assignee);

-- Who changed what, when and why. The reason is free text that may hold PHI, so it is stored sealed.
create table conversation_change (
    id              uuid         primary key,
    conversation_id uuid         not null references conversation (id),
    changed_at      timestamptz  not null,
    actor_id        varchar(64),
    actor_name      varchar(200),
    action          varchar(30)  not null,
    status          varchar(20)  not null,
    assignee        varchar(200),
    queue_code      varchar(100) not null,
    outcome         varchar(50),
    escalation      varchar(20),
    snoozed_until   timestamptz,
    sealed_reason   text
);

create index conversation_change_conversation_time on conversation_change (conversation_id, changed_at);
