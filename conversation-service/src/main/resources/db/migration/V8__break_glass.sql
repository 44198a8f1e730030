-- Break-glass: a staff member reads a conversation outside their locations for a limited time, having said why.
create table break_glass_grant (
    id              uuid         primary key,
    conversation_id uuid         not null references conversation (id),
    staff_user_id   varchar(64)  not null,
    staff_username  varchar(200) not null,
    -- free text that may name the patient: sealed like every reason
    sealed_reason   text         not null,
    granted_at      timestamptz  not null,
    expires_at      timestamptz  not null
);

create index break_glass_grant_active on break_glass_grant (staff_user_id, conversation_id, expires_at);
