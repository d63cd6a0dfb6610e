-- Warehouses made before a `.jsonl` input was read on from where a run left it get the column:
-- how many of the input's first bytes its `content_hash` covers (NULL for the other inputs).
alter table inputs add column if not exists bytes_read bigint;
