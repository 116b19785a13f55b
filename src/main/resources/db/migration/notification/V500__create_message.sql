CREATE TABLE notification_message (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  channel         VARCHAR(16) NOT NULL,
  recipient       VARCHAR(254) NOT NULL,
  locale          VARCHAR(8) NOT NULL,
  template        VARCHAR(100) NOT NULL,
  subject         VARCHAR(300) NOT NULL,
  body            VARCHAR(10000) NOT NULL,
  status          VARCHAR(16) NOT NULL,
  attempts        INT NOT NULL,
  next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_error      VARCHAR(1000),
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  sent_at         TIMESTAMP(6) WITH TIME ZONE,
  erased          BOOLEAN NOT NULL,
  version         BIGINT NOT NULL
);
CREATE INDEX notification_message_due_idx ON notification_message (status, next_attempt_at);
CREATE INDEX notification_message_org_idx ON notification_message (organisation_id, created_at);
