"""`kmob keys create`: API keys for the GraphQL API."""

from __future__ import annotations

import argparse
import sys

from schema.context import ROLES


def _keys(args: argparse.Namespace) -> int:
    from graph.database import Database
    from server.auth import new_key

    db = Database(args.settings)
    try:
        key = new_key(db, args.role, args.name)
    finally:
        db.close()
    print(f"created {key.role} key {key.id}" + (f" ({key.name})" if key.name else ""), file=sys.stderr)
    print("store it now; only its hash is kept:", file=sys.stderr)
    print(key.secret)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `keys` command."""
    keys = subparsers.add_parser("keys", help="manage API keys")
    actions = keys.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a key and print it once")
    create.add_argument("--role", choices=ROLES, required=True)
    create.add_argument("--name", help="who or what the key is for")
    create.set_defaults(handler=_keys)
