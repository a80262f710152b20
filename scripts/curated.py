"""Read and check the hand-curated tables in ``curated/`` (standard library only).

Each CSV file there has a header of named columns; ``multipolar/catalog.py`` (``CURATED``) says
which columns a table has, which may not be empty, and, through the ``data/`` resource the table
feeds, each column's type and allowed values. :func:`read` returns the rows as dicts with typed
values: strings stay strings ('' when empty), integers and numbers become ``int`` or ``float``
(``None`` when empty). The checks that need the paper or the Factbook (quotes verbatim, citations)
are in ``scripts/build_data.py``, which calls this module.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from multipolar import catalog  # noqa: E402

FOLDER = ROOT / "curated"


class CuratedError(ValueError):
    """A curated file is missing or a row in it is malformed."""


def _number(text: str, where: str, integer: bool) -> int | float:
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if integer:
        raise CuratedError(f"{where}: expected a whole number, found {text!r}")
    try:
        return float(text)
    except ValueError:
        raise CuratedError(f"{where}: expected a number, found {text!r}") from None


def typed(table: str, column: str, text: str, where: str):
    """One cell of a curated table, typed and checked against the catalogue."""
    spec = catalog.curated_field(table, column)
    if text == "":
        if column in catalog.CURATED[table]["required"]:
            raise CuratedError(f"{where}: may not be empty")
        return None if spec["type"] in ("integer", "number") else ""
    if text != text.strip():
        raise CuratedError(f"{where}: leading or trailing spaces in {text!r}")
    value = text
    if spec["type"] in ("integer", "number"):
        value = _number(text, where, spec["type"] == "integer")
    if "enum" in spec and value not in spec["enum"]:
        raise CuratedError(f"{where}: {value!r} is not one of {spec['enum']}")
    return value


def read(table: str, folder: Path | None = None) -> list[dict]:
    """The rows of curated table ``table`` (see ``catalog.CURATED``), typed and checked."""
    spec = catalog.CURATED[table]
    path = (folder or FOLDER) / spec["path"]
    name = f"curated/{spec['path']}"
    if not path.is_file():
        raise CuratedError(f"{name}: file not found ({path})")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != spec["columns"]:
            raise CuratedError(f"{name}: expected the columns {spec['columns']}, found {header}")
        rows = []
        for cells in reader:
            line = reader.line_num
            if not any(cells):
                continue
            if len(cells) != len(header):
                raise CuratedError(
                    f"{name}, line {line}: {len(cells)} cells for {len(header)} columns"
                )
            rows.append(
                {
                    col: typed(table, col, text, f"{name}, line {line}, column '{col}'")
                    for col, text in zip(header, cells)
                }
            )
    if not rows:
        raise CuratedError(f"{name}: no rows")
    return rows
