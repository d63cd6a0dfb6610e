-- Warehouses made before articles were read from web pages get the column (at the end): the
-- writer the page names.
alter table articles add column if not exists author varchar;
