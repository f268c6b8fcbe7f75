"""Readers: files and folders of records -> Document (or ReadError for what cannot be read)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from nlp.records import DOCUMENT_KINDS, Document, PersonRef, ReadError

MAX_TEXT_CHARS = int(os.environ.get("KMOB_MAX_TEXT_CHARS", "2000000"))
SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".csv", ".docx", ".pdf")
_LIST_FIELDS = ("cites", "tags")
_STRING_FIELDS = ("id", "title", "date", "end_date", "organisation", "status", "project", "source_url", "level")
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_PERSON_CELL = re.compile(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<inner>[^)]*)\))?\s*$")


class RecordError(ValueError):
    """A record whose fields are missing or of the wrong type."""


def read_paths(paths: Iterable[str | Path], kind: str = "auto") -> Iterator[Document | ReadError]:
    """Read files and folders (recursively) into Documents, yielding a ReadError for each bad record."""
    if kind != "auto" and kind not in DOCUMENT_KINDS:
        yield ReadError(
            source="--kind", message=f"unknown kind {kind!r}; expected one of auto, " + ", ".join(DOCUMENT_KINDS)
        )
        return
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            for file in files:
                yield from read_file(file, kind)
        elif path.is_file():
            yield from read_file(path, kind)
        else:
            yield ReadError(source=str(path), message="no such file or folder")


def read_file(path: Path, kind: str = "auto") -> Iterator[Document | ReadError]:
    """Read one file by its suffix; a whole-file failure is one ReadError, a bad line or row is one each."""
    suffix = path.suffix.lower()
    source = str(path)
    try:
        if suffix in (".txt", ".md"):
            text = _read_text(path)
            meta, body = split_front_matter(text)
            # Pages whose whole content is a front-matter summary still have text to read.
            body = body or next(
                (meta[k] for k in ("intro", "summary", "description") if isinstance(meta.get(k), str)), ""
            )
            known = {k: v for k, v in meta.items() if k in _STRING_FIELDS + _LIST_FIELDS + ("kind", "people")}
            if known.get("level") is not None and not isinstance(known["level"], str):
                known["level"] = str(known["level"])
            yield _document(source, {**known, "text": body}, kind, default_title=path.stem)
        elif suffix == ".json":
            yield from _read_json(path, kind)
        elif suffix == ".jsonl":
            yield from _read_jsonl(path, kind)
        elif suffix == ".csv":
            yield from _read_csv(path, kind)
        elif suffix == ".docx":
            yield _document(source, {"text": _docx_text(path)}, kind, default_title=path.stem)
        elif suffix == ".pdf":
            yield _document(source, {"text": _pdf_text(path)}, kind, default_title=path.stem)
        else:
            yield ReadError(
                source=source,
                message=f"unsupported file type {suffix or '(none)'}; expected one of " + ", ".join(SUFFIXES),
            )
    except RecordError as exc:
        yield ReadError(source=source, message=str(exc))
    except OSError as exc:
        yield ReadError(source=source, message=f"cannot read file: {exc.strerror or exc}")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if len(data) > MAX_TEXT_CHARS * 4:
        raise RecordError(f"file is {len(data):,} bytes, over the limit of {MAX_TEXT_CHARS:,} characters")
    if b"\x00" in data[:8192]:
        raise RecordError("binary content (NUL bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    return text.replace("\r\n", "\n")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split optional `---` front matter of `key: value` lines from a Markdown/text body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return {}, text
    meta: dict[str, Any] = {}
    key: str | None = None
    last: str | None = None
    block: list[str] = []

    def close() -> None:
        # Indented lines after `key: |`, `key: >` or a bare `key:` are that key's value (YAML-style).
        if key is not None and block:
            items = [b.strip()[2:].strip() for b in block if b.strip().startswith("- ")]
            if items and len(items) == len([b for b in block if b.strip()]):
                meta[key] = [i.strip("'\"") for i in items if ":" not in i]
            else:
                meta[key] = " ".join(b.strip() for b in block if b.strip())

    for n, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" and key is not None:
            block.append(line)
            continue
        name, sep, value = line.partition(":")
        if not sep or " " in name.strip():
            # A plain or quoted YAML scalar may run on over several lines.
            if last is not None and isinstance(meta.get(last), str):
                meta[last] = (meta[last] + " " + line.strip().strip("'\"")).strip()
                continue
            raise RecordError(f"line {n}: front matter line is not `key: value`: {line.strip()[:60]!r}")
        close()
        block = []
        key = last = name.strip()
        value = value.strip()
        if value.split(" #")[0].strip() in ("|", ">", "|-", ">-", ""):
            continue
        meta[key] = _front_matter_value(value, n)
        key = None
    close()
    body = "\n".join(lines[end + 1 :]).strip("\n")
    return meta, body


def _front_matter_value(value: str, line: int) -> Any:
    if value.startswith(("[", "{")):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            if value.startswith("[") and value.endswith("]"):
                return [v.strip().strip("'\"") for v in value[1:-1].split(",") if v.strip()]
            raise RecordError(f"line {line}: front matter value is not valid JSON: {value[:60]!r}") from None
    return value.strip("'\"").strip()


def _read_json(path: Path, kind: str) -> Iterator[Document | ReadError]:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(
            source=f"{path}#L{exc.lineno}",
            message=f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
        )
        return
    records = data if isinstance(data, list) else [data]
    multi = isinstance(data, list)
    for i, record in enumerate(records, start=1):
        source = f"{path}#R{i}" if multi else str(path)
        yield _safe_document(source, record, kind, default_title=path.stem)


def _read_jsonl(path: Path, kind: str) -> Iterator[Document | ReadError]:
    text = _read_text(path)
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}#L{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(source=source, message=f"malformed JSON at line {n}, column {exc.colno}: {exc.msg}")
            continue
        yield _safe_document(source, record, kind, default_title=f"{path.stem} line {n}")


def _read_csv(path: Path, kind: str) -> Iterator[Document | ReadError]:
    text = _read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        yield ReadError(source=str(path), message="CSV header has no `text` column")
        return
    for row in reader:
        # Row numbers count the header as row 1, as a spreadsheet shows them.
        source = f"{path}#R{reader.line_num}"
        if None in row:
            yield ReadError(source=source, message="row has more cells than the header")
            continue
        record: dict[str, Any] = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        record = {k: v for k, v in record.items() if v != ""}
        for field in _LIST_FIELDS:
            if field in record:
                record[field] = [v.strip() for v in record[field].split(";") if v.strip()]
        if "people" in record:
            record["people"] = [parse_person_cell(p) for p in record["people"].split(";") if p.strip()]
        yield _safe_document(source, record, kind, default_title=f"{path.stem} row {reader.line_num}")


def parse_person_cell(cell: str) -> dict[str, str]:
    """Parse `Name (role, Organisation)` from a CSV people cell."""
    match = _PERSON_CELL.match(cell)
    if not match:
        return {"name": cell.strip()}
    person = {"name": match.group("name").strip()}
    inner = match.group("inner")
    if inner:
        role, _, org = inner.partition(",")
        if role.strip():
            person["role"] = role.strip()
        if org.strip():
            person["organisation"] = org.strip()
    return person


def _docx_text(path: Path) -> str:
    import docx  # python-docx; imported here so plain-text reading does not pay for it

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for a broken file
        raise RecordError(f"not a readable .docx file: {exc}") from None
    return "\n\n".join(p.text for p in document.paragraphs if p.text.strip())


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        return "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except Exception as exc:  # pypdf raises several types for a damaged file
        raise RecordError(f"not a readable PDF file: {exc}") from None


def _safe_document(source: str, record: Any, kind: str, default_title: str) -> Document | ReadError:
    try:
        return _document(source, record, kind, default_title)
    except RecordError as exc:
        return ReadError(source=source, message=str(exc))


def _document(source: str, record: Any, kind: str, default_title: str) -> Document:
    if not isinstance(record, dict):
        raise RecordError(f"record is a JSON {type(record).__name__}, expected an object")
    text = record.get("text")
    if text is None:
        raise RecordError("missing required field `text`")
    if not isinstance(text, str):
        raise RecordError(f"field `text` is a {type(text).__name__}, expected a string")
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise RecordError("field `text` is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise RecordError(
            f"text is {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,} (KMOB_MAX_TEXT_CHARS)"
        )
    if "\x00" in text:
        raise RecordError("field `text` holds binary content (NUL characters)")
    fields: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, int | float) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if not isinstance(value, str):
            raise RecordError(f"field `{name}` is a {type(value).__name__}, expected a string")
        fields[name] = value.strip() or None
    for name in ("date", "end_date"):
        if fields.get(name) and not _DATE.match(fields[name]):
            raise RecordError(f"field `{name}` is {fields[name]!r}, expected YYYY-MM-DD or YYYY-MM")
    for name in _LIST_FIELDS:
        fields[name] = _string_list(record.get(name), name)
    people = _people(record.get("people"))
    record_kind = record.get("kind")
    if record_kind is not None and record_kind not in DOCUMENT_KINDS:
        raise RecordError(f"field `kind` is {record_kind!r}, expected one of " + ", ".join(DOCUMENT_KINDS))
    chosen = kind if kind != "auto" else (record_kind or guess_kind(text, record))
    title = (
        fields.pop("title", None)
        or (people[0].name if chosen == "profile" and people else None)
        or _first_line_title(text)
        or default_title
    )
    doc_id = fields.pop("id", None) or derive_id(source)
    base = Document(
        source=source,
        kind=chosen,
        title=title,
        text=text,
        id=doc_id,
        people=people,
        cites=tuple(fields.pop("cites")),
        tags=tuple(fields.pop("tags")),
        **fields,
    )
    return _with_hash(base)


def _string_list(value: Any, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f"field `{name}` must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _people(value: Any) -> tuple[PersonRef, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [parse_person_cell(p) for p in value.split(";") if p.strip()]
    if not isinstance(value, list):
        raise RecordError(f"field `people` is a {type(value).__name__}, expected a list")
    people = []
    for i, person in enumerate(value, start=1):
        if isinstance(person, str):
            person = parse_person_cell(person)
        if not isinstance(person, dict) or not isinstance(person.get("name"), str) or not person["name"].strip():
            raise RecordError(f"people[{i}] must be an object with a non-empty string `name`")
        extra = {k: person.get(k) for k in ("role", "organisation", "email", "visibility")}
        for key, item in extra.items():
            if item is not None and not isinstance(item, str):
                raise RecordError(f"people[{i}].{key} must be a string")
        people.append(PersonRef(name=person["name"].strip(), **extra))
    return tuple(people)


_KIND_CUES: dict[str, tuple[str, ...]] = {
    "lesson": (
        "lessons learned",
        "lessons learnt",
        "what we learned",
        "what went well",
        "what we would",
        "lesson 1",
        "what worked",
        "do differently",
        "after action review",
        "retrospect",
    ),
    "evidence": (
        "references",
        "systematic review",
        "evidence summary",
        "key findings",
        "meta-analysis",
        "search strategy",
        "we searched",
        "were searched",
        "the evidence",
        "randomised trial",
    ),
    "profile": (
        "my role",
        "i am a",
        "i work",
        "expertise",
        "interests include",
        "contact me",
        "is a ",
        "joined the trust",
        "specialises in",
        "background in",
    ),
    "project": (
        "aim:",
        "aimed to",
        "pdsa",
        "driver diagram",
        "project",
        "baseline",
        "run chart",
        "measures",
        "improvement",
        "tested",
    ),
}


def guess_kind(text: str, record: dict[str, Any] | None = None) -> str:
    """Guess project/lesson/evidence/profile from a record's fields and its headings and phrases."""
    record = record or {}
    if record.get("level") or record.get("cites"):
        return "evidence"
    if record.get("project"):
        return "lesson"
    if record.get("status") or record.get("end_date"):
        return "project"
    sample = text[:6000].lower()
    scores = {k: sum(sample.count(cue) for cue in cues) for k, cues in _KIND_CUES.items()}
    # A short first-person text is a profile even if it mentions projects.
    if len(text) < 2500 and re.search(r"\b(I am|I work|I lead|my role)\b", text[:3000]):
        scores["profile"] += 3
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else "project"


def _first_line_title(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    if first.startswith("#"):
        return first.lstrip("#").strip() or None
    return None


def derive_id(source: str) -> str:
    """A stable id from the source path (and line/row), used when a record has none."""
    path, _, anchor = source.partition("#")
    stem = Path(path).stem
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "doc"
    digest = hashlib.sha1(os.path.abspath(path).encode()).hexdigest()[:8]
    return f"{slug}-{digest}" + (f"-{anchor.lower()}" if anchor else "")


def _with_hash(doc: Document) -> Document:
    from dataclasses import asdict, replace

    # The hash covers the normalised record (not the source path) so a moved file keeps its hash.
    payload = {k: v for k, v in asdict(doc).items() if k not in ("source", "content_hash")}
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return replace(doc, content_hash=digest)
