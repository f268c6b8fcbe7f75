"""Factory `kmob_concepts`: domain entities from the pattern files, merged with the statistical NER."""

from __future__ import annotations

import numpy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.components.measures import refine_measures
from nlp.components.phrases import (
    RESULT_LEMMAS,
    head_phrases,
    load_heads,
    method_phrases,
    outcome_tails,
    per_phrases,
    result_outcomes,
    role_extensions,
)
from nlp.components.short_forms import defined_short_forms
from nlp.components.windowed_matcher import WindowedMatcher
from nlp.doc_view import splits_hyphenated_word, whole_words
from nlp.gazetteer import Gazetteer, load_gazetteer, surface_variants, token_norm
from nlp.normalise import term_key
from nlp.tokenizer import pattern_tokenizer

# Words that end an organisation's name in the naming patterns (nlp/patterns/org_names.jsonl).
_NAME_END_WORDS = frozenset(
    {"Trust", "FT", "ICB", "CCG", "ICS", "Board", "Group", "System", "Partnership", "Service", "Council"}
)
KEEP_NER = ("PERSON", "ORG", "GPE", "DATE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT")


@Language.factory(
    "kmob_concepts",
    default_config={"patterns_dir": None, "include_generated": True, "dependency_outcomes": True, "head_phrases": True},
)
def make_concepts(
    nlp: Language,
    name: str,
    patterns_dir: str | None,
    include_generated: bool,
    dependency_outcomes: bool,
    head_phrases: bool,
) -> ConceptMatcher:
    """Build the domain entity matcher from the pattern files."""
    return ConceptMatcher(nlp, load_gazetteer(patterns_dir, include_generated), dependency_outcomes, head_phrases)


