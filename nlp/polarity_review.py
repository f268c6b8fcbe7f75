"""A learned second look at the polarity rules' verdict on each outcome mention.

The polarity rules (nlp/components/polarity.py) are an ordered cascade of cue patterns: a fade outranks a null
result, a null result outranks the change words beside it, a hedge after a result takes it back. Each cue was
written from a corpus error, and on parts of the corpus they had not seen they were right about 0.76 of the time
against 0.92 on the parts they were written from. This model keeps the cues and learns how much each one counts,
where it stands (before the mention in its clause, after it in the sentence, or in the next sentence) and how it
combines with the rules' verdict and the measure's good direction, from every annotated outcome in the corpus.

It reviews only the mentions the rules give a verdict: one they find reports no result (an aim, a question, a plan)
keeps no polarity. The features are plain strings and the weights a JSON file, like the span review's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

POLARITIES = ("improved", "worsened", "no_change", "not_sustained", "unclear")


@dataclass(frozen=True)
class PolarityZones:
    """The text around one outcome mention that the cues are read in."""

    before: str  # the mention's clause up to the mention
    after: str  # the rest of the mention's sentence
    following: str  # the next sentence ("" at the end of the document)


def review_features(rule: str, direction: str, zones: PolarityZones, cues: Mapping[str, re.Pattern[str]]) -> list[str]:
    """The features of one mention: the rules' verdict, the measure's good direction ("higher" or "lower"), and for
    each cue family found in each zone its name, alone, with the direction, with the verdict, and with the words it
    matched."""
    features = [f"rule={rule}", f"dir={direction}", f"rule={rule}|dir={direction}"]
    for zone, text in (("B", zones.before), ("A", zones.after), ("N", zones.following)):
        for name, pattern in cues.items():
            match = pattern.search(text)
            if match is None:
                continue
            cue = zone + name
            features += [cue, f"{cue}|dir={direction}", f"{cue}|rule={rule}", f"{cue}:{match.group(0).lower()}"]
    return features


@dataclass(frozen=True)
class PolarityModel:
    """Weights of a multi-class averaged perceptron: a feature's weight for a polarity is keyed "polarity|feature"."""

    weights: dict[str, float]
    trained_on: str

    def choose(self, features: Iterable[str]) -> str:
        """The polarity whose weights sum highest over the features (the first of POLARITIES on a tie)."""
        features = list(features)
        return max(POLARITIES, key=lambda p: sum(self.weights.get(f"{p}|{f}", 0.0) for f in features))

    @classmethod
    def load(cls, path: Path) -> PolarityModel:
        """Read a model written by save()."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], trained_on=data["trained_on"])

    def save(self, path: Path) -> None:
        """Write the model as JSON, weights sorted so that retraining on the same data gives the same file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"trained_on": self.trained_on, "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
