-- Warehouses made before figures had a change get the column (at the end, as above).
alter table figures add column if not exists change varchar;
