"""The HTML report: one self-contained page that shows what the chain did to a corpus.

`render_report` takes documents (decoded source, cleaned text, record) and
returns a single offline HTML file: a corpus summary with a bar chart of
characters removed by step, then each document side by side, the original
with every removal highlighted in its step's colour (tooltip: step, rule,
reason; replacements as old -> new) next to the cleaned text. Checkboxes
filter the highlights and edit lists by step and by rule.

Every piece of document-derived text (texts, names, rule ids, reasons,
metadata) goes through `html.escape`; CSS classes and ids are built from
indices only. A Content-Security-Policy forbids every load and admits only
the one script and style shipped here, by hash, so markup smuggled into a
document cannot run even if escaping were ever missed. No timestamps, no
randomness: the same documents give the same bytes.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import Any, Iterable, Mapping, Sequence

from cleaner.api import removal_counts
from cleaner.chain import STEP_NAMES

# (highlight background, strong colour for borders and bars): fixed per step name, so
# a step keeps its colour from one report to the next; other steps take `PALETTE` in turn.
STEP_COLOURS = {
    "extract-html": ("#e3e3e3", "#6d6d6d"), "fix-encoding": ("#fff1a8", "#b58f00"),
    "normalize-newlines": ("#e3e7fb", "#4f5fbf"), "teasers": ("#ffd9b3", "#d45500"),
    "feed-blocks": ("#d5f2cc", "#2e7d32"), "repeated-blocks": ("#cfe8ff", "#1565c0"),
    "strip-debris": ("#ffd0d5", "#c62828"), "corpus-repeats": ("#ead8ff", "#7b1fa2"),
    "main-text": ("#f9d7ec", "#ad1457"), "trailing-headlines": ("#e6efc2", "#689f38"),
    "fix-typos": ("#ffe3c4", "#a15c00"), "normalize-layout": ("#d6f5f2", "#00796b"),
}
PALETTE = (("#dcd3f7", "#5e35b1"), ("#cdeff5", "#00838f"), ("#f3dccf", "#8d4a2b"), ("#e8e8c8", "#827717"))
# Replacements up to this length are shown inline as old -> new; longer
# rewrites (a whole extracted page) only get the tooltip.
INLINE_REPLACEMENT = 80
EXCERPT = 200
STATUSES = ("cleaned", "needs-review", "dropped")

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1500px;padding:1em 1.5em;color:#1d1d1d}
h1{margin:.2em 0 .6em}h2{margin:0;font-size:1.15em}h3{margin:.2em 0;font-size:.95em;color:#555}
.summary{display:grid;grid-template-columns:minmax(260px,1fr) minmax(260px,1fr) minmax(320px,1.3fr);gap:1.2em}
table{border-collapse:collapse}td,th{padding:.15em .6em;text-align:left;vertical-align:top}
th{border-bottom:1px solid #bbb}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
dl.totals div{display:flex;justify-content:space-between;border-bottom:1px dotted #ccc}
dl.totals dt{color:#555}dl.totals dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;background:var(--fg);vertical-align:-.1em;margin-right:.3em}
fieldset{border:1px solid #ccc;border-radius:6px;margin:1em 0}fieldset label{display:inline-block;margin:.1em .9em .1em 0;white-space:nowrap}
.doc{border:1px solid #ccc;border-radius:6px;margin:1.2em 0;padding:.8em 1em}
.meta{color:#555;font-size:.9em;margin:.2em 0 .5em}
.badge{font-size:.8em;padding:.05em .5em;border-radius:1em;background:#e6f4ea;color:#1e6b34;margin-left:.5em}
.badge.needs-review{background:#fff0c2;color:#7a5600}.badge.dropped{background:#fde0e0;color:#9b1c1c}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.5 ui-monospace,monospace;background:#fafafa;border:1px solid #e2e2e2;padding:.6em;margin:0;max-height:34em;overflow:auto}
mark.hl{background:var(--bg);border-bottom:2px solid var(--fg);color:inherit;cursor:help}
mark.hl del{text-decoration:line-through;text-decoration-color:var(--fg)}
mark.hl ins{text-decoration:none;background:#fff;border:1px solid var(--fg);border-radius:3px;padding:0 .2em;margin-left:.2em}
mark.hl ins::before{content:"\\2192\\00a0";color:var(--fg)}
mark.off-step,mark.off-rule{background:none;border-bottom-color:transparent;cursor:auto}
mark.off-step>ins,mark.off-rule>ins{display:none}mark.off-step>del,mark.off-rule>del{text-decoration:none}
tr.off-step,tr.off-rule{display:none}
.edits td{border-bottom:1px solid #eee;font-size:.9em}.edits code{white-space:pre-wrap;overflow-wrap:anywhere}
.note{color:#777;font-size:.85em}
"""

