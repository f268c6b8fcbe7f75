"""Factory `kmob_people`: fix the general model's person/organisation errors and link name variants.

The small English model tags capitalised common words and event names as PERSON, citation surnames
("Smith et al.") as ORG, and keeps honorifics inside spans. This component repairs those, adds job titles
written beside a name as ROLE, resolves "Dr Patel"/"Patel" to "Amina Patel" within the document and
records each PERSON/ORG span's canonical name in ``doc._.canonical``.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from nlp.doc_text import doc_text
from nlp.doc_view import token_indices
from nlp.gazetteer import load_gazetteer
from nlp.normalise import slugify
from nlp.references import doc_reference_list_start

HONORIFICS = frozenset(
    {
        "dr",
        "dr.",
        "prof",
        "prof.",
        "professor",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "sister",
        "nurse",
        "sir",
        "dame",
        "lord",
        "lady",
        "baroness",
        "baron",
        "rev",
        "revd",
        "cllr",
        "councillor",
    }
)
_HONORIFIC_STEMS = frozenset(h.rstrip(".") for h in HONORIFICS)
_EVENT_WORDS = frozenset(
    {
        "day",
        "week",
        "month",
        "awards",
        "award",
        "conference",
        "summit",
        "festival",
        "campaign",
        "challenge",
        "network",
        "programme",
        "project",
        "group",
        "forum",
        "initiative",
    }
)
# Lower-case nouns after a name that make it an eponym of a method, not a person: "Monte Carlo simulation",
# "Markov model", "Cox regression".
_METHOD_WORDS = frozenset(
    {
        "model",
        "process",
        "chain",
        "simulation",
        "method",
        "regression",
        "test",
        "distribution",
        "estimator",
        "criterion",
        "algorithm",
        "equation",
        "theorem",
        "curve",
        "plot",
        "sampling",
    }
)
# Capitalised words that start sentences or headings and that the small model reads as names.
_NOT_NAMES = frozenset(
    {
        "aim",
        "aims",
        "background",
        "method",
        "methods",
        "results",
        "summary",
        "lessons",
        "lesson",
        "outcome",
        "outcomes",
        "findings",
        "references",
        "implications",
        "question",
        "what",
        "why",
        "how",
        "who",
        "when",
        "where",
        "datix",
        "teams",
        "zoom",
        "twitter",
        "covid",
        "microsoft",
        "excel",
        "google",
        "nhs",
        "trust",
        "ward",
        "team",
        "staff",
        "patients",
        "board",
        "ltd",
        "plc",
        "council",
        "service",
        "services",
        "unit",
        "centre",
        "center",
        "hospital",
        "clinic",
        "practice",
        "dashboard",
        "app",
        "update",
        "briefing",
        "report",
    }
)
_ROLE_HEADS = frozenset(
    {
        "nurse",
        "consultant",
        "lead",
        "manager",
        "librarian",
        "practitioner",
        "analyst",
        "registrar",
        "director",
        "officer",
        "sponsor",
        "educator",
        "matron",
        "specialist",
        "therapist",
        "pharmacist",
        "physician",
        "geriatrician",
        "surgeon",
        "doctor",
        "gp",
        "midwife",
        "assistant",
        "coordinator",
        "co-ordinator",
        "fellow",
        "researcher",
        "lecturer",
        "professor",
        "chair",
        "advisor",
        "adviser",
        "broker",
        "champion",
        "dietitian",
        "physiotherapist",
        "administrator",
        "head",
        "executive",
        "scientist",
        "clinician",
        "worker",
        "representative",
        "partner",
        "paramedic",
        "psychologist",
        "psychiatrist",
        "paediatrician",
        "anaesthetist",
        "radiographer",
        "technician",
        "student",
        "trainee",
        "mobiliser",
        "facilitator",
        "sister",
        "visitor",
        "commissioner",
        "governor",
        "trustee",
        "intensivist",
        "cardiologist",
        "microbiologist",
        "informatician",
        "engineer",
        "designer",
        "developer",
        "secretary",
        "clerk",
        "volunteer",
        "ambassador",
        "convenor",
        "member",
        "associate",
        "deputy",
        "chief",
    }
)
_ROLE_STOP = frozenset(
    {
        ",",
        ";",
        ":",
        ")",
        "(",
        ".",
        "at",
        "in",
        "on",
        "and",
        "with",
        "from",
        "who",
        "which",
        "based",
        "both",
        "was",
        "is",
        "has",
        "had",
        "led",
        "said",
        "wrote",
        "ran",
        "notes",
        "noted",
    }
)
# Model labels that reference lists get wrong (journals as ORG, "Lindqvist M. Multicomponent" as PERSON).
_MODEL_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "NORP", "LAW"})
_NOT_ORGS = frozenset(
    {
        "NHS",
        "the NHS",
        "The NHS",
        "University",
        "Trust",
        "Hospital",
        "Council",
        "Hub",
        "Department",
        "Government",
        "Board",
        "Partnership",
        "Network",
        "Programme",
        "Project",
    }
)
# Last words of names of systems, records and data assets, which the model tags as ORG.
_NOT_ORG_HEADS = frozenset(
    {
        "system",
        "systems",
        "record",
        "records",
        "platform",
        "environment",
        "environments",
        "framework",
        "model",
        "index",
        "dataset",
        "datasets",
        "database",
        "software",
        "app",
        "portal",
        "gateway",
        "registry",
        "repository",
        "standard",
        "act",
        "regulation",
        "strategy",
        "plan",
        "review",
        "report",
        "survey",
        "study",
        "trial",
        "journal",
        "project",
        "projects",
        "programme",
        "workstream",
        "initiative",
        "datalink",
        "catalogue",
        "ark",
        "arks",
        "stack",
        "exchange",
        "document",
        "contract",
        "agreement",
        "form",
        "forms",
        "aid",
        "summary",
        "certificate",
        "course",
        "guidance",
    }
)
# Last words of names of committees and groups. With only common words before them ("Steering Group", "Technical
# Working Group", "Confidentiality Advisory Group") they name a meeting, not an organisation; a proper name keeps
# one ("Ashby Vale Local Pharmaceutical Committee", "Sandhu Pharmacy Group").
_COMMITTEE_HEADS = frozenset({"group", "groups", "committee", "committees", "subcommittee", "senate", "panel", "jury"})
# Last words of the names of a hospital's own departments and units ("Children's Assessment Unit", "Ambulatory Care
# Department"): the guide leaves departments without a proper name unannotated, and they are places of care.
_DEPARTMENT_HEADS = frozenset({"unit", "units", "department", "departments", "area", "ward", "wards"})
# Kinds of thing a document names, after the name or in "X is a ... tool": such a name is not an organisation.
_NAMED_KINDS = (
    "programme|project|initiative|workstream|tool|toolkit|app|software|platform|dataset|database|system|portal"
)
PLACES_PATH = Path(__file__).resolve().parent.parent / "patterns" / "places.json"
# Words after a capitalised name that make it the name of a tool or data product, or of a part of an organisation
# ("the Business Analytics function": the guide leaves departments unannotated).
_THING_WORDS = frozenset(
    {
        "tool",
        "toolkit",
        "pathway",
        "app",
        "platform",
        "software",
        "dataset",
        "database",
        "portal",
        "checklist",
        "function",
        "directorate",
    }
)
_ORG_DANGLING = frozenset({"&", "and", "of", "for", "the", "in", "on", "at"})
# The last word of a named tool or checklist, which the model often takes for an organisation.
_INTERVENTION_HEADS = frozenset({"tool", "checklist", "bundle", "scale", "score", "protocol", "pathway", "toolkit"})
_ORG_EXPANSIONS = (
    (re.compile(r"\bNHS FT\b"), "NHS Foundation Trust"),
    (re.compile(r"\bFT$"), "Foundation Trust"),
    (re.compile(r"\bICB$"), "Integrated Care Board"),
    (re.compile(r"\bCCG$"), "Clinical Commissioning Group"),
    (re.compile(r"\bICS$"), "Integrated Care System"),
)
_ORG_TYPE_WORDS = frozenset({"ICB", "CCG", "ICS", "Trust", "trust", "PCN"})
_GENERIC_ORG_FIRST = frozenset(
    {
        "NHS",
        "The",
        "University",
        "Royal",
        "National",
        "Health",
        "Department",
        "Care",
        "Institute",
        "Academic",
        "British",
        "UK",
        "Public",
    }
)

if not Doc.has_extension("canonical"):
    Doc.set_extension("canonical", default=None)
if not Doc.has_extension("kmob_record"):
    Doc.set_extension("kmob_record", default=None)


@Language.factory("kmob_people", default_config={})
def make_people(nlp: Language, name: str) -> PeopleLinker:
    """Build the person/organisation fixer and linker."""
    return PeopleLinker(_lemmatizer_words(nlp))


def canonical_org(name: str) -> str:
    """Canonical organisation name: no leading "the", NHS FT / ICB / CCG spelt out."""
    name = re.sub(r"^(the|The)\s+", "", name.strip()).strip(" .,")
    for pattern, full in _ORG_EXPANSIONS:
        name = pattern.sub(full, name)
    concept = load_gazetteer().lookup(name)
    return concept.name if concept is not None and concept.label == "ORG" else name


class PeopleLinker:
    """Repairs PERSON/ORG spans, adds ROLE appositives and resolves name variants."""

    def __init__(self, common_words: frozenset[str] = frozenset()):
        self.common_words = common_words

    def __call__(self, doc: Doc) -> Doc:
        """Fix and link the document's people and organisations."""
        record = doc._.kmob_record
        # The record's own people come first so they win ties against the model's ORG guesses.
        ents = _spans_for(doc, [p.name for p in record.people], "PERSON", []) if record is not None else []
        names = {p.name for p in record.people} if record is not None else set()
        text = doc_text(doc)
        ref_start = doc_reference_list_start(doc)
        for ent in _split_at_breaks(doc, doc.ents):
            if ref_start is not None and ent.start_char >= ref_start and ent.label_ in _MODEL_LABELS and not ent.kb_id_:
                continue  # reference lists: authors come from the entry pattern, journals are not organisations
            fixed = self._repair(doc, ent, text)
            if fixed is not None and fixed.label_ == "ORG" and (fixed.text in names or _has_a_job(doc, fixed)):
                fixed = Span(doc, fixed.start, fixed.end, label="PERSON")
            if fixed is not None:
                ents.append(fixed)
        programmes = _programme_names(text)
        if programmes:
            ents = [e for e in ents if e.label_ != "ORG" or e.kb_id_ or not _names_programme(e, programmes)]
        ents.extend(self._honorific_names(doc, ents))
        cited = self._citation_names(doc, text, ref_start)
        if cited:
            # Citation authors are certain; the model's guesses over them ("Okafor and Lindqvist" as a title) go.
            cited_tokens = {i for c in cited for i in range(c.start, c.end)}
            ents = [e for e in ents if e.kb_id_ or not cited_tokens.intersection(range(e.start, e.end))]
            ents.extend(cited)
        ents = filter_spans(ents)
        ents = self._roles(doc, ents)
        ents = [e for e in ents if not _title_not_role(doc, e)]
        canonical: dict[tuple[int, int], str] = {}
        ents = self._link_people(doc, ents, canonical, record)
        ents = self._link_orgs(doc, ents, canonical, programmes)
        doc.ents = filter_spans(ents)
        doc._.canonical = canonical
        return doc

    def _repair(self, doc: Doc, ent: Span, text: str) -> Span | None:
        if ent.label_ not in ("PERSON", "ORG"):
            return ent
        start, end = ent.start, ent.end
        label = ent.label_
        # "a ‘Learning Health System’", "**Workforce": the model's span also takes articles, quotes and markup.
        while start < end and (
            doc[start].lower_ in HONORIFICS
            or doc[start].lower_ in ("the", "a", "an")
            or doc[start].is_quote
            or doc[start].text in _MARKUP
            # "Across NHS trusts ...": a function word capitalised only because it opens the sentence.
            or (doc[start].is_sent_start and doc[start].pos_ in ("ADP", "ADV", "SCONJ", "CCONJ") and end - start > 1)
        ):
            if doc[start].lower_ in HONORIFICS:
                label = "PERSON"
            start += 1
        # "Smith et al." is a citation of a person, not an organisation.
        tail = doc[end - 2 : end].text.lower() if end - start >= 2 else ""
        if tail.startswith("et al"):
            end -= 2
            label = "PERSON"
        while end > start and (doc[end - 1].text in ("'s", "’s", ".", ",") or doc[end - 1].is_quote):
            end -= 1
        cut = next((t.i for t in doc[start:end] if any(c in t.text for c in ("(", "]", "http"))), None)
        if cut is not None and label == "ORG":
            end = cut
            if start < end and doc[start].text == "[":
                start += 1  # a Markdown link's text; "... Care (DHSC": the acronym is its own mention
        if start >= end:
            return None
        if label == "ORG" and not ent.kb_id_:
            end = _name_end(doc, start, end)
            start = _name_start(doc, start, end)
        span = doc[start:end]
        if label == "ORG" and not ent.kb_id_:
            if span.text in _NOT_ORGS or any(t.like_num or any(c.isdigit() for c in t.text) for t in span):
                return None  # the bare word "NHS", guideline codes such as "CG179"
            if span[-1].lower_ in _ORG_DANGLING or span[0].lower_ in _ORG_DANGLING - {"the"}:
                return None  # "Health &": a cut title, not a name
            if (
                len(span) == 1
                and span[0].is_upper
                and len(span[0]) <= 5
                and not _expanded(text, span[0].text, self.common_words)
                and load_gazetteer().lookup(span.text) is None
                and span.text not in _ORG_TYPE_WORDS
            ):
                return None  # an acronym the document never spells out ("IG", "ICT"): most are not organisations
            concept = load_gazetteer().lookup(span.text)
            if concept is not None and concept.label != "ORG":
                # "the Toyota Production System": the model's ORG is a vocabulary concept once "the" is gone.
                return Span(doc, start, end, label=concept.label, kb_id=concept.id)
            if span[-1].lower_ in _NOT_ORG_HEADS and len(span) > 1:
                return None  # "Learning Health System", "Great North Care Record": systems, not organisations
            if _not_an_organisation(doc, span, self.common_words):
                return None
            after = doc[end] if end < len(doc) else None
            if after is not None and after.is_lower and after.lemma_.lower() in _THING_WORDS:
                # "the ZEPHYR tool", "FLOWCARE pathways": the name of a thing, not an organisation. An
                # organisation's own report, review or survey ("the RCN survey") keeps it an organisation.
                return None
            if span[-1].lower_ in _INTERVENTION_HEADS:
                # "Malnutrition Universal Screening Tool", "WHO Surgical Safety Checklist": a named tool.
                return Span(doc, start, end, label="INTERVENTION")
        if not ent.kb_id_ and all(t.pos_ in ("NOUN", "ADJ", "VERB") and not t.is_upper for t in span):
            return None  # "Achievements", "Potential Examples": capitalised common words, no name among them
        if label == "PERSON" and not _looks_like_name(span):
            return None
        if label == "PERSON" and end < len(doc) and doc[end].lower_ in _EVENT_WORDS and doc[end].is_title:
            return None
        if label == "PERSON" and load_gazetteer().lookup(span.text) is not None:
            return None
        if label == "PERSON" and _not_a_person(doc, span, self.common_words):
            return None
        return Span(doc, start, end, label=label)

    def _honorific_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """ "Dr Amina Patel", "Sister Okonjo": a title followed by capitalised words is a person."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = []
        for i in token_indices(doc, "LOWER", HONORIFICS | _HONORIFIC_STEMS):
            token = doc[i]
            if token.lower_.rstrip(".") not in _HONORIFIC_STEMS or not token.is_title:
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= 3 and doc[end].is_title and doc[end].is_alpha:
                end += 1
            if end > token.i + 1 and not taken.intersection(range(token.i + 1, end)):
                span = doc[token.i + 1 : end]
                if _looks_like_name(span):
                    found.append(Span(doc, span.start, span.end, label="PERSON"))
        return found

    def _citation_names(self, doc: Doc, text: str, ref_start: int | None) -> list[Span]:
        """Authors in "(Okafor and Lindqvist 2021)" and reference lists ("Okafor CN, Lindqvist M.")."""
        found = []
        for match in _CITATION.finditer(text):
            for name in re.split(r",\s*|\s+and\s+|\s*&\s*", match.group("names")):
                name = re.sub(r"\s+et al\.?$", "", name.strip())
                if name and name[0].isupper():
                    offset = text.index(name, match.start())
                    span = doc.char_span(offset, offset + len(name), label="PERSON", alignment_mode="expand")
                    if span is not None:
                        found.append(span)
        if ref_start is not None:
            for match in _REF_AUTHOR.finditer(text, ref_start):
                span = doc.char_span(match.start(), match.end(), label="PERSON", alignment_mode="expand")
                if span is not None:
                    found.append(span)
        return found

    def _roles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A job title written after a name ("Tom Reilly, data analyst,") becomes a ROLE span."""
        roles = []
        for ent in ents:
            if ent.label_ != "PERSON" or ent.end >= len(doc) - 1 or doc[ent.end].text not in (",", "("):
                continue
            i = ent.end + 1
            while i < len(doc) and doc[i].lower_ in ("a", "an", "the", "our", "is", "was"):
                i += 1
            start = i
            while (
                i < len(doc)
                and i - start < 9
                and doc[i].lower_ not in _ROLE_STOP
                and doc[i].ent_type_ not in ("PERSON", "ORG")
            ):
                i += 1
            phrase = doc[start:i]
            if not phrase or not any(t.lower_ in _ROLE_HEADS for t in phrase) or phrase[0].is_punct:
                continue
            if any(e.label_ == "ROLE" and e.start < phrase.end and e.end > phrase.start for e in ents):
                continue  # the noun-phrase rules already read a longer title here
            if any(t.is_title and t.i > start and t.lower_ not in _ROLE_HEADS for t in phrase) and len(phrase) > 4:
                continue
            roles.append(Span(doc, phrase.start, phrase.end, label="ROLE", kb_id=f"role:{slugify(phrase.text)}"))
        if not roles:
            return ents
        role_tokens = {i for r in roles for i in range(r.start, r.end)}
        kept = [e for e in ents if not role_tokens.intersection(range(e.start, e.end))]
        return kept + roles

    def _link_people(self, doc: Doc, ents: list[Span], canonical: dict, record) -> list[Span]:
        people = [e for e in ents if e.label_ == "PERSON"]
        full: list[str] = [p.name for p in record.people] if record is not None else []
        full += [p.text for p in people if len(p) >= 2 and not _INITIALS.match(p.text)]
        by_part: dict[str, set[str]] = {}
        for name in full:
            parts = name.split()
            for part in (parts[0], parts[-1]):
                if len(part) > 2 and not part.isupper():  # initials ("H", "CN") are not names on their own
                    by_part.setdefault(part, set()).add(name)
        out = []
        for ent in ents:
            if (
                ent.label_ in _MODEL_LABELS
                and ent.label_ != "PERSON"
                and not ent.kb_id_
                and len(ent) <= 2
                and len(by_part.get(ent.text, ())) == 1
                and ent.text[:1].isupper()
            ):
                # "Rhiannon runs a journal club": a known person's first name or surname the model took for an ORG.
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            if ent.label_ != "PERSON":
                out.append(ent)
                continue
            name = ent.text
            ref = _REF_NAME.match(name)
            if ref:  # "Okafor CN" -> "CN Okafor"
                name = f"{ref.group(2)} {ref.group(1)}"
            elif len(ent) == 1 and len(by_part.get(name, ())) == 1:
                name = next(iter(by_part[name]))
            elif len(ent) == 1:
                # A lone surname that a reference list spells with initials: "Okafor" -> "CN Okafor".
                name = next((n for n in full if n.endswith(" " + name)), name)
            canonical[(ent.start, ent.end)] = name
            out.append(ent)
        # Later bare mentions of a known surname ("Whitfield reported ...") the model missed.
        known = {part: names for part, names in by_part.items() if len(names) == 1 and part[:1].isupper()}
        taken = {i for e in out for i in range(e.start, e.end)}
        for i in token_indices(doc, "ORTH", known):
            token = doc[i]
            if token.i not in taken and token.text in known and token.is_title and token.i > 0:
                name = next(iter(known[token.text]))
                if token.text == name.split()[-1] or token.text == name.split()[0]:
                    span = Span(doc, token.i, token.i + 1, label="PERSON")
                    canonical[(span.start, span.end)] = name
                    out.append(span)
        return out

    def _link_orgs(self, doc: Doc, ents: list[Span], canonical: dict, not_orgs: set[str]) -> list[Span]:
        orgs = [e for e in ents if e.label_ == "ORG"]
        names = {(e.start, e.end): canonical_org(e.text) for e in orgs}
        # Acronyms defined in the text: "Leeds Teaching Hospitals NHS Trust (LTHT)".
        acronyms: dict[str, str] = {}
        for e in orgs:
            if (
                e.end + 2 < len(doc)
                and doc[e.end].text == "("
                and doc[e.end + 2].text == ")"
                and doc[e.end + 1].is_upper
            ):
                acronyms[doc[e.end + 1].text] = names[(e.start, e.end)]
        distinct = sorted(set(names.values()), key=len, reverse=True)
        by_place = _names_by_place(distinct)
        first_words = {n.split()[0] for n in distinct if len(n.split()) >= 3}
        out = []
        taken = {i for e in ents for i in range(e.start, e.end)}
        for ent in ents:
            place = ent.label_ == "ORG" and len(ent) == 1 and ent.text in first_words and ent[0].is_title
            if place and not _stands_alone(doc, ent.start, ent.end):
                continue  # the model's "Kelbrook" in "across Kelbrook", where a trust is named after the place
            if ent.label_ == "ORG":
                name = names[(ent.start, ent.end)]
                if ent.text in acronyms:
                    name = acronyms[ent.text]
                elif name in by_place:
                    name = by_place[name]  # "Marlow Reach" for "Marlow Reach Hospitals NHS Trust"
                elif ent.text in _ORG_TYPE_WORDS or name in ("Integrated Care Board", "Foundation Trust"):
                    owners = [n for n in distinct if n != name and n.endswith(name)]
                    name = owners[0] if len(owners) == 1 else name
                canonical[(ent.start, ent.end)] = name
            out.append(ent)
        # Bare acronyms and first words of multi-word names used later: "the ICB", "Brackenfield".
        short: dict[str, str] = dict(acronyms)
        for name in distinct:
            first = name.split()[0]
            # A common first word ("Clinical" of "Clinical Commissioning Group") is no short form of a name.
            if (
                len(name.split()) >= 3
                and first not in _GENERIC_ORG_FIRST
                and first[:1].isupper()
                and first.lower() not in self.common_words
            ):
                short.setdefault(first, name)
            for word in _ORG_TYPE_WORDS & {"ICB", "CCG", "ICS"}:
                if name.endswith(_expand_type(word)):
                    short.setdefault(word, name)
        for i in token_indices(doc, "ORTH", short):
            token = doc[i]
            if token.i in taken or token.text not in short or token.text in not_orgs:
                continue  # a programme's or tool's name does not come back as another name's short form
            if _names_place([token.text]):
                continue  # "Bradford" from "Bradford Royal Infirmary" on its own is the city
            if token.pos_ != "PROPN" and token.text not in acronyms and not token.is_upper:
                continue  # "Connected" from "Connected Health Cities" is an adjective on its own
            if token.is_sent_start and token.text not in acronyms:
                continue
            short_for_place = token.text not in acronyms and token.text not in _ORG_TYPE_WORDS
            if short_for_place and not _stands_alone(doc, token.i, token.i + 1):
                continue  # "across Tamarside", "the Greywell trusted research environment": the place
            span = Span(doc, token.i, token.i + 1, label="ORG")
            canonical[(span.start, span.end)] = short[token.text]
            out.append(span)
        held = {i for e in out if e.label_ not in _PLACE_LABELS for i in range(e.start, e.end)}
        places = _place_short_forms(doc, by_place, held)
        if places:
            # The model's place for the same words gives way: "Caddon Vale" as GPE is the trust here.
            replaced = {i for span, _ in places for i in range(span.start, span.end)}
            out = [e for e in out if replaced.isdisjoint(range(e.start, e.end))]
        for span, name in places:
            canonical[(span.start, span.end)] = name
            out.append(span)
        return out


