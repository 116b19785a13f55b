CREATE SEQUENCE incident_report_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE incident_report (
  id                 BIGINT NOT NULL PRIMARY KEY,
  status             VARCHAR(24) NOT NULL,
  lon                DOUBLE PRECISION NOT NULL,
  lat                DOUBLE PRECISION NOT NULL,
  address            VARCHAR(300),
  nis_code           VARCHAR(5) NOT NULL,
  location_type      VARCHAR(24) NOT NULL,
  category_code      VARCHAR(64) NOT NULL,
  description        VARCHAR(4000) NOT NULL,
  reporter_name      VARCHAR(200),
  reporter_email     VARCHAR(254),
  reporter_phone     VARCHAR(40),
  reporter_account   VARCHAR(100),
  hide_name          BOOLEAN NOT NULL,
  source             VARCHAR(16) NOT NULL,
  organisation_id    VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  department         VARCHAR(100),
  assignee           VARCHAR(100),
  contractor         VARCHAR(100),
  gravity            INT NOT NULL,
  probability        INT NOT NULL,
  planned_date       DATE,
  merged_into        BIGINT,
  private_report     BOOLEAN NOT NULL,
  interest_count     INT NOT NULL,
  routing_reason     VARCHAR(600) NOT NULL,
  confirmation_token VARCHAR(64),
  idempotency_key    VARCHAR(100) UNIQUE,
  open311_client     VARCHAR(100),
  status_notes       VARCHAR(2000),
  created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  closed_at          TIMESTAMP(6) WITH TIME ZONE,
  version            BIGINT NOT NULL
);
CREATE INDEX incident_report_org_idx ON incident_report (organisation_id, status, created_at);
CREATE INDEX incident_report_public_idx ON incident_report (status, created_at);
CREATE INDEX incident_report_place_idx ON incident_report (lat, lon);
CREATE INDEX incident_report_nis_idx ON incident_report (nis_code, created_at);
CREATE INDEX incident_report_token_idx ON incident_report (confirmation_token);
CREATE INDEX incident_report_account_idx ON incident_report (reporter_account);

CREATE TABLE incident_event (
  id              UUID NOT NULL PRIMARY KEY,
  report_id       BIGINT NOT NULL REFERENCES incident_report (id),
  at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  type            VARCHAR(40) NOT NULL,
  visibility      VARCHAR(16) NOT NULL,
  actor           VARCHAR(200) NOT NULL,
  organisation_id VARCHAR(64),
  note            VARCHAR(4000)
);
CREATE INDEX incident_event_report_idx ON incident_event (report_id, at);
CREATE INDEX incident_event_at_idx ON incident_event (at);

CREATE TABLE incident_comment (
  id              UUID NOT NULL PRIMARY KEY,
  report_id       BIGINT NOT NULL REFERENCES incident_report (id),
  at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  author          VARCHAR(100) NOT NULL,
  organisation_id VARCHAR(64),
  visibility      VARCHAR(16) NOT NULL,
  text            VARCHAR(4000) NOT NULL
);
CREATE INDEX incident_comment_report_idx ON incident_comment (report_id, at);

CREATE TABLE incident_photo (
  id         UUID NOT NULL PRIMARY KEY,
  report_id  BIGINT NOT NULL REFERENCES incident_report (id),
  sha256     VARCHAR(64) NOT NULL,
  width      INT NOT NULL,
  height     INT NOT NULL,
  visibility VARCHAR(16) NOT NULL,
  added_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_photo_report_idx ON incident_photo (report_id);
CREATE INDEX incident_photo_sha_idx ON incident_photo (sha256);

CREATE TABLE incident_subscription (
  id         UUID NOT NULL PRIMARY KEY,
  report_id  BIGINT NOT NULL REFERENCES incident_report (id),
  email      VARCHAR(254) NOT NULL,
  locale     VARCHAR(8) NOT NULL,
  token      VARCHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_subscription_report_idx ON incident_subscription (report_id);

CREATE TABLE incident_dispatch (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  category_code   VARCHAR(64) NOT NULL,
  department      VARCHAR(100) NOT NULL,
  CONSTRAINT incident_dispatch_unique UNIQUE (organisation_id, category_code)
);

CREATE TABLE incident_api_key (
  id              UUID NOT NULL PRIMARY KEY,
  client          VARCHAR(100) NOT NULL,
  key_hash        VARCHAR(64) NOT NULL UNIQUE,
  prefix          VARCHAR(16) NOT NULL,
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  active          BOOLEAN NOT NULL,
  organisation_id VARCHAR(64) REFERENCES tenancy_organisation (id)
);

CREATE TABLE incident_webhook (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  url             VARCHAR(500) NOT NULL,
  secret          VARCHAR(64) NOT NULL,
  active          BOOLEAN NOT NULL,
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE incident_webhook_delivery (
  id              UUID NOT NULL PRIMARY KEY,
  webhook_id      UUID NOT NULL REFERENCES incident_webhook (id),
  payload         VARCHAR(4000) NOT NULL,
  status          VARCHAR(16) NOT NULL,
  attempts        INT NOT NULL,
  next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_error      VARCHAR(1000),
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_webhook_delivery_due_idx ON incident_webhook_delivery (status, next_attempt_at);
