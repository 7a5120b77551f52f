"""main-text: keep the article's main text region, remove the page chrome around it.

A whole-page text dump (one block per line) starts with navigation, menus and
headers and ends with share bars, related links, comments and footers. This
step finds the article as the run of lines with the largest total score (the
maximum-sum subarray of Body Text Extraction, applied to lines instead of
HTML tokens) and removes whole lines before and after that run.

Line score: every line costs a fixed amount and earns points per word (less
for Capitalised words, more when it ends like a sentence), so menus, link
lists and bylines score below zero and paragraphs above it. Short lines with
a time stamp (comment headers, teaser dates) cost extra, so does each gap
between two runs of prose (teaser lists and comment threads are many short
runs, an article a few long ones), and a line repeated on the page shares
its points among its copies. A run of chrome between two prose blocks is
only crossed when enough prose lies beyond it.

Removes:
- lines before the main text region (`main-text.before-article`);
- lines after it (`main-text.after-article`).

Keeps:
- everything inside the region, including short lines between paragraphs
  (subheadings, captions, share bars inside the article are other steps'
  business);
- a few lines around the region (title, byline, a short share bar): a side
  is only cut when it holds at least `min_chrome_lines` non-blank lines;
- text that is already just an article, which usually scores as one run.
  Running the step on its own output changes nothing: the best run of a
  text is also the best run of itself.

Relies on: one block of the page per line, lines separated by "\\n"
(normalize-newlines runs first). Does nothing on text trafilatura extracted
from HTML (metadata `extractor`): that text is already the main text. It uses no word lists (beyond a few English
time units in the time-stamp pattern), only the shape of the text: word
counts, capitalisation, sentence punctuation and time stamps. Scripts written
without spaces (Chinese, Japanese, Thai) are counted by characters.

Known limits: a list, table or run of short quoted lines at the very end
(or start) of an article looks like chrome and can be cut with it, even in
an article without chrome; a long comment thread or teaser list right after
a short article can be kept, or win over it.
"""
from __future__ import annotations

import re
from collections import Counter

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult

# Characters of scripts written without spaces; about two make one word.
UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")
TRUNCATION = ("...", "…")  # teasers cut short are not sentences
CLOSING_QUOTES = "'\"’”)]"
# A clock time, a year or "3 hours ago": the mark of comment headers, teaser
# dates and bylines when the line is short.
TIMESTAMP = re.compile(
    r"\b\d{1,2}:\d\d\b|\b(?:19|20)\d\d\b"
    r"|\b\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?|weeks?|[mhd])\s+ago\b", re.IGNORECASE)

Line = tuple[int, int, str]  # start offset, end offset (after its "\n"), stripped text


class StripOutsideMainText:
    """Remove the lines outside the highest-scoring run of prose lines."""

    name = "main-text"
    description = "remove page chrome outside the article's main text region"

    def __init__(self, *, line_cost: float = 6.0, capital_weight: float = 0.5,
                 sentence_bonus: float = 1.5, gap_cost: float = 20.0,
                 stamp_factor: float = 4.0, stamp_max_words: int = 10,
                 min_chrome_lines: int = 4):
        # Every line costs `line_cost` word-points: a menu item (1-3 words) is
        # clearly negative, a one-sentence paragraph (10+ words) positive.
        self.line_cost = line_cost
        # Capitalised and numeric words count less: menus and headline lists
        # are Title Case, prose is mostly lower case.
        self.capital_weight = capital_weight
        # A line that ends like a sentence is worth more.
        self.sentence_bonus = sentence_bonus
        # Crossing from one run of prose lines to the next costs this much on
        # top of the lines between: teaser lists and comment threads are many
        # short prose runs, an article is a few long ones.
        self.gap_cost = gap_cost
        # A short line with a time stamp costs `stamp_factor` lines.
        self.stamp_factor = stamp_factor
        self.stamp_max_words = stamp_max_words
        # A side is only removed when it holds this many non-blank lines: a
        # title and a byline above a clean article stay.
        self.min_chrome_lines = min_chrome_lines

    def run(self, text: str, context: Context) -> StepResult:
        # trafilatura has already chosen the main text of an HTML page; cutting it again
        # loses list-heavy articles. Its fallback (the whole visible page) still needs it.
        if context.metadata.get("extractor") == "trafilatura":
            return StepResult()
        lines = _nonblank_lines(text)
        region = self._region(lines)
        if region is None:
            return StepResult()
        first, last = region
        edits = []
        if first >= self.min_chrome_lines:
            edits.append(Edit(0, lines[first][0], "", "main-text.before-article",
                              "page navigation and headers before the article"))
        if len(lines) - 1 - last >= self.min_chrome_lines:
            edits.append(Edit(lines[last][1], len(text), "", "main-text.after-article",
                              "page footer, links and comments after the article"))
        return StepResult(edits=tuple(edits))

    def _region(self, lines: list[Line]) -> tuple[int, int] | None:
        # A line repeated on the page (a teaser of the lead, a cookie notice,
        # a doubled article) shares its value among its copies.
        copies = Counter(line for _, _, line in lines)
        scores = [self._line_score(line, copies[line]) for _, _, line in lines]
        return self._best_run(self._with_gaps(scores))

    def _with_gaps(self, scores: list[float]) -> list[float]:
        scores = list(scores)
        # Charge the gap cost to the last negative line before each prose run.
        previous = None
        for i, score in enumerate(scores):
            if score > 0 and previous is not None and scores[previous] < 0:
                scores[previous] -= self.gap_cost
            if score != 0:
                previous = i
        return scores

    def _line_score(self, line: str, copies: int = 1) -> float:
        words = capital = 0
        tokens = line.split()
        for token in tokens:
            first = token[0]
            if not first.isalnum():  # "(Reuters", "“Quote", or a lone "|"
                if len(token) == 1 or not token[1].isalnum():
                    continue
                first = token[1]
            words += 1
            capital += first.isupper() or first.isdigit()
        # Scripts without spaces give few, long tokens: count their characters.
        unspaced = 0
        if not line.isascii() and len(line) > 12 * len(tokens):
            unspaced = len(UNSPACED.findall(line))
        if not words:
            return 0.0  # punctuation or symbols only: neutral
        value = words - capital + self.capital_weight * capital + unspaced / 2
        ending = line.rstrip(CLOSING_QUOTES)
        if ending.endswith(SENTENCE_ENDS) and not ending.endswith(TRUNCATION):
            value *= self.sentence_bonus
        score = value / copies - self.line_cost
        if words <= self.stamp_max_words and not unspaced and TIMESTAMP.search(line):
            score = min(score, -self.stamp_factor * self.line_cost)
        return score

    @staticmethod
    def _best_run(scores: list[float]) -> tuple[int, int] | None:
        """Kadane's maximum-sum subarray; the earliest best run wins ties."""
        best, best_run, total, start = 0.0, None, 0.0, 0
        for i, score in enumerate(scores):
            if total <= 0:
                total, start = 0.0, i
            total += score
            if total > best:
                best, best_run = total, (start, i)
        return best_run


def _nonblank_lines(text: str) -> list[Line]:
    """Every line with some text, with its offsets; its end includes its "\\n"."""
    lines, start = [], 0
    for raw in text.split("\n"):
        end = min(start + len(raw) + 1, len(text))
        stripped = raw.strip()
        if stripped:
            lines.append((start, end, stripped))
        start = end
    return lines
