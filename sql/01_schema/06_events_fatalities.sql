-- Warehouses made before events had fatalities get the column (at the end, as above).
alter table events add column if not exists fatalities integer;
