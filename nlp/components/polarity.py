"""Factory `kmob_polarity`: did each outcome improve, not change, worsen, fade, or is it unclear?"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.choice import ChoiceModel
from nlp.components.aims import reports_no_result
from nlp.direction import learned_direction
from nlp.doc_text import Sentence, doc_text, sentences, span_text
from nlp.gazetteer import load_gazetteer
from nlp.paths import model_path
from nlp.references import in_reference_list

if not Span.has_extension("polarity"):
    Span.set_extension("polarity", default=None)
if not Doc.has_extension("outcome"):
    Doc.set_extension("outcome", default=None)

# A number in digits or a small one in words ("remained at zero").
_NUM_WORD = r"(\d+|zero|none|nil|one|two|three|four|five|six|seven|eight|nine|ten)\b"

# Order matters: a fade or a null result outranks the change words that usually sit beside it.
_NOT_SUSTAINED = re.compile(
    r"\b(not (been )?(sustained|maintained)|returned to (the )?baseline|"
    # "came back" and "went back" are too often literal ("few forms came back") to count without a direction.
    r"(fell|fallen|falling|slipped|slipping|drifted|drifting|dropped|dropping|crept|creeping|climbed|climbing) back|"
    r"(went|gone) back (up|down)|reverted|gains were lost|was lost|were lost|did not last|not held|"
    r"(did not|didn't|failed to|does not|do not) (persist|endure|continue|carry on|hold up)|"
    r"unsustained|short-lived|faded|fade|wore off|waned|tailed off|petered out|lost momentum|"
    r"(to|at) ((its|their|the) )?(old|previous|original|earlier|former|baseline|"
    r"pre-(?!pandemic|covid)\w+) levels?|(declined|deteriorated|worsened|slipped) again|back to where|"
    r"returned to where|return(ed|ing|s)? to (above|below|over|under|more than|less than) " + _NUM_WORD + "|"
    r"return(ed|ing|s)? to (its|their|the) (\w+ )?(level|levels|baseline|starting point|rate)|"
    r"then (\w+ )?(declined|fell|dropped|worsened|rose again|deteriorated|dwindled)|(was|were|been) eroded|"
    r"back (at|to|down to|up to|near|around|towards) (about |around |roughly )?\d+|"
    r"back (towards|toward) (its |their |the )?(baseline|old|previous|original|earlier|former|starting)|"
    # "fell away" alone is a fall ("attendance fell away after the first month"), not a gain that was lost.
    r"(tailed|tailing|faded|fading|trailed|trailing) (away|off)|"
    r"(slid|sliding|slides) back|"
    r"(gap|difference)s? (between (the )?\w+ )?(had |has |have )?(largely |mostly |all but )?(closed|narrowed|"
    r"disappeared|vanished|gone)|no longer (seen|evident|present|significant|apparent|detectable|visible)|"
    # "where follow-up ran to a year the gains had largely gone"
    r"(gains?|improvements?|benefits?) (had |have |has )?(largely |mostly |all but )?(gone|disappeared|vanished|"
    r"evaporated))\b",
    re.I,
)
_NO_CHANGE = re.compile(
    r"\b(no (\w+ ){0,2}(change|difference|effect|improvement|impact|reduction|increase|benefit|shift|movement|"
    r"rise|fall|drop|growth|decline)|"
    r"did not (significantly )?(change|differ|"
    r"reduce|improve|fall|rise|increase|decrease|drop|shorten|alter|move|make a difference)|"
    r"unchanged|remained (stable|static|the same|similar|flat|level)|(stay|stays|stayed|staying) (the same|flat|"
    r"level|similar)|not significantly (different|changed|reduced|improved)|made no difference|"
    r"were similar|was similar|no better|not improve|not (statistically )?significant|"
    r"(stayed|remained) (at )?(around|about|roughly|near)|(remained|stayed) (poor|low|high|static|"
    r"unchanged|flat)|no (clear|real) change|"
    r"little or no (change|effect|difference)|(made|makes|make|had|has|have) little (difference|effect|impact)|"
    r"no evidence (that|of)|(broadly|largely|roughly|very) similar|"
    r"(were|was) no different|not different|no different (from|to|than)|(just )?as effective as|"
    r"no (less effective|worse) than|non-?inferior|"
    # "6% in both periods": the same reading before and after.
    r"(in|across|for) both (periods|years|phases|halves|audits|cohorts)|the same in both|"
    # The same reading in the group that had the change and the one that did not: "17% in both groups".
    r"\d+(\.\d+)?%? (in|across|for) both (groups|arms)|"
    # "stayed at the same high level"
    r"(stayed|remained|stays|remains) at (the|a) (same|similar) (\w+ )?(level|rate|proportion)|"
    r"unaffected|comparable|(close|near) to zero|negligible|matched (those|that|the rates?|the levels?) of|"
    r"(produced|gave|had|showed|found|reported) similar|"
    r"did not (appear to )?(affect|alter|change)|(has|have|had) not changed|much the same|about the same|"
    r"(roughly|broadly|largely|essentially|virtually|more or less) (the same|unchanged)|"
    r"(little|barely|hardly|scarcely) (changed|shifted|moved|budged)|"
    # "a trial powered to detect a change found none"
    r"(found|showed|saw|detected) none|"
    # "sat at about 6% throughout": a level that held all along.
    r"(sat|sits|stayed|remained|held|ran) at (about |around |roughly |near )?\S+ throughout|"
    # Phrasal and passive negations: "did not go down", "did not shift", "were not reduced".
    r"did not (shift|budge|go (up|down)|come (up|down)|get (better|worse))|"
    r"(was|were|is|are|has been|have been|had been) not (reduced|improved|lowered|increased|changed|shortened|"
    r"affected)|"
    r"(did not|have not been able to|has not been able to|were not able to) (show|find|demonstrate|see) "
    r"(an?|any) (\w+ )?(effect|difference|change|improvement|reduction|increase)|"
    # A level that held: "stayed at 94%", "remained above ten hours", "9%, much as before".
    r"held (steady|stable|constant|level)|(has |have |had )?held at (about |around |roughly |near |between )?\d+|"
    r"(almost |nearly |virtually |practically )?identical|(stayed|remained) (steady|constant)|"
    r"(has been|have been|was|were|is|are) (steady|stable) (at|around|on)|(is|was|were|are) similar to|"
    # A reading set beside an earlier or other one as no different: "occurred in 14%, similar to the rate before".
    r"\d[\d.]*%?\)?,? (similar|close|comparable) to (the|that|those|figures|rates|what)\b|"
    r"(stayed|remained) at " + _NUM_WORD + "|"
    r"stalled|plateaued|flatlined|stabili[sz]ed (at|around|near)|levell?ed off (at|around)|"
    r"(has|have|had) yet to (\w+ )?(improve|fall|rise|change|move|shift|show)|"
    r"no (sign|signs|indication) of (an? |any )?(\w+ )?(change|difference|improvement|fall|rise|reduction|increase)|"
    r"(stayed|remained) (above|below|over|under)|(much |just )?as before|"
    r"the same (number|rate|level|proportion) as|"
    r"(could|may|might) easily be (due to )?chance|(hard|harder|difficult|more difficult) to (shift|move|budge)|"
    r"neither \w+( \w+)? (had|showed|made) an? (\w+ )?(effect|difference|change|impact)|"
    r"neither\b[^.;]{0,80}?\bnor\b[^.;]{0,80}?\b(changed|improved|fell|rose|moved|shifted|differed|increased|"
    r"decreased|went (up|down))|"
    r"(no|none of the) (\w+ ){1,3}(showed|found|reported|demonstrated|detected|saw) (an?|any) (\w+ ){0,2}"
    r"(effect|difference|change|benefit|improvement|reduction|increase)|"
    r"no (more|less) (frequent|common|likely)|no (higher|lower|longer|shorter) than|"
    # "were no lower on silver wards than on bronze wards"
    r"(?:(?<=\bwere )|(?<=\bwas )|(?<=\bis )|(?<=\bare )|(?<=\bbeen ))no (higher|lower|longer|shorter|greater|smaller|"
    r"fewer|more|less|worse)\b|"
    r"no (\w+ )?(association|link|relationship|correlation) (with|between)|"
    r"the same as (a |the )?(year|month|quarter|week)s? (earlier|before)|the same as (last|before|earlier|at baseline)|"
    r"(remained|stayed|remains|stays|was|were|is|are) within (the )?(expected|normal|usual) (range|limits|band)|"
    r"without (making|increasing|lengthening|worsening|affecting)|"
    r"without (an? |any )?(\w+ )?(rise|increase|fall|drop|change|reduction) in)\b",
    re.I,
)
_UNCLEAR = re.compile(
    r"\b(could not show|cannot show|unable to show|could not demonstrate|unclear|uncertain|less certain|"
    r"too (early|small|few) to|not enough to (say|tell|judge|conclude|draw)|not (formally )?(measured|"
    r"known|yet)|could not be (measured|assessed|counted|judged|determined|evaluated)|"
    r"difficult to (count|measure|tell|assess)|"
    r"inconclusive|insufficient (data|evidence)|may have|might have|appeared to|"
    r"possibly(?! (because|due to|reflecting))|"
    r"cannot (say|tell)|hard to (tell|say|attribute)|remains? to be seen|inconsistent|(less|not) consistent|"
    r"weak evidence|"
    # Too few studies to judge by: "there is very little evidence on patient safety".
    r"(very )?(little|limited|scant|sparse|no) (good |direct |published |robust )?evidence (on|about|for)|"
    r"only (seen|found|observed|evident|significant) (at|in|on|for|among) (one|two|some|a few|a minority)|"
    r"whether any change|mixed|varied between|"
    r"found an? (\w+ )?(reduction|increase|improvement|benefit|fall|rise)[^.;]{0,40}?\b(and|but|while|whereas) "
    r"(\w+ ){1,3}(found|showed|reported) no\b|in (only )?(about |around |roughly )?half(?! an? )|"
    r"var(y|ies|ied) (so much|too much|widely|greatly|a great deal)|"
    # The evidence for the result is itself called weak: "evidence that the bundle reduces infections is weak".
    r"evidence (that|for|of) [^.;]{1,80}?\b(is|was|remains|remained) (weak|thin|sparse|scant|limited)|"
    r"too soon to|conflicting|(may|might|could) (reduce|improve|increase|"
    r"lower|prevent|help|shorten|cut)|(very )?low[- ](certainty|quality) evidence)\b",
    re.I,
)
_WORSE = re.compile(
    r"\b(worsened|worse|deteriorated|got worse|(went|moved|moving|going) the wrong way|"
    r"(in|into) the wrong direction)\b",
    re.I,
)
# A change that the text says did not reach significance is no change, whatever its direction.
_NOT_SIGNIFICANT = re.compile(
    r"\b(not (statistically )?significant(ly)?|non-?significant|did not reach (statistical )?significance|"
    r"within (the )?(normal|ordinary|common[- ]cause|expected) variation|"
    r"(as|shows?|showed|shown as) (ordinary|normal|common[- ]cause) variation)\b",
    re.I,
)
# A hedge that governs what follows it: "too early to say whether readmissions will fall".
_GOVERNING_HEDGE = re.compile(
    r"\b(too (early|soon|small|few) to (say|tell|know|judge)|(cannot|can't|could not) (yet )?(say|tell|know) "
    r"whether|not (yet )?(clear|known) whether|unclear whether|whether|"
    # "We found no trial showing that earlier detection reduces deaths": an absence of evidence, not a null result.
    r"no (trials?|stud(y|ies)|reviews?|research|evidence) (showing|that (shows?|showed)|to show|demonstrating)|"
    # Not yet: "found no evidence yet that the report has changed outcomes".
    r"no (\w+ )?evidence yet)\b",
    re.I,
)
# A finding of no effect that governs the change words after it: "found no evidence that asking increased referrals or
# reduced repeat abuse", "the evidence does not show that weekend review lowers mortality", "Neither found more
# abnormalities".
_GOVERNING_NULL = re.compile(
    r"\b(no (good |clear |firm |strong |convincing |consistent )?evidence that|(does|did|do) not show that|"
    r"(neither|none) (of (the|them) )?(\w+ )?(found|showed|reported|saw|detected))\b",
    re.I,
)
# "went from 12% to 15%": the direction is in the numbers.
# Small numbers are often written as words ("from nine weeks to just under five").
_NUMBER_WORDS = {
    w: float(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUM = r"(\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + ")"
_FROM_TO = re.compile(
    # "from 41% to 78%", "from six days to under two", "from about four a month to 19"
    r"\bfrom (?:about |around |roughly )?" + _NUM + r"\s*%?\s*(?:\w+ ){0,2}?to (?:about |around |roughly |just "
    r"(?:under|over) )?" + _NUM + r"\b",
    re.I,
)
# "started at 58% and settled at around 35%": a first and a last reading, the direction between them.
_START_END = re.compile(
    r"\b(?:started|began|stood|was) at (?:about |around |roughly )?(\d[\d,]*(?:\.\d+)?)%?[^.;]{0,40}?\b"
    r"(?:settled|ended|finished|levelled off|plateaued|stood|stabilised) (?:at|around) (?:about |around |roughly )?"
    r"(\d[\d,]*(?:\.\d+)?)"
)
# "averages 14, compared with 6 at the very first meeting": a reading now set against an earlier one, the earlier
# one second. A comparison with another group ("45% compared with 4% on usual care") is not a change over time.
_COMPARED_WITH_EARLIER = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?)%?[^.;\d]{0,30}?\b(?:compared (?:with|to)|against|versus|vs\.?) "
    r"(?:about |around |roughly )?(\d[\d,]*(?:\.\d+)?)%?"
    r"(?: [\w-]+){0,4}? (?:(?:at|in|on|during|from) )?(?:the )?(?:very )?(?:first|start|outset|beginning|baseline|"
    r"launch|previous|year before|last year|earlier|before)\b",
    re.I,
)
# "12% before the programme and 13% after it": a reading before the work and one after, in that order.
_BEFORE_AFTER = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?)%?(?: [\w-]+){0,3}? (?:before|at baseline)\b[^.;\d]{0,40}?\b(?:and|but|against|to)\s+"
    r"(?:about |around |roughly )?(\d[\d,]*(?:\.\d+)?)%?(?: [\w-]+){0,3}? (?:after|during|afterwards)\b",
    re.I,
)
# "7% in the first quarter and 11% by February": an early reading and a later one, in that order.
_FIRST_THEN = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?)%?(?: [\w-]+){0,2}? (?:in|during|for|over) the (?:first|opening) (?:\w+ )?"
    r"(?:quarter|month|week|year|fortnight|phase|period|wave|cycle)s?\b[^.;\d]{0,15}?\band (?:about |around |roughly )?"
    r"(\d[\d,]*(?:\.\d+)?)%?(?: [\w-]+){0,3}? (?:by\b|in the (?:last|final|second|third|fourth)\b|at the end\b|"
    r"during the (?:last|final)\b)",
    re.I,
)
# A verdict after the readings that takes them all back: "fell by 4%, but by 3% where nothing was done, so the prompt
# made little difference".
_CONCLUDED_NULL = re.compile(
    r"\bso (the|this|that|our|their|it)\b[\w -]{0,40}?\b(made|makes|had|has|showed|shows) (no|little|almost no|hardly "
    r"any|next to no) (\w+ )?(difference|effect|impact)\b",
    re.I,
)
# A level that held until something happened changed after it: "uptake was low until the clinic moved to evenings"
# is a rise, "waits were long until the second list opened" a fall.
_LOW_UNTIL = re.compile(r"\b(low|slow|patchy|sparse|short|few)\s+until\b", re.I)
_HIGH_UNTIL = re.compile(r"\b(high|long|many)\s+until\b", re.I)
# "has been sustained at over 95%": a level held is a gain kept ("not sustained" is read as a fade first).
_BETTER = re.compile(
    r"\b(improved|improvements?|improving|improves|better|positive|valued|encouraging|recovered|restored|restores|"
    r"(moved|moving|went|going|heading|headed|trending) in the right direction|"
    r"(has been|have been|was|were) (sustained|maintained) (at|for)|"
    r"(small|modest|large|clear|real|significant|meaningful) gains? in)\b",
    re.I,
)
# Present-tense forms ("lowers", "halves", "doubles") are how evidence summaries state a finding.
_DOWN = re.compile(
    r"\b(fell|fall|falls|fallen|reduced|reduce|reduces|reduction|reductions|dropped|drop|drops|decreased|"
    r"decrease|decreases|declined|decline|declines|lower|lowers|lowered|cut|cuts|halved|halves|shorter|shortened|"
    r"shortens|shorten|shrink|down|fewer|less|dipped|dip|slipped|slid|slumped|plummeted|sank|eased|"
    r"eases|eliminated|eradicated|"
    # "now below the target", "now under two hours": a level reached from above.
    r"now (\w+ )?(below|under)|(a )?smaller (share|proportion|number|percentage)|"
    r"falling|declining|decreasing|dropping|reducing|shrinking|shrank|lowest|downwards?|dwindled|dwindling|"
    # A backlog cleared and time saved are measures brought down.
    r"cleared|saved|saving|saves|lighter|"
    # Events that stopped: "stock-outs happened twice in the first month and have not happened since".
    r"(has|have|had) not (happened|occurred|recurred|been (seen|reported|recorded)) (again|since)|none since)\b",
    re.I,
)
_UP = re.compile(
    r"\b(rose|rise|rises|risen|increased|increase|increases|higher|grew|grown|growing|grows|doubled|doubles|up|more|"
    r"grow|climbed|raised|raises|tripled|triples|greater|faster|longer|lengthened|lengthen|stretched|slower|"
    r"climb|climbing|rising|increasing|now (\w+ )?(above|over)|"
    r"(a )?(larger|bigger) (share|proportion|number|percentage)|"
    r"reached|achieved|boosts|boosted|trebled|trebles|highest|upwards?|heavier|widened|widening|widens)\b",
    re.I,
)
_LOWER_BETTER = re.compile(
    r"\b(time|times|wait|waits|waiting|delay|delays|falls?|harm|incidence|mortality|deaths?|"
    r"admissions?|readmissions?|length|infections?|ulcers?|errors?|incidents?|turnover|"
    r"absence|cost|costs|spend|spending|expenditure|breaches|complaints|referrals for|did-not-attend|dnas?|amputations|"
    r"conveyances?|prescribing|occupancy|rates? of|episodes?|discrepanc\w+|restraint|events?|"
    r"burden|pain|symptoms?|breathlessness|waiting lists?|backlogs?|"
    r"depression|distress|anxiety|injur\w+|exacerbations?|weight loss|seclusion|"
    r"readmitted|re-admitted|harmed|injured|restrained|secluded|hypoglycaemia|hba1c|cholesterol|infections?|drop-?outs?|anxious|distressed|depressed|breathless|lonely|leavers?|"
    r"leaving|vacanc\w+|sickness|"
    # Symptoms and distress people would rather have less of.
    r"stress|hunger|thirst|agitation|aggression|violence|fatigue|nausea|vomiting|loneliness|isolation|burnout|"
    r"constipation|insomnia|crisis|crises|complications?|decayed|decay|heaviness|swelling|stiffness|itching|"
    r"dizziness|mismatch(es)?|journeys|"
    # More care needed is more demand: "blood transfusion needs".
    r"needs|"
    # Things that should not have happened: waste, repeats, failures and care given in error.
    r"inappropriate|unnecessary|avoidable|duplicate[ds]?|duplication|missed|omitted|omissions?|cancelled|"
    r"cancellations?|repeat|repeated|repetitions?|unplanned|late|overuse|misclassification|misdiagnos[ei]s|failed|failures?|"
    r"wasted|waste|lost|long(?!-)|re-?contacts?|re-?attend\w*|re-?referrals?|return visits|returns to|"
    r"re-?book\w*|call-?backs?|returned|reading age|"
    # Restrictive practice and harms of treatment or birth.
    r"restrictive|tranquillisation|overtime|tears|catheter use|"
    # Samples spoiled, work left undone, appointments missed, antibiotics given.
    r"contaminat\w+|rejected|rejections?|unreported|outstanding|overdue|no-?shows?|did not attend|"
    r"(antibiotic|antimicrobial)s? (use|consumption|days)|"
    # Services are asked to cut routine follow-ups and agency staffing.
    r"follow-up appointments|follow-ups|agency|"
    # Demand on urgent care.
    r"(emergency|a&e|ed|urgent care) attendances|attendances at (the )?(emergency|a&e|urgent)|"
    # Demand on a service, polypharmacy and the carbon cost of care.
    r"calls|(number|count) of (medicines|medications|drugs|items)|(medicines|medications) per|"
    r"(medicines|medications|drugs|items) prescribed|"
    r"carbon|emissions|footprint|"
    # A duration counted in units: "days to first mobilisation", "hours from arrival".
    r"(minutes|hours|days|weeks|months) (to|from|until|before|between|waiting|spent waiting)|"
    r"referrals? to (the )?(outpatients?|hospital|secondary care|a&e|emergency|specialist|consultant|acute)|"
    # Time in hospital, and staff time spent on each piece of work ("clinician hours per assessment").
    r"(days|nights|weeks|time) (spent )?in hospital|bed days|(hours|minutes|time) per|"
    # Things that get in the way of care or of understanding it.
    r"jargon|abbreviations?|interruptions?|distractions?|disruptions?|noise|paperwork|bureaucracy|"
    # Demand on a service and the work it makes: annotators read more of it as pressure, less as relief.
    # A referral made electronically or by patients themselves counts a route taken up, not demand.
    r"demand|workloads?|caseloads?|referral rates?|(?<!-)(?<!electronic )(?<!online )(?<!digital )referrals|"
    r"frequent (attenders|callers|users)|incomplete|"
    # Medicines that services are asked to give less of.
    r"(antibiotic|antimicrobial|opioid|antipsychotic|benzodiazepine|hypnotic)s? (prescriptions|doses|use)|"
    r"(use|prescribing|prescriptions?) (of|for) ([\w-]+ ){0,2}(antibiotics|antimicrobials|opioids|antipsychotics|"
    r"benzodiazepines|hypnotics)|"
    # Supplies used up: "pads used per resident per day".
    r"used per|consumption|"
    # Results wrongly raised and equipment left in place unused.
    r"false[- ](positives?|negatives?|alarms?)|idle|unused|"
    # Supplies and equipment that ran out or failed.
    r"stock-?outs?|shortages?|outages?|breakdowns?|wastage|expired|written off|"
    # Losses, care left before it was given, and calls on a team's time.
    r"loss to follow-up|self-discharges?|abscond\w*|absconsions?|left without being seen|interrupted|queries|"
    # Feelings people would rather have less of, and noise by its measure.
    r"frustration|frustrated|fear|fears|worry|worries|embarrassment|stigma|boredom|sound levels?|decibels|"
    # Records mishandled or left undone, people leaving a study or the data, alerts ignored, gaps between groups.
    r"mis(filed|directed|placed|labell?ed|identified|coded|routed|sent)|un(coded|recorded|documented|signed|resolved|"
    r"answered)|opt-?outs|opt-?out rates?|withdrawals?|overrides?|override rates?|overridden|phishing|gaps?|"
    r"delayed|still in hospital|"
    # Offers turned down and work done twice; drinking and smoking measured as harms; demand on GPs for a problem
    # another role now sees ("GP appointments for back pain").
    r"refusals?|rework|(heavy|binge|weekly|hazardous|harmful|problem) drinking|alcohol (consumption|intake|use)|"
    r"units of alcohol|smoking (prevalence|rates?)|(gp|doctor) (appointments|consultations|visits) for|"
    # Antibiotics kept in reserve, moves into long-term care, and the blood pressure that treatment lowers.
    r"broad-spectrum|(care home|residential|nursing home|permanent) placements?|systolic|diastolic|"
    # How staff are treated, continence pads, care or tests needed ("X-rays needed"), entries no one can read, actions
    # left open, and how long a task takes ("handover duration").
    r"discrimination|bullying|harassment|abuse|assaults?|pad use|needed|illegible|unexplained|"
    r"open (actions|incidents|complaints|investigations|cases)|duration)\b",
    re.I,
)
# A measure of meeting a time target ("reaching theatre in time", "seen within four hours") is higher-better, so
# its time words say nothing about direction.
_TIME_TARGET = re.compile(
    r"\b((in|on) time|within (the )?(target|standard|(\w+ ){1,2}(minutes|hours|days|weeks|months)))\b", re.I
)
# Time spent giving care is higher-better ("therapy time", "face-to-face time with patients").
_CARE_TIME = re.compile(
    r"\b(therapy|contact|face-to-face|treatment|rehabilitation|teaching|protected|patient-facing|clinical|"
    r"study|learning) (time|minutes|hours)\b",
    re.I,
)
# Hedges written after a result that take it back ("..., although we cannot tell whether the trials caused this").
_AFTER_HEDGE = re.compile(
    # First, so that the measure offered as the other reading is part of the hedge: "increased, which may reflect
    # better recognition rather than more delirium".
    r"\b((may|might|could) (well |also |partly )?reflect [^.;]{0,60}?\brather than|"
    r"cannot (tell|say)|can't tell|may reflect|might reflect|could not rule out|too small to|"
    # "could not tell whether the small fall was real"
    r"(could not|couldn't) (tell|say|be sure) whether [^.;]{0,40}\b(was|is|were|are) real|"
    r"not possible to (say|tell)|interpret(ed)? (this |it )?as|other explanations|may be due|"
    r"might be due|may have been|hard to (say|tell|attribute|read|interpret)|difficult to (attribute|read|interpret)|"
    r"so few|too few|regression to the mean|"
    r"numbers were small|(could|may|might) (be|reflect) "
    r"(due to )?chance|by chance|coincidental|coincidence|differ(ed)? in (many|other|several|important) ways|"
    r"confound\w*|not directly comparable|other factors|"
    # An effect that cannot be told apart from others.
    r"(impossible|not possible|difficult|hard) to separate|"
    r"(cannot|can't|could not) (separate|be sure|give|credit|show|prove)|"
    r"not (yet )?been (tested|replicated|confirmed)|"
    r"(did not|didn't|have not|has not|was not|were not|could not) (yet )?(formally )?(measure|measured|count|counted|"
    r"collect|collected|check|checked)|"
    # A result the text will not credit to the work ("so we cannot attribute the fall to the clinic").
    r"(cannot|can't|could not|unable to|not able to) (yet )?(attribute|credit|claim)|"
    r"(does|do|did|will|would) not (yet )?claim|"
    # The same hedges in the passive: "the fall cannot be put down to testing alone", "cannot be separated out".
    r"(cannot|can't|could not|can not) be (\w+ )?(put down|attributed|credited|ascribed|separated|isolated|"
    r"disentangled|untangled|teased apart|pulled apart|told apart)(?! (\w+ )?(to|from) (chance|random|noise))|"
    # A result the text itself discounts: "which tells us very little either way", "nobody is sure whether".
    r"(tells?|told|says?) (us )?(very )?little|(little|nothing) either way|"
    r"(nobody|no one) (is|was|can be) (sure|certain)|(nothing|little) (firm )?(can|could) be concluded|"
    r"(nobody|no one|not) (\w+ ){0,3}(is |was |are |were )?(yet )?(ready|prepared|willing) to call (it|that|this)|"
    # Another cause offered for the change: "could be down to the mild winter", "may partly account for this".
    r"(could|may|might) (well )?(be|have been) (down|owing) to|"
    r"(could|may|might) (partly |simply |also |in part |largely )?(reflect|account for|explain)|"
    r"(cannot|can't|could not) be (certain|confident)|(hard|difficult) to (judge|know|be sure)|"
    r"(cannot|can't|could not|can not) rule out|"
    # A fall that an SPC chart cannot tell from the noise: "this sits inside normal variation".
    r"(sits?|sat|lies|lay|is|was|remains?|remained) (inside|within) (the )?(normal|common[- ]cause|expected|usual) "
    r"variation|"
    r"(wary|cautious|careful|reluctant) (of|about|to|not to) (crediting|credit|attributing|attribute|claiming|claim)|"
    r"(could not|cannot|can't|did not|were unable to|was unable to) (fully )?(adjust|control|account) for|"
    r"(fell|rose|dropped|improved|increased|decreased|changed) (too |as well |similarly |by a similar amount )?"
    r"over the same (period|time|months|year)|"
    # The same change where nothing was done.
    r"coincided with|(but|and) so did|as it did (across|in|at|nationally|elsewhere)|"
    # Another change made at the same time, or a change in how the measure is counted.
    r"(changed|tightened|loosened|introduced|started|began|launched|altered|revised|improved|relaxed) (\w+ ){0,4}"
    r"at the same time|the way [^.;]{0,50}(is|are|was|were) (recorded|reported|counted|measured|coded) (also )?changed|"
    r"(effect|impact|benefit|contribution|role) of [^.;]{0,40}?\b(is|was|remains|remained) (uncertain|unclear)|"
    r"(hard|difficult|impossible|not possible) to isolate|(cannot|can't|could not) isolate|"
    # Doubts about how far a result can be trusted: "cannot exclude the possibility that ...", "depended on
    # assumptions", "so the team does not rely on it", "the audit was not designed to test this".
    r"(cannot|can't|could not) exclude|depend(s|ed)? (heavily |largely )?on assumptions|(does|do|did) not rely on|"
    r"(makes?|made) (the |any )?comparisons? (difficult|hard|unreliable)|numbers (are|were) (far |much )?too small|"
    r"not designed to (test|detect|answer|show|measure)|(within|inside) the margin of error|"
    # A trend that started before the work, or other work given a share of the credit.
    r"already (falling|rising|dropping|improving|declining|increasing|decreasing|going (down|up)) before|"
    r"(may|might|could) (also |well )?have (played (a|some) (part|role)|contributed|helped)|"
    r"(in )?only (some|a few|a minority|one or two) (of )?(the )?(studies|trials|reviews|sites|practices|wards|areas)|"
    r"(make|makes|made|making) no claim|(probably|may have|might have|could have) (done|did) as much|"
    r"(may|might|could) not be (\w+ )?(due to|down to|caused by|because of|the result of)|"
    r"(groups|arms|cohorts|samples) differed|"
    # The text's own verdict: "the team treats the difference as unclear", "describes it as uncertain", "so the
    # result is inconclusive".
    r"(treats?|treated|regards?|regarded|counts?|counted|reads?|sees?|saw|describes?|described|presents?|presented) "
    r"((the |this |that |these |its )?(\w+ )?(differences?|changes?|results?|effects?|rise|fall|increase|decrease)|"
    r"it|this|that|them|these) as (unclear|uncertain|inconclusive)|"
    r"the (result|finding|change|difference|picture)s? (is|was|are|were|remains?|remained) (still )?(unclear|"
    r"uncertain|inconclusive)|"
    # The same change across the wider area: "but admissions fell across the whole ICB after a mild winter".
    r"\bbut (\w+ ){1,4}(fell|rose|dropped|improved|increased|decreased|went (up|down)) (\w+ ){0,2}across the "
    r"(whole|wider|entire|rest of the)\b|"
    r"(the |this |its )(effect|impact|benefit|difference) (is|was|remains|remained) (uncertain|unclear)|"
    r"a similar (fall|rise|drop|reduction|increase|change|improvement) (appeared|was seen|was found|happened|occurred)|"
    r"(made|treated|interpreted|read|viewed|taken|treats?|interprets?|reads?|views?|takes?) (\w+ ){0,2}"
    r"(cautiously|with caution)|"
    # Another change over the same time: "although the arrival of new staff changed the skill mix over the same period".
    r"(changed|started|began|arrived|joined|launched) (\w+ ){0,4}(over|during|in) the same (period|time|months|year)|"
    r"by a similar (amount|margin)|(comparison|control|neighbouring) (site|area|ward|practice|group)s? "
    r"(also|as well)|also (fell|rose|dropped|improved|increased|decreased) (in|at|across) (a |the )?"
    r"(neighbouring|comparison|control|other))\b",
    re.I,
)
# Weaknesses of the study or the data behind a result: they take back every result before them in the sentence,
# whatever measures are named after them.
_DESIGN_HEDGE = re.compile(
    r"\b(no (comparison|control) (group|practice|site|area|ward|arm)s?|uncontrolled|"
    # "although the numbers are small" after a clear result is still that result (the annotation guide's call).
    r"(samples?|sample sizes?|pilot|survey) (are|were|is|was) (very |too |all )?small|"
    r"(may )?not be representative|"
    # Not here: "varied widely" and "at high risk of bias" said in passing. The corpus's annotators keep the finding
    # of a review so qualified (improved 15 times, unclear 6), as the guide keeps "although the numbers are small";
    # a risk of bias given as the verdict ("the authors judged the risk of bias to be high") takes it back.
    r"(period|follow-up) was (too )?short|(used|use) different definitions|"
    r"risk of bias (was|is|were|to be) (high|serious))\b",
    re.I,
)
# Why a measure gives no reading: "too rare to judge", "hard to interpret", "is unknown", "pointed in different
# directions", "tell us nothing either way".
_NO_READING = re.compile(
    r"\b(too (rare|low|patchy|small|few|early|soon|short|noisy|variable)\b[^.;]{0,30}\bto (judge|interpret|tell|say|"
    r"show|draw|read|know|conclude)|(hard|difficult|impossible) to (interpret|judge|read|separate|isolate)|"
    r"unknown|unproven|not known|(pointed|point|pointing|moved|moving) in (different|opposite|both) directions|"
    r"(tells?|told) (us )?(nothing|little|very little)|(nothing|little) either way|(can|could) say nothing|"
    r"reads? nothing into|(draw|drawn|drawing) (any |firm |no )?conclusions?|"
    r"no (firm )?conclusions? (can|could) be drawn|(with|treats? it with) caution|"
    r"(may|might|could) (well )?be chance|scarce|sparse|poorly measured|"
    r"no (hard|good|reliable) (outcome )?(data|evidence)|(could not|cannot) be (calculated|estimated|separated|"
    r"isolated|compared)|"
    r"numbers (are|were) (very |far |too )?small|(cannot|can't|could not) yet (say|tell|know)|not blinded|"
    r"high drop-?out|no (baseline|log|comparison|earlier figures?)\b[^.;]{0,40}\bto compare|"
    r"no (study|studies|trials?|reviews?) (has |have )?(linked|connected|related|tied)|"
    r"(has been|have been|was|were|is|are|remained) (patchy|variable|uneven|erratic)|(narrowed|widened) between|"
    # Two figures set side by side with no word for a change: "22 this spring against 24 the spring before".
    r"\d[\d,.]*%?[^.;\d]{0,40}?\b(against|compared (with|to)|versus|vs)\s+(about |around |roughly )?\d)",
    re.I,
)
_BACK_REFERENCE = re.compile(
    r"\b(these|this|the) (differences?|results?|changes?|findings?|effects?|improvements?|trends?|figures?|picture)\b|"
    r"\bcaused (this|these|it)\b",
    re.I,
)
# Process measures, where more is better whatever they are about.
_PROCESS = re.compile(
    r"documentation|completion|completed|recording|recorded|compliance|uptake|coverage|adherence|screening|"
    r"assessment|assessments|satisfaction|confidence|knowledge|awareness|attendance|engagement|usage|access|"
    r"screen|screens|screened|assessed|reviewed|vaccinated|treated|seen|offered|given|received|receiving|"
    # Work done on something unwanted is wanted: "complaints closed within 25 days", "reassessed for pain".
    r"reassessed|re-assessed|closed|resolved|answered|acknowledged|coded|"
    # Finding disease is what diagnostic and screening services are for ("cancers detected", "diagnosed within").
    r"detection|detected|diagnosed|identified|identification|recognition|"
    # People brought into care: "registered with the practice", "treatment starts for hepatitis C".
    r"registered|registration|starts|started|initiation|initiated"
)
_SCORE_HEAD = re.compile(r"scores?|ratings?|levels?|index|scales?", re.I)
# Qualities a person is better for having more of, whatever else the measure names.
_WANTED_QUALITY = re.compile(
    _PROCESS.pattern + r"|self-efficacy|efficacy|wellbeing|well-being|activation|resilience|independence|mobility|"
    r"function|functioning|self-esteem|self-management|hope|control",
    re.I,
)
# Cancer found early is better, found late worse; time saved is wanted.
_EARLY_FOUND = re.compile(
    r"\b(early[- ]stage|early diagnos\w+|diagnosed early|stages? (1|2|one|two|i|ii)\b|(time|hours|minutes) saved)",
    re.I,
)
_LATE_FOUND = re.compile(r"\b(late[- ]stage|late diagnos\w+|diagnosed late|stages? (3|4|three|four|iii|iv)\b)", re.I)
# "long lies of more than an hour", "fewer than five visits": a threshold inside the measure, not a change.
# "more than halved" is a bigger fall, not a rise.
_THRESHOLD = re.compile(
    r"\b(more|less|fewer) than (an? |one |two |three |four |five |six |ten |\d)|\b(more|less) than "
    r"(?=(halved|doubled|tripled|trebled)\b)",
    re.I,
)
# "fell at two homes and rose at the other three": moves both ways across places is a mixed result.
_AT_PLACE = (
    r"(?: \w+){0,2} (?:at|in|on|across|for) (?:the )?(?:\w+ ){0,2}(?:sites?|wards?|homes?|practices?|units?|areas?|"
    r"hospitals?|teams?|schools?|trusts?|studies|trials|groups|regions|departments|services|cohorts|others?|rest|one|"
    r"two|three|four|five)\b"
)
_DOWN_AT = re.compile(r"\b(fell|fallen|dropped|decreased|declined|reduced|dipped|lower)" + _AT_PLACE, re.I)
_UP_AT = re.compile(r"\b(rose|risen|increased|climbed|grew|went up|higher)" + _AT_PLACE, re.I)
# "the reviews picked up more inappropriate prescribing": finding more of a problem is what a search is for.
_DETECTED = re.compile(
    r"\b(identified|identifies|detected|detects|picked up|picks up|found|finds|recognised|recognises|spotted|"
    r"diagnosed)( \w+)? (more|fewer)\s+(\w+\s+){0,2}$",
    re.I,
)
# Who "found" something: a study finds a result ("a trial found fewer interruptions"), a service finds cases.
_STUDY_SUBJECT = re.compile(
    r"\b(trials?|stud(y|ies)|reviews?|analys[ie]s|meta-analys[ie]s|audits?|evaluations?|surveys?|research|"
    r"evidence|authors|cohort)\b",
    re.I,
)


def _detected(before: str) -> bool:
    """Whether the words before a measure say more or fewer of it were found, as a screening or diagnostic service
    finds cases ("identified more carers", "picked up fewer cancers"): more found is then better. A study that
    "found fewer interruptions" reports a result instead."""
    match = _DETECTED.search(before)
    if match is None:
        return False
    verb = match.group(1).lower()
    return verb not in ("found", "finds") or _STUDY_SUBJECT.search(before[: match.start()]) is None


# "There were no falls with harm": none at all of a harm is the best result it can have.
_NONE_OF = re.compile(r"\b(there (were|was|have been|has been)|had|recorded|saw|reported) (no|zero)\s+$", re.I)
# The nouns between a change word and a later noun joined to them by "and" or "or".
_COORDINATED = re.compile(r"(\s+[\w-]+){1,3}\s*,?\s+(and|or)\s+$", re.I)
# Words that put a second move later in time than the first ("then", "until ..., when", "by month six").
_LATER = re.compile(
    r"\b(then|until|later|afterwards|subsequently|since then|over the (following|next) \w+|"
    r"by (the )?(end|close|time|spring|summer|autumn|winter|(month|week|year|day|quarter) \w+|"
    r"\w+ (months|weeks|years))|"
    r"(a|one|two|three|four|five|six|\w+) (years?|months?|weeks?) later|in the (following|next) \w+|"
    r"at (\w+ ){1,2}(months?|weeks?|years?)|at follow-up)\b",
    re.I,
)
_NOT_ELSEWHERE = re.compile(r"\s*,?\s*but not (at|in|on|for|among|across|during|over|with)\b", re.I)
_REVERSAL = re.compile(r"\b(again|back|after)\b|" + _LATER.pattern, re.I)
# "did not lead to fewer admissions": a move that the clause denies is no move.
_NEGATED_BEFORE = re.compile(
    r"\b(did not|does not|do not|didn't|doesn't|failed to|has not|have not|had not|never)( \w+){0,3}\s*$", re.I
)
# "which staff expected to rise", "set out to reduce": an expectation or aim is not a result.
_EXPECTED = re.compile(
    r"\b(expected|expecting|hoped|hoping|feared|predicted|aimed|aiming|aims?|planned|plans?|intended|intends?|"
    r"set out|targets?|goal|ambition|wanted|wants?|likely) (\w+ )?(to|would|will) \w+",
    re.I,
)
# A hedge that names the same change somewhere else, or another change made at the same time: its subject is another
# measure or change by design.
_SAME_CHANGE_ELSEWHERE = re.compile(
    r"over the same (period|time|months|year)|at the same time|across the (whole|wider|entire|rest of the)\b", re.I
)
# "cut emissions more than any other project": a ranking against other work, not a rise.
_RANKING = re.compile(r"\b(more|less|further|faster) than (any|all|every) other\b", re.I)
# "uptake was lowest among women", "attendance was highest for a paper on deprescribing": where a measure stands
# highest or lowest across groups, places or sessions, which says nothing of a change ("is now the lowest in the
# trust" does: it got there).
_GROUP_EXTREME = re.compile(
    r"(?<!now the )(?<!now )\b(highest|lowest) (among|amongst|in|for|at|on|across|where|when)\b", re.I
)
# The name of improvement work is no improvement: "led the trust's improvement work on time to specialist review",
# "a rapid improvement event on theatre turnaround", "using the Model for Improvement".
_IMPROVEMENT_WORK = re.compile(
    r"\b(model for improvement|quality improvement|improvement (work|projects?|events?|programmes?|teams?|boards?|"
    r"leads?|collaboratives?|methods?|science|plans?|cycles?|coach(es)?|facilitators?|networks?|approach|"
    r"initiatives?|activit(y|ies)|tools?|hub|academy|faculty|advisers?|advisors?))\b",
    re.I,
)
# "up" and "down" as the particle of a phrasal verb name no direction: "making up 26% of attendances", "had signed up",
# "set up a clinic", "followed up at a year", "broken down by age", "written down". "Picked up" names none where it
# means found, before a preposition ("errors picked up at the first visit"); "uptake picked up" is a rise.
_PHRASAL_PARTICLE = re.compile(
    r"\b(picked|picks) up(?= (at|by|in|on|during|through|from|via|when|before|after)\b)|"
    r"\b(make|makes|made|making|set|sets|setting|sign|signs|signed|signing|follow|follows|followed|following|"
    r"look|looks|looked|looking|bring|brings|brought|bringing|open|opens|opened|opening|"
    r"line|lines|lined|lining|join|joins|joined|joining|sum|sums|summed|summing|tie|ties|tied|tying|"
    r"speak|speaks|spoke|speaking) up\b|"
    r"\b(break|breaks|broke|broken|breaking|write|writes|wrote|written|writing|set|sets|setting|sit|sits|sat|"
    r"sitting|shut|shuts|shutting|turn|turns|turned|turning|hand|hands|handed|handing|note|notes|noted|noting|"
    r"lay|lays|laid|laying|step|steps|stepped|stepping) down\b",
    re.I,
)
# "up" and "down" inside a compound name no direction: "the follow-up call", "a step-down bed", "up-to-date".
_COMPOUND_DIRECTION = re.compile(r"\b\w+-(up|down)\b|\b(up|down)-\w[\w-]*", re.I)
# "falls" as the name of a harm, not a verb: "the falls rate and ...", "at high risk of falls", "fewer falls".
_FALLS_NOUN = re.compile(
    r"(?:(?<=\bof )|(?<=\bthe )|(?<=\binpatient )|(?<=\band )|(?<=\bor )|(?<=\bno )|(?<=\bfewer )|(?<=\bmore )|"
    r"(?<=\bfor )|(?<=\bwith ))falls\b(?! (to|from|by|below|under|back|again|further|slightly|sharply|steadily)\b)|"
    r"\bfalls(?= (rates?|with|per|prevention|risk|champions?|leads?|teams?|bundles?|assessments?|audits?|data)\b)",
    re.I,
)
# An aside between commas that says how or in whom a measure was taken ("Weight loss, measured in patients who
# stayed longer than a week, was much the same"): its words describe the sample, not the result.
_ASIDE = re.compile(
    r",\s*(measured|counted|recorded|defined|taken|collected|adjusted|excluding|including|based)\b[^,.;]{0,120},", re.I
)
# Thresholds, expectations, asides on the sample, rankings, group extremes, the names of improvement work, phrasal
# verbs' "up" and "down" and "falls" naming the harm say nothing of a result's direction: classify() blanks them out,
# in this order, first.
_NO_DIRECTION = (
    _THRESHOLD,
    _EXPECTED,
    _ASIDE,
    _RANKING,
    _GROUP_EXTREME,
    _IMPROVEMENT_WORK,
    _PHRASAL_PARTICLE,
    _COMPOUND_DIRECTION,
    _FALLS_NOUN,
)
# The subject of a fade in the next sentence that points back at a result: a word for results in general, or a
# measure word that the mention itself uses ("the DNA rate ... the rate climbed back").
_RESULT_ANAPHOR = re.compile(r"\b(the|this|that) (gains?|improvements?|effect|benefit)\b", re.I)
_MEASURE_ANAPHOR = re.compile(
    r"\b(?:the|this|that) (rate|proportion|percentage|figure|number|level|score|time)\b", re.I
)
# A sentence subject that points back at the measure just named.
_POINTS_BACK = re.compile(
    r"\s*(it|this|they|these|the (rate|figure|number|proportion|percentage|level|time|score|median|average|mean))\b",
    re.I,
)
# The subject of a fade that stands for the measure just named ("it", "the figure") or for all those of the sentence
# before ("the figures", "both measures").
_FADE_SUBJECT = re.compile(
    r"(?<![\w-])((it|the figure|this figure)|the figures|these figures|both measures|both figures)\s+"
    r"((then|had|has|have|soon|later|gradually|slowly|quickly|steadily)\s+)*$",
    re.I,
)
# "Agency spend, however, did not change": a "however" set off right after the mention is an aside inside its
# clause, not the start of another.
_ASIDE_AFTER = re.compile(r"\s*,\s*however,", re.I)
_AT_FIRST = re.compile(r"\b(at first|initially|early on|in the first)\b", re.I)
_CLAUSE_BREAK = re.compile(
    # "a small but significant fall" joins two words about one result.
    r";|\bwhile\b|\bwhereas\b|(?<!small )(?<!modest )(?<!slight )\bbut\b"
    r"(?! (significant|important|real|measurable|steady|consistent|noticeable|definite|clear)\b)|"
    r"\balthough\b|\bhowever\b|, and (?=(\w+ ){2,3}(was|were|"
    r"did|rose|fell|improved|had))",
    re.I,
)


@Language.factory("kmob_polarity", default_config={"direction_model": None})
def make_polarity(nlp: Language, name: str, direction_model: str | None) -> PolarityTagger:
    """Build the outcome polarity tagger; a relative model path is relative to the nlp package."""
    if not direction_model:
        return PolarityTagger()
    path = model_path(direction_model)
    if not path.exists():
        raise FileNotFoundError(f"{path}: direction model not found (train it with `kmob train-review`)")
    return PolarityTagger(ChoiceModel.load(path))


class PolarityTagger:
    """Reads negation, hedging and direction words around each OUTCOME mention; with a direction model
    (nlp.direction), which way is better for a measure is the rules' reading weighed by the corpus's prior."""

    def __init__(self, direction_model: ChoiceModel | None = None) -> None:
        self.direction_model = direction_model

    def __call__(self, doc: Doc) -> Doc:
        """Set span._.polarity on OUTCOME entities and doc._.outcome for the document."""
        outcomes = [e for e in doc.ents if e.label_ == "OUTCOME"]
        for ent in outcomes:
            ent._.polarity = self.polarity(doc, ent, outcomes)
        doc._.outcome = document_outcome([e._.polarity for e in outcomes])
        return doc

    def polarity(self, doc: Doc, ent: Span, outcomes: list[Span]) -> str | None:
        """The polarity of one outcome mention from its clause (and a following "However ..." sentence); None for a
        mention that reports no result (an aim, a question, a plan, a measure only named)."""
        sent = ent.sent
        if in_reference_list(doc, ent.start_char) or reports_no_result(ent, sent):
            return None  # a cited title reports no result of this document's, nor does an aim, a question or a plan
        clause, offset = _clause(doc, ent, sent)
        follow = _next_sentence(doc, sent)
        if (
            follow is not None
            and _NOT_SUSTAINED.search(follow.text)
            and not any(o.start >= follow.start and o.end <= follow.end for o in outcomes)
        ):
            return "not_sustained"
        after = span_text(sent)[ent.end_char - sent.start_char :]
        direction = self.direction(ent, clause[:offset])
        course = _time_course(doc, ent, outcomes, direction)
        if course:
            return course
        if _AT_FIRST.search(clause) and _NOT_SUSTAINED.search(after):
            return "not_sustained"  # "increased at first but then fell back"
        if direction == "lower" and _NONE_OF.search(clause[:offset]):
            return "improved"  # "there were no falls with harm in the six months after the change"
        polarity = classify(_mask_other_mentions(clause, ent, offset, outcomes), ent.text, direction, offset, none="")
        rest = _rest_of_sentence(doc, ent, sent, clause, offset, outcomes)
        rest_at = sent.end_char - len(rest)
        # "fell ..., while reporting time for other films crept up": a contrast with "while" brings in another
        # measure, even where the parser reads that measure as an object.
        other = bool(rest) and (
            _CONTRAST_START.match(rest) is not None or _speaks_of_other(doc, rest_at, sent.end_char)
        )
        if not polarity:
            # A reading with no verdict of its own takes the one after it: "was 41%, against 38% at baseline; with
            # so few births this is no real change", or the next sentence's when that is about it ("It fell ...").
            later = classify(rest, "", direction, 0, none="") if rest and not other else ""
            found = later or _anaphoric_result(doc, sent, outcomes, direction)
            if found:
                return found
            # A measure named with no reading of its own reports no result ("We collected A&E attendances"), unless
            # the sentence says why none can be read: "was too rare to judge", "the effect on reoffending is unknown".
            sentence = span_text(sent)
            hedged = any(p.search(sentence) for p in (_UNCLEAR, _AFTER_HEDGE, _DESIGN_HEDGE, _NO_READING))
            return "unclear" if hedged else None
        if polarity in ("improved", "worsened") and _CONCLUDED_NULL.search(after):
            return "no_change"
        if polarity in ("improved", "worsened") and _DOWN_AT.search(clause) and _UP_AT.search(clause):
            return "unclear"
        if polarity in ("improved", "worsened") and _NOT_ELSEWHERE.match(rest):
            return "unclear"  # "improved on weekdays but not at weekends": a result in some places or times only
        if polarity == "improved" and rest and _NOT_SUSTAINED.search(rest):
            return "not_sustained"  # "was reduced, but the effect faded after six months"
        if polarity == "improved" and _faded_next(doc, ent, outcomes):
            return "not_sustained"  # "The DNA rate fell to 7%. When the reminders stopped, the rate climbed back."
        # The rest speaks of this measure only when it names no subject or object of its own: "improved engagement
        # but did not significantly reduce repetition" and "went up; the team believes better reporting accounts
        # for this" are about something else.
        insignificant = _NOT_SIGNIFICANT.search(rest) if rest else None
        if (
            polarity in ("improved", "worsened")
            and insignificant is not None
            and not _verb_with_object(doc, rest_at + insignificant.end())
        ):
            return "no_change"  # "decreased slightly, but not significantly"
        if (
            polarity in ("improved", "worsened")
            and rest
            and not other
            and {polarity, classify(rest, "", direction, 0)} == {"improved", "worsened"}
        ):
            # "fell to 1.3, but it rose again to 3.6": a move back the other way is a fade; otherwise it is mixed
            # ("improved at two sites but worsened at the third").
            return "not_sustained" if _REVERSAL.search(rest) else "unclear"
        if polarity in ("improved", "worsened") and (_hedges_this(after, ent, outcomes) or _DESIGN_HEDGE.search(after)):
            return "unclear"
        if polarity in ("improved", "worsened") and sent.end < len(doc):
            # "... reported lower distress. Because staff chose whether to attend, it is not possible to say that
            # the rounds caused these differences." A hedge about "these" results takes back the sentence before.
            # A sentence that reports results of its own first ("Asthma control was unchanged ..., so we cannot say
            # the switch caused these changes") hedges those, not this one.
            nxt = doc[sent.end].sent
            hedge = _AFTER_HEDGE.search(span_text(nxt))
            if (
                hedge is not None
                and _BACK_REFERENCE.search(span_text(nxt))
                and not any(nxt.start_char <= o.start_char < nxt.start_char + hedge.start() for o in outcomes)
            ):
                return "unclear"
        return polarity

    def direction(self, ent: Span, clause_before: str) -> str:
        """Which way is better for this measure ("higher" or "lower"), given its clause up to the mention."""
        rule_direction, aimed = self.rule_direction(ent, clause_before)
        if self.direction_model is None:
            return rule_direction
        return learned_direction(self.direction_model, ent.text, rule_direction, aimed)

    def clause_before(self, ent: Span) -> str:
        """The mention's clause up to the mention."""
        clause, offset = _clause(ent.doc, ent, ent.sent)
        return clause[:offset]

    def rule_direction(self, ent: Span, clause_before: str) -> tuple[str, str | None]:
        """The rules' direction for this measure, and the one an aim of the document asks for (if any)."""
        aimed = _aimed_direction(ent)
        if _detected(clause_before):
            return "higher", aimed  # cases found: more found is better
        return aimed or self._direction(ent), aimed

    def _direction(self, ent: Span) -> str:
        if _ON_TARGET.search(ent.text):
            # Before the concept's own direction: more people with LDL cholesterol at target is better, although
            # lower LDL cholesterol is.
            return "higher"
        gazetteer = load_gazetteer()
        concept = gazetteer.concepts.get(ent.kb_id_) if ent.kb_id_ else None
        direction = concept.direction_for(ent.text) if concept is not None else None
        if direction:
            return direction
        measure = _TIME_TARGET.sub(" ", ent.text)
        core = _measure_core(measure)
        core_words = core.lower().split()
        # "incident reporting rate" is about reporting; a "reporting backlog" is a backlog.
        head_reporting = "reporting" in core_words and not _LOWER_BETTER.fullmatch(core_words[-1])
        if head_reporting or _CARE_TIME.search(ent.text) or _REFERRAL_TO_HELP.search(ent.text):
            # More incident reporting is read as a healthier safety culture; more time giving care and more
            # people referred on to help are better.
            return "higher"
        if _IN_PERSON.search(core) and _REMOTE.search(doc_text(ent.doc)):
            return "lower"  # "face-to-face appointments" where reviews moved to video: the aim is fewer of them
        if _SPELL_WITHOUT.match(measure):
            return "higher"  # "days without a fall": a spell free of harm is better longer
        if _CARE_MISSING.search(measure):
            return "lower"  # "abnormal results with no documented action": care that should have happened did not
        if _APPROPRIATE.search(core):
            return "higher"  # "appropriate antiviral prescribing": care given rightly, unlike "inappropriate"
        if _LATE_FOUND.search(ent.text):
            return "lower"
        if _EARLY_FOUND.search(ent.text):
            return "higher"
        if _NEED_BEFORE.search(doc_text(ent.doc)[ent.sent.start_char : ent.start_char]):
            return "lower"  # "fewer patients needed a second colonoscopy": the need for more care
        if _VIRTUAL_WARD.search(doc_text(ent.doc)) and re.search(r"\boccupancy\b", ent.text, re.I):
            return "higher"  # a virtual ward is judged on how full it is; a hospital ward on how much room it has
        # The head of the measure decides before its tail: "wait from referral to assessment" is a wait.
        # Of the head, its last word is what is measured: "pain score documentation" is documentation.
        if core_words and _PROCESS.fullmatch(core_words[-1]):
            return "higher"
        # A score is named by the word before it: "pain self-efficacy scores" score self-efficacy, not pain.
        if len(core_words) > 1 and _SCORE_HEAD.fullmatch(core_words[-1]) and _WANTED_QUALITY.fullmatch(core_words[-2]):
            return "higher"
        if measure.startswith(core) and _PROCESS_TAIL.match(measure[len(core) :]):
            return "higher"  # "medical referrals seen in SDEC": the share of them that got the care
        if _LOWER_BETTER.search(core):
            return "lower"
        if any(_PROCESS.fullmatch(w) for w in core_words):
            return "higher"  # more documentation, completion or uptake of anything is better
        counted = _COUNT_HEAD.match(measure)
        if _LOWER_BETTER.search(measure[counted.end() :] if counted else measure) or _names_condition(ent, gazetteer):
            return "lower"  # counts of harms and of conditions: "fewer preterm births"
        return "higher"


