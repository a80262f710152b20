"""Typed, validated loaders for the course's data files.

Every loader checks its file against the catalogue (:mod:`multipolar.catalog`, the same
description as ``data/datapackage.json``) and raises :class:`DataFileError` with the file,
row and column of the first problem, and what was expected.  Results are cached; each call
returns a fresh copy, so a notebook can change its DataFrame without affecting others.

    >>> from multipolar import data
    >>> gdp = data.gdp_population("wdi-2015-08")
"""

from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

import pandas as pd

from . import catalog

__all__ = [
    "DataFileError",
    "data_dir",
    "load",
    "stamp",
    "economies",
    "gdp_population",
    "paper_table2",
    "paper_growth_multiples",
    "factbook_2015",
    "gdp_ppp",
    "us_order_institutions",
    "surface_area",
    "factbook_sco_status",
    "sco_timeline",
    "vision_mechanisms",
    "mechanism_membership",
    "self_other_statements",
    "epilogue_events",
    "network_events",
    "network_figures",
    "rapprochement_figures",
    "claim_events",
    "claims_ledger",
    "argument_map",
    "map_countries",
    "map_places",
]


class DataFileError(ValueError):
    """A data file is missing or does not match its description in the catalogue."""


def data_dir() -> Path:
    """The folder the loaders read: $MULTIPOLAR_DATA if set, else the repository's data/."""
    env = os.environ.get("MULTIPOLAR_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "data"


def _where(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _check_column(name: str, values: pd.Series, field: dict, where: str) -> pd.Series:
    """Convert one column of strings to its declared type, or raise naming the first bad row."""
    col = field["name"]
    empty = values == ""
    if field.get("required") and empty.any():
        line = int(values.index[empty.argmax()]) + 2  # +1 header, +1 one-based
        raise DataFileError(
            f"{where}, row {line}, column '{col}': expected a value, found an empty cell"
        )
    kind = field["type"]
    if kind == "string":
        out = values.astype("str")
    else:
        numbers = pd.to_numeric(values.where(~empty), errors="coerce")
        bad = numbers.isna() & ~empty
        if kind == "integer":
            bad |= numbers.notna() & (numbers % 1 != 0)
        if bad.any():
            i = bad.argmax()
            line = int(values.index[i]) + 2
            raise DataFileError(
                f"{where}, row {line}, column '{col}': expected {'an integer' if kind == 'integer' else 'a number'}"
                f"{' (' + field['unit'] + ')' if field.get('unit') else ''}, found {values.iloc[i]!r}"
            )
        if kind == "integer":
            out = numbers.astype("int64") if field.get("required") else numbers.astype("Int64")
        else:
            out = numbers.astype("float64")
    for bound, test, word in (
        ("minimum", lambda s, b: s < b, "at least"),
        ("maximum", lambda s, b: s > b, "at most"),
    ):
        if bound in field:
            bad = test(out, field[bound]).fillna(False).astype(bool)
            if bad.any():
                i = bad.argmax()
                raise DataFileError(
                    f"{where}, row {int(values.index[i]) + 2}, column '{col}': expected a value {word} "
                    f"{field[bound]}, found {values.iloc[i]!r}"
                )
    if "enum" in field:
        allowed = {str(v) for v in field["enum"]}
        bad = ~values.isin(allowed) & ~empty
        if bad.any():
            i = bad.argmax()
            raise DataFileError(
                f"{where}, row {int(values.index[i]) + 2}, column '{col}': expected one of "
                f"{sorted(allowed)}, found {values.iloc[i]!r}"
            )
    return out


@functools.lru_cache(maxsize=32)
def _load_cached(name: str, path: str, mtime_ns: int) -> pd.DataFrame:
    res = catalog.RESOURCES[name]
    where = _where(Path(path))
    fields = res["fields"]
    expected = [f["name"] for f in fields]
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh), None)
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{where}: expected UTF-8 text, found bytes that are not ({exc.reason})"
        ) from None
    except pd.errors.EmptyDataError:
        raise DataFileError(
            f"{where}: the file is empty; expected a header row {expected}"
        ) from None
    except pd.errors.ParserError as exc:
        raise DataFileError(
            f"{where}: not a well-formed CSV file ({exc}); expected {len(expected)} columns per row"
        ) from None
    if header is None:
        raise DataFileError(f"{where}: the file is empty; expected a header row {expected}")
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing column(s) {missing}")
        if extra:
            parts.append(f"unexpected column(s) {extra}")
        raise DataFileError(f"{where}: {'; '.join(parts)}; expected the columns {expected}")
    if raw.empty:
        raise DataFileError(f"{where}: no data rows after the header")
    out = pd.DataFrame(
        {f["name"]: _check_column(f["name"], raw[f["name"]], f, where) for f in fields}
    )
    key = res.get("primaryKey")
    if key:
        dup = out.duplicated(subset=key)
        if dup.any():
            i = int(dup.to_numpy().argmax())
            shown = ", ".join(f"{k}={out.iloc[i][k]}" for k in key)
            raise DataFileError(
                f"{where}, row {i + 2}: duplicate key ({shown}); expected one row per {tuple(key)}"
            )
    return out


