CREATE TABLE notification_attachment (
  message_id   UUID NOT NULL REFERENCES notification_message (id) ON DELETE CASCADE,
  seq          INT NOT NULL,
  file_name    VARCHAR(200) NOT NULL,
  content_type VARCHAR(200) NOT NULL,
  content      BYTEA NOT NULL,
  PRIMARY KEY (message_id, seq)
);
