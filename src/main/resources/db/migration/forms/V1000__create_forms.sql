CREATE SEQUENCE forms_reference_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE forms_form (
  id               UUID NOT NULL PRIMARY KEY,
  form_key         VARCHAR(64) NOT NULL UNIQUE,
  owner_id         VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  demo             BOOLEAN NOT NULL,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  version          BIGINT NOT NULL
);

CREATE TABLE forms_version (
  id               UUID NOT NULL PRIMARY KEY,
  form_id          UUID NOT NULL REFERENCES forms_form (id) ON DELETE CASCADE,
  number           INT NOT NULL,
  status           VARCHAR(16) NOT NULL,
  definition       VARCHAR(200000) NOT NULL,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_by       VARCHAR(100) NOT NULL,
  published_at     TIMESTAMP(6) WITH TIME ZONE,
  published_by     VARCHAR(100),
  version          BIGINT NOT NULL,
  CONSTRAINT forms_version_number_uq UNIQUE (form_id, number)
);
CREATE INDEX forms_version_status_idx ON forms_version (status);

CREATE TABLE forms_offering (
  organisation_id  VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  form_id          UUID NOT NULL REFERENCES forms_form (id) ON DELETE CASCADE,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_by       VARCHAR(100) NOT NULL,
  PRIMARY KEY (organisation_id, form_id)
);

CREATE TABLE forms_submission (
  id               UUID NOT NULL PRIMARY KEY,
  reference        VARCHAR(32) UNIQUE,
  form_id          UUID NOT NULL REFERENCES forms_form (id),
  version_id       UUID NOT NULL REFERENCES forms_version (id),
  account          VARCHAR(100),
  email            VARCHAR(254),
  locale           VARCHAR(8) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  organisation_id  VARCHAR(64) REFERENCES tenancy_organisation (id),
  routing_reason   VARCHAR(200),
  current_step     INT NOT NULL,
  answers          VARCHAR(100000) NOT NULL,
  assignee         VARCHAR(100),
  status_reason    VARCHAR(2000),
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  submitted_at     TIMESTAMP(6) WITH TIME ZONE,
  erased_at        TIMESTAMP(6) WITH TIME ZONE,
  version          BIGINT NOT NULL
);
CREATE INDEX forms_submission_account_idx ON forms_submission (account, updated_at);
CREATE INDEX forms_submission_desk_idx ON forms_submission (organisation_id, status, submitted_at);
CREATE INDEX forms_submission_retention_idx ON forms_submission (form_id, submitted_at, erased_at);

CREATE TABLE forms_submission_event (
  id               UUID NOT NULL PRIMARY KEY,
  submission_id    UUID NOT NULL REFERENCES forms_submission (id) ON DELETE CASCADE,
  at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  actor            VARCHAR(100) NOT NULL,
  type             VARCHAR(32) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  note             VARCHAR(4000),
  visible          BOOLEAN NOT NULL
);
CREATE INDEX forms_submission_event_idx ON forms_submission_event (submission_id, at);
