// Lookups the queries rely on.
CREATE INDEX concept_kind IF NOT EXISTS FOR (n:Concept) ON (n.kind);
CREATE INDEX person_visibility IF NOT EXISTS FOR (n:Person) ON (n.visibility);
CREATE INDEX source_hash IF NOT EXISTS FOR (n:Source) ON (n.content_hash);
CREATE INDEX apikey_hash IF NOT EXISTS FOR (n:ApiKey) ON (n.key_hash);
// Full-text search over every kind: names, titles, aliases and bodies.
CREATE FULLTEXT INDEX kmob_search IF NOT EXISTS
FOR (n:Person|Organisation|Project|Lesson|Evidence|Concept)
ON EACH [n.name, n.title, n.aliases_text, n.summary, n.text];
// Document embeddings for text similarity of projects, lessons and evidence (hashed bag of lemmas, 256 dims).
CREATE VECTOR INDEX kmob_document_embedding IF NOT EXISTS
FOR (n:Document) ON (n.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 256, `vector.similarity_function`: 'cosine'}};
