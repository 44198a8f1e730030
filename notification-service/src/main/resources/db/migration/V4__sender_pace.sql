-- Carriers allow each sending number a few SMS per second; one row per practice number keeps its pace across
-- every instance of the service. A sender takes the number's turn (row lock, in_flight_outbound_id) before its
-- carrier call and hands it back with the moment the carrier answered; the next call waits for
-- last_call_answered_at + 1/MPS, so the carrier had the previous message a full interval before the next.
create table sender_pace (
    practice_number       varchar(32) primary key,
    last_call_answered_at timestamptz,
    -- The message whose carrier call holds the turn; null when the number is free.
    in_flight_outbound_id varchar(64),
    -- A sender that died mid-call gives the turn up when its claim lease runs out.
    turn_held_until       timestamptz
);

-- Each number's queue, oldest request first.
create index outbound_message_sender_queue on outbound_message (practice_number, requested_at)
    where status = 'QUEUED';
