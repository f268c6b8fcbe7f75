"""Factory `kmob_relations`: WORKS_AT, USED, ADDRESSES, AUTHORED, CITES and LEARNED from rules; ADDRESSES and LEARNED
are then chosen among the document's concepts by learned models (nlp.addresses, nlp.lessons) when configured.

Relations are stored on ``doc._.relations`` as plain tuples; nlp.extract turns them into Relation records.
Heads that are the document itself use the record's title (the project, lesson or evidence node).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import addresses, lessons
from nlp.addresses import ADDRESSED_LABELS
from nlp.choice import ChoiceModel
from nlp.doc_text import doc_text, sentences
from nlp.lessons import LEARNED_LABELS, lesson_spans
from nlp.normalise import term_key
from nlp.paths import model_path
from nlp.references import doc_reference_entries_start

if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)

_LINK_WORDS = frozenset(
    {
        "at",
        "from",
        "of",
        "for",
        "with",
        "in",
        ",",
        "(",
        "both",
        "all",
        "based",
        "the",
        "and",
        "a",
        "an",
        "same",
        "who",
        "works",
        "worked",
        "working",
        "is",
        "was",
    }
)
_FUTURE = re.compile(r"\b(next step|will|plans? to|planned|would|should|could|intends?|hope to|recommend)\b", re.I)
_AUTHOR_CUES = re.compile(r"\b(written|prepared|compiled|authored|captured|wrote|write-up by|summary by)\b", re.I)
_NICE_CODE = re.compile(
    r"\bNICE (?:clinical |public health |quality |technology appraisal )?(?:guideline|guidance|"
    r"standard|quality standard)s? \(?((?:NG|CG|PH|QS|TA|NG)\d+)\)?"
)
_REF_ENTRY = re.compile(
    r"(?P<authors>(?:[A-Z][\w'\-]+(?: [A-Z][\w'\-]+)? [A-Z]{1,3}(?:, )?)+|[A-Z][A-Za-z&' ]{1,60}?)"
    r"\.\s+(?P<title>[^.]+?(?:\.[^.\s][^.]*?)*)(?: \((?P<code>[A-Z]{2}\d+)\))?\.\s+"
    r"(?P<rest>[^.]*?\.?\s*(?:19|20)\d\d)\."
)
_ENTS_KEY = "kmob_relations_ents"
_AIM_START = re.compile(r"\s*(aim|the aim|this project aimed|we aimed)", re.I)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# A participle or infinitive without a subject of its own, hanging from a verb or a noun, shares the subject of
# the clause above it.
_NON_FINITE = frozenset({"VBG", "VBN", "VB"})
_CONTROLLED = frozenset({"advcl", "xcomp", "acl", "pcomp"})
# A lesson is about a method, technique, intervention, condition or topic (tests/data/eval/README.md, LEARNED): the
# places and the measures a lesson paragraph mentions are what it was about only when the title names them (on the
# corpus, 43 of 242 measures taken from lesson paragraphs were annotated LEARNED).
_NOT_LEARNED_FROM_LESSONS = frozenset({"SETTING", "OUTCOME"})
_STOP = frozenset({"of", "the", "a", "an", "to", "for", "in", "on", "and", "with", "per", "rate", "rates"})


@dataclass(frozen=True)
class RawRelation:
    """A relation before it becomes a typed record: ends are entity spans or the document itself."""

    type: str
    head: Span | None  # None: the document
    tail: Span | None
    sentence: Span | None
    score: float
    role: str | None = None
    tail_text: str | None = None  # for tails that are titles, not spans (CITES, AUTHORED)
    head_text: str | None = None


@Language.factory("kmob_relations", default_config={"max_gap": 25, "addresses_model": None, "learned_model": None})
def make_relations(
    nlp: Language, name: str, max_gap: int, addresses_model: str | None, learned_model: str | None = None
) -> RelationExtractor:
    """Build the relation extractor; relative model paths are relative to the nlp package."""
    addresses_choice = _load_choice(addresses_model, "ADDRESSES")
    return RelationExtractor(max_gap, addresses_choice, _load_choice(learned_model, "LEARNED"))


def _load_choice(path_text: str | None, relation: str) -> ChoiceModel | None:
    if not path_text:
        return None
    path = model_path(path_text)
    if not path.exists():
        raise FileNotFoundError(f"{path}: {relation} model not found (train it with `kmob train-review`)")
    return ChoiceModel.load(path)


class RelationExtractor:
    """Dependency and pattern rules over the entities of one document (and learned ADDRESSES and LEARNED choices)."""

    def __init__(
        self,
        max_gap: int = 25,
        addresses_model: ChoiceModel | None = None,
        learned_model: ChoiceModel | None = None,
    ):
        self.max_gap = max_gap
        self.addresses_model = addresses_model
        self.learned_model = learned_model

    def __call__(self, doc: Doc) -> Doc:
        """Collect relations into doc._.relations."""
        record = doc._.kmob_record
        kind = record.kind if record is not None else "project"
        doc.user_data[_ENTS_KEY] = tuple(doc.ents)
        try:
            rels: list[RawRelation] = []
            rels += self.works_at(doc, record)
            rels += self.used(doc, kind, record)
            if kind == "project":
                rels += self.addresses(doc, record)
            if kind == "lesson":
                rels += self.learned(doc, record)
            rels += self.authored_and_cites(doc, record, kind)
        finally:
            doc.user_data.pop(_ENTS_KEY, None)
        doc._.relations = rels
        return doc

    def works_at(self, doc: Doc, record) -> list[RawRelation]:
        """Person -> organisation in the same sentence, joined by "at/from/of" and appositives."""
        rels = []
        for sent in doc.sents:
            ents = [e for e in _ents(doc) if e.start >= sent.start and e.end <= sent.end]
            people = [e for e in ents if e.label_ == "PERSON"]
            orgs = [e for e in ents if e.label_ == "ORG"]
            if not people or not orgs:
                continue
            for person in people:
                org = self._org_after(doc, person, ents) or self._team_org(doc, sent, person, orgs)
                if org is None:
                    continue
                role = _role_for(doc, person, ents)
                rels.append(RawRelation("WORKS_AT", person, org, sent, 0.8, role=role))
        return rels

    def _org_after(self, doc: Doc, person: Span, ents: list[Span]) -> Span | None:
        later = [e for e in ents if e.start >= person.end and e.start - person.end <= self.max_gap]
        for ent in later:
            if ent.label_ == "ORG":
                gap = doc[person.end : ent.start]
                words = [t for t in gap if t.ent_type_ != "ROLE" and not t.is_punct]
                if any(t.pos_ == "VERB" and t.lower_ not in _LINK_WORDS for t in gap if t.ent_type_ != "ROLE"):
                    return None
                if (
                    words
                    and words[-1].lower_ not in ("at", "from", "of", "the", "both", "all", "with", "for")
                    and gap
                    and gap[-1].text not in (",", "(")
                ):
                    return None
                return ent
            if ent.label_ == "PERSON" and not _both_at(doc, ent, ents):
                return None
        return None

    def _team_org(self, doc: Doc, sent: Span, person: Span, orgs: list[Span]) -> Span | None:
        """ "The team from X was led by A, with B" and "X's falls lead, A": the sentence's one organisation."""
        before = [o for o in orgs if o.end <= person.start]
        if len(orgs) != 1 or not before:
            return None
        org = before[0]
        window = doc[max(sent.start, org.start - 3) : org.start].text.lower()
        after = doc[org.end : min(org.end + 2, sent.end)].text.lower()
        if (
            re.search(r"\b(team|staff|colleagues|clinicians|nurses|librarians?) (from|at)\b", window)
            or after.startswith(("'s", "’s"))
            or re.search(r"\b(at|from)\b", window)
            and "led by" in sent.text
        ):
            return org
        return None

    def used(self, doc: Doc, kind: str, record=None) -> list[RawRelation]:
        """Project -> QI method / KM technique; elsewhere the person who is the subject of the verb.

        A pronoun subject stands for the profile's person ("She runs a journal club") or, for "we"/"I", the
        record's authors ("We ran a peer assist").
        """
        rels = []
        for ent in _ents(doc):
            if ent.label_ not in ("QI_METHOD", "KM_TECHNIQUE"):
                continue
            sent = ent.sent
            if _FUTURE.search(_clause_text(doc, ent)):
                continue
            if kind == "project":
                rels.append(RawRelation("USED", None, ent, sent, 0.7))
                continue
            people, pronouns = _subjects(doc, ent)
            if kind == "profile" and record is not None:
                rels += _profile_used(ent, sent, people, _profile_subject(record))
                continue
            if people:
                rels += [RawRelation("USED", p, ent, sent, 0.75) for p in people]
                continue
            for name in _pronoun_people(pronouns, kind, record):
                rels.append(RawRelation("USED", None, ent, sent, 0.65, head_text=name))
        return rels

    def addresses(self, doc: Doc, record) -> list[RawRelation]:
        """Project -> the concepts it targets: the learned choice when a model is loaded, else the rules'."""
        title = record.title if record is not None else ""
        targets = self.rule_addresses(doc, title)
        if self.addresses_model is not None:
            targets = addresses.choose(doc, title, _ents(doc), targets, self.addresses_model)
        return [RawRelation("ADDRESSES", None, t, t.sent, 0.7) for t in targets]

    def rule_addresses(self, doc: Doc, title: str) -> list[Span]:
        """Conditions/outcomes/topics named in the title or aim, and the measures that share their words."""
        title_keys = {term_key(t) for t in _title_terms(doc, title)}
        sents = sentences(doc)
        aim_sents = [s for s in sents if _AIM_START.match(s.text)] or list(sents[:1])
        targets: list[Span] = []
        for ent in _ents(doc):
            if ent.label_ not in ADDRESSED_LABELS:
                continue
            in_aim = any(s.start <= ent.start < s.end for s in aim_sents)
            if term_key(ent.text) in title_keys or (in_aim and ent.label_ != "INTERVENTION"):
                targets.append(ent)
        words = {w for t in targets for w in term_key(t.text).split() if w not in _STOP}
        words |= {w for k in title_keys for w in k.split() if w not in _STOP}
        for ent in _ents(doc):
            if ent.label_ == "OUTCOME" and ent not in targets and words & set(term_key(ent.text).split()):
                targets.append(ent)
        return targets

    def learned(self, doc: Doc, record) -> list[RawRelation]:
        """Lesson -> what it was about: the learned choice when a model is loaded, else the rules'."""
        title = record.title if record is not None else ""
        targets = self.rule_learned(doc, title)
        if self.learned_model is not None:
            return [
                RawRelation("LEARNED", None, t, t.sent, 0.65)
                for t in lessons.choose(doc, title, _ents(doc), targets, self.learned_model)
            ]
        lesson_ranges = lesson_spans(doc_text(doc))
        return [
            RawRelation("LEARNED", None, t, t.sent, 0.6 if _from_lessons(t, lesson_ranges) else 0.7) for t in targets
        ]

    def rule_learned(self, doc: Doc, title: str) -> list[Span]:
        """Concepts named in the lesson's title or in its lesson paragraphs."""
        title_keys = {term_key(t) for t in _title_terms(doc, title)}
        lesson_ranges = lesson_spans(doc_text(doc))
        targets = []
        for ent in _ents(doc):
            if ent.label_ not in LEARNED_LABELS:
                continue
            if term_key(ent.text) in title_keys or _from_lessons(ent, lesson_ranges):
                targets.append(ent)
        return targets

    def authored_and_cites(self, doc: Doc, record, kind: str) -> list[RawRelation]:
        """Authors of this record, reference-list authorship, and what the record cites."""
        rels: list[RawRelation] = []
        title = record.title if record is not None else None
        if kind in ("lesson", "evidence"):
            authors = [p for p in (record.people if record is not None else ()) if p.role in ("author", "lead")]
            names = {p.name for p in authors}
            for ent in _ents(doc):
                if ent.label_ == "PERSON" and _AUTHOR_CUES.search(ent.sent.text) and ent.sent.start < 60:
                    names.add(doc._.canonical.get((ent.start, ent.end), ent.text) if doc._.canonical else ent.text)
            for name in sorted(names):
                rels.append(RawRelation("AUTHORED", None, None, None, 0.9, head_text=name, tail_text=title))
        refs = parse_references(doc_text(doc), doc_reference_entries_start(doc))
        code_titles = {code: t for t, _authors, code in refs if code}
        cited = list(record.cites) if record is not None else []
        for ref_title, authors, _code in refs:
            cited.append(ref_title)
            for author in authors:
                rels.append(RawRelation("AUTHORED", None, None, None, 0.8, head_text=author, tail_text=ref_title))
        for match in _NICE_CODE.finditer(doc_text(doc)):
            cited.append(code_titles.get(match.group(1), match.group(0)))
        seen = set()
        for item in cited:
            key = term_key(item)
            if key not in seen:
                seen.add(key)
                rels.append(RawRelation("CITES", None, None, None, 0.85, tail_text=item))
        return rels


