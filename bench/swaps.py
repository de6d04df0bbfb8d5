"""Names and numbers swapped in faithful human translations: does factalign see each one?

    python bench/swaps.py [--seed 1]

DEMETR's human translations (``eng_sent``, English) of each source language's 50
sentences are faithful. This generator edits them, seeded:

- each name (a run of capitalized words, not the sentence's first word) is replaced by a
  name of the same kind from another item of the same file: a place (one CLDR names), a
  person (two or three capitalized words, none of an organisation's words or initials), an
  organisation (one of :data:`ORGANISATION_WORDS`, or initials), or another single name;
- each number written in digits is changed (another value of as many digits).

Version ``name<k>`` swaps the ``k``-th name of every sentence that has one, ``numbers``
changes every number of a sentence, and the unedited ``twin`` is the faithful control.
All versions of a language go through ``factalign run --presegmented`` with the source
sentences as reference. Recall: share of edited sentences whose bead says so
(``changed:entity`` or a dropped and an added name; a changed, dropped or added number or
date). False flags: fact flags on the twins, per 100 sentences. Items 25-49 of each
language (held out: nothing was chosen on them) are printed apart from items 0-24.

The names are found by capitals, not by factalign's extractor, and typed by plain lists:
the generator is a rough annotator, so some swaps are odd (a weekday capitalized mid-
sentence is no name: :data:`NOT_NAMES`), which the printed examples let a reader judge.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.demetr import LANGS, bead_of, load, run_versions
from bench.facts import PARTS, fact_flags, part_of, rate

ORGANISATION_WORDS = frozenset(
    "Inc Corp Corporation Company Co Ltd Group Party Council Ministry Department Agency "
    "University College Institute Bank Association Union Committee Commission Court Club "
    "FC United Airlines Airways News Times Post Foundation Organisation Organization Board "
    "Office Police Army Navy Force Forces Parliament Senate Congress Assembly Museum "
    "Hospital School Federation League Network Systems Technologies Motors Energy".split()
)
NOT_NAMES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Mr Mrs Ms Dr".split()
)
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of |de |the |von |van )?[A-Z][\w'’-]*)*")
TITLES = frozenset(
    "President Prime Minister Secretary Director Chairman Chancellor Governor Mayor Senator "
    "General Judge Chief Professor King Queen Prince Pope Coach Captain Officer Deputy Head".split()
)
COMMON_ZIPF = 4.5
"""An English word this frequent (wordfreq) is no name by itself (Games, Director, Earth)."""
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")


def names_in(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each run of capitalized words but the sentence's first word,
    titles before a name left out (Secretary Xi Jinping: Xi Jinping), a run of common
    English words alone skipped (Best Picture, Games)."""
    from wordfreq import zipf_frequency

    found = []
    for m in _CAPITALIZED.finditer(sentence):
        start, text = m.start(), re.sub(r"['’]s$", "", m.group())
        words = text.split()
        drop = 1 if start == 0 else 0
        while drop < len(words) - 1 and (words[drop] in TITLES or words[drop] in NOT_NAMES):
            drop += 1
        if drop >= len(words) or words[drop] in NOT_NAMES:
            continue
        offset = len(" ".join(words[:drop])) + (1 if drop else 0)
        start, text = start + offset, " ".join(words[drop:])
        if all(zipf_frequency(w, "en") >= COMMON_ZIPF for w in text.split()):
            continue
        found.append((start, start + len(text), text))
    return found


def kind_of(name: str, places: frozenset[str]) -> str:
    """``place``, ``organisation``, ``person`` or ``single`` (see the module)."""
    words = name.split()
    if name in places:
        return "place"
    if any(w in ORGANISATION_WORDS for w in words) or (len(words) == 1 and name.isupper()):
        return "organisation"
    if 2 <= len(words) <= 3 and not {"of", "de", "the", "von", "van"} & set(words):
        return "person"
    return "single"


