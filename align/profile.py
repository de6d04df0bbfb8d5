"""Where a run's time goes: CPU and wall seconds per component.

Off unless ``FACTALIGN_PROFILE`` names a file: then every :func:`phase` adds its time to
its component, and the totals are written there as JSON when the process ends
(``bench/speed.py`` reads them). Time is exclusive: a model call inside the alignment
counts as the model's, not the alignment's. CPU time is the process's, all threads, so
the models' own threads are counted where they run.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

_TARGET = os.environ.get("FACTALIGN_PROFILE", "")
_totals: dict[str, list[float]] = {}
_local = threading.local()
F = TypeVar("F", bound=Callable[..., Any])


def enabled() -> bool:
    return bool(_TARGET)


@contextlib.contextmanager
def phase(name: str) -> Iterator[None]:
    """Count the time of the block towards component ``name`` (less its nested phases)."""
    if not _TARGET:
        yield
        return
    stack: list[list[float]] = _local.__dict__.setdefault("stack", [])
    names: list[str] = _local.__dict__.setdefault("names", [])
    frame = [time.process_time(), time.perf_counter(), 0.0, 0.0]
    stack.append(frame)
    names.append(name)
    try:
        yield
    finally:
        stack.pop()
        names.pop()
        cpu = time.process_time() - frame[0]
        wall = time.perf_counter() - frame[1]
        key = f"{names[0]} / {name}" if names else name
        for counted in {name, key}:
            total = _totals.setdefault(counted, [0.0, 0.0, 0.0])
            total[0] += cpu - frame[2]
            total[1] += wall - frame[3]
            total[2] += 1
        if stack:
            stack[-1][2] += cpu
            stack[-1][3] += wall


def phased(name: str) -> Callable[[F], F]:
    """Decorator: every call of the function is a :func:`phase` of component ``name``;
    when profiling is off, the function itself, with nothing in its way."""

    def wrap(function: F) -> F:
        if not _TARGET:
            return function

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with phase(name):
                return function(*args, **kwargs)

        return timed  # type: ignore[return-value]

    return wrap


def totals() -> dict[str, dict[str, float]]:
    """Per component: ``cpu`` and ``wall`` seconds and ``calls``; ``outer / inner`` keys
    split a component by the outermost phase it ran in (``alignment search / embeddings``)."""
    return {k: {"cpu": v[0], "wall": v[1], "calls": v[2]} for k, v in _totals.items()}


def _write() -> None:
    with contextlib.suppress(OSError), open(_TARGET, "w", encoding="utf-8") as out:
        json.dump(totals(), out, indent=1)


if _TARGET:
    atexit.register(_write)
