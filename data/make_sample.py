"""Generate kmob's sample corpus of fictional NHS knowledge documents.

    python data/make_sample.py --count N --out DIR [--seed S] [--format mixed|jsonl]

Stdlib only and deterministic: the same arguments always give byte-identical files. The records follow
docs/contracts.md. Front matter values in .md files are written as JSON literals, which are also valid YAML.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_text import (  # noqa: E402
    AIMS,
    AIMS_PLANNED,
    ASKERS,
    BACKGROUND_GENERIC,
    BALANCING,
    BLOG_CLOSERS,
    BLOG_EVIDENCE_OPENERS,
    BLOG_EVIDENCE_TITLES,
    BLOG_LESSON_OPENERS,
    BLOG_LESSON_TITLES,
    CHANGES,
    COVID,
    EARLY_RESULTS,
    EVIDENCE_GAPS,
    EVIDENCE_IMPLICATIONS,
    EVIDENCE_INTRO,
    EVIDENCE_LEVEL,
    EVIDENCE_SEARCH,
    LESSON_CHANGE,
    LESSON_HAPPENED,
    LESSON_REPEAT,
    LESSON_TITLES,
    MEASURES,
    NEXT_STEPS,
    PROFILE_CONTACT,
    PROFILE_INTERESTS,
    PROFILE_KNOWLEDGE,
    PROFILE_LED,
    PROFILE_MEMBER,
    PROFILE_METHODS,
    PROFILE_OPENERS,
    PROFILE_PREVIOUS,
    RESULTS,
    SECOND_RESULT,
    STOP_REASONS,
    TEAM_LEAD,
    TEAM_PARTNER,
    TEAM_SPONSOR,
)
from sample_topics import EVIDENCE_TOPICS, HOSPITAL, PROJECT_TOPICS, RELATED, SETTING_ORGS, TOPICS  # noqa: E402
from sample_world import (  # noqa: E402
    ACADEMIC_JOURNALS,
    FIRST_NAMES,
    JOB_TITLES,
    KM_TECHNIQUES,
    LAST_NAMES,
    ORG_WEIGHTS,
    ORGANISATIONS,
    QI_METHODS,
    REFERENCE_TITLES,
)

DEFAULT_COUNT = 360
DEFAULT_SEED = 20240611
TODAY = (2026, 1)  # the corpus is written as if in January 2026
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORG = {o["short"]: o for o in ORGANISATIONS}
PLACE = {
    "nmt": "Northmoor",
    "rwh": "Riverside",
    "kbu": "Kestrel Bay",
    "cvc": "Calder Vale",
    "hlp": "Harrowfield",
    "tas": "Tarnside",
    "gti": "Greyhaven and Tarn",
    "uoe": "Eastmere",
    "ltl": "the Lantern Trust",
    "ncci": "the National Centre",
    "ehin": "the Eastmere network",
}
# Topics each organisation works on (projects); acute trusts work on everything.
ORG_TOPICS: dict[str, tuple[str, ...]] = {
    "cvc": (
        "pressure_ulcers",
        "frailty",
        "falls",
        "end_of_life",
        "copd",
        "heart_failure",
        "discharge",
        "medicines_safety",
        "staff_wellbeing",
    ),
    "hlp": ("dementia", "delirium", "staff_wellbeing", "medicines_safety", "health_inequalities", "falls"),
    "tas": ("falls", "deterioration", "sepsis", "end_of_life", "staff_wellbeing", "frailty"),
    "gti": ("health_inequalities", "frailty", "discharge", "medicines_safety", "copd", "end_of_life"),
    "uoe": ("delirium", "health_inequalities", "pressure_ulcers"),
    "ltl": ("dementia", "end_of_life", "health_inequalities"),
    "ncci": ("deterioration",),
    "ehin": ("deterioration", "heart_failure", "copd", "medicines_safety", "falls", "aki"),
}
PROJECT_ORG_WEIGHTS = {
    "nmt": 20,
    "rwh": 17,
    "kbu": 16,
    "cvc": 13,
    "hlp": 10,
    "tas": 6,
    "gti": 6,
    "uoe": 2,
    "ltl": 2,
    "ncci": 1,
    "ehin": 7,
}
EVIDENCE_ORG_WEIGHTS = {
    "uoe": 5,
    "ncci": 6,
    "ehin": 3,
    "gti": 1,
    "nmt": 2,
    "rwh": 1,
    "kbu": 2,
    "cvc": 1,
    "hlp": 1,
    "ltl": 2,
    "tas": 1,
}
# Headline topics come up more often.
TOPIC_WEIGHTS = {
    "sepsis": 6,
    "falls": 6,
    "pressure_ulcers": 6,
    "deterioration": 6,
    "discharge": 6,
    "delirium": 4,
    "medicines_safety": 4,
    "frailty": 4,
}
# Organisation types that people move between.
MOVES = {
    "acute trust": (
        "acute trust",
        "community trust",
        "integrated care board",
        "university",
        "health innovation network",
    ),
    "community trust": ("acute trust", "community trust"),
    "mental health trust": ("acute trust", "mental health trust"),
    "ambulance trust": ("acute trust",),
    "integrated care board": ("acute trust", "community trust"),
    "university": ("acute trust", "mental health trust"),
    "charity": ("mental health trust", "community trust"),
    "national body": ("acute trust", "health innovation network", "university"),
    "health innovation network": ("acute trust", "national body"),
}
METHOD_WEIGHTS = {
    "pdsa": 70,
    "model_for_improvement": 45,
    "driver_diagram": 35,
    "process_mapping": 30,
    "spc": 30,
    "run_chart": 35,
    "lean": 12,
    "six_sigma": 6,
    "ebcd": 12,
    "root_cause": 12,
}
METHOD_TAGS = {
    "pdsa": "PDSA",
    "model_for_improvement": "model for improvement",
    "driver_diagram": "driver diagram",
    "process_mapping": "process mapping",
    "spc": "SPC",
    "run_chart": "run chart",
    "lean": "Lean",
    "six_sigma": "Six Sigma",
    "ebcd": "experience-based co-design",
    "root_cause": "root cause analysis",
}
LEVELS = ("guideline", "systematic review", "rct", "cohort", "qualitative", "case study", "expert opinion")
LEVEL_WEIGHTS = (10, 30, 12, 16, 14, 12, 6)


# ---------------------------------------------------------------- the world


@dataclass
class Job:
    org: str
    title: str
    topics: tuple[str, ...]
    honorific: str
    kind: str
    start: int
    end: int | None = None  # last year in post; None means current


@dataclass(eq=False)
class Person:
    name: str
    first: str
    jobs: list[Job]
    topics: list[str]
    visibility: str
    methods: list[str]
    led: list[dict] = field(default_factory=list)
    joined: list[dict] = field(default_factory=list)

    @property
    def job(self) -> Job:
        return self.jobs[-1]

    def job_in(self, year: int) -> Job:
        for job in self.jobs:
            if job.start <= year and (job.end is None or year <= job.end):
                return job
        return self.jobs[0] if year < self.jobs[0].start else self.jobs[-1]

    def styled(self, year: int) -> str:
        """The name as text would write it, with an honorific where the role has one."""
        honorific = self.job_in(year).honorific
        return f"{honorific} {self.name}" if honorific else self.name

    @property
    def email(self) -> str:
        local = re.sub(r"[^a-z.]", "", self.name.lower().replace(" ", "."))
        return f"{local}@{ORG[self.job.org]['domain']}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def a_an(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def join_and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def titles_for(org: str) -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    return JOB_TITLES[ORG[org]["type"]]


def make_people(rng: random.Random, count: int) -> list[Person]:
    """People with jobs; every organisation gets a senior sponsor and a knowledge specialist first."""
    names = [f"{f} {last}" for f in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(names)
    if count > len(names):  # very large corpora: add middle initials
        names += [f"{n.split()[0]} {chr(65 + i % 26)}. {n.split()[1]}" for i, n in enumerate(names)]
    seeds: list[tuple[str, tuple]] = []
    for short in ORG:
        bank = titles_for(short)
        for kinds in (("senior",), ("knowledge", "academic")):
            options = [t for t in bank if t[3] in kinds] or list(bank)
            seeds.append((short, rng.choice(options)))
    people: list[Person] = []
    for i in range(count):
        if i < len(seeds):
            org, title = seeds[i]
        else:
            org = weighted(rng, ORG_WEIGHTS)
            bank = titles_for(org)
            title = rng.choices(bank, weights=[1 if t[3] == "senior" else 4 for t in bank])[0]
        name = names[i]
        first = name.split()[0]
        topics = list(title[1])
        extra = [t for t in PROJECT_TOPICS if t not in topics]
        while len(topics) < 2 or (len(topics) < 3 and rng.random() < 0.4):
            pick = rng.choice(extra)
            extra.remove(pick)
            topics.append(pick)
        jobs = [Job(org, title[0], title[1], title[2], title[3], rng.randint(2006, 2018))]
        if rng.random() < 0.2 and i >= len(seeds):
            moved = rng.randint(2020, 2024)
            types = MOVES[ORG[org]["type"]]
            others = [s for s in ORG if s != org and ORG[s]["type"] in types]
            prev_org = rng.choice(others)
            prev_bank = [t for t in titles_for(prev_org) if t[3] != "senior"]
            matching = [t for t in prev_bank if set(t[1]) & set(topics)]
            prev = rng.choice(matching or prev_bank)
            jobs = [
                Job(prev_org, prev[0], prev[1], prev[2], prev[3], rng.randint(2010, 2017), moved - 1),
                Job(org, title[0], title[1], title[2], title[3], moved),
            ]
        methods = rng.sample(list(METHOD_WEIGHTS), 2)
        people.append(Person(name, first, jobs, topics, "public", methods))
    # A few people opted out (hidden) and some are internal only.
    order = list(range(len(seeds), count))
    rng.shuffle(order)
    hidden = max(4, round(count * 0.055))
    for i in order[:hidden]:
        people[i].visibility = "hidden"
    for i in order[hidden : hidden + count // 10]:
        people[i].visibility = "internal"
    return people


class Directory:
    """Find people by organisation, year, topic and kind of role."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.tiers: dict[tuple, list[list[Person]]] = {}
        self.staff: dict[tuple[str, int], list[tuple[Person, Job]]] = {}
        self.by_org: dict[str, list[Person]] = {s: [] for s in ORG}
        for p in people:
            for short in dict.fromkeys(j.org for j in p.jobs):
                self.by_org[short].append(p)

    def _tiers(self, org: str, year: int, topic: str | None, kinds: tuple[str, ...]) -> list[list[Person]]:
        """Candidates best first: right kind of role and topic in the job, topic in interests, anyone."""
        key = (org, year, topic, kinds)
        if key not in self.tiers:
            if (org, year) not in self.staff:
                pairs = [(p, p.job_in(year)) for p in self.by_org[org]]
                self.staff[(org, year)] = [(p, job) for p, job in pairs if job.org == org]
            staff = self.staff[(org, year)]
            tiers: list[list[Person]] = []
            for group in ([(p, job) for p, job in staff if job.kind in kinds], staff):
                if topic:
                    tiers.append([p for p, job in group if topic in job.topics])
                    tiers.append([p for p, _ in group if topic in p.topics])
                tiers.append([p for p, _ in group])
            self.tiers[key] = [tier for tier in tiers if tier]
        return self.tiers[key]

    def pick(
        self,
        rng: random.Random,
        org: str,
        year: int,
        topic: str | None = None,
        kinds: tuple[str, ...] = (),
        exclude: tuple[Person, ...] = (),
    ) -> Person | None:
        """Someone working at `org` in `year`, preferring the kinds of role and the topic given."""
        for tier in self._tiers(org, year, topic, kinds):
            for _ in range(4):  # cheap tries before filtering the whole tier
                person = rng.choice(tier)
                if person not in exclude:
                    return person
            pool = [p for p in tier if p not in exclude]
            if pool:
                return rng.choice(pool)
        return None


