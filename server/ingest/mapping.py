"""Turns one Extraction into graph rows: structured fields first, then what the pipeline found."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graph.batch import ConceptRow, DocumentRow, GraphBatch, OrganisationRow, PersonRow, RelRow, SourceRow
from graph.write import Curation
from nlp.components.people import HONORIFICS, canonical_org
from nlp.concepts import resolve_topic
from nlp.embedding import embed
from nlp.extract import EXTRACTOR_VERSION, document_id
from nlp.normalise import fold, slugify
from nlp.records import Document, Extraction, PersonRef

# Bump MAPPING_VERSION when what a record maps to changes: stored sources with another version are re-ingested.
MAPPING_VERSION = 2
INGEST_VERSION = f"{EXTRACTOR_VERSION}+map{MAPPING_VERSION}"
CONCEPT_KINDS = {
    "CONDITION": "Condition",
    "INTERVENTION": "Intervention",
    "QI_METHOD": "QIMethod",
    "KM_TECHNIQUE": "KMTechnique",
    "SETTING": "Setting",
    "OUTCOME": "Outcome",
    "TOPIC": "Topic",
}
METHOD_LABELS = {"QI_METHOD", "KM_TECHNIQUE"}
CONTRIBUTOR_ROLES = {"lead", "member", "sponsor"}
SNIPPET_CHARS = 300
_ID_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")


def person_name(name: str) -> str:
    """A person's canonical name: honorifics and stray punctuation dropped."""
    words = name.replace(",", " ").split()
    while words and words[0].lower().rstrip(".") in {h.rstrip(".") for h in HONORIFICS}:
        words = words[1:]
    return " ".join(words) or name.strip()


def person_id(name: str) -> str:
    """The graph id of a person named `name`."""
    return f"person:{slugify(person_name(name))}"


def org_row(name: str) -> OrganisationRow:
    """An Organisation row from any spelling of its name."""
    canonical = canonical_org(name)
    return OrganisationRow(
        id=f"org:{slugify(canonical)}",
        name=canonical,
        type=org_type(canonical),
        aliases=tuple(sorted({name.strip(), canonical})),
    )


def org_type(name: str) -> str:
    """trust, icb, university, charity, national body or other, from the name's usual NHS patterns."""
    lowered = name.lower()
    if "integrated care board" in lowered or lowered.endswith(" icb"):
        return "icb"
    if re.search(r"\bnhs (foundation )?trust\b", lowered):
        return "trust"
    if "university" in lowered or "college" in lowered and "royal college" not in lowered:
        return "university"
    if lowered.startswith(("national ", "nhs england", "royal college")) or lowered in {"nice", "nhs england"}:
        return "national body"
    if "charity" in lowered or re.search(r"\btrust for\b", lowered):
        return "charity"
    return "other"


def title_key(title: str) -> str:
    """The folded title that lessons and citations use to find a document by name."""
    return fold(title)[:200]


def _person_row(person: PersonRef, **extra: str | None) -> PersonRow:
    """A Person row for a person a record names in its structured fields."""
    return PersonRow(
        id=person_id(person.name),
        name=person_name(person.name),
        aliases=(person.name,),
        visibility=person.visibility,
        email=person.email,
        **extra,
    )


def _works_at(batch: GraphBatch, pid: str, organisation: str | None, source_id: str, props: dict) -> None:
    """Add the organisation a record names for a person, and the WORKS_AT link to it."""
    if organisation:
        org = org_row(organisation)
        batch.organisations.append(org)
        batch.relationships.append(RelRow("WORKS_AT", "Person", pid, "Organisation", org.id, source_id, props))