# Words that end the head of a measure and start its tail ("time from referral", "falls per 1,000 bed days").
# Whole words only: the "to" of "face-to-face" or "time-to-treatment" starts no tail.
_TAIL_START = re.compile(
    r"(?<![\w-])(of|to|from|for|in|at|per|with|within|on|among|between|during|after|before|by|under|over|across|into|"
    r"about|who|that|which|where|when|requiring|needing|seen|sent)(?![\w-])",
    re.I,
)
# Heads that only count something: what is counted decides ("proportion of patients screened").
_COUNT_HEAD = re.compile(
    r"^\s*(the |a )?(number|numbers|proportion|percentage|share|rate|rates|frequency|count|level|levels|amount|"
    r"total)\s+of\b",
    re.I,
)
# Referrals on to support are wanted; referrals into hospital care are demand on it.
_REFERRAL_TO_HELP = re.compile(
    r"^\s*(the )?(number of )?([\w-]+ )?referrals? to\b(?! (the )?(outpatients?|hospital|secondary care|a&e|emergency|"
    r"specialist|consultant|acute))",
    re.I,
)
_NEED_BEFORE = re.compile(
    r"\b(need|needs|needed|needing|require|requires|required|requiring)( an?| the| further| another)?\s*$", re.I
)
_PROCESS_TAIL = re.compile(
    r"\s*(seen|reviewed|assessed|reassessed|treated|screened|triaged|accepted|closed|resolved|answered)\b", re.I
)
_IN_PERSON = re.compile(r"\b(face-to-face|in-person|in person)\b", re.I)
_REMOTE = re.compile(r"\b(virtual|video|online|remote|telephone|phone|digital)\b", re.I)
_CARE_MISSING = re.compile(
    r"\b(without|with no|no documented|not documented|undocumented|not (recorded|given|reviewed|seen|assessed))\b", re.I
)
# "days without a fall": a spell free of harm.
_SPELL_WITHOUT = re.compile(
    r"^\s*(the )?(number of )?(days|weeks|months|time|period|spell)s? (without|with no)\b", re.I
)
_APPROPRIATE = re.compile(r"\b(appropriate|appropriately|correct|correctly)\b", re.I)
# A measure of reaching a target level counts those who reached it: "LDL cholesterol at target", "treated to target",
# "levels in target range", "target doses", "time in therapeutic range". Not a time to reach it ("time to target
# temperature"), which is better shorter.
_ON_TARGET = re.compile(
    r"\b((at|on) target|(treated|treatment|controlled|control|titrated|titration) to target|"
    r"(in|within) (the )?(target|therapeutic|normal) range|target (range|doses?|levels?))\b",
    re.I,
)
# A sentence that says which way the work wants a measure to go: an aim, a goal or a question.
_AIM_SENTENCES_KEY = "kmob_polarity_aim_sentences"
_AIM_SENTENCE = re.compile(r"\b(aims?|aimed|set out|goals?|objectives?|question|sought|intended)\b|\?\s*$", re.I)
_WANT_LOWER = re.compile(
    r"\b(cut|cutting|reduce|reduces|reducing|lower|lowering|halve|halving|minimi[sz]e|decrease|avoid|prevent|fewer)"
    r"((?: [\w-]+){1,5})",
    re.I,
)
# "The objectives were to increase referrals": an aim that asks for more of a measure. ("improve" is left out:
# "improve waiting times" wants them lower.)
_WANT_HIGHER = re.compile(
    r"\b(increase|increasing|raise|raising|boost|boosting|double|doubling)((?: [\w-]+){1,5})", re.I
)
# Words that say nothing of what a measure counts, so they cannot tie it to an aim.
_GENERIC_MEASURE_WORDS = frozenset(
    {
        "rate",
        "rates",
        "number",
        "numbers",
        "proportion",
        "percentage",
        "share",
        "level",
        "levels",
        "time",
        "times",
        "patients",
        "people",
        "new",
        "total",
        "care",
        "service",
        "services",
        "hospital",
    }
)
_VIRTUAL_WARD = re.compile(r"\b(virtual wards?|hospital at home)\b", re.I)


