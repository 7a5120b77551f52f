"""The terminal view of what the chain changed: removals struck through and labelled.

Removed text is struck through in red and followed by `[step rule]`; a
rewrite (encoding or typo fix) shows `old → new`. Whitespace-only layout
edits are left out unless asked for. Used by `cleaner diff`.
"""
from __future__ import annotations

import re

from rich.text import Text

from cleaner.record import ViewEdit


def is_layout_only(edit: ViewEdit) -> bool:
    return not edit.removed.strip() and not edit.replacement.strip()


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(text: str) -> str:
    """Control characters shown as escapes: a document must not drive the terminal."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def render(base: str, edits: list[ViewEdit], show_layout: bool = False) -> Text:
    """A rich Text of the base with every edit marked in place (control characters escaped)."""
    out = _VisibleText()
    cursor = 0
    for edit in edits:
        if edit.start < cursor or (is_layout_only(edit) and not show_layout):
            continue
        out.append(base[cursor:edit.start])
        old = base[edit.start:edit.end]
        if edit.replacement and old:
            out.append(old, style="strike yellow")
            out.append(" → ", style="dim")
            out.append(edit.replacement, style="bold green")
        elif edit.replacement:
            out.append(edit.replacement, style="green")
        else:
            out.append(old.rstrip("\n"), style="strike red")
        out.append(f" [{edit.step} {edit.rule}]", style="dim cyan")
        if not edit.replacement and old.endswith("\n"):
            out.append("\n" * (len(old) - len(old.rstrip("\n"))))
        cursor = edit.end
    out.append(base[cursor:])
    return out


class _VisibleText(Text):
    """A rich Text that escapes control characters in everything appended to it."""

    def append(self, text, style=None):  # type: ignore[override]
        return super().append(_visible(text) if isinstance(text, str) else text, style)
