"""Topic banks for the sample corpus: settings, change ideas, measures, background, findings, lessons.

Measures are (name, unit, low, high, better) where unit is one of percent, minutes, hours, days, rate
(per 1,000 occupied bed days), monthly (count per month) or score, low-high is the usual baseline range,
and better says which direction is an improvement. All text is invented for kmob.
"""

from __future__ import annotations

TOPICS: dict[str, dict] = {
    "sepsis": {
        "name": "sepsis",
        "surfaces": ("sepsis", "suspected sepsis", "red flag sepsis"),
        "settings": (
            "emergency department",
            "acute medical unit",
            "surgical assessment unit",
            "medical wards",
            "ambulance service",
        ),
        "interventions": (
            "a sepsis screening tool at triage",
            "the Sepsis Six bundle",
            "antibiotic grab bags",
            "an electronic sepsis alert",
            "a nurse-initiated antibiotic patient group direction",
            "a sepsis trolley on every bay",
        ),
        "measures": (
            ("time from arrival to first antibiotic dose", "minutes", 70, 150, "down"),
            ("patients with red flag sepsis who received antibiotics within one hour", "percent", 40, 68, "up"),
            ("patients screened for sepsis at triage", "percent", 50, 75, "up"),
            ("unplanned critical care admissions with sepsis", "monthly", 8, 18, "down"),
        ),
        "background": (
            "An audit of {n} patients with {surface} in the {setting} found that antibiotics were often "
            "delayed by waiting for a doctor to prescribe.",
            "Screening for {surface} was happening, but the result was not reliably acted on at shift change.",
            "A serious incident in which a patient with {surface} waited four hours for treatment prompted "
            "the trust to look again at its pathway.",
        ),
        "titles": (
            "Faster antibiotics for {surface} in the {setting}",
            "Reliable sepsis screening in the {setting}",
            "Introducing {intervention} in the {setting}",
            "Sepsis Six within the hour on the {setting}",
        ),
        "lessons": (
            "Nurse-initiated antibiotics only worked once pharmacy and the antimicrobial team co-wrote the protocol.",
            "Grab bags had to be restocked by a named role each shift, or they were empty when needed.",
            "The electronic alert fired so often that staff began to dismiss it; tuning the trigger mattered "
            "more than adding it.",
            "Triage staff needed protected time for training, not a slide set to read between patients.",
        ),
        "evidence_titles": (
            "Timely antibiotics in suspected sepsis: what the evidence says",
            "Screening tools for sepsis in emergency care",
            "Nurse-led initiation of sepsis treatment",
            "Electronic alerts for sepsis recognition",
        ),
        "findings": (
            "Delays beyond the first hour after recognition of septic shock are associated with higher "
            "mortality, while the benefit of very rapid antibiotics in less severe illness is less certain.",
            "Screening tools are sensitive but not specific, and their value depends on a reliable response "
            "when the screen is positive.",
            "Nurse-initiated treatment under an agreed protocol shortened time to antibiotics in several "
            "before-and-after studies, without an increase in inappropriate prescribing.",
            "Electronic alerts improved recognition in some settings but alert fatigue was a common problem.",
        ),
        "expertise": ("recognition and early treatment of sepsis", "sepsis screening and the Sepsis Six"),
    },
    "falls": {
        "name": "inpatient falls",
        "surfaces": ("inpatient falls", "falls", "falls with harm"),
        "settings": (
            "older people's wards",
            "orthopaedic wards",
            "stroke unit",
            "community hospital wards",
            "ambulance falls response service",
            "care homes",
        ),
        "interventions": (
            "a multifactorial falls risk assessment",
            "lying and standing blood pressure checks",
            "bay nursing for patients at high risk",
            "a post-fall huddle",
            "low-rise beds and sensor mats",
            "a safe footwear scheme",
            "a medication review for falls risk",
        ),
        "measures": (
            ("inpatient falls", "rate", 5.0, 9.0, "down"),
            ("falls resulting in moderate or severe harm", "monthly", 2, 7, "down"),
            ("patients with lying and standing blood pressure recorded", "percent", 15, 45, "up"),
            ("patients with a completed multifactorial falls assessment within 24 hours", "percent", 40, 70, "up"),
        ),
        "background": (
            "The {setting} reported {n} falls in the previous year, a third of them at night and unwitnessed.",
            "Falls with harm were the most frequently reported patient safety incident in the {setting}.",
            "Staff described falls risk assessment as a form-filling exercise that did not change care.",
        ),
        "titles": (
            "Reducing falls with harm on the {setting}",
            "Lying and standing blood pressure on the {setting}",
            "Introducing {intervention} on the {setting}",
            "Falls prevention at night on the {setting}",
        ),
        "lessons": (
            "Lying and standing blood pressure was completed far more often once it was part of the admission "
            "bundle rather than a separate task.",
            "Sensor mats did not reduce falls on their own and added to noise at night.",
            "The post-fall huddle was most useful when the patient or family joined it.",
            "Healthcare assistants knew which patients were at risk long before the assessment said so.",
        ),
        "evidence_titles": (
            "Multifactorial interventions to prevent falls in hospital",
            "Falls prevention for older people in hospital and community settings",
            "Technology to prevent inpatient falls: sensors and alarms",
        ),
        "findings": (
            "Multifactorial assessment and intervention reduces falls in hospital, but single interventions "
            "such as alarms show little effect.",
            "Checking for orthostatic hypotension and reviewing sedating medicines are among the most "
            "consistently recommended components.",
            "Patient education about the risk of falling, delivered face to face, reduced falls among "
            "cognitively intact patients.",
        ),
        "expertise": ("falls prevention for older inpatients", "post-fall review and falls risk assessment"),
    },
    "pressure_ulcers": {
        "name": "pressure ulcers",
        "surfaces": ("pressure ulcers", "pressure damage", "hospital-acquired pressure ulcers"),
        "settings": ("medical wards", "district nursing caseload", "intensive care unit", "nursing homes"),
        "interventions": (
            "the SSKIN care bundle",
            "a repositioning clock",
            "early access to pressure-redistributing mattresses",
            "heel offloading boots",
            "skin inspection at every handover",
            "tissue viability link nurses on every team",
        ),
        "measures": (
            ("category 2 or above pressure ulcers", "monthly", 6, 20, "down"),
            ("patients with a completed skin assessment within six hours of admission", "percent", 45, 75, "up"),
            ("days between pressure ulcers", "days", 8, 25, "up"),
            ("device-related pressure ulcers", "monthly", 2, 6, "down"),
        ),
        "background": (
            "Pressure damage in the {setting} had risen over two years, with heels the most common site.",
            "A review of {n} incidents found that skin was inspected but repositioning was not recorded.",
            "Families told us that they had noticed skin changes before staff did.",
        ),
        "titles": (
            "Preventing pressure ulcers across the {setting}",
            "Heel pressure damage in the {setting}",
            "Introducing {intervention} in the {setting}",
            "Skin matters: pressure ulcer prevention in the {setting}",
        ),
        "lessons": (
            "Equipment delays undid good assessment; the mattress supply chain needed its own process map.",
            "Teaching carers to check skin extended prevention beyond the hours that nurses were present.",
            "The SSKIN bundle stuck once it replaced, rather than added to, existing paperwork.",
            "Celebrating days between pressure ulcers motivated teams more than monthly league tables.",
        ),
        "evidence_titles": (
            "Repositioning frequency and pressure ulcer prevention",
            "Support surfaces for preventing pressure ulcers",
            "Care bundles for pressure ulcer prevention in community nursing",
        ),
        "findings": (
            "High-specification foam mattresses reduce pressure ulcer incidence compared with standard "
            "hospital mattresses.",
            "There is no clear evidence that two-hourly repositioning is better than three- or four-hourly "
            "repositioning on a high-specification surface.",
            "Bundles improved assessment documentation, but the effect on incidence was mixed and depended on "
            "local implementation.",
        ),
        "expertise": ("pressure ulcer prevention and tissue viability", "skin integrity in community nursing"),
    },
    "delirium": {
        "name": "delirium",
        "surfaces": ("delirium", "acute confusion", "post-operative delirium"),
        "settings": ("orthopaedic wards", "acute medical unit", "surgical wards", "older people's wards"),
        "interventions": (
            "routine screening with the 4AT",
            "a delirium prevention bundle",
            "a volunteer companion scheme",
            "sleep hygiene measures at night",
            "a TIME bundle for new confusion",
            "a delirium care plan",
        ),
        "measures": (
            ("patients over 65 screened for delirium within 24 hours", "percent", 20, 50, "up"),
            ("patients with delirium who had a documented cause sought", "percent", 30, 60, "up"),
            ("length of stay for patients with delirium", "days", 12, 20, "down"),
            ("prescriptions of antipsychotics for agitation", "monthly", 10, 25, "down"),
        ),
        "background": (
            "Delirium was recorded in the notes of only a small share of patients whose behaviour suggested it.",
            "An audit of {n} patients with hip fracture found that {surface} was rarely screened for after surgery.",
            "Staff described patients with {surface} as 'confused' or 'wandering' without looking for a cause.",
        ),
        "titles": (
            "Spotting delirium early on the {setting}",
            "4AT screening on the {setting}",
            "Introducing {intervention} on the {setting}",
            "Preventing post-operative delirium on the {setting}",
        ),
        "lessons": (
            "Screening rose quickly but management did not follow until a TIME bundle told staff what to do next.",
            "Volunteers needed a named supervisor on each ward and a short induction about delirium.",
            "Families were the best source of information about a patient's usual cognition.",
            "Night-time noise reduction was easy to start and hard to keep going.",
        ),
        "evidence_titles": (
            "Multicomponent interventions to prevent delirium in hospital",
            "Screening tools for delirium in older inpatients",
            "Antipsychotics for the treatment of delirium",
        ),
        "findings": (
            "Multicomponent non-drug interventions reduce the incidence of delirium in medical and surgical "
            "inpatients by around a third.",
            "The 4AT is brief, needs no special training and performs well across settings.",
            "There is no good evidence that antipsychotics shorten delirium, and they carry risks.",
        ),
        "expertise": ("delirium prevention and recognition", "delirium screening with the 4AT"),
    },
    "discharge": {
        "name": "discharge delays",
        "surfaces": ("discharge delays", "delayed discharge", "delayed transfers of care"),
        "settings": ("medical wards", "acute medical unit", "community hospital wards", "orthopaedic wards"),
        "interventions": (
            "a criteria-led discharge protocol",
            "a discharge lounge open at weekends",
            "daily board rounds with a red and green day approach",
            "a Home First pathway",
            "an estimated date of discharge set on admission",
            "a transfer of care hub with social care",
        ),
        "measures": (
            ("patients discharged before midday", "percent", 10, 25, "up"),
            ("delay from medically optimised to discharge", "hours", 30, 80, "down"),
            ("patients with a length of stay over 21 days", "monthly", 40, 90, "down"),
            ("discharges at weekends as a share of weekday discharges", "percent", 30, 55, "up"),
        ),
        "background": (
            "On a typical day {n} patients in the {setting} were medically optimised but still waiting to leave.",
            "Discharge letters and take-home medicines were usually completed in the late afternoon.",
            "Patients told us that nobody could say when they would be going home.",
        ),
        "titles": (
            "Home by lunchtime: discharge on the {setting}",
            "Reducing delayed discharge from the {setting}",
            "Introducing {intervention} on the {setting}",
            "Red to green days on the {setting}",
        ),
        "lessons": (
            "The estimated date of discharge was only useful when it was reviewed every day, not set and forgotten.",
            "Most delay sat outside the ward, so the project needed social care partners from the start.",
            "Criteria-led discharge needed senior medical backing to overcome worries about accountability.",
            "Take-home medicines were the single biggest cause of same-day delay.",
        ),
        "evidence_titles": (
            "Discharge planning from hospital to home",
            "Criteria-led discharge: a rapid evidence review",
            "Home First and discharge to assess models",
        ),
        "findings": (
            "Structured discharge planning modestly reduces length of stay and readmission for older people "
            "with medical conditions.",
            "Criteria-led discharge can bring discharges earlier in the day when criteria are clear and "
            "nurses feel supported.",
            "Discharge to assess models reduce time in hospital, but the evidence on long-term outcomes is limited.",
        ),
        "expertise": ("patient flow and discharge planning", "discharge to assess and Home First pathways"),
    },
    "medicines_safety": {
        "name": "medicines safety",
        "surfaces": ("medication errors", "medicines safety", "omitted doses"),
        "settings": (
            "medical wards",
            "surgical wards",
            "care homes",
            "mental health inpatient wards",
            "community pharmacy service",
        ),
        "interventions": (
            "pharmacist-led medicines reconciliation within 24 hours",
            "a do-not-disturb tabard on drug rounds",
            "electronic prescribing alerts for critical medicines",
            "a time-critical medicines list",
            "structured medication reviews",
            "insulin safety training for ward staff",
        ),
        "measures": (
            ("omitted doses of time-critical medicines", "percent", 6, 15, "down"),
            ("patients with medicines reconciliation within 24 hours", "percent", 50, 75, "up"),
            ("medication incidents reported", "monthly", 25, 60, "down"),
            ("interruptions during drug rounds", "monthly", 30, 70, "down"),
        ),
        "background": (
            "A point prevalence audit found that {n} doses of time-critical medicines had been missed in one "
            "week on the {setting}.",
            "Nurses on the {setting} were interrupted on average several times during each drug round.",
            "Incident reports showed that errors clustered around transfers between wards.",
        ),
        "titles": (
            "Reducing omitted doses on the {setting}",
            "Safer drug rounds on the {setting}",
            "Introducing {intervention} on the {setting}",
            "Time-critical medicines on the {setting}",
        ),
        "lessons": (
            "Tabards reduced interruptions for a few weeks and then became wallpaper.",
            "Pharmacy technicians could take on much of medicines reconciliation with the right training.",
            "The time-critical list had to be short; the first version had so many drugs that it meant nothing.",
            "Reporting went up as the culture improved, which looked like failure on the dashboard.",
        ),
        "evidence_titles": (
            "Interventions to reduce medication administration errors",
            "Medicines reconciliation at transitions of care",
            "Reducing omitted and delayed doses of critical medicines",
        ),
        "findings": (
            "Pharmacist-led reconciliation reduces medication discrepancies, although effects on harm are "
            "less certain.",
            "Interruption-reduction strategies lowered interruptions but had inconsistent effects on errors.",
            "Electronic prescribing reduces some error types while introducing new ones.",
        ),
        "expertise": ("medicines safety and reconciliation", "reducing omitted doses of critical medicines"),
    },
    "frailty": {
        "name": "frailty",
        "surfaces": ("frailty", "older people living with frailty", "moderate and severe frailty"),
        "settings": (
            "same day emergency care",
            "acute frailty unit",
            "primary care networks",
            "ambulance service",
            "community frailty service",
            "emergency department",
        ),
        "interventions": (
            "frailty screening with the Clinical Frailty Scale",
            "a comprehensive geriatric assessment within 14 hours",
            "a frailty virtual ward",
            "a community frailty hub",
            "an anticipatory care plan",
        ),
        "measures": (
            ("patients over 75 with a Clinical Frailty Scale score recorded", "percent", 30, 60, "up"),
            ("frail patients discharged home on the same day", "percent", 20, 40, "up"),
            ("emergency readmissions within 30 days for frail patients", "percent", 15, 25, "down"),
            ("bed days used by patients with frailty", "monthly", 1500, 2600, "down"),
        ),
        "background": (
            "Older people living with {surface} made up a growing share of admissions through the {setting}.",
            "Frailty was rarely recorded in a way that changed the care patients received.",
            "Many frail patients admitted overnight could have been assessed and sent home the same day.",
        ),
        "titles": (
            "Frailty at the front door in the {setting}",
            "Comprehensive geriatric assessment in the {setting}",
            "Introducing {intervention} in the {setting}",
            "Same day care for older people living with frailty in the {setting}",
        ),
        "lessons": (
            "Recording the Clinical Frailty Scale was easy; making the score change the plan took much longer.",
            "A single phone line to the community team did more than any new form.",
            "Therapists at the front door were the change that staff valued most.",
            "Frailty work crossed too many organisations to run without the ICB at the table.",
        ),
        "evidence_titles": (
            "Comprehensive geriatric assessment for older adults admitted to hospital",
            "Acute frailty units and same day emergency care",
            "Frailty identification in primary care",
        ),
        "findings": (
            "Comprehensive geriatric assessment increases the chance that older people are alive and in their "
            "own homes a year after an emergency admission.",
            "Acute frailty units are associated with shorter stays, but studies are mostly uncontrolled.",
            "Electronic frailty indices can identify people for proactive review, with modest accuracy.",
        ),
        "expertise": ("acute frailty and comprehensive geriatric assessment", "community frailty services"),
    },
    "copd": {
        "name": "COPD",
        "surfaces": ("COPD", "chronic obstructive pulmonary disease", "COPD exacerbations"),
        "settings": (
            "respiratory wards",
            "primary care networks",
            "community respiratory service",
            "acute medical unit",
        ),
        "interventions": (
            "a COPD discharge bundle",
            "early referral to pulmonary rehabilitation",
            "inhaler technique checks",
            "a rescue pack scheme",
            "smoking cessation on admission",
            "a respiratory virtual ward",
        ),
        "measures": (
            ("patients admitted with an exacerbation who received the discharge bundle", "percent", 35, 65, "up"),
            ("30-day readmissions after a COPD exacerbation", "percent", 15, 25, "down"),
            ("patients referred to pulmonary rehabilitation within 30 days", "percent", 10, 35, "up"),
            ("bed days for COPD exacerbations", "monthly", 300, 650, "down"),
        ),
        "background": (
            "People with {surface} were often readmitted within weeks, and few started pulmonary rehabilitation.",
            "Inhaler technique was checked in fewer than half of the patients reviewed in the {setting}.",
            "Winter pressures were driven partly by repeated admissions for {surface}.",
        ),
        "titles": (
            "Getting the COPD discharge bundle right in the {setting}",
            "Fewer readmissions for COPD from the {setting}",
            "Introducing {intervention} in the {setting}",
            "Pulmonary rehabilitation after admission for COPD",
        ),
        "lessons": (
            "Pulmonary rehabilitation uptake rose only when the referral was made before the patient left.",
            "Inhaler technique teaching by video worked for some patients and not at all for others.",
            "Respiratory nurses at weekends made more difference than the bundle itself.",
        ),
        "evidence_titles": (
            "Pulmonary rehabilitation after hospitalisation for COPD",
            "Discharge bundles for COPD exacerbations",
            "Self-management interventions for COPD",
        ),
        "findings": (
            "Pulmonary rehabilitation started soon after an exacerbation reduces readmission and improves "
            "quality of life.",
            "Discharge bundles improve the delivery of evidence-based care, with uncertain effects on readmission.",
            "Self-management with an action plan reduces respiratory admissions.",
        ),
        "expertise": ("COPD and pulmonary rehabilitation", "respiratory care in the community"),
    },
    "heart_failure": {
        "name": "heart failure",
        "surfaces": ("heart failure", "chronic heart failure", "decompensated heart failure"),
        "settings": ("cardiology wards", "community heart failure service", "medical wards", "primary care networks"),
        "interventions": (
            "specialist heart failure nurse review within 24 hours",
            "a diuretic titration protocol",
            "remote weight monitoring",
            "a heart failure virtual clinic",
            "optimisation of prognostic medicines before discharge",
        ),
        "measures": (
            ("patients with heart failure seen by a specialist during admission", "percent", 55, 80, "up"),
            ("30-day readmissions for heart failure", "percent", 14, 24, "down"),
            ("patients on all four prognostic medicines at discharge", "percent", 20, 45, "up"),
            ("time from referral to echocardiogram", "days", 30, 90, "down"),
        ),
        "background": (
            "Patients with {surface} were often admitted to general wards and not seen by the specialist team.",
            "Waits for echocardiography in the {setting} delayed diagnosis for months.",
            "Audit showed that prognostic medicines were under-prescribed, especially in older women.",
        ),
        "titles": (
            "Specialist review for heart failure in the {setting}",
            "Faster diagnosis of heart failure from the {setting}",
            "Introducing {intervention} in the {setting}",
        ),
        "lessons": (
            "Remote monitoring produced more data than the team could act on until alerts were triaged.",
            "Medicine optimisation needed a shared plan with primary care or it stalled after discharge.",
            "Patients valued a named nurse more than any technology.",
        ),
        "evidence_titles": (
            "Specialist input for people admitted with heart failure",
            "Remote monitoring in chronic heart failure",
        ),
        "findings": (
            "Specialist care during admission is associated with lower mortality for people with heart failure.",
            "Structured telephone support and remote monitoring reduce heart failure admissions in trials, "
            "with variable results in practice.",
        ),
        "expertise": ("heart failure care across hospital and community", "heart failure medicines optimisation"),
    },
    "staff_wellbeing": {
        "name": "staff wellbeing",
        "surfaces": ("staff wellbeing", "burnout", "staff health and wellbeing"),
        "settings": (
            "emergency department",
            "intensive care unit",
            "inpatient mental health wards",
            "ambulance control room",
            "district nursing teams",
        ),
        "interventions": (
            "Schwartz rounds",
            "a wellbeing hub with rest space",
            "team debriefs after difficult shifts",
            "a protected breaks rota",
            "a peer support scheme",
            "flexible rostering",
        ),
        "measures": (
            ("staff reporting that they take their breaks", "percent", 25, 55, "up"),
            ("sickness absence", "percent", 4, 8, "down"),
            ("average wellbeing score on the WEMWBS scale", "score", 40, 48, "up"),
            ("turnover of staff over twelve months", "percent", 10, 20, "down"),
        ),
        "background": (
            "The staff survey showed that fewer than half of staff in the {setting} felt able to take breaks.",
            "Sickness absence in the {setting} had been above the trust average for {n} months.",
            "Staff said that after a death or a violent incident nobody asked how they were.",
        ),
        "titles": (
            "Breaks that happen in the {setting}",
            "Supporting staff wellbeing in the {setting}",
            "Introducing {intervention} in the {setting}",
        ),
        "lessons": (
            "Breaks happened only when the nurse in charge was released to cover them.",
            "A rest space nobody could reach in under five minutes went unused.",
            "Debriefs worked when they were short, routine and led by someone from the team.",
            "Wellbeing measures moved slowly; staff stories showed the change sooner.",
        ),
        "evidence_titles": (),
        "findings": (),
        "expertise": ("staff health and wellbeing", "team debriefs and peer support"),
    },
    "deterioration": {
        "name": "deterioration",
        "surfaces": ("deterioration", "the deteriorating patient", "NEWS2"),
        "settings": ("medical wards", "surgical wards", "maternity unit", "care homes", "ambulance service"),
        "interventions": (
            "NEWS2 escalation with a structured SBAR handover",
            "a critical care outreach team at night",
            "soft signs of deterioration training",
            "electronic observations",
            "a RESTORE2 tool in care homes",
            "patient and family-activated escalation",
        ),
        "measures": (
            ("patients with NEWS2 of 5 or more escalated within 30 minutes", "percent", 45, 70, "up"),
            ("cardiac arrests on the ward", "rate", 0.8, 1.8, "down"),
            ("observation sets completed on time", "percent", 60, 80, "up"),
            ("unplanned admissions to intensive care", "monthly", 10, 25, "down"),
        ),
        "background": (
            "Reviews of cardiac arrests on the {setting} showed abnormal observations in the hours before.",
            "NEWS2 was calculated reliably but escalation depended on who was on shift.",
            "Care home staff had no shared language for telling the ambulance service that a resident was "
            "getting worse.",
        ),
        "titles": (
            "Escalating deterioration on the {setting}",
            "NEWS2 that leads to action on the {setting}",
            "Introducing {intervention} in the {setting}",
            "Soft signs of deterioration in the {setting}",
        ),
        "lessons": (
            "Escalation improved when the response expected at each NEWS2 score was printed on the chart.",
            "Electronic observations made data visible but did not by themselves change who responded.",
            "Care home staff trusted their own sense that something was wrong; the tool helped them say so.",
            "Night-time escalation failed most often when the junior doctor was covering several wards.",
        ),
        "evidence_titles": (
            "Early warning scores and escalation of care",
            "Rapid response systems for deteriorating patients",
            "Recognising deterioration in care homes",
        ),
        "findings": (
            "NEWS2 predicts deterioration well, but outcomes depend on the reliability of the response.",
            "Rapid response teams are associated with fewer cardiac arrests outside intensive care.",
            "Soft signs recognised by carers often precede changes in vital signs among care home residents.",
        ),
        "expertise": ("recognition and escalation of the deteriorating patient", "NEWS2 and rapid response"),
    },
    "aki": {
        "name": "acute kidney injury",
        "surfaces": ("acute kidney injury", "AKI", "AKI stage 2 and 3"),
        "settings": ("medical wards", "surgical wards", "acute medical unit", "primary care networks"),
        "interventions": (
            "an AKI care bundle triggered by the e-alert",
            "sick day rules leaflets",
            "fluid balance charts reviewed at each board round",
            "nephrotoxic medicine review on alert",
            "an AKI nurse specialist",
        ),
        "measures": (
            ("patients with an AKI alert who had the care bundle started within 24 hours", "percent", 20, 45, "up"),
            ("hospital-acquired AKI", "rate", 3.0, 7.0, "down"),
            ("patients with AKI who had nephrotoxic medicines reviewed", "percent", 30, 60, "up"),
            ("fluid balance charts fully completed", "percent", 25, 50, "up"),
        ),
        "background": (
            "The AKI e-alert appeared on the {setting} but staff were unsure what to do next.",
            "A review of {n} cases of {surface} found that medicines were rarely reviewed after the alert.",
            "Fluid balance charts were incomplete in most patients with {surface}.",
        ),
        "titles": (
            "Acting on the AKI alert on the {setting}",
            "Reducing hospital-acquired AKI on the {setting}",
            "Introducing {intervention} on the {setting}",
        ),
        "lessons": (
            "The alert was noticed once it named who should act on it.",
            "Fluid balance charts improved when the healthcare assistants who kept them helped redesign them.",
            "Sick day rules messages were easily lost in discharge letters.",
        ),
        "evidence_titles": (),
        "findings": (),
        "expertise": ("acute kidney injury", "AKI recognition and care bundles"),
    },
    "dementia": {
        "name": "dementia",
        "surfaces": ("dementia", "people living with dementia", "cognitive impairment"),
        "settings": ("older people's wards", "care homes", "memory services", "emergency department"),
        "interventions": (
            "a This Is Me profile for every patient",
            "a dementia-friendly ward environment",
            "open visiting for carers",
            "dementia champions on each ward",
            "a carers' passport",
            "meaningful activity coordinators",
        ),
        "measures": (
            ("patients with dementia who had a personal profile completed", "percent", 20, 45, "up"),
            ("carers who felt involved in care", "percent", 40, 60, "up"),
            ("moves between wards for patients with dementia", "monthly", 20, 45, "down"),
            ("waiting time for memory assessment", "days", 60, 140, "down"),
        ),
        "background": (
            "Carers of {surface} told us that they were treated as visitors rather than partners in care.",
            "Patients with {surface} were moved between wards at night more often than other patients.",
            "Waits for memory assessment had grown to several months.",
        ),
        "titles": (
            "Carers as partners for people living with dementia on the {setting}",
            "Dementia-friendly care in {setting}",
            "Introducing {intervention} in the {setting}",
            "Shorter waits for memory assessment",
        ),
        "lessons": (
            "Personal profiles only helped when they travelled with the patient between wards.",
            "Carers needed permission, not just a leaflet, to stay outside visiting hours.",
            "Activity coordinators reduced distress but were the first posts cut when money was short.",
        ),
        "evidence_titles": (
            "Carer involvement in hospital care for people with dementia",
            "Environmental design for people living with dementia",
            "Person-centred care in care homes",
        ),
        "findings": (
            "Carer involvement is associated with better experience and less distress, though trial evidence "
            "is limited.",
            "Dementia-friendly environments may reduce agitation; most studies are small and uncontrolled.",
            "Person-centred care approaches reduce agitation in care home residents.",
        ),
        "expertise": ("dementia care and carer involvement", "person-centred dementia care"),
    },
    "end_of_life": {
        "name": "end of life care",
        "surfaces": ("end of life care", "people in the last year of life", "palliative care"),
        "settings": ("medical wards", "community", "care homes", "hospice at home service", "ambulance service"),
        "interventions": (
            "advance care planning conversations",
            "a ReSPECT form",
            "an electronic palliative care record shared across services",
            "anticipatory medicines in the home",
            "a rapid discharge to die at home pathway",
        ),
        "measures": (
            ("people who died in their preferred place", "percent", 45, 70, "up"),
            ("patients in the last year of life with an advance care plan", "percent", 15, 40, "up"),
            ("emergency admissions in the last 90 days of life", "monthly", 40, 80, "down"),
            ("time to get anticipatory medicines at home", "hours", 6, 24, "down"),
        ),
        "background": (
            "Many people in the last year of life were admitted in a crisis that nobody had planned for.",
            "Advance care plans existed but could not be seen by the out-of-hours services that needed them.",
            "Families described waiting a whole day for anticipatory medicines to arrive at home.",
        ),
        "titles": (
            "Advance care planning across the {setting}",
            "Dying in the place people choose",
            "Introducing {intervention} in the {setting}",
        ),
        "lessons": (
            "Conversations happened when clinicians had rehearsed them, not when they had been told to.",
            "A shared record helped only once ambulance crews could open it on the road.",
            "Rapid discharge to die at home needed a named coordinator who could chase equipment.",
        ),
        "evidence_titles": (
            "Advance care planning and end of life outcomes",
            "Hospice at home and place of death",
            "Electronic palliative care coordination systems",
        ),
        "findings": (
            "Advance care planning increases the chance that care matches people's wishes, although effects "
            "on place of death vary.",
            "Hospice at home services increase the chance of dying at home.",
            "Shared electronic records help coordination when every service involved can read them.",
        ),
        "expertise": ("palliative and end of life care", "advance care planning"),
    },
    "health_inequalities": {
        "name": "health inequalities",
        "surfaces": ("health inequalities", "inequalities in access", "the Core20PLUS5 population"),
        "settings": ("primary care networks", "deprived neighbourhoods", "community", "outpatient clinics"),
        "interventions": (
            "targeted outreach by community health workers",
            "interpreters booked automatically",
            "a waiting list prioritised by deprivation",
            "health checks in community venues",
            "text reminders in several languages",
        ),
        "measures": (
            ("missed appointments among people in the most deprived fifth", "percent", 12, 22, "down"),
            ("uptake of health checks in the most deprived neighbourhoods", "percent", 25, 45, "up"),
            ("gap in waiting time between most and least deprived patients", "days", 10, 35, "down"),
        ),
        "background": (
            "People from the most deprived neighbourhoods were twice as likely to miss appointments.",
            "Interpreters were booked late or not at all, so appointments were rearranged.",
            "Analysis of waiting lists showed a gap by deprivation and ethnicity that had widened since 2020.",
        ),
        "titles": (
            "Closing the gap in missed appointments",
            "Reaching {surface} in {setting}",
            "Introducing {intervention} in {setting}",
        ),
        "lessons": (
            "Data broken down by deprivation changed the conversation at board level.",
            "Community organisations reached people the NHS could not, and needed to be paid for it.",
            "Automatic interpreter booking saved time for clinics as well as patients.",
        ),
        "evidence_titles": (
            "Reducing missed appointments in deprived communities",
            "Community health workers and access to care",
            "Prioritising waiting lists by need",
        ),
        "findings": (
            "Text reminders reduce missed appointments, though the effect is smaller in more deprived groups.",
            "Community health workers improve uptake of preventive care among underserved groups.",
            "Prioritising waiting lists by clinical need and deprivation is feasible but needs careful governance.",
        ),
        "expertise": ("health inequalities and population health", "equitable access to care"),
    },
    # Evidence with no projects: deliberate gaps for the dashboards.
    "virtual_wards": {
        "name": "virtual wards",
        "surfaces": ("virtual wards", "hospital at home", "remote monitoring at home"),
        "settings": ("community", "acute trusts"),
        "interventions": ("a virtual ward with remote monitoring",),
        "measures": (),
        "background": (),
        "titles": (),
        "lessons": (),
        "evidence_titles": (
            "Virtual wards and hospital at home: outcomes and costs",
            "Remote monitoring in virtual wards",
        ),
        "findings": (
            "Hospital at home for older people gives similar outcomes to hospital admission, with higher "
            "patient satisfaction.",
            "Remote monitoring is acceptable to most patients, but the staffing needed to respond is often "
            "underestimated.",
        ),
        "expertise": ("virtual wards",),
        "no_projects": True,
    },
    "oral_care": {
        "name": "hospital-acquired pneumonia",
        "surfaces": ("hospital-acquired pneumonia", "oral care", "non-ventilator pneumonia"),
        "settings": ("medical wards", "stroke unit"),
        "interventions": ("structured mouth care",),
        "measures": (),
        "background": (),
        "titles": (),
        "lessons": (),
        "evidence_titles": (
            "Mouth care to prevent hospital-acquired pneumonia",
            "Non-ventilator hospital-acquired pneumonia: prevention",
        ),
        "findings": (
            "Structured oral care reduces non-ventilator hospital-acquired pneumonia in several before-and-after "
            "studies.",
            "Mouth care is often omitted when wards are busy, and staff rarely receive training in it.",
        ),
        "expertise": ("oral care and pneumonia prevention",),
        "no_projects": True,
    },
}