def english_places() -> frozenset[str]:
    """Countries, territories and the cities time zones are named after, in English (CLDR
    by babel)."""
    from babel import Locale
    from babel.core import get_global

    locale = Locale("en")
    cities = {
        (locale.time_zones.get(zone) or {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        for zone in get_global("zone_territories")
    }
    return frozenset({*locale.territories.values(), *cities})


def changed_number(text: str, rng: random.Random) -> str:
    """Another number of as many digits, its separators kept."""
    digits = [c for c in text if c.isdigit()]
    while True:
        new = [
            str(rng.randint(1 if k == 0 and len(digits) > 1 else 0, 9)) for k in range(len(digits))
        ]
        if new != digits:
            break
    it = iter(new)
    return "".join(next(it) if c.isdigit() else c for c in text)


def replace_at(sentence: str, start: int, end: int, new: str) -> str:
    return sentence[:start] + new + sentence[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rng_examples = random.Random(args.seed + 1)  # which misses are printed: every language's
    places = english_places()
    items = load("base_id35_reference")
    recall = {part: {"names": [0, 0], "numbers": [0, 0]} for part in PARTS}
    by_kind: Counter = Counter()
    found_kind: Counter = Counter()
    by_lang: Counter = Counter()
    found_lang: Counter = Counter()
    false = Counter()
    controls = Counter()
    missed: list[str] = []
    false_examples: list[str] = []
    for lang in LANGS:
        eng = [it["eng_sent"] for it in items[lang]]
        names = [names_in(s) for s in eng]
        pool: dict[str, list[tuple[int, str]]] = {}
        for k, found in enumerate(names):
            for _, _, text in found:
                pool.setdefault(kind_of(text, places), []).append((k, text))
        versions = {"twin": eng}
        edits: dict[str, dict[int, str]] = {}
        for slot in range(max(len(n) for n in names)):
            lines, edited = [], {}
            for k, sentence in enumerate(eng):
                if slot >= len(names[k]):
                    lines.append(sentence)
                    continue
                start, end, text = names[k][slot]
                kind = kind_of(text, places)
                others = [t for j, t in pool.get(kind, []) if j != k and t not in sentence]
                if not others:
                    lines.append(sentence)
                    continue
                new = rng.choice(others)
                lines.append(replace_at(sentence, start, end, new))
                edited[k] = f"{kind}: {text} -> {new}"
            versions[f"name{slot}"], edits[f"name{slot}"] = lines, edited
        lines, edited = [], {}
        for k, sentence in enumerate(eng):
            spots = list(_NUMBER.finditer(sentence))
            for m in reversed(spots):
                sentence = replace_at(sentence, m.start(), m.end(), changed_number(m.group(), rng))
            lines.append(sentence)
            if spots:
                edited[k] = "numbers: " + ", ".join(m.group() for m in spots)
        versions["numbers"], edits["numbers"] = lines, edited
        rows = run_versions([it["src_sent"] for it in items[lang]], versions)
        for k in range(len(eng)):
            flags = fact_flags(bead_of(rows["twin"], k).flags)
            false[part_of(k)] += len(flags)
            controls[part_of(k)] += 1
            if flags and part_of(k) == PARTS[1] and len(false_examples) < 15:
                false_examples.append(f"{lang} {k}: {flags}")
        for version, edited in edits.items():
            for k, what in edited.items():
                flags = fact_flags(bead_of(rows[version], k).flags)
                if version == "numbers":
                    hit = any(
                        f.split(":")[1] in {"number", "date", "money", "percent"} for f in flags
                    )
                    cell = recall[part_of(k)]["numbers"]
                else:
                    kinds = {f.split(":")[0] for f in flags if f.split(":")[1] == "entity"}
                    hit = "changed" in kinds or {"dropped", "added"} <= kinds
                    cell = recall[part_of(k)]["names"]
                    kind = what.split(":")[0]
                    by_kind[kind, part_of(k)] += 1
                    found_kind[kind, part_of(k)] += hit
                    by_lang[lang, part_of(k)] += 1
                    found_lang[lang, part_of(k)] += hit
                cell[0] += hit
                cell[1] += 1
                if (
                    not hit
                    and part_of(k) == PARTS[1]
                    and rng_examples.random() < 0.25
                    and len(missed) < 30
                ):
                    missed.append(f"{lang} {k} {what}: {flags}")
    print(f"seed {args.seed}: recall (hits/edited sentences), false fact flags per 100 twins")
    print(f"{'part':<16}{'names':>16}{'numbers':>16}{'false/100':>11}")
    for part in PARTS:
        cells = "".join(
            f"{rate(*recall[part][w]):>8.3f} ({recall[part][w][0]}/{recall[part][w][1]})"
            for w in ("names", "numbers")
        )
        print(f"{part:<16}{cells}{100 * false[part] / max(controls[part], 1):>11.1f}")
    for part in PARTS:
        kinds = ", ".join(
            f"{kind} {rate(found_kind[kind, part], by_kind[kind, part]):.2f} ({by_kind[kind, part]})"
            for kind in ("person", "place", "organisation", "single")
        )
        print(f"names by kind, {part}: {kinds}")
    for part in PARTS:
        langs = ", ".join(
            f"{lang} {rate(found_lang[lang, part], by_lang[lang, part]):.2f}" for lang in LANGS
        )
        print(f"names by source language, {part}: {langs}")
    print("\nmissed (tuned part only, for reading):")
    for line in missed:
        print("  " + line)
    print("false flags on twins (tuned part only, for reading):")
    for line in false_examples:
        print("  " + line)


if __name__ == "__main__":
    main()
