"""Extraction: documents in, typed facts with evidence out. Never imports `graph`."""

EXTRACTOR_VERSION = "0.3.1"
