"""The over-removal guard: a document that would lose most of its prose is kept as it was.

Removal steps are heuristics; when they together take away more than
`MAX_PROSE_LOSS` of a document's prose words (words in lines that read like
running text), or leave no prose at all, the likelier story is a page the
detectors misread, not a page that is mostly debris. A removed comment thread
does not count as lost prose: it is found by its entries' own marks, and on
many pages it is longer than the article. Such a document keeps
its text (only the repair and layout steps run), is marked `needs-review`,
and its record lists the removals that were proposed.
"""
from __future__ import annotations

from cleaner.sentences import sentence_spans
from cleaner.steps.strip_debris import is_prose

# Above this share of prose words lost, a document goes to review instead.
MAX_PROSE_LOSS = 0.9
# Removal steps whose prose is not counted as lost (see above).
EXEMPT_STEPS = frozenset({"comments"})
# Documents with less prose than this are too small to judge.
MIN_PROSE_WORDS = 40
# A line this long holding this many sentences, opening like a sentence, is prose
# whatever its end: a whole article run into one line often ends in a contact or a
# copyright notice. (A reader's comment typed in lower case is not counted.)
LONG_LINE_WORDS = 60
LONG_LINE_SENTENCES = 3


def counts_as_prose(line: str) -> bool:
    """A paragraph of running text, or a long line of several sentences."""
    if is_prose(line):
        return True
    return (line[:1].isupper() and len(line.split()) >= LONG_LINE_WORDS
            and len(sentence_spans(line)) >= LONG_LINE_SENTENCES)


def prose_words(text: str) -> int:
    return sum(len(line.split()) for line in text.splitlines() if counts_as_prose(line.strip()))


def over_removal(before: str, after: str, exempt: int = 0) -> str | None:
    """Why the removals look wrong, or None when they look fine.

    `exempt`: prose words removed for a reason that is not a misreading of the
    page (a reader-comment thread, found by its entries' marks, is prose too,
    and often outweighs the article); they are not counted as lost.
    """
    had = prose_words(before) - exempt
    if had < MIN_PROSE_WORDS:
        return None
    kept = prose_words(after)
    if not after.strip():
        return "every paragraph would be removed"
    if kept < (1 - MAX_PROSE_LOSS) * had:
        return f"{had - kept} of {had} prose words would be removed (limit {MAX_PROSE_LOSS:.0%})"
    return None
