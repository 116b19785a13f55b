-- Append-only, hash-chained audit trail. Each entry's hash covers its content and the previous entry's hash.
CREATE TABLE audit_entry (
  seq             BIGINT NOT NULL PRIMARY KEY,
  occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  actor           VARCHAR(200) NOT NULL,
  organisation_id VARCHAR(64),
  action          VARCHAR(100) NOT NULL,
  target_type     VARCHAR(100) NOT NULL,
  target_id       VARCHAR(200) NOT NULL,
  outcome         VARCHAR(20) NOT NULL,
  details         VARCHAR(2000) NOT NULL,
  previous_hash   VARCHAR(64) NOT NULL,
  hash            VARCHAR(64) NOT NULL
);
CREATE INDEX audit_entry_org_idx ON audit_entry (organisation_id, seq);
CREATE INDEX audit_entry_action_idx ON audit_entry (action);

-- The head of the chain: locked while appending so that concurrent writers (threads or nodes) stay in order.
CREATE TABLE audit_chain_head (
  id        INT NOT NULL PRIMARY KEY,
  last_seq  BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
