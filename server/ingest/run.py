"""`kmob ingest`: read files, extract in batches, write each batch in one transaction, derive, report."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from graph.batch import GraphBatch
from graph.database import Database
from graph.derive import PENDING, recompute
from graph.settings import Settings
from graph.write import load_curation, prune_sources, relocate_sources, sources_under, stored_sources, write_batch
from nlp.documents import read_paths
from nlp.extract import Extractor
from nlp.records import Document, ReadError
from server.ingest.mapping import INGEST_VERSION, Mapper
from server.ingest.sources import StoredSource, plan_prune, split_anchor, stable_file, stable_source


@dataclass
class IngestSummary:
    """What one ingest did; also written to the report file."""

    documents: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    relocated: int = 0  # unchanged records whose stored path changed (a moved file, or an older relative path)
    retracted: int = 0  # sources taken back by --prune: their file (or JSONL line) is gone
    retracted_sources: list[str] = field(default_factory=list)
    kept_unreadable: int = 0  # sources --prune would have taken back, kept because their file failed to read
    prune_skipped: str | None = None  # why --prune retracted nothing, when it could not tell what is gone
    entities: int = 0
    relations: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    errors: list[ReadError] = field(default_factory=list)
    seconds: float = 0.0
    nlp_seconds: float = 0.0
    graph_seconds: float = 0.0
    derive_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        """A JSON-ready view (errors as {source, message})."""
        data = asdict(self)
        data["errors"] = [asdict(e) for e in self.errors]
        return data


Progress = Callable[[int], None]


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(
    db: Database,
    settings: Settings,
    paths: Iterable[str | Path],
    kind: str = "auto",
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    report_path: Path | None = None,
    prune: bool = False,
) -> IngestSummary:
    """Ingest files and folders; bad records are reported and skipped, the rest go on.

    With `prune`, stored sources within `paths` that this run did not read are then taken back (see
    `prune_unseen`); without it nothing already stored is ever removed.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    paths = list(paths)
    seen_ids: dict[str, str] = {}

    def documents() -> Iterator[Document]:
        for item in read_paths(paths, kind=kind):
            if isinstance(item, ReadError):
                summary.errors.append(item)
                continue
            # Stored in a stable form, so the same file read from another directory is the same source.
            item = replace(item, source=stable_source(item.source))
            if item.id in seen_ids:
                summary.errors.append(
                    ReadError(
                        item.source,
                        f"duplicate id {item.id!r}: first seen in {seen_ids[item.id]}; this record was skipped",
                    )
                )
            else:
                seen_ids[item.id] = item.source
                yield item

    mapper = Mapper(load_curation(db))
    # Neo4j writes batch N on a second thread while spaCy extracts batch N+1: the two use different cores, and
    # at most one batch waits in memory, so memory stays bounded by the batch size.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kmob-writer") as writer:
        pending: Future | None = None
        for chunk in _batches(documents(), settings.batch_size):
            prepared = prepare_batch(db, chunk, mapper, summary, extractor)
            if pending is not None:
                pending.result()  # re-raises a failed write, stopping the run before more work is lost
            pending = writer.submit(write_prepared, db, prepared, summary) if prepared else None
            if progress:
                progress(len(chunk))
        if pending is not None:
            pending.result()
    if prune:
        prune_unseen(db, paths, {f"source:{doc_id}" for doc_id in seen_ids}, summary)
    _derive(db, summary)
    summary.seconds = round(time.perf_counter() - started, 3)
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(summary.as_dict(), indent=2))
    return summary


@dataclass(frozen=True)
class PreparedBatch:
    """A batch extracted and mapped, ready for one write transaction."""

    batch: GraphBatch
    replaced: list[str]  # sources whose earlier facts the write replaces
    new: int
    relocated: dict[str, str] = field(default_factory=dict)  # unchanged sources' new paths (source id -> path)