# Topics with projects but no evidence: AKI and staff wellbeing (their evidence_titles are empty).
# Organisation types that work in each setting; settings not listed are hospital settings (acute trusts).
COMMUNITY = ("community trust", "integrated care board", "charity", "health innovation network", "university")
SETTING_ORGS: dict[str, tuple[str, ...]] = {
    "ambulance service": ("ambulance trust",),
    "ambulance falls response service": ("ambulance trust",),
    "ambulance control room": ("ambulance trust",),
    "care homes": COMMUNITY + ("ambulance trust", "mental health trust"),
    "nursing homes": COMMUNITY,
    "community": COMMUNITY + ("mental health trust",),
    "community hospital wards": ("community trust",),
    "community respiratory service": COMMUNITY,
    "community heart failure service": COMMUNITY,
    "community frailty service": COMMUNITY,
    "community pharmacy service": COMMUNITY,
    "district nursing caseload": ("community trust",),
    "district nursing teams": ("community trust",),
    "hospice at home service": ("community trust", "charity"),
    "primary care networks": COMMUNITY,
    "deprived neighbourhoods": COMMUNITY + ("mental health trust",),
    "outpatient clinics": ("acute trust", "mental health trust", "university"),
    "memory services": ("mental health trust", "charity", "university"),
    "mental health inpatient wards": ("mental health trust",),
    "inpatient mental health wards": ("mental health trust",),
    "older people's wards": ("acute trust", "mental health trust", "university", "charity"),
}
HOSPITAL = ("acute trust", "health innovation network", "university", "national body")

