"""Ingest: raw inputs (files, records) into articles, with rejected inputs and their reasons."""
