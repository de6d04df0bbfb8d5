"""The HTML report: highlighted facts, escaping, and the page as a real browser renders it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from eval.report import render_report
from eval.tsv import Row

from .test_cli import factalign

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MEETING_MARK = '<mark class="dropped" title="dropped:date:last year">last year</mark>'


def _section(page: str, prefix: str) -> str:
    match = re.search(
        rf'<section class="pair[^"]*" id="pair-\d+" data-src="[^"]*" data-tgt="{prefix}[^"]*">(.*?)</section>',
        page,
        re.S,
    )
    assert match, f"no section for {prefix}"
    return match.group(1)


def test_meeting_date_is_highlighted_where_dropped(seed_rows) -> None:  # type: ignore[no-untyped-def]
    page = render_report(seed_rows, signature="factalign:test")
    assert MEETING_MARK in _section(page, "000") and MEETING_MARK in _section(page, "002")
    assert "<mark" not in _section(page, "001")
    assert 'class="bead flagged omission"' in _section(page, "004")
    assert "signature: factalign:test" in page
    assert "http://" not in page and "https://" not in page


def test_text_is_escaped() -> None:
    row = Row(
        "en",
        "fr",
        "en",
        "fr",
        (0,),
        (0,),
        "<script>alert(1)</script> & 5 < 6",
        "x",
        0.9,
        0.5,
        ("added:number:5 < 6",),
    )
    page = render_report([row])
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page


def test_report_in_a_headless_browser(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's chromium (.ci/run installs it)")
        pytest.skip("Debian package chromium is not installed")
    scored = tmp_path / "seeds.tsv"
    page = tmp_path / "report.html"
    assert (
        factalign(
            "run", "-q", "--ref", "seeds/003_547da99c0c626299.txt", "-o", str(scored)
        ).returncode
        == 0
    )
    done = factalign("report", str(scored), "-o", str(page))
    assert done.returncode == 0, done.stderr
    common = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert MEETING_MARK in _section(dom, "000") and MEETING_MARK in _section(dom, "002")
    assert "<mark" not in _section(dom, "001")
    shot = tmp_path / "report.png"
    subprocess.run(
        [*common, "--window-size=1400,1000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
