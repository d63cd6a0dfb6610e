-- Warehouses made before events had which of its places placed it (place, actor, dateline, article_country)
-- get the column (at the end, as above).
alter table events add column if not exists place_source varchar;
