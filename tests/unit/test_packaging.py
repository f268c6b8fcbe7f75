"""kmob's top-level packages have generic names; make sure no installed dependency ships one of them too."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("graph", "schema", "nlp", "server")


def test_our_packages_import_from_this_project() -> None:
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, name
        assert Path(spec.origin).resolve().is_relative_to(ROOT), f"{name} resolves to {spec.origin}"


def test_no_other_distribution_provides_the_same_top_level_names() -> None:
    providers = importlib.metadata.packages_distributions()
    for name in PACKAGES:
        others = [dist for dist in providers.get(name, []) if dist.lower() != "kmob"]
        assert others == [], f"{name} is also installed by {others}"


def test_console_script_points_at_the_cli() -> None:
    scripts = importlib.metadata.distribution("kmob").entry_points.select(group="console_scripts")
    assert {ep.name: ep.value for ep in scripts}["kmob"] == "server.cli:main"
