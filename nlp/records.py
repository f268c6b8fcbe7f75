"""Typed records that cross the nlp boundary: what readers produce and what extraction returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

DocumentKind = Literal["project", "lesson", "evidence", "profile"]
DOCUMENT_KINDS: tuple[str, ...] = ("project", "lesson", "evidence", "profile")

EntityLabel = Literal[
    "PERSON",
    "ORG",
    "CONDITION",
    "INTERVENTION",
    "QI_METHOD",
    "KM_TECHNIQUE",
    "SETTING",
    "OUTCOME",
    "TOPIC",
    "ROLE",
]
ENTITY_LABELS: tuple[str, ...] = get_args(EntityLabel)
RELATION_TYPES: tuple[str, ...] = ("WORKS_AT", "USED", "ADDRESSES", "AUTHORED", "CITES", "LEARNED")
Polarity = Literal["improved", "no_change", "worsened", "not_sustained", "unclear"]


@dataclass(frozen=True)
class PersonRef:
    """A person named by a record's structured fields (these win over extraction)."""

    name: str
    role: str | None = None  # lead | member | sponsor | author | job title for profiles
    organisation: str | None = None
    email: str | None = None
    visibility: str | None = None  # public | internal | hidden


@dataclass(frozen=True)
class Document:
    """One readable record: a file, or one line/row of a multi-record file."""

    source: str  # path of the file, plus "#L<n>" / "#R<n>" for a line or row of a multi-record file
    kind: DocumentKind
    title: str
    text: str
    id: str | None = None  # stable id given by the record; otherwise derived from source
    date: str | None = None  # ISO date (YYYY-MM-DD or YYYY-MM)
    end_date: str | None = None
    organisation: str | None = None
    people: tuple[PersonRef, ...] = ()
    status: str | None = None
    cites: tuple[str, ...] = ()  # ids or titles of cited evidence
    project: str | None = None  # for lessons: id or title of the project it came from
    source_url: str | None = None
    level: str | None = None  # evidence level, e.g. "systematic review", "guideline"
    tags: tuple[str, ...] = ()
    content_hash: str = ""


@dataclass(frozen=True)
class ReadError:
    """A record that could not be read, with where and what went wrong."""

    source: str  # file path, with line/row where known
    message: str


@dataclass(frozen=True)
class Entity:
    text: str
    label: str
    start: int  # character offsets into Document.text
    end: int
    concept_id: str  # canonical id, e.g. "qi_method:pdsa", "person:jane-smith", "org:leeds-teaching-hospitals"
    canonical: str  # canonical display name
    score: float
    sentence: str = ""
    polarity: Polarity | None = None  # OUTCOME mentions only


@dataclass(frozen=True)
class Relation:
    type: str  # WORKS_AT | USED | ADDRESSES | AUTHORED | CITES | LEARNED
    head: str  # canonical names
    tail: str
    head_id: str
    tail_id: str
    sentence: str
    score: float
    head_label: str = ""
    tail_label: str = ""
    role: str | None = None  # WORKS_AT job title when stated
    start: int = -1  # offsets of the sentence the relation was read from
    end: int = -1


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one document, with provenance."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    outcome: Polarity | None  # the document's overall outcome, derived from its outcome mentions
    extractor_version: str
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # concept_id -> surface forms seen
