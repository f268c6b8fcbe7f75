"""GraphQL node types: each wraps one NodeRecord and reaches its neighbours through batched connections."""

from __future__ import annotations

from enum import Enum
from typing import Generic, TypeVar

import strawberry
from strawberry.types import Info

from graph.queries.records import Neighbour, NodeRecord
from schema.context import ctx
from schema.loaders import NeighbourKey
from schema.relay import PageInfo, page_info, page_window, to_cursor, to_global_id

T = TypeVar("T")


@strawberry.enum(description="What a project or lesson reported about its outcome.")
class Outcome(Enum):
    IMPROVED = "improved"
    NO_CHANGE = "no_change"
    WORSENED = "worsened"
    NOT_SUSTAINED = "not_sustained"
    UNCLEAR = "unclear"


@strawberry.enum(description="The kinds of node `search` can return.")
class NodeKind(Enum):
    PERSON = "Person"
    ORGANISATION = "Organisation"
    PROJECT = "Project"
    LESSON = "Lesson"
    EVIDENCE = "Evidence"
    CONCEPT = "Concept"


def outcome_of(value: str | None) -> Outcome | None:
    """The Outcome enum for a stored polarity (None for missing or unknown values)."""
    try:
        return Outcome(value) if value else None
    except ValueError:
        return None


def _text(value: object) -> str | None:
    return None if value is None else str(value)


@strawberry.type(description="A neighbour and what links it to the node (relationship type, role, score).")
class NeighbourEdge(Generic[T]):
    node: T
    cursor: str
    relationship: str | None = strawberry.field(description="The relationship type(s), e.g. CONTRIBUTED_TO.")
    role: str | None = strawberry.field(description="The person's role, where the relationship has one.")
    score: float | None = None


@strawberry.type(description="A page of a node's neighbours.")
class NeighbourConnection(Generic[T]):
    edges: list[NeighbourEdge[T]]
    page_info: PageInfo
    total_count: int


async def neighbour_connection(info: Info, field: str, parent_id: str, first: int | None, after: str | None):
    """Load one page of a neighbour list through the request's batching loader."""
    context = ctx(info)
    skip, limit = page_window(first, after, context.settings)
    page = await context.loaders.neighbours.load(NeighbourKey(field, parent_id, skip, limit))
    edges = [_edge(n, skip + i) for i, n in enumerate(page.items)]
    return NeighbourConnection(edges=edges, page_info=page_info(skip, len(edges), page.total), total_count=page.total)


def _edge(neighbour: Neighbour, offset: int) -> NeighbourEdge:
    return NeighbourEdge(
        node=to_node(neighbour.node),
        cursor=to_cursor(offset),
        relationship=neighbour.rel_type,
        role=neighbour.role,
        score=neighbour.score,
    )


