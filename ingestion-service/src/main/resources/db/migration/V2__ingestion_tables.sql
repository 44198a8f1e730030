-- One row per carrier webhook accepted and durably published; a carrier retry of the same webhook finds it and is
-- answered "duplicate" without publishing again. No PHI: only the carrier's message id and the webhook kind.
create table accepted_webhook (
    provider_message_id varchar(64)  not null,
    kind                varchar(40)  not null,
    accepted_at         timestamptz  not null default now(),
    primary key (provider_message_id, kind)
);
