"""Human sentences that say why an answer was given: connection steps, expert support, related projects."""

from __future__ import annotations

_VERB = {"lead": "led", "member": "worked on", "sponsor": "sponsored", "author": "wrote"}
_SAME_ROLE = {"lead": "co-led", "member": "worked on", "sponsor": "co-sponsored", "author": "co-authored"}
_OUTCOME = {
    "improved": "improved",
    "no_change": "did not work (no change)",
    "worsened": "did not work (made things worse)",
    "not_sustained": "improved, but the gain was not sustained",
    "unclear": "outcome unclear",
}


def verb(role: str | None) -> str:
    """`lead` -> `led`; unknown roles read as having worked on the thing."""
    return _VERB.get((role or "member").lower(), "worked on")


def step_sentence(left: str, right: str, via: str, rel_type: str, left_role: str | None, right_role: str | None) -> str:
    """One step of a chain between two people, e.g. "Amina Patel co-led Sepsis Six with Tom Reed"."""
    if rel_type == "CONTRIBUTED_TO":
        lr, rr = (left_role or "member").lower(), (right_role or "member").lower()
        if lr == rr:
            return f"{left} {_SAME_ROLE.get(lr, 'worked on')} {via} with {right}"
        return f"{left} {verb(lr)} {via}, which {right} {verb(rr)}"
    if rel_type == "AUTHORED":
        return f"{left} co-authored {via} with {right}"
    if rel_type == "WORKS_AT":
        return f"{left} works at {via} with {right}"
    if rel_type == "KNOWS_ABOUT":
        return f"{left} and {right} both know about {via}"
    return f"{left} is linked to {right} through {via}"


def outcome_label(outcome: str | None) -> str:
    """Plain words for an outcome polarity, saying "did not work" where it did not."""
    return _OUTCOME.get(outcome or "", "no outcome reported")


def did_not_work(outcome: str | None) -> bool:
    """True for outcomes that must never be presented as good practice."""
    return outcome in ("no_change", "worsened")


def support_sentence(person: str, role: str, kind: str, title: str, outcome: str | None) -> str:
    """Why a document supports an expert, e.g. "Amina Patel led the project Sepsis Six (improved)"."""
    tail = f" ({outcome_label(outcome)})" if kind == "project" and outcome else ""
    return f"{person} {verb(role)} the {kind} {title}{tail}"


def related_why(shared: list[str], text_score: float, outcome: str | None, lessons: int) -> str:
    """Why a prior project is related, and what it achieved."""
    parts = []
    if shared:
        parts.append("shares " + ", ".join(shared[:5]) + (f" and {len(shared) - 5} more" if len(shared) > 5 else ""))
    if text_score > 0:
        parts.append(f"similar wording ({text_score:.2f})")
    if not parts:
        parts.append("weak match")
    parts.append(f"outcome: {outcome_label(outcome)}")
    if lessons:
        parts.append(f"{lessons} lesson{'s' if lessons != 1 else ''} recorded")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]
