"""Fact modules: one per fact type, each Segmented -> list of facts."""