def _stems(words: list[str]) -> set[str]:
    """Crude stems of a measure's telling words ("referral", "referrals" -> "referr")."""
    return {
        w.lower()[:6]
        for w in words
        if len(w) >= 4 and w.lower() not in _GENERIC_MEASURE_WORDS and not _TAIL_START.fullmatch(w)
    }


def _aim_sentences(doc: Doc) -> list[Sentence]:
    """The sentences that state an aim or a question, found once per document: every outcome asks, and walking all
    sentences per outcome was the polarity tagger's largest cost."""
    cached = doc.user_data.get(_AIM_SENTENCES_KEY)
    if cached is None:
        cached = [s for s in sentences(doc) if _AIM_SENTENCE.search(s.text)]
        doc.user_data[_AIM_SENTENCES_KEY] = cached
    return cached


def _aimed_direction(ent: Span) -> str | None:
    """ "lower" when an aim or question in the document asks to cut what this measure counts, "higher" when it asks
    to increase it.

    "Aim: to cut face-to-face fracture clinic appointments" makes fewer face-to-face attendances a gain, and "does
    advice before referral reduce outpatient referrals?" makes falling referral rates one; a measure such as demand or
    attendance has no better direction of its own until the text says which way is wanted.
    """
    measure = _stems(re.findall(r"[\w-]+", ent.text))
    if not measure:
        return None
    for start, end, text in _aim_sentences(ent.doc):
        if start <= ent.start < end:
            continue
        for pattern, direction in ((_WANT_LOWER, "lower"), (_WANT_HIGHER, "higher")):
            for wanted in pattern.finditer(text):
                # The object of the aim runs to its first preposition: "reduce waits from referral" is about waits.
                words = []
                for word in wanted.group(2).split():
                    if _TAIL_START.fullmatch(word):
                        break
                    words.append(word)
                # Most of the measure's telling words must be the aim's: "reduce falls" says nothing of "completion
                # of falls risk assessments".
                if 2 * len(_stems(words) & measure) >= len(measure):
                    return direction
    return None


