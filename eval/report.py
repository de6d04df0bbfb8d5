"""A self-contained HTML page of a scored alignment: reference and version side by side.

One section per document pair: a header with fidelity, coverage, verdict and flag counts;
then one table row per bead, the flagged facts highlighted in both columns with their
flag as a tooltip, omitted and added sentences shaded, and a switch that shows only
flagged beads. No network: styles and the few lines of script are inline, so the page
opens from a file anywhere. Rows are plain table rows and the filter toggles one class
on the section, so a pair of thousands of beads stays responsive.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import groupby

from .summary import summarize_pair
from .tsv import Row

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:2em}
.sig{font:11px monospace;color:#666;word-break:break-all}
.stats span{display:inline-block;margin-right:1.2em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border-top:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th.n,td.n{width:4.5em;font:12px monospace;color:#555}
td.flags{width:18em;font-size:12px;color:#8a1c1c}
tr.omission td.src,tr.addition td.tgt{background:#fff1c6}
tr.omission td.tgt,tr.addition td.src{background:#f3f3f3}
mark{background:#ffd0d0;border-bottom:2px solid #c00;padding:0 1px}
mark.added{background:#d6ecff;border-color:#06c}
mark.changed{background:#ffe3b3;border-color:#c70}
section.only-flagged tr.bead:not(.flagged){display:none}
.verdict-no{color:#b00;font-weight:bold}
"""

_SCRIPT = """
document.querySelectorAll('input.only-flagged').forEach(function(box){
  box.addEventListener('change',function(){
    box.closest('section').classList.toggle('only-flagged',box.checked);});});
"""

_FACT_KINDS = {"dropped", "added", "changed", "omission", "addition", "untranslated"}


def _spans(text: str, needles: Sequence[tuple[str, str, str]]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, css class, tooltip) for each needle found in ``text``."""
    found: list[tuple[int, int, str, str]] = []
    for needle, css, title in needles:
        needle = needle.rstrip("…")
        if not needle:
            continue
        start = text.find(needle)
        while start >= 0 and any(
            not (start + len(needle) <= s or start >= e) for s, e, _, _ in found
        ):
            start = text.find(needle, start + 1)
        if start >= 0:
            found.append((start, start + len(needle), css, title))
    return sorted(found)


def highlight(text: str, needles: Sequence[tuple[str, str, str]]) -> str:
    """``text`` as HTML with each needle wrapped in ``<mark class=... title=...>``."""
    out: list[str] = []
    pos = 0
    for start, end, css, title in _spans(text, needles):
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<mark class="{css}" title="{html.escape(title, quote=True)}">{html.escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _needles(row: Row) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """What to mark in the source and target text of a row, from its flags."""
    src: list[tuple[str, str, str]] = []
    tgt: list[tuple[str, str, str]] = []
    for flag in row.flags:
        kind, _, rest = flag.partition(":")
        category, _, text = rest.partition(":")
        if kind not in _FACT_KINDS or category == "sentence":
            continue
        if kind == "changed" and " -> " in text:
            old, new = text.split(" -> ", 1)
            src.append((old, "changed", flag))
            tgt.append((new, "changed", flag))
        elif kind in {"dropped", "omission"}:
            src.append((text, "dropped", flag))
        elif kind in {"added", "addition"}:
            tgt.append((text, "added", flag))
        elif kind == "untranslated":
            for word in text.split():
                tgt.append((word, "added", flag))
    return src, tgt


def _pair_section(rows: Sequence[Row], index: int) -> str:
    summary = summarize_pair(rows)
    fid = "-" if summary.fidelity is None else f"{summary.fidelity:.3f}"
    counts = ", ".join(f"{k} {v}" for k, v in summary.flag_counts.items()) or "no flags"
    verdict_class = "verdict-no" if summary.verdict != "translation" else ""
    parts = [
        f'<section class="pair" id="pair-{index}" data-src="{html.escape(summary.src_doc)}" '
        f'data-tgt="{html.escape(summary.tgt_doc)}">',
        f"<h2>{html.escape(summary.tgt_doc)} ({html.escape(summary.tgt_lang)}) against "
        f"{html.escape(summary.src_doc)} ({html.escape(summary.src_lang)})</h2>",
        '<p class="stats">'
        f'<span>fidelity <b class="fidelity">{fid}</b></span>'
        f"<span>coverage <b>{summary.coverage:.2f}</b></span>"
        f'<span class="{verdict_class}">{html.escape(summary.verdict)}</span>'
        f"<span>{summary.beads} beads</span><span>{html.escape(counts)}</span>"
        f'<label><input type="checkbox" class="only-flagged"> only flagged beads</label></p>',
        '<table><thead><tr><th class="n">ref</th><th>reference</th><th class="n">ver</th><th>version</th>'
        '<th class="n">align</th><th class="n">fidelity</th><th class="flags">flags</th></tr></thead><tbody>',
    ]
    for row in rows:
        classes = ["bead"]
        if row.flags:
            classes.append("flagged")
        if not row.tgt_ids:
            classes.append("omission")
        elif not row.src_ids:
            classes.append("addition")
        src_needles, tgt_needles = _needles(row)
        fidelity = "" if row.fidelity is None else f"{row.fidelity:.3f}"
        parts.append(
            f'<tr class="{" ".join(classes)}">'
            f'<td class="n">{",".join(map(str, row.src_ids))}</td>'
            f'<td class="src">{highlight(row.src_text, src_needles)}</td>'
            f'<td class="n">{",".join(map(str, row.tgt_ids))}</td>'
            f'<td class="tgt">{highlight(row.tgt_text, tgt_needles)}</td>'
            f'<td class="n">{row.align_score:.3f}</td><td class="n">{fidelity}</td>'
            f'<td class="flags">{"<br>".join(html.escape(f) for f in row.flags)}</td></tr>'
        )
    parts.append("</tbody></table></section>")
    return "\n".join(parts)


def render_report(
    rows: Sequence[Row], title: str = "factalign report", signature: str | None = None
) -> str:
    """The whole page for every document pair in ``rows`` (rows of one pair contiguous)."""
    sections = [
        _pair_section(list(group), k)
        for k, (_, group) in enumerate(groupby(rows, key=lambda r: r.pair))
    ]
    sig = f'<p class="sig">signature: {html.escape(signature)}</p>' if signature else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{sig}\n"
        + "\n".join(sections)
        + f"\n<script>{_SCRIPT}</script></body></html>\n"
    )
