"""Mapping extractions to graph rows: pure logic, no database."""

from __future__ import annotations

from graph.write import REL_SHAPES, Curation
from nlp.embedding import DIMENSIONS, embed
from nlp.records import Document, Entity, Extraction, PersonRef
from server.ingest.mapping import Mapper, org_type, person_id, person_name, title_key

NO_CURATION = Curation(redirects={}, rejected=frozenset())


def _project(**extra) -> Document:
    fields = {
        "source": "corpus/a.jsonl#L1",
        "kind": "project",
        "title": "Sepsis screening in ED",
        "text": "Dr Amina Patel led a PDSA cycle on sepsis screening.",
        "id": "proj-1",
        "organisation": "Northmoor Teaching Hospitals NHS FT",
        "people": (PersonRef("Dr Amina Patel", "lead", "Northmoor Teaching Hospitals NHS FT"),),
        "cites": ("ev-7", "NICE guideline on sepsis"),
        "content_hash": "abc",
    }
    fields.update(extra)
    return Document(**fields)


def _extraction(doc: Document, entities=()) -> Extraction:
    return Extraction(
        document=doc, entities=tuple(entities), relations=(), outcome="improved", extractor_version="test"
    )


def test_person_names_lose_honorifics_and_share_an_id() -> None:
    assert person_name("Dr Amina Patel") == "Amina Patel"
    assert person_name("Prof. Sam O'Neill") == "Sam O'Neill"
    assert person_id("Dr Amina Patel") == person_id("Amina Patel") == "person:amina-patel"


def test_organisation_types_follow_nhs_naming() -> None:
    assert org_type("NHS Greyhaven and Tarn Integrated Care Board") == "icb"
    assert org_type("Northmoor Teaching Hospitals NHS Foundation Trust") == "trust"
    assert org_type("University of Eastmere") == "university"
    assert org_type("The Lantern Trust for Later Life") == "charity"


def test_structured_fields_become_links() -> None:
    batch = Mapper(NO_CURATION).map(_extraction(_project()))
    rels = {(r.type, r.start_id, r.end_id or r.end_title_key) for r in batch.relationships}
    assert ("CONTRIBUTED_TO", "person:amina-patel", "proj-1") in rels
    assert ("CITES", "proj-1", "ev-7") in rels
    assert ("CITES", "proj-1", title_key("NICE guideline on sepsis")) in rels
    org_ids = {o.id for o in batch.organisations}
    assert org_ids == {"org:northmoor-teaching-hospitals-nhs-foundation-trust"}  # "NHS FT" spelt out
    assert batch.documents[0].props["outcome"] == "improved"
    assert len(batch.documents[0].props["embedding"]) == DIMENSIONS
    for rel in batch.relationships:
        assert (rel.type, rel.start_label, rel.end_label) in REL_SHAPES or rel.end_label in ("Project", "Evidence")


def test_curation_redirects_and_rejections_apply() -> None:
    doc = _project()
    entities = [
        Entity("PDSA", "QI_METHOD", 25, 29, "qi_method:pdsa", "PDSA", 0.95, "s"),
        Entity("sepsis", "CONDITION", 39, 45, "condition:sepsis", "sepsis", 0.95, "s"),
    ]
    curation = Curation(
        redirects={"qi_method:pdsa": "qi_method:model-for-improvement"}, rejected=frozenset({"proj-1|condition:sepsis"})
    )
    batch = Mapper(curation).map(_extraction(doc, entities))
    mentioned = {r.end_id for r in batch.relationships if r.type == "MENTIONS"}
    assert "qi_method:model-for-improvement" in mentioned
    assert "qi_method:pdsa" not in mentioned
    assert "condition:sepsis" not in mentioned


def test_profile_describes_the_person_not_a_document() -> None:
    profile = Document(
        source="p.md",
        kind="profile",
        title="Ines Yeboah",
        text="I lead falls work.",
        id="prof-1",
        people=(
            PersonRef("Ines Yeboah", "falls lead", "Calder Vale Community Healthcare NHS Trust", visibility="hidden"),
        ),
        content_hash="x",
    )
    batch = Mapper(NO_CURATION).map(_extraction(profile))
    assert batch.documents == []
    assert batch.people[0].visibility == "hidden" and batch.people[0].role == "falls lead"
    assert any(r.type == "WORKS_AT" and r.start_id == "person:ines-yeboah" for r in batch.relationships)


def test_embedding_is_unit_length_and_lexically_similar() -> None:
    a, b, c = embed("falls prevention on wards"), embed("preventing falls in wards"), embed("sepsis antibiotics")
    assert abs(sum(x * x for x in a) - 1.0) < 1e-3
    cos = lambda x, y: sum(i * j for i, j in zip(x, y, strict=True))  # noqa: E731
    assert cos(a, b) > cos(a, c)
    assert embed("") == [0.0] * DIMENSIONS


def test_a_listed_person_misread_as_an_organisation_stays_a_person() -> None:
    doc = _project(
        text="Lakshmi Yardley ran the sessions.", people=(PersonRef("Lakshmi Yardley", "member", visibility="hidden"),)
    )
    misread = Entity("Lakshmi Yardley", "ORG", 0, 15, "org:lakshmi-yardley", "Lakshmi Yardley", 0.85, "s")
    batch = Mapper(NO_CURATION).map(_extraction(doc, [misread]))
    assert "org:lakshmi-yardley" not in {o.id for o in batch.organisations}
    assert all(r.end_id != "org:lakshmi-yardley" for r in batch.relationships)
    assert any(r.type == "MENTIONS" and r.end_id == "person:lakshmi-yardley" for r in batch.relationships)


def test_rows_for_one_node_combine_as_separate_batches_would() -> None:
    from graph.batch import PersonRow
    from graph.write import _unique

    rows = [
        PersonRow("person:a", "Amina Patel", ("Dr Amina Patel",), role="nurse"),
        PersonRow("person:a", "A Patel", ("Patel",), role=None, summary="Profile text"),
        PersonRow("person:a", "Amina P", (), role="consultant nurse"),
    ]
    [merged] = _unique(rows)
    assert merged.name == "Amina Patel"  # names are set on create only: the first wins
    assert merged.role == "consultant nurse" and merged.summary == "Profile text"  # later stated values win
    assert merged.aliases == ("Dr Amina Patel", "Patel")


def test_a_mention_from_tags_says_where_it_came_from() -> None:
    evidence = _project(kind="evidence", id="ev-1", tags=("delirium",), people=(), cites=(), organisation=None)
    batch = Mapper(NO_CURATION).map(_extraction(evidence))
    [mention] = [r for r in batch.relationships if r.type == "MENTIONS" and r.start_id == "ev-1"]
    assert mention.props == {"score": 1.0, "basis": "tag", "snippet": "tag: delirium"}
    # A project's tags are what it addresses: no snippet there, the relation says how it was found.
    project = Mapper(NO_CURATION).map(_extraction(_project(tags=("delirium",))))
    [addresses] = [r for r in project.relationships if r.type == "ADDRESSES"]
    assert addresses.props == {"score": 1.0, "basis": "tag"}
