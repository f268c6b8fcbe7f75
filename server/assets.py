"""`kmob assets build`: install the pinned browser packages with npm and vendor their dist files.

The packages and their exact versions live in `server/assets/package.json` and its lockfile. The build runs
`npm ci` in a scratch directory and copies only the files the pages load into `server/static/vendor/`, laid out
as `<package>@<version>/<path>` (the layout of strawberry's GraphiQL page, so its SRI hashes stay valid). The
pages then load nothing from outside the machine. A stamp records the lockfile hash and every file's sha256: a
second build with nothing changed does no npm work at all.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SERVER_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = SERVER_DIR / "assets"
VENDOR_DIR = SERVER_DIR / "static" / "vendor"
STAMP_NAME = ".build-stamp.json"
_NPM_PROJECT_FILES = ("package.json", "package-lock.json", ".npmrc")

# The dist files each package contributes, relative to the package's folder in node_modules.
VENDOR_FILES: dict[str, tuple[str, ...]] = {
    "react": ("umd/react.production.min.js",),
    "react-dom": ("umd/react-dom.production.min.js",),
    "js-cookie": ("dist/js.cookie.min.js",),
    "graphiql": ("graphiql.min.css", "graphiql.min.js"),
    "@graphiql/plugin-explorer": ("dist/style.css", "dist/index.umd.js"),
    "cytoscape": ("dist/cytoscape.min.js",),
    "chart.js": ("dist/chart.umd.min.js",),
}


class AssetBuildError(RuntimeError):
    """The assets could not be built; the message says what to do."""


@dataclass(frozen=True)
class BuildResult:
    """What a build did: whether npm ran, and the vendored files with their sizes in bytes."""

    built: bool
    files: dict[str, int]

    @property
    def total_bytes(self) -> int:
        """Bytes of all vendored files together."""
        return sum(self.files.values())


def pinned_versions(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """The exact version package.json pins for each vendored package."""
    deps = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))["dependencies"]
    missing = sorted(set(VENDOR_FILES) - set(deps))
    if missing:
        raise AssetBuildError(f"{package_dir / 'package.json'} does not pin {', '.join(missing)}")
    return {name: deps[name] for name in VENDOR_FILES}


def vendor_paths(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """Every vendored file as served under /static/vendor/, e.g. `cytoscape@3.35.0/dist/cytoscape.min.js`."""
    versions = pinned_versions(package_dir)
    return [f"{name}@{versions[name]}/{path}" for name, paths in VENDOR_FILES.items() for path in paths]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _lock_hash(package_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in _NPM_PROJECT_FILES:
        digest.update(name.encode())
        digest.update((package_dir / name).read_bytes())
    return digest.hexdigest()


def is_built(vendor_dir: Path = VENDOR_DIR, package_dir: Path = PACKAGE_DIR, verify: bool = True) -> bool:
    """True when the vendored files match the lockfile and are all present (and unchanged, with `verify`)."""
    stamp_file = vendor_dir / STAMP_NAME
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if stamp.get("lock") != _lock_hash(package_dir) or sorted(stamp.get("files", {})) != sorted(
        vendor_paths(package_dir)
    ):
        return False
    for rel, sha in stamp["files"].items():
        path = vendor_dir / rel
        if not path.is_file() or (verify and _sha256(path) != sha):
            return False
    return True


def _npm_ci(build_dir: Path, package_dir: Path, npm: str) -> None:
    npm_path = shutil.which(npm)
    if npm_path is None:
        raise AssetBuildError(f"`{npm}` not found: install Node.js 18+ with npm (Debian: apt-get install nodejs npm)")
    build_dir.mkdir(parents=True, exist_ok=True)
    for name in _NPM_PROJECT_FILES:
        shutil.copy2(package_dir / name, build_dir / name)
    cmd = [npm_path, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
    proc = subprocess.run(cmd, cwd=build_dir, capture_output=True, text=True, check=False)  # noqa: S603
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
        raise AssetBuildError(f"npm ci failed in {build_dir} (exit {proc.returncode}):\n" + "\n".join(tail))


def _copy_vendor_files(node_modules: Path, vendor_dir: Path, package_dir: Path) -> dict[str, str]:
    versions = pinned_versions(package_dir)
    staging = Path(tempfile.mkdtemp(prefix=".vendor-", dir=vendor_dir.parent))
    try:
        hashes: dict[str, str] = {}
        for name, paths in VENDOR_FILES.items():
            installed = json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))["version"]
            if installed != versions[name]:
                raise AssetBuildError(f"npm installed {name} {installed}, package.json pins {versions[name]}")
            for path in paths:
                source = node_modules / name / path
                if not source.is_file():
                    raise AssetBuildError(f"{name} {installed} has no {path}")
                rel = f"{name}@{installed}/{path}"
                target = staging / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                hashes[rel] = _sha256(target)
        stamp = {"lock": _lock_hash(package_dir), "files": hashes}
        (staging / STAMP_NAME).write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        # Swap the whole folder so a page never sees half a build.
        if vendor_dir.exists():
            old = vendor_dir.with_name(vendor_dir.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            vendor_dir.rename(old)
            shutil.rmtree(old, ignore_errors=True)
        staging.rename(vendor_dir)
        return hashes
    finally:
        shutil.rmtree(staging, ignore_errors=True)


_SRI = re.compile(r'(?:src|href)="https://unpkg\.com/([^"]+)"\s+integrity="sha384-([^"]+)"')


def sri_mismatches(vendor_dir: Path = VENDOR_DIR) -> list[str]:
    """Files strawberry's GraphiQL page pins by SRI hash whose vendored copy is missing or differs."""
    from strawberry.http.ides import get_graphql_ide_html

    problems = []
    for rel, expected in _SRI.findall(get_graphql_ide_html("graphiql")):
        path = vendor_dir / rel
        if not path.is_file():
            problems.append(f"{rel}: not vendored")
            continue
        actual = base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()
        if actual != expected:
            problems.append(f"{rel}: sha384 {actual} is not the page's {expected}")
    return problems


