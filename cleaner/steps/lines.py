"""Lines and their offsets: what the line-based detectors all start from."""
from __future__ import annotations

import re
from collections.abc import Iterator


def split_lines(text: str) -> tuple[list[str], list[int]]:
    """The text's lines (without their "\\n") and the offset where each starts."""
    lines = text.split("\n")
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return lines, starts


def lines_backwards(text: str, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line of text[:end] (without its "\\n"), the last first:
    steps that read only a page's last lines never split the rest."""
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if start < end:
            yield start, end
        end = start - 1


# What a headline can open with besides a capital or a digit: a quotation mark.
HEADLINE_OPENERS = "\"'‘“«"


# A list mark opening a line: "• Fares rise again", "- Fares rise again" (a dash needs its space).
LIST_BULLET = re.compile(r"^(?:[•·▪●◦‣■►▸*]\s*|[-–—]\s)")


def is_headline(line: str, min_words: int = 2, max_words: int = 16) -> bool:
    """A stripped line that reads like a headline: a few words, no closing punctuation
    (a sentence, clause or label ends in . ! ? : ; ,), opening with a capital, a digit
    or a quotation mark."""
    words = len(line.split())
    return (min_words <= words <= max_words and line[-1] not in ".!?:;,"
            and (line[0].isupper() or line[0].isdigit() or line[0] in HEADLINE_OPENERS))


# A news agency's or newsroom's credit line at an article's end belongs to the article:
# "(Reporting by Ann Lee; Editing by Tom Hay)", "Tom Hay contributed to this report.",
# "With files from Ann Lee", "— With files from the wire service", "(With inputs from
# agencies)", "(With AFP)", and the same in Spanish, Portuguese, Italian, German and French
# ("Con información de Ann Lee", "Mit Material von dpa", "Avec AFP").
CREDIT = re.compile(r"^[—–-]{0,2}\s?\(?(?:(?:additional|further) )?(?:reporting|writing|editing|research|graphics|"
                    r"translation) by\b|^[—–-]{0,2}\s?with files from\b"
                    r"|^[—–-]{0,2}\s?\(?with (?:inputs? from [^.,;!?\n]{1,50}|(?:agency|wire|[A-Z][\w-]*) inputs)\)?\.?$"
                    r"|^\(with (?:the )?(?-i:[A-Z][\w-]*)(?: and (?:the )?(?-i:[A-Z][\w-]*))?\)$"
                    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\b"
                    r"|^\(?(?:con (?:información|informaciones) de|com informações d[aeo]s?|con informazioni d[aei]"
                    r"|mit material (?:von|der|des)|avec (?:des informations de|l[’\x27]afp|afp|agences))\b",
                    re.IGNORECASE)
