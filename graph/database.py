"""One driver per process; reads run as read transactions, writes as write transactions, database always named."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, LiteralString, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, Record, Session
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from graph.settings import Settings

T = TypeVar("T")


class DatabaseUnavailable(RuntimeError):
    """Neo4j cannot be reached or refused the credentials; the message names the URI."""


class Database:
    """A thin, typed wrapper over the official driver that counts round trips (for the no-N+1 tests)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._driver: Driver | None = None
        self._lock = threading.Lock()
        self.round_trips = 0

    @property
    def driver(self) -> Driver:
        with self._lock:
            if self._driver is None:
                self._driver = GraphDatabase.driver(
                    self.settings.neo4j_uri,
                    auth=(self.settings.neo4j_user, self.settings.neo4j_password),
                    connection_acquisition_timeout=10.0,
                    connection_timeout=5.0,
                    max_transaction_retry_time=5.0,
                    # Schema hints ("label does not exist" on an empty graph) are noise for users.
                    notifications_min_severity="OFF",
                )
            return self._driver

    def close(self) -> None:
        with self._lock:
            if self._driver is not None:
                self._driver.close()
                self._driver = None

    def ping(self) -> None:
        """Raise DatabaseUnavailable unless Neo4j answers a query with these credentials."""
        self.read("RETURN 1 AS ok")

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """A session on the named database; driver failures become DatabaseUnavailable naming the URI."""
        self.round_trips += 1
        try:
            with self.driver.session(database=self.settings.neo4j_database) as session:
                yield session
        except AuthError as exc:
            raise DatabaseUnavailable(
                f"Neo4j at {self.settings.neo4j_uri} refused the credentials for user "
                f"{self.settings.neo4j_user!r}: check NEO4J_USER / NEO4J_PASSWORD"
            ) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise DatabaseUnavailable(
                f"Neo4j is not reachable at {self.settings.neo4j_uri} ({exc.__class__.__name__}); "
                "start it with `kmob neo4j start` or set NEO4J_URI"
            ) from exc

    def _run(self, mode: str, work: Callable[[ManagedTransaction], T]) -> T:
        with self._session() as session:
            if mode == "read":
                return session.execute_read(work)
            return session.execute_write(work)

    def read(self, query: LiteralString, params: Mapping[str, Any] | None = None) -> list[Record]:
        """Run one parameterised query in a read transaction and return all records."""
        return self._run("read", lambda tx: list(tx.run(query, dict(params or {}))))

    def write(self, query: LiteralString, params: Mapping[str, Any] | None = None) -> list[Record]:
        """Run one parameterised query in a write transaction and return all records."""
        return self._run("write", lambda tx: list(tx.run(query, dict(params or {}))))

    def run_autocommit(self, query: LiteralString, params: Mapping[str, Any] | None = None) -> None:
        """Run one statement in an auto-commit transaction: the only kind `CALL {...} IN TRANSACTIONS` accepts."""
        with self._session() as session:
            session.run(query, dict(params or {})).consume()

    def read_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run several statements in one read transaction (one round trip in the count)."""
        return self._run("read", work)

    def write_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run several statements in one write transaction, committed together or not at all."""
        return self._run("write", work)
