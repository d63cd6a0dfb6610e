"""Analyst: the questions in sql/04_analysis, full-text search and charts."""