def build_assets(
    build_dir: Path,
    vendor_dir: Path = VENDOR_DIR,
    package_dir: Path = PACKAGE_DIR,
    npm: str = "npm",
    force: bool = False,
) -> BuildResult:
    """Vendor the pinned browser files unless an identical build is already in place."""
    built = False
    if force or not is_built(vendor_dir, package_dir):
        vendor_dir.parent.mkdir(parents=True, exist_ok=True)
        _npm_ci(build_dir, package_dir, npm)
        _copy_vendor_files(build_dir / "node_modules", vendor_dir, package_dir)
        built = True
    problems = sri_mismatches(vendor_dir)
    if problems:
        raise AssetBuildError("vendored GraphiQL files do not match strawberry's SRI hashes:\n" + "\n".join(problems))
    files = {rel: (vendor_dir / rel).stat().st_size for rel in vendor_paths(package_dir)}
    return BuildResult(built=built, files=files)


def _build(args: argparse.Namespace) -> int:
    build_dir = Path(args.build_dir) if args.build_dir else args.settings.home / "assets-build"
    try:
        result = build_assets(build_dir, force=args.force)
    except AssetBuildError as exc:
        print(f"kmob assets: {exc}", file=sys.stderr)
        return 1
    verb = "built" if result.built else "up to date:"
    print(f"assets {verb} {len(result.files)} files, {result.total_bytes / 1e6:.1f} MB in {VENDOR_DIR}")
    if args.verbose:
        for rel, size in result.files.items():
            print(f"  {size:>10,}  {rel}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `kmob assets build` to the CLI."""
    assets = subparsers.add_parser("assets", help="build the browser assets (GraphiQL, graph and chart libraries)")
    actions = assets.add_subparsers(dest="assets_action", required=True)
    build = actions.add_parser("build", help="npm ci the pinned packages and vendor their dist files (idempotent)")
    build.add_argument("--force", action="store_true", help="rebuild even when the vendored files are current")
    build.add_argument("--build-dir", help="where npm installs (default: $KMOB_HOME/assets-build)")
    build.add_argument("-v", "--verbose", action="store_true", help="list every vendored file and its size")
    build.set_defaults(handler=_build)
