-- The demo practice: two clinics, each answering its own SMS number into its front desk. Flyway runs a migration
-- in one transaction, so the deferred default-queue check sees both rows of each clinic.
insert into location (code, name, sms_number, time_zone, default_queue) values
    ('north', 'North Clinic', '15550001001', 'America/New_York', 'north-front-desk'),
    ('south', 'South Clinic', '15550001002', 'America/New_York', 'south-front-desk');

insert into queue (code, location_code, name) values
    ('north-front-desk', 'north', 'North front desk'),
    ('south-front-desk', 'south', 'South front desk');