def stamp(name: str) -> tuple[str, int]:
    """Where data file ``name`` is and when it last changed (-1 if it is missing): a cache key
    that follows an edit of the file, or another data folder."""
    path = data_dir() / catalog.RESOURCES[name]["path"]
    return str(path), path.stat().st_mtime_ns if path.is_file() else -1


def load(name: str) -> pd.DataFrame:
    """Load one data file by its catalogue name (see ``data/datapackage.json``), validated and typed."""
    if name not in catalog.RESOURCES:
        raise KeyError(f"no data file called {name!r}; known: {sorted(catalog.RESOURCES)}")
    path = data_dir() / catalog.RESOURCES[name]["path"]
    if not path.is_file():
        raise DataFileError(
            f"{_where(path)}: file not found. Expected the course data file '{catalog.RESOURCES[name]['path']}' "
            "in the data folder; rebuild it with `python scripts/build_data.py` or set MULTIPOLAR_DATA."
        )
    return _load_cached(name, str(path), path.stat().st_mtime_ns).copy()


def economies() -> pd.DataFrame:
    """Codes, names and kind (economy or aggregate) of everything in the World Bank tables."""
    return load("wb_economies")


def gdp_population(vintage: str | None = None) -> pd.DataFrame:
    """GDP (current US$) and population by code and year; one vintage, or both if None."""
    df = load("wb_gdp_population")
    if vintage is None:
        return df
    if vintage not in catalog.VINTAGES:
        raise ValueError(f"unknown vintage {vintage!r}; choose one of {list(catalog.VINTAGES)}")
    return df[df["vintage"] == vintage].reset_index(drop=True)


def paper_table2() -> pd.DataFrame:
    """Table 2 of the paper as printed (long format: one row per table row and year)."""
    return load("paper_table2")


def paper_growth_multiples() -> pd.DataFrame:
    """China's GDP growth multiples as the paper states them."""
    return load("paper_growth_multiples")


def factbook_2015() -> pd.DataFrame:
    """CIA World Factbook 2015 figures for the SCO members, observers, the World and references."""
    return load("factbook_2015")


def gdp_ppp() -> pd.DataFrame:
    """GDP at purchasing power parity (current international $), World Bank vintage 2023-05, 1990-2021."""
    return load("wb_gdp_ppp")


def us_order_institutions() -> pd.DataFrame:
    """The institutions of the US-led order the paper names, with their founding documents and dates."""
    return load("us_order_institutions")


def surface_area() -> pd.DataFrame:
    """World Bank surface area (km2, land and inland water) by code and year, vintage 2026-07."""
    return load("wb_surface_area")


def factbook_sco_status() -> pd.DataFrame:
    """SCO participation as printed by the CIA World Factbook 2015 and 2025 editions."""
    return load("factbook_sco_status")


def sco_timeline() -> pd.DataFrame:
    """The events chapter 4 uses, each with its source (paper quotes checked by the build)."""
    return load("sco_timeline")


def vision_mechanisms() -> pd.DataFrame:
    """The 'Vision and Actions' mechanisms as the paper quotes them, with the Factbook's coverage of each."""
    return load("vision_mechanisms")


def mechanism_membership() -> pd.DataFrame:
    """Who takes part in SCO, ASEAN, APEC, CICA, GCC, LAS, BRICS, ARF and EAS: CIA World Factbook 2015."""
    return load("mechanism_membership")


def self_other_statements() -> pd.DataFrame:
    """Statements (resting on the paper's words) for the chapter 3 Self/Other classification exercise."""
    return load("self_other_statements")


def epilogue_events() -> pd.DataFrame:
    """Dated events after the paper (2015-2025) with their named sources (Factbook quotes checked by the build)."""
    return load("epilogue_events")


def network_events() -> pd.DataFrame:
    """Chapter 5's events (Andijan, the Astana declaration, the K2 and Manas bases), each with its source."""
    return load("network_events")


def network_figures() -> pd.DataFrame:
    """Chapter 5's figures (Andijan death tolls, aid, notice, Manas rent), each attributed; keyed by figure."""
    return load("network_figures")


def rapprochement_figures() -> pd.DataFrame:
    """Chapter 6: the numbers of the paper's section on the Sino-Russian rapprochement, each with the
    paper's words and the citation it gives (quotes checked by the build); keyed by figure."""
    return load("rapprochement_figures")


def claim_events() -> pd.DataFrame:
    """Dated events the paper states, each with an independent named source (the ledger checks against them)."""
    return load("claim_events")


def claims_ledger() -> pd.DataFrame:
    """Every quantitative or dated claim of the paper with its status (checked rows recomputed from data/)."""
    return load("claims_ledger")


def argument_map() -> pd.DataFrame:
    """Chapter 7: the nodes of the map of the paper's argument (quotes checked by the build); keyed by node."""
    return load("argument_map")


# ---------------------------------------------------------------- maps
def map_countries() -> pd.DataFrame:
    """Simplified Natural Earth country rings of the SCO region (one row per ring)."""
    return load("map_countries")


def map_places() -> pd.DataFrame:
    """Places chapters 4 and 5 name, with coordinates and their sources."""
    return load("map_places")
