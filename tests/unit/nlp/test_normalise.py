"""Normaliser and light concept lookup."""

from nlp.concepts import resolve_topic
from nlp.normalise import slugify, term_key


def test_uk_us_plural_and_hyphen_variants_share_a_key():
    assert term_key("Randomised coffee trials") == term_key("randomized coffee trial")
    assert term_key("Communities of Practice") == term_key("community of practice")
    assert term_key("Anaemia") == term_key("anemia")
    assert term_key("Plan-Do-Study-Act") == term_key("plan do study act")
    assert term_key("diabetes") == "diabetes"  # not a plural


def test_resolve_topic_maps_variants_to_one_id():
    ids = {m.concept_id for t in ("Plan-Do-Study-Act", "PDSA cycles", "plan do study act") for m in resolve_topic(t)}
    assert ids == {"qi_method:pdsa"}
    labels = {m.label for m in resolve_topic("knowledge cafés on sepsis")}
    assert labels == {"KM_TECHNIQUE", "CONDITION"}
    assert resolve_topic("nothing to see") == []


def test_slugify():
    assert slugify("King's Fund & Co") == "kings-fund-and-co"
