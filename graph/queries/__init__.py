"""Named, parameterised Cypher, one module per question; each function returns typed records."""