# ---------------------------------------------------------------- numbers and measures


def fmt(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{round(value)}%"
    if unit == "minutes":
        return f"{round(value)} minutes"
    if unit == "hours":
        return f"{round(value)} hours"
    if unit == "days":
        return f"{value:.1f} days" if value < 20 else f"{round(value)} days"
    if unit == "rate":
        return f"{value:.1f} per 1,000 occupied bed days"
    if unit == "monthly":
        return f"{round(value):,} a month"
    return f"{value:.1f}"


PERCENT_OF = ("patients", "staff", "people", "carers", "frail", "omitted", "observation", "fluid", "missed")


def measure_phrase(measure: tuple) -> str:
    name, unit = measure[0], measure[1]
    if unit == "percent":
        return f"the percentage of {name}" if name.split()[0] in PERCENT_OF else name
    if unit in ("minutes", "hours"):
        return f"the median {name}"
    if unit == "days":
        return f"the median number of {name}" if name.startswith("days") else f"the median {name}"
    if unit == "rate":
        return f"the rate of {name}"
    if unit == "monthly":
        return f"the number of {name}"
    return f"the {name}"


def outcome_numbers(rng: random.Random, measure: tuple, polarity: str | None) -> dict[str, float]:
    _, unit, low, high, better = measure
    base = rng.uniform(low, high)
    sign = -1 if better == "down" else 1
    ceiling = 97 if unit == "percent" else float("inf")

    def move(fraction: float) -> float:
        value = base * (1 + sign * fraction)
        return max(0.3, min(ceiling, value))

    if polarity == "improved":
        gain = rng.uniform(0.15, 0.45)
        return {"a": base, "b": move(gain), "c": move(gain), "target": move(gain * 1.1)}
    if polarity == "no_change":
        return {"a": base, "b": move(rng.uniform(-0.03, 0.03)), "c": base, "target": move(0.3)}
    if polarity == "worsened":
        return {"a": base, "b": move(-rng.uniform(0.08, 0.25)), "c": base, "target": move(0.3)}
    if polarity == "not_sustained":
        return {"a": base, "b": move(rng.uniform(0.2, 0.4)), "c": move(rng.uniform(-0.02, 0.05)), "target": move(0.3)}
    return {"a": base, "b": move(rng.uniform(-0.1, 0.2)), "c": base, "target": move(0.3)}


NO_ARTICLE = (
    "care homes",
    "nursing homes",
    "primary care networks",
    "deprived neighbourhoods",
    "memory services",
    "district nursing teams",
    "outpatient clinics",
    "same day emergency care",
    "acute trusts",
)


def at_setting(setting: str) -> str:
    """'on the stroke unit', 'in care homes', 'in the emergency department'."""
    if setting in NO_ARTICLE:
        return f"in {setting}"
    if setting.endswith(("ward", "wards", "unit")):
        return f"on the {setting}"
    if setting.endswith("caseload"):
        return f"across the {setting}"
    return f"in the {setting}"


def settings_for(topic: dict, org: str) -> list[str]:
    kind = ORG[org]["type"]
    fitting = [s for s in topic["settings"] if kind in SETTING_ORGS.get(s, HOSPITAL)]
    return fitting or list(topic["settings"])


def lower_first(title: str) -> str:
    return title[0].lower() + title[1:] if len(title) > 1 and title[1].islower() else title


class _Values(dict):
    """Template values where {Key} is the value of {key} with a capital letter."""

    def __missing__(self, key: str) -> str:
        return cap(self[key[0].lower() + key[1:]])


def filled(template: str, **values: str) -> str:
    """Fill a template; settings get the right preposition and article, capitalised keys a capital."""
    if "setting" in values:
        setting = values["setting"]
        values["at_setting"] = at_setting(setting)
        values["the_setting"] = setting if setting in NO_ARTICLE else f"the {setting}"
        template = re.sub(r"\b(?:on|in|across) the \{setting\}|\bin \{setting\}", "{at_setting}", template)
        template = re.sub(r"\bthe \{setting\}", "{the_setting}", template)
    return cap(template.format_map(_Values(values)))


def month_name(ym: tuple[int, int]) -> str:
    return f"{MONTHS[ym[1] - 1]} {ym[0]}"


def add_months(ym: tuple[int, int], n: int) -> tuple[int, int]:
    total = ym[0] * 12 + ym[1] - 1 + n
    return total // 12, total % 12 + 1


def iso(ym: tuple[int, int], day: int | None = None) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}" + (f"-{day:02d}" if day else "")


