"""Which way is better for a measure: the rules' reading, weighed by a prior learned from the corpus's words.

The polarity rules (nlp.components.polarity) decide whether a measure is better higher or lower from its concept,
its head word and what the document says it aims at. Many measures have no direction of their own: "referrals",
"calls to the advice line" and "hospital visits per work-up" can go either way, and annotators read it from the
whole write-up. The corpus says which way such words usually go. A small linear model over the measure's words,
the rules' direction and the aim's direction learns that prior from the gold outcome mentions whose rules' verdict
was a move: where the annotators reversed the verdict (improved for worsened, or the other way), the rules had the
direction the wrong way round.
"""

from __future__ import annotations

import re

from nlp.choice import ChoiceModel

MOVES = frozenset({"improved", "worsened"})


def direction_features(measure: str, rule_direction: str, aimed: str | None) -> list[str]:
    """What the model reads of one measure: the rules' direction, an aim's, and the measure's words (its first
    and last words again on their own, since the head and a leading modifier say most)."""
    words = [w.lower() for w in re.findall(r"[\w-]+", measure)]
    features = ["bias", f"rules={rule_direction}", f"aimed={aimed or ''}"]
    if words:
        features += [f"head={words[-1]}", f"first={words[0]}"]
    return features + [f"word={w}" for w in sorted(set(words))]


def learned_direction(model: ChoiceModel, measure: str, rule_direction: str, aimed: str | None) -> str:
    """The model's direction; the rules' where it has no opinion (a score of zero)."""
    score = model.score(direction_features(measure, rule_direction, aimed))
    if score == 0:
        return rule_direction
    return "higher" if score > 0 else "lower"


def direction_label(gold_polarity: str | None, rule_polarity: str | None, rule_direction: str) -> str | None:
    """The better direction an annotated mention shows, when both the annotators and the rules read a move:
    agreeing verdicts keep the rules' direction, reversed ones turn it round. None when either read no move."""
    if gold_polarity not in MOVES or rule_polarity not in MOVES:
        return None
    if gold_polarity == rule_polarity:
        return rule_direction
    return "lower" if rule_direction == "higher" else "higher"
