"""Load: extractions staged as tables, and the DuckDB warehouse they are published to."""
