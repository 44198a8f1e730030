-- Answering patients: the practice's reply templates (with every version kept and how often each is used), internal
-- notes with @mentions, replies scheduled for later, and the patient's given name for greeting them.

-- As the directory has it, sealed; routing sends it with a matched sender or a link staff confirmed.
alter table conversation add column sealed_patient_given_name text;

-- Template texts are the practice's own words with {{variables}}, not PHI, so they are stored in clear.
create table reply_template (
    id           uuid         primary key,
    name         varchar(100) not null,
    category     varchar(50)  not null,
    body         text         not null,
    version      int          not null,
    active       boolean      not null default true,
    usage_count  bigint       not null default 0,
    last_used_at timestamptz,
    updated_at   timestamptz  not null,
    updated_by   varchar(200) not null
);

create unique index reply_template_active_name on reply_template (lower(name)) where active;

create table reply_template_version (
    template_id uuid         not null references reply_template (id),
    version     int          not null,
    name        varchar(100) not null,
    category    varchar(50)  not null,
    body        text         not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(200) not null,
    primary key (template_id, version)
);

-- Which template (and version) a reply was written from.
alter table message
    add column template_id      uuid,
    add column template_version int;

-- Internal notes: staff talking to staff about the patient. Never sent; the text is PHI, so sealed.
create table conversation_note (
    id              uuid         primary key,
    conversation_id uuid         not null references conversation (id),
    author_id       varchar(64)  not null,
    author_name     varchar(200) not null,
    sealed_text     text         not null,
    created_at      timestamptz  not null
);

create index conversation_note_conversation on conversation_note (conversation_id, created_at);

-- A colleague mentioned in a note (@username), until they have seen it.
create table staff_mention (
    id              uuid         primary key,
    note_id         uuid         not null references conversation_note (id),
    conversation_id uuid         not null references conversation (id),
    location_code   varchar(50)  not null,
    username        varchar(200) not null,
    mentioned_by    varchar(200) not null,
    created_at      timestamptz  not null,
    seen_at         timestamptz
);

create index staff_mention_unseen on staff_mention (username, created_at) where seen_at is null;

-- A reply staff wrote now to go out later; it becomes a message when its time comes, unless cancelled first.
create table scheduled_reply (
    id               uuid         primary key,
    conversation_id  uuid         not null references conversation (id),
    sealed_text      text         not null,
    send_at          timestamptz  not null,
    status           varchar(10)  not null check (status in ('scheduled', 'sent', 'cancelled')),
    created_by       varchar(64)  not null,
    created_by_name  varchar(200) not null,
    created_at       timestamptz  not null,
    template_id      uuid,
    template_version int,
    message_id       uuid references message (id),
    cancelled_by     varchar(200),
    cancelled_at     timestamptz,
    constraint scheduled_reply_sent_has_message check ((status = 'sent') = (message_id is not null))
);

create index scheduled_reply_due on scheduled_reply (send_at) where status = 'scheduled';
create index scheduled_reply_conversation on scheduled_reply (conversation_id, send_at);

-- A starting library; the practice edits, adds and retires templates through /api/templates.
insert into reply_template (id, name, category, body, version, updated_at, updated_by) values
    ('6f1c2a10-0000-4000-8000-000000000001', 'Appointment confirmed', 'scheduling',
     'Hi {{patient_first_name}}, your appointment at {{location_name}} is confirmed for {{appointment_time}}. Reply here or call {{location_phone}} if anything changes. - {{staff_first_name}}',
     1, now(), 'carethread'),
    ('6f1c2a10-0000-4000-8000-000000000002', 'Refill sent to provider', 'refill',
     'Hi {{patient_first_name}}, we have sent your refill request to your provider. Most refills are handled within 2 business days. - {{staff_first_name}}, {{location_name}}',
     1, now(), 'carethread'),
    ('6f1c2a10-0000-4000-8000-000000000003', 'Billing callback', 'billing',
     'Hi {{patient_first_name}}, our billing team will call you about your statement. You can also reach us at {{location_phone}}. - {{location_name}}',
     1, now(), 'carethread'),
    ('6f1c2a10-0000-4000-8000-000000000004', 'Please call us', 'general',
     'Hello, this is {{staff_first_name}} from {{location_name}}. Please call us at {{location_phone}} so we can help you with this.',
     1, now(), 'carethread'),
    ('6f1c2a10-0000-4000-8000-000000000005', 'Thanks, all set', 'general',
     'Thank you! You are all set. - {{staff_first_name}}, {{location_name}}',
     1, now(), 'carethread');

insert into reply_template_version (template_id, version, name, category, body, changed_at, changed_by)
select id, version, name, category, body, updated_at, updated_by from reply_template;
