// Project, Lesson and Evidence share the Document label; ids are unique across all three.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
// Lessons and citations may name a document by title; title_key is its folded form.
CREATE INDEX document_title_key IF NOT EXISTS FOR (n:Document) ON (n.title_key);
CREATE INDEX document_kind IF NOT EXISTS FOR (n:Document) ON (n.kind);
CREATE CONSTRAINT ingest_state_id IF NOT EXISTS FOR (n:IngestState) REQUIRE n.id IS UNIQUE;