def _names_by_place(names: list[str]) -> dict[str, str]:
    """Two or three place words that begin exactly one of the names, each mapped to that name ("Halsey Fold" ->
    "Halsey Fold Hospitals NHS Trust")."""
    leads: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        lead = list(itertools.takewhile(lambda w: w not in _NAME_TYPE_WORDS, words))
        if 2 <= len(lead) <= 3 and len(lead) < len(words):
            leads.setdefault(" ".join(lead), []).append(name)
    return {lead: owners[0] for lead, owners in leads.items() if len(owners) == 1}


def _place_short_forms(doc: Doc, by_place: dict[str, str], taken: set[int]) -> list[tuple[Span, str]]:
    """A name's place words used on their own for it, where they stand alone and no other entity has them: "both at
    Halsey Fold" after "Halsey Fold Hospitals NHS Trust"."""
    found = []
    leads = {tuple(lead.split()): name for lead, name in by_place.items()}
    # Only the tokens that start a lead are looked at, found in one array pass.
    for i in token_indices(doc, "ORTH", {words[0] for words in leads}):
        for words, name in leads.items():
            end = i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[i:end]) != words or taken & set(range(i, end)):
                continue
            if _stands_alone(doc, i, end):
                taken.update(range(i, end))
                found.append((Span(doc, i, end, label="ORG"), name))
    return found


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Whether a name's short form stands for the organisation here: not after "in", "across" or "of", where it is
    the place; not before a noun it modifies ("the Greywell trusted research environment") or "and" and another
    name ("Kestrelford and Dunmore Analytics Hub")."""
    if start > 0 and doc[start - 1].lower_ in ("in", "across", "of", "around", "throughout"):
        return False
    after = doc[end] if end < len(doc) else None
    if after is None:
        return True
    if after.lower_ in ("and", "&") and end + 1 < len(doc) and doc[end + 1].is_title:
        return False
    return not (after.pos_ in ("NOUN", "PROPN", "ADJ") or after.text in ("'s", "’s"))


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Words that start the kind of organisation in its name, after its place words.
_NAME_TYPE_WORDS = frozenset(
    {
        "University",
        "Hospitals",
        "Hospital",
        "Community",
        "Teaching",
        "NHS",
        "Health",
        "Healthcare",
        "Partnership",
        "Care",
        "Mental",
        "Foundation",
        "General",
        "Royal",
        "Integrated",
        "County",
        "City",
        "Council",
        "ICB",
        "Primary",
        "Children's",
    }
)


def _expand_type(word: str) -> str:
    full = {"ICB": "Integrated Care Board", "CCG": "Clinical Commissioning Group", "ICS": "Integrated Care System"}
    return full[word]


_INITIALS = re.compile(r"^[A-Z]{1,3}\s")
_REF_NAME = re.compile(r"^((?:(?:van|von|de|der|den|du|le|la|da|di|del)\s)*[A-Z][\w'\-]+)\s+([A-Z]{1,3})$")
_CITATION = re.compile(
    r"\((?P<names>[A-Z][\w'\-]+(?:\s+et al\.?|(?:,\s*|\s+and\s+|\s*&\s*)[A-Z][\w'\-]+)*),?\s+"
    r"(?:19|20)\d\d[a-z]?\)"
)
# The parts of an author's name are joined by spaces only: "References\nOkoro G" is a heading and a name.
_REF_AUTHOR = re.compile(
    r"(?<![\w.])(?:(?:van|von|de|der|den|du|le|la|da|di|del) )*[A-Z][a-z][\w'\-]*(?: [A-Z][a-z][\w'\-]*)?"
    r" [A-Z]{1,3}(?=[,.])"
)


def _title_not_role(doc: Doc, ent: Span) -> bool:
    """ "Professor Stein" (a title before a name) and "consultant-led" (a modifier) are not job titles."""
    if ent.label_ != "ROLE" or len(ent) != 1 or ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return nxt.ent_type_ == "PERSON" or nxt.text == "-" and not nxt.whitespace_ or nxt.lower_ in ("post", "posts")


_NAME = r"((?:[A-Z][\w'’&-]*\s+){0,4}[A-Z][\w'’&-]*)"
# "the Connected Health Cities (CHC) programme", "the FLOWSIM Project", "the PHPA app".
_PROGRAMME_NAME = re.compile(r"\b" + _NAME + r"(?:\s+\(([A-Z]{2,6})\))?\s+(?i:" + _NAMED_KINDS + r")s?\b")
# "FLOWSIM is a web-based simulation tool": the document says what kind of thing the name is.
_DEFINED_NAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))" + _NAME + r"(?:\s+\(([A-Z]{2,6})\))?\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,4}"
    r"(?i:" + _NAMED_KINDS + r")s?\b",
    re.MULTILINE,
)
# Words that make a name an organisation's even when it runs a programme ("the NHS England programme").
_BODY_WORDS = frozenset(
    {
        "Trust",
        "University",
        "Council",
        "Board",
        "ICB",
        "College",
        "Foundation",
        "Institute",
        "Service",
        "Agency",
        "Department",
        "Society",
        "Association",
        "England",
        "Commission",
        "Centre",
        "Network",
        "Partnership",
    }
)


# "a four-year programme across the region called LCR (Linked Care Regions)": the name follows "called".
_CALLED_NAME = re.compile(
    r"\b(?i:"
    + _NAMED_KINDS
    + r")s?\s+(?:[\w£$€,-]+\s+){0,8}?(?:called|named|known as)\s+"
    + _NAME
    # The bracket after the name holds its acronym or its long form: "CHC (Connected Health Cities)".
    + r"(?:\s+\(([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})\))?"
)


def _names_programme(span: Span, programmes: set[str]) -> bool:
    """Whether an ORG span is a programme's name or contains its acronym ("NWC CHC", "CHC Hub")."""
    return span.text in programmes or any(t.is_upper and t.text in programmes for t in span)


