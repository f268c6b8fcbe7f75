"""Public extraction API: Documents in, Extraction records (entities, relations, provenance) out."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.people import canonical_org
from nlp.components.relations import RawRelation
from nlp.normalise import slugify
from nlp.records import Document, Entity, Extraction, Relation

EXTRACTOR_VERSION = "kmob-nlp-0.7.18"
EXPORTED_LABELS = frozenset(
    {"PERSON", "ORG", "CONDITION", "INTERVENTION", "QI_METHOD", "KM_TECHNIQUE", "SETTING", "OUTCOME", "TOPIC", "ROLE"}
)
log = logging.getLogger(__name__)


class Extractor:
    """Runs the pipeline over documents in batches, keeping their order."""

    def __init__(self, batch_size: int = 64, nlp: Language | None = None):
        from nlp.pipeline import shared_pipeline

        self.nlp = nlp or shared_pipeline()
        self.batch_size = batch_size
        self.people = PeopleRegistry()

    def extract(self, document: Document) -> Extraction:
        """Extract one document."""
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extract many documents with nlp.pipe; a document that fails yields an empty Extraction."""
        for extraction, _doc in self.extract_with_docs(documents):
            yield extraction

    def extract_with_docs(self, documents: Iterable[Document]) -> Iterator[tuple[Extraction, Doc]]:
        """Like extract_many, also handing back the annotated Doc (the evaluation reads it)."""
        docs = (self._prepare(d) for d in documents)
        for doc in self.nlp.pipe(docs, batch_size=self.batch_size):
            record = doc._.kmob_record
            try:
                yield to_extraction(record, doc, self.people), doc
            except Exception:  # one bad document must never stop a batch; log it and move on
                log.exception("extraction failed for %s", record.source)
                empty = Extraction(
                    document=record, entities=(), relations=(), outcome=None, extractor_version=EXTRACTOR_VERSION
                )
                yield empty, doc

    def _prepare(self, document: Document) -> Doc:
        self.people.add(document)
        doc = self.nlp.make_doc(document.text)
        doc._.kmob_record = document
        return doc


class PeopleRegistry:
    """Full names that records' structured `people` give, for surname-only mentions in other documents.

    "Patel presented the results" in a document that never spells the name out resolves to "Amina Patel" only
    when exactly one known person has that surname and the document names her organisation (or is owned by it).
    """

    def __init__(self) -> None:
        self.by_surname: dict[str, dict[str, set[str]]] = {}

    def add(self, document: Document) -> None:
        """Remember the structured people of one record."""
        for person in document.people:
            parts = person.name.split()
            if len(parts) < 2:
                continue
            orgs = self.by_surname.setdefault(parts[-1], {}).setdefault(person.name, set())
            for org in (person.organisation, document.organisation):
                if org:
                    orgs.add(canonical_org(org))

    def resolve(self, surname: str, organisations: set[str]) -> str | None:
        """The one full name a surname stands for where the document's organisations agree, else None."""
        names = self.by_surname.get(surname, {})
        agreeing = [name for name, orgs in names.items() if orgs & organisations]
        return agreeing[0] if len(agreeing) == 1 and len(names) == 1 else None


def document_id(document: Document) -> str:
    """The graph id of the document node a relation starts from."""
    return f"{document.kind}:{document.id}" if document.id else f"{document.kind}:{slugify(document.source)}"


def entity_identity(doc: Doc, span: Span) -> tuple[str, str]:
    """(concept_id, canonical name) of an entity span."""
    label = span.label_
    canonical_names = doc._.canonical or {}
    if label == "PERSON":
        name = canonical_names.get((span.start, span.end), span.text)
        return f"person:{slugify(name)}", name
    if label == "ORG":
        name = canonical_names.get((span.start, span.end)) or canonical_org(span.text)
        return f"org:{slugify(name)}", name
    if span.kb_id_:
        from nlp.gazetteer import load_gazetteer

        concept = load_gazetteer().concepts.get(span.kb_id_)
        if concept is not None:
            return concept.id, concept.name
        return span.kb_id_, span.text
    kind = label.lower()
    return f"{kind}:{slugify(span.text)}", span.text.lower() if not span.text.isupper() else span.text


