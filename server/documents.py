"""addDocument's pipeline: one record through exactly what `kmob ingest` does to a file's records."""

from __future__ import annotations

from graph.database import Database
from graph.derive import PENDING, recompute
from graph.write import load_curation
from nlp.records import Document
from schema.context import AddedDocument
from server.ingest.mapping import Mapper, person_id
from server.ingest.run import IngestSummary, ingest_documents


def add_document(db: Database, document: Document) -> AddedDocument:
    """Extract, map (honouring merges and rejections), write and derive one record."""
    summary = IngestSummary()
    ingest_documents(db, [document], Mapper(load_curation(db)), summary)
    rows = db.read(PENDING)
    if rows and rows[0]["dirty"]:
        recompute(db)
    subject = None
    if document.kind == "profile":
        subject = person_id(document.people[0].name if document.people else document.title)
    return AddedDocument(
        created=summary.unchanged == 0, entities=summary.entities, relations=summary.relations, person_id=subject
    )
