"""Reject user rules whose regex backtracks catastrophically, before they meet a corpus.

Python's `re` cannot be interrupted once a match starts, so the probe runs
the patterns in a child process against long hostile strings, one rule at a
time, and kills it when one rule takes longer than `LIMIT` seconds. Shipped
rules are held to the same strings by the test suite instead.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Sequence

LIMIT = 2.0  # seconds for one rule over all hostile strings; linear patterns need milliseconds


def hostile_strings(pattern: str = "") -> list[str]:
    """Long inputs that make backtracking patterns explode (100 KB each)."""
    literal = "".join(ch for ch in pattern if ch.isalpha())[:40] or "x"
    runs = [ch * 3_000 + "\x00" for ch in sorted(set(ch for ch in pattern if ch.isalnum()))[:20]]
    return [
        "a" * 100_000, " " * 100_000, "a " * 50_000, "\n" * 100_000, "*" * 100_000,
        "Aa " * 33_000, "1:1 " * 25_000, "by " * 33_000, "| " * 50_000, ". " * 50_000,
        ("Word " * 30 + "\n") * 600, "…" * 100_000, ("a" * 99 + "\n") * 1000,
        (literal + " ") * (100_000 // (len(literal) + 1)),
        # a long run that fails only at its very end: where nested quantifiers explode
        "a" * 5_000 + "!", "1" * 5_000 + "!", " " * 5_000 + "!", "aA" * 2_500 + "\x00",
        literal * (5_000 // len(literal)) + "!", (literal + " ") * (5_000 // (len(literal) + 1)) + "!",
        *runs,  # each of the pattern's own characters, repeated, then a stop: (x+x+)+y, (b|b)*c
    ]


_CHILD = """
import json, re, sys
from cleaner.regex_probe import hostile_strings
for line in sys.stdin:
    rule_id, pattern, flags = json.loads(line)
    regex = re.compile(pattern, flags)
    for text in hostile_strings(pattern):
        for _ in regex.finditer(text):
            pass
    print(rule_id, flush=True)
"""


def slow_rules(rules: Sequence[tuple[str, str, int]], limit: float = LIMIT) -> list[str]:
    """Ids of the rules (id, pattern, flags) that take longer than `limit` on a hostile string."""
    slow: list[str] = []
    pending = list(rules)
    while pending:
        child = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        assert child.stdin and child.stdout
        done = 0
        for rule_id, pattern, flags in pending:
            child.stdin.write(json.dumps([rule_id, pattern, flags]) + "\n")
            child.stdin.flush()
            if not _answered(child, limit):
                child.kill()
                child.wait()
                slow.append(rule_id)
                break
            done += 1
        else:
            child.stdin.close()
            child.wait()
            return slow
        pending = pending[done + 1:]
    return slow


def _answered(child: subprocess.Popen, limit: float) -> bool:
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=limit):
            return False
    return bool(child.stdout.readline())
