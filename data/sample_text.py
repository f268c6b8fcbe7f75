"""Sentence banks for composing sample documents. Placeholders in braces are filled by make_sample.py.

All text is invented for kmob.
"""

from __future__ import annotations

AIMS = (
    "Our aim was to {verb} {measure} from {a} to {target} by {by}.",
    "The aim was to {verb} {measure} in the {setting} to {target} by {by}.",
    "We set out to {verb} {measure} by a third within {months} months.",
    "The project aimed to {verb} {measure} to {target} by {by}, without adding to staff workload.",
    "Aim: {verb} {measure} from a baseline of {a} to {target} by {by}.",
    "By {by} we wanted to {verb} {measure} from {a} to {target} for patients in the {setting}.",
)

AIMS_PLANNED = (
    "The project will aim to {verb} {measure} from {a} to {target} by {by}.",
    "The proposed aim is to {verb} {measure} in the {setting} to {target} by {by}.",
)

TEAM_LEAD = (
    "The project was led by {lead}, {lead_title}, with {members}.",
    "{lead}, {lead_title} at {org}, led a team that included {members}.",
    "The core team was {members}, led by {lead} ({lead_title}).",
    "{lead} ({lead_title}) led the work, supported by {members}.",
)

TEAM_SPONSOR = (
    "{sponsor}, {sponsor_title}, sponsored the project and chaired a monthly steering group.",
    "Executive sponsorship came from {sponsor}, {sponsor_title}.",
    "The sponsor was {sponsor} ({sponsor_title}), who helped unblock problems with estates and IT.",
)

TEAM_PARTNER = (
    "{partner} from {partner_org} joined the team to help with the evaluation.",
    "We worked with {partner} of {partner_org}, who brought experience from similar work elsewhere.",
    "{partner} ({partner_title}, {partner_org}) advised on measurement and spread.",
)

CHANGES = (
    "Change ideas included {i1} and {i2}.",
    "The main change was {i1}, supported by {i2}.",
    "We tested {i1} first, then added {i2} once the first change was reliable.",
    "Front-line staff chose two changes to test: {i1} and {i2}.",
)

MEASURES = (
    "The outcome measure was {m1}; {m2} was tracked as a process measure and {bal} as a balancing measure.",
    "We measured {m1} as the outcome, with {m2} as a process measure. {Bal} was our balancing measure.",
    "Measures: {m1} (outcome), {m2} (process) and {bal} (balancing).",
)

BALANCING = (
    "staff time per shift",
    "length of stay",
    "patient complaints",
    "bank and agency spend",
    "time to triage",
    "the number of false alerts",
    "staff-reported workload",
    "readmissions within 30 days",
)

RESULTS = {
    "improved": (
        "{Measure} improved from {a} to {b} over {months} months.",
        "The charts showed a sustained shift: {measure} moved from a baseline of {a} to {b}.",
        "By the end of the project {measure} had improved to {b}, against a baseline of {a}.",
        "We met the aim: {measure} went from {a} to {b}, and the improvement has held for six months.",
        "{Measure} improved steadily, from {a} at baseline to {b} in the final quarter.",
    ),
    "no_change": (
        "Despite good engagement, {measure} did not change: it was {a} at baseline and {b} at the end.",
        "{Measure} showed only common cause variation throughout, with no change from a median of {a}.",
        "There was no meaningful change in {measure} ({a} before, {b} after).",
        "{Measure} stayed flat at around {a}; the changes did not move the outcome.",
    ),
    "worsened": (
        "{Measure} worsened, from {a} to {b}, during a period of severe staffing pressure.",
        "Unexpectedly, {measure} got worse, moving from {a} to {b}.",
        "{Measure} deteriorated from {a} to {b}; winter bed pressures overwhelmed the changes.",
    ),
    "not_sustained": (
        "{Measure} improved from {a} to {b} during testing but was not sustained, drifting back to {c} within "
        "six months of the team stepping back.",
        "Early gains in {measure} ({a} to {b}) were not sustained; by the follow-up audit the figure was {c}.",
        "The improvement in {measure}, from {a} to {b}, was lost after the project ended and the figure "
        "returned to {c}.",
    ),
    "unclear": (
        "It is unclear whether {measure} changed: data collection was interrupted and the last value, {b}, "
        "rests on a small sample.",
        "{Measure} moved from {a} to {b}, but a change in how it was recorded makes the result unclear.",
        "The effect on {measure} is uncertain; the numbers are too small to tell ({a} before, {b} after).",
    ),
}

EARLY_RESULTS = {
    "improved": (
        "Early data are encouraging: {measure} has improved from {a} to {b} so far.",
        "After the first cycles {measure} has improved from {a} to {b}, though it is too soon to call it a shift.",
    ),
    "unclear": (
        "It is too early to say whether {measure} has changed; the latest value is {b} against a baseline of {a}.",
        "Early results are unclear, with {measure} varying between {a} and {b} from week to week.",
    ),
    "no_change": ("So far there has been no change in {measure}, which remains around {a}.",),
}

