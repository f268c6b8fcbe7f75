"""The per-document caches the rules read (nlp.doc_view, nlp.components.doc_text) agree with spaCy's own answers."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from nlp.doc_text import doc_text, sentences, span_text
from nlp.doc_view import DocView


def _doc(sent_starts: list[int]) -> Doc:
    words = [
        "The",
        "ward",
        "audit",
        "ran",
        "weekly",
        ".",
        "Falls",
        "fell",
        "by",
        "half",
        ".",
        "Staff",
        "said",
        "the",
        "huddle",
        "helped",
        ".",
    ]
    doc = Doc(spacy.blank("en").vocab, words=words)
    for token in doc:
        token.is_sent_start = token.i in sent_starts
    return doc


def test_sentence_bounds_are_those_of_span_sent_for_every_span():
    doc = _doc([0, 6, 11])
    view = DocView.of(doc)
    assert view.sent_starts == (0, 6, 11)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            sent = doc[start:end].sent
            assert view.sent_bounds(start) == (sent.start, sent.end), (start, end)


def test_tokens_are_the_documents():
    doc = _doc([0, 6, 11])
    view = DocView.of(doc)
    assert [t.i for t in view.tokens] == list(range(len(doc)))
    assert view.tokens[7].text == "fell"


def test_doc_text_is_read_once_and_equals_the_text():
    doc = _doc([0])
    assert doc_text(doc) == doc.text
    doc.user_data["kmob_text"] = "kept"  # the second read comes from the cache, not from the tokens
    assert doc_text(doc) == "kept"


def test_sentences_carry_the_extent_and_text_of_each_sentence():
    doc = _doc([0, 6, 11])
    assert sentences(doc) == tuple((s.start, s.end, s.text) for s in doc.sents)
    assert sentences(doc)[1].text == "Falls fell by half ."


def test_the_pipeline_tokenizer_remembers_exactly_the_documents_text():
    from nlp.pipeline import shared_pipeline

    text = "References\nEllery J. Melatonin and sleep.  Care Journal. 2020.\n\nDr J. Smith said so."
    doc = shared_pipeline().make_doc(text)
    assert doc.user_data["kmob_text"] == doc.text == text
    assert [t.text for t in doc][2:5] == ["Ellery", "J", "."]  # the initial was split, the text kept


def test_span_text_is_the_spans_own_text():
    doc = _doc([0, 6, 11])
    for sent in doc.sents:
        assert span_text(sent) == sent.text
    assert span_text(doc[7:10]) == "fell by half"


def test_a_tab_or_no_break_space_between_words_reads_as_a_space_with_offsets_kept():
    from nlp.pipeline import shared_pipeline

    text = "refine\tantibiotic\tprescribing in\u00a0care homes\n\tIndented line\t\tkept"
    doc = shared_pipeline().make_doc(text)
    assert len(doc.text) == len(text)
    assert doc.text == "refine antibiotic prescribing in care homes\n\tIndented line\t\tkept"
    assert [t.text for t in doc][:4] == ["refine", "antibiotic", "prescribing", "in"]
    assert doc_text(doc) == doc.text  # the rules read the same text the tokens were made from


def test_a_boundary_inside_a_hyphenated_word_is_found_and_spans_grow_over_it():
    from spacy.tokens import Span

    from nlp.doc_view import splits_hyphenated_word, whole_words

    nlp = spacy.blank("en")
    doc = nlp("Same-day cancellations and follow-up calls - both fell.")
    words = [t.text for t in doc]
    assert words[:3] == ["Same", "-", "day"]
    cut = {i for i in range(len(doc) + 1) if splits_hyphenated_word(doc, i)}
    # "Same|-day", "Same-|day", "follow|-up", "follow-|up"; the spaced dash and the sentence edges cut nothing.
    assert cut == {1, 2, 6, 7}
    grown = whole_words(Span(doc, 2, 4, label="OUTCOME", kb_id="x"))
    assert (grown.text, grown.label_, grown.kb_id_) == ("Same-day cancellations", "OUTCOME", "x")
    assert whole_words(Span(doc, 5, 6, label="INTERVENTION")).text == "follow-up"
    whole = Span(doc, 5, 9, label="INTERVENTION")
    assert whole_words(whole) is whole
