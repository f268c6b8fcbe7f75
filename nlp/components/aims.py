"""Outcome mentions that report no result: aims, questions, plans, purposes and what would or could happen.

"Aim: to cut chair waits from 105 to 60 minutes", "does advice before referral reduce outpatient referrals?",
"a maintenance bundle to cut the number of line accesses", "readmissions will be looked at again" and "the need to
increase informatics knowledge" name a measure and a wanted direction, not a change anyone saw. Read for direction
words, they look like gains, and a project's aim would pass for its result. The annotation guide gives such
mentions no polarity (tests/data/eval/README.md, "Outcome polarity"), and so does the polarity tagger.

The reading is mostly syntactic: the verb a mention hangs from, found by climbing the parse from its head word, is an
infinitive of purpose or aim ("to reduce"), has a modal without "have" ("will reduce", "could be reduced") or says
what is expected ("is projected to increase"); or an aim noun governs the mention ("the aim of fewer readmissions");
or a gerund of purpose comes just before it ("with a view to improving"), or a statement that no study measured it
("None of the studies followed up ..."); or the sentence is a question, or is labelled as an aim, a question or the
background ("Aim:", "Question:", "Background:"). Verbs of judging what was found ("too early to say whether ...",
"evidence suggests ...") and a sentence that goes on with "but" leave the mention to the hedging rules of
nlp.components.polarity.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Span, Token

from nlp.doc_text import doc_text

# A sentence labelled as an aim or a question, or as the background the work started from ("Background: waits had
# reached 19 weeks" is the problem, not what the work did), as write-ups and evidence summaries head them.
_AIM_LABEL = re.compile(
    r"[\s#*_>-]*((project |overall |our )?(aims?|objectives?|purpose|goals?)|((review|clinical|search|key|research) )?"
    r"questions?|background|context|rationale|the problem|problem|why we did (it|this))[\s*_]*:",
    re.I,
)
# Nouns that make what hangs from them a wish: "the aim of fewer readmissions", "The aim was fewer errors".
_AIM_NOUNS = frozenset({"aim", "goal", "target", "objective", "ambition", "purpose", "intention"})
# Verbs whose infinitive still reports what happened: "helped to reduce", "continued to fall", "failed to improve",
# "appeared to cut" (a hedged result is still a result), and "was able to".
_RESULT_MATRIX = frozenset(
    {
        "help",
        "manage",
        "continue",
        "begin",
        "start",
        "go",
        "fail",
        "appear",
        "seem",
        "tend",
        "prove",
        "come",
        "able",
        "unable",
    }
)
# Verbs of judging what was found: an aim or modal under them is a hedge on a result ("cannot yet say how many will
# complete therapy", "may help explain the better adherence").
_JUDGING = frozenset(
    {
        "say",
        "tell",
        "know",
        "judge",
        "conclude",
        "show",
        "determine",
        "establish",
        "confirm",
        "detect",
        "attribute",
        "explain",
        "account",
        # What evidence says: "evidence suggests that exercise may reduce falls" is a hedged finding.
        "suggest",
        "indicate",
        "imply",
        "find",
        "report",
    }
)
# Nouns for what was found or claimed: "claims about fewer readmissions should be made cautiously" hedges a result.
_FINDING_NOUNS = frozenset({"claim", "evidence", "finding", "result"})
# Words that put a change in the future or in someone's expectation.
_EXPECTING = frozenset(
    {"project", "expect", "predict", "forecast", "anticipate", "set", "due", "likely", "unlikely", "plan", "intend"}
)
# A gerund of purpose just before the mention: "with a view to improving the team's understanding".
_PURPOSE_BEFORE = re.compile(
    r"\b(with a view to|in a bid to|in an effort to|aimed at|aiming at|aims? at|focus(ed|es)? on|designed for)\s+"
    r"\w+ing\s+([\w'’-]+\s+){0,5}$",
    re.I,
)
# What no study measured: "None of the studies followed up cancers detected", "We found nothing on falls". ("None of
# the trials showed a difference in X" is a result: no change.)
_NOT_STUDIED = re.compile(
    r"\b((none of the|no) (\w+ ){0,2}(studies|study|trials|trial|reviews|review|papers|evaluations|evaluation) "
    r"(measured|reported on|followed up|looked at|assessed|examined|recorded)|"
    r"(found|find|finds) (nothing|no evidence|no studies) (on|about|for))\b[^.;:]*$",
    re.I,
)
_CONTRAST = re.compile(r"\b(but|however|yet|although|though)\b|;", re.I)
# A relative clause right after the measure that reports its move: "an SPC chart to follow time to assessment,
# which fell from six days to under two" names the measure in a plan and gives its result in the same breath.
_RESULT_RELATIVE = re.compile(
    r"\s*,?\s*which (then |later |soon |has |had |have )?(fell|rose|dropped|halved|doubled|climbed|increased|"
    r"decreased|declined|improved|worsened|went (up|down|from)|came down|stayed|remained|did not)\b",
    re.I,
)
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can", "must", "'ll", "wo", "ca"})
# Links that carry the climb from a mention's head word up to the verb it belongs to.
_NOUN_LINKS = frozenset(
    {"pobj", "dobj", "nsubj", "nsubjpass", "prep", "compound", "amod", "conj", "appos", "attr", "npadvmod", "poss"}
)


def reports_no_result(ent: Span, sent: Span) -> bool:
    """Whether an outcome mention (in sentence `sent`) only states an aim, a question, a plan or a possibility."""
    text = doc_text(ent.doc)
    before = text[sent.start_char : ent.start_char]
    after = text[ent.end_char : sent.end_char]
    if _AIM_LABEL.match(before) and "?" not in before or after.rstrip().endswith("?"):
        return True  # a labelled aim or question runs to its question mark (a heading may run into the text)
    if _CONTRAST.search(after) or _RESULT_RELATIVE.match(after):
        return False  # "We planned to compare attendances, but the numbers were too small to say anything."
    if _PURPOSE_BEFORE.search(before) or _NOT_STUDIED.search(before) or _under_aim_noun(ent):
        return True
    verb = governing_verb(ent.root, ent)
    # "aimed to improve the pathway by reducing admission rates": a gerund after a preposition takes its verb's aim.
    while verb is not None and verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        verb = governing_verb(verb.head.head, ent)
    if verb is None or any(t.lemma_.lower() in _JUDGING for t in (verb, *verb.ancestors)):
        return False  # "too early to say whether retention will improve" is a hedge on a result, not an aim
    below_verb = itertools.takewhile(lambda t: t.i != verb.i, ent.root.ancestors)
    if any(t.lemma_.lower() in _FINDING_NOUNS for t in below_verb):
        return False  # "claims about fewer readmissions should be made cautiously" hedges a result
    return _is_aim_infinitive(verb) or _is_unrealised(verb) or _is_expected(verb)


def _under_aim_noun(ent: Span) -> bool:
    """ "set an aim of 70% of admissions with carer status recorded", "the Triple Aim of improving the experience of
    care", "The aim was fewer medication errors"."""
    token = ent.root
    for _ in range(40):
        if token.pos_ == "NOUN" and token.lemma_.lower() in _AIM_NOUNS and not ent.start <= token.i < ent.end:
            return True
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "pcomp":
            # A copula whose subject is an aim: what it equates with the aim is wished for.
            return token.lemma_ == "be" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _AIM_NOUNS for c in token.children
            )
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def governing_verb(token: Token, ent: Span) -> Token | None:
    """The verb a token of a mention belongs to: up through prepositions, objects, subjects and coordinations. A
    verb inside the mention is the parser's misreading of a noun phrase ("to systolic blood pressure") and is passed
    over."""
    for _ in range(40):  # a parse is a tree; the bound only guards against a malformed one
        inside = ent.start <= token.i < ent.end
        if token.pos_ in ("VERB", "AUX") and not inside:
            return token
        if token.head.i == token.i or not inside and token.dep_ not in _NOUN_LINKS:
            return None
        token = token.head
    return None


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _verb_chain(verb: Token) -> list[Token]:
    """The verb, then the verbs it leans on for its "to" or its auxiliaries: the first of coordinated verbs ("to raise
    uptake and reduce waits") and the verb a bare infinitive completes ("to help users develop")."""
    chain = [verb]
    while verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
        chain.append(verb)
    return chain


