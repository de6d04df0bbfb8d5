"""Does fidelity order real MT as professional translators do? WMT21 TED en-de MQM.

    python bench/mqm.py [--talks 4,5,6]

Each talk of ``shared/bench/fidelity/mqm-ted-ende`` is a document: its English segments
(one per line) the reference, each system's German output a version, the human ``ref``
included, all through ``factalign run --presegmented``. A segment's fidelity and flags
are those of the bead that holds its source line. The MQM score of a segment is the WMT21
weighting of its errors (Major 5, Minor 1, Minor Fluency/Punctuation 0.1, Major
Non-translation 25); the judgment is minus that. Printed, for the 13 MT systems, on the
validation talks (4, 5, 6: chosen on nothing) and, apart, on the tuning talks 1 and 3
(whose false flags were read to find their causes) and on all:

* segment-level Kendall tau-b against the judgment, beside sentence chrF and BLEU against
  the human reference (they see it; factalign does not) and the bundled model's cosine
  between source and output, from the same run; over all segments (the WMT21 figure, in
  which a score that only knows the source's length takes part: long sentences hold
  more errors) and per source segment (the mean tau among its 13 translations);
* system-level Pearson of document fidelity (and of corpus chrF) against the mean judgment;
* flags against the annotations: pairs with a fact flag among No-error segments; recall
  and precision of omission, addition and untranslated flags on the segments annotated so;
  the share of Major Mistranslation segments with any flag;
* calibration on the validation talks: per fidelity band, the share of segments with a
  major error.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.demetr import run_versions  # noqa: E402
from eval.tsv import Row  # noqa: E402

DATA = ROOT.parent / "shared" / "bench" / "fidelity" / "mqm-ted-ende" / "mqm_ted_ende.tsv"
TUNING_TALKS = ("talk.1", "talk.3")
VALIDATION_TALKS = ("talk.4", "talk.5", "talk.6")
FACT_KINDS = ("dropped", "added", "changed")
BANDS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (-0.01, 0.5))


@dataclass
class Segment:
    """One system's output for one source segment, with its annotated errors."""

    system: str
    talk: str
    index: int  # line in the talk, from 0
    source: str
    target: str
    errors: list[tuple[str, str]] = field(default_factory=list)  # (category, severity)

    @property
    def mqm(self) -> float:
        """Minus the WMT21-weighted error sum: 0 for a perfect segment."""
        total = 0.0
        for category, severity in self.errors:
            if severity == "Major":
                total += 25.0 if category == "Non-translation!" else 5.0
            elif severity == "Minor":
                total += 0.1 if category == "Fluency/Punctuation" else 1.0
        return -total

    def has(self, prefix: str, severity: str | None = None) -> bool:
        return any(
            c.startswith(prefix) and (severity is None or s == severity) for c, s in self.errors
        )

    @property
    def major(self) -> bool:
        return any(s == "Major" for _, s in self.errors)


def load_segments(path: Path = DATA) -> dict[str, dict[str, list[Segment]]]:
    """Segments per talk and system, in line order."""
    strip = re.compile(r"</?v>")
    by_key: dict[tuple[str, str, int], Segment] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (rec["system"], rec["doc"], int(rec["seg_id"]))
            seg = by_key.get(key)
            if seg is None:
                seg = by_key[key] = Segment(
                    rec["system"],
                    rec["doc"],
                    0,
                    strip.sub("", rec["source"]),
                    strip.sub("", rec["target"]),
                )
            if rec["category"] != "No-error":
                seg.errors.append((rec["category"], rec["severity"]))
    talks: dict[str, dict[str, list[Segment]]] = defaultdict(lambda: defaultdict(list))
    for (system, talk, _), seg in sorted(by_key.items(), key=lambda kv: kv[0][2]):
        talks[talk][system].append(seg)
    for systems in talks.values():
        for segs in systems.values():
            for k, seg in enumerate(segs):
                seg.index = k
    return {t: dict(s) for t, s in sorted(talks.items())}


