CREATE TABLE appointment_settings (
  id                 UUID NOT NULL PRIMARY KEY,
  organisation_id    VARCHAR(64) NOT NULL UNIQUE REFERENCES tenancy_organisation (id),
  horizon_days       INT NOT NULL CHECK (horizon_days BETWEEN 1 AND 366),
  min_notice_minutes INT NOT NULL CHECK (min_notice_minutes BETWEEN 0 AND 20160),
  grid_minutes       INT NOT NULL CHECK (grid_minutes BETWEEN 5 AND 120),
  version            BIGINT NOT NULL
);

CREATE TABLE appointment_service (
  id               UUID NOT NULL PRIMARY KEY,
  organisation_id  VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  code             VARCHAR(40) NOT NULL,
  name_fr          VARCHAR(200) NOT NULL,
  name_nl          VARCHAR(200) NOT NULL,
  name_en          VARCHAR(200),
  duration_minutes INT NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
  active           BOOLEAN NOT NULL,
  version          BIGINT NOT NULL,
  CONSTRAINT appointment_service_code_uq UNIQUE (organisation_id, code)
);

CREATE TABLE appointment_counter (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  name            VARCHAR(100) NOT NULL,
  capacity        INT NOT NULL CHECK (capacity BETWEEN 1 AND 50),
  active          BOOLEAN NOT NULL,
  version         BIGINT NOT NULL
);

CREATE TABLE appointment_counter_service (
  counter_id UUID NOT NULL REFERENCES appointment_counter (id) ON DELETE CASCADE,
  service_id UUID NOT NULL REFERENCES appointment_service (id) ON DELETE CASCADE,
  PRIMARY KEY (counter_id, service_id)
);

CREATE TABLE appointment_hours (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  day_of_week     INT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
  opens           TIME NOT NULL,
  closes          TIME NOT NULL,
  break_starts    TIME,
  break_ends      TIME,
  version         BIGINT NOT NULL,
  CHECK (opens < closes)
);
CREATE INDEX appointment_hours_org_idx ON appointment_hours (organisation_id, day_of_week);

CREATE TABLE appointment_closure (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  first_day       DATE NOT NULL,
  last_day        DATE NOT NULL,
  reason          VARCHAR(200) NOT NULL,
  version         BIGINT NOT NULL,
  CHECK (first_day <= last_day)
);
CREATE INDEX appointment_closure_org_idx ON appointment_closure (organisation_id, last_day);

-- One row per counter and time cell: the number of attendants booked, never above the counter's capacity.
CREATE TABLE appointment_cell (
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  counter_id      UUID NOT NULL REFERENCES appointment_counter (id),
  starts_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  capacity        INT NOT NULL,
  booked          INT NOT NULL,
  PRIMARY KEY (counter_id, starts_at),
  CONSTRAINT appointment_cell_capacity_ck CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX appointment_cell_org_idx ON appointment_cell (organisation_id, starts_at);

CREATE TABLE appointment_booking (
  id               UUID NOT NULL PRIMARY KEY,
  organisation_id  VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  service_id       UUID NOT NULL REFERENCES appointment_service (id),
  counter_id       UUID NOT NULL REFERENCES appointment_counter (id),
  starts_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  ends_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  status           VARCHAR(16) NOT NULL,
  name             VARCHAR(100) NOT NULL,
  email            VARCHAR(254) NOT NULL,
  locale           VARCHAR(8) NOT NULL,
  account          VARCHAR(100),
  ics_sequence     INT NOT NULL,
  link_version     INT NOT NULL,
  reminder_sent_at TIMESTAMP(6) WITH TIME ZONE,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  erased           BOOLEAN NOT NULL,
  version          BIGINT NOT NULL
);
CREATE INDEX appointment_booking_day_idx ON appointment_booking (organisation_id, starts_at);
CREATE INDEX appointment_booking_reminder_idx ON appointment_booking (status, reminder_sent_at, starts_at);
