"""Normalize the dates that bylines and datelines carry to ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import re

MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_FORMS = (
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
)


def to_iso(text: str) -> str:
    """`December 23, 2024` -> `2024-12-23`; text that is not a full date comes back stripped."""
    for form in _FORMS:
        match = form.search(text)
        if not match:
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else MONTHS.get(month.lower())
        day, year = int(match.group("day")), int(match.group("year"))
        if number and 1 <= number <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{number:02d}-{day:02d}"
    return text.strip()
