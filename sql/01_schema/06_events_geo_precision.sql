-- Warehouses made before events had the precision of its place (country, admin1, city, exact)
-- get the column (at the end, as above).
alter table events add column if not exists geo_precision varchar;
