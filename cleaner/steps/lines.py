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


Line = tuple[int, int, str]  # start offset, end offset (after its "\n"), stripped text


def nonblank_lines(text: str) -> list[Line]:
    """Every line with some text, with its offsets; its end includes its "\\n"."""
    lines, start = [], 0
    for raw in text.split("\n"):
        end = min(start + len(raw) + 1, len(text))
        stripped = raw.strip()
        if stripped:
            lines.append((start, end, stripped))
        start = end
    return lines


# A hard-wrapped paragraph's full lines are this long; it has this many lines at least.
WRAP_MIN_CHARS, WRAP_MAX_CHARS = 40, 100
WRAP_MIN_LINES = 3
# A line this much longer than the run's median is no wrapped line; a wrapped line may
# be this much shorter than the width and still be full (hand-wrapped text is uneven).
WRAP_OUTLIER, WRAP_SLACK = 12, 4
SENTENCE_STOPS = (".", "!", "?", ".\"", ".”", "!”", "?”", ".'", ".’")


def wrapped_paragraphs(lines: list[Line]) -> list[tuple[int, int]]:
    """The first and last index of each hard-wrapped paragraph: prose broken into lines
    of about one width, with no blank line between them (a copy of a mail or of a page
    laid out at 70 characters).

    A run of adjacent lines has a width: its longest line, leaving out lines far longer
    than most (an unwrapped paragraph next to wrapped ones). Each line of a paragraph
    but the last is full: the next line's first word would not have fitted on it, give
    or take `WRAP_SLACK` characters; a sentence's end with a capital on the next line
    ends the paragraph (two paragraphs are never joined; one may be split). At least
    `WRAP_MIN_LINES` lines, and most lines after the first open with a small letter or
    follow a hyphen (a sentence going on): a list of headlines or a menu does neither.
    Nor is a run under a line that ends with a colon, with no blank line between and
    no sentence's end between, a paragraph: it is (the rest of) the list that line
    introduces ("Symptoms can include:" over items of a line's length each, in small
    letters), which a wrapped paragraph never follows without a break.
    """
    found, start = [], 0
    while start < len(lines) - 1:
        end = start  # the run of adjacent lines, all but its last of a full line's length
        while end + 1 < len(lines) and lines[end + 1][0] == lines[end][1] \
                and WRAP_MIN_CHARS <= len(lines[end][2]) <= WRAP_MAX_CHARS:
            end += 1
        sizes = sorted(len(line) for _, _, line in lines[start:end + 1])
        width = max(size for size in sizes if size <= sizes[len(sizes) // 2] + WRAP_OUTLIER)
        first = start
        for i in range(start, end + 1):
            line = lines[i][2]
            following = lines[i + 1][2] if i < end else ""
            if following and len(line) <= width >= len(following) \
                    and len(line) + 1 + len(following.split()[0]) > width - WRAP_SLACK \
                    and not (line.endswith(SENTENCE_STOPS) and following[0].isupper()):
                continue  # full, and not where a paragraph may end: the paragraph goes on
            after = [lines[k][2][0].islower() or lines[k - 1][2].endswith("-")
                     for k in range(first + 1, i + 1)]
            if i + 1 - first >= WRAP_MIN_LINES and 2 * sum(after) >= len(after) \
                    and not _introduced(lines, first):
                found.append((first, i))
            first = i + 1
        start = end + 1
    return found


# How far up a list's items are followed to the line that introduces them.
LIST_MAX_ITEMS = 12


def _introduced(lines: list[Line], first: int) -> bool:
    """Whether a line above `first`, with no blank line and no sentence's end between,
    ends with a colon (within `LIST_MAX_ITEMS` lines)."""
    k = first
    while k > 0 and first - k < LIST_MAX_ITEMS and lines[k - 1][1] == lines[k][0]:
        above = lines[k - 1][2]
        if above.endswith(":"):
            return True
        if above.endswith(SENTENCE_STOPS):
            return False
        k -= 1
    return False


def lines_backwards(text: str, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line of text[:end] (without its "\\n"), the last first:
    steps that read only a page's last lines never split the rest."""
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if start < end:
            yield start, end
        end = start - 1


# The name under a quotation, on its own line: "– Ann K.", "— Ines Varga, harbour master".
QUOTE_SIGNATURE = re.compile(r"^[—–-]{1,2}\s?\w\S*(?:\s\S+){0,4}$")
# What a headline can open with besides a capital or a digit: a quotation mark.
HEADLINE_OPENERS = "\"'‘“«"
# Characters of scripts written without spaces (Thai, Japanese kana, CJK ideographs).
UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
THAI = re.compile(r"[\u0e00-\u0e7f]")
# About this many characters make a word: Thai spells its vowels and tones as characters
# of their own; a Chinese or Japanese word is one to three characters.
THAI_WORD_CHARS, CJK_WORD_CHARS = 5, 2


def word_count(line: str) -> int:
    """A line's words, counting the characters of scripts written without spaces."""
    tokens = line.split()
    if line.isascii():
        return len(tokens)
    unspaced = len(UNSPACED.findall(line))
    if not unspaced:
        return len(tokens)
    thai = len(THAI.findall(line))
    return len(tokens) + thai // THAI_WORD_CHARS + (unspaced - thai) // CJK_WORD_CHARS


# A list mark opening a line: "• Fares rise again", "- Fares rise again" (a dash needs its space).
LIST_BULLET = re.compile(r"^(?:[•·▪●◦‣■►▸*]\s*|[-–—]\s)")


def is_headline(line: str, min_words: int = 2, max_words: int = 16) -> bool:
    """A stripped line that reads like a headline: a few words, no closing punctuation
    (a sentence, clause or label ends in . ! ? : ; ,), opening with a capital, a digit
    or a quotation mark; in a script with no capitals (Arabic, Hindi, Chinese), with a letter."""
    if not min_words <= word_count(line) <= max_words or line[-1] in ".!?:;,。！？：；，":
        return False
    return line[0].isdigit() or line[0] in HEADLINE_OPENERS or opens_sentence(line)


# A line of this many characters of a script written without spaces is a paragraph: a
# headline in Thai or Chinese runs to 60 at most.
UNSPACED_PARAGRAPH_CHARS = 100


def unspaced_paragraph(line: str) -> bool:
    """A paragraph in a script written without spaces, which may mark no sentence's end
    (Thai writes none): longer than any headline."""
    return not line.isascii() and len(UNSPACED.findall(line)) >= UNSPACED_PARAGRAPH_CHARS


def opens_sentence(line: str) -> bool:
    """The line opens with a capital, or with a letter of a script that has none (Arabic,
    Hindi, Chinese): where a sentence or a headline may start."""
    return line[:1].isalpha() and not line[0].islower()


# A news agency's or newsroom's credit line at an article's end belongs to the article:
# "(Reporting by Ann Lee; Editing by Tom Hay)", "Tom Hay contributed to this report.",
# "With files from Ann Lee", "— With files from the wire service", "(With inputs from
# agencies)", "(With AFP)", and the same in Spanish, Portuguese, Italian, German and French
# ("Con información de Ann Lee", "Mit Material von dpa", "Avec AFP"); a wire's bracketed
# credit in other languages ("(Reporte de Ann Lee; Editado por Tom Hay)", "(Raportoi: ...)").
CREDIT = re.compile(r"^[—–-]{0,2}\s?\(?(?:(?:additional|further) )?(?:reporting|writing|editing|research|graphics|"
                    r"translation) by\b|^[—–-]{0,2}\s?with files from\b"
                    r"|^[—–-]{0,2}\s?\(?with (?:inputs? from [^.,;!?\n]{1,50}|(?:agency|wire|[A-Z][\w-]*) inputs)\)?\.?$"
                    r"|^\(with (?:the )?(?-i:[A-Z][\w-]*)(?: and (?:the )?(?-i:[A-Z][\w-]*))?\)$"
                    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\b"
                    r"|^\(?(?:con (?:información|informaciones) de|com informações d[aeo]s?|con informazioni d[aei]"
                    r"|mit material (?:von|der|des)|avec (?:des informations de|l[’\x27]afp|afp|agences))\b"
                    r"|^\((?:reporte de|reportaje de|reportagem(?: adicional)? de|bericht von|reportage|tradotto da"
                    r"|raportoi:?)\s[^()\n]{1,200}\)$",
                    re.IGNORECASE)


# Markdown, as web-to-markdown converters write a page: an image, a link, emphasis marks,
# a blockquote's or heading's or list item's mark at the line's start.
MARKDOWN_HINT = re.compile(r"[*_]|\]\(|^\s*[>#]")
MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
MD_LEAD = re.compile(r"^\s*(?:>\s?|#{1,6}\s+|(?:[-*+]|\d{1,3}[.)])\s+)")


def markdown_view(line: str) -> str:
    """The words a reader sees of a line written in Markdown: images gone, links as their
    text, no emphasis marks, no blockquote, heading or list mark at its start ("**Also
    read:** [Headline](https://...)" reads "Also read: Headline")."""
    view = MD_LINK.sub(r"\1", MD_IMAGE.sub("", line))
    view = MD_EMPHASIS.sub("", view)
    while (lead := MD_LEAD.match(view)) is not None:
        view = view[lead.end():]
    return " ".join(view.split())
