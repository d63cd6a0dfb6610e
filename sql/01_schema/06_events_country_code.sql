-- Warehouses made before events had its country (ISO 3166-1 alpha-2)
-- get the column (at the end, as above).
alter table events add column if not exists country_code varchar;
