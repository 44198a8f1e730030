-- The actor's username beside their Keycloak subject, when the event names it, so the log reads "nora.north" and
-- not a UUID. Adding a column leaves the append-only triggers in force.
alter table audit_entry add column actor_name text;
