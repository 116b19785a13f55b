CREATE TABLE assistant_conversation (
  id                UUID NOT NULL PRIMARY KEY,
  organisation_id   VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  citizen_account   UUID NOT NULL,
  locale            VARCHAR(8) NOT NULL,
  question          VARCHAR(2000) NOT NULL,
  attempt           VARCHAR(4000) NOT NULL,
  status            VARCHAR(16) NOT NULL,
  created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  waiting_since     TIMESTAMP(6) WITH TIME ZONE,
  first_response_at TIMESTAMP(6) WITH TIME ZONE,
  updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  closed_at         TIMESTAMP(6) WITH TIME ZONE,
  version           BIGINT NOT NULL
);
CREATE INDEX assistant_conversation_inbox_idx ON assistant_conversation (organisation_id, status, waiting_since);
CREATE INDEX assistant_conversation_citizen_idx ON assistant_conversation (citizen_account, updated_at);
CREATE INDEX assistant_conversation_closed_idx ON assistant_conversation (status, closed_at);

CREATE TABLE assistant_message (
  id              UUID NOT NULL PRIMARY KEY,
  conversation_id UUID NOT NULL REFERENCES assistant_conversation (id) ON DELETE CASCADE,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  author_kind     VARCHAR(16) NOT NULL,
  author          VARCHAR(100),
  body            VARCHAR(4000) NOT NULL,
  entry_id        VARCHAR(200),
  entry_title     VARCHAR(300),
  entry_link      VARCHAR(500),
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX assistant_message_conversation_idx ON assistant_message (conversation_id, created_at);

CREATE TABLE assistant_reply_template (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  language        VARCHAR(8) NOT NULL,
  title           VARCHAR(120) NOT NULL,
  body            VARCHAR(4000) NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX assistant_reply_template_org_idx ON assistant_reply_template (organisation_id, language, title);

-- Counts that outlive the conversations: no personal data, one row per organisation and day.
CREATE TABLE assistant_daily_count (
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  stat_day        DATE NOT NULL,
  answered        BIGINT NOT NULL,
  unanswered      BIGINT NOT NULL,
  handed_off      BIGINT NOT NULL,
  closed          BIGINT NOT NULL,
  erased          BIGINT NOT NULL,
  PRIMARY KEY (organisation_id, stat_day)
);

-- First-response times of conversations, kept after erasure for the median.
CREATE TABLE assistant_response_time (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  stat_day        DATE NOT NULL,
  seconds         BIGINT NOT NULL
);
CREATE INDEX assistant_response_time_org_idx ON assistant_response_time (organisation_id, stat_day);
