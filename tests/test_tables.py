"""CSV tables: exact headers and formula neutralisation."""

from __future__ import annotations

import csv
import io

import pytest

from graphbuild.fileio import render_csv, safe_cell
from graphbuild.outputs.tables import RELATIONS_HEADER


def test_tables_relations_header_is_the_documented_one() -> None:
    assert ",".join(RELATIONS_HEADER) == (
        "doc_id,subject,subject_type,subject_qid,subject_iso3,relation,object,object_type,object_qid,"
        "object_iso3,negated,modality,speaker,confidence,sentence,start,end"
    )


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Belarus", "Belarus"),
        (True, "true"),
        (0.8, "0.800"),
        (None, ""),
    ],
)
def test_tables_safe_cell_neutralises_formulas(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


def test_tables_render_csv_quotes_commas_quotes_and_newlines() -> None:
    text = render_csv(["a", "b"], [['He said "no", twice', "line1\nline2"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ['He said "no", twice', "line1\nline2"]]
