"""kmob's Neo4j layer: settings, driver, migrations, writes, named queries, local server. Never imports spaCy."""
