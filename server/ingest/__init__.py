"""The ingest command: joins nlp (read, extract) and graph (write, derive)."""
