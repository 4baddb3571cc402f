"""A realistic health-care critical-occupations wall (60 cards, 12 families, piles, reasons, SOC codes).

Used to measure how much of a real wall a room can read (bench/legibility.py) and for pictures.
"""

from __future__ import annotations

from cardwall.interchange import FORMAT

EMPLOYERS = [
    ("Mesa County Regional Hospital", "Dana Whitfield"),
    ("Grand Valley Community Clinics", "Luis Ortega"),
    ("St. Anne's Senior Living", "Maggie Chen"),
    ("Western Slope Home Health", "Rob Tallis"),
    ("Canyon View Dental Group", "Priya Raman"),
    ("Colorado West Behavioral Health", "Jamal Brooks"),
    ("Valley Imaging Partners", "Kerry O'Neil"),
    ("Riverside Pharmacy", "Tom Alvarez"),
    ("Delta Rural Health Network", "Sue Park"),
    ("Mountain EMS Authority", "Will Harper"),
    ("Grand Junction VA Clinic", "Ana Ruiz"),
    ("Redlands Surgery Center", "Ben Foster"),
]

# (family, level, title, SOC code, reasons, cards in the pile); Skills/notes have no level and no code.
CARDS = [
    ("Nursing", "Advanced", "Nurse practitioner", "29-1171", ["hard-to-fill", "growth"], 1),
    ("Nursing", "Mid", "Registered nurse", "29-1141", ["volume", "hard-to-fill", "turnover"], 3),
    ("Nursing", "Entry", "Licensed practical nurse", "29-2061", ["volume", "turnover"], 2),
    ("Nursing", "Entry", "Certified nursing assistant", "31-1131", ["volume", "turnover"], 2),
    ("Therapy", "Advanced", "Physical therapist", "29-1123", ["growth"], 1),
    ("Therapy", "Advanced", "Occupational therapist", "29-1122", ["hard-to-fill"], 1),
    ("Therapy", "Advanced", "Speech-language pathologist", "29-1127", ["hard-to-fill"], 1),
    ("Therapy", "Mid", "Respiratory therapist", "29-1126", ["hard-to-fill", "cost"], 2),
    ("Therapy", "Mid", "Physical therapist assistant", "31-2021", ["growth"], 1),
    ("Imaging", "Advanced", "Nuclear medicine technologist", "29-2033", ["hard-to-fill"], 1),
    ("Imaging", "Mid", "Radiologic technologist", "29-2034", ["volume", "hard-to-fill"], 2),
    ("Imaging", "Mid", "MRI technologist", "29-2035", ["hard-to-fill"], 1),
    ("Imaging", "Mid", "Diagnostic medical sonographer", "29-2032", ["growth"], 1),
    ("Laboratory", "Advanced", "Medical laboratory scientist", "29-2011", ["hard-to-fill", "cost"], 1),
    ("Laboratory", "Mid", "Medical laboratory technician", "29-2012", ["hard-to-fill"], 1),
    ("Laboratory", "Entry", "Phlebotomist", "31-9097", ["volume", "turnover"], 2),
    ("Pharmacy", "Advanced", "Pharmacist", "29-1051", ["cost"], 1),
    ("Pharmacy", "Entry", "Pharmacy technician", "29-2052", ["volume", "turnover"], 2),
    ("Behavioral Health", "Advanced", "Clinical social worker", "21-1022", ["hard-to-fill", "growth"], 1),
    ("Behavioral Health", "Mid", "Mental health counselor", "21-1018", ["hard-to-fill", "growth"], 2),
    ("Behavioral Health", "Entry", "Psychiatric technician", "29-2053", ["turnover"], 1),
    ("Health Information", "Advanced", "Health information manager", "11-9111", ["growth"], 1),
    ("Health Information", "Mid", "Medical coder", "29-2072", ["volume", "hard-to-fill"], 2),
    ("Health Information", "Entry", "Patient access representative", "43-4171", ["turnover"], 1),
    ("Emergency Services", "Mid", "Paramedic", "29-2043", ["hard-to-fill", "turnover"], 2),
    ("Emergency Services", "Entry", "Emergency medical technician", "29-2042", ["volume", "turnover"], 2),
    ("Home & Long-Term Care", "Mid", "Home health nurse", "29-1141", ["growth"], 1),
    ("Home & Long-Term Care", "Entry", "Home health aide", "31-1121", ["volume", "turnover", "growth"], 2),
    ("Home & Long-Term Care", "Entry", "Personal care aide", "31-1122", ["volume", "turnover"], 1),
    ("Dental", "Advanced", "Dentist", "29-1021", ["hard-to-fill"], 1),
    ("Dental", "Mid", "Dental hygienist", "29-1292", ["hard-to-fill"], 2),
    ("Dental", "Entry", "Dental assistant", "31-9091", ["volume", "turnover"], 1),
    ("Surgical Services", "Advanced", "Physician assistant", "29-1071", ["growth", "cost"], 1),
    ("Surgical Services", "Mid", "Surgical technologist", "29-2055", ["hard-to-fill"], 2),
    ("Surgical Services", "Entry", "Sterile processing technician", "31-9093", ["turnover"], 1),
    ("Clinic Support", "Mid", "Biomedical equipment technician", "49-9062", ["hard-to-fill"], 1),
    ("Clinic Support", "Entry", "Medical assistant", "31-9092", ["volume", "turnover"], 2),
    ("Clinic Support", "Entry", "Environmental services aide", "37-2012", ["turnover"], 1),
    ("Nursing", None, "Medication administration", "", [], 1),
    ("Nursing", None, "Charting in the electronic health record", "", [], 1),
    ("Home & Long-Term Care", None, "Patience with families and dementia patients", "", [], 1),
    ("Clinic Support", None, "Bilingual English and Spanish", "", [], 1),
    ("Emergency Services", None, "Stays calm under pressure", "", [], 1),
]
NOTES = ["Travel nurses cost twice the staff rate"]


def healthcare_session() -> dict:
    """The session in the interchange format (60 cards: piles count each card)."""
    people = [
        {"id": f"p{i}", "name": name, "organization": org, "role": "employer"}
        for i, (org, name) in enumerate(EMPLOYERS)
    ]
    families: list[str] = []
    for family, *_ in CARDS:
        if family not in families:
            families.append(family)
    categories = [{"id": f"c{i}", "title": title} for i, title in enumerate(families)]
    category_of = {c["title"]: c["id"] for c in categories}
    cards: list[dict] = []
    for family, level, title, soc, reasons, copies in CARDS:
        root = f"k{len(cards)}"
        for copy in range(copies):
            card = {
                "id": f"k{len(cards)}",
                "kind": "occupation" if soc else "skill",
                "text": title,
                "category": category_of[family],
                "level": level,
                "author": f"p{len(cards) % len(people)}",
                "reasons": reasons,
            }
            if soc:
                card["soc_code"] = soc
            if copy:
                card["stack"] = root
            cards.append(card)
    for text in NOTES:
        cards.append({"id": f"k{len(cards)}", "kind": "note", "text": text, "category": "c0", "level": None})
    return {
        "format": FORMAT,
        "partnership": {"name": "Western Colorado Health Care Partnership", "industry": "Health care"},
        "session": {"kind": "critical-occupations", "title": "Critical health-care occupations", "date": "2026-11-12"},
        "participants": people,
        "levels": ["Entry", "Mid", "Advanced"],
        "categories": categories,
        "cards": cards,
    }
