-- Warehouses made before figures kept the unit as written get the column (at the end, as above).
alter table figures add column if not exists unit_text varchar;
