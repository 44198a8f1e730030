-- The patient directory: who the practice's patients are, how they reach it, who looks after them; staff reviews of
-- numbers several patients share; and which directory patient a sender's address stands for at a location.
-- Every PHI value is sealed (PhiCipher: "v1.<keyId>.<ciphertext>") in a sealed_* column; equality look-ups go through
-- keyed blind indexes (BlindIndex), never through clear text.

create table patient (
    id                 uuid         primary key,
    sealed_given_name  text         not null,
    sealed_family_name text         not null,
    -- ISO yyyy-mm-dd before sealing
    sealed_birth_date  text         not null,
    sealed_mrn         text,
    -- BlindIndex.of("mrn", trimmed upper-case MRN): the practice's medical record numbers are unique
    mrn_index          varchar(100),
    home_location_code varchar(50)  not null references location (code),
    -- Staff username of the patient's primary provider and the care team's code: practice data, not PHI.
    primary_provider   varchar(100),
    care_team          varchar(50),
    preferred_language varchar(10),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    -- Optimistic concurrency: every change increases it; an edit names the version it was made from (If-Match).
    version            bigint       not null default 0,
    check ((sealed_mrn is null) = (mrn_index is null))
);

create unique index patient_mrn_index on patient (mrn_index) where mrn_index is not null;
create index patient_home_location on patient (home_location_code, created_at);

-- How a patient reaches the practice. address_index = BlindIndex.ofAddress(E.164 number or lower-case e-mail), the
-- same index ingestion computes for a sender, so an inbound message finds its patients by it. A family phone is one
-- address_index on several patients.
create table patient_address (
    patient_id    uuid         not null references patient (id) on delete cascade,
    address_index varchar(100) not null,
    kind          varchar(10)  not null check (kind in ('phone', 'email')),
    sealed_value  text         not null,
    primary key (patient_id, address_index)
);

create index patient_address_by_index on patient_address (address_index);

-- A message from an address several patients share waits until staff confirm who wrote. One review per inbound
-- message at most, and one open review per sender and location: later messages join the open one.
create table identity_review (
    id                  uuid         primary key,
    message_event_id    varchar(64)  not null unique,
    -- Blind index of the sender's address (not PHI)
    patient_ref         varchar(100) not null,
    location_code       varchar(50)  not null references location (code),
    status              varchar(10)  not null check (status in ('open', 'resolved')),
    opened_at           timestamptz  not null,
    resolved_by         varchar(100),
    resolved_patient_id uuid         references patient (id),
    resolved_at         timestamptz,
    check ((status = 'open') = (resolved_at is null))
);

create unique index identity_review_one_open_per_sender on identity_review (patient_ref, location_code)
    where status = 'open';
create index identity_review_open_by_location on identity_review (location_code, opened_at) where status = 'open';

-- The patients a review offers, in the order the directory listed them.
create table identity_review_candidate (
    review_id  uuid     not null references identity_review (id) on delete cascade,
    patient_id uuid     not null references patient (id) on delete cascade,
    position   smallint not null,
    primary key (review_id, patient_id)
);

-- Staff said: at this location, messages from this address (patient_ref) are this patient's. History is kept: an
-- unlinked link keeps who undid it and when; at most one link per sender and location is active.
create table patient_link (
    id            uuid         primary key,
    patient_ref   varchar(100) not null,
    location_code varchar(50)  not null references location (code),
    patient_id    uuid         not null references patient (id),
    linked_by     varchar(100) not null,
    linked_at     timestamptz  not null,
    unlinked_by   varchar(100),
    unlinked_at   timestamptz,
    check ((unlinked_by is null) = (unlinked_at is null))
);

create unique index patient_link_one_active on patient_link (patient_ref, location_code) where unlinked_at is null;
create index patient_link_by_patient on patient_link (patient_id) where unlinked_at is null;
