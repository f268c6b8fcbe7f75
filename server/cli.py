"""The `kmob` command: manage the local Neo4j, migrate, serve, and the commands each layer registers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from graph.settings import Settings


def _neo4j(args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    from graph.neo4j_local import launcher

    if args.action == "start":
        print(f"starting Neo4j (data in {settings.neo4j_home}) ...", file=sys.stderr, flush=True)
        state = launcher.start(settings)
        print(f"Neo4j running at {state.bolt_uri} (pid {state.pid}); log: {state.log_file}")
    elif args.action == "stop":
        stopped = launcher.stop(settings)
        print("Neo4j stopped" if stopped else "Neo4j was not running")
    else:
        state = launcher.status(settings)
        if state.running:
            print(f"running: {state.bolt_uri} pid {state.pid}, data in {state.home}, log {state.log_file}")
        else:
            print(f"not running; data in {state.home}, log {state.log_file}")
            return 3
    return 0


def _migrate(args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    from graph.database import Database
    from graph.migrate import migrate

    db = Database(settings)
    try:
        applied = migrate(db)
    finally:
        db.close()
    if applied:
        for migration in applied:
            print(f"applied {migration.version:04d}_{migration.name}")
    else:
        print("schema up to date")
    return 0


def _serve(args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    import uvicorn

    from server.app import create_app

    host = args.host or settings.host
    port = args.port or settings.port
    print(f"kmob serving http://{host}:{port}/graphql (explorer), /explore, /dashboard, /health", flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=args.log_level)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every layer's subcommands registered."""
    parser = argparse.ArgumentParser(prog="kmob", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    neo = sub.add_parser("neo4j", help="start, stop or check the local Neo4j server")
    neo.add_argument("action", choices=["start", "stop", "status"])
    neo.set_defaults(handler=_neo4j)

    mig = sub.add_parser("migrate", help="apply pending schema migrations (idempotent)")
    mig.set_defaults(handler=_migrate)

    srv = sub.add_parser("serve", help="serve the GraphQL API and pages")
    srv.add_argument("--host")
    srv.add_argument("--port", type=int)
    srv.add_argument("--log-level", default="info")
    srv.set_defaults(handler=_serve)

    for register in _registrars():
        register(sub)
    return parser


def _registrars() -> list[Callable[[argparse._SubParsersAction], None]]:
    # Each layer owns its commands; imported here so `kmob --help` lists them all.
    from nlp.commands import register as register_nlp
    from nlp.training.commands import register as register_training
    from server.assets import register as register_assets
    from server.commands import register as register_keys
    from server.ingest.commands import register as register_ingest

    return [register_assets, register_nlp, register_training, register_ingest, register_keys]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `kmob` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"kmob: bad setting: {exc}", file=sys.stderr)
        return 2
    # Every handler takes the parsed args; settings ride along so they are read from the environment once.
    args.settings = settings
    try:
        return int(args.handler(args) or 0)
    except Exception as exc:  # noqa: BLE001 - one clear line for users instead of a traceback
        from graph.database import DatabaseUnavailable
        from graph.neo4j_local.launcher import Neo4jLaunchError

        if isinstance(exc, DatabaseUnavailable | Neo4jLaunchError):
            print(f"kmob: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
