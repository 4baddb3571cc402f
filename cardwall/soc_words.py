"""How a typed job title becomes words to match: shorthand expanded, filler and company noise dropped, plurals folded.

Employers write "CNC Operator II - Nights", "Sr. Maint Tech (PRN)", "CDL-A driver". Levels, shifts,
schedules and grades say nothing about the occupation; a qualifier after " - " or in brackets says
something, but less than the title before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Shorthand in the room -> the words SOC titles use; two-word phrases first, then word by word.
PHRASES = {
    "cdl a": "cdl",
    "cdl b": "cdl",
    "class a": "cdl",
    "tool and die": "tool die",
    "tool & die": "tool die",
    "pick and pack": "packer",
    "fork lift": "forklift",
    "lift truck": "forklift",
    "quality assurance": "quality",
    "quality control": "quality",
    "customer service": "customer service",
    "part time": "",
    "full time": "",
    "per diem": "",
}


_PHRASES_SPACED = [(f" {phrase} ", f" {replacement} ") for phrase, replacement in PHRASES.items()]


def _listed(text: str) -> list[str]:
    return text.split()


WORDS = dict(
    pair.split(":")
    for pair in _listed("""
    op:operator opr:operator ops:operator oper:operator operater:operator tech:technician techs:technician
    maint:maintenance mech:mechanic mgr:manager mngr:manager sup:supervisor supv:supervisor supvr:supervisor
    spvr:supervisor
    engr:engineer eng:engineer admin:administrative asst:assistant assoc:associate acct:accountant
    rep:representative reps:representative elec:electrician insp:inspector qc:quality qa:quality
    hr:human_resources it:computer dev:developer devs:developer prog:programmer prep:preparation
    coord:coordinator spec:specialist svc:service cust:customer equip:equipment mach:machine qual:quality
    exec:executive mgmt:management dir:director rcv:receiving recv:receiving matl:material pkg:packaging
    sys:system sw:software assy:assembly fab:fabrication supt:superintendent mfg:manufacturing
    whse:warehouse prod:production pharm:pharmacy psych:psychiatric resp:respiratory med:medical
    surg:surgical lab:laboratory acctg:accounting mktg:marketing drvr:driver inv:inventory ctrl:control
    hvy:heavy clk:clerk ofc:office tchr:teacher instr:instructor emt:emergency_medical_technician
    ed:education sped:special_education para:paraprofessional paras:paraprofessional infosec:information_security
    cyber:information_security sec:security accts:accounts bldg:building hosp:hospital ctr:center
    dist:distribution qlty:quality phys:physical peds:pediatric nurs:nursing env:environmental
    evs:environmental_services fin:financial govt:government rcvg:receiving trans:transportation
    transp:transportation dept:department
    """)
)
WORDS = {k: v.replace("_", " ") for k, v in WORDS.items()}

# Words that say nothing about the occupation: filler, levels and grades, shifts and schedules.
FILLER = set(
    _listed("""
    guy guys gal person people worker workers staff folks team member the a an of and or for in on to with
    all other except level lvl grade entry experienced skilled good i ii iii iv v 1 2 3 4 5 sr senior jr
    junior apprentice trainee journeyman journeymen shift shifts night nights day days weekend weekends
    1st 2nd 3rd 4th b c d prn diem ft temp temporary seasonal remote hybrid overnight overnights am pm
    evening evenings basic certified licensed new grad hourly union float floater onsite crew s
    """)
)
_SPLIT = re.compile(r"[^a-z0-9&]+")
# A qualifier: what follows " - " (spaced) or stands in brackets: "Equipment Operator - Excavator".
_QUALIFIER = re.compile(r"\s[-–—]\s|\(([^)]*)\)?")
QUALIFIER_WEIGHT = 0.5
ALTERNATIVE_WEIGHT = 0.9
# Two people's words joined by a hyphen are two names of one job: "Welder-Fitter" is "Welder/Fitter".
_PAIRED = re.compile(r"\b([a-z]+(?:er|or|ist|ian))-([a-z]+(?:er|or|ist|ian))\b", re.I)


# Words for the person that name the same kind of work, so "harness builder" meets "wire harness assembler"
# and "elevator mechanic" meets "elevator installers and repairers": a partial match, never a whole one.
KINDRED = [
    set(_listed(group))
    for group in (
        "assembler builder maker fabricator",
        "mechanic repairer repair technician installer servicer",
        "driver operator",
        "associate clerk worker attendant",
        "aide assistant helper attendant",
        "handler mover laborer loader",
        "agent representative clerk",
        "instructor teacher trainer tutor",
        "cleaner janitor custodian housekeeper",
        "inspector tester examiner checker auditor",
        "designer drafter",
        "hanger installer setter layer mason",
        "server waiter waitress",
        "cook chef",
        "programmer developer",
        "officer guard",
        "specialist analyst",
    )
]
KIN = {w: i for i, group in enumerate(KINDRED) for w in group}
# Words for a role any trade has: in "shipping associate" or "payroll administrator" the word before names the work.
# (A helper, aide or assistant is an occupation of its own: "welder helper" is not a welder.)
ROLES = set(
    _listed("""
    associate worker specialist administrator representative technician operator clerk coordinator
    agent officer analyst attendant professional tender
    """)
)


# Plurals that name another thing than their singular: a "securities analyst" is no "security analyst".
KEEP_PLURAL = {"securities"}


# The person a title names ("roofing estimator" is an estimator, "welding instructor" an instructor): its last word
# with a person's ending or one of these nouns, so a typed trade word ("roofing") does not make its estimator.
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "yst", "eon", "man")
PERSONS = set(
    _listed("""
    nurse aide clerk chef cook guard judge coach host hostess maid nanny midwife medic paramedic barista pilot
    associate architect registrar bursar scholar crew hand mate rn lpn lvn cna emt np pa md dentist surgeon lead chief
    """)
)
NOT_PERSONS = set(
    _listed("""
    computer water center order floor door motor tractor labor interior power paper container trailer boiler meter
    number cancer laser polymer timber lumber rubber fiber transfer filter tower other after over under sector
    color elevator conveyor reactor counter minor major senior junior super cellar human woman german
    """)
)


def names_person(word: str) -> bool:
    return word in PERSONS or (
        word.endswith(_PERSON_ENDINGS) and word not in NOT_PERSONS and not word.endswith("ment") and len(word) > 3
    )


def head_of(words: list[str] | tuple[str, ...]) -> str:
    """The last word that names a person ("" when none does): the occupation a name or title is about."""
    return next((word for word in reversed(words) if names_person(word)), "")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """Plurals folded: 'nurses' -> 'nurse', 'bodies' -> 'body'."""
    if word in KEEP_PLURAL:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_SUFFIXES = (
    "ologist", "ician", "ation", "ical", "ial", "ing", "ist", "ian", "ics", "ery", "er", "or", "al", "ic", "ed", "e",
)  # fmt: skip


_BY_LAST: dict[str, tuple[str, ...]] = {}  # the endings by their last letter, in _SUFFIXES' order
for _suffix in _SUFFIXES:
    _BY_LAST[_suffix[-1]] = (*_BY_LAST.get(_suffix[-1], ()), _suffix)


@lru_cache(maxsize=16384)  # a few thousand distinct words, met again in every title and name that uses them
def root(word: str) -> str:
    """The word without its ending, so 'welder', 'welding' and 'weld' meet, as do 'technician' and 'technologist'."""
    if word.endswith(("apy", "acy", "omy")) and len(word) >= 7:  # therapy, pharmacy, phlebotomy: the -ist's work
        word = word[:-1]
    for suffix in _BY_LAST.get(word[-1:], ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return root(word[: -len(suffix)])  # "janitorial" -> "janitor" -> "janit", as "janitor" is
    return word


def words_of(text: str) -> list[str]:
    """Lower case, punctuation out, shorthand expanded, plurals folded, filler dropped."""
    text = " " + " ".join(_SPLIT.split(text.casefold().replace("-", " "))).strip() + " "
    for phrase, replacement in _PHRASES_SPACED:
        if phrase in text:
            text = text.replace(phrase, replacement)
    out: list[str] = []
    typed = text.split()
    last = len(typed) - 1
    for position, word in enumerate(typed):
        # "admin" ends "database admin" (the administrator) and begins "admin assistant" (administrative)
        out.extend(("administrator",) if word == "admin" and position == last and position else _expanded(word))
    return out


@lru_cache(maxsize=32768)  # the same few thousand words, in ten thousand names and every keystroke
def _expanded(word: str) -> tuple[str, ...]:
    """A typed word as title words: () for filler, shorthand spelled out, plurals folded."""
    if word in FILLER:
        return ()
    return tuple(stem(w) for w in WORDS.get(word, word).split())


def title_words(title: str) -> list[str]:
    """A SOC title's words, without those after "Except" (the title names them to leave them out)."""
    return words_of(re.split(r"\bexcept\b", title, maxsplit=1, flags=re.I)[0])


def normalise(text: str) -> str:
    return " ".join(words_of(text))


def segments(text: str) -> list[tuple[list[str], float]]:
    """The title's parts, each with how much its words count: 1 for the title and each of its "/" alternatives
    ("Welder/Fabricator"), QUALIFIER_WEIGHT for what follows " - " or stands in brackets."""
    parts = [p for p in _QUALIFIER.split(_PAIRED.sub(r"\1/\2", text)) if p and p.strip()]
    out: list[tuple[list[str], float]] = []
    for i, part in enumerate(parts):
        if i == 0:  # the first alternative is the job; the others count a little less
            out += [(words_of(alt), 1.0 if j == 0 else ALTERNATIVE_WEIGHT) for j, alt in enumerate(part.split("/"))]
        else:
            out.append((words_of(part), QUALIFIER_WEIGHT))
    out = [(words, factor) for words, factor in out if words]
    if out and all(f < 1 for _w, f in out):  # nothing before the qualifier: it is the title
        out = [(words, 1.0) for words, _f in out]
    return out
