-- Routing's practice.schedule, kept here as projections (no PHI): each location's hours as the latest
-- LocationHoursSet event gave them, and who is out of office.
create table location_hours (
    location_code varchar(50)  primary key,
    -- the LocationHoursSet event's data, as routing sent it
    hours         text         not null,
    set_at        timestamptz  not null
);

create table staff_away (
    staff_user varchar(200) primary key,
    away_from  timestamptz  not null,
    away_until timestamptz  not null,
    covered_by varchar(200),
    set_at     timestamptz  not null
);

-- How a queue's work is handed out, as the practice admin sets it. A queue without a row is worked by hand.
create table queue_setting (
    queue_code           varchar(100) primary key,
    location_code        varchar(50)  not null,
    assignment           varchar(20)  not null check (assignment in ('none', 'round-robin', 'least-loaded')),
    -- most conversations one person may own (not resolved) before auto-assignment passes them by
    open_cap             int          check (open_cap > 0),
    -- an owner who has not answered within this time loses the conversation to the queue (or the next person)
    return_after_minutes int          check (return_after_minutes > 0),
    -- round robin: who was given the last one
    last_assigned        varchar(200),
    updated_by           varchar(200) not null,
    updated_at           timestamptz  not null
);

create table queue_member (
    queue_code varchar(100) not null references queue_setting (queue_code) on delete cascade,
    username   varchar(200) not null,
    position   int          not null,
    primary key (queue_code, username)
);

-- Response targets per queue and priority; queue '*' holds the practice's defaults for queues without their own.
-- Business-hours targets count only the location's opening hours.
create table response_target (
    queue_code     varchar(100) not null,
    priority       varchar(10)  not null check (priority in ('critical', 'high', 'normal', 'low')),
    minutes        int          not null check (minutes > 0),
    business_hours boolean      not null,
    primary key (queue_code, priority)
);

insert into response_target (queue_code, priority, minutes, business_hours) values
    ('*', 'critical', 5, false),
    ('*', 'high', 15, false),
    ('*', 'normal', 240, true),
    ('*', 'low', 480, true);

alter table conversation
    -- when the current owner got it: the return timer counts from here (or from the patient's latest wait)
    add column assigned_at     timestamptz,
    -- when staff should have answered the patient waiting now; null while nobody waits on staff
    add column response_due_at timestamptz,
    -- approaching or overdue, once raised; cleared with the clock
    add column target_flag     varchar(12) check (target_flag in ('approaching', 'overdue')),
    -- the episode: from the patient message that opened (or reopened) it to its resolution
    add column episode_started_at timestamptz,
    add column first_responded_at timestamptz;

update conversation set episode_started_at = opened_at;

create index conversation_response_due on conversation (response_due_at) where response_due_at is not null;
create index conversation_waiting_in_queue on conversation (queue_code, priority_rank, clock_started_at)
    where status = 'unassigned';

-- First-response and resolution times, one row per episode, for analytics (no PHI).
create table service_time (
    id               uuid         primary key,
    conversation_id  uuid         not null references conversation (id),
    location_code    varchar(50)  not null,
    queue_code       varchar(100) not null,
    priority         varchar(10)  not null,
    -- first-response: staff's first answer in an episode; response: a later one; resolution: opened to resolved
    kind             varchar(20)  not null check (kind in ('first-response', 'response', 'resolution')),
    started_at       timestamptz  not null,
    ended_at         timestamptz  not null,
    elapsed_seconds  bigint       not null,
    -- the response target that applied (first responses only)
    due_at           timestamptz,
    met_target       boolean,
    staff_user       varchar(200)
);

create index service_time_location_ended on service_time (location_code, ended_at);
