-- Warehouses made before events had instrument get the column (at the end, as above).
alter table events add column if not exists instrument varchar;
