-- Warehouses made before events had its longitude
-- get the column (at the end, as above).
alter table events add column if not exists longitude double;
