-- Legal holds: a patient's or one conversation's record is kept past its retention period until the hold is released.
create table legal_hold (
    id              uuid         primary key,
    -- exactly one of the two: every conversation with this directory patient, or this one conversation
    patient_id      varchar(100),
    conversation_id uuid,
    -- free text (a case, a request) that may name the patient: sealed
    sealed_reason   text         not null,
    placed_by       varchar(200) not null,
    placed_at       timestamptz  not null,
    released_by     varchar(200),
    released_at     timestamptz,
    constraint legal_hold_one_subject check ((patient_id is null) <> (conversation_id is null))
);

create index legal_hold_active_patient on legal_hold (patient_id) where released_at is null;
create index legal_hold_active_conversation on legal_hold (conversation_id) where released_at is null;
create index conversation_resolved_activity on conversation (last_message_at) where status = 'resolved';
