-- Publishers of datasets: organisations of the platform (organisation_id set) or external bodies met while harvesting.
CREATE TABLE opendata_publisher (
  id              VARCHAR(80) NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) REFERENCES tenancy_organisation (id),
  uri             VARCHAR(600),
  name_json       VARCHAR(4000) NOT NULL,
  publisher_type  VARCHAR(200),
  homepage        VARCHAR(600),
  email           VARCHAR(320),
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX opendata_publisher_uri_idx ON opendata_publisher (uri);

-- Harvest sources: another catalogue read on a schedule or on demand.
CREATE TABLE opendata_source (
  id               UUID NOT NULL PRIMARY KEY,
  organisation_id  VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  name             VARCHAR(200) NOT NULL,
  kind             VARCHAR(16) NOT NULL,
  url              VARCHAR(1000) NOT NULL,
  schedule         VARCHAR(16) NOT NULL,
  enabled          BOOLEAN NOT NULL,
  publisher_id     VARCHAR(80) REFERENCES opendata_publisher (id),
  page_size        INTEGER NOT NULL,
  max_pages        INTEGER NOT NULL,
  max_bytes        BIGINT NOT NULL,
  timeout_seconds  INTEGER NOT NULL,
  next_run_at      TIMESTAMP(6) WITH TIME ZONE,
  last_job_id      UUID,
  created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  version          BIGINT NOT NULL
);

-- Datasets and data services (kind), authored here or harvested.
CREATE TABLE opendata_dataset (
  id                   UUID NOT NULL PRIMARY KEY,
  organisation_id      VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  slug                 VARCHAR(200) NOT NULL,
  kind                 VARCHAR(16) NOT NULL,
  identity_key         VARCHAR(700) NOT NULL,
  uri                  VARCHAR(1000),
  identifier           VARCHAR(600),
  publisher_id         VARCHAR(80) REFERENCES opendata_publisher (id),
  title_json           VARCHAR(8000) NOT NULL,
  sort_fr              VARCHAR(200) NOT NULL,
  sort_nl              VARCHAR(200) NOT NULL,
  sort_en              VARCHAR(200) NOT NULL,
  description_json     VARCHAR(65535) NOT NULL,
  keywords_json        VARCHAR(8000) NOT NULL,
  themes_json          VARCHAR(1000) NOT NULL,
  languages_json       VARCHAR(500) NOT NULL,
  licence              VARCHAR(600),
  access_rights        VARCHAR(600),
  accrual_periodicity  VARCHAR(600),
  temporal_start       DATE,
  temporal_end         DATE,
  spatial_uri          VARCHAR(600),
  bbox                 VARCHAR(200),
  contact_name         VARCHAR(300),
  contact_email        VARCHAR(320),
  landing_page         VARCHAR(1000),
  endpoint_url         VARCHAR(1000),
  endpoint_description VARCHAR(1000),
  issued               TIMESTAMP(6) WITH TIME ZONE,
  modified             TIMESTAMP(6) WITH TIME ZONE,
  status               VARCHAR(16) NOT NULL,
  origin               VARCHAR(16) NOT NULL,
  source_id            UUID REFERENCES opendata_source (id),
  content_hash         VARCHAR(64) NOT NULL,
  quality_findability  INTEGER NOT NULL,
  quality_accessibility INTEGER NOT NULL,
  quality_interoperability INTEGER NOT NULL,
  quality_reusability  INTEGER NOT NULL,
  quality_contextuality INTEGER NOT NULL,
  quality_total        INTEGER NOT NULL,
  demo                 BOOLEAN NOT NULL,
  created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  version              BIGINT NOT NULL
);
CREATE UNIQUE INDEX opendata_dataset_slug_idx ON opendata_dataset (slug);
CREATE UNIQUE INDEX opendata_dataset_identity_idx ON opendata_dataset (identity_key);
CREATE INDEX opendata_dataset_org_idx ON opendata_dataset (organisation_id, status);
CREATE INDEX opendata_dataset_publisher_idx ON opendata_dataset (publisher_id, status);
CREATE INDEX opendata_dataset_status_idx ON opendata_dataset (status, modified);

