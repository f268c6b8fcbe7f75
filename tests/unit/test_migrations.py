from pathlib import Path

import pytest

from graph.migrate import load_migrations, split_statements


def test_split_statements_drops_comments_and_keeps_multiline_statements() -> None:
    text = "// a comment\nCREATE INDEX a IF NOT EXISTS\nFOR (n:X) ON (n.y);\n\nRETURN 1;\n"
    assert split_statements(text) == ("CREATE INDEX a IF NOT EXISTS\nFOR (n:X) ON (n.y)", "RETURN 1")


def test_shipped_migrations_are_ordered_and_idempotent_by_construction() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == sorted(m.version for m in migrations)
    statements = [s for m in migrations for s in m.statements]
    assert statements, "no migration statements found"
    for statement in statements:
        assert "IF NOT EXISTS" in statement, statement


def test_every_node_label_has_a_unique_id_constraint() -> None:
    text = " ".join(s for m in load_migrations() for s in m.statements)
    for label in ["Person", "Organisation", "Project", "Lesson", "Evidence", "Concept", "Source"]:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text


def test_misnamed_migration_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "constraints.cypher").write_text("RETURN 1;")
    with pytest.raises(ValueError, match="constraints.cypher"):
        load_migrations(tmp_path)
