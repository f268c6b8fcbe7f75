"""Typed rows that graph.write turns into one transaction: nodes, relationships and the sources behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceRow:
    id: str
    path: str
    content_hash: str
    extractor_version: str


@dataclass(frozen=True)
class DocumentRow:
    """A Project, Lesson or Evidence node (label from `kind`)."""

    id: str
    kind: str  # project | lesson | evidence
    source_id: str
    props: dict[str, Any]


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    visibility: str | None = None
    summary: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConceptRow:
    id: str
    name: str
    kind: str  # Condition | Intervention | QIMethod | KMTechnique | Setting | Outcome | Topic
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelRow:
    """A relationship between two nodes that this batch's nodes (or earlier ones) define."""

    type: str
    start_label: str  # Person | Document
    start_id: str
    end_label: str  # Person | Organisation | Concept | Project | Evidence | Source
    end_id: str
    source_id: str
    props: dict[str, Any] = field(default_factory=dict)
    end_title_key: str | None = None  # for FROM / CITES that name their target by title only


@dataclass
class GraphBatch:
    """Everything one batch of documents contributes; written in one transaction."""

    sources: list[SourceRow] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    organisations: list[OrganisationRow] = field(default_factory=list)
    concepts: list[ConceptRow] = field(default_factory=list)
    relationships: list[RelRow] = field(default_factory=list)

    def extend(self, other: GraphBatch) -> None:
        """Append another batch's rows to this one."""
        self.sources += other.sources
        self.documents += other.documents
        self.people += other.people
        self.organisations += other.organisations
        self.concepts += other.concepts
        self.relationships += other.relationships