class ConceptMatcher:
    """Phrase patterns (normalised tokens) + token patterns for NHS organisation names."""

    def __init__(
        self, nlp: Language, gazetteer: Gazetteer, dependency_outcomes: bool = True, head_phrases: bool = True
    ):
        self.gazetteer = gazetteer
        self.dependency_outcomes = dependency_outcomes
        self.head_phrases = head_phrases
        self.norm_cache: dict[int, int] = {}  # hash of a lower-case word -> hash of its matching key
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = WindowedMatcher(nlp.vocab)
        self.org_type: dict[int, str] = {}
        tokenizer = pattern_tokenizer(nlp.tokenizer)
        for concept in gazetteer.concepts.values():
            # A surface two concepts share goes to the one the gazetteer indexes it under (curated files first).
            surfaces = {
                v
                for s in (concept.name, *concept.aliases)
                if s not in concept.case_sensitive and gazetteer.by_key.get(term_key(s)) is concept
                for v in surface_variants(s)
            }
            docs = []
            for doc in tokenizer.pipe(sorted(surfaces)):
                self._set_norms(doc)
                docs.append(doc)
            if docs:
                self.phrases.add(concept.id, docs)
            if concept.case_sensitive:
                self.exact.add(concept.id, list(tokenizer.pipe(sorted(concept.case_sensitive))))
        for i, row in enumerate(gazetteer.token_patterns):
            key = f"ORGPATTERN_{i}"
            self.tokens.add(key, row["pattern"])

    def _set_norms(self, doc: Doc) -> None:
        """Each token's NORM becomes its matching key (US spelling, singular), set as one array."""
        if not len(doc):
            return
        cache = self.norm_cache
        strings = doc.vocab.strings
        norms = []
        for lower in doc.to_array("LOWER").tolist():
            norm = cache.get(lower)
            if norm is None:
                norm = cache[lower] = strings.add(token_norm(strings[lower]))
            norms.append(norm)
        doc.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))

    def __call__(self, doc: Doc) -> Doc:
        """Add domain spans to doc.ents; domain patterns win over overlapping general NER spans."""
        self._set_norms(doc)
        strings = doc.vocab.strings
        found: list[Span] = []
        for match_id, start, end in [*self.phrases(doc), *self.exact(doc)]:
            concept = self.gazetteer.concepts[strings[match_id]]
            found.append(Span(doc, start, end, label=concept.label, kb_id=concept.id))
        for _match_id, start, end in self.tokens(doc):
            span = doc[start:end]
            # "The" is not part of an organisation's name for linking purposes.
            if span[0].lower_ == "the":
                span = doc[start + 1 : end]
            if any(t.text in _NAME_END_WORDS and t.nbor().lower_ in ("and", "&") for t in span[:-1]):
                continue  # "... NHS Trust and Westbridge Hospitals NHS Trust": two names, each matched on its own
            if len(span):
                found.append(Span(doc, span.start, span.end, label="ORG"))
        if self.dependency_outcomes:
            found = [
                s
                for s in found
                if (s.label_ != "OUTCOME" or _measured(doc, s))
                and not _modifier(doc, s)
                and not _journal(doc, s)
                and not _names_a_unit(doc, s)
                and not _inside_hyphenated_word(doc, s)
                and not _used_as_verb(s)
            ]
            found.extend(per_phrases(doc, found))
            found.extend(outcome_tails(doc, found))
            results = result_outcomes(doc, found)
            # A result's subject is a measure even where a vocabulary calls it a condition or an intervention
            # ("inpatient falls rose slightly", "weekly weighing did not improve").
            extents = {(s.start, s.end) for s in results}
            found = [s for s in found if (s.start, s.end) not in extents] + results
        if self.head_phrases:
            found.extend(method_phrases(doc, found))
            found.extend(head_phrases(doc, found))
            found.extend(role_extensions(doc, found))
        if self.dependency_outcomes:
            # Measure extents last, once every rule has proposed its spans: intervals, time windows, scope phrases.
            found = refine_measures(doc, found)
        # Reference lists: a capitalised name between full stops, right before the year, is a journal's name.
        found = [s for s in found if s.label_ in ("ORG", "PERSON") or not _in_journal_title(doc, s)]
        domain = filter_spans([whole_words(_without_statistic(s)) for s in found if not _topic_names_a_unit(s)])
        domain = filter_spans(domain + defined_short_forms(doc, domain))
        taken = set()
        for span in domain:
            taken.update(range(span.start, span.end))
        merged = list(domain)
        for ent in doc.ents:
            if ent.label_ not in KEEP_NER:
                continue
            overlap = taken.intersection(range(ent.start, ent.end))
            if not overlap:
                merged.append(ent)
            elif ent.label_ == "ORG" and len(overlap) < len(ent) and _only_inside(ent, domain):
                # "UK Sepsis Trust": the organisation's name contains a concept; keep the organisation.
                merged = [s for s in merged if not (s.start >= ent.start and s.end <= ent.end)]
                merged.append(ent)
        doc.ents = filter_spans(merged)
        return doc


_STATISTICS = frozenset({"median", "mean", "average", "overall"})


def _without_statistic(span: Span) -> Span:
    """A measure is named without the statistic taken of it: "median time to antibiotics" -> "time to antibiotics"."""
    if span.label_ != "OUTCOME" or len(span) < 2 or span[0].lower_ not in _STATISTICS:
        return span
    return Span(span.doc, span.start + 1, span.end, label=span.label, kb_id=span.kb_id)


_UNIT_WORDS = frozenset(
    {
        "team",
        "teams",
        "service",
        "services",
        "association",
        "committee",
        "network",
        "forum",
        "meeting",
        "meetings",
        "panel",
    }
)


def _names_a_unit(doc: Doc, span: Span) -> bool:
    """ "the tissue viability team", "the continence service": a subject naming a team is not a mention of it."""
    return (
        span.label_ in ("TOPIC", "OUTCOME", "INTERVENTION")
        and span.end < len(doc)
        and doc[span.end].lower_ in _UNIT_WORDS
    )


def _topic_names_a_unit(span: Span) -> bool:
    """ "the children's diabetes service": a phrase ending in a team or service word names the unit, not a topic."""
    return span.label_ == "TOPIC" and len(span) > 1 and span[-1].lower_ in _UNIT_WORDS


_TITLE_FUNCTION_WORDS = frozenset({"of", "in", "and", "the", "for", "on", "&", "-", "to", "a"})


