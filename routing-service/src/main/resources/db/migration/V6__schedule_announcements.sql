-- When routing last told its peers (on practice.schedule) a location's hours, or a staff member's absence. Set in the
-- transaction that writes the event to the outbox; null means peers never heard of it, so start-up announces it
-- (the seeded demo hours, absences recorded before this release).
alter table location add column hours_announced_at timestamptz;
alter table staff_absence add column announced_at timestamptz;
