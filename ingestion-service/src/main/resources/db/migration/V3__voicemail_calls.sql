-- A call answered for voicemail, held until its message is published: Vonage's recording and transcription events
-- name only the conversation, so the caller's number (sealed) and the practice number called wait here. The
-- recording (sealed bytes) waits for its transcript; once the voicemail is in Kafka the row is deleted.
create table voicemail_call (
    conversation_uuid varchar(64)  primary key,
    sealed_caller     text         not null,
    -- blind index of the caller's number: the patient the voicemail is keyed by, as for an SMS
    patient_ref       varchar(100) not null,
    practice_number   varchar(32)  not null,
    answered_at       timestamptz  not null default now(),
    recording_uuid    varchar(64),
    recording_type    varchar(100),
    sealed_recording  text,
    recorded_at       timestamptz,
    -- when the sweeper stops waiting for the transcript and publishes the voicemail without one
    transcript_due    timestamptz
);

create index voicemail_call_transcript_due on voicemail_call (transcript_due) where transcript_due is not null;
create index voicemail_call_answered_at on voicemail_call (answered_at) where recording_uuid is null;
