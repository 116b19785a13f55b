CREATE TABLE identity_account (
  id               UUID NOT NULL PRIMARY KEY,
  username         VARCHAR(100) NOT NULL UNIQUE,
  display_name     VARCHAR(200) NOT NULL,
  email            VARCHAR(254),
  kind             VARCHAR(16) NOT NULL,
  national_number  VARCHAR(11) UNIQUE,
  password_hash    VARCHAR(200),
  external_subject VARCHAR(400) UNIQUE,
  enabled          BOOLEAN NOT NULL,
  failed_attempts  INT NOT NULL,
  locked_until     TIMESTAMP(6) WITH TIME ZONE,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  version          BIGINT NOT NULL
);

CREATE TABLE identity_membership (
  id              UUID NOT NULL PRIMARY KEY,
  account_id      UUID NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  role            VARCHAR(32) NOT NULL,
  granted_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  granted_by      VARCHAR(100) NOT NULL,
  CONSTRAINT identity_membership_unique UNIQUE (account_id, organisation_id, role)
);
CREATE INDEX identity_membership_org_idx ON identity_membership (organisation_id);
