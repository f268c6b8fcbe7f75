"""kmob's text layer: readers, the spaCy pipeline and evaluation. Never imports neo4j."""
