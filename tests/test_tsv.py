"""The TSV contract: columns, escaping, validation of what is read back."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.errors import InputError
from eval.tsv import COLUMNS, Row, escape, read_rows, unescape, write_rows


def _row(src_text: str = "a", tgt_text: str = "b", **kw: object) -> Row:
    base: dict[str, object] = dict(
        src_doc="en",
        tgt_doc="fr",
        src_lang="en",
        tgt_lang="fr",
        src_ids=(0,),
        tgt_ids=(0,),
        src_text=src_text,
        tgt_text=tgt_text,
        align_score=0.9,
        fidelity=0.8,
        flags=(),
    )
    base.update(kw)
    return Row(**base)  # type: ignore[arg-type]


def _roundtrip(rows: list[Row]) -> list[Row]:
    buf = io.StringIO()
    write_rows(rows, buf)
    return read_rows(buf.getvalue().split("\n"), "mem")


def test_header_is_the_contract_in_order() -> None:
    buf = io.StringIO()
    write_rows([_row()], buf)
    header = buf.getvalue().split("\n")[0].split("\t")
    assert header == list(COLUMNS)
    assert (
        header
        == "src_doc tgt_doc src_lang tgt_lang bead src_ids tgt_ids src_text tgt_text align_score fidelity flags".split()
    )


def test_escaping_is_the_documented_one() -> None:
    assert escape("a\\b\tc\nd\re") == "a\\\\b\\tc\\nd\\re"
    assert unescape("a\\\\b\\tc\\nd\\re") == "a\\b\tc\nd\re"
    assert unescape(escape("\\n")) == "\\n"


@given(st.text(), st.text())
def test_any_text_round_trips(src: str, tgt: str) -> None:
    back = _roundtrip([_row(src, tgt, flags=("dropped:date:last year",))])
    assert back[0].src_text == src and back[0].tgt_text == tgt
    assert back[0].flags == ("dropped:date:last year",)


def test_null_beads_have_empty_id_fields() -> None:
    buf = io.StringIO()
    write_rows([_row(tgt_text="", tgt_ids=(), align_score=0.0, fidelity=0.0)], buf)
    fields = buf.getvalue().split("\n")[1].split("\t")
    assert fields[4] == "1-0" and fields[5] == "0" and fields[6] == ""
    assert fields[9] == "0.0000" and fields[10] == "0.0000"


def test_unscored_rows_leave_fidelity_and_flags_empty() -> None:
    back = _roundtrip([_row(fidelity=None)])
    assert back[0].fidelity is None and back[0].flags == ()


def test_extra_columns_survive() -> None:
    back = _roundtrip([_row(extra={"mt_text": "x\ty"})])
    assert back[0].extra == {"mt_text": "x\ty"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("en\tfr\ten\tfr\t1-1\t0\tx\ta\tb\t0.5\t\t", "column tgt_ids"),
        ("en\tfr\ten\tfr\t2-1\t0\t0\ta\tb\t0.5\t\t", "column bead"),
        ("en\tfr\ten\tfr\t1-1\t0\t0\ta\tb\t1.5\t\t", "column align_score"),
        ("en\tfr\ten\tfr\t1-1\t0\t0\ta\tb\t0.5\tnan\t", "column fidelity"),
        ("en\tfr\ten\tfr\t1-1\t0\t0\ta\tb\t0.5\t\tbogus:x:y", "column flags"),
        ("en\tfr\ten\tfr\t1-1\t0\t0\ta", "expected 12"),
    ],
)
def test_malformed_lines_name_line_and_column(line: str, message: str) -> None:
    header = "\t".join(COLUMNS)
    with pytest.raises(InputError, match=rf"in.tsv:3: .*{message}"):
        read_rows([header, "en\tfr\ten\tfr\t1-1\t0\t0\ta\tb\t0.5\t\t", line], "in.tsv")


def test_wrong_header_is_refused() -> None:
    with pytest.raises(InputError, match=r"in\.tsv:1: header"):
        read_rows(["a\tb\tc", "1\t2\t3"], "in.tsv")
