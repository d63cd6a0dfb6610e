-- Warehouses made before events had its latitude
-- get the column (at the end, as above).
alter table events add column if not exists latitude double;
