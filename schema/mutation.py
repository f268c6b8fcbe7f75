"""Root Mutation: curators add documents and correct the graph; every mutation needs a curator or admin key.

Every mutation ends by dropping the process's cache of restricted people (schema.privacy): a visibility or a
new profile changes who is withheld, and dropping it after the rarer curation writes too costs one reload
and rules out a stale snapshot whatever a future mutation changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from enum import Enum

import strawberry
from strawberry.types import Info

from graph.queries import curation
from graph.queries.nodes import NodeRef
from nlp.records import Document as SourceDocument
from nlp.records import PersonRef
from schema.context import ctx, run_sync
from schema.errors import NotFound, UserError
from schema.relay import raw_id
from schema.types import Concept, Document, Person, to_node


@strawberry.enum
class DocumentKind(Enum):
    PROJECT = "project"
    LESSON = "lesson"
    EVIDENCE = "evidence"
    PROFILE = "profile"


@strawberry.enum
class Visibility(Enum):
    PUBLIC = "public"
    INTERNAL = "internal"
    HIDDEN = "hidden"


@strawberry.input(description="A person named by the record; role is lead/member/sponsor/author or a job title.")
class PersonInput:
    name: str
    role: str | None = None
    organisation: str | None = None
    email: str | None = None
    visibility: Visibility | None = None


@strawberry.input(description="One record, with the same fields as an ingested file (docs/contracts.md).")
class DocumentInput:
    kind: DocumentKind
    title: str
    text: str
    id: str | None = None
    date: str | None = None
    end_date: str | None = None
    organisation: str | None = None
    people: list[PersonInput] = strawberry.field(default_factory=list)
    status: str | None = None
    cites: list[str] = strawberry.field(default_factory=list)
    project: str | None = None
    level: str | None = None
    source_url: str | None = None
    tags: list[str] = strawberry.field(default_factory=list)


@strawberry.type(description="What addDocument stored.")
class AddDocumentResult:
    document: Document | None = strawberry.field(description="The stored project, lesson or evidence.")
    person: Person | None = strawberry.field(description="For a profile: the person it describes.")
    created: bool = strawberry.field(description="False when the same record was already stored unchanged.")
    entities: int
    relations: int


@strawberry.type
class MergeConceptsResult:
    concept: Concept
    dropped_id: str
    moved_relationships: int


@strawberry.type
class RejectMentionResult:
    document: Document
    concept: Concept
    removed_relationships: int


def to_source_document(data: DocumentInput) -> SourceDocument:
    """The nlp Document the ingest pipeline reads, with a stable id and content hash."""
    if not data.title.strip():
        raise UserError("`input.title` must not be empty")
    if not data.text.strip():
        raise UserError("`input.text` must not be empty")
    people = tuple(
        PersonRef(
            name=p.name,
            role=p.role,
            organisation=p.organisation,
            email=p.email,
            visibility=p.visibility.value if p.visibility else None,
        )
        for p in data.people
    )
    doc_id = data.id or "api-" + hashlib.sha1(f"{data.kind.value}\n{data.title}\n{data.text}".encode()).hexdigest()[:12]
    document = SourceDocument(
        source=f"api:{doc_id}",
        kind=data.kind.value,
        title=data.title.strip(),
        text=data.text,
        id=doc_id,
        date=data.date,
        end_date=data.end_date,
        organisation=data.organisation,
        people=people,
        status=data.status,
        cites=tuple(data.cites),
        project=data.project,
        source_url=data.source_url,
        level=data.level,
        tags=tuple(data.tags),
    )
    # Hashed as nlp.documents hashes files, so re-adding an identical record is a no-op.
    payload = {k: v for k, v in asdict(document).items() if k not in ("source", "content_hash")}
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return SourceDocument(
        **{**asdict(document), "people": people, "cites": document.cites, "tags": document.tags, "content_hash": digest}
    )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Read one record through the ingest pipeline (extract, curate, write, derive).")
    async def add_document(self, info: Info, input: DocumentInput) -> AddDocumentResult:
        context = ctx(info)
        context.require_writer()
        if context.add_document is None:
            raise UserError("this server was started without the ingest pipeline")
        document = to_source_document(input)
        try:
            added = await run_sync(context.add_document, document)
        finally:  # even a failed pipeline may have written people (a profile sets visibility) before failing
            context.people_changed()
        label, key = ("Person", added.person_id) if document.kind == "profile" else ("Document", document.id)
        record = await context.loaders.nodes.load(NodeRef(label, key))
        node = to_node(record) if record is not None else None
        return AddDocumentResult(
            document=node if label == "Document" else None,
            person=node if label == "Person" else None,
            created=added.created,
            entities=added.entities,
            relations=added.relations,
        )

    @strawberry.mutation(description="Fold concept `drop` into `keep` now and in every later ingest.")
    async def merge_concepts(self, info: Info, keep: strawberry.ID, drop: strawberry.ID) -> MergeConceptsResult:
        context = ctx(info)
        context.require_writer()
        try:
            result = await run_sync(
                curation.merge_concepts, context.db, raw_id(keep, ("Concept",)), raw_id(drop, ("Concept",))
            )
        except curation.CurationError as exc:
            raise NotFound(str(exc)) from exc
        context.people_changed()
        return MergeConceptsResult(
            concept=to_node(result.kept), dropped_id=result.dropped_id, moved_relationships=result.moved
        )

    @strawberry.mutation(description="Record that a document does not mention a concept, and unlink them now.")
    async def reject_mention(self, info: Info, document: strawberry.ID, concept: strawberry.ID) -> RejectMentionResult:
        context = ctx(info)
        context.require_writer()
        try:
            result = await run_sync(
                curation.reject_mention,
                context.db,
                raw_id(document, ("Project", "Lesson", "Evidence")),
                raw_id(concept, ("Concept",)),
            )
        except curation.CurationError as exc:
            raise NotFound(str(exc)) from exc
        context.people_changed()
        return RejectMentionResult(
            document=to_node(result.document), concept=to_node(result.concept), removed_relationships=result.removed
        )

    @strawberry.mutation(description="Set who may see a person; curated visibility survives re-ingest.")
    async def set_person_visibility(self, info: Info, person: strawberry.ID, visibility: Visibility) -> Person:
        context = ctx(info)
        context.require_writer()
        try:
            record = await run_sync(
                curation.set_person_visibility, context.db, raw_id(person, ("Person",)), visibility.value
            )
        except curation.CurationError as exc:
            raise NotFound(str(exc)) from exc
        context.people_changed()
        return to_node(record)
