"""Typo benchmark: fix recall on injected typos, false fixes on clean text, and the cost of both steps.

Takes the gold article bodies of the development benchmark
(`../shared/bench/{sh,l3s}/gold/`), runs detect-language on each, and on the
documents judged English:

1. runs fix-typos on the clean text: every change there is a false fix,
   reported per 10,000 words, unless it corrects one of the gold's own
   misspellings (`GOLD_TYPOS`, checked by hand and printed); every change to
   a word with a capital letter is counted apart;
2. injects one realistic single-edit typo (a neighbouring key struck
   instead, a letter dropped, a letter doubled or a neighbour key added, two
   letters swapped) into a known share of the lowercase common words (4+
   letters, Zipf 3.0+ in wordfreq), runs fix-typos again and counts typos
   restored exactly, typos changed into another word, typos that happen to
   be common words (no word-level spell checker can see them), and typos left.
   Substituted letters are always a neighbouring key: the step's keyboard
   model shares that assumption, so real text with other slips will fare worse.

    python benchmarks/typos.py                   # rate 1 in 200 eligible words, seed 1
    python benchmarks/typos.py --rate 0.01 --seed 7 --show 20
    python benchmarks/typos.py --pages           # also the steps' cost on chain-cleaned pages
"""
from __future__ import annotations

import argparse
import collections
import random
import re
import sys
import time
from pathlib import Path

from cleaner.edits import apply_edits, check_edits
from cleaner.steps.base import Context
from cleaner.steps.detect_language import DetectLanguage, langdetect
from cleaner.steps.fix_typos import FixTypos
from cleaner.vocabulary import english, zipf

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench"
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
EDITS = (("substitution", 0.3), ("deletion", 0.25), ("insertion", 0.25), ("transposition", 0.2))
# Real misspellings rarely get the first letter wrong: 7.8 % of them in Pollock and Zamora's
# collection (1983, "Collection and characterization of spelling errors in scientific and
# scholarly text"). Other positions are equally likely.
FIRST_LETTER = 0.078
# Misspellings in the gold bodies themselves, checked by hand: fixing them is right, not a false fix.
GOLD_TYPOS = {"alot": "a lot", "congential": "congenital", "disasterous": "disastrous", "dolloars": "dollars", "guerney": "gurney",
              "heaphones": "headphones", "imporve": "improve", "indivudual": "individual",
              "origial": "original", "penninsula": "peninsula", "posseses": "possesses", "ravazed": "ravaged",
              "recieved": "received", "sutomatic": "automatic", "technichicans": "technicians"}
ELIGIBLE = re.compile(r"(?<![^\s(\"“‘])[a-z]{4,}(?=[,.;:!?)\"”’]*(?:\s|$))")


def neighbours() -> dict[str, str]:
    """Letters next to each letter on a QWERTY keyboard (same row and the rows above and below)."""
    where = {c: (r, i) for r, row in enumerate(KEYBOARD) for i, c in enumerate(row)}
    near = {}
    for c, (r, i) in where.items():
        near[c] = "".join(o for o, (r2, i2) in where.items()
                          if o != c and abs(r2 - r) <= 1 and abs(i2 - i + (r2 - r) * 0.5) <= 1)
    return near


NEAR = neighbours()


def typo(word: str, rng: random.Random) -> tuple[str, str]:
    """One realistic single edit of `word`, and its kind."""
    kind = rng.choices([k for k, _ in EDITS], [w for _, w in EDITS])[0]
    i = 0 if rng.random() < FIRST_LETTER else rng.randrange(1, len(word))
    if kind == "substitution":
        return word[:i] + rng.choice(NEAR[word[i]]) + word[i + 1:], kind
    if kind == "deletion":
        return word[:i] + word[i + 1:], kind
    if kind == "insertion":
        extra = word[i] if rng.random() < 0.5 else rng.choice(NEAR[word[i]])
        return word[:i + 1] + extra + word[i + 1:], kind
    pairs = [j for j in range(len(word) - 1) if word[j] != word[j + 1]]
    j = min(pairs, key=lambda p: abs(p - i))
    return word[:j] + word[j + 1] + word[j] + word[j + 2:], kind


def inject(text: str, rate: float, rng: random.Random, vocabulary) -> tuple[str, list[dict]]:
    """The text with typos in `rate` of its eligible words, and where each one went."""
    parts, injected, cursor, shift = [], [], 0, 0
    for m in ELIGIBLE.finditer(text):
        word = m.group()
        if zipf(vocabulary.frequency(word)) < 3.0 or rng.random() >= rate:
            continue
        wrong, kind = typo(word, rng)
        parts.append(text[cursor:m.start()])
        parts.append(wrong)
        injected.append({"start": m.start() + shift, "word": word, "typo": wrong, "kind": kind,
                         "common": wrong in vocabulary and wrong not in vocabulary.rare})
        shift += len(wrong) - len(word)
        cursor = m.end()
    parts.append(text[cursor:])
    return "".join(parts), injected


def run(step, text: str, metadata) -> tuple:
    result = step.run(text, Context(metadata=metadata))
    edits = check_edits(result.edits, len(text), step.name)
    return edits, apply_edits(text, edits)


def timed(work, repeat: int = 3):
    """The result of `work()`, the seconds of its first run, and the best of `repeat` runs."""
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - started)
    return result, seconds[0], min(seconds)


def per_doc(first: float, best: float, docs: int) -> str:
    return (f"{best / docs * 1000:.3f} ms/doc, {docs / best:.0f} docs/s "
            f"(best of 3 passes; first pass {first / docs * 1000:.3f} ms/doc)")


