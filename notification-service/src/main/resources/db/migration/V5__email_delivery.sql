-- E-mail replies: the practice address may now be a mailbox, and a reply carries its subject and the patient's
-- Message-ID it answers (sealed PHI, dropped with the text once the send is settled).
alter table outbound_message alter column practice_number type varchar(254);
-- A mailbox has its own queue (one mail at a time, no per-second limit), paced through the same row
alter table sender_pace alter column practice_number type varchar(254);
alter table outbound_message add column sealed_subject text;
alter table outbound_message add column sealed_in_reply_to text;
alter table outbound_message add column sealed_references text;