def _programme_names(text: str) -> set[str]:
    """Names the document itself calls a programme, project, initiative or a tool, app, system or dataset ("the
    Connected Health Cities (CHC) programme", "FLOWSIM is a simulation tool"), with their acronym: these are not
    organisations anywhere in the document."""
    names: set[str] = set()
    matches = [*_PROGRAMME_NAME.finditer(text), *_DEFINED_NAME.finditer(text), *_CALLED_NAME.finditer(text)]
    for match in matches:
        words = match.group(1).split()
        while words and words[0] in ("The", "A", "An", "This", "Our"):
            words = words[1:]
        name = " ".join(words)
        if not name or _BODY_WORDS.intersection(words):
            continue
        concept = load_gazetteer().lookup(name)
        if concept is not None and concept.label == "ORG":
            continue
        names.add(name)
        acronym = match.group(2) or next(iter(re.findall(re.escape(name) + r" \(([A-Z]{2,6})\)", text)), None)
        if acronym:
            names.add(acronym)
    return names


def _expanded(text: str, acronym: str, common: frozenset[str] = frozenset()) -> bool:
    """Whether the document spells the acronym out as an organisation: "Connected Health Cities (CHC)" or "CHC
    (Connected ...)", but not "Trusted Research Environment (TRE)" (a system, not a body)."""
    at = text.find(f"({acronym})")
    if at >= 0:
        words = [w.strip(",.;:") for w in text[:at].split()[-len(acronym) - 2 :]]
        words = [w for w in words if w.lower() not in ("and", "of", "for", "&", "the", "in")][-len(acronym) :]
        last = words[-1].lower() if words else ""
        if not words or last in _NOT_ORG_HEADS | _DEPARTMENT_HEADS or not all(w[:1].isupper() for w in words):
            return False  # "children and young people (CYP)", "Trusted Research Environment (TRE)"
        if _names_place(words):
            return False  # "North West Coast (NWC)": a region's initials
        if words[-1].lower() in _COMMITTEE_HEADS and all(w.lower() in common - _place_words()[0] for w in words[:-1]):
            return False  # "Technical Working Group (TWG)": a committee's initials
        concept = load_gazetteer().lookup(" ".join(words))
        return concept is None or concept.label == "ORG"  # "Information Governance (IG)" is a topic
    return re.search(re.escape(acronym) + r" \([A-Z]", text) is not None


