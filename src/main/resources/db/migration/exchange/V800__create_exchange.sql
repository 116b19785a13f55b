CREATE TABLE exchange_key (
  id          INT NOT NULL PRIMARY KEY,
  private_key VARCHAR(2000) NOT NULL,
  public_key  VARCHAR(1000) NOT NULL,
  token_key   VARCHAR(200) NOT NULL,
  person_key  VARCHAR(200) NOT NULL
);

CREATE TABLE exchange_client (
  id              UUID NOT NULL PRIMARY KEY,
  client_id       VARCHAR(200) NOT NULL UNIQUE,
  partner_id      VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  name            VARCHAR(100) NOT NULL,
  public_key      VARCHAR(4000) NOT NULL,
  active          BOOLEAN NOT NULL,
  rate_per_second INT NOT NULL,
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE exchange_right (
  id            UUID NOT NULL PRIMARY KEY,
  client_id     VARCHAR(200) NOT NULL REFERENCES exchange_client (client_id),
  partner_id    VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  service       VARCHAR(64) NOT NULL,
  operation     VARCHAR(64) NOT NULL,
  purpose       VARCHAR(200) NOT NULL,
  legal_basis   VARCHAR(300) NOT NULL,
  status        VARCHAR(16) NOT NULL,
  requested_by  VARCHAR(100) NOT NULL,
  requested_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  decided_by    VARCHAR(100),
  decided_at    TIMESTAMP(6) WITH TIME ZONE,
  decision_note VARCHAR(500)
);
CREATE INDEX exchange_right_lookup_idx ON exchange_right (client_id, service, operation, status);

CREATE TABLE exchange_population (
  id          UUID NOT NULL PRIMARY KEY,
  partner_id  VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  person_hash VARCHAR(64) NOT NULL,
  added_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT exchange_population_unique UNIQUE (partner_id, person_hash)
);

-- The transaction log: append-only, hash-chained, never a national number in clear.
CREATE TABLE exchange_transaction (
  seq           BIGINT NOT NULL PRIMARY KEY,
  message_id    VARCHAR(36) NOT NULL UNIQUE,
  at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  client_id     VARCHAR(200) NOT NULL,
  partner_id    VARCHAR(64) NOT NULL,
  service       VARCHAR(64) NOT NULL,
  operation     VARCHAR(64) NOT NULL,
  purpose       VARCHAR(200) NOT NULL,
  person_hash   VARCHAR(64),
  outcome       VARCHAR(32) NOT NULL,
  latency_ms    BIGINT NOT NULL,
  request_hash  VARCHAR(64) NOT NULL,
  response_hash VARCHAR(64) NOT NULL,
  previous_hash VARCHAR(64) NOT NULL,
  hash          VARCHAR(64) NOT NULL
);
CREATE INDEX exchange_transaction_partner_idx ON exchange_transaction (partner_id, seq);
CREATE INDEX exchange_transaction_at_idx ON exchange_transaction (at);

CREATE TABLE exchange_log_head (
  id        INT NOT NULL PRIMARY KEY,
  last_seq  BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO exchange_log_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE exchange_checkpoint (
  seq       BIGINT NOT NULL PRIMARY KEY,
  hash      VARCHAR(64) NOT NULL,
  signed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  signature VARCHAR(200) NOT NULL
);
