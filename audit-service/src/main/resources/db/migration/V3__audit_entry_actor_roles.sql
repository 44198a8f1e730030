-- The roles the reader held when reading PHI (from phi.accessed events), so "who read this conversation" also says
-- in which capacity. Comma-separated role names; null for entries whose event names none. Adding a column takes no
-- row rewrite and the append-only triggers stay in force.
alter table audit_entry add column actor_roles text;