def _measure_core(text: str) -> str:
    """The head words of a measure, before its tail; a counting head gives way to what it counts."""
    counted = _COUNT_HEAD.match(text)
    measured = text[counted.end() :] if counted else text
    tail = _TAIL_START.search(measured)
    core = measured[: tail.start()] if tail else measured
    return core if core.strip() else text


def _names_condition(ent: Span, gazetteer) -> bool:
    """Whether a measure's words include a condition ("preterm births", "hospital-acquired VTE events")."""
    words = ent.text.split()
    # An inflammation is named by its ending wherever the vocabulary lacks it ("phlebitis", "mastitis").
    return any(w.lower().endswith("itis") for w in words) or any(
        (concept := gazetteer.lookup(" ".join(words[i:j]))) is not None and concept.label == "CONDITION"
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + 4) + 1)
    )


# Subjects that say where the same measure moved ("but two sites fell back"), not what else moved.
_PLACE_SUBJECT = re.compile(
    r"(sites?|wards?|units?|practices?|homes?|groups?|areas?|hospitals?|schools?|trusts?|it|they|this|these|"
    r"that|which|figure|figures|rate|rates|proportion|level|number)",
    re.I,
)


_CONTRAST_START = re.compile(r"\s*,?\s*(while|whereas)\b", re.I)
_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "ccomp", "pcomp"})