SCRIPT = """
document.querySelectorAll('input[data-filter]').forEach(function (box) {
  box.addEventListener('change', function () {
    var off = 'off-' + box.dataset.filter;
    document.querySelectorAll('.hl.' + box.value + ', tr.' + box.value).forEach(function (el) {
      el.classList.toggle(off, !box.checked);
    });
  });
});
"""


@dataclass(frozen=True)
class ReportDocument:
    """One document of the report: its name, decoded source, cleaned text and record."""

    name: str
    source_text: str
    text: str
    record: Mapping[str, Any]


@dataclass(frozen=True)
class Legend:
    """Class tokens and colours: steps in chain order (`s3`), rules sorted (`r7`).

    `steps` and `rules` cover every edit (they colour the summary); the
    `filter_*` ones only those with highlighted edits (they get checkboxes).
    """

    steps: tuple[str, ...]
    rules: tuple[str, ...]
    filter_steps: tuple[str, ...]
    filter_rules: tuple[str, ...]

    def step_class(self, step: str) -> str:
        return f"s{self.steps.index(step)}"

    def rule_class(self, rule: str) -> str:
        return f"r{self.rules.index(rule)}"

    def colours(self, step: str) -> tuple[str, str]:
        unnamed = [s for s in self.steps if s not in STEP_COLOURS]
        return STEP_COLOURS.get(step) or PALETTE[unnamed.index(step) % len(PALETTE)]


@dataclass(frozen=True)
class Entry:
    """One recorded edit as the report shows it.

    `exact` is false for an edit inside text an earlier step rewrote (a whole
    extracted page, a repaired word): its source span is only the edges of
    that rewrite, so it is listed but not highlighted.
    """

    step: str
    edit: Mapping[str, Any]
    exact: bool

    @property
    def layout(self) -> bool:
        """Whitespace-only: real but invisible, so neither highlighted nor listed."""
        return not self.edit["removed"].strip() and not self.edit["replacement"].strip()


def entries(record: Mapping[str, Any]) -> list[Entry]:
    """Every edit of a record, in chain order."""
    found, rewrites = [], []
    for step in record["steps"]:
        for edit in step["edits"]:
            start, end = edit["source_start"], edit["source_end"]
            exact = not any(s <= start and end <= e for s, e in rewrites)
            found.append(Entry(step["name"], edit, exact))
        rewrites += [(e["source_start"], e["source_end"]) for e in step["edits"] if e["replacement"]]
    return found


def _step_order(names: Iterable[str]) -> tuple[str, ...]:
    order = {name: i for i, name in enumerate(STEP_NAMES)}
    return tuple(sorted(set(names), key=lambda s: (order.get(s, len(order)), s)))


def make_legend(documents: Sequence[ReportDocument]) -> Legend:
    every = [entry for doc in documents for entry in entries(doc.record)]
    shown = [entry for entry in every if not entry.layout]
    return Legend(_step_order(e.step for e in every), tuple(sorted({e.edit["rule"] for e in every})),
                  _step_order(e.step for e in shown), tuple(sorted({e.edit["rule"] for e in shown})))


def summarize(documents: Sequence[ReportDocument]) -> dict[str, Any]:
    """The corpus totals the page shows (removals counted as `cleaner.api.removal_counts` does)."""
    by_step: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for doc in documents:
        steps, rules = removal_counts(doc.record)
        by_step.update(steps)
        by_rule.update(rules)
    return {
        "documents": len(documents),
        "bytes_in": sum(doc.record["source"]["size"] for doc in documents),
        "bytes_out": sum(doc.record["output"]["size"] for doc in documents),
        "removed": sum(by_step.values()),
        "by_step": {name: by_step[name] for name in _step_order(by_step)},
        "by_rule": dict(sorted(by_rule.items())),
        "needs_review": [i for i, doc in enumerate(documents) if doc.record.get("status") == "needs-review"],
        "dropped": sum(doc.record.get("status") == "dropped" for doc in documents),
    }