def prepare_batch(
    db: Database, chunk: list[Document], mapper: Mapper, summary: IngestSummary, extractor: Extractor | None = None
) -> PreparedBatch | None:
    """Extract and map the documents of a chunk that are not already stored unchanged (None if all are)."""
    stored = stored_sources(db, [f"source:{d.id}" for d in chunk])
    changed: list[Document] = []
    relocated: dict[str, str] = {}
    for doc in chunk:
        state = stored.get(f"source:{doc.id}")
        if state is None or (state.content_hash, state.extractor_version) != (doc.content_hash, INGEST_VERSION):
            changed.append(doc)
        elif state.path != doc.source:
            # Ids never depend on the working directory (a record's own id, or a digest of the absolute path),
            # so a row stored by an older version with a relative path is this same source: its facts are
            # unchanged and only its path is rewritten, in the stable form that --prune can compare.
            relocated[f"source:{doc.id}"] = doc.source
    summary.documents += len(chunk)
    summary.unchanged += len(chunk) - len(changed)
    if not changed:
        return PreparedBatch(batch=GraphBatch(), replaced=[], new=0, relocated=relocated) if relocated else None
    tick = time.perf_counter()
    extractions = list((extractor or _shared_extractor()).extract_many(changed))
    batch = GraphBatch()
    for extraction in extractions:
        batch.extend(mapper.map(extraction))
        summary.entities += len(extraction.entities)
        summary.relations += len(extraction.relations)
    summary.nlp_seconds += time.perf_counter() - tick
    replaced = [f"source:{d.id}" for d in changed if f"source:{d.id}" in stored]
    return PreparedBatch(batch=batch, replaced=replaced, new=len(changed) - len(replaced), relocated=relocated)


def write_prepared(db: Database, prepared: PreparedBatch, summary: IngestSummary) -> None:
    """Write one prepared batch in a single transaction and count what it did."""
    tick = time.perf_counter()
    relocate_sources(db, prepared.relocated)
    summary.relocated += len(prepared.relocated)
    if prepared.batch.sources:
        stats = write_batch(db, prepared.batch, replace_sources=prepared.replaced)
        summary.nodes_created += stats.nodes
        summary.relationships_created += stats.relationships
    summary.graph_seconds += time.perf_counter() - tick
    summary.updated += len(prepared.replaced)
    summary.new += prepared.new


def prune_unseen(db: Database, paths: list[str | Path], seen_source_ids: set[str], summary: IngestSummary) -> None:
    """Take back stored sources within `paths` that this run did not read, keeping unreadable files' facts.

    Runs only after every batch of the run has been written, so a run that fails part way retracts nothing.
    """
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        # A folder that is not there may be an unmounted share, not a deletion: take nothing back on a guess.
        summary.prune_skipped = "no such file or folder: " + ", ".join(missing)
        return
    unreadable = {stable_file(split_anchor(error.source)[0]) for error in summary.errors}
    unplaced = sorted(f for f in unreadable if not Path(f).exists())
    if unplaced:
        # An error that names no file on disk (a bad --kind, a file gone mid-run) leaves unknown what was read.
        summary.prune_skipped = "errors not tied to a readable file: " + ", ".join(unplaced)
        return
    roots = [stable_file(p) for p in paths]
    stored = [StoredSource(sid, path) for sid, path in sources_under(db, roots)]
    plan = plan_prune(stored, roots, seen_source_ids, unreadable)
    tick = time.perf_counter()
    stats = prune_sources(db, [source.id for source in plan.retract])
    summary.graph_seconds += time.perf_counter() - tick
    summary.retracted = stats.sources
    summary.retracted_sources = [source.path for source in plan.retract]
    summary.kept_unreadable = len(plan.kept_unreadable)


def ingest_documents(
    db: Database, chunk: list[Document], mapper: Mapper, summary: IngestSummary, extractor: Extractor | None = None
) -> None:
    """Extract and write documents in the calling thread (the API's addDocument), one transaction."""
    prepared = prepare_batch(db, chunk, mapper, summary, extractor)
    if prepared is not None:
        write_prepared(db, prepared, summary)


def _derive(db: Database, summary: IngestSummary) -> None:
    tick = time.perf_counter()
    rows = db.read(PENDING)
    if rows and rows[0]["dirty"]:
        recompute(db)
    summary.derive_seconds = round(time.perf_counter() - tick, 3)


_EXTRACTOR: Extractor | None = None


def _shared_extractor() -> Extractor:
    # Loading spaCy takes seconds; one pipeline per process serves every batch (and the API's addDocument).
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR
