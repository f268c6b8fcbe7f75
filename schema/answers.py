"""Answer types of the questions users ask: experts, connections, related projects, good practice, dashboard."""

from __future__ import annotations

from enum import Enum

import strawberry

from schema.relay import PageInfo
from schema.types import Concept, Document, Lesson, Node, Organisation, Outcome, Person, Project


@strawberry.type(description="A search result and how well it matched.")
class SearchEdge:
    node: Node
    cursor: str
    score: float


@strawberry.type(description="Ranked full-text matches.")
class SearchConnection:
    edges: list[SearchEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="One document that supports an expert, and what the person did on it.")
class ExpertSupport:
    document: Document
    role: str = strawberry.field(description="The person's role on it: lead, member, sponsor or author.")
    weight: float
    sentence: str


@strawberry.type(description="A person who knows the topic, with the evidence for it.")
class ExpertEdge:
    cursor: str
    node: Person
    person: Person
    score: float
    role: str | None = strawberry.field(description="The person's job title.")
    organisation: Organisation | None
    because: list[ExpertSupport] = strawberry.field(description="The projects, lessons and evidence behind it.")


@strawberry.type(description="People ranked by evidence of knowing a topic.")
class ExpertConnection:
    topics: list[Concept] = strawberry.field(description="The concepts the topic text resolved to.")
    edges: list[ExpertEdge]
    page_info: PageInfo
    total_count: int


@strawberry.enum(description="What links two people in one step.")
class LinkKind(Enum):
    SHARED_PROJECT = "CONTRIBUTED_TO"
    CO_AUTHORED = "AUTHORED"
    SAME_ORGANISATION = "WORKS_AT"
    SHARED_TOPIC = "KNOWS_ABOUT"


@strawberry.type(description="One step of a chain: two people and the project, document, employer or topic they share.")
class ChainStep:
    from_: Person = strawberry.field(name="from")
    via: Node
    to: Person
    link: LinkKind
    sentence: str


@strawberry.type(description="A chain of people from one person to another.")
class Chain:
    hops: int
    steps: list[ChainStep]
    sentence: str = strawberry.field(description="The steps as one paragraph.")


@strawberry.type(description="How two people are connected: the shortest meaningful chains, best first.")
class ConnectionAnswer:
    from_: Person = strawberry.field(name="from")
    to: Person
    found: bool
    chains: list[Chain]


@strawberry.type(description="A prior project like the one asked about, and what it achieved.")
class RelatedProject:
    project: Project
    score: float
    graph_score: float = strawberry.field(
        description="Overlap of concepts weighted by rarity (idf), cosine-normalised."
    )
    text_score: float = strawberry.field(description="Cosine similarity of document embeddings.")
    shared_concepts: list[str]
    why: str
    outcome: Outcome | None
    outcome_label: str = strawberry.field(description='What it achieved in words, e.g. "did not work (no change)".')
    did_not_work: bool
    lessons: list[Lesson]


@strawberry.enum(description="How an item should be read: only GOOD_PRACTICE and EVIDENCE are recommendations.")
class Verdict(Enum):
    GOOD_PRACTICE = "good_practice"
    EVIDENCE = "evidence"
    NOT_SUSTAINED = "not_sustained"
    DID_NOT_WORK = "did_not_work"
    UNCLEAR = "unclear"


@strawberry.type(description="Evidence, a lesson or a project with an outcome, on the topic.")
class PracticeItem:
    document: Document
    verdict: Verdict
    outcome: Outcome | None
    outcome_label: str
    strength: float = strawberry.field(description="Evidence level or outcome strength, 0..1; the sort order.")
    matched_concepts: list[str]
    from_project: Project | None = strawberry.field(description="For a lesson: the project it came from.")
    why: str


@strawberry.type(description="What is known about a topic, strongest first; failures labelled DID_NOT_WORK.")
class GoodPracticeAnswer:
    topics: list[Concept]
    items: list[PracticeItem]


@strawberry.type
class KindCount:
    kind: str
    concepts: int
    documents: int


@strawberry.type
class OrganisationCount:
    key: str
    name: str
    projects: int
    lessons: int
    evidence: int
    people: int = strawberry.field(description="Visible people who work there.")


@strawberry.type
class MonthCount:
    month: str
    projects: int
    lessons: int
    evidence: int


@strawberry.type
class ConceptCount:
    key: str
    name: str
    kind: str | None
    documents: int


@strawberry.type(description="A concept with projects but no evidence, or evidence but no projects.")
class Gap:
    key: str
    name: str
    kind: str | None
    projects: int
    evidence: int


@strawberry.type
class Totals:
    people: int
    organisations: int
    projects: int
    lessons: int
    evidence: int
    concepts: int
    sources: int
    relationships: int


@strawberry.type(description="Activity and gaps at a glance.")
class Dashboard:
    by_concept_kind: list[KindCount]
    by_organisation: list[OrganisationCount]
    by_month: list[MonthCount]
    top_concepts: list[ConceptCount]
    projects_without_evidence: list[Gap]
    evidence_without_projects: list[Gap]
    uncited_evidence: int = strawberry.field(description="Evidence no project cites.")
    totals: Totals
