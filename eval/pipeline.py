"""The run: documents in, rows out. The CLI and the Python API both go through here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from tqdm import tqdm

from align import AlignConfig, Alignment, Document, align_documents
from align.embedders import Embedder
from align.translators import Translator

from .fidelity import FidelityConfig
from .scoring import score_rows
from .tsv import Row


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
