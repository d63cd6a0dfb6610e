-- Where `published_at` came from: `manifest`, `front_matter`, `meta`, `json-ld`, `url`, `text`,
-- `feed` or `warc`.
alter table articles add column if not exists published_at_source varchar;
