-- Warehouses made before events had injured get the column (at the end, as above).
alter table events add column if not exists injured integer;
