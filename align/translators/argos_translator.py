"""Argos Translate packages (``.argosmodel`` files the user installs) run with CTranslate2 on the CPU.

Only Argos Translate's package API is used (install, list, each package's tokenizer) and
the package's CTranslate2 model is run directly on factalign's own sentences: Argos's
``translate()`` splits text into sentences again with models it may try to download, and
fails with an ``AttributeError`` when no package is installed. Nothing is downloaded here.
"""

from __future__ import annotations

import contextlib
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingBackendError
from ..profile import phased
from . import pivot_route

PIVOT = "en"
_BATCH = 32
_MAX_TOKENS = 512
PACKAGES_URL = "https://www.argosopentech.com/argospm/index/"
INSTALL_HINT = (
    "pip install 'factalign[mt]' (pulls PyTorch; CPU build: pip install torch==2.13.0 first), "
    "or without PyTorch: pip install ctranslate2 sentencepiece && pip install --no-deps argostranslate"
)


def _argos() -> tuple[Any, Any]:
    try:
        import argostranslate.package as package
        import ctranslate2
    except ImportError:
        raise MissingBackendError(f"--mt argos needs Argos Translate: {INSTALL_HINT}") from None
    return package, ctranslate2


@dataclass(frozen=True)
class ArgosPackage:
    """An installed translation package: ``from_code`` -> ``to_code``, its version and folder."""

    from_code: str
    to_code: str
    version: str
    path: Path

    @property
    def label(self) -> str:
        return f"{self.from_code}_{self.to_code}-{self.version}"


def installed_packages() -> list[ArgosPackage]:
    """Translation packages in Argos Translate's package folder (``$ARGOS_PACKAGES_DIR``)."""
    package, _ = _argos()
    found = [
        ArgosPackage(p.from_code, p.to_code, p.package_version, Path(p.package_path))
        for p in package.get_installed_packages()
        if getattr(p, "type", "translate") == "translate" and p.from_code and p.to_code
    ]
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.version))


def install_package(path: str | Path) -> ArgosPackage:
    """Check a ``.argosmodel`` file and install it with Argos Translate's package API."""
    package, _ = _argos()
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise InputError(f"{path}: not an Argos Translate package (.argosmodel is a zip archive)")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        tops = {n.split("/", 1)[0] for n in names}
        if len(tops) != 1:
            raise InputError(f"{path}: a package holds exactly one top folder, found {len(tops)}")
        top = tops.pop()
        if f"{top}/metadata.json" not in names:
            raise InputError(f"{path}: no {top}/metadata.json: not an Argos Translate package")
        try:
            metadata = json.loads(archive.read(f"{top}/metadata.json"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise InputError(f"{path}: {top}/metadata.json is not valid JSON") from None
        if not (metadata.get("from_code") and metadata.get("to_code")):
            raise InputError(f"{path}: metadata.json names no from_code and to_code")
        if f"{top}/model/model.bin" not in names:
            raise InputError(f"{path}: no CTranslate2 model ({top}/model/model.bin)")
    # after unpacking, Argos refreshes the language list of its translate module, which
    # needs stanza; without it (the PyTorch-free install) the package is in place all the same
    with contextlib.suppress(ImportError):
        package.install_from_path(path)
    target = next((p for p in installed_packages() if p.path.name == top), None)
    if target is None:
        raise InputError(f"{path}: Argos Translate did not install it")
    return target


class ArgosTranslator:
    """Translation through installed Argos packages, pivoting through English when needed."""

    name = "argos"

    def __init__(self, progress: bool = True, threads: int = 0) -> None:
        _, ctranslate2 = _argos()
        self._ctranslate2 = ctranslate2
        self.progress = progress
        self.threads = threads
        self._packages = {(p.from_code, p.to_code): p for p in installed_packages()}
        self._models: dict[Path, tuple[Any, Any]] = {}
        try:
            argos_version = version("argostranslate")
        except PackageNotFoundError:
            argos_version = "unknown"
        labels = "+".join(p.label for p in self._packages.values()) or "no-packages"
        self.fingerprint = f"argos-{argos_version}-ct2-{ctranslate2.__version__}-{labels}"

    def route(self, src_lang: str, tgt_lang: str) -> list[ArgosPackage]:
        """The packages that translate ``src_lang`` into ``tgt_lang``: one, or two via English."""
        route = pivot_route(self._packages, src_lang, tgt_lang, PIVOT)
        if route is not None:
            return route
        if "und" in (src_lang, tgt_lang):
            raise MissingBackendError(
                "--mt argos: the language of a document could not be identified, so no "
                "translation package can be chosen"
            )
        installed = ", ".join(f"{a}->{b}" for a, b in sorted(self._packages)) or "none"
        raise MissingBackendError(
            f"--mt argos: no Argos Translate package for {src_lang}->{tgt_lang}, directly or "
            f"through {PIVOT} (installed: {installed}). Get translate-{src_lang}_{tgt_lang}-*.argosmodel "
            f"(index: {PACKAGES_URL}) on a machine with network, then: "
            f"factalign models install FILE.argosmodel"
        )

    def check_pair(self, src_lang: str, tgt_lang: str) -> None:
        self.route(src_lang, tgt_lang)

    @phased("machine translation")
    def translate(self, texts: Sequence[str], src_lang: str, tgt_lang: str) -> list[str]:
        out = list(texts)
        for package in self.route(src_lang, tgt_lang):
            out = self._run(package, out)
        return out

    def _model(self, package: ArgosPackage) -> tuple[Any, Any]:
        if package.path not in self._models:
            argos, _ = _argos()
            tokenizer = argos.Package(package.path)
            engine = self._ctranslate2.Translator(
                str(package.path / "model"), device="cpu", intra_threads=self.threads
            )
            self._models[package.path] = (engine, tokenizer)
        return self._models[package.path]

    def _run(self, package: ArgosPackage, texts: list[str]) -> list[str]:
        from tqdm import tqdm

        engine, meta = self._model(package)
        prefix = meta.target_prefix or ""
        out = [""] * len(texts)
        todo = [k for k, t in enumerate(texts) if t.strip()]
        bar = tqdm(
            total=len(todo),
            desc=f"translating {package.from_code}->{package.to_code}",
            unit="text",
            disable=None if self.progress and len(todo) > _BATCH else True,
            leave=False,
        )
        for start in range(0, len(todo), _BATCH):
            batch = todo[start : start + _BATCH]
            tokens = [meta.tokenizer.encode(texts[k])[:_MAX_TOKENS] for k in batch]
            results = engine.translate_batch(
                tokens,
                target_prefix=[[prefix]] * len(tokens) if prefix else None,
                beam_size=2,
                max_decoding_length=_MAX_TOKENS,
                replace_unknowns=True,
            )
            for k, source, result in zip(batch, tokens, results, strict=True):
                # a looping model is cut per text, never by what else is in the batch
                value = meta.tokenizer.decode(result.hypotheses[0][: 2 * len(source) + 10])
                if prefix and value.startswith(prefix):
                    value = value[len(prefix) :]
                out[k] = value.strip()
            bar.update(len(batch))
        bar.close()
        return out
