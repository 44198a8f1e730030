-- The team a queue belongs to: only that team (and supervisors, practice admins and compliance officers) sees its
-- conversations, besides whoever owns one or is mentioned in it. Null: every staff member at the location sees it.
alter table queue_setting
    add column team varchar(50) check (team ~ '^[a-z][a-z0-9-]*$');

create index queue_setting_team on queue_setting (queue_code) where team is not null;