-- Distributions of a dataset (part of the dataset aggregate).
CREATE TABLE opendata_distribution (
  dataset_id    UUID NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  id            UUID NOT NULL,
  uri           VARCHAR(1000),
  title_json    VARCHAR(4000) NOT NULL,
  description_json VARCHAR(8000) NOT NULL,
  access_url    VARCHAR(2000) NOT NULL,
  download_url  VARCHAR(2000),
  format        VARCHAR(100),
  media_type    VARCHAR(200),
  licence       VARCHAR(600),
  byte_size     BIGINT,
  modified      TIMESTAMP(6) WITH TIME ZONE,
  PRIMARY KEY (dataset_id, position)
);
CREATE UNIQUE INDEX opendata_distribution_id_idx ON opendata_distribution (id);

-- Search index of published datasets: one row per term (kind 'term') or facet value (publisher, theme, format,
-- licence, keyword, language). Rows exist only while the dataset is published.
CREATE TABLE opendata_index (
  dataset_id UUID NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
  kind       VARCHAR(16) NOT NULL,
  val        VARCHAR(200) NOT NULL,
  PRIMARY KEY (dataset_id, kind, val)
);
CREATE INDEX opendata_index_value_idx ON opendata_index (kind, val, dataset_id);

-- Which record of which source gave which dataset, with the hash of what the source said last time.
CREATE TABLE opendata_harvest_record (
  source_id    UUID NOT NULL REFERENCES opendata_source (id) ON DELETE CASCADE,
  record_id    VARCHAR(700) NOT NULL,
  dataset_id   UUID NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
  content_hash VARCHAR(64) NOT NULL,
  last_job_id  UUID NOT NULL,
  PRIMARY KEY (source_id, record_id)
);
CREATE INDEX opendata_harvest_record_dataset_idx ON opendata_harvest_record (dataset_id);
CREATE INDEX opendata_harvest_record_job_idx ON opendata_harvest_record (source_id, last_job_id);

-- Harvest runs and their reports.
CREATE TABLE opendata_harvest_job (
  id              UUID NOT NULL PRIMARY KEY,
  organisation_id VARCHAR(64) NOT NULL REFERENCES tenancy_organisation (id),
  source_id       UUID NOT NULL REFERENCES opendata_source (id) ON DELETE CASCADE,
  status          VARCHAR(16) NOT NULL,
  triggered_by    VARCHAR(100) NOT NULL,
  started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP(6) WITH TIME ZONE,
  pages           INTEGER NOT NULL,
  seen            INTEGER NOT NULL,
  created         INTEGER NOT NULL,
  updated         INTEGER NOT NULL,
  unchanged       INTEGER NOT NULL,
  withdrawn       INTEGER NOT NULL,
  failed          INTEGER NOT NULL,
  message         VARCHAR(2000)
);
CREATE INDEX opendata_harvest_job_source_idx ON opendata_harvest_job (source_id, started_at);

CREATE TABLE opendata_harvest_failure (
  job_id    UUID NOT NULL REFERENCES opendata_harvest_job (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  record_id VARCHAR(700),
  reason    VARCHAR(2000) NOT NULL,
  PRIMARY KEY (job_id, position)
);

-- Usage without tracking cookies: counts per dataset and day; monthly visitors as salted hashes whose salt
-- changes every month and is never stored.
CREATE TABLE opendata_usage (
  dataset_id UUID NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
  usage_day  DATE NOT NULL,
  views      BIGINT NOT NULL,
  downloads  BIGINT NOT NULL,
  PRIMARY KEY (dataset_id, usage_day)
);

CREATE TABLE opendata_visitor (
  usage_month VARCHAR(7) NOT NULL,
  dataset_id  UUID NOT NULL REFERENCES opendata_dataset (id) ON DELETE CASCADE,
  visitor     VARCHAR(64) NOT NULL,
  PRIMARY KEY (usage_month, dataset_id, visitor)
);