@strawberry.interface(description="An object with a global id (Relay); fetch any node again with `node(id:)`.")
class Node:
    record: strawberry.Private[NodeRecord]

    @strawberry.field(description="Opaque global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id(self.record.label, self.record.id))

    @strawberry.field(description="The id in the graph, e.g. `person:amina-patel` or `qi_method:pdsa`.")
    def key(self) -> str:
        return self.record.id


@strawberry.type(description="A member of staff or other named person.")
class Person(Node):
    @strawberry.field
    def name(self) -> str:
        return self.record.get("name", "")

    @strawberry.field(description="Job title, e.g. consultant nurse.")
    def role(self) -> str | None:
        return self.record.get("role")

    @strawberry.field
    def visibility(self) -> str:
        return self.record.get("visibility", "public")

    @strawberry.field
    def aliases(self) -> list[str]:
        return list(self.record.get("aliases", []))

    @strawberry.field(description="Only shown to callers with an API key.")
    def email(self, info: Info) -> str | None:
        return self.record.get("email") if ctx(info).caller.role != "anonymous" else None

    @strawberry.field(description="Profile text.")
    async def summary(self, info: Info) -> str | None:
        return await ctx(info).redactor.text(self.record.get("summary"))

    @strawberry.field
    async def organisations(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Organisation]:
        return await neighbour_connection(info, "person.organisations", self.record.id, first, after)

    @strawberry.field(description="Projects the person led, worked on or sponsored (edge `role`).")
    async def projects(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Project]:
        return await neighbour_connection(info, "person.projects", self.record.id, first, after)

    @strawberry.field(description="Lessons and evidence the person wrote.")
    async def authored(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Document]:
        return await neighbour_connection(info, "person.authored", self.record.id, first, after)

    @strawberry.field(description="Concepts the person knows about (derived), strongest first.")
    async def knows_about(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Concept]:
        return await neighbour_connection(info, "person.topics", self.record.id, first, after)


@strawberry.type(description="A trust, ICB, university, charity or national body.")
class Organisation(Node):
    # Extraction sometimes files a person's name as an organisation: names go through the redactor too.
    @strawberry.field
    async def name(self, info: Info) -> str:
        return await ctx(info).redactor.text(self.record.get("name", "")) or ""

    @strawberry.field
    def type(self) -> str | None:
        return self.record.get("type")

    @strawberry.field
    async def aliases(self, info: Info) -> list[str]:
        return [await ctx(info).redactor.text(a) or "" for a in self.record.get("aliases", [])]

    @strawberry.field
    async def people(self, info: Info, first: int | None = 10, after: str | None = None) -> NeighbourConnection[Person]:
        return await neighbour_connection(info, "organisation.people", self.record.id, first, after)

    @strawberry.field(description="Projects, lessons and evidence the organisation owns.")
    async def documents(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Document]:
        return await neighbour_connection(info, "organisation.documents", self.record.id, first, after)


@strawberry.interface(description="A project, lesson or evidence summary read from a source.")
class Document(Node):
    @strawberry.field
    def kind(self) -> str:
        return self.record.label.lower()

    @strawberry.field
    async def title(self, info: Info) -> str:
        return await ctx(info).redactor.text(self.record.get("title", "")) or ""

    @strawberry.field(description="The full text (hidden people's names withheld).")
    async def text(self, info: Info) -> str | None:
        return await ctx(info).redactor.text(self.record.get("text"))

    @strawberry.field
    async def summary(self, info: Info) -> str | None:
        return await ctx(info).redactor.text(self.record.get("summary"))

    @strawberry.field(description="Start or publication date (YYYY-MM or YYYY-MM-DD).")
    def date(self) -> str | None:
        return _text(self.record.get("date"))

    @strawberry.field
    def end_date(self) -> str | None:
        return _text(self.record.get("end_date"))

    @strawberry.field(description="Outcome polarity the text reports (projects and lessons).")
    def outcome(self) -> Outcome | None:
        return outcome_of(self.record.get("outcome"))

    @strawberry.field(description="The owning organisation's name as the record gives it.")
    async def organisation_name(self, info: Info) -> str | None:
        return await ctx(info).redactor.text(self.record.get("organisation"))

    @strawberry.field(description="People who led, worked on or wrote it (edge `role`).")
    async def people(self, info: Info, first: int | None = 10, after: str | None = None) -> NeighbourConnection[Person]:
        return await neighbour_connection(info, "document.people", self.record.id, first, after)

    @strawberry.field(description="Concepts it mentions, addresses, uses or learned (edge `relationship`).")
    async def concepts(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Concept]:
        return await neighbour_connection(info, "document.concepts", self.record.id, first, after)

    @strawberry.field
    async def organisations(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Organisation]:
        return await neighbour_connection(info, "document.organisations", self.record.id, first, after)

    @strawberry.field(description="Evidence it cites.")
    async def cites(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Evidence]:
        return await neighbour_connection(info, "document.cites", self.record.id, first, after)

    @strawberry.field(description="The files or records it was read from.")
    async def sources(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Source]:
        return await neighbour_connection(info, "document.sources", self.record.id, first, after)


@strawberry.type(description="A quality improvement project.")
class Project(Document):
    @strawberry.field
    def status(self) -> str | None:
        return self.record.get("status")

    @strawberry.field(description="Lessons learned from this project.")
    async def lessons(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Lesson]:
        return await neighbour_connection(info, "project.lessons", self.record.id, first, after)

    @strawberry.field(description="Projects the derived SIMILAR_TO links to, most similar first.")
    async def similar(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Project]:
        return await neighbour_connection(info, "project.similar", self.record.id, first, after)


@strawberry.type(description="A lessons-learned record.")
class Lesson(Document):
    @strawberry.field(description="The project the lesson came from.")
    async def projects(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Project]:
        return await neighbour_connection(info, "lesson.projects", self.record.id, first, after)


@strawberry.type(description="An evidence summary, guideline, review or paper.")
class Evidence(Document):
    @strawberry.field(description="guideline, systematic review, rct, cohort, qualitative, case study, expert opinion")
    def level(self) -> str | None:
        return self.record.get("level")

    @strawberry.field
    def source_url(self) -> str | None:
        return self.record.get("source_url")

    @strawberry.field(description="Documents that cite this evidence.")
    async def cited_by(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Document]:
        return await neighbour_connection(info, "evidence.citedBy", self.record.id, first, after)


@strawberry.type(description="A canonical concept: condition, intervention, QI method, KM technique, setting...")
class Concept(Node):
    @strawberry.field
    async def name(self, info: Info) -> str:
        return await ctx(info).redactor.text(self.record.get("name", "")) or ""

    @strawberry.field(description="Condition, Intervention, QIMethod, KMTechnique, Setting, Outcome or Topic.")
    def kind(self) -> str | None:
        return self.record.get("kind")

    # Merging a misfiled person-name concept into another keeps the name as an alias: redacted like the name.
    @strawberry.field
    async def aliases(self, info: Info) -> list[str]:
        return [await ctx(info).redactor.text(a) or "" for a in self.record.get("aliases", [])]

    @strawberry.field(description="Documents about this concept.")
    async def documents(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Document]:
        return await neighbour_connection(info, "concept.documents", self.record.id, first, after)

    @strawberry.field(description="People who know about it (derived KNOWS_ABOUT), strongest first.")
    async def people(self, info: Info, first: int | None = 10, after: str | None = None) -> NeighbourConnection[Person]:
        return await neighbour_connection(info, "concept.people", self.record.id, first, after)


@strawberry.type(description="An ingested file or record.")
class Source(Node):
    @strawberry.field
    def path(self) -> str | None:
        return self.record.get("path")

    @strawberry.field
    def content_hash(self) -> str | None:
        return self.record.get("content_hash")

    @strawberry.field
    def ingested_at(self) -> str | None:
        return _text(self.record.get("ingested_at"))

    @strawberry.field
    def extractor_version(self) -> str | None:
        return self.record.get("extractor_version")

    @strawberry.field
    async def documents(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> NeighbourConnection[Document]:
        return await neighbour_connection(info, "source.documents", self.record.id, first, after)

    @strawberry.field(description="People whose profile came from this source.")
    async def people(self, info: Info, first: int | None = 10, after: str | None = None) -> NeighbourConnection[Person]:
        return await neighbour_connection(info, "source.people", self.record.id, first, after)


NODE_TYPES: dict[str, type[Node]] = {
    "Person": Person,
    "Organisation": Organisation,
    "Project": Project,
    "Lesson": Lesson,
    "Evidence": Evidence,
    "Concept": Concept,
    "Source": Source,
}


def to_node(record: NodeRecord) -> Node:
    """The GraphQL type for a record, chosen by its label."""
    return NODE_TYPES[record.label](record=record)


@strawberry.type(description="Totals over the whole graph.")
class Stats:
    nodes: int = strawberry.field(description="Content nodes: people, organisations, documents, concepts.")
    relationships: int = strawberry.field(description="All relationships, extracted and derived.")
