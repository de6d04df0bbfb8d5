"""Time and peak memory of aligning one long document pair, at 1k, 10k, 50k and 100k sentences.

    python bench/align_scale.py [--sizes 1000,10000,50000,100000]

Documents are Text+Berg gold documents (de-fr) concatenated until they reach the size,
with their gold concatenated too, so the script also prints the strict F1 at each size:
the banded search must stay as accurate as the full one. Each size runs in its own
process; time is split into embedding and everything else (features, band, costs, DP).
Embedding: the smallest size (the gold documents once, all texts distinct) also runs
from an empty cache, which measures it; at every size, the characters the aligner asked
the model for, divided by the model's measured throughput in characters per second
(constant from one to three sentences per text), project the cold time (the larger
sizes repeat the gold documents, so their own cold run would embed each text once).
The growth exponent is the slope of log(time) against log(size). The aligner runs as the
CLI does, with USE as its second embedder (its time is in "embedding" and in the
projection, at its own throughput); the token vectors the aligner reads for its token
test (``align.tokens``) count as embedding too, projected at the token encoder's own
throughput.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.textberg import DATA, TEST_DOCS, Counts, read_gold, read_lines  # noqa: E402


def _copy_tag(prefix: str, copy: int) -> str:
    """A made-up word per repetition of the gold documents, different on the two sides (so
    that it is no anchor): zqb, zqc ... for German, xwb, xwc ... for French."""
    letters = ""
    while copy:
        copy, digit = divmod(copy, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
    return prefix + letters


def build(
    size: int, distinct: bool = False
) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """The gold documents concatenated until the German side has ``size`` sentences;
    ``distinct``: every repetition's sentences end in a made-up word of their own, so that
    no text repeats (what a cold-cache measurement needs)."""
    de: list[str] = []
    fr: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    docs = [*TEST_DOCS, "dev"]
    k = 0
    while len(de) < size:
        doc = docs[k % len(docs)]
        copy = k // len(docs)
        k += 1
        d, f = read_lines(DATA / f"{doc}.de"), read_lines(DATA / f"{doc}.fr")
        if distinct and copy:
            d = [f"{line} {_copy_tag('zq', copy)}" for line in d]
            f = [f"{line} {_copy_tag('xw', copy)}" for line in f]
        gold += [
            (tuple(i + len(de) for i in s), tuple(j + len(fr) for j in t))
            for s, t in read_gold(DATA / f"{doc}.defr")
        ]
        de += d
        fr += f
    return de, fr, gold


def peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker(size: int) -> None:
    from align import aligner, segment_text
    from align.embedders import CountingEmbedder, get_embedder

    de, fr, gold = build(size, distinct=bool(os.environ.get("SCALE_DISTINCT")))
    src = segment_text("\n".join(de), "de", presegmented=True, lang="de")
    tgt = segment_text("\n".join(fr), "fr", presegmented=True, lang="fr")
    embedder = CountingEmbedder(get_embedder("e5", progress=False))
    second = CountingEmbedder(get_embedder("use", progress=False))
    embed_seconds = 0.0
    original = aligner.embed_runs

    def timed_embed_runs(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal embed_seconds
        started = time.perf_counter()
        out = original(*args, **kwargs)
        embed_seconds += time.perf_counter() - started
        return out

    aligner.embed_runs = timed_embed_runs
    token_seconds = 0.0
    read_tokens = embedder.tokens

    def timed_tokens(texts):  # type: ignore[no-untyped-def]
        nonlocal token_seconds
        started = time.perf_counter()
        out = read_tokens(texts)
        token_seconds += time.perf_counter() - started
        return out

    embedder.tokens = timed_tokens  # type: ignore[method-assign]
    started = time.perf_counter()
    alignment = aligner.align_documents(src, tgt, embedder, second=second)
    total = time.perf_counter() - started
    counts = Counts()
    counts.add([(b.src_ids, b.tgt_ids) for b in alignment.beads], gold)
    runs = range(1, aligner.AlignConfig().max_bead + 1)
    every = sum(max(len(src) - k + 1, 0) + max(len(tgt) - k + 1, 0) for k in runs)
    print(
        json.dumps(
            {
                "size": size,
                "src": len(src),
                "tgt": len(tgt),
                "texts_to_embed": embedder.asked,
                "chars_to_embed": embedder.asked_chars,
                "second_chars": second.asked_chars,
                "texts_all_runs": every,
                "token_chars": embedder.asked_token_chars,
                "embed_cached_s": embed_seconds + token_seconds,
                "tokens_s": token_seconds,
                "align_s": total - embed_seconds - token_seconds,
                "peak_mib": peak_rss_mib(),
                "strict_f1": counts.scores()["strict_f1"],
            }
        )
    )


def _sample_texts(n: int) -> list[str]:
    """Runs of one, two and three Text+Berg sentences, ``n`` of each: what a merged bead is made of."""
    lines = read_lines(DATA / "test0.de")
    return [" ".join(lines[i : i + k]) for k in (1, 2, 3) for i in range(n)]


def cold_throughput(name: str = "e5", n: int = 150) -> float:
    """Characters per second of the model ``name``, cache off, on Text+Berg texts of one,
    two and three sentences (runs a merged bead is made of)."""
    from align.embedders import get_embedder

    texts = _sample_texts(n)
    embedder = get_embedder(name, cache=False, progress=False).inner  # the model, no cache
    embedder.embed(texts[:2])  # loads the model
    started = time.perf_counter()
    embedder.embed(texts)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def token_throughput(n: int = 150) -> float:
    """Characters per second of e5's token encoder (the aligner's token test, see
    :mod:`align.tokens`), cache off, on the texts :func:`cold_throughput` reads."""
    from align.embedders import get_embedder

    texts = _sample_texts(n)
    embedder = get_embedder("e5", cache=False, progress=False).inner  # the model, no cache
    embedder.tokens(texts[:2])  # loads the encoder
    started = time.perf_counter()
    embedder.tokens(texts)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def run_worker(size: int, cache: str | None = None, distinct: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if cache:
        env["FACTALIGN_CACHE"] = cache
    if distinct:
        env["SCALE_DISTINCT"] = "1"
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(size)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,50000,100000")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--cold",
        type=int,
        metavar="SIZE",
        help="instead: align one pair of SIZE sentences, every text distinct, from an empty "
        "cache, and print the measured times (at 10000: about 15 minutes)",
    )
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.cold:
        with tempfile.TemporaryDirectory() as empty:
            r = run_worker(args.cold, empty, distinct=True)
        print(
            f"{r['src']}x{r['tgt']}, every text distinct, empty cache: embedding "
            f"{r['embed_cached_s']:.0f} s ({r['texts_to_embed']} texts, {r['chars_to_embed']} "
            f"characters; token vectors {r['tokens_s']:.0f} s of it, {r['token_chars']} "
            f"characters), everything else {r['align_s']:.1f} s, total "
            f"{r['embed_cached_s'] + r['align_s']:.0f} s, peak {r['peak_mib']:.0f} MiB, "
            f"strict F1 {r['strict_f1']:.3f}"
        )
        return
    rate, rate2, rate3 = cold_throughput("e5"), cold_throughput("use"), token_throughput()
    print(
        f"embedding throughput, cache off, texts of 1-3 sentences: e5 {rate:.0f} characters/s, "
        f"USE {rate2:.0f} characters/s, e5 token vectors {rate3:.0f} characters/s"
    )

    def projected(r: dict) -> float:
        return float(
            r["chars_to_embed"] / rate + r["second_chars"] / rate2 + r["token_chars"] / rate3
        )

    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as empty:
        cold = run_worker(sizes[0], empty)
    print(
        f"{cold['src']}x{cold['tgt']} from an empty cache: embedding {cold['embed_cached_s']:.0f} s "
        f"measured, {projected(cold):.0f} s projected"
    )
    results = [run_worker(size) for size in sizes]
    print(
        f"{'sentences':>10} {'align s':>8} {'embed s (warm)':>14} {'texts embedded':>15} "
        f"{'of all runs':>12} {'embed s (cold, projected)':>26} {'peak MiB':>9} {'strict F1':>9}"
    )
    for r in results:
        print(
            f"{r['src']:>5}x{r['tgt']:<5} {r['align_s']:>8.1f} {r['embed_cached_s']:>14.1f} "
            f"{r['texts_to_embed']:>15} {r['texts_to_embed'] / r['texts_all_runs']:>12.2f} "
            f"{projected(r):>26.0f} {r['peak_mib']:>9.0f} {r['strict_f1']:>9.3f}"
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        ratio = math.log(last["src"] / first["src"])
        print(
            f"growth exponent, align time: {math.log(last['align_s'] / first['align_s']) / ratio:.2f}; "
            f"peak memory: {math.log(last['peak_mib'] / first['peak_mib']) / ratio:.2f}"
        )


if __name__ == "__main__":
    main()