class Mapper:
    """Maps extractions to graph rows, honouring curators' merges and rejections."""

    def __init__(self, curation: Curation):
        self.curation = curation

    def concept_id(self, concept_id: str) -> str:
        # Follow merge chains (a merged into b merged into c) to the concept that survives.
        seen = set()
        while concept_id in self.curation.redirects and concept_id not in seen:
            seen.add(concept_id)
            concept_id = self.curation.redirects[concept_id]
        return concept_id

    def map(self, extraction: Extraction) -> GraphBatch:
        """All rows one document contributes."""
        doc = extraction.document
        source_id = f"source:{doc.id}"
        batch = GraphBatch(sources=[SourceRow(source_id, doc.source, doc.content_hash, INGEST_VERSION)])
        if doc.kind == "profile":
            owner = self._profile(doc, source_id, batch)
            owner_label = "Person"
        else:
            owner = doc.id
            owner_label = "Document"
            self._document(doc, extraction, source_id, batch)
        self._mentions(extraction, owner, owner_label, source_id, batch)
        self._relations(extraction, owner, owner_label, source_id, batch)
        return batch

    def _profile(self, doc: Document, source_id: str, batch: GraphBatch) -> str:
        subject = doc.people[0] if doc.people else PersonRef(name=doc.title)
        pid = person_id(subject.name)
        batch.people.append(_person_row(subject, role=subject.role, summary=doc.text[:2000]))
        batch.relationships.append(RelRow("FROM_SOURCE", "Person", pid, "Source", source_id, source_id))
        _works_at(
            batch, pid, subject.organisation or doc.organisation, source_id, {"role": subject.role, "since": doc.date}
        )
        for cid, _label, tag in self._tag_concepts(pid, doc.tags, batch):
            batch.relationships.append(
                RelRow(
                    "MENTIONS",
                    "Person",
                    pid,
                    "Concept",
                    cid,
                    source_id,
                    {"count": 1, "score": 1.0, "snippet": f"expertise: {tag}"},
                )
            )
        return pid

    def _document(self, doc: Document, extraction: Extraction, source_id: str, batch: GraphBatch) -> None:
        props = {
            "title": doc.title,
            "title_key": title_key(doc.title),
            "text": doc.text,
            "summary": doc.text[:400],
            "status": doc.status,
            "date": doc.date,
            "end_date": doc.end_date,
            "outcome": extraction.outcome,
            "organisation": doc.organisation,
            "level": doc.level,
            "source_url": doc.source_url,
            "tags": list(doc.tags),
            "project_ref": doc.project,
            "extractor_version": extraction.extractor_version,
            "embedding": embed(f"{doc.title}. {doc.text}"),
        }
        batch.documents.append(DocumentRow(id=doc.id, kind=doc.kind, source_id=source_id, props=props))
        if doc.organisation:
            org = org_row(doc.organisation)
            batch.organisations.append(org)
            batch.relationships.append(RelRow("OWNED_BY", "Document", doc.id, "Organisation", org.id, source_id))
        for person in doc.people:
            self._structured_person(doc, person, source_id, batch)
        for cited in doc.cites:
            batch.relationships.append(self._link("CITES", "Evidence", doc.id, cited, source_id))
        if doc.kind == "lesson" and doc.project:
            batch.relationships.append(self._link("FROM", "Project", doc.id, doc.project, source_id))
        tag_rel = {"project": "ADDRESSES", "lesson": "LEARNED"}.get(doc.kind, "MENTIONS")
        for cid, label, tag in self._tag_concepts(doc.id, doc.tags, batch):
            rel = "USES_METHOD" if label in METHOD_LABELS and doc.kind == "project" else tag_rel
            props = {"score": 1.0, "basis": "tag"}
            if rel == "MENTIONS":
                # A mention from the record's tags has no place in the text; its snippet says where it came from.
                # Written before the text's mentions, so a concept the text also names keeps the text's snippet.
                props["snippet"] = f"tag: {tag}"
            batch.relationships.append(RelRow(rel, "Document", doc.id, "Concept", cid, source_id, props))

    def _tag_concepts(self, owner: str, tags: tuple[str, ...], batch: GraphBatch) -> Iterator[tuple[str, str, str]]:
        """(concept id, label, tag) for each concept a record's tags name, its Concept row added to the batch."""
        for tag in tags:
            for match in resolve_topic(tag):
                if match.label not in CONCEPT_KINDS or self._rejected(owner, match.concept_id):
                    continue
                cid = self.concept_id(match.concept_id)
                batch.concepts.append(ConceptRow(cid, match.canonical, CONCEPT_KINDS[match.label], (tag,)))
                yield cid, match.label, tag

    def _structured_person(self, doc: Document, person: PersonRef, source_id: str, batch: GraphBatch) -> None:
        pid = person_id(person.name)
        batch.people.append(_person_row(person))
        role = (person.role or "").lower()
        if doc.kind == "project":
            batch.relationships.append(
                RelRow(
                    "CONTRIBUTED_TO",
                    "Person",
                    pid,
                    "Project",
                    doc.id,
                    source_id,
                    {
                        "role": role if role in CONTRIBUTOR_ROLES else "member",
                        "title": None if role in CONTRIBUTOR_ROLES else person.role,
                    },
                )
            )
        else:
            batch.relationships.append(
                RelRow("AUTHORED", "Person", pid, "Document", doc.id, source_id, {"role": person.role})
            )
        _works_at(batch, pid, person.organisation, source_id, {"since": doc.date})

    @staticmethod
    def _link(rel_type: str, end_label: str, start_id: str, target: str, source_id: str) -> RelRow:
        # A reference that looks like an id is an id; anything else is a title to look up.
        if _ID_LIKE.match(target) and " " not in target:
            return RelRow(rel_type, "Document", start_id, end_label, target, source_id)
        return RelRow(
            rel_type,
            "Document",
            start_id,
            end_label,
            "",
            source_id,
            {"target_title": target},
            end_title_key=title_key(target),
        )

    def _rejected(self, doc_id: str, concept_id: str) -> bool:
        return f"{doc_id}|{concept_id}" in self.curation.rejected

    def _mentions(
        self, extraction: Extraction, owner: str, owner_label: str, source_id: str, batch: GraphBatch
    ) -> None:
        grouped: dict[str, list] = {}
        # Structured fields win: a name the record lists as a person is never an organisation or a concept,
        # whatever the statistical model guessed (and a hidden person must not surface under another label).
        people = {fold(person_name(p.name)): p for p in extraction.document.people}
        for entity in extraction.entities:
            if entity.label == "ROLE" or (owner_label == "Person" and entity.label not in CONCEPT_KINDS):
                continue
            known = people.get(fold(person_name(entity.canonical))) or people.get(fold(person_name(entity.text)))
            if known is not None and entity.label != "PERSON":
                entity = replace(
                    entity, label="PERSON", concept_id=person_id(known.name), canonical=person_name(known.name)
                )
            grouped.setdefault(self.concept_id(entity.concept_id), []).append(entity)
        for cid, mentions in grouped.items():
            if self._rejected(owner, cid):
                continue
            first = mentions[0]
            surfaces = tuple(sorted({m.text for m in mentions}))
            if first.label == "PERSON":
                if cid == owner:
                    continue
                batch.people.append(PersonRow(id=cid, name=first.canonical, aliases=surfaces))
                end_label = "Person"
            elif first.label == "ORG":
                batch.organisations.append(OrganisationRow(cid, first.canonical, org_type(first.canonical), surfaces))
                end_label = "Organisation"
            else:
                batch.concepts.append(ConceptRow(cid, first.canonical, CONCEPT_KINDS[first.label], surfaces))
                end_label = "Concept"
            batch.relationships.append(
                RelRow(
                    "MENTIONS",
                    owner_label,
                    owner,
                    end_label,
                    cid,
                    source_id,
                    {
                        "count": len(mentions),
                        "score": round(max(m.score for m in mentions), 3),
                        "spans": [f"{m.start}:{m.end}" for m in mentions][:20],
                        "snippet": first.sentence[:SNIPPET_CHARS],
                        "extractor_version": extraction.extractor_version,
                    },
                )
            )

    def _relations(
        self, extraction: Extraction, owner: str, owner_label: str, source_id: str, batch: GraphBatch
    ) -> None:
        doc = extraction.document
        this_doc = document_id(doc)
        concept_labels = {e.concept_id: e.label for e in extraction.entities}
        for rel in extraction.relations:
            evidence = {"score": round(rel.score, 3), "sentence": rel.sentence[:SNIPPET_CHARS], "basis": "text"}
            tail_id = self.concept_id(rel.tail_id)
            if rel.type == "WORKS_AT" and rel.head_label == "PERSON" and rel.tail_label == "ORG":
                batch.relationships.append(
                    RelRow(
                        "WORKS_AT",
                        "Person",
                        rel.head_id,
                        "Organisation",
                        rel.tail_id,
                        source_id,
                        {"role": rel.role, **evidence},
                    )
                )
            elif owner_label == "Document" and rel.type in ("USED", "ADDRESSES", "LEARNED"):
                if concept_labels.get(rel.tail_id) not in CONCEPT_KINDS or self._rejected(owner, tail_id):
                    continue
                rel_type = {"USED": "USES_METHOD"}.get(rel.type, rel.type)
                if rel_type == "USES_METHOD" and doc.kind != "project":
                    rel_type = "MENTIONS"
                batch.relationships.append(RelRow(rel_type, "Document", owner, "Concept", tail_id, source_id, evidence))
            elif rel.type == "AUTHORED" and rel.tail_id == this_doc and owner_label == "Document":
                batch.people.append(PersonRow(id=rel.head_id, name=rel.head))
                batch.relationships.append(
                    RelRow("AUTHORED", "Person", rel.head_id, "Document", owner, source_id, evidence)
                )
            elif rel.type == "CITES" and owner_label == "Document" and rel.tail != doc.title:
                batch.relationships.append(self._link("CITES", "Evidence", owner, rel.tail, source_id))
