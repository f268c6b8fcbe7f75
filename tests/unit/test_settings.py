from pathlib import Path

import pytest

from graph.settings import Settings


def test_defaults_work_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["NEO4J_URI", "NEO4J_PASSWORD", "KMOB_HOME", "KMOB_NEO4J_HOME", "KMOB_PORT"]:
        monkeypatch.delenv(name, raising=False)
    settings = Settings.from_env()
    assert settings.neo4j_uri == "bolt://127.0.0.1:7687"
    assert settings.neo4j_bolt_port == 7687
    assert settings.neo4j_database == "neo4j"
    assert settings.neo4j_home == settings.home / "neo4j"


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KMOB_NEO4J_HOME", raising=False)
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.databases.neo4j.io:7690")
    monkeypatch.setenv("NEO4J_DATABASE", "kmob")
    monkeypatch.setenv("KMOB_HOME", str(tmp_path))
    monkeypatch.setenv("KMOB_ANONYMOUS_READS", "off")
    monkeypatch.setenv("KMOB_MAX_PAGE_SIZE", "25")
    settings = Settings.from_env()
    assert settings.neo4j_bolt_port == 7690
    assert settings.neo4j_host == "example.databases.neo4j.io"
    assert settings.neo4j_database == "kmob"
    assert settings.neo4j_home == tmp_path / "neo4j"
    assert settings.anonymous_reads is False
    assert settings.max_page_size == 25


@pytest.mark.parametrize(("name", "value"), [("KMOB_ANONYMOUS_READS", "maybe"), ("KMOB_PORT", "eighty")])
def test_bad_values_name_the_variable(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        Settings.from_env()