def chain_inputs() -> list[str]:
    """The page texts of the benchmark after every chain step that comes before detect-language."""
    from cleaner.api import Cleaner
    from cleaner.chain import STEP_NAMES
    from cleaner.settings import Settings

    stop = "detect-language" if "detect-language" in STEP_NAMES else "normalize-layout"
    cleaner = Cleaner(Settings(steps=STEP_NAMES[:STEP_NAMES.index(stop)]))
    return [cleaner.clean_bytes(p.read_bytes(), p.name).text for p in sorted(BENCH.glob("*/text/*.txt"))]


def time_on_pages(detector: DetectLanguage, fixer: FixTypos) -> None:
    pages = chain_inputs()
    size = sum(len(p) for p in pages) / len(pages) / 1000
    metadata, first, best = timed(lambda: [detector.run(p, Context()).metadata for p in pages])
    print(f"pages ({len(pages)}, {size:.1f} KB each as the chain hands them over):")
    print(f"  detect-language {per_doc(first, best, len(pages))}")
    _, first, best = timed(lambda: [fixer.run(p, Context(metadata=m)) for p, m in zip(pages, metadata)])
    print(f"  fix-typos       {per_doc(first, best, len(pages))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=0.005, help="share of eligible words given a typo")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=10, help="examples of each kind of failure to print")
    parser.add_argument("--pages", action="store_true",
                        help="also time both steps on the page texts as the chain hands them over")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    paths = sorted(BENCH.glob("*/gold/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]

    started = time.perf_counter()
    vocabulary = english()
    fixer = FixTypos()
    langdetect("warm up langdetect's profiles")
    print(f"load: vocabulary, word lists and langdetect profiles {time.perf_counter() - started:.2f} s")

    detector = DetectLanguage()
    if args.pages:
        time_on_pages(detector, fixer)
    metadata, first, best = timed(lambda: [detector.run(t, Context()).metadata for t in texts])
    methods = collections.Counter(m["language_method"] for m in metadata)
    print(f"detect-language: {len(texts)} docs, {per_doc(first, best, len(texts))} "
          f"({', '.join(f'{k}: {v}' for k, v in methods.items())})")

    english_docs = [(t, m) for t, m in zip(texts, metadata) if m["language"] == "en"]
    words = sum(len(t.split()) for t, _ in english_docs)
    clean_runs, first, best = timed(lambda: [run(fixer, t, m) for t, m in english_docs])
    print(f"fix-typos: {len(english_docs)} English docs, {per_doc(first, best, len(english_docs))}")

    changes = [(t[e.start:e.end], e.replacement, e.rule) for (t, _), (edits, _) in
               zip(english_docs, clean_runs) for e in edits]
    genuine = [c for c in changes if GOLD_TYPOS.get(c[0]) == c[1]]
    false_fixes = [c for c in changes if c not in genuine]
    capitalized = sum(1 for old, _, _ in changes if old != old.lower())
    print(f"\nclean text: {words} words, {len(changes)} changes: {len(genuine)} fix misspellings of the "
          f"gold itself, {len(false_fixes)} false fixes = {len(false_fixes) / words * 1e4:.2f} per "
          f"10,000 words; {capitalized} changes to capitalized words")
    for old, new, rule in changes[:args.show]:
        print(f"  {'gold typo' if (old, new, rule) in genuine else 'FALSE'}: {rule}: {old} -> {new}")

    outcome = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    extra = capitalized_injected = 0
    for text, meta in english_docs:
        dirty, injected = inject(text, args.rate, rng, vocabulary)
        edits, _ = run(fixer, dirty, meta)
        at = {e.start: e for e in edits}
        for item in injected:
            edit = at.pop(item["start"], None)
            if edit is not None and edit.replacement == item["word"]:
                result = "fixed"
            elif edit is not None:
                result = "wrong fix"
                examples[result].append(f"{item['word']} -> {item['typo']} -> {edit.replacement}")
            elif item["common"]:
                result = "a common word"
                examples[result].append(f"{item['word']} -> {item['typo']}")
            else:
                result = "left"
                examples[result].append(f"{item['word']} -> {item['typo']}")
            outcome[result] += 1
            by_kind[item["kind"]][result] += 1
        extra += len(at)
        capitalized_injected += sum(1 for e in at.values() if dirty[e.start:e.end] != dirty[e.start:e.end].lower())
    total = sum(outcome.values())
    visible = total - outcome["a common word"]
    print(f"\ninjected: {total} typos (rate {args.rate}, seed {args.seed}) into {words} words")
    print(f"  recall {outcome['fixed'] / total:.3f} ({outcome['fixed']} fixed); recall on the {visible} "
          f"typos that are not common words {outcome['fixed'] / max(visible, 1):.3f}")
    print(f"  wrong fixes {outcome['wrong fix']}; typos that are common words (zipf 2+, invisible to a "
          f"word-level checker) {outcome['a common word']}; left unfixed {outcome['left']}")
    print(f"  changes elsewhere {extra} (the clean-text changes again), {capitalized_injected} capitalized")
    for kind, counts in sorted(by_kind.items()):
        n = sum(counts.values())
        print(f"  {kind:14} {n:5} typos, recall {counts['fixed'] / n:.3f}, "
              f"common words {counts['a common word']}")
    for result, items in sorted(examples.items()):
        print(f"  {result}: {'; '.join(items[:args.show])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