def render_summary(documents: Sequence[ReportDocument], totals: Mapping[str, Any], legend: Legend) -> str:
    items = (("documents", "Documents", totals["documents"]), ("bytes-in", "Bytes in", totals["bytes_in"]),
             ("bytes-out", "Bytes out", totals["bytes_out"]), ("removed", "Characters removed", totals["removed"]),
             ("needs-review", "Flagged for review", len(totals["needs_review"])),
             ("dropped", "Dropped", totals["dropped"]))
    dl = "".join(f'<div><dt>{label}</dt><dd id="total-{key}">{value:,}</dd></div>' for key, label, value in items)
    steps = "".join(f'<tr data-step="{escape(name)}"><td><span class="swatch {legend.step_class(name)}"></span>'
                    f'{escape(name)}</td><td class="num">{n:,}</td></tr>' for name, n in totals["by_step"].items())
    rules = "".join(f'<tr data-rule="{escape(name)}"><td>{escape(name)}</td><td class="num">{n:,}</td></tr>'
                    for name, n in totals["by_rule"].items())
    review = "".join(f'<li><a href="#doc-{i}">{escape(documents[i].name)}</a>: '
                     f'{escape(str(documents[i].record.get("review", {}).get("reason", "")))}</li>'
                     for i in totals["needs_review"])
    return (f'<section class="summary"><div><h3>Corpus</h3><dl class="totals">{dl}</dl>'
            f'<h3>Flagged for review</h3><ul id="review-list">{review or "<li>none</li>"}</ul></div>'
            f'<div><h3>Characters removed by step</h3>{render_chart(totals["by_step"], legend)}'
            f'<table id="by-step"><tr><th>step</th><th class="num">chars</th></tr>{steps}</table></div>'
            f'<div><h3>Characters removed by rule</h3><table id="by-rule">'
            f'<tr><th>rule</th><th class="num">chars</th></tr>{rules}</table></div></section>')


def render_chart(by_step: Mapping[str, int], legend: Legend) -> str:
    """Horizontal bars as inline SVG: no library, no script."""
    if not by_step:
        return '<p class="note">nothing removed</p>'
    label_w, bar_w, row_h = 130, 230, 22
    width, height, top = label_w + bar_w + 70, row_h * len(by_step), max(by_step.values())
    bars = []
    for i, (name, n) in enumerate(by_step.items()):
        y, length = i * row_h, max(1, round(bar_w * n / top))
        bars.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">{escape(name)}</text>'
                    f'<rect x="{label_w}" y="{y + 3}" width="{length}" height="{row_h - 6}" '
                    f'fill="{legend.colours(name)[1]}"><title>{escape(name)}: {n:,} characters</title></rect>'
                    f'<text x="{label_w + length + 4}" y="{y + 15}" font-size="12">{n:,}</text>')
    return (f'<svg id="chart" role="img" aria-label="characters removed by step" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}">{"".join(bars)}</svg>')


def render_filters(legend: Legend) -> str:
    steps = "".join(f'<label><input type="checkbox" checked data-filter="step" value="{legend.step_class(s)}">'
                    f'<span class="swatch {legend.step_class(s)}"></span>{escape(s)}</label>'
                    for s in legend.filter_steps)
    rules = "".join(f'<label><input type="checkbox" checked data-filter="rule" value="{legend.rule_class(r)}">'
                    f'{escape(r)}</label>' for r in legend.filter_rules)
    return (f'<fieldset id="step-filter"><legend>Highlight steps</legend>{steps or "none"}</fieldset>'
            f'<fieldset id="rule-filter"><legend>Highlight rules</legend>{rules or "none"}</fieldset>')


def _mark(entry: Entry, legend: Legend) -> tuple[str, str]:
    """Opening and closing HTML of one highlight; a short replacement shows as old -> new."""
    edit, new = entry.edit, entry.edit["replacement"]
    title = f"{entry.step} · {edit['rule']}\n{edit['reason']}"
    if new:
        title += f"\nreplaced by {new[:EXCERPT]!r}"
    inline = new and len(new) <= INLINE_REPLACEMENT and "\n" not in new
    classes = f"hl {legend.step_class(entry.step)} {legend.rule_class(edit['rule'])}" + (" repl" if new else "")
    opening = f'<mark class="{classes}" title="{escape(title)}">' + ("<del>" if inline else "")
    closing = (f"</del><ins>{escape(new)}</ins>" if inline else "") + "</mark>"
    return opening, closing


def highlight_source(source: str, record: Mapping[str, Any], legend: Legend) -> str:
    """The escaped source with a <mark> per edit, nested where a later edit encloses an earlier rewrite."""
    order = {name: i for i, name in enumerate(legend.steps)}
    marks = sorted((e for e in entries(record) if e.exact and not e.layout),
                   key=lambda e: (e.edit["source_start"], -e.edit["source_end"], order[e.step]))
    out, pos, open_marks = [], 0, []  # open_marks: (end, closing html), innermost last

    def close_until(offset: int) -> None:
        nonlocal pos
        while open_marks and open_marks[-1][0] <= offset:
            end, closing = open_marks.pop()
            out.extend((escape(source[pos:end]), closing))
            pos = end

    for entry in marks:
        start = max(pos, entry.edit["source_start"])
        close_until(start)
        # spans nest (an edit maps to the edges of any rewrite it touches); clip in case they do not
        end = max(start, min(entry.edit["source_end"], open_marks[-1][0] if open_marks else len(source)))
        opening, closing = _mark(entry, legend)
        out.extend((escape(source[pos:start]), opening))
        pos = start
        open_marks.append((end, closing))
    close_until(len(source))
    out.append(escape(source[pos:]))
    return "".join(out)


