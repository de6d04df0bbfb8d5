"""factalign's evaluation package: fact flags, fidelity, the scored TSV and its summary.

>>> from align import get_embedder, segment_text
>>> from eval import run, summarize   # doctest: +SKIP
>>> rows = run(segment_text(reference_text), [segment_text(version_text)], get_embedder(),
...            second=get_embedder("use"))   # the CLI's default aligner mix
"""

from .facts import Fact, FactFlag, compare_facts, extract_facts
from .fidelity import FidelityConfig
from .pipeline import alignment_rows, choose_reference, run
from .scoring import score_rows
from .summary import PairSummary, summarize
from .tsv import COLUMNS, Row, read_rows, read_tsv, write_rows

score = score_rows

__all__ = [
    "COLUMNS",
    "Fact",
    "FactFlag",
    "FidelityConfig",
    "PairSummary",
    "Row",
    "alignment_rows",
    "choose_reference",
    "compare_facts",
    "extract_facts",
    "read_rows",
    "read_tsv",
    "run",
    "score",
    "score_rows",
    "summarize",
    "write_rows",
]