def _ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents builds new Span objects on every read: read them once per document."""
    cached = doc.user_data.get(_ENTS_KEY)
    return cached if cached is not None else tuple(doc.ents)


def parse_references(text: str, start: int | None) -> list[tuple[str, list[str], str | None]]:
    """(title, authors as "CN Okafor", guideline code) for each entry of the reference list whose entries begin at
    `start` (None: the text has no reference list)."""
    if start is None:
        return []
    entries = []
    for ref in _REF_ENTRY.finditer(text, start):
        authors = []
        for author in ref.group("authors").split(", "):
            parts = author.strip().rsplit(" ", 1)
            if len(parts) == 2 and parts[1].isupper() and len(parts[1]) <= 3:
                authors.append(f"{parts[1]} {parts[0]}")
        entries.append((ref.group("title").strip(), authors, ref.group("code")))
    return entries


def _both_at(doc: Doc, person: Span, ents: list[Span]) -> bool:
    """Whether a sentence like "A, role, and B, role, both at X" shares the organisation."""
    sent = person.sent.text.lower()
    return " both at " in sent or " all at " in sent or " both from " in sent or " all from " in sent


def _role_for(doc: Doc, person: Span, ents: list[Span]) -> str | None:
    for ent in ents:
        if ent.label_ != "ROLE":
            continue
        if 0 <= ent.start - person.end <= 3 or 0 <= person.start - ent.end <= 1:
            return ent.text
    return None


def _subject_people(doc: Doc, ent: Span) -> list[Span]:
    """PERSON entities that are the subject of the verb governing this mention."""
    return _subjects(doc, ent)[0]


def _subjects(doc: Doc, ent: Span) -> tuple[list[Span], list[str]]:
    """PERSON entities, and personal pronouns, that are the subject of the verb governing this mention."""
    token = ent.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
            if not subjects and token.dep_ == "conj":
                subjects = [c for c in token.head.children if c.dep_ in ("nsubj",)]
            if not subjects and token.tag_ in _NON_FINITE and token.dep_ in _CONTROLLED and token.head is not token:
                token = token.head  # "She led two projects using PDSA": who uses is the governing verb's subject
                continue
            people = []
            pronouns = []
            for subject in subjects:
                sub = subject if subject.dep_ != "agent" else next(iter(subject.children), subject)
                span = doc[sub.left_edge.i : sub.right_edge.i + 1]
                people += [
                    e for e in _ents(doc) if e.label_ == "PERSON" and e.start >= span.start and e.end <= span.end
                ]
                if sub.lower_ in _PRONOUNS and subject.dep_ != "nsubjpass":
                    pronouns.append(sub.lower_)
            return people, pronouns
        if token.head is token:
            break
        token = token.head
    return [], []


def _pronoun_people(pronouns: list[str], kind: str, record) -> list[str]:
    """Who "he"/"she"/"I"/"we" is: a profile's subject, or a lesson's or post's authors."""
    if not pronouns or record is None:
        return []
    if kind == "profile":
        if not any(p in ("he", "she", "i") for p in pronouns):
            return []
        subject = _profile_subject(record)
        return [subject] if subject else []
    if any(p in ("we", "i") for p in pronouns):
        return [p.name for p in record.people if p.role in ("author", "lead")]
    return []


