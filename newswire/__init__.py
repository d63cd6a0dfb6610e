"""newswire: news articles in, a validated DuckDB star schema of facts out."""

__version__ = "0.1.0"
