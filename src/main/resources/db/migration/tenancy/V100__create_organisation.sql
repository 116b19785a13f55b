CREATE TABLE tenancy_organisation (
  id        VARCHAR(64) NOT NULL PRIMARY KEY,
  type      VARCHAR(32) NOT NULL,
  parent_id VARCHAR(64) REFERENCES tenancy_organisation (id),
  nis_code  VARCHAR(5),
  name_fr   VARCHAR(255) NOT NULL,
  name_nl   VARCHAR(255) NOT NULL,
  name_en   VARCHAR(255),
  active    BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX tenancy_organisation_type_idx ON tenancy_organisation (type);
