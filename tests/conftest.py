"""Shared fixtures: settings from the environment (make test points them at the test Neo4j)."""

from __future__ import annotations

import pytest

from graph.settings import Settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()
