-- Reference geography. Geometries are WKB in WGS84 (longitude, latitude).
CREATE TABLE territory_commune (
  nis_code    VARCHAR(5) NOT NULL PRIMARY KEY,
  name_fr     VARCHAR(200) NOT NULL,
  name_nl     VARCHAR(200) NOT NULL,
  postcodes   VARCHAR(100) NOT NULL,
  geometry    BYTEA NOT NULL,
  source      VARCHAR(100) NOT NULL,
  imported_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE territory_region (
  id          INT NOT NULL PRIMARY KEY,
  geometry    BYTEA NOT NULL,
  source      VARCHAR(100) NOT NULL,
  imported_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE territory_street (
  id        UUID NOT NULL PRIMARY KEY,
  nis_code  VARCHAR(5) NOT NULL,
  name_fr   VARCHAR(300),
  name_nl   VARCHAR(300),
  postcodes VARCHAR(100) NOT NULL
);
CREATE INDEX territory_street_nis_idx ON territory_street (nis_code);

CREATE TABLE territory_road (
  id       UUID NOT NULL PRIMARY KEY,
  manager  VARCHAR(16) NOT NULL,
  name_fr  VARCHAR(300),
  name_nl  VARCHAR(300),
  geometry BYTEA NOT NULL
);

CREATE TABLE territory_address (
  id           UUID NOT NULL PRIMARY KEY,
  nis_code     VARCHAR(5) NOT NULL,
  postcode     VARCHAR(4) NOT NULL,
  street_fr    VARCHAR(300),
  street_nl    VARCHAR(300),
  house_number VARCHAR(20) NOT NULL,
  lon          DOUBLE PRECISION NOT NULL,
  lat          DOUBLE PRECISION NOT NULL
);

CREATE TABLE territory_import (
  id             UUID NOT NULL PRIMARY KEY,
  kind           VARCHAR(16) NOT NULL,
  filename       VARCHAR(255) NOT NULL,
  status         VARCHAR(16) NOT NULL,
  started_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  finished_at    TIMESTAMP(6) WITH TIME ZONE,
  started_by     VARCHAR(100) NOT NULL,
  read_count     INT NOT NULL,
  imported_count INT NOT NULL,
  rejected_count INT NOT NULL,
  report         VARCHAR(10000) NOT NULL
);
