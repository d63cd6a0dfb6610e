-- The run's staged facts, one table per fact table with its columns and no keys: each batch
-- is committed here as it is loaded, so DuckDB may spill it to disk, and the run publishes them
-- all in one transaction when it ends. Kept for the connection, emptied when a run begins.
create temp table if not exists run_articles as from articles limit 0;
