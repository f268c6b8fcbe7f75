"""Global ids, cursors and page windows."""

from __future__ import annotations

import pytest

from graph.settings import Settings
from schema.errors import UserError
from schema.relay import from_cursor, from_global_id, page_info, page_window, raw_id, to_cursor, to_global_id


def test_global_ids_round_trip_ids_with_colons():
    gid = to_global_id("Concept", "qi_method:pdsa")
    assert from_global_id(gid) == ("Concept", "qi_method:pdsa")
    assert raw_id(gid, ("Concept",)) == "qi_method:pdsa"


def test_raw_ids_pass_through_and_wrong_types_are_refused():
    assert raw_id("person:amina-patel", ("Person",)) == "person:amina-patel"
    with pytest.raises(UserError, match="is a Project, expected Person"):
        raw_id(to_global_id("Project", "proj-1"), ("Person",))
    with pytest.raises(UserError, match="not a valid id"):
        from_global_id("%%%")


def test_cursors_and_page_windows():
    assert from_cursor(to_cursor(41)) == 41
    assert page_window(5, to_cursor(9), Settings()) == (10, 5)
    assert page_window(None, None, Settings()) == (0, 10)
    with pytest.raises(UserError, match="between 0 and 100"):
        page_window(101, None, Settings())
    with pytest.raises(UserError, match="cursor"):
        page_window(5, to_global_id("Person", "x"), Settings())


def test_page_info_edges():
    info = page_info(skip=10, count=5, total=20)
    assert info.has_next_page and info.has_previous_page and from_cursor(info.end_cursor) == 14
    empty = page_info(skip=0, count=0, total=0)
    assert not empty.has_next_page and empty.start_cursor is None
