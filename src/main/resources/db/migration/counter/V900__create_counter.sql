-- E-counter: the regional catalogue of documents, each commune's offering, document requests with their
-- timeline and messages, answer templates and address changes.

create table counter_document_type (
    code              varchar(80)  primary key,
    theme             varchar(40)  not null,
    issuance          varchar(20)  not null,
    title_fr          varchar(300) not null,
    title_nl          varchar(300) not null,
    title_en          varchar(300),
    description_fr    varchar(2000) not null,
    description_nl    varchar(2000) not null,
    description_en    varchar(2000),
    keywords          varchar(1000) not null,
    household_allowed boolean      not null,
    price_cents       integer      not null,
    delivery_modes    varchar(100) not null,
    processing_days   integer      not null,
    position          integer      not null
);

create table counter_offering (
    id              uuid         primary key,
    organisation_id varchar(64)  not null,
    document_code   varchar(80)  not null references counter_document_type (code),
    offered         boolean      not null,
    price_cents     integer      not null,
    delivery_modes  varchar(100) not null,
    processing_days integer      not null,
    updated_at      timestamp with time zone not null,
    constraint counter_offering_unique unique (organisation_id, document_code)
);

create sequence counter_request_seq start with 1 increment by 1;

create table counter_request (
    id               bigint       primary key,
    reference        varchar(40)  not null unique,
    organisation_id  varchar(64)  not null,
    document_code    varchar(80)  not null references counter_document_type (code),
    status           varchar(30)  not null,
    requester_account varchar(120) not null,
    requester_name   varchar(200),
    requester_email  varchar(320),
    requester_nn     varchar(11),
    subject_nn       varchar(11),
    subject_name     varchar(200),
    delivery_mode    varchar(20)  not null,
    postal_address   varchar(500),
    language         varchar(5)   not null,
    price_cents      integer      not null,
    due_date         date         not null,
    assignee         varchar(120),
    refusal_reason   varchar(2000),
    document_id      uuid,
    verification_code varchar(40),
    idempotency_key  varchar(64),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    closed_at        timestamp with time zone,
    erased           boolean      not null default false,
    version          bigint       not null default 0,
    constraint counter_request_idempotency unique (requester_account, idempotency_key)
);
create index counter_request_queue on counter_request (organisation_id, status, due_date);
create index counter_request_mine on counter_request (requester_account, created_at);
create index counter_request_recent on counter_request (created_at, document_code);

create table counter_request_event (
    id          uuid         primary key,
    request_id  bigint       not null references counter_request (id),
    type        varchar(40)  not null,
    status      varchar(30)  not null,
    actor       varchar(120) not null,
    note        varchar(2000),
    at          timestamp with time zone not null
);
create index counter_request_event_request on counter_request_event (request_id, at);

create table counter_request_message (
    id          uuid         primary key,
    request_id  bigint       not null references counter_request (id),
    from_agent  boolean      not null,
    author      varchar(200) not null,
    body        varchar(4000) not null,
    document_id uuid,
    file_name   varchar(255),
    at          timestamp with time zone not null
);
create index counter_request_message_request on counter_request_message (request_id, at);

create table counter_answer_template (
    id              uuid         primary key,
    organisation_id varchar(64)  not null,
    title           varchar(200) not null,
    body            varchar(4000) not null,
    created_at      timestamp with time zone not null
);
create index counter_answer_template_org on counter_answer_template (organisation_id);

create sequence counter_address_change_seq start with 1 increment by 1;

create table counter_address_change (
    id               bigint       primary key,
    reference        varchar(40)  not null unique,
    organisation_id  varchar(64)  not null,
    status           varchar(20)  not null,
    requester_account varchar(120) not null,
    requester_nn     varchar(11)  not null,
    requester_name   varchar(200) not null,
    previous_address varchar(500),
    street           varchar(200) not null,
    house_number     varchar(20)  not null,
    box              varchar(20),
    postcode         varchar(10)  not null,
    nis_code         varchar(5)   not null,
    lon              double precision not null,
    lat              double precision not null,
    moving_date      date         not null,
    members          varchar(200) not null,
    decided_by       varchar(120),
    refusal_reason   varchar(2000),
    created_at       timestamp with time zone not null,
    decided_at       timestamp with time zone,
    version          bigint       not null default 0
);
create index counter_address_change_queue on counter_address_change (organisation_id, status, created_at);
