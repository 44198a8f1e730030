-- Patients may also e-mail a location: each location owns at most one practice mailbox, lower-cased so a mail to
-- North@CareThread.local finds it. Not PHI. Give a location its real mailbox with
--   update location set email_address = 'frontdesk@northclinic.example' where code = 'north';
alter table location add column email_address varchar(254) unique
    check (email_address = lower(email_address) and email_address like '%_@_%');

update location set email_address = 'north@carethread.local' where code = 'north';
update location set email_address = 'south@carethread.local' where code = 'south';
