"""Browser fixtures: a real `kmob serve` (uvicorn) on a free port over the test Neo4j with a slice of the sample
corpus ingested, and Debian's Chromium driven by Playwright, watching every request and console message."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from graph.database import Database
from graph.migrate import migrate
from graph.settings import PROJECT_ROOT, Settings
from server.assets import is_built, sri_mismatches
from server.ingest.run import ingest_paths

CHROMIUM = Path(os.environ.get("KMOB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SAMPLE = PROJECT_ROOT / "data" / "sample"
# The same slice the API tests ingest (so whichever runs second finds it in place): two trusts, a university and
# the evidence register. The GraphiQL examples name people and topics that are in it.
SLICE = (
    SAMPLE / "organisations" / "kestrel-bay-university-hospitals-nhs-foundation-trust.jsonl",
    SAMPLE / "organisations" / "calder-vale-community-healthcare-nhs-trust.jsonl",
    SAMPLE / "organisations" / "university-of-eastmere.jsonl",
    SAMPLE / "evidence",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def ingested(settings: Settings) -> Settings:
    """The test graph holding exactly the slice (emptied first, so the pages see known data)."""
    if settings.neo4j_password == "kmob-local-dev" and settings.neo4j_bolt_port == 7687:
        pytest.exit("browser tests wipe the graph: run them through `make test` (its own Neo4j)", returncode=2)
    db = Database(settings)
    try:
        db.ping()  # fail loudly, never skip, when Neo4j is not there
        migrate(db)
        db.write("MATCH (n) WHERE NOT n:Migration AND NOT n:ApiKey DETACH DELETE n")
        summary = ingest_paths(db, settings, [str(p) for p in SLICE])
        assert summary.ok, summary.errors
        assert summary.documents > 100
    finally:
        db.close()
    return settings


@pytest.fixture(scope="session")
def server(ingested: Settings) -> Iterator[str]:
    """Base URL of a real `kmob serve` process (uvicorn) over the ingested graph."""
    assert is_built(), "browser assets are not built: run `kmob assets build` (make setup does)"
    assert sri_mismatches() == []
    port = _free_port()
    env = dict(os.environ, KMOB_ANONYMOUS_READS="true")
    log = (ingested.home / "e2e-server.log").open("w") if ingested.home.is_dir() else subprocess.DEVNULL
    command = [sys.executable, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(  # noqa: S603 - our own CLI, fixed arguments
        [*command, "--log-level", "warning"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as response:  # noqa: S310 - loopback only
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"kmob serve did not come up on {base} (exit {proc.poll()})")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log is not subprocess.DEVNULL:
            log.close()


# Module scope: Playwright's sync API keeps an event loop running in this thread until it stops, and later
# test modules (the API tests) call asyncio.run(), which refuses to start inside a running loop.
@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, with background networking off (so any request seen is the page's)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run tests/e2e/ensure_chromium.sh (make test does)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did on the network and in its console."""

    origin: str
    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Everything that should not have happened, one line each."""
        return (
            [f"external request: {u}" for u in self.external]
            + [f"failed: {u}" for u in self.failed]
            + [f"console: {m}" for m in self.console_errors]
        )


@pytest.fixture
def page(browser, server: str):
    """A fresh browser context and page whose requests and console are recorded; asserts none went wrong."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
    tab = context.new_page()
    origin = urlsplit(server).netloc
    watch = Watch(origin=origin)

    def on_request(request) -> None:
        watch.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.netloc != origin:
            watch.external.append(request.url)

    def on_response(response) -> None:
        if response.status >= 400:
            watch.failed.append(f"{response.status} {response.url}")

    tab.on("request", on_request)
    tab.on("response", on_response)
    tab.on("requestfailed", lambda r: watch.failed.append(f"{r.url} ({r.failure})"))
    tab.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: watch.console_errors.append(f"uncaught: {e}"))
    tab.watch = watch
    yield tab
    context.close()
    assert watch.problems() == []


@pytest.fixture
def screenshot():
    """Save a page's screenshot under tests/e2e/screenshots/ (gitignored) and return its path."""

    def take(page, name: str, full_page: bool = False) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 10_000  # a blank page compresses to far less
        return path

    return take
