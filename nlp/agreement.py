"""Agreement between two annotators of the same documents (the evaluation-set format).

`python -m nlp.agreement REFERENCE OTHER` scores OTHER's entity mentions against REFERENCE's, per label, with
exact spans and with overlapping spans, its relations against REFERENCE's per type (an end matches by its
canonical name or any surface annotated with it), plus polarity agreement on the outcome mentions both marked. Only
documents present in both files are compared. The figures are the ceiling a model can be expected to reach
on a label under the current guide: where two careful annotators agree on 0.7 of spans, 0.8 is not a
measure of the extractor any more.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nlp.evaluate import (
    LABELS,
    EndKeys,
    Tally,
    _overlap_matches,
    gold_key_finder,
    gold_mentions,
    nth_mention,
    tally_relation_ends,
)
from nlp.records import RELATION_TYPES
from nlp.training.corpus import load_records


def _records(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in load_records([path])}


def _polarities(record: dict, text: str) -> dict[tuple[int, int], str]:
    spans = {}
    mentions = gold_mentions(text, record.get("entities", []))
    for outcome in record.get("outcomes", []):
        where = nth_mention(text, mentions, outcome["text"], outcome["occurrence"])
        if where is not None:
            spans[where] = outcome["polarity"]
    return spans


def _relation_ends(record: dict) -> dict[str, list[EndKeys]]:
    """Each relation type's (head keys, tail keys) in one annotator's record."""
    keys = gold_key_finder(record)
    ends: dict[str, list[EndKeys]] = {rtype: [] for rtype in RELATION_TYPES}
    for r in record.get("relations", []):
        ends.setdefault(r["type"], []).append((keys(r["head"]), keys(r["tail"])))
    return ends


def agreement(reference: dict[str, dict], other: dict[str, dict], texts: dict[str, str]) -> dict:
    """Per-label exact and overlap tallies, per-type relation tallies and polarity agreement, over the documents
    both annotated."""
    exact = {label: Tally() for label in LABELS}
    overlap = {label: Tally() for label in LABELS}
    relations = {rtype: Tally() for rtype in RELATION_TYPES}
    polarity_same = polarity_both = 0
    shared = sorted(set(reference) & set(other))
    for doc_id in shared:
        text = texts[doc_id]
        ref = gold_mentions(text, reference[doc_id]["entities"])
        oth = gold_mentions(text, other[doc_id]["entities"])
        for label in LABELS:
            r = {m for m in ref if m[2] == label}
            o = {m for m in oth if m[2] == label}
            exact[label].tp += len(r & o)
            exact[label].fp += len(o - r)
            exact[label].fn += len(r - o)
            hits = _overlap_matches(r, o)
            overlap[label].tp += hits
            overlap[label].fp += len(o) - hits
            overlap[label].fn += len(r) - hits
        ref_ends, oth_ends = _relation_ends(reference[doc_id]), _relation_ends(other[doc_id])
        for rtype in RELATION_TYPES:
            tally_relation_ends(relations[rtype], ref_ends[rtype], oth_ends[rtype])
        ref_pol = _polarities(reference[doc_id], text)
        oth_pol = _polarities(other[doc_id], text)
        for span, polarity in ref_pol.items():
            if span in oth_pol:
                polarity_both += 1
                polarity_same += oth_pol[span] == polarity
    return {
        "documents": len(shared),
        "exact": {k: v.scores() for k, v in exact.items()},
        "overlap": {k: v.scores() for k, v in overlap.items()},
        "relations": {k: v.scores() for k, v in relations.items()},
        "polarity": {"same": polarity_same, "both_marked": polarity_both},
    }


def format_agreement(result: dict) -> str:
    """A table: per label, exact F1 and overlap F1, then polarity agreement."""
    lines = [f"documents compared: {result['documents']}", f"{'label':<14}{'F1 exact':>10}{'F1 overlap':>12}  mentions"]
    for label in LABELS:
        e, o = result["exact"][label], result["overlap"][label]
        lines.append(f"{label:<14}{e['f1']:>10.3f}{o['f1']:>12.3f}  {e['tp'] + e['fn']} / {e['tp'] + e['fp']}")
    lines.append(f"{'relation':<14}{'F1':>10}{'':>12}  relations")
    for rtype in RELATION_TYPES:
        r = result["relations"][rtype]
        lines.append(f"{rtype:<14}{r['f1']:>10.3f}{'':>12}  {r['tp'] + r['fn']} / {r['tp'] + r['fp']}")
    pol = result["polarity"]
    share = pol["same"] / pol["both_marked"] if pol["both_marked"] else 0.0
    lines.append(f"polarity agreement where both marked a result: {share:.3f} ({pol['same']}/{pol['both_marked']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Compare OTHER's annotations with REFERENCE's; texts come from REFERENCE (or --texts)."""
    parser = argparse.ArgumentParser(prog="python -m nlp.agreement", description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path)
    parser.add_argument("other", type=Path)
    args = parser.parse_args(argv)
    reference, other = _records(args.reference), _records(args.other)
    texts = {doc_id: record["text"] for doc_id, record in reference.items()}
    print(format_agreement(agreement(reference, other, texts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
