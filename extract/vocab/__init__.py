"""Vocabulary that extraction and the graph stages both need (posts, roles, bodies); it imports no fact module."""