def to_extraction(document: Document, doc: Doc, people: PeopleRegistry | None = None) -> Extraction:
    """Turn an annotated Doc into the typed Extraction record."""
    entities = []
    aliases: dict[str, set[str]] = {}
    ids: dict[tuple[int, int], tuple[str, str]] = {}
    organisations = None
    for span in doc.ents:
        if span.label_ not in EXPORTED_LABELS:
            continue
        concept_id, canonical = entity_identity(doc, span)
        if people is not None and span.label_ == "PERSON" and " " not in canonical:
            if organisations is None:
                organisations = {entity_identity(doc, e)[1] for e in doc.ents if e.label_ == "ORG"}
                if document.organisation:
                    organisations.add(canonical_org(document.organisation))
            full = people.resolve(canonical, organisations)
            if full is not None:
                concept_id, canonical = f"person:{slugify(full)}", full
        ids[(span.start, span.end)] = (concept_id, canonical)
        aliases.setdefault(concept_id, set()).add(span.text)
        entities.append(
            Entity(
                text=span.text,
                label=span.label_,
                start=span.start_char,
                end=span.end_char,
                concept_id=concept_id,
                canonical=canonical,
                score=_entity_score(span),
                sentence=span.sent.text.strip(),
                polarity=span._.polarity if span.label_ == "OUTCOME" else None,
            )
        )
    relations = []
    seen = set()
    for raw in doc._.relations or ():
        relation = _relation(document, raw, ids)
        key = (relation.type, relation.head_id, relation.tail_id)
        if key not in seen:
            seen.add(key)
            relations.append(relation)
    return Extraction(
        document=document,
        entities=tuple(entities),
        relations=tuple(relations),
        outcome=doc._.outcome,
        extractor_version=EXTRACTOR_VERSION,
        aliases={k: tuple(sorted(v)) for k, v in aliases.items()},
    )


def _entity_score(span: Span) -> float:
    # Pattern matches are exact vocabulary hits; rule-made spans (no kb id) and model spans are less sure.
    if span.kb_id_:
        return 0.95
    return 0.85 if span.label_ in ("PERSON", "ORG") else 0.7


def _relation(document: Document, raw: RawRelation, ids: dict) -> Relation:
    doc_head = (document_id(document), document.title)

    def end(span: Span | None, text: str | None, label: str) -> tuple[str, str, str]:
        if span is not None:
            cid, name = ids.get((span.start, span.end)) or (f"{span.label_.lower()}:{slugify(span.text)}", span.text)
            return cid, name, span.label_
        if text is not None:
            if label == "PERSON":
                return f"person:{slugify(text)}", text, "PERSON"
            return f"evidence:{slugify(text)[:80]}", text, "EVIDENCE"
        return doc_head[0], doc_head[1], document.kind.upper()

    head_id, head, head_label = end(raw.head, raw.head_text, "PERSON" if raw.head_text else "")
    tail_id, tail, tail_label = end(raw.tail, raw.tail_text, "" if raw.type != "AUTHORED" else "DOC")
    if raw.type == "AUTHORED" and raw.tail_text == document.title:
        tail_id, tail_label = doc_head[0], document.kind.upper()
    sentence = raw.sentence.text.strip() if raw.sentence is not None else ""
    start = raw.sentence.start_char if raw.sentence is not None else -1
    stop = raw.sentence.end_char if raw.sentence is not None else -1
    return Relation(
        type=raw.type,
        head=head,
        tail=tail,
        head_id=head_id,
        tail_id=tail_id,
        sentence=sentence,
        score=raw.score,
        head_label=head_label,
        tail_label=tail_label,
        role=raw.role,
        start=start,
        end=stop,
    )
