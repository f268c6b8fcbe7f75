"""Where the nlp package's data lives, and how config paths are read."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def model_path(path: str | Path) -> Path:
    """A model path from the config: a relative one is relative to the nlp package, so any working directory
    works."""
    path = Path(path)
    return path if path.is_absolute() else PACKAGE_DIR / path
