"""Extractors: pure functions from a parsed article to typed records."""
