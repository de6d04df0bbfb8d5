"""Apertium, the rule-based engine, from the operating system's packages (offline, no model files).

Debian and Ubuntu package the engine and its language pairs (``apt-get install apertium
apertium-en-es apertium-fr-es``); each installed pair is a "mode" such as ``eng-spa`` or
``fr-es``. Spanish is the hub of these pairs, so French reaches English through Spanish.
Rule-based output is literal, which is what a pivot for comparison needs; it is also
quick: a few thousand sentences per second.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ..errors import MissingBackendError
from ..profile import phased
from . import pivot_route

PIVOT = "es"
INSTALL_HINT = (
    "on Debian or Ubuntu: apt-get install apertium apertium-en-es apertium-fr-es "
    "(other pairs: apt-cache search apertium-)"
)
# ISO 639-1 codes and the ISO 639-3 codes some Apertium modes are named with
_ISO3 = {
    "en": "eng",
    "es": "spa",
    "fr": "fra",
    "ca": "cat",
    "pt": "por",
    "it": "ita",
    "de": "deu",
    "gl": "glg",
    "eu": "eus",
    "oc": "oci",
    "ro": "ron",
    "nl": "nld",
    "da": "dan",
    "sv": "swe",
    "nb": "nob",
    "nn": "nno",
}
_ISO1 = {v: k for k, v in _ISO3.items()}


def mode_directories() -> list[Path]:
    """Where installed pairs keep their ``.mode`` files (``$APERTIUM_MODES`` first)."""
    dirs = [Path(d) for d in os.environ.get("APERTIUM_MODES", "").split(os.pathsep) if d]
    return [*dirs, Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes")]


def installed_modes() -> dict[tuple[str, str], Path]:
    """Installed translation directions as ISO 639-1 pairs, each with its mode file.

    A plain ``xx-yy`` mode translates; variants (``spa-eng_US``) and other tools
    (``eco-fr-es``, analysers) are left out.
    """
    found: dict[tuple[str, str], Path] = {}
    for directory in mode_directories():
        if not directory.is_dir():
            continue
        for mode in sorted(directory.glob("*.mode")):
            parts = mode.stem.split("-")
            if len(parts) != 2:
                continue
            a, b = (_ISO1.get(p, p) for p in parts)
            if len(a) == 2 and len(b) == 2:
                found.setdefault((a, b), mode)
    return found


class ApertiumTranslator:
    """Translation with the ``apertium`` command, one process per batch and direction."""

    name = "apertium"

    def __init__(self, progress: bool = True) -> None:
        """``progress`` is accepted like every engine's; Apertium is quick enough to need none."""
        executable = shutil.which("apertium")
        if executable is None:
            raise MissingBackendError(f"--mt apertium needs the apertium command: {INSTALL_HINT}")
        self.executable = executable
        self._modes = installed_modes()
        digest = hashlib.sha256()
        for pair, mode in sorted(self._modes.items()):
            digest.update(f"{pair}\0".encode() + mode.read_bytes())
        self.fingerprint = f"apertium-{digest.hexdigest()[:12]}"

    def route(self, src_lang: str, tgt_lang: str) -> list[Path]:
        """The modes that translate ``src_lang`` into ``tgt_lang``: one, or two via Spanish."""
        route = pivot_route(self._modes, src_lang, tgt_lang, PIVOT)
        if route is not None:
            return route
        installed = ", ".join(f"{a}->{b}" for a, b in sorted(self._modes)) or "none"
        raise MissingBackendError(
            f"--mt apertium: no Apertium pair for {src_lang}->{tgt_lang}, directly or through "
            f"{PIVOT} (installed: {installed}); {INSTALL_HINT}"
        )

    def check_pair(self, src_lang: str, tgt_lang: str) -> None:
        self.route(src_lang, tgt_lang)

    @phased("machine translation")
    def translate(self, texts: Sequence[str], src_lang: str, tgt_lang: str) -> list[str]:
        out = [" ".join(t.split()) for t in texts]
        for mode in self.route(src_lang, tgt_lang):
            out = self._run(mode, out)
        return out

    def _run(self, mode: Path, texts: list[str]) -> list[str]:
        """One line per text in, one line per text out (``-u``: no marks on unknown words)."""
        if not texts:
            return []
        done = subprocess.run(
            [self.executable, "-u", "-f", "txt", "-d", str(mode.parent.parent), mode.stem],
            input="\n".join(texts) + "\n",
            capture_output=True,
            text=True,
            check=False,
        )
        lines = done.stdout.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if done.returncode != 0 or len(lines) != len(texts):
            raise MissingBackendError(
                f"--mt apertium: {mode.stem} failed (exit {done.returncode}, {len(lines)} lines "
                f"for {len(texts)} sentences): {done.stderr.strip()[:300]}"
            )
        return [line.strip() for line in lines]