def _excerpt(text: str) -> str:
    text = text.strip()
    return escape(text[:EXCERPT] + ("…" if len(text) > EXCERPT else ""))


def render_edit_list(doc: ReportDocument, legend: Legend) -> str:
    rows = []
    for entry in entries(doc.record):
        if entry.layout:
            continue
        edit = entry.edit
        line = doc.source_text.count("\n", 0, edit["source_start"]) + 1
        change = f"<code>{_excerpt(edit['removed'])}</code>"
        if edit["replacement"]:
            change += f" → <code>{_excerpt(edit['replacement'])}</code>"
        if not entry.exact:
            change += ' <span class="note">(in text an earlier step rewrote: not highlighted)</span>'
        rows.append(f'<tr class="{legend.step_class(entry.step)} {legend.rule_class(edit["rule"])}">'
                    f'<td>{escape(entry.step)}</td><td>{escape(edit["rule"])}</td><td>{escape(edit["reason"])}</td>'
                    f'<td class="num">{line}</td><td>{change}</td></tr>')
    if not rows:
        return ""
    return (f'<details><summary>{len(rows)} edit{"s" * (len(rows) != 1)}</summary><table class="edits">'
            f'<tr><th>step</th><th>rule</th><th>reason</th><th class="num">line</th><th>change</th></tr>'
            f'{"".join(rows)}</table></details>')


def render_review(record: Mapping[str, Any]) -> str:
    """The removals the over-removal guard held back (they have no offsets: a list, not highlights)."""
    if record.get("status") != "needs-review":
        return ""
    review = record.get("review", {})
    rows = "".join(f'<tr><td>{escape(str(p.get("step", "")))}</td><td>{escape(str(p.get("rule", "")))}</td>'
                   f'<td>{escape(str(p.get("reason", "")))}</td>'
                   f'<td><code>{_excerpt(str(p.get("removed", "")))}</code></td></tr>'
                   for p in review.get("proposed", ()))
    return (f'<div class="review"><h3>Needs review: {escape(str(review.get("reason", "")))}; '
            f'these removals were held back</h3><table class="edits"><tr><th>step</th><th>rule</th>'
            f'<th>reason</th><th>would remove</th></tr>{rows}</table></div>')


def render_document(index: int, doc: ReportDocument, legend: Legend) -> str:
    record = doc.record
    status = str(record.get("status", ""))
    layout = sum(entry.layout for entry in entries(record))
    meta = [f"{record['source']['size']:,} → {record['output']['size']:,} bytes",
            f"{sum(removal_counts(record)[0].values()):,} characters removed",
            f"encoding {record['decode']['encoding']}"]
    meta += [f"{key}: {value}" for key, value in sorted(record.get("metadata", {}).items())]
    if layout:
        meta.append(f"{layout} whitespace edit{'s' * (layout != 1)} not highlighted")
    cleaned = doc.text if status != "dropped" else f"(dropped: {record.get('dropped')})"
    return (f'<section class="doc" id="doc-{index}"><h2>{escape(doc.name)}'
            f'<span class="badge {status if status in STATUSES else "other"}">{escape(status)}</span></h2>'
            f'<p class="meta">{escape(" · ".join(meta))}</p>{render_review(record)}'
            f'<div class="sides"><div><h3>Original</h3><pre class="source">'
            f'{highlight_source(doc.source_text, record, legend)}</pre></div>'
            f'<div><h3>Cleaned</h3><pre class="cleaned">{escape(cleaned)}</pre></div></div>'
            f'{render_edit_list(doc, legend)}</section>')


def _legend_css(legend: Legend) -> str:
    return "".join(f".{legend.step_class(s)}{{--bg:{legend.colours(s)[0]};--fg:{legend.colours(s)[1]}}}"
                   for s in legend.steps)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_report(documents: Iterable[ReportDocument], title: str = "cleaner report") -> str:
    """The whole report as one HTML page: deterministic, offline, only its own script and style run."""
    documents = list(documents)
    legend = make_legend(documents)
    css = CSS + _legend_css(legend) + "\n"
    # Hashes, not a nonce: deterministic, and they admit exactly this script and style.
    csp = (f"default-src 'none'; script-src {_csp_hash(SCRIPT)}; style-src {_csp_hash(css)}; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    body = "".join(render_document(i, doc, legend) for i, doc in enumerate(documents))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)}</title><style>{css}</style></head><body>'
            f'<h1>{escape(title)}</h1>{render_summary(documents, summarize(documents), legend)}'
            f'{render_filters(legend)}<main>{body}</main><script>{SCRIPT}</script></body></html>\n')