def _has_a_job(doc: Doc, span: Span) -> bool:
    """A model ORG that is a person by what stands next to it: a title before it ("Dr Leah Coombes") or a job title
    in apposition ("Nadia Farouk, cardiac physiologist", "the knowledge specialist, Declan Moriarty"). Organisations
    have no job titles; a name of up to three words with no word that ends an organisation's name is a person's."""
    if span.kb_id_ or len(span) > 3 or not _looks_like_name(span) or any(t.text in _NAME_ENDINGS for t in span):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in _HONORIFIC_STEMS and before.is_title:
        return True
    comma_after = span.end < len(doc) and doc[span.end].text == ","
    comma_before = before is not None and before.text == ","
    if not (comma_after or comma_before):
        return False  # most spans: the document's roles need not be read
    roles = [e for e in doc.ents if e.label_ == "ROLE"]
    after = span.end + 1 + (span.end + 1 < len(doc) and doc[span.end + 1].lower_ in ("the", "a", "an", "our"))
    return (comma_after and any(r.start == after for r in roles)) or (
        comma_before and any(r.end == span.start - 1 for r in roles)
    )


def _looks_like_name(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    if not words or any(t.like_num or t.is_digit for t in span):
        return False
    if not all(t.is_title or t.text[:1].isupper() for t in words if t.lower_ not in ("de", "van", "von", "le")):
        return False
    if len(words) == 1 and (words[0].is_upper and len(words[0]) > 1 or words[0].lower_ in _NOT_NAMES):
        return False
    return not any(t.lower_ in _NOT_NAMES for t in words)


def _spans_for(doc: Doc, names: list[str], label: str, ents: list[Span]) -> list[Span]:
    found = []
    for name in names:
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), label=label)
            if span is not None:
                found.append(span)
    return found


