-- Routing rules, business hours, holidays, on-call and out-of-office coverage, and what each decision was based on.

-- Each location's special-purpose queues: emergencies go to the top of the clinical queue, unknown senders to intake,
-- a number shared by several patients (a family phone) to identity review.
insert into queue (code, location_code, name) values
    ('north-clinical',        'north', 'North clinical (nurse triage)'),
    ('north-intake',          'north', 'North new contacts'),
    ('north-identity-review', 'north', 'North identity review'),
    ('north-billing',         'north', 'North billing'),
    ('north-scheduling',      'north', 'North scheduling'),
    ('north-refills',         'north', 'North refills'),
    ('south-clinical',        'south', 'South clinical (nurse triage)'),
    ('south-intake',          'south', 'South new contacts'),
    ('south-identity-review', 'south', 'South identity review'),
    ('south-billing',         'south', 'South billing'),
    ('south-scheduling',      'south', 'South scheduling'),
    ('south-refills',         'south', 'South refills');

alter table location
    add column clinical_queue        varchar(50),
    add column intake_queue          varchar(50),
    add column identity_review_queue varchar(50),
    -- After hours a routine message gets one auto-reply per patient and location within this many minutes.
    add column auto_reply_interval_minutes integer not null default 720 check (auto_reply_interval_minutes > 0);

update location set clinical_queue = code || '-clinical', intake_queue = code || '-intake',
                    identity_review_queue = code || '-identity-review';

alter table location
    alter column clinical_queue set not null,
    alter column intake_queue set not null,
    alter column identity_review_queue set not null,
    add constraint location_clinical_queue_is_its_own
        foreign key (code, clinical_queue) references queue (location_code, code) deferrable initially deferred,
    add constraint location_intake_queue_is_its_own
        foreign key (code, intake_queue) references queue (location_code, code) deferrable initially deferred,
    add constraint location_identity_review_queue_is_its_own
        foreign key (code, identity_review_queue) references queue (location_code, code) deferrable initially deferred;

-- Opening hours in the location's time zone; a day may have several intervals (a lunch break), none means closed.
create table business_hours (
    location_code varchar(50) not null references location (code),
    day_of_week   smallint    not null check (day_of_week between 1 and 7), -- ISO: 1 = Monday
    opens         time        not null,
    closes        time        not null,
    check (opens < closes),
    primary key (location_code, day_of_week, opens)
);

create table holiday (
    location_code varchar(50)  not null references location (code),
    day           date         not null,
    name          varchar(200) not null,
    primary key (location_code, day)
);

-- Every version of the practice's ordered routing rules; the highest version is in force. Rules are data, never
-- edited in place, so a decision's rules_version says exactly what it was made with.
create table routing_rule_set (
    version    integer      primary key check (version > 0),
    rules      jsonb        not null,
    comment    varchar(500),
    created_by varchar(100) not null,
    created_at timestamptz  not null
);

-- Who is on call for a location's emergencies, and when.
create table on_call_shift (
    id            uuid         primary key,
    location_code varchar(50)  not null references location (code),
    staff_user    varchar(100) not null,
    starts_at     timestamptz  not null,
    ends_at       timestamptz  not null,
    check (starts_at < ends_at)
);
create index on_call_shift_location_time on on_call_shift (location_code, starts_at, ends_at);

-- Out of office: while a staff member is away, what would be directed to them goes to the colleague covering.
create table staff_absence (
    staff_user  varchar(100) primary key,
    away_from   timestamptz  not null,
    away_until  timestamptz  not null,
    covered_by  varchar(100) not null,
    check (away_from < away_until),
    check (covered_by <> staff_user)
);

-- When a patient last got each automatic reply at a location, so after-hours replies are not repeated within the
-- location's interval. Keyed by the blind index, never the number.
create table auto_reply_sent (
    patient_ref   varchar(100) not null,
    location_code varchar(50)  not null references location (code),
    kind          varchar(20)  not null,
    sent_at       timestamptz  not null,
    primary key (patient_ref, location_code, kind)
);

alter table routing_decision
    add column patient_id            uuid,
    add column identity              varchar(20),
    add column category              varchar(30),
    add column urgency               varchar(20),
    add column priority              varchar(20),
    -- The classifier's reasons quote the message, so they are sealed like any other PHI.
    add column sealed_triage_reasons text,
    add column rule_id               varchar(100),
    add column rules_version         integer,
    add column directed_to           varchar(100),
    add column auto_reply_kind       varchar(20),
    add column clock_starts_at       timestamptz;

-- The demo practice: both clinics open 8:00-17:00 on weekdays with a lunch break at North, closed at weekends.
insert into business_hours (location_code, day_of_week, opens, closes)
select 'north', d, t.opens, t.closes from generate_series(1, 5) d,
    (values (time '08:00', time '12:30'), (time '13:30', time '17:00')) as t(opens, closes);
insert into business_hours (location_code, day_of_week, opens, closes)
select 'south', d, time '08:00', time '17:00' from generate_series(1, 5) d;

insert into holiday (location_code, day, name)
select code, h.day, h.name from location,
    (values (date '2026-11-26', 'Thanksgiving'), (date '2026-12-25', 'Christmas Day'),
            (date '2027-01-01', 'New Year''s Day')) as h(day, name);

-- Version 1 of the demo rules: billing and refills to their queues, a provider's own patients' clinical questions to
-- the provider, results to the care team.
insert into routing_rule_set (version, rules, comment, created_by, created_at) values (1, '[
  {"id": "billing", "description": "Billing questions go to the billing desk",
   "when": {"categories": ["billing"]},
   "then": {"queue": "{location}-billing"}},
  {"id": "refills", "description": "Refill requests go to the refill queue",
   "when": {"categories": ["refill"]},
   "then": {"queue": "{location}-refills"}},
  {"id": "scheduling", "description": "Appointments, cancellations and reschedules go to scheduling",
   "when": {"categories": ["scheduling", "cancellation"]},
   "then": {"queue": "{location}-scheduling"}},
  {"id": "urgent-clinical", "description": "Urgent messages go to the nurses, high priority",
   "when": {"urgencies": ["urgent"]},
   "then": {"queue": "{location}-clinical", "priority": "high", "escalate": true}},
  {"id": "clinical-to-provider", "description": "Known patients'' clinical questions and results go to their provider",
   "when": {"categories": ["clinical-question", "test-results"], "identities": ["matched"]},
   "then": {"queue": "{location}-clinical", "directTo": "primary-provider"}}
]', 'Demo practice rules', 'carethread-setup', '2026-11-22T00:00:00Z');

-- The demo nurse is on call for both clinics, so an emergency in the demo alerts someone.
insert into on_call_shift (id, location_code, staff_user, starts_at, ends_at) values
    ('5a7c8c1e-0d0e-4c57-9a43-2f1d7a3c0001', 'north', 'nurse', '2026-01-01T00:00:00Z', '2031-01-01T00:00:00Z'),
    ('5a7c8c1e-0d0e-4c57-9a43-2f1d7a3c0002', 'south', 'nurse', '2026-01-01T00:00:00Z', '2031-01-01T00:00:00Z');
