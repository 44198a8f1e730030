-- Files patients send (photos, documents, voicemail recordings). A message lists what was attached; the contents
-- arrive apart, in sealed pieces on inbound.media, before or after the message that names them.

-- What a patient's message says was attached: the name (sealed), the sniffed type and size, and the file's id when
-- its contents were kept, else why not (no PHI).
create table message_attachment (
    message_id uuid not null references message (id),
    place int not null,
    conversation_id uuid not null references conversation (id),
    sealed_file_name text,
    content_type varchar(255) not null,
    size_bytes int not null,
    media_id uuid,
    not_kept_reason varchar(500),
    primary key (message_id, place)
);
create index message_attachment_conversation on message_attachment (conversation_id);
create index message_attachment_media on message_attachment (media_id) where media_id is not null;

-- A file's contents as they arrive; complete once every piece is in. Its thumbnail (images ImageIO reads, longest
-- side at most 240 px) is sealed like the pieces.
create table media_file (
    media_id uuid primary key,
    message_event_id varchar(100) not null,
    content_type varchar(255) not null,
    size_bytes int not null,
    pieces int not null,
    first_piece_at timestamptz not null,
    completed_at timestamptz,
    sealed_thumbnail text,
    thumbnail_type varchar(50)
);

create table media_piece (
    media_id uuid not null references media_file (media_id),
    piece int not null,
    sealed_bytes text not null,
    primary key (media_id, piece)
);
