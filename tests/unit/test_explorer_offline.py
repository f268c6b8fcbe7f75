"""The browser side stays offline: pinned packages, vendored files, pages and GraphiQL that name no other host."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from strawberry.http.ides import get_graphql_ide_html

from graph.settings import Settings
from server.assets import (
    PACKAGE_DIR,
    VENDOR_DIR,
    VENDOR_FILES,
    AssetBuildError,
    _copy_vendor_files,
    is_built,
    pinned_versions,
    sri_mismatches,
    vendor_paths,
)
from server.explorer import PAGES_DIR, graphiql_html

URL = re.compile(r"https?://[^\s\"'`)<>]+")
STATIC_REF = re.compile(r"/static/[A-Za-z0-9@._/\-]+")


def _page_files() -> list[Path]:
    return sorted(p for p in PAGES_DIR.iterdir() if p.suffix in {".html", ".js", ".css"})


def test_package_json_pins_exact_versions_and_the_lockfile_agrees():
    package = json.loads((PACKAGE_DIR / "package.json").read_text())
    lock = json.loads((PACKAGE_DIR / "package-lock.json").read_text())
    for name, version in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned exactly: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name
        assert lock["packages"][""]["dependencies"][name] == version, name


def test_graphiql_versions_are_the_ones_strawberry_pins_by_sri():
    versions = pinned_versions()
    html = get_graphql_ide_html("graphiql")
    for name in ("react", "react-dom", "js-cookie", "graphiql", "@graphiql/plugin-explorer"):
        assert f"https://unpkg.com/{name}@{versions[name]}/" in html, name
    referenced = set(re.findall(r"https://unpkg\.com/([^\"]+)", html))
    assert referenced <= set(vendor_paths())


def test_rendered_graphiql_names_no_host_and_loads_only_vendored_files():
    html = graphiql_html()
    assert URL.findall(html) == []
    refs = set(STATIC_REF.findall(html))
    vendored = {f"/static/vendor/{p}" for p in vendor_paths()}
    pages = {f"/static/pages/{p.name}" for p in PAGES_DIR.iterdir()}
    assert refs - vendored - pages == set()
    assert "/static/pages/graphiql.js" in refs
    assert 'integrity="sha384-' in html  # strawberry's SRI hashes are kept, so the files must match them


@pytest.mark.parametrize("path", _page_files(), ids=lambda p: p.name)
def test_pages_name_no_external_host_and_reference_only_served_files(path: Path):
    text = path.read_text(encoding="utf-8")
    assert URL.findall(text) == [], f"{path.name} names an external URL"
    assert not re.search(r"\b(src|href)=\"//", text), f"{path.name} has a protocol-relative URL"
    vendored = {f"/static/vendor/{p}" for p in vendor_paths()}
    for ref in STATIC_REF.findall(text):
        if ref.startswith("/static/vendor/"):
            assert ref in vendored, f"{path.name} loads {ref}, which `kmob assets build` does not vendor"
        else:
            assert (PAGES_DIR.parent / ref.removeprefix("/static/")).is_file(), f"{path.name}: {ref} is missing"


def _fake_node_modules(root: Path, override: dict[str, str] | None = None) -> Path:
    """A node_modules tree holding the files the build copies, with the versions package.json pins."""
    versions = dict(pinned_versions(), **(override or {}))
    for name, paths in VENDOR_FILES.items():
        package = root / name
        package.mkdir(parents=True, exist_ok=True)
        (package / "package.json").write_text(json.dumps({"name": name, "version": versions[name]}))
        for rel in paths:
            (package / rel).parent.mkdir(parents=True, exist_ok=True)
            (package / rel).write_text(f"/* {name} {rel} */\n")
    return root


def test_vendoring_lays_files_out_by_version_and_detects_any_change(tmp_path: Path):
    vendor = tmp_path / "static" / "vendor"
    vendor.parent.mkdir()
    _copy_vendor_files(_fake_node_modules(tmp_path / "node_modules"), vendor, PACKAGE_DIR)
    assert sorted(str(p.relative_to(vendor)) for p in vendor.rglob("*") if p.is_file() and p.suffix != ".json") == (
        sorted(vendor_paths())
    )
    assert is_built(vendor, PACKAGE_DIR)

    changed = vendor / vendor_paths()[0]
    changed.write_text("tampered")
    assert not is_built(vendor, PACKAGE_DIR)
    assert is_built(vendor, PACKAGE_DIR, verify=False)  # the cheap check the pages use only looks for the files
    changed.unlink()
    assert not is_built(vendor, PACKAGE_DIR, verify=False)
    assert [p.name for p in vendor.parent.iterdir()] == ["vendor"]  # no staging folder left behind


def test_vendoring_refuses_a_version_other_than_the_pinned_one(tmp_path: Path):
    vendor = tmp_path / "static" / "vendor"
    vendor.parent.mkdir()
    modules = _fake_node_modules(tmp_path / "node_modules", {"cytoscape": "0.0.1"})
    with pytest.raises(AssetBuildError, match="cytoscape 0.0.1"):
        _copy_vendor_files(modules, vendor, PACKAGE_DIR)
    assert not vendor.exists()


def test_the_built_assets_match_strawberrys_sri_hashes():
    assert is_built(VENDOR_DIR), "run `kmob assets build` (make setup does)"
    assert sri_mismatches(VENDOR_DIR) == []


def test_the_app_serves_graphiql_pages_and_vendored_files_from_its_own_origin():
    from server.app import create_app

    # TestClient runs the app on its own thread's loop, so this works beside Playwright's loop too.
    client = TestClient(create_app(Settings.from_env()), base_url="http://kmob.test", follow_redirects=False)
    paths = ["/graphql", "/explore", "/dashboard", "/"] + [f"/static/vendor/{p}" for p in vendor_paths()]
    responses = {path: client.get(path, headers={"Accept": "text/html"}) for path in paths}
    graphiql = responses["/graphql"]
    assert graphiql.status_code == 200 and "text/html" in graphiql.headers["content-type"]
    assert graphiql.text == graphiql_html()
    for page in ("/explore", "/dashboard"):
        assert responses[page].status_code == 200
        assert responses[page].text == (PAGES_DIR / f"{page.strip('/')}.html").read_text()
    assert responses["/"].status_code == 307 and responses["/"].headers["location"] == "/explore"
    for rel in vendor_paths():
        response = responses[f"/static/vendor/{rel}"]
        assert response.status_code == 200, rel
        assert response.content == (VENDOR_DIR / rel).read_bytes(), rel
