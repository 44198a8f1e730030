-- E-mail: the subject (sealed PHI), the mail's Message-ID (sealed: it can name the sender; needed to answer in its
-- thread) and its blind index, by which a later mail that answers this one (In-Reply-To, References) finds the
-- conversation. Null for SMS.
alter table message add column sealed_subject text;
alter table message add column sealed_email_message_id text;
alter table message add column email_message_ref varchar(43);
create index message_email_message_ref on message (email_message_ref) where email_message_ref is not null;
-- A reply by e-mail: the patient's Message-ID it answers (sealed), sent as In-Reply-To and References.
alter table message add column sealed_email_in_reply_to text;
-- The practice address of an e-mail conversation is a mailbox, longer than a number.
alter table conversation alter column practice_number type varchar(254);
