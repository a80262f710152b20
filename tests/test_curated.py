"""curated/: rows read with named, typed fields; bad rows get clear messages."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from multipolar import catalog, claims

sys.path.insert(0, str(ROOT / "scripts"))
import curated  # noqa: E402


@pytest.fixture
def folder(tmp_path):
    """A scratch copy of curated/ to break."""
    shutil.copytree(ROOT / "curated", tmp_path / "curated")
    return tmp_path / "curated"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "table", [t for t, spec in catalog.CURATED.items() if spec["path"].endswith(".csv")]
)
def test_every_curated_table_reads_with_named_typed_fields(table):
    rows = curated.read(table)
    spec = catalog.CURATED[table]
    assert rows and all(list(r) == spec["columns"] for r in rows)
    for col in spec["columns"]:
        field = catalog.curated_field(table, col)
        for r in rows:
            value = r[col]
            if field["type"] == "integer":
                assert value is None or isinstance(value, int), (table, col, value)
            elif field["type"] == "number":
                assert value is None or isinstance(value, (int, float)), (table, col, value)
            else:
                assert isinstance(value, str), (table, col, value)
            if "enum" in field and value not in ("", None):
                assert value in field["enum"]


def test_every_curated_file_is_listed_in_the_catalogue():
    on_disk = {p.name for p in (ROOT / "curated").iterdir() if p.suffix in (".csv", ".toml")}
    assert on_disk == {spec["path"] for spec in catalog.CURATED.values()}


def test_a_value_outside_the_catalogue_is_named_with_file_line_and_column(folder):
    _edit(folder / "network_events.csv", ",host decision,", ",host indecision,")
    with pytest.raises(curated.CuratedError) as err:
        curated.read("network_events", folder)
    message = str(err.value)
    lines = (folder / "network_events.csv").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if ",host indecision," in text)
    assert f"curated/network_events.csv, line {line}, column 'category'" in message
    assert "'host indecision'" in message and "host decision" in message


def test_a_renamed_column_and_an_empty_required_cell_are_rejected(folder):
    _edit(folder / "sco_timeline.csv", "date,precision,kind", "when,precision,kind")
    with pytest.raises(curated.CuratedError, match="expected the columns"):
        curated.read("sco_timeline", folder)
    _edit(folder / "argument_map.csv", "\nP1,premise,1,", "\nP1,premise,,")
    with pytest.raises(curated.CuratedError, match=r"line 3, column 'chapter': may not be empty"):
        curated.read("argument_map", folder)


def test_words_in_a_number_column_are_rejected(folder):
    _edit(folder / "rapprochement_figures.csv", ",400,US$ billion,", ",four hundred,US$ billion,")
    with pytest.raises(curated.CuratedError, match="column 'value': expected a number"):
        curated.read("rapprochement_figures", folder)


def test_the_build_reports_a_bad_curated_row_without_a_traceback(folder, sources, tmp_path):
    _edit(folder / "epilogue_events.csv", "2016-01-16,day,AIIB", "2016-01-16,day,AIIBB")
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_data.py"),
            "--sources",
            str(sources),
            "--curated",
            str(folder),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "curated/epilogue_events.csv" in run.stderr and "column 'topic'" in run.stderr
    assert "Traceback" not in run.stderr


# ---------------------------------------------------------------- claims.toml
def test_claims_load_fills_every_field():
    spec = claims.load()
    assert len(spec) == len({c["key"] for c in spec}) > 100
    for c in spec:
        assert {"key", "chapter", "claim", "quote", "source", "value", "note"} <= set(c)
        assert ("check" in c) != ("status" in c)


def test_claims_are_read_again_after_an_edit(folder):
    """An instructor who corrects curated/claims.toml in a running kernel sees the correction
    (the cache follows the file's modification time)."""
    import os

    path = folder / "claims.toml"
    before = claims.load(path)
    mtime = path.stat().st_mtime_ns
    _edit(path, 'key = "aid_8m"', 'key = "aid_8m_corrected"')
    os.utime(path, ns=(mtime + 10**9, mtime + 10**9))
    after = claims.load(path)
    keys = lambda spec: {c["key"] for c in spec}  # noqa: E731
    assert "aid_8m" in keys(before) and "aid_8m_corrected" not in keys(before)
    assert "aid_8m_corrected" in keys(after) and "aid_8m" not in keys(after)


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('key = "aid_8m"', 'key = "aid_8m"\nsauce = "x"', "unknown fields"),
        (
            'key = "aid_8m"\nchapter = 5',
            'key = "aid_8m"\nchapter = "5"',
            "'chapter' has the wrong type",
        ),
        (
            'key = "aid_8m"\nchapter = 5',
            'key = "aid_8m"\nchapter = 9',
            "chapter 9 is not a section",
        ),
        (
            'status = "not checkable with the course\'s data"',
            'status = "sort of true"',
            "is not one of",
        ),
        ('[[claim]]\nkey = "aid_8m"', '[[claim]\nkey = "aid_8m"', "not valid TOML"),
    ],
)
def test_claims_file_errors_name_the_claim(folder, old, new, message):
    path = folder / "claims.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('key = "aid_8m"')
    block_end = text.find("[[claim]]", start)
    block = text[text.rindex("[[claim]]", 0, start) : block_end]
    assert old in block, old
    path.write_text(text.replace(block, block.replace(old, new, 1), 1), encoding="utf-8")
    with pytest.raises(claims.ClaimsFileError, match=message):
        claims.load(path)
