"""Applies the versioned `.cypher` files in graph/migrations once each, recording them as (:Migration) nodes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from graph.database import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.cypher$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    checksum: str


def split_statements(text: str) -> tuple[str, ...]:
    """Split a migration file on `;` at line ends, dropping `//` comment lines."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    body = "\n".join(lines)
    return tuple(part.strip() for part in re.split(r";\s*(?:\n|$)", body) if part.strip())


def load_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """All migration files in version order; a misnamed file is an error, not silently skipped."""
    migrations = []
    for path in sorted(directory.glob("*.cypher")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file {path.name} must be named NNNN_name.cypher")
        text = path.read_text(encoding="utf-8")
        migrations.append(
            Migration(
                version=int(match.group(1)),
                name=match.group(2),
                statements=split_statements(text),
                checksum=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise ValueError("two migration files share a version number")
    return migrations


def applied_versions(db: Database) -> set[int]:
    """Versions recorded in the graph as applied."""
    return {r["version"] for r in db.read("MATCH (m:Migration) RETURN m.version AS version")}


def migrate(db: Database, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Apply pending migrations in order and return those applied now (empty when up to date)."""
    done = applied_versions(db)
    applied = []
    for migration in load_migrations(directory):
        if migration.version in done:
            continue
        # Schema statements cannot share a transaction with data writes, so each runs on its own;
        # all use IF NOT EXISTS, so a migration interrupted half-way is safe to run again.
        for statement in migration.statements:
            db.write(statement)  # type: ignore[arg-type]  # trusted file shipped with the code
        db.write(
            "MERGE (m:Migration {version: $version}) "
            "SET m.name = $name, m.checksum = $checksum, m.applied_at = datetime()",
            {"version": migration.version, "name": migration.name, "checksum": migration.checksum},
        )
        applied.append(migration)
    return applied
