"""Initials a document defines for its concepts (nlp.components.short_forms.abbreviates)."""

import pytest

from nlp.components.short_forms import abbreviates


@pytest.mark.parametrize(
    ("short", "phrase"),
    [
        ("SLE", "systemic lupus erythematosus"),
        ("PONV", "post-operative nausea and vomiting"),  # hyphenated words and a skipped "and"
        ("NEWS2", "National Early Warning Score"),  # the digit is not an initial
        ("CGA", "comprehensive geriatric assessment"),
    ],
)
def test_initials_of_the_phrase_abbreviate_it(short, phrase):
    assert abbreviates(short, phrase)


@pytest.mark.parametrize(
    ("short", "phrase"),
    [
        ("NHS", "hidradenitis suppurativa"),  # must start with the first word's initial
        ("SLE", "systemic lupus"),  # a letter with no word left for it
        ("ECG", "cardiac monitoring"),
        ("", "falls"),
    ],
)
def test_other_letters_do_not(short, phrase):
    assert not abbreviates(short, phrase)
