"""docker-compose.yml cannot run here (no Docker engine), so check it as text against the app's settings."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_neo4j_uses_the_official_5_community_image_with_auth_and_volumes() -> None:
    neo4j = _compose()["services"]["neo4j"]
    image, tag = neo4j["image"].split(":")
    assert image == "neo4j"
    assert tag.startswith("5.") and "community" in tag
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/")
    assert any(v.endswith(":/data") for v in neo4j["volumes"])
    assert "healthcheck" in neo4j


def test_app_settings_match_what_the_code_reads() -> None:
    app = _compose()["services"]["kmob"]
    env = app["environment"]
    assert env["NEO4J_URI"].startswith("bolt://neo4j:")
    assert env["NEO4J_URI"].rsplit(":", 1)[1] == "7687"
    known = {f"NEO4J_{n}" for n in ("URI", "USER", "PASSWORD", "DATABASE")}
    settings_source = (ROOT / "graph" / "settings.py").read_text()
    for name in env:
        assert name in known or f'"{name}"' in settings_source, f"{name} is not read by graph/settings.py"
    assert env["KMOB_ANONYMOUS_READS"] == "false"
    assert env["KMOB_INTROSPECTION"] == "false"
    port = int(env["KMOB_PORT"])
    assert any(p.endswith(f":{port}") for p in app["ports"])
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_dockerfile_builds_the_packages_the_compose_file_runs() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("graph", "schema", "nlp", "server"):
        assert f"COPY {package} {package}" in dockerfile
    assert dockerfile.startswith("#") and "FROM python:3.11" in dockerfile
    assert Settings().port == 8000


def test_the_compose_environment_turns_introspection_and_anonymous_reads_off(monkeypatch) -> None:
    # The app's own settings and schema, built from the compose file's environment as `kmob serve` would.
    from schema.build import build_schema

    for name, value in _compose()["services"]["kmob"]["environment"].items():
        if name.startswith("KMOB_"):
            monkeypatch.setenv(name, str(value))
    settings = Settings.from_env()
    assert settings.anonymous_reads is False and settings.introspection is False
    result = build_schema(settings).execute_sync("{ __schema { queryType { name } } }")
    assert result.errors and "introspection has been disabled" in result.errors[0].message.lower()
    monkeypatch.setenv("KMOB_INTROSPECTION", "true")
    assert build_schema(Settings.from_env()).execute_sync("{ __schema { queryType { name } } }").errors is None


def test_healthchecks_use_only_variables_their_container_has() -> None:
    import re

    for name, service in _compose()["services"].items():
        test = " ".join(service["healthcheck"]["test"])
        for variable in re.findall(r"\$\$\{?(\w+)", test):
            assert variable in service["environment"], f"{name} healthcheck reads ${variable}, which is not set"


def test_dockerfile_installs_editable_so_paths_resolve_under_app() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --no-cache-dir -e ." in dockerfile
    assert "kmob assets build" in dockerfile
