"""Every setting kmob reads from the environment, in one place, with defaults that work locally."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PASSWORD = "kmob-local-dev"  # local demo only; docker-compose and real deployments set their own


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name}={raw!r} is not a boolean (use true/false)")


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r} is not an integer") from exc


@dataclass(frozen=True)
class Settings:
    """Resolved settings; build with `Settings.from_env()`."""

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = DEFAULT_PASSWORD
    neo4j_database: str = "neo4j"
    home: Path = field(default_factory=lambda: PROJECT_ROOT / "var")
    # The local server (`kmob neo4j start`); ignored when NEO4J_URI points elsewhere.
    neo4j_home: Path = field(default_factory=lambda: PROJECT_ROOT / "var" / "neo4j")
    neo4j_http_port: int = 0  # 0: no HTTP connector, Bolt only
    neo4j_heap_mb: int = 512
    neo4j_pagecache_mb: int = 256
    host: str = "127.0.0.1"
    port: int = 8000
    anonymous_reads: bool = True
    introspection: bool = True
    max_query_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    max_page_size: int = 100
    batch_size: int = 64

    @property
    def neo4j_bolt_port(self) -> int:
        """The Bolt port named in NEO4J_URI, which the local server listens on."""
        return urlparse(self.neo4j_uri).port or 7687

    @property
    def neo4j_host(self) -> str:
        return urlparse(self.neo4j_uri).hostname or "127.0.0.1"

    @classmethod
    def from_env(cls) -> Settings:
        """Read NEO4J_* and KMOB_* from the environment."""
        env = os.environ.get
        home = Path(env("KMOB_HOME") or PROJECT_ROOT / "var").resolve()
        return cls(
            neo4j_uri=env("NEO4J_URI") or cls.neo4j_uri,
            neo4j_user=env("NEO4J_USER") or cls.neo4j_user,
            neo4j_password=env("NEO4J_PASSWORD") or cls.neo4j_password,
            neo4j_database=env("NEO4J_DATABASE") or cls.neo4j_database,
            home=home,
            neo4j_home=Path(env("KMOB_NEO4J_HOME") or home / "neo4j").resolve(),
            neo4j_http_port=_env_int("KMOB_NEO4J_HTTP_PORT", cls.neo4j_http_port),
            neo4j_heap_mb=_env_int("KMOB_NEO4J_HEAP_MB", cls.neo4j_heap_mb),
            neo4j_pagecache_mb=_env_int("KMOB_NEO4J_PAGECACHE_MB", cls.neo4j_pagecache_mb),
            host=env("KMOB_HOST") or cls.host,
            port=_env_int("KMOB_PORT", cls.port),
            anonymous_reads=_env_bool("KMOB_ANONYMOUS_READS", cls.anonymous_reads),
            introspection=_env_bool("KMOB_INTROSPECTION", cls.introspection),
            max_query_depth=_env_int("KMOB_MAX_QUERY_DEPTH", cls.max_query_depth),
            max_aliases=_env_int("KMOB_MAX_ALIASES", cls.max_aliases),
            max_tokens=_env_int("KMOB_MAX_TOKENS", cls.max_tokens),
            max_page_size=_env_int("KMOB_MAX_PAGE_SIZE", cls.max_page_size),
            batch_size=_env_int("KMOB_BATCH_SIZE", cls.batch_size),
        )
