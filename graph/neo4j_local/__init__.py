"""A local Neo4j Community server assembled from Maven Central: build once, start, stop, status."""
