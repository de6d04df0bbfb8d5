"""factalign's alignment package: segment versions of a document and pair their sentences.

>>> from align import segment_text, align_documents, get_embedder   # doctest: +SKIP
>>> alignment = align_documents(segment_text(ref), segment_text(version), get_embedder(),
...                             second=get_embedder("use"))   # as the CLI, by default
"""

from .aligner import AlignConfig, Alignment, Bead, align_documents
from .costs import CostConfig
from .document import Document, doc_id_from_path, load_document, segment_text
from .embedders import Embedder, get_embedder
from .errors import InputError, InputWarning, MissingBackendError

__version__ = "0.8.10"

__all__ = [
    "AlignConfig",
    "Alignment",
    "Bead",
    "CostConfig",
    "Document",
    "Embedder",
    "InputError",
    "InputWarning",
    "MissingBackendError",
    "align_documents",
    "doc_id_from_path",
    "get_embedder",
    "load_document",
    "segment_text",
]
