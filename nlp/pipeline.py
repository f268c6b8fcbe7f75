"""Build the spaCy pipeline from nlp/config.cfg: base model, then kmob's registered factories in order."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from confection import Config
from spacy.language import Language

import nlp.components  # noqa: F401  (registers the kmob_* factories)
from nlp.paths import PACKAGE_DIR, model_path
from nlp.tokenizer import InitialSplitTokenizer

CONFIG_PATH = PACKAGE_DIR / "config.cfg"


def load_config(path: str | Path | None = None) -> Config:
    """Read the pipeline config."""
    return Config().from_disk(path or CONFIG_PATH)


def build_pipeline(
    path: str | Path | None = None, skip: tuple[str, ...] = (), tagger: Language | None = None
) -> Language:
    """A fresh pipeline as the config describes it, without the components named in skip; `tagger` (a pipeline
    with an entity recogniser) stands in for the configured concept tagger, as cross-validation needs."""
    config = load_config(path)
    base = config["base"]
    nlp = spacy.load(base["model"], exclude=list(base.get("disable", [])))
    if tagger is None and base.get("ner"):
        tagger = load_tagger(model_path(base["ner"]))
    if tagger is not None:
        # The concept tagger takes the base recogniser's place (nlp/training/tagger.py says why).
        nlp.remove_pipe("ner")
        nlp.add_pipe("ner", source=tagger)
    if base.get("split_author_initials", False):
        nlp.tokenizer = InitialSplitTokenizer(nlp.tokenizer)
    for name in config["pipeline"]["components"]:
        if name in skip:
            continue
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        nlp.add_pipe(factory, name=name, config=settings)
    return nlp


def load_tagger(path: Path) -> Language:
    """The concept tagger's pipeline, or an error that says how to make it."""
    if not (path / "meta.json").exists():
        raise FileNotFoundError(f"{path}: concept tagger not found (train it with `kmob train-tagger`)")
    return spacy.load(path)


@lru_cache(maxsize=1)
def shared_pipeline() -> Language:
    """One pipeline per process: loading the model and patterns takes seconds."""
    return build_pipeline()