def _profile_subject(record) -> str | None:
    """The person a profile is about: its first listed person, else its title (a profile's title is the name)."""
    return record.people[0].name if record.people else record.title or None


def _profile_used(ent: Span, sent: Span, people: list[Span], subject: str | None) -> list[RawRelation]:
    """USED in a profile: the methods and techniques a profile names are its person's (annotators link about nine
    in ten of them), whoever the sentence's grammatical subject is ("The most recent used root cause analysis",
    "projects using the Model for Improvement"); only a method the sentence gives to someone else is theirs."""
    subject_words = set(subject.lower().split()) if subject else set()
    others = [p for p in people if not set(p.text.lower().split()) <= subject_words]
    if others:
        return [RawRelation("USED", p, ent, sent, 0.75) for p in others]
    return [RawRelation("USED", None, ent, sent, 0.7, head_text=subject)] if subject else []


def _clause_text(doc: Doc, ent: Span) -> str:
    return ent.sent.text


def _title_terms(doc: Doc, title: str) -> list[str]:
    """Entity surface strings of the document that also occur in its title."""
    lowered = title.lower()
    return [e.text for e in _ents(doc) if e.label_ in LEARNED_LABELS and e.text.lower() in lowered]


def _from_lessons(ent: Span, lesson_ranges: list[tuple[int, int]]) -> bool:
    """Whether a lesson paragraph names the concept as what the lesson was about (not a place or a measure)."""
    in_lesson = any(a <= ent.start_char < b for a, b in lesson_ranges)
    return in_lesson and ent.label_ not in _NOT_LEARNED_FROM_LESSONS