@lru_cache(maxsize=1)
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """Place names and the words that build region names ("North East", "Yorkshire and Humber"), read once."""
    data = json.loads(PLACES_PATH.read_text(encoding="utf-8"))
    return frozenset(data["places"]), frozenset(data["region_words"])


def _names_place(words: list[str]) -> bool:
    """Whether a name is made of place words only: a region, county or city is not an organisation."""
    places, region_words = _place_words()
    words = [w.lower() for w in words if w.lower() not in ("and", "&", "of", "the")]
    return bool(words) and all(w in places or w in region_words for w in words)


def _not_a_person(doc: Doc, span: Span, common: frozenset[str]) -> bool:
    """What the small model takes for a person on capitalised text: a place ("Humber"), a programme named after
    one ("Connected Bradford"), a single word after an article ("the Ark") or a method named after someone ("Markov
    model"). The lemmatizer's word index cannot tell a lone common noun from a surname: it lists "baker" and
    "marlowe" alike. A real person's surname dropped here comes back when the document gives the full
    name (PeopleLinker._link_people)."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    if _names_place([t.text for t in words]):
        return True
    if len(words) > 1 and _names_place([words[-1].text]) and all(_participle(t, common) for t in words[:-1]):
        return True
    if len(words) == 1 and span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an"):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.is_lower and after.lemma_ in _METHOD_WORDS


def _participle(token: Token, common: frozenset[str]) -> bool:
    """ "Connected", "Thriving": an English -ed or -ing word, as programmes named after a place start. Other common
    words would not do: the index also lists first names ("mark", "will", "jo")."""
    word = token.lower_
    return len(word) > 4 and word.endswith(("ed", "ing")) and word in common


def _lemmatizer_words(nlp: Language) -> frozenset[str]:
    """English nouns, verbs, adjectives and adverbs as the pipeline lemmatizer's index lists them (empty without
    one): a word in it is a common word, not part of a proper name."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for part in ("noun", "verb", "adj", "adv") for w in index.get(part, ()))