def _in_subordinate(tok, span: Span) -> bool:
    """Whether a word sits in a clause subordinate to the main verb of this stretch of text."""
    chain = []
    head = tok.head
    while span.start <= head.i < span.end:
        chain.append(head)
        if head.head.i == head.i:
            break
        head = head.head
    return any(h.dep_ in _SUBORDINATE for h in chain[:-1])


def _speaks_of_other(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether a stretch of text has a subject or direct object of its own, other than a place or a pronoun."""
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    if span is None:
        return False
    for tok in span:
        if _in_subordinate(tok, span) or not span.start <= tok.head.i < span.end:
            # "rose again after new doctors arrived": a subordinate clause's subject is background; "showed a modest
            # but significant improvement": an object of a verb before the stretch belongs to the clause before.
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and not _PLACE_SUBJECT.fullmatch(tok.text):
            return True
        if tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ != "significance":
            return True
    return False


def _verb_with_object(doc: Doc, char: int) -> bool:
    """Whether the first word from this offset is a verb with a noun object ("not significantly reduce repetition")."""
    tok = next((t for t in doc if t.idx >= char and not t.is_space), None)
    return (
        tok is not None
        and tok.pos_ == "VERB"
        and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)
    )


def _hedges_this(after: str, ent: Span, outcomes: list[Span]) -> bool:
    """A hedge after a result takes it back, unless it is about another measure named after the hedge
    ("improved burden, but it was too small to tell whether the falls rate changed")."""
    match = _AFTER_HEDGE.search(after)
    if match is None:
        return False
    hedge_at = ent.end_char + match.end()
    # "rose, but the effect on preterm births could not be separated": a hedge in a later clause that names another
    # measure is about that one.
    hedge_start = ent.end_char + match.start()
    text = doc_text(ent.doc)
    between = [o for o in outcomes if ent.end_char <= o.start_char < hedge_start and o.sent.start == ent.sent.start]
    if _SAME_CHANGE_ELSEWHERE.search(match.group()):
        between = []  # "but absence across the trust fell over the same period": the other measure is the point
    if any(_hedge_subject(text, ent.end_char, o, hedge_start) for o in between):
        return False
    later = [o for o in outcomes if o.start_char >= hedge_at and o.sent.start == ent.sent.start]
    return not any(not _CLAUSE_BREAK.search(text[hedge_at : o.start_char]) for o in later)


def _hedge_subject(text: str, mention_end: int, other: Span, hedge_start: int) -> bool:
    """Whether another measure, in a later clause than the mention, is what a hedge speaks of: nothing but its own
    verb stands between them ("the effect on preterm births could not be separated"), unlike "the response rate was
    low and the result may reflect who answered"."""
    link = text[other.end_char : hedge_start]
    return (
        _CLAUSE_BREAK.search(text[mention_end : other.start_char]) is not None
        and not _CLAUSE_BREAK.search(link)
        and not re.search(r"\band\b", link)
        and not _BACK_REFERENCE.search(link)
    )


def _rest_of_sentence(doc: Doc, ent: Span, sent: Span, clause: str, offset: int, outcomes: list[Span]) -> str:
    """The sentence after a mention's clause, when it names no measure of its own (so it still speaks of this one)."""
    clause_end = ent.start_char - offset + len(clause)
    if clause_end >= sent.end_char or any(o.start_char >= clause_end and o.end_char <= sent.end_char for o in outcomes):
        return ""
    return doc_text(doc)[clause_end : sent.end_char]


def classify(clause: str, outcome_text: str, direction: str, at: int | None = None, none: str = "unclear") -> str:
    """Polarity of a clause about one outcome whose better direction is "lower" or "higher".

    A fade anywhere in the clause wins; otherwise the cue nearest the measure decides, so "did not fall and
    inpatient falls rose" reads each measure with its own verb. Hedges reach twice as far as other cues. A clause
    with no cue at all gives `none`.
    """
    if at is None or clause[at : at + len(outcome_text)] != outcome_text:
        at = clause.find(outcome_text)
    if at < 0:
        at, masked = 0, clause
    else:
        masked = clause[:at] + " " * len(outcome_text) + clause[at + len(outcome_text) :]
    stop = at + len(outcome_text)
    for words_to_hide in _NO_DIRECTION:
        masked = words_to_hide.sub(lambda m: " " * len(m.group()), masked)
    if _NOT_SUSTAINED.search(masked):
        return "not_sustained"
    if _NOT_SIGNIFICANT.search(masked):
        return "no_change"
    if any(m.end() <= at for m in _GOVERNING_HEDGE.finditer(masked)):
        return "unclear"
    if any(m.end() <= at and not _CLAUSE_BREAK.search(masked, m.end(), at) for m in _GOVERNING_NULL.finditer(masked)):
        return "no_change"

    def distance(match: re.Match, governs_next: bool = True) -> int:
        # A reading ("from 34 days to 11") is whole in itself and governs no noun after it.
        if governs_next and match.start() < at and _COORDINATED.match(masked, match.end(), at):
            return 0  # "less jargon and abbreviation": the word before the first noun governs the second too
        return at - match.end() if match.end() <= at else max(0, match.start() - stop)

    cues: list[tuple[float, int, str, int]] = []
    for rank, (pattern, kind) in enumerate(
        (
            (_NO_CHANGE, "no_change"),
            (_UNCLEAR, "unclear"),
            (_WORSE, "worsened"),
            (_DOWN, "down"),
            (_UP, "up"),
            (_BETTER, "better"),
            (_HIGH_UNTIL, "down"),
            (_LOW_UNTIL, "up"),
        )
    ):
        for match in pattern.finditer(masked):
            reach = distance(match) / (2 if kind == "unclear" else 1)
            cues.append((reach, rank, kind, match.start()))
    readings = [
        (match, match.groups())
        for match in (*_FROM_TO.finditer(masked), *_START_END.finditer(masked), *_FIRST_THEN.finditer(masked))
    ]
    readings += [
        (match, match.groups()[::-1])
        for match in _COMPARED_WITH_EARLIER.finditer(masked)
        if _wide_gap(*(_number(n) for n in match.groups()))
    ]
    for match in _BEFORE_AFTER.finditer(masked):
        if _wide_gap(*(_number(n) for n in match.groups())):
            readings.append((match, match.groups()))
        elif not _UNCLEAR.search(masked, match.end()):
            # "14% before and 13% after" is no change, unless the text goes on to doubt it ("too few to judge").
            cues.append((distance(match), 0, "no_change", match.start()))
    for match, (first, last) in readings:
        before, after = _number(first), _number(last)
        if before != after:
            cues.append(
                (
                    distance(match, governs_next=False),
                    3 if after < before else 4,
                    "down" if after < before else "up",
                    match.start(),
                )
            )
    if not cues:
        return none
    kind = min(cues)[2]
    if kind in ("down", "up", "better") and _negated(masked, min(cues)[3], stop):
        return "no_change"
    if kind in ("no_change", "unclear", "worsened"):
        return kind
    if kind == "better":
        return "improved"
    if kind == "down":
        return "improved" if direction == "lower" else "worsened"
    return "improved" if direction == "higher" else "worsened"


def _time_course(doc: Doc, ent: Span, outcomes: list[Span], direction: str) -> str | None:
    """A first move and a later one the other way in the rest of the mention's sentence.

    "rose to 81% ... until the August rotation, when it dropped to 52%" is a gain that was lost; "rose in the first
    month, then fell to below baseline" is a harm that was turned round. The stretch stops at the next measure.
    """
    sent = ent.sent
    stop = min((o.start_char for o in outcomes if ent.end_char <= o.start_char < sent.end_char), default=sent.end_char)
    after = doc_text(doc)[ent.end_char : stop]
    for marker in _LATER.finditer(after):
        first = classify(after[: marker.start()], "", direction, 0, none="")
        later_at = ent.end_char + marker.end()
        if first not in ("improved", "worsened") or _speaks_of_other(doc, later_at, stop):
            continue
        later = classify(after[marker.end() :], "", direction, 0, none="")
        if (first, later) == ("improved", "worsened"):
            return "not_sustained"
        if (first, later) == ("worsened", "improved"):
            return "improved"
    return None


def _anaphoric_result(doc: Doc, sent: Span, outcomes: list[Span], direction: str) -> str:
    """The result in the next sentence when its subject points back at the measure ("It fell from 95 to 52 minutes")
    and it names no measure of its own."""
    if sent.end >= len(doc):
        return ""
    nxt = doc[sent.end].sent
    if not _POINTS_BACK.match(span_text(nxt)) or any(o.start >= nxt.start and o.end <= nxt.end for o in outcomes):
        return ""
    return classify(span_text(nxt), "", direction, 0, none="")


def _negated(clause: str, cue_at: int, mention_end: int) -> bool:
    """Whether a change word is denied by a negation just before it ("did not lead to fewer admissions").

    A negation before the mention itself belongs to another verb ("did not fall and inpatient falls rose").
    """
    start = max(0, cue_at - 40, mention_end if mention_end <= cue_at else 0)
    before = clause[start:cue_at]
    return _NEGATED_BEFORE.search(before) is not None and not _CLAUSE_BREAK.search(before)


def _wide_gap(now: float, earlier: float) -> bool:
    """Whether a reading set against an earlier one, with no word for the change, differs by half again or more.

    Writers state "14 this winter against 17 the winter before" when they do not claim a change, and say so next;
    "averages 14, compared with 6 at the first meeting" is a change in itself.
    """
    low, high = sorted((now, earlier))
    return high >= 1.5 * low if low > 0 else high > 0


def _number(text: str) -> float:
    """A number written in digits or as a word."""
    word = _NUMBER_WORDS.get(text.lower())
    return word if word is not None else float(text.replace(",", ""))


def document_outcome(polarities: list[str | None]) -> str | None:
    """A document's overall outcome from its mentions: fades and harms are never hidden by gains."""
    seen = [p for p in polarities if p]
    if not seen:
        return None
    if "not_sustained" in seen:
        return "not_sustained"
    improved, worsened = seen.count("improved"), seen.count("worsened")
    if worsened > improved:
        return "worsened"
    if improved:
        return "improved"
    if "no_change" in seen:
        return "no_change"
    return "unclear"


def _mask_other_mentions(clause: str, ent: Span, offset: int, outcomes: list[Span]) -> str:
    """The clause with other measures' names blotted out: "falls" in "neither falls nor ulcers changed" is a
    measure, not a fall."""
    clause_start = ent.start_char - offset
    chars = list(clause)
    for other in outcomes:
        if other.end_char <= ent.start_char or other.start_char >= ent.end_char:
            for i in range(max(other.start_char, clause_start), min(other.end_char, clause_start + len(clause))):
                chars[i - clause_start] = "x" if chars[i - clause_start].isalnum() else chars[i - clause_start]
    return "".join(chars)


def _clause(doc: Doc, ent: Span, sent: Span) -> tuple[str, int]:
    """The clause around an outcome mention, and where the mention starts in it."""
    text = span_text(sent)
    rel_start, rel_end = ent.start_char - sent.start_char, ent.end_char - sent.start_char
    cut_left = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= rel_start:
            cut_left = match.start()
        elif match.start() >= rel_end and not _ASIDE_AFTER.fullmatch(text, rel_end, match.end() + 1):
            return text[cut_left : match.start()], rel_start - cut_left
    return text[cut_left:], rel_start - cut_left


def _faded_next(doc: Doc, ent: Span, outcomes: list[Span]) -> bool:
    """Whether the next sentence says this result faded, naming it by a word that points back at it."""
    sent = ent.sent
    if sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    fade = _NOT_SUSTAINED.search(span_text(nxt))
    if fade is None:
        return False
    # This mention's own result: the text from it up to the next measure named in its sentence.
    stop = min((o.start_char for o in outcomes if ent.end_char <= o.start_char < sent.end_char), default=sent.end_char)
    own = doc_text(doc)[ent.start_char : stop]
    # A fade sentence that names a measure itself gives that mention the fade (and leaves this one improved).
    named = any(o.start >= nxt.start and o.end <= nxt.end for o in outcomes)
    return not named and _points_back(span_text(nxt)[: fade.start()], ent, own, stop == sent.end_char)


def _points_back(before: str, ent: Span, own: str, last_in_sentence: bool) -> bool:
    """Whether the subject of a fade, in the sentence after a result, is that result: a word for results in general
    ("the gains"), a measure word the mention uses ("the rate"), a plural for all the measures just named ("the
    figures drifted back"), or, for the last measure of its sentence, "it" or "the figure" ("In January it dropped
    back to 70%")."""
    subject = _FADE_SUBJECT.search(before)
    if _RESULT_ANAPHOR.search(before) or (subject is not None and (last_in_sentence or not subject.group(2))):
        return True
    for match in _MEASURE_ANAPHOR.finditer(before):
        word = match.group(1).lower()
        if word in ent.text.lower().split() or (word in ("proportion", "percentage") and "%" in own):
            return True
    return False


def _next_sentence(doc: Doc, sent: Span) -> Span | None:
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    return nxt if re.match(r"\s*(However|But|Unfortunately|Yet|After|Later|By)\b", span_text(nxt)) else None