class Titles:
    """Keep titles unique so that records can cite each other by title."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def unique(self, title: str, *alternates: str) -> str:
        """The title, else the first unused alternate, else the title numbered."""
        numbered = (f"{title} ({n})" for n in itertools.count(2))
        for candidate in itertools.chain((title,), alternates, numbered):
            if candidate.lower() not in self.used:
                self.used.add(candidate.lower())
                return candidate
        raise AssertionError("unreachable")


# ---------------------------------------------------------------- documents


def person_ref(person: Person, role: str, year: int, email: bool = False) -> dict:
    ref = {"name": person.name, "role": role, "organisation": ORG[person.job_in(year).org]["name"]}
    if email:
        ref["email"] = person.email
    if person.visibility != "public":
        ref["visibility"] = person.visibility
    return ref


def describe(person: Person, year: int, org: str) -> str:
    job = person.job_in(year)
    where = "" if job.org == org else f", {ORG[job.org]['name']}"
    return f"{person.styled(year)} ({job.title}{where})"


def make_evidence(rng: random.Random, count: int, directory: Directory, titles: Titles) -> list[dict]:
    docs: list[dict] = []
    counters: dict[str, int] = {}
    topic_list = list(EVIDENCE_TOPICS)
    for i in range(count):
        topic_key = topic_list[i % len(topic_list)] if i < len(topic_list) * 2 else rng.choice(topic_list)
        topic = TOPICS[topic_key]
        org = weighted(rng, EVIDENCE_ORG_WEIGHTS)
        year = rng.randint(2018, 2025)
        ym = (year, rng.randint(1, 12))
        authors: list[Person] = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            kinds = ("knowledge", "academic") if not authors else ("academic", "clinical", "knowledge")
            person = directory.pick(rng, org, year, topic_key, kinds, tuple(authors))
            if person:
                authors.append(person)
        level = rng.choices(LEVELS, weights=LEVEL_WEIGHTS)[0]
        if org == "ncci" and rng.random() < 0.5:
            level = "guideline"
        index = rng.randrange(len(topic["evidence_titles"]))
        base = topic["evidence_titles"][index]
        if rng.random() < 0.4:
            title = titles.unique(f"{base}: {year} update", base, f"{base}: a rapid review")
        else:
            title = titles.unique(base, f"{base}: {year} update", f"{base}: a rapid review")
        primary = topic["findings"][index % len(topic["findings"])]
        others = [f for f in topic["findings"] if f != primary]
        intervention = rng.choice(topic["interventions"])
        author_text = join_and([a.styled(year) for a in authors])
        y1 = year - rng.randint(5, 15)
        n, k = rng.randint(8, 60), rng.randint(2, 9)
        paragraphs = [
            filled(
                rng.choice(EVIDENCE_INTRO),
                authors=author_text,
                org=ORG[org]["name"],
                asker=rng.choice(ASKERS),
                topic=rng.choice(topic["surfaces"]),
                intervention=intervention,
            ),
            filled(rng.choice(EVIDENCE_SEARCH), y1=str(y1), y2=str(year), n=str(n), k=str(k)),
            " ".join([primary] + rng.sample(others, min(len(others), rng.randint(1, 2)))),
            EVIDENCE_LEVEL[level].format(n=n, k=k),
            rng.choice(EVIDENCE_IMPLICATIONS) + " " + rng.choice(EVIDENCE_GAPS),
            "References\n" + "\n".join(references(rng, topic, year, rng.randint(2, 4))),
        ]
        counters[org] = counters.get(org, 0) + 1
        docs.append(
            {
                "id": f"ev-{org}-{counters[org]:04d}",
                "kind": "evidence",
                "title": title,
                "date": iso(ym, rng.randint(1, 28)),
                "organisation": ORG[org]["name"],
                "level": level,
                "people": [person_ref(a, "author", year) for a in authors],
                "tags": [topic["name"], level],
                "text": "\n\n".join(paragraphs),
                "_topic": topic_key,
                "_year": year,
                "_org": org,
            }
        )
    return docs


def references(rng: random.Random, topic: dict, year: int, count: int) -> list[str]:
    refs = []
    for n in range(1, count + 1):
        names = [f"{rng.choice(LAST_NAMES)} {rng.choice(FIRST_NAMES)[0]}" for _ in range(rng.randint(1, 3))]
        subject = cap(rng.choice(topic["interventions"] + topic["surfaces"]))
        ref_year = year - rng.randint(0, 6)
        vol, issue, page = rng.randint(3, 40), rng.randint(1, 12), rng.randint(1, 400)
        refs.append(
            f"{n}. {', '.join(names)} ({ref_year}) {subject}: {rng.choice(REFERENCE_TITLES)}. "
            f"{rng.choice(ACADEMIC_JOURNALS)} {vol}({issue}):{page}-{page + rng.randint(5, 14)}."
        )
    return refs


def choose_methods(rng: random.Random) -> list[str]:
    count = rng.choice((2, 2, 3, 3, 4))
    chosen: list[str] = []
    while len(chosen) < count:
        pick = weighted(rng, METHOD_WEIGHTS)
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def method_sentence(rng: random.Random, key: str, months: int) -> str:
    bank = QI_METHODS[key]
    name = rng.choice(bank["names"])
    return filled(rng.choice(bank["sentences"]), name=name, k=str(rng.randint(3, 9)), months=str(months))


def km_sentence(rng: random.Random, key: str, km: str, other: str) -> str:
    bank = KM_TECHNIQUES[key]
    return filled(rng.choice(bank["sentences"]), name=rng.choice(bank["names"]), km=km, other=other)


def project_status(rng: random.Random, ym: tuple[int, int]) -> str:
    months_ago = (TODAY[0] - ym[0]) * 12 + TODAY[1] - ym[1]
    if months_ago < 0:
        return "planned"
    if months_ago < 10:
        return rng.choice(("active", "active", "active", "planned")) if months_ago < 2 else "active"
    return rng.choices(("completed", "stopped", "active"), weights=(75, 12, 13))[0]


POLARITY = {
    "completed": (("improved", "no_change", "worsened", "not_sustained", "unclear"), (50, 15, 8, 15, 12)),
    "stopped": (("unclear", "no_change", "worsened"), (50, 30, 20)),
    "active": (("improved", "unclear", "no_change"), (50, 40, 10)),
}


def make_projects(
    rng: random.Random, count: int, directory: Directory, titles: Titles, evidence: list[dict]
) -> list[dict]:
    docs: list[dict] = []
    counters: dict[str, int] = {}
    evidence_by_topic: dict[str, list[dict]] = {}
    for ev in evidence:
        evidence_by_topic.setdefault(ev["_topic"], []).append(ev)
    for i in range(count):
        org = weighted(rng, PROJECT_ORG_WEIGHTS)
        options = ORG_TOPICS.get(org, PROJECT_TOPICS)
        topic_key = rng.choices(options, weights=[TOPIC_WEIGHTS.get(t, 3) for t in options])[0]
        if i < len(PROJECT_TOPICS):  # every project topic appears at least once
            topic_key = PROJECT_TOPICS[i]
            org = rng.choice([o for o in ("nmt", "rwh", "kbu")])
        topic = TOPICS[topic_key]
        year = rng.choices(range(2019, 2027), weights=(8, 7, 10, 12, 14, 15, 14, 4))[0]
        start = (year, rng.randint(1, 12))
        if year == 2026:
            start = (2026, rng.randint(1, 9))
        status = project_status(rng, start)
        duration = rng.randint(6, 24) if status == "completed" else rng.randint(3, 12)
        end = add_months(start, duration)
        if status == "completed" and end > (2025, 12):
            end = (2025, 12)
        polarity = None
        if status in POLARITY:
            values, weights = POLARITY[status]
            polarity = rng.choices(values, weights=weights)[0]

        lead = directory.pick(rng, org, year, topic_key, ("clinical", "improvement", "academic"))
        team = [lead]
        for _ in range(rng.randint(2, 4)):
            member = directory.pick(
                rng, org, year, topic_key if rng.random() < 0.6 else None, ("clinical", "improvement"), tuple(team)
            )
            if member and member not in team:
                team.append(member)
        knowledge = None
        if rng.random() < 0.45:
            knowledge = directory.pick(rng, org, year, None, ("knowledge",), tuple(team))
            if knowledge and knowledge.job_in(year).kind == "knowledge":
                team.append(knowledge)
            else:
                knowledge = None
        partner = None
        if rng.random() < 0.4:
            partner_org = rng.choice([s for s in ORG if s != org])
            partner = directory.pick(rng, partner_org, year, topic_key, (), tuple(team))
            if partner:
                team.append(partner)
        sponsor = None
        if rng.random() < 0.85:
            sponsor = directory.pick(rng, org, year, None, ("senior",), tuple(team))
            if sponsor and sponsor.job_in(year).kind != "senior":
                sponsor = None

        measure, second = rng.sample(topic["measures"], 2)
        numbers = outcome_numbers(rng, measure, polarity)
        setting = rng.choice(settings_for(topic, org))
        interventions = rng.sample(topic["interventions"], 2)
        surface = rng.choice(topic["surfaces"])
        title_template = rng.choice(topic["titles"])
        title = filled(title_template, setting=setting, surface=surface, intervention=interventions[0])
        if title.startswith("Introducing "):
            verb = rng.choice(("Introducing", "Testing", "Embedding", "Implementing", "Piloting"))
            title = f"{verb} {title.split(' ', 1)[1]}"
        title = titles.unique(title, f"{title} at {PLACE[org]}", *(f"{title}: phase {n}" for n in range(2, 6)))
        methods = choose_methods(rng)
        km_keys = rng.sample(list(KM_TECHNIQUES), rng.randint(1, 2))
        unit = measure[1]
        values = {k: fmt(v, unit) for k, v in numbers.items()}
        by = month_name(end if status in ("completed", "stopped") else max(add_months(start, 12), (2026, 6)))
        verb = "reduce" if measure[4] == "down" else "increase"
        aim = filled(
            rng.choice(AIMS_PLANNED if status == "planned" else AIMS),
            verb=verb,
            measure=measure_phrase(measure),
            a=values["a"],
            target=values["target"],
            by=by,
            setting=setting,
            months=str(duration),
        )

        org_name = ORG[org]["name"]
        members = [describe(p, year, org) for p in team[1:] if p is not partner]
        paragraphs = [
            filled(
                rng.choice(topic["background"]),
                setting=setting,
                surface=surface,
                org=org_name,
                n=str(rng.randint(40, 300)),
            )
            + " "
            + filled(rng.choice(BACKGROUND_GENERIC), org=org_name, about=ORG[org]["about"]),
            aim,
        ]
        team_text = filled(
            rng.choice(TEAM_LEAD),
            lead=lead.styled(year),
            lead_title=lead.job_in(year).title,
            org=org_name,
            members=join_and(members) or "colleagues from the ward team",
        )
        if sponsor:
            team_text += " " + filled(
                rng.choice(TEAM_SPONSOR), sponsor=sponsor.styled(year), sponsor_title=sponsor.job_in(year).title
            )
        if partner:
            pj = partner.job_in(year)
            team_text += " " + filled(
                rng.choice(TEAM_PARTNER),
                partner=partner.styled(year),
                partner_title=pj.title,
                partner_org=ORG[pj.org]["name"],
            )
        paragraphs.append(team_text)
        method_text = " ".join(method_sentence(rng, m, duration) for m in methods)
        method_text += " " + filled(rng.choice(CHANGES), i1=interventions[0], i2=interventions[1])
        paragraphs.append(method_text)
        paragraphs.append(
            filled(
                rng.choice(MEASURES), m1=measure_phrase(measure), m2=measure_phrase(second), bal=rng.choice(BALANCING)
            )
        )
        if year == 2020 or (year == 2019 and end >= (2020, 3)):
            paragraphs.append(rng.choice(COVID))
        if status == "planned":
            pass
        elif status == "active":
            bank = EARLY_RESULTS.get(polarity or "unclear", EARLY_RESULTS["unclear"])
            paragraphs.append(filled(rng.choice(bank), measure=measure_phrase(measure), **values))
        else:
            result = filled(
                rng.choice(RESULTS[polarity]), measure=measure_phrase(measure), months=str(duration), **values
            )
            if rng.random() < 0.5:
                second_numbers = outcome_numbers(rng, second, "improved")
                sv = {k: fmt(v, second[1]) for k, v in second_numbers.items()}
                moved = "rose" if second[4] == "up" else "fell"
                result += " " + filled(
                    rng.choice(SECOND_RESULT), measure=measure_phrase(second), verb=moved, a=sv["a"], b=sv["b"]
                )
            paragraphs.append(result)
        km_name = describe(knowledge, year, org) if knowledge else "the library and knowledge service"
        other_org = ORG[rng.choice([s for s in ("nmt", "rwh", "kbu", "cvc") if s != org])]["name"]
        paragraphs.append(" ".join(km_sentence(rng, k, km_name, other_org) for k in km_keys))
        poor = polarity in ("no_change", "worsened", "not_sustained")
        steps_key = "completed_poor" if status == "completed" and poor else status
        paragraphs.append(
            filled(
                rng.choice(NEXT_STEPS[steps_key]),
                start=month_name(start),
                reason=rng.choice(STOP_REASONS),
                months=str(duration),
            )
        )

        cites: list[str] = []
        pool = [e for e in evidence_by_topic.get(topic_key, []) if e["_year"] <= year]
        for rel in RELATED.get(topic_key, ())[:1]:
            pool += [e for e in evidence_by_topic.get(rel, []) if e["_year"] <= year and rng.random() < 0.3]
        if pool and rng.random() < 0.8:
            for ev in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
                cites.append(ev["title"] if rng.random() < 0.15 else ev["id"])

        people = [person_ref(lead, "lead", year, email=rng.random() < 0.3)]
        people += [person_ref(p, "member", year) for p in team[1:]]
        if sponsor:
            people.append(person_ref(sponsor, "sponsor", year))
        counters[org] = counters.get(org, 0) + 1
        doc = {
            "id": f"proj-{org}-{counters[org]:04d}",
            "kind": "project",
            "title": title,
            "date": iso(start, rng.randint(1, 28) if rng.random() < 0.5 else None),
            "end_date": iso(end) if status in ("completed", "stopped") else None,
            "organisation": org_name,
            "status": status,
            "people": people,
            "cites": cites,
            "tags": [topic["name"]] + [METHOD_TAGS[m] for m in methods],
            "text": "\n\n".join(paragraphs),
            "_topic": topic_key,
            "_year": year,
            "_org": org,
            "_polarity": polarity,
            "_end": end,
            "_measure": measure,
            "_values": values,
            "_lead": lead,
            "_team": team,
            "_knowledge": knowledge,
            "_km": km_keys,
        }
        docs.append(doc)
        lead.led.append(doc)
        for p in team[1:]:
            p.joined.append(doc)
    return docs


def make_lessons(
    rng: random.Random, count: int, projects: list[dict], directory: Directory, titles: Titles
) -> list[dict]:
    candidates = [
        p
        for p in projects
        if p["status"] in ("completed", "stopped") or (p["status"] == "active" and p["_year"] <= 2024)
    ]
    docs: list[dict] = []
    counters: dict[str, int] = {}
    per_project: dict[str, int] = {}
    order = candidates[:]
    rng.shuffle(order)
    i = 0
    while len(docs) < count and order:
        project = order[i % len(order)]
        i += 1
        if per_project.get(project["id"], 0) >= 3 and i < len(order) * 10:
            continue
        per_project[project["id"]] = per_project.get(project["id"], 0) + 1
        topic = TOPICS[project["_topic"]]
        org = project["_org"]
        when = add_months(project["_end"], rng.randint(0, 3)) if project["end_date"] else (2025, rng.randint(6, 12))
        if when > (2025, 12):
            when = (2025, 12)
        year = when[0]
        lead: Person = project["_lead"]
        facilitator = project["_knowledge"] or directory.pick(
            rng, org, year, None, ("knowledge", "improvement"), (lead,)
        )
        polarity = project["_polarity"] or "unclear"
        values = project["_values"]
        measure = measure_phrase(project["_measure"])
        technique = KM_TECHNIQUES[
            rng.choice(("after_action_review", "retrospect", "after_action_review", "knowledge_cafe"))
        ]["names"][0]
        captured = f"These lessons were captured at {technique}"
        if facilitator and facilitator is not lead:
            captured += f" facilitated by {facilitator.styled(year)}, {facilitator.job_in(year).title}"
        happened = filled(rng.choice(LESSON_HAPPENED[polarity]), measure=measure, **values)
        topical = rng.sample(topic["lessons"], min(2, len(topic["lessons"])))
        paragraphs = [
            f"{project['title']} ({ORG[org]['name']}, {project['_year']}). {captured}.",
            "What happened. " + happened + " " + topical[0],
            "What we would repeat. " + " ".join(rng.sample(LESSON_REPEAT, 2)),
            "What we would change. " + " ".join(rng.sample(LESSON_CHANGE, 2)) + " " + topical[-1],
        ]
        template = rng.choice(LESSON_TITLES)
        title = titles.unique(
            template.format(title=project["title"], title_lc=lower_first(project["title"])),
            f"Lessons learned ({when[0]}): {project['title']}",
        )
        people = [person_ref(lead, "author", year)]
        if facilitator and facilitator is not lead:
            people.append(person_ref(facilitator, "author", year))
        counters[org] = counters.get(org, 0) + 1
        docs.append(
            {
                "id": f"lesson-{org}-{counters[org]:04d}",
                "kind": "lesson",
                "title": title,
                "date": iso(when, rng.randint(1, 28)),
                "organisation": ORG[org]["name"],
                "project": project["id"],
                "people": people,
                "tags": [topic["name"], "lessons learned"],
                "text": "\n\n".join(paragraphs),
                "_org": org,
            }
        )
    return docs


def make_profiles(rng: random.Random, people: list[Person]) -> list[dict]:
    docs = []
    for person in people:
        job = person.job
        org_name = ORG[job.org]["name"]
        expertise = [rng.choice(TOPICS[t]["expertise"]) for t in person.topics]
        third = rng.random() < 0.3
        pick = (
            (lambda bank: rng.choice([s for s in bank if s.startswith("{first}")]))
            if third
            else (lambda bank: rng.choice([s for s in bank if not s.startswith("{first}")]))
        )
        sentences = [
            filled(
                pick(PROFILE_OPENERS), a_title=a_an(job.title), org=org_name, year=str(job.start), first=person.first
            )
        ]
        rest = expertise[1:]
        more = "; ".join(rest[:-1]) + "; and " + rest[-1] if len(rest) > 1 else rest[0]
        sentences.append(filled(pick(PROFILE_INTERESTS), e1=expertise[0], e2=more, first=person.first))
        if job.kind == "knowledge":
            sentence = rng.choice(PROFILE_KNOWLEDGE)
            sentences.append(
                sentence
                if not third
                else f"{person.first} supports improvement teams with evidence searches, summaries and lessons learned."
            )
        if len(person.jobs) > 1:
            prev = person.jobs[0]
            sentences.append(
                filled(
                    pick(PROFILE_PREVIOUS),
                    org=org_name,
                    year=str(job.start),
                    prev_org=ORG[prev.org]["name"],
                    a_prev_title=a_an(prev.title),
                    prev_year=str(prev.start),
                    n=str(job.start - prev.start),
                    first=person.first,
                )
            )
        for project in person.led[-2:]:
            sentences.append(
                filled(pick(PROFILE_LED), title=project["title"], year=str(project["_year"]), first=person.first)
            )
        if person.joined:
            titles = [p["title"] for p in person.joined[-3:]]
            sentences.append(filled(pick(PROFILE_MEMBER), titles=join_and(titles), first=person.first))
        if job.kind in ("clinical", "improvement", "academic"):
            m1, m2 = (rng.choice(QI_METHODS[m]["names"]) for m in person.methods)
            sentences.append(
                filled(pick(PROFILE_METHODS), m1=m1, m2=m2, year=str(rng.randint(2015, 2023)), first=person.first)
            )
        contact = rng.choice(PROFILE_CONTACT)
        if contact and not third:
            sentences.append(filled(contact, e1=expertise[0]))
        ref = {
            "name": person.name,
            "role": job.title,
            "organisation": org_name,
            "email": person.email,
            "visibility": person.visibility,
        }
        docs.append(
            {
                "id": f"profile-{slug(person.name)}",
                "kind": "profile",
                "title": person.name,
                "date": iso((2025, rng.randint(1, 12)), rng.randint(1, 28)),
                "organisation": org_name,
                "people": [ref],
                "visibility": person.visibility,
                "tags": [TOPICS[t]["name"] for t in person.topics],
                "text": " ".join(sentences),
                "_org": job.org,
            }
        )
    return docs


def make_blogs(
    rng: random.Random,
    count: int,
    people: list[Person],
    projects: list[dict],
    evidence: list[dict],
    directory: Directory,
    titles: Titles,
) -> list[dict]:
    docs: list[dict] = []
    counters: dict[str, int] = {}
    knowledge = [p for p in people if p.job.kind == "knowledge" and p.visibility != "hidden"]
    evidence_by_topic: dict[str, list[dict]] = {}
    for ev in evidence:
        evidence_by_topic.setdefault(ev["_topic"], []).append(ev)
    ev_topics = [t for t in EVIDENCE_TOPICS if len(evidence_by_topic.get(t, [])) >= 2]
    finished = [p for p in projects if p["status"] == "completed" and p["_year"] <= 2024]
    for i in range(count):
        year_month = (rng.choice((2023, 2024, 2025)), rng.randint(1, 12))
        year = year_month[0]
        if i % 2 == 0 and ev_topics:
            topic_key = rng.choice(ev_topics)
            topic = TOPICS[topic_key]
            author = rng.choice(knowledge)
            cited = rng.sample(evidence_by_topic[topic_key], min(3, len(evidence_by_topic[topic_key])))
            name = topic["name"]
            title = rng.choice(BLOG_EVIDENCE_TITLES).format(topic=name)
            title = titles.unique(title, f"{title} ({year})")
            lines = [
                f"# {title}",
                "",
                filled(rng.choice(BLOG_EVIDENCE_OPENERS), topic=name),
                "",
                "## What the evidence says",
                "",
            ]
            for ev in cited:
                finding = ev["text"].split("\n\n")[2].split(". ")[0].rstrip(".")
                lines.append(f"- **{ev['title']}** ({ev['level']}, {ev['date'][:4]}): {finding}.")
            experts = [p for p in projects if p["_topic"] == topic_key and p["_lead"].visibility == "public"]
            if experts:
                lines += ["", "## Who to talk to", ""]
                for project in rng.sample(experts, min(3, len(experts))):
                    lead = project["_lead"]
                    lines.append(
                        f"- {lead.styled(project['_year'])}, {lead.job_in(project['_year']).title} at "
                        f"{project['organisation']}, led *{project['title']}*."
                    )
            lines += ["", rng.choice(BLOG_CLOSERS)]
            org = author.job.org
            doc = {
                "kind": "evidence",
                "title": title,
                "level": "expert opinion",
                "people": [person_ref(author, "author", year)],
                "cites": [e["id"] for e in cited],
                "tags": [name, "blog", "evidence round-up"],
            }
        else:
            project = rng.choice(finished or projects)
            topic = TOPICS[project["_topic"]]
            org = project["_org"]
            author = directory.pick(rng, org, year, None, ("knowledge",), ()) or rng.choice(knowledge)
            technique_key = rng.choice(("after_action_review", "peer_assist", "knowledge_cafe", "retrospect"))
            technique = KM_TECHNIQUES[technique_key]["names"][0]
            title = rng.choice(BLOG_LESSON_TITLES).format(technique_a=technique, topic=topic["name"], place=PLACE[org])
            title = titles.unique(title, f"{title} ({year})")
            lead: Person = project["_lead"]
            values = project["_values"]
            polarity = project["_polarity"] or "unclear"
            happened = filled(
                rng.choice(LESSON_HAPPENED[polarity]), measure=measure_phrase(project["_measure"]), **values
            )
            lines = [
                f"# {title}",
                "",
                filled(rng.choice(BLOG_LESSON_OPENERS), technique_a=technique, project=f"*{project['title']}*"),
                f"The project was led by {lead.styled(project['_year'])} at {project['organisation']}. " + happened,
                "",
                "## What the team told us",
                "",
            ]
            for sentence in rng.sample(topic["lessons"], min(2, len(topic["lessons"]))) + rng.sample(LESSON_REPEAT, 1):
                lines.append(f"- {sentence}")
            lines += [
                "",
                "## What they would change",
                "",
                f"- {rng.choice(LESSON_CHANGE)}",
                "",
                rng.choice(BLOG_CLOSERS),
            ]
            doc = {
                "kind": "lesson",
                "title": title,
                "project": project["title"],
                "people": [person_ref(author, "author", year), person_ref(lead, "member", project["_year"])],
                "tags": [topic["name"], "blog", KM_TECHNIQUES[technique_key]["names"][0].split(" ", 1)[1]],
            }
        counters[org] = counters.get(org, 0) + 1
        date = iso(year_month, rng.randint(1, 28))
        docs.append(
            {
                "id": f"blog-{org}-{counters[org]:04d}",
                "kind": doc["kind"],
                "title": doc["title"],
                "date": date,
                "organisation": ORG[org]["name"],
                **{k: v for k, v in doc.items() if k not in ("kind", "title")},
                "text": "\n".join(lines) + "\n",
                "_org": org,
                "_blog": True,
            }
        )
    return docs


# ---------------------------------------------------------------- the corpus and files


def build(count: int, seed: int) -> list[dict]:
    """All documents for a corpus of exactly `count` records."""
    rng = random.Random(seed)
    n_people = max(8, round(count * 0.25))
    rest = count - n_people
    n_projects = round(rest * 0.48)
    n_lessons = round(rest * 0.24)
    n_blogs = max(1, round(rest * 0.06)) if rest > 10 else 0
    n_evidence = rest - n_projects - n_lessons - n_blogs
    people = make_people(rng, n_people)
    directory = Directory(people)
    titles = Titles()
    evidence = make_evidence(rng, n_evidence, directory, titles)
    projects = make_projects(rng, n_projects, directory, titles, evidence)
    lessons = make_lessons(rng, n_lessons, projects, directory, titles)
    profiles = make_profiles(rng, people)
    blogs = make_blogs(rng, n_blogs, people, projects, evidence, directory, titles)
    docs = profiles + projects + lessons + evidence + blogs
    assert len(docs) == count, (len(docs), count)
    return docs


FIELD_ORDER = (
    "id",
    "kind",
    "title",
    "date",
    "end_date",
    "organisation",
    "status",
    "level",
    "project",
    "visibility",
    "people",
    "cites",
    "tags",
    "text",
)


def public(doc: dict) -> dict:
    """The record as written: contract fields only, in a fixed order, empty ones left out."""
    return {k: doc[k] for k in FIELD_ORDER if doc.get(k) not in (None, [], "")}


def to_jsonl(docs: list[dict]) -> str:
    return "".join(json.dumps(public(d), ensure_ascii=False) + "\n" for d in docs)


def to_markdown(doc: dict) -> str:
    record = public(doc)
    text = record.pop("text")
    front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in record.items())
    return f"---\n{front}---\n\n{text}"


CSV_FIELDS = ("id", "kind", "title", "date", "organisation", "level", "people", "cites", "tags", "text")


def to_csv(docs: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        record = public(doc)
        row = {k: record.get(k, "") for k in CSV_FIELDS}
        row["people"] = "; ".join(f"{p['name']} ({p['role']}, {p['organisation']})" for p in record["people"])
        row["cites"] = "; ".join(record.get("cites", []))
        row["tags"] = "; ".join(record.get("tags", []))
        row["text"] = " ".join(record["text"].split("\n\n")).replace("\n", " ")
        writer.writerow(row)
    return out.getvalue()


def layout(docs: list[dict], fmt_name: str) -> dict[str, str]:
    """Relative path -> file content."""
    files: dict[str, str] = {}
    groups: dict[str, list[dict]] = {}
    csv_docs: list[dict] = []
    ehin_projects: list[dict] = []
    md_docs: list[dict] = []
    single: dict | None = None
    if fmt_name == "mixed":
        single = next(
            (d for d in docs if d["kind"] == "project" and d["_org"] == "kbu" and d["status"] == "completed"), None
        )
    for doc in docs:
        if fmt_name == "mixed":
            if doc.get("_blog"):
                md_docs.append(doc)
                continue
            if doc["kind"] == "evidence" and doc["_org"] == "ncci":
                csv_docs.append(doc)
                continue
            if doc["kind"] == "project" and doc["_org"] == "ehin":
                ehin_projects.append(doc)
                continue
            if doc is single:
                continue
        groups.setdefault(doc["_org"], []).append(doc)
    for org in ORG:
        if groups.get(org):
            files[f"organisations/{slug(ORG[org]['name'])}.jsonl"] = to_jsonl(groups[org])
    if csv_docs:
        files["evidence/national-centre-evidence-register.csv"] = to_csv(csv_docs)
    if ehin_projects:
        body = json.dumps([public(d) for d in ehin_projects], ensure_ascii=False, indent=2)
        files["projects/eastmere-patient-safety-collaborative.json"] = body + "\n"
    if single:
        files[f"projects/{single['id']}.json"] = json.dumps(public(single), ensure_ascii=False, indent=2) + "\n"
    for doc in md_docs:
        files[f"blog/{doc['id']}-{slug(doc['title'])[:50].rstrip('-')}.md"] = to_markdown(doc)
    return files


OWNED = ("organisations/*.jsonl", "evidence/*.csv", "projects/*.json", "blog/*.md")


def write(out: Path, files: dict[str, str]) -> None:
    """Replace the generated files under `out`; files the generator does not own are left alone."""
    for pattern in OWNED:
        for stale in out.glob(pattern):
            stale.unlink()
    for rel, content in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="number of documents (>= 100)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--format", choices=("mixed", "jsonl"), default="mixed")
    args = parser.parse_args(argv)
    if args.count < 100:
        parser.error("--count must be at least 100")
    docs = build(args.count, args.seed)
    files = layout(docs, args.format)
    write(args.out, files)
    kinds: dict[str, int] = {}
    for doc in docs:
        kinds[doc["kind"]] = kinds.get(doc["kind"], 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    print(f"wrote {len(docs)} documents ({summary}) in {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