def _generic_committee(span: Span, common: frozenset[str]) -> bool:
    """ "Steering Group", "Technical Working Group": a committee or group named only with common words."""
    head = _name_head(span)
    if head.lower_ not in _COMMITTEE_HEADS:
        return False
    words = [t for t in span if t.is_alpha and t.i != head.i and t.lower_ not in _ORG_DANGLING]
    # An acronym that is not a known organisation ("IG Working Group") is no proper name either.
    places, _ = _place_words()
    generic = [t.lower_ not in places and (t.lower_ in common or t.is_upper and _unknown(t.text)) for t in words]
    return bool(common) and all(generic)


def _unknown(name: str) -> bool:
    concept = load_gazetteer().lookup(name)
    return concept is None or concept.label != "ORG"


def _name_head(span: Span):
    """The word a name is about: the last one before "of"/"for" ("Health Survey for England" -> Survey)."""
    for token in span[1:]:
        if token.lower_ in ("of", "for"):
            return span[token.i - span.start - 1]
    return span[-1]


def _lower_case_elsewhere(doc: Doc, span: Span) -> bool:
    """A single capitalised word the document also writes in lower case ("Data", "Community") is a common word."""
    if len(span) != 1 or span[0].is_upper:
        return False
    lower = span[0].lower_
    return any(t.text == lower for t in doc)


