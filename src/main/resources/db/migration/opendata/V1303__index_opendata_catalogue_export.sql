-- The DCAT-AP catalogue and the CKAN-compatible API: when the catalogue last changed, datasets changed since a date,
-- and IRIs that several datasets or distributions claim (they cannot name any of them).
CREATE INDEX opendata_dataset_updated_idx ON opendata_dataset (updated_at);
CREATE INDEX opendata_dataset_uri_idx ON opendata_dataset (uri);
CREATE INDEX opendata_distribution_uri_idx ON opendata_distribution (uri);