SECOND_RESULT = (
    "The process measure, {measure}, {verb} from {a} to {b}.",
    "Meanwhile {measure} {verb} from {a} to {b}.",
)

COVID = (
    "Testing paused for several months in 2020 when the team was redeployed during the COVID-19 pandemic.",
    "The pandemic interrupted the work in 2020 and the baseline had to be collected again.",
)

NEXT_STEPS = {
    "completed": (
        "The changes are now part of standard practice and are owned by the ward leadership team.",
        "The work has been adopted across the division and is monitored through the quality dashboard.",
        "The team has written up the project for the trust's improvement showcase and offered a peer assist "
        "to other sites.",
        "A spread plan to three more wards has been agreed with the divisional director of nursing.",
    ),
    "completed_poor": (
        "The project closed, and the team has recommended a different approach based on what it learned.",
        "The team shared its findings so that others do not repeat the same tests.",
        "The trust has decided not to spread the changes until the reasons for the result are understood.",
    ),
    "active": (
        "Testing continues, and the team plans to spread the work to two further wards next quarter.",
        "The team is now testing a second change idea and will review progress at the quality committee.",
        "Work is ongoing; the next step is to embed the changes in the electronic patient record.",
    ),
    "planned": (
        "Baseline data collection will start in {start}, and the first PDSA cycle is planned for the month after.",
        "The project is in set-up: the team is agreeing measures and recruiting patient partners.",
        "The project starts in {start}; the library and knowledge service has been asked for an evidence search.",
    ),
    "stopped": (
        "The project was stopped when {reason}.",
        "Work stopped after {months} months because {reason}.",
    ),
}

STOP_REASONS = (
    "the ward was reconfigured as a COVID-19 cohort area",
    "the lead left the organisation and no successor was found",
    "funding for the specialist post ended",
    "the move to a new electronic patient record made the data unavailable",
    "staff were redeployed during winter pressures",
    "a national programme replaced the local work",
)

BACKGROUND_GENERIC = (
    "{org} is {about}.",
    "The work was prompted by the trust's quality priorities for the year.",
    "Patients and carers on the project's reference group had raised the same concern.",
)

LESSON_HAPPENED = {
    "improved": (
        "The project worked: {measure} improved from {a} to {b}.",
        "The main measure improved ({a} to {b}) and the changes are still in place.",
    ),
    "no_change": (
        "The changes were delivered as planned but {measure} did not move ({a} to {b}).",
        "Staff liked the changes, yet there was no change in {measure}.",
    ),
    "worsened": (
        "{Measure} got worse over the project period, from {a} to {b}, and the team had to work out why.",
        "The outcome worsened ({a} to {b}); the changes were overwhelmed by demand.",
    ),
    "not_sustained": (
        "The improvement in {measure} ({a} to {b}) was not sustained once the project team stepped back.",
        "Gains were made during testing but slipped back to {c} after handover.",
    ),
    "unclear": (
        "We cannot say whether {measure} improved, because the data were incomplete.",
        "The result was unclear: the measure changed, but so did the way it was recorded.",
    ),
}

LESSON_REPEAT = (
    "Involving patients and carers from the first meeting.",
    "Starting on one ward and spreading only when the change was reliable.",
    "Putting weekly data on a run chart where everyone could see it.",
    "Asking the library and knowledge service for an evidence search before choosing change ideas.",
    "Protecting half a day a week for the project lead.",
    "A ten-minute daily huddle at the board.",
    "Having a senior sponsor who could unblock problems quickly.",
    "Holding a peer assist with a team that had done similar work.",
    "Celebrating small wins publicly.",
    "Testing changes on the night shift as well as the day shift.",
)

LESSON_CHANGE = (
    "We would agree data definitions before collecting the baseline.",
    "We would plan for sustainability from the start, with a named owner after the project ends.",
    "We would involve pharmacy, estates and social care earlier.",
    "We would test fewer changes at once, so that we could tell which one made the difference.",
    "We would budget for backfill so that staff could attend training.",
    "We would collect balancing measures from the beginning.",
    "We would build the change into the electronic record rather than a paper form.",
    "We would ask the knowledge service to search for prior projects, not only published evidence.",
    "We would set a smaller, more realistic aim.",
)

LESSON_TITLES = (
    "Lessons learned: {title}",
    "{title}: what we would do differently",
    "After action review: {title}",
    "Retrospect on {title_lc}",
    "What we learned from {title_lc}",
)

EVIDENCE_INTRO = (
    "This evidence summary was prepared by {authors} at {org} in response to a question from {asker} about {topic}.",
    "{authors} ({org}) summarised the evidence on {intervention} for {topic}.",
    "This summary answers the question: what works in {topic}, and in particular {intervention}?",
    "A rapid review by {authors} of {org}, written for improvement teams working on {topic}.",
)