# Plural organisation kinds at the end of a name ("NHS Hospital Trusts", "Local Authorities", "Academic Health Science
# Networks") speak of a group of organisations, not of one named body.
_PLURAL_KINDS = frozenset(
    {"trusts", "authorities", "universities", "networks", "centres", "councils", "boards", "practices", "organisations"}
)


def _split_at_breaks(doc: Doc, ents) -> list[Span]:
    """Model ORG spans that run across a comma or a line break ("Stroke Association, Public Health England", a list
    of partners one per line) are two names: each part is read on its own."""
    out = []
    for ent in ents:
        if ent.label_ != "ORG" or ent.kb_id_ or not any(t.text == "," or "\n" in t.text_with_ws for t in ent[:-1]):
            out.append(ent)
            continue
        part: list = []
        for token in ent:
            if token.text != "," and not token.is_space:
                part.append(token)
            if token.text == "," or token.is_space or "\n" in token.whitespace_ or token.i == ent.end - 1:
                out.extend(_name_part(doc, part))
                part = []
    return out


def _name_part(doc: Doc, tokens: list) -> list[Span]:
    """One part of a split span without list and heading marks at its edges."""
    while tokens and tokens[0].text in _MARKUP:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _MARKUP:
        tokens = tokens[:-1]
    return [Span(doc, tokens[0].i, tokens[-1].i + 1, label="ORG")] if tokens else []