def kendall_tau_b(x: np.ndarray, y: np.ndarray, chunk: int = 512) -> float:
    """Kendall's tau-b of two score vectors (ties in either count against the denominator)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    concordance, untied_x, untied_y = 0.0, 0.0, 0.0
    for start in range(0, len(x), chunk):
        dx = np.sign(x[start : start + chunk, None] - x[None, :])
        dy = np.sign(y[start : start + chunk, None] - y[None, :])
        concordance += float((dx * dy).sum())
        untied_x += float(np.abs(dx).sum())
        untied_y += float(np.abs(dy).sum())
    return concordance / max(np.sqrt(untied_x * untied_y), 1e-12)


def segment_rows(rows: list[Row], n: int) -> list[tuple[float, list[str]]]:
    """Fidelity and flags per source line: the bead holding the line, with the flags of
    any bead holding the version's line of the same number."""
    out = []
    for k in range(n):
        row = next(r for r in rows if k in r.src_ids)
        flags = [f for r in rows if k in r.src_ids or k in r.tgt_ids for f in r.flags]
        out.append((row.fidelity or 0.0, list(dict.fromkeys(flags))))
    return out


def kinds(flags: list[str]) -> set[str]:
    return {f.split(":", 1)[0] for f in flags}


def fact_flagged(flags: list[str]) -> bool:
    return any(f.split(":", 2)[0] in FACT_KINDS and f.split(":", 2)[1] != "content" for f in flags)


def grouped_tau(segs: list[Segment], score: np.ndarray) -> float:
    """Mean tau-b over source segments of the systems' outputs of that segment (segments
    whose outputs the judgment or the score does not tell apart are left out): how well a
    score orders translations of the same sentence, free of how hard the sentence is."""
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, seg in enumerate(segs):
        groups[seg.talk, seg.index].append(k)
    judgment = np.array([s.mqm for s in segs])
    taus = [
        kendall_tau_b(score[idx], judgment[idx])
        for idx in groups.values()
        if len(set(judgment[idx])) > 1 and len(set(score[idx])) > 1
    ]
    return float(np.mean(taus)) if taus else float("nan")


def report(name: str, segs: list[Segment], scores: dict[str, np.ndarray]) -> None:
    """Tau-b of every score over all segments of one part, and grouped by source segment."""
    judgment = np.array([s.mqm for s in segs])
    print(f"{name} ({len(segs)} segments)")
    for key, score in scores.items():
        print(
            f"  {key:<26} tau-b {kendall_tau_b(score, judgment):>6.3f}"
            f"   per source segment {grouped_tau(segs, score):>6.3f}"
        )


