"""Quality: run-level checks, Great Expectations validation, Data Docs and the dashboard."""
