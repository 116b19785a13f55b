CREATE TABLE document_document (
  id                UUID NOT NULL PRIMARY KEY,
  organisation_id   VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  title             VARCHAR(300) NOT NULL,
  filename          VARCHAR(255) NOT NULL,
  content_type      VARCHAR(100) NOT NULL,
  size_bytes        BIGINT NOT NULL,
  sha256            VARCHAR(64) NOT NULL,
  verification_code VARCHAR(32),
  created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  created_by        VARCHAR(100) NOT NULL
);
CREATE INDEX document_document_org_idx ON document_document (organisation_id, created_at);

-- Public register of issued documents: verified by code by anyone, across organisations.
CREATE TABLE document_verification (
  code            VARCHAR(32) NOT NULL PRIMARY KEY,
  document_id     UUID NOT NULL,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  title           VARCHAR(300) NOT NULL,
  sha256          VARCHAR(64) NOT NULL,
  issued_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  revoked         BOOLEAN NOT NULL
);