EVIDENCE_SEARCH = (
    "We searched MEDLINE, CINAHL and the grey literature for studies published between {y1} and {y2} and "
    "found {n} relevant papers.",
    "The search covered {y1} to {y2} and identified {n} studies, of which {k} were systematic reviews.",
    "Searches of bibliographic databases and NHS improvement networks from {y1} to {y2} returned {n} relevant items.",
)

EVIDENCE_LEVEL = {
    "guideline": "The recommendations draw on systematic reviews and expert consensus and are graded by strength.",
    "systematic review": "The review pooled {n} studies; most were of moderate quality.",
    "rct": "A randomised controlled trial across {k} hospitals provides the main evidence here.",
    "cohort": "The findings come mainly from a cohort study of {n} patients in {k} hospitals.",
    "qualitative": "Interviews with {n} staff and patients explored why the intervention worked in some places "
    "and not others.",
    "case study": "This is a case study of one organisation's work, useful for implementation detail rather "
    "than effect size.",
    "expert opinion": "In the absence of strong studies, this summary draws on expert opinion and reported practice.",
}

EVIDENCE_IMPLICATIONS = (
    "For practice: the intervention is worth testing locally, with careful measurement.",
    "Implications: reliability of the response matters more than the choice of tool.",
    "For improvement teams: combine the change with staff training and a clear owner.",
    "Local teams should expect modest effects and plan to measure balancing measures.",
)

EVIDENCE_GAPS = (
    "Gaps: few studies were from the UK and none reported costs.",
    "Gaps: little is known about long-term sustainability.",
    "Gaps: most studies excluded people with cognitive impairment.",
    "Gaps: no studies reported outcomes by deprivation or ethnicity.",
)

ASKERS = (
    "a ward manager",
    "the patient safety team",
    "a consultant nurse",
    "the quality committee",
    "an improvement coach",
    "a matron",
    "the clinical effectiveness group",
)

PROFILE_OPENERS = (
    "I am {a_title} at {org}, where I have worked since {year}.",
    "I work as {a_title} at {org} and have been in post since {year}.",
    "{first} is {a_title} at {org} and has been there since {year}.",
)

PROFILE_INTERESTS = (
    "My main interests are {e1}; {e2}.",
    "I am particularly interested in {e1}, and increasingly in {e2}.",
    "{first}'s expertise covers {e1}; {e2}.",
)

PROFILE_LED = (
    "I led {title} ({year}).",
    "Recently I led {title}, which started in {year}.",
    "{first} led {title} in {year}.",
)

PROFILE_MEMBER = (
    "I have also contributed to {titles}.",
    "I was part of the teams for {titles}.",
    "{first} has been a member of the teams for {titles}.",
)

PROFILE_METHODS = (
    "I use {m1} and {m2} in most of my improvement work.",
    "I trained as an improvement coach in {year} and am confident with {m1} and {m2}.",
    "{first} regularly uses {m1} and {m2}.",
)

PROFILE_PREVIOUS = (
    "Before joining {org} in {year} I worked at {prev_org} as {a_prev_title}.",
    "From {prev_year} to {year} I was {a_prev_title} at {prev_org}.",
    "{first} moved to {org} in {year} after {n} years as {a_prev_title} at {prev_org}.",
)

PROFILE_KNOWLEDGE = (
    "I run evidence searches for improvement teams and facilitate after action reviews and peer assists.",
    "My role is to connect staff with evidence and with each other, through literature searches, a journal "
    "club and the expertise directory.",
    "I support improvement teams with evidence summaries and help them capture lessons learned.",
)

PROFILE_CONTACT = (
    "I am happy to be contacted about {e1}.",
    "Get in touch if you are starting work on {e1}; I can put you in touch with others who have tried it.",
    "I am a member of the regional community of practice for {e1}.",
    "",
)

BLOG_EVIDENCE_TITLES = (
    "Evidence round-up: {topic}",
    "What does the evidence say about {topic}?",
    "Five things to know about {topic}",
    "From evidence to practice: {topic}",
)

BLOG_EVIDENCE_OPENERS = (
    "Every few months we pull together what the evidence says on a topic that improvement teams keep asking "
    "about. This time it is {topic}.",
    "We have had several enquiries about {topic} this quarter, so here is a short round-up from the library "
    "and knowledge service.",
    "This post brings together recent evidence summaries on {topic} and points to local people who have done the work.",
)

BLOG_LESSON_TITLES = (
    "What we learned from {technique_a} on {topic}",
    "Sharing the learning: {topic} at {place}",
    "Notes from {technique_a}: {topic}",
)

BLOG_LESSON_OPENERS = (
    "Last month we facilitated {technique_a} for the team behind {project}.",
    "This post shares what came out of {technique_a} with the team that ran {project}.",
    "{Technique_a} is a simple way to capture learning. Here is what it gave us for {project}.",
)

BLOG_CLOSERS = (
    "If you are planning similar work, contact the knowledge service and we will connect you.",
    "Comments and questions are welcome; we will add them to the lessons library.",
    "We will revisit this topic when new evidence is published.",
)