def main() -> None:
    import sacrebleu

    from align import get_embedder
    from eval import summarize

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.parse_args()
    talks = load_segments()
    started = time.perf_counter()
    fidelity: dict[tuple[str, str, int], float] = {}
    flags: dict[tuple[str, str, int], list[str]] = {}
    doc_fidelity: dict[tuple[str, str], tuple[float, int]] = {}
    for talk, systems in talks.items():
        sources = [s.source for s in systems["ref"]]
        by_version = run_versions(
            sources, {system: [s.target for s in segs] for system, segs in systems.items()}
        )
        for system, rows in by_version.items():
            for k, (value, found) in enumerate(segment_rows(rows, len(sources))):
                fidelity[system, talk, k] = value
                flags[system, talk, k] = found
            (summary,) = summarize(rows)
            doc_fidelity[system, talk] = (summary.fidelity, len(sources))
        print(f"  {talk}: {len(sources)} segments x {len(systems)} versions", file=sys.stderr)
    elapsed = time.perf_counter() - started

    embedder = get_embedder(progress=False)
    mt = [
        s
        for systems in talks.values()
        for name, segs in systems.items()
        if name != "ref"
        for s in segs
    ]
    refs = {(s.talk, s.index): s.target for s in talks_ref(talks)}
    src_vecs = embedder.embed([s.source for s in mt])
    tgt_vecs = embedder.embed([s.target for s in mt])
    cosine = np.einsum("ij,ij->i", src_vecs, tgt_vecs)
    chrf = np.array([sacrebleu.sentence_chrf(s.target, [refs[s.talk, s.index]]).score for s in mt])
    sentence_bleu = sacrebleu.metrics.BLEU(effective_order=True)
    bleu = np.array(
        [sentence_bleu.sentence_score(s.target, [refs[s.talk, s.index]]).score for s in mt]
    )
    source_chars = np.array([len(s.source) for s in mt], dtype=float)
    ours = np.array([fidelity[s.system, s.talk, s.index] for s in mt])
    print(f"({elapsed:.0f} s through the CLI; 13 MT systems, human ref as a 14th version)\n")
    print(
        "Segment-level Kendall tau-b against minus MQM: over all segments (WMT21), and the"
        " mean over source segments of the tau among their 13 translations"
    )
    parts = {
        "validation (4, 5, 6)": [i for i, s in enumerate(mt) if s.talk in VALIDATION_TALKS],
        "tuning (1, 3)": [i for i, s in enumerate(mt) if s.talk in TUNING_TALKS],
        "all talks": list(range(len(mt))),
    }
    for part, idx in parts.items():
        report(
            part,
            [mt[i] for i in idx],
            {
                "factalign": ours[idx],
                "chrF(ref)": chrf[idx],
                "BLEU(ref)": bleu[idx],
                "e5 cos": cosine[idx],
                "minus source length": -source_chars[idx],
            },
        )

    print("\nSystem level (13 systems, all talks): Pearson against mean minus MQM")
    systems = sorted({s.system for s in mt})
    human = [np.mean([s.mqm for s in mt if s.system == name]) for name in systems]
    doc = []
    for name in systems:
        pairs = [doc_fidelity[name, talk] for talk in talks]
        doc.append(sum(f * n for f, n in pairs) / sum(n for _, n in pairs))
    corpus_chrf = []
    for name in systems:
        mine = [s for s in mt if s.system == name]
        corpus_chrf.append(
            sacrebleu.corpus_chrf(
                [s.target for s in mine], [[refs[s.talk, s.index] for s in mine]]
            ).score
        )
    print(
        f"  document fidelity {np.corrcoef(doc, human)[0, 1]:.3f}   "
        f"corpus chrF(ref) {np.corrcoef(corpus_chrf, human)[0, 1]:.3f}"
    )

    for part in ("validation (4, 5, 6)", "all talks"):
        idx = parts[part]
        segs = [mt[i] for i in idx]
        found = [flags[s.system, s.talk, s.index] for s in segs]
        print(f"\nFlags against the annotations, {part}")
        clean = [f for s, f in zip(segs, found, strict=True) if not s.errors]
        print(
            f"  No-error segments with a fact flag: {sum(map(fact_flagged, clean))}/{len(clean)}"
            f" = {sum(map(fact_flagged, clean)) / max(len(clean), 1):.1%}"
            f"   with any flag: {sum(bool(f) for f in clean) / max(len(clean), 1):.1%}"
        )
        for label, category, flag_kinds in (
            ("Omission", "Accuracy/Omission", {"omission", "dropped"}),
            ("Addition", "Accuracy/Addition", {"addition", "added"}),
            ("Untranslated", "Accuracy/Untranslated", {"untranslated"}),
        ):
            annotated = [s.has(category) for s in segs]
            flagged = [bool(kinds(f) & flag_kinds) for f in found]
            hits = sum(a and f for a, f in zip(annotated, flagged, strict=True))
            print(
                f"  {label:<12} annotated {sum(annotated):>4}  recall {hits}/{sum(annotated)}"
                f"  flagged {sum(flagged):>4}  precision {hits}/{sum(flagged)}"
                f" ({hits / max(sum(flagged), 1):.2f}; with any error"
                f" {sum(f and bool(s.errors) for s, f in zip(segs, flagged, strict=True)) / max(sum(flagged), 1):.2f})"
            )
        major = [
            f for s, f in zip(segs, found, strict=True) if s.has("Accuracy/Mistranslation", "Major")
        ]
        print(
            f"  Major Mistranslation with any flag: {sum(bool(f) for f in major)}/{len(major)}"
            f" = {sum(bool(f) for f in major) / max(len(major), 1):.1%}"
        )

    print("\nCalibration, validation talks: share of segments with a major error per fidelity band")
    idx = parts["validation (4, 5, 6)"]
    for low, high in BANDS:
        band = [mt[i] for i in idx if low <= ours[i] < high]
        label = f"{max(low, 0):.1f}-{min(high, 1):.1f}"
        share = sum(s.major for s in band) / max(len(band), 1)
        print(f"  fidelity {label:<8} {len(band):>5} segments  major error {share:.1%}")


def talks_ref(talks: dict[str, dict[str, list[Segment]]]) -> list[Segment]:
    return [s for systems in talks.values() for s in systems["ref"]]


if __name__ == "__main__":
    main()
