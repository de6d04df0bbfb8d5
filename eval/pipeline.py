"""The run: documents in, rows out. The CLI and the Python API both go through here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from tqdm import tqdm

from align import AlignConfig, Alignment, Document, align_documents, load_document
from align.embedders import Embedder
from align.splitters import get_splitter
from align.translators import Translator

from .fidelity import FidelityConfig
from .scoring import score_rows
from .signature import run_signature
from .tsv import Row


@dataclass(frozen=True)
class RunSettings:
    """The options of a run, by the names the command line gives them: everything that
    changes its output, plus ``threads`` (model threads) and ``cache`` (the disk cache).
    ``run`` and ``batch`` both read and process documents through these."""

    embedder: str = "e5"
    second_embedder: str = "use"
    cache: bool = True
    splitter: str = "sentencex"
    presegmented: bool = False
    encoding: str | None = None
    ref_encoding: str | None = None
    max_bead: int = 5
    threads: int | None = None
    mt: str | None = None

    @property
    def align_config(self) -> AlignConfig:
        return AlignConfig(max_bead=self.max_bead)

    def load(self, path: Path, reference: bool = False) -> Document:
        """Read and segment one file, in ``ref_encoding`` for the reference."""
        return load_document(
            path,
            splitter=self.splitter,
            presegmented=self.presegmented,
            encoding=self.ref_encoding if reference else self.encoding,
        )

    def signature(
        self, fingerprint: str, mt_fingerprint: str = "none", second_fingerprint: str = "none"
    ) -> str:
        """The run signature (see :mod:`eval.signature`) of these settings with the
        models' fingerprints."""
        splitter = get_splitter("lines" if self.presegmented else self.splitter)
        return run_signature(
            f"{splitter.name}-{splitter.version}",
            fingerprint,
            self.align_config,
            FidelityConfig(),
            mt=mt_fingerprint,
            second=second_fingerprint,
        )


def alignment_rows(alignment: Alignment) -> list[Row]:
    """TSV rows (unscored) for one aligned document pair."""
    src, tgt, mt = alignment.src, alignment.tgt, alignment.tgt_mt
    return [
        Row(
            src_doc=src.doc_id,
            tgt_doc=tgt.doc_id,
            src_lang=src.lang,
            tgt_lang=tgt.lang,
            src_ids=bead.src_ids,
            tgt_ids=bead.tgt_ids,
            src_text=" ".join(src.sentences[i] for i in bead.src_ids),
            tgt_text=" ".join(tgt.sentences[j] for j in bead.tgt_ids),
            align_score=bead.score,
            extra={"mt_text": " ".join(mt[j] for j in bead.tgt_ids)} if mt is not None else {},
        )
        for bead in alignment.beads
    ]


def choose_reference(documents: Sequence[Document], embedder: Embedder) -> Document:
    """The version closest to all others: highest mean best-match similarity of its sentences.

    For each ordered pair of documents, every sentence of one is matched to its most
    similar sentence of the other; a document that is a translation of the others scores
    high in both directions, an unrelated article or a heavily cut version scores low.
    """
    if len(documents) == 1:
        return documents[0]
    vecs = [embedder.embed(list(d.sentences)) for d in documents]
    totals = np.zeros(len(documents))
    for i, a in enumerate(vecs):
        for j, b in enumerate(vecs):
            if i != j:
                sims = a @ b.T
                both = sims.max(axis=1).mean() + sims.max(axis=0).mean()
                totals[i] += both
                totals[j] += both
    return documents[int(np.argmax(totals))]


def align_all(
    reference: Document,
    versions: Sequence[Document],
    embedder: Embedder,
    config: AlignConfig | None = None,
    progress: Callable[[str], None] | None = None,
    translator: Translator | None = None,
    second: Embedder | None = None,
) -> list[Alignment]:
    """Align every version to the reference, in the order given (``translator``, ``second``:
    see :func:`align.align_documents`)."""
    out = []
    for version in tqdm(
        versions, desc="aligning", unit="pair", disable=None if progress else True, leave=False
    ):
        if progress:
            progress(f"aligning {version.doc_id} to {reference.doc_id}")
        out.append(align_documents(reference, version, embedder, config, translator, second))
    return out


def run(
    reference: Document,
    versions: Sequence[Document],
    embedder: Embedder,
    align_config: AlignConfig | None = None,
    fidelity_config: FidelityConfig | None = None,
    *,
    scored: bool = True,
    progress: Callable[[str], None] | None = None,
    translator: Translator | None = None,
    second: Embedder | None = None,
) -> list[Row]:
    """Align every version to ``reference`` and (unless ``scored`` is off) score the beads.

    With a ``translator`` (MT pivot), the aligner also compares each version's machine
    translation with the reference, and the rows get ``mt_text``, ``mt_chrf``, ``mt_bleu``.
    A ``second`` embedder joins the alignment's similarity only (fidelity is ``embedder``'s).
    """
    rows: list[Row] = []
    for alignment in align_all(
        reference, versions, embedder, align_config, progress, translator, second
    ):
        rows.extend(alignment_rows(alignment))
    return score_rows(rows, embedder, fidelity_config) if scored else rows


def run_set(
    reference: Document,
    versions: Sequence[Document],
    settings: RunSettings,
    embedder: Embedder,
    *,
    second: Embedder | None = None,
    translator: Translator | None = None,
    scored: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[Row]:
    """One document set, as ``run``, ``align`` and ``batch`` process it: every version's
    language pair checked against the MT engine before any work, aligned, scored unless
    ``scored`` is off, and the run's signature in every row's ``signature`` column."""
    if translator is not None:
        for version in versions:
            translator.check_pair(version.lang, reference.lang)
    signature = settings.signature(
        embedder.fingerprint,
        translator.fingerprint if translator else "none",
        second.fingerprint if second else "none",
    )
    if progress:
        progress(f"signature: {signature}")
    rows = run(
        reference,
        versions,
        embedder,
        settings.align_config,
        scored=scored,
        progress=progress,
        translator=translator,
        second=second,
    )
    return [replace(r, extra={**r.extra, "signature": signature}) for r in rows]
