-- The article's language (ISO 639-1). An article in another language is loaded with it and no
-- facts, and a data-quality finding says so.
alter table articles add column if not exists language varchar;
