"""Per document pair figures computed from scored rows: what ``factalign summary`` prints."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import groupby
from typing import Any

from align.aligner import NOT_TRANSLATION_BELOW, confident_share

from .tsv import Row


def verdict(rows: Sequence[Row]) -> str:
    """``translation``, or ``not a translation`` when fewer than ``NOT_TRANSLATION_BELOW``
    of the reference's sentences sit in confident beads (``align_score >=
    CONFIDENT_BEAD``): the version is another text, whatever pairs the aligner made."""
    return (
        "translation" if confident_coverage(rows) >= NOT_TRANSLATION_BELOW else "not a translation"
    )


def confident_coverage(rows: Sequence[Row]) -> float:
    """Share of the reference's sentences in non-null beads with ``align_score >=
    CONFIDENT_BEAD`` (rows of one pair)."""
    return confident_share((r.src_ids, r.tgt_ids, r.align_score) for r in rows)


@dataclass(frozen=True)
class PairSummary:
    """Figures of one (reference, version) pair.

    ``coverage``: share of reference sentences in non-null beads. ``confident_coverage``:
    the same, counting only beads with ``align_score >= CONFIDENT_BEAD`` (0.7).
    ``fidelity``: mean bead fidelity weighted by the characters of both sides, null beads
    counting 0. ``verdict``: ``translation``, or ``not a translation`` when confident
    coverage is below ``NOT_TRANSLATION_BELOW`` (0.4).
    """

    src_doc: str
    tgt_doc: str
    src_lang: str
    tgt_lang: str
    beads: int
    src_sentences: int
    tgt_sentences: int
    coverage: float
    confident_coverage: float
    fidelity: float | None
    verdict: str
    flag_counts: dict[str, int] = field(default_factory=dict)
    flags: list[dict[str, str | int]] = field(default_factory=list)


def summarize_pair(rows: Sequence[Row]) -> PairSummary:
    """Summary of the rows of one pair."""
    first = rows[0]
    n_src = sum(len(r.src_ids) for r in rows)
    n_tgt = sum(len(r.tgt_ids) for r in rows)
    matched = [r for r in rows if r.src_ids and r.tgt_ids]
    covered = sum(len(r.src_ids) for r in matched)
    scored = [r for r in rows if r.fidelity is not None]
    fidelity = None
    if scored:
        weights = [len(r.src_text) + len(r.tgt_text) for r in scored]
        total = sum(weights)
        fidelity = (
            sum(w * (r.fidelity or 0.0) for w, r in zip(weights, scored, strict=True)) / total
            if total
            else 0.0
        )
    counts: Counter[str] = Counter()
    listed: list[dict[str, str | int]] = []
    for index, row in enumerate(rows):
        for flag in row.flags:
            kind, _, rest = flag.partition(":")
            category, _, text = rest.partition(":")
            counts[kind] += 1
            listed.append(
                {
                    "bead": index,
                    "src_ids": ",".join(map(str, row.src_ids)),
                    "tgt_ids": ",".join(map(str, row.tgt_ids)),
                    "kind": kind,
                    "category": category or kind,
                    "text": text,
                }
            )
    return PairSummary(
        src_doc=first.src_doc,
        tgt_doc=first.tgt_doc,
        src_lang=first.src_lang,
        tgt_lang=first.tgt_lang,
        beads=len(rows),
        src_sentences=n_src,
        tgt_sentences=n_tgt,
        coverage=round(covered / n_src, 4) if n_src else 0.0,
        confident_coverage=round(confident_coverage(rows), 4),
        fidelity=None if fidelity is None else round(fidelity, 4),
        verdict=verdict(rows),
        flag_counts=dict(sorted(counts.items())),
        flags=listed,
    )


def summarize(rows: Sequence[Row]) -> list[PairSummary]:
    """One summary per document pair, in the order the pairs appear."""
    return [summarize_pair(list(group)) for _, group in groupby(rows, key=lambda r: r.pair)]


def format_json(
    summaries: Sequence[PairSummary],
    signature: str | None = None,
    settings: dict[str, Any] | None = None,
) -> str:
    """Stable JSON: ``{"signature": ..., "settings": ..., "pairs": [...]}``, each pair's
    keys in the order of :class:`PairSummary`; ``signature`` is the run's (null when the TSV
    carries none), ``settings`` every setting its ``cfg:`` hash stands for (null when
    unknown)."""
    payload = {
        "signature": signature,
        "settings": settings,
        "pairs": [asdict(s) for s in summaries],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def format_text(summaries: Sequence[PairSummary], signature: str | None = None) -> str:
    """Human summary: a table of pairs, then each pair's flags, then the run's signature.

    A version that is not a translation of its reference gets one line instead of its
    flags: every sentence of it would be listed as an addition or omission, which says
    nothing the verdict does not."""
    head = f"{'reference':<24} {'version':<24} {'langs':<7} {'cover':>6} {'fidelity':>8}  verdict            flags"
    lines = [head, "-" * len(head)]
    for s in summaries:
        counts = ", ".join(f"{k} {v}" for k, v in s.flag_counts.items()) or "none"
        fid = "-" if s.fidelity is None else f"{s.fidelity:.3f}"
        lines.append(
            f"{s.src_doc[:24]:<24} {s.tgt_doc[:24]:<24} {s.src_lang + '-' + s.tgt_lang:<7} "
            f"{s.coverage:>6.2f} {fid:>8}  {s.verdict:<18} {counts}"
        )
    for s in summaries:
        lines.append("")
        if s.verdict != "translation":
            lines.append(
                f"{s.tgt_doc} against {s.src_doc}: not a translation (confident coverage "
                f"{s.confident_coverage:.2f} < {NOT_TRANSLATION_BELOW})"
            )
            lines.append(
                f"  its {len(s.flags)} flags are not listed here (the TSV and --format json "
                "keep them): they only say the texts differ"
            )
            continue
        count = len(s.flags)
        lines.append(f"{s.tgt_doc} against {s.src_doc}: {count} flag{'' if count == 1 else 's'}")
        for f in s.flags:
            ids = f"src {f['src_ids'] or '-'} / tgt {f['tgt_ids'] or '-'}"
            lines.append(f"  [{ids}] {f['kind']}:{f['category']}:{f['text']}")
    if signature:
        lines += ["", f"signature: {signature}"]
    return "\n".join(lines) + "\n"