def _in_journal_title(doc: Doc, span: Span) -> bool:
    """ "Skin Integrity Today. 2023.": words of a capitalised phrase between two full stops, before a year."""
    start = span.start
    while start > 0 and doc[start - 1].text != "." and span.start - start < 8:
        start -= 1
    end = span.end
    while end < len(doc) and doc[end].text != "." and end - span.end < 8:
        end += 1
    if start == 0 or end + 1 >= len(doc) or doc[start - 1].text != "." or doc[end].text != ".":
        return False
    if not _before_citation_year(doc, end + 1) and not (len(doc[end + 1].text) == 4 and doc[end + 1].text.isdigit()):
        return False
    words = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in _TITLE_FUNCTION_WORDS]
    return len(words) >= 2 and all(t.text[0].isupper() for t in words)


def _used_as_verb(span: Span) -> bool:
    """ "while they wait", "expected to fall": a one-word measure, topic or condition used as a verb is not a mention
    of it.

    The parser often calls a plural condition or one that modifies a noun a verb ("the community falls team", "changes
    to asthma diagnosis"), so for conditions the -s form and a verb followed by a noun do not count.
    """
    if len(span) != 1 or span[0].pos_ != "VERB":
        return False
    if span.label_ in ("OUTCOME", "TOPIC"):
        return True
    token = span[0]
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        span.label_ == "CONDITION"
        and token.tag_ != "VBZ"
        and (following is None or following.pos_ not in ("NOUN", "PROPN"))
    )


def _inside_hyphenated_word(doc: Doc, span: Span) -> bool:
    """ "post-diagnostic support": a term that is only part of a hyphenated word is not a mention of it."""
    return splits_hyphenated_word(doc, span.start) or splits_hyphenated_word(doc, span.end)


def _journal(doc: Doc, span: Span) -> bool:
    """Words of a journal's name ("Health informatics journal", "Journal of Dementia Care") are not concepts."""
    if span.label_ in ("ORG", "PERSON"):
        return False
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 2 : span.start].text.lower() if span.start >= 2 else ""
    return (
        after in ("journal", "review")
        and doc[span.end].is_title
        or after == "journal"
        or before == "journal of"
        or _before_citation_year(doc, span.end)
    )


def _before_citation_year(doc: Doc, i: int) -> bool:
    """ "Human genomics 2018; 12:24": words right before a year and a volume are a journal's name."""
    return (
        i + 1 < len(doc)
        and len(doc[i].text) == 4
        and doc[i].text.isdigit()
        and doc[i].text[:2] in ("19", "20")
        and doc[i + 1].text in (";", ":")
    )


def _modifier(doc: Doc, span: Span) -> bool:
    """A one-word concept used as a modifier or modified as a compound is something else: "engagement
    sessions", "a mapping exercise"."""
    if len(span) != 1 or span.label_ not in ("OUTCOME", "INTERVENTION", "TOPIC", "SETTING") or not span.kb_id_:
        return False
    token = span[0]
    if token.dep_ == "compound" and token.head.i == token.i + 1 and token.head.pos_ == "NOUN":
        return True
    prev = doc[token.i - 1] if token.i else None
    return (
        prev is not None
        and prev.dep_ == "compound"
        and prev.head.i == token.i
        and prev.pos_ == "NOUN"
        and prev.ent_type_ not in ("ORG", "PERSON")
    )


def _measured(doc: Doc, span: Span) -> bool:
    """A one-word generic measure ("compliance", "attendance") is an OUTCOME only where a result is reported."""
    generic = load_heads()["context_outcomes"]
    if len(span) > 1 or span[0].lower_ not in generic and span[0].norm_ not in generic:
        return True
    window = span.doc[max(span.sent.start, span.start - 6) : min(span.sent.end, span.end + 6)]
    return any(t.like_num or t.text == "%" or t.lemma_.lower() in RESULT_LEMMAS for t in window)


def _only_inside(ent: Span, domain: list[Span]) -> bool:
    return all(s.start >= ent.start and s.end <= ent.end for s in domain if s.start < ent.end and s.end > ent.start)