_MARKUP = frozenset({"-", ">", "*", "#", "•"})


# Words that end an organisation's name; a model span that stops a few capitalised words before one was cut short
# ("Greater Manchester Stroke" Operational Delivery Network, "Innovate" UK, "Clinical Practice Research" Datalink).
_NAME_ENDINGS = _BODY_WORDS | {"UK", "Alliance", "Datalink", "Group", "Committee", "Foundation", "Fund", "Academy"}


def _name_end(doc: Doc, start: int, end: int) -> int:
    """The end of an ORG span, carried over up to four capitalised words to a word that ends a name, and over a
    possessive inside the name ("South Kestrel Children" + "'s Palliative Care Network")."""
    if not (doc[end - 1].is_title or doc[end - 1].is_upper):
        return end  # "Data Science for Health at": a cut title, dropped as it is
    possessive = end < len(doc) and doc[end].text in ("'s", "’s")
    for stop in range(end + possessive, min(end + possessive + 4, len(doc))):
        token = doc[stop]
        if token.text in _NAME_ENDINGS and token.is_title | token.is_upper:
            return stop + 1 if not token.is_sent_start else end
        if not (token.is_alpha and token.is_title) or token.is_sent_start or token.ent_type_ == "PERSON":
            return end
    return end


def _name_start(doc: Doc, start: int, end: int) -> int:
    """The start of an ORG span that ends a name, carried back over "<Name> and" when the words before "and" are
    capitalised and end no name of their own: "the Ravensholt and" + "Fenby Cancer Alliance", "the Maternity and" +
    "Neonatal Voices Partnership", but not "... NHS Trust and" + "Westbridge Hospitals NHS Trust"."""
    if doc[end - 1].text not in _NAME_ENDINGS or start < 2 or doc[start - 1].lower_ != "and":
        return start
    first = start - 1
    while first > max(0, start - 4) and _name_word(doc[first - 1]):
        first -= 1
    last = doc[start - 2]
    if first == start - 1 or last.text in _NAME_ENDINGS or (last.ent_type_ == "PERSON" and last.ent_iob_ == "I"):
        return start  # "... NHS Trust and", "Jane Smith and": a name of its own comes before "and"
    before = doc[first - 1] if first > 0 else None
    if before is not None and (before.is_title and before.lower_ not in _DETERMINERS or before.text in (",", ";")):
        return start  # a list of names ("Fenby, Castlebrook and Westbridge ...") or a longer name: left as it is
    return first


def _name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name: not a sentence's first word, not "The"."""
    return token.is_title and not token.is_sent_start and token.lower_ not in _DETERMINERS


_DETERMINERS = frozenset({"the", "a", "an"})


def _not_an_organisation(doc: Doc, span: Span, common: frozenset[str]) -> bool:
    """Model ORG spans that name a place, a committee, a thing or a common word rather than an organisation."""
    if _names_place([t.text for t in span if not t.is_punct and not t.is_space]):
        return True  # "Yorkshire & Humber", "Merseyside": the guide does not annotate places
    if len(span) > 1 and _name_head(span).lower_ in _NOT_ORG_HEADS:
        return True  # "Health Survey for England", "Data Catalogue of ...": a survey or dataset with its scope
    if len(span) > 1 and span[-1].lower_ in _PLURAL_KINDS:
        return True  # "NHS Hospital Trusts": organisations of a kind, not one named body
    if len(span) > 1 and span[-1].lower_ in _DEPARTMENT_HEADS:
        return True  # "Ambulatory Care Department"; "Department of Health" ends in its remit, not its kind
    return _generic_committee(span, common) or _lower_case_elsewhere(doc, span)