PROJECT_TOPICS = tuple(k for k, t in TOPICS.items() if not t.get("no_projects"))
EVIDENCE_TOPICS = tuple(k for k, t in TOPICS.items() if t["evidence_titles"])

# Topics that often come together in one project (a second topic the text also touches).
RELATED: dict[str, tuple[str, ...]] = {
    "sepsis": ("deterioration", "aki"),
    "falls": ("frailty", "dementia", "medicines_safety"),
    "pressure_ulcers": ("frailty", "end_of_life"),
    "delirium": ("dementia", "falls", "frailty"),
    "discharge": ("frailty", "medicines_safety", "health_inequalities"),
    "medicines_safety": ("aki", "frailty", "falls"),
    "frailty": ("falls", "delirium", "discharge"),
    "copd": ("discharge", "end_of_life", "health_inequalities"),
    "heart_failure": ("discharge", "medicines_safety", "end_of_life"),
    "staff_wellbeing": ("health_inequalities",),
    "deterioration": ("sepsis", "aki", "end_of_life"),
    "aki": ("sepsis", "medicines_safety", "deterioration"),
    "dementia": ("delirium", "end_of_life", "falls"),
    "end_of_life": ("dementia", "frailty", "copd"),
    "health_inequalities": ("copd", "heart_failure", "staff_wellbeing"),
}
