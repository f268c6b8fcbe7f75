"""Builds (once) and runs the local Neo4j server as a background JVM, tracked by a pid file."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.settings import Settings

BUILD_DIR = Path(__file__).resolve().parent
POM = BUILD_DIR / "pom.xml"
TARGET = BUILD_DIR / "target"
READY_MARKER = "NEO4J READY"


class Neo4jLaunchError(RuntimeError):
    """The local server could not be built, started or stopped; the message says why and where to look."""


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    home: Path
    log_file: Path


def _pid_file(settings: Settings) -> Path:
    return settings.neo4j_home / "run" / "neo4j.pid"


def log_file(settings: Settings) -> Path:
    """Where the JVM's output goes; Neo4j's own debug log is under <home>/logs/debug.log."""
    return settings.neo4j_home / "logs" / "kmob-neo4j.log"


def _neo4j_version() -> str:
    text = POM.read_text()
    return text.split("<neo4j.version>", 1)[1].split("</neo4j.version>", 1)[0]


def is_built() -> bool:
    """True when `mvn package` has compiled the current launcher and copied the pinned Neo4j's jars."""
    compiled = TARGET / "classes" / "kmob" / "Neo4jMain.class"
    source = BUILD_DIR / "src" / "main" / "java" / "kmob" / "Neo4jMain.java"
    return (
        compiled.exists()
        and compiled.stat().st_mtime >= max(source.stat().st_mtime, POM.stat().st_mtime)
        and (TARGET / "lib" / f"neo4j-{_neo4j_version()}.jar").exists()
    )


def build(quiet: bool = True) -> None:
    """Run `mvn package` once: downloads Neo4j's jars from Maven Central and compiles the launcher."""
    if is_built():
        return
    cmd = ["mvn", "-B", "-f", str(POM), "package", "-DskipTests"]
    if quiet:
        cmd.insert(1, "-q")
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
        raise Neo4jLaunchError(f"building the local Neo4j with Maven failed:\n{tail}")


def _read_pid(settings: Settings) -> int | None:
    try:
        pid = int(_pid_file(settings).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


def bolt_answers(host: str, port: int, timeout: float = 0.5) -> bool:
    """True when something accepts TCP connections on the Bolt port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def status(settings: Settings) -> ServerStatus:
    """Whether the local server is running, its pid, URI and data directory."""
    pid = _read_pid(settings)
    return ServerStatus(
        running=pid is not None,
        pid=pid,
        bolt_uri=f"bolt://{settings.neo4j_host}:{settings.neo4j_bolt_port}",
        home=settings.neo4j_home,
        log_file=log_file(settings),
    )


def start(settings: Settings, timeout: float = 180.0) -> ServerStatus:
    """Start the server in the background and wait until it has set the password and Bolt answers."""
    current = status(settings)
    if current.running:
        return current
    if bolt_answers(settings.neo4j_host, settings.neo4j_bolt_port):
        raise Neo4jLaunchError(
            f"port {settings.neo4j_bolt_port} is already in use by another process; "
            "stop it or point NEO4J_URI at another port"
        )
    build()
    home = settings.neo4j_home
    (home / "run").mkdir(parents=True, exist_ok=True)
    (home / "logs").mkdir(parents=True, exist_ok=True)
    log_path = log_file(settings)
    classpath = f"{TARGET / 'classes'}{os.pathsep}{TARGET / 'lib'}/*"
    cmd = [
        "java",
        f"-Xms{min(256, settings.neo4j_heap_mb)}m",
        f"-Xmx{settings.neo4j_heap_mb}m",
        "-XX:+UseG1GC",
        # Neo4j's vector index needs reflective access to java.nio; without it population stalls.
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "-Dfile.encoding=UTF-8",
        "-cp",
        classpath,
        "kmob.Neo4jMain",
        str(home),
        str(settings.neo4j_bolt_port),
        str(settings.neo4j_http_port),
        str(settings.neo4j_pagecache_mb),
        settings.neo4j_host,
    ]
    env = {**os.environ, "NEO4J_PASSWORD": settings.neo4j_password}
    with open(log_path, "ab") as log:
        log.write(f"\n--- start {time.strftime('%Y-%m-%d %H:%M:%S')} ---\n".encode())
        log.flush()
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True
        )
    _pid_file(settings).write_text(str(proc.pid))
    offset = log_path.stat().st_size
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _pid_file(settings).unlink(missing_ok=True)
            raise Neo4jLaunchError(f"Neo4j exited with code {proc.returncode}; see {log_path}")
        with open(log_path, "rb") as log:
            log.seek(max(0, offset - 4096))
            ready = READY_MARKER.encode() in log.read()
        if ready and bolt_answers(settings.neo4j_host, settings.neo4j_bolt_port):
            return status(settings)
        time.sleep(0.5)
    stop(settings)
    raise Neo4jLaunchError(f"Neo4j did not become ready within {timeout:.0f}s; see {log_path}")


def stop(settings: Settings, timeout: float = 60.0) -> bool:
    """Stop the server cleanly (SIGTERM runs Neo4j's shutdown); False when it was not running."""
    pid = _read_pid(settings)
    if pid is None:
        _pid_file(settings).unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _read_pid(settings) is None or _is_zombie(pid):
            break
        time.sleep(0.3)
    else:
        os.kill(pid, signal.SIGKILL)
    _reap(pid)
    _pid_file(settings).unlink(missing_ok=True)
    return True


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except (FileNotFoundError, IndexError):
        return False


def _reap(pid: int) -> None:
    # When the server was started by this same process (tests), collect the child so it leaves no zombie.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def rss_mb(pid: int) -> float:
    """Resident memory of the server process in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
