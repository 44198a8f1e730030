-- Word search without plaintext: each message's words are kept only as keyed blind indexes (HMAC-SHA-256 under the
-- service's blind index key, purpose 'term'), one row per distinct word of the message. Without the key a term
-- reveals nothing; with the key the service can only test a word it is given.

create table message_term (
    message_id      uuid        not null references message (id),
    conversation_id uuid        not null references conversation (id),
    term            varchar(64) not null,
    primary key (message_id, term)
);

-- A search asks "which conversations hold every one of these terms": by term first, then conversation.
create index message_term_term_conversation on message_term (term, conversation_id);

-- Whether a message's words are in message_term. Messages stored before V7 are not; a background job indexes them
-- in batches and marks each done in the same transaction, so it can stop and resume anywhere.
alter table message add column terms_indexed boolean not null default false;

create index message_terms_pending on message (occurred_at) where not terms_indexed;
