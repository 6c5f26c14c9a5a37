"""The graph half: facts files in, resolved entities, RDF, store, queries, exports, HTML out."""