def _is_aim_infinitive(verb: Token) -> bool:
    """ "to reduce X" that says what was wanted ("set out to", "a bundle to", "the need to"), not "helped to"."""
    infinitive = next((v for v in _verb_chain(verb) if _has_to(v)), None)
    if infinitive is None:
        return False
    matrix = infinitive.head
    if infinitive.dep_ in ("xcomp", "ccomp") and matrix.lemma_.lower() in _RESULT_MATRIX:
        return False
    # "was able to cut": the infinitive hangs from the adjective.
    return not (matrix.pos_ == "ADJ" and matrix.lemma_.lower() in _RESULT_MATRIX)


def _is_unrealised(verb: Token) -> bool:
    """A modal without "have": "will reduce", "could be reduced", "would cut". A hedge on a past result ("may have
    reduced") and a denial ("could not show any effect", "could not be judged") speak of what was found, and stay
    with the hedging rules. The nearest verb with auxiliaries of its own decides."""
    for link in _verb_chain(verb):
        auxes = [c for c in link.children if c.dep_ in ("aux", "auxpass")]
        if not auxes:
            continue
        # Written in capitals, "MUST" is the malnutrition screening tool, not a modal.
        if not any(c.tag_ == "MD" and c.lower_ in _MODALS and not c.text.isupper() for c in auxes):
            return False
        return not any(c.lemma_.lower() == "have" for c in auxes) and not any(c.dep_ == "neg" for c in link.children)
    return False


def _is_expected(verb: Token) -> bool:
    """ "attendances are projected to increase", "adherence is likely to be the main challenge"."""
    for child in verb.children:
        if child.dep_ == "xcomp" and _has_to(child) and verb.lemma_.lower() in _EXPECTING:
            return True
        if child.dep_ == "acomp" and child.lemma_.lower() in _EXPECTING:
            return any(c.dep_ == "xcomp" and _has_to(c) for c in child.children)
    return False
