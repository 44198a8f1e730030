-- Why a staff member read PHI when they had to say (break-glass): the reason as the reading service sealed it, since
-- it is free text that may name the patient. Adding a column leaves the append-only triggers in force.
alter table audit_entry add column sealed_purpose text;
