-- Routing's triage and routing decision travels with each conversation: who the sender is in the patient directory,
-- what the latest message is about and how urgent it is, the rule that placed it, whom it is directed to, when the
-- response clock started, and whether the on-call staff member was alerted. None of it is PHI except the triage
-- reasons, which quote the message and are stored sealed as routing sealed them.

alter table conversation
    add column patient_id            varchar(100),
    -- matched, review or new-contact; null until a decision or a link says
    add column identity              varchar(20),
    -- when identity and patient_id were last set (decision or link): an older decision or link never overrides them
    add column identity_at           timestamptz,
    add column category              varchar(50),
    add column urgency               varchar(20),
    add column priority              varchar(10) not null default 'normal'
        constraint conversation_priority_check check (priority in ('critical', 'high', 'normal', 'low')),
    -- What lists sort by: critical, high, normal, low; a resolved conversation sorts by activity alone, like normal.
    -- Mirrors Conversation.rankOf.
    add column priority_rank         smallint generated always as (
        case
            when status = 'resolved' then 2
            when priority = 'critical' then 0
            when priority = 'high' then 1
            when priority = 'low' then 3
            else 2
        end) stored,
    add column sealed_triage_reasons text,
    add column routing_reason        text,
    add column rule_id               varchar(100),
    add column rules_version         integer,
    -- a staff username or team:<code>, after out-of-office coverage; null for the whole queue
    add column directed_to           varchar(200),
    -- the automatic reply the latest decision asked for: safety, after-hours or null
    add column auto_reply_kind       varchar(20),
    add column reply_language        varchar(10),
    -- when the response clock started: the first message since staff last had nothing to do (null before V4)
    add column clock_started_at      timestamptz,
    add column alerted_at            timestamptz,
    add column on_call_staff         varchar(200);

-- The inbox at a location (or a queue within it), critical first, then by activity: the order the list asks for.
create index conversation_location_priority on conversation (location_code, priority_rank, last_message_at desc, id);
create index conversation_queue_priority on conversation (queue_code, priority_rank, last_message_at desc);

-- Automatic replies (safety, after-hours) are outbound messages no staff member wrote.
alter table message
    add column auto_reply_kind varchar(20)
        constraint message_auto_reply_kind_check check (auto_reply_kind in ('safety', 'after-hours')),
    add constraint message_auto_reply_outbound check (auto_reply_kind is null or direction = 'outbound');

-- On-call alerts routing raised. An alert can arrive before the decision on the same patient message (they travel on
-- different topics); it waits here, conversation_id null, until that message joins a conversation.
create table staff_alert (
    alert_id         varchar(100) primary key,
    message_event_id varchar(64)  not null,
    patient_ref      varchar(100) not null,
    location_code    varchar(50)  not null,
    queue_code       varchar(100),
    on_call_staff    varchar(200),
    safety_rule_id   varchar(100) not null,
    alerted_at       timestamptz  not null,
    conversation_id  uuid references conversation (id)
);

create index staff_alert_pending on staff_alert (message_event_id) where conversation_id is null;
