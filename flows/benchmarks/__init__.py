"""Scoring the extractors against public benchmark corpora."""
