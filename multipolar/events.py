"""Dated events (chapter 5): place dates on a time axis, derive the spans of the US bases, filter.

Dates are ISO strings at the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD), as in
``data/network_events.csv``.
"""

from __future__ import annotations

from datetime import date as _date

import pandas as pd

from . import catalog

__all__ = ["decimal_year", "days_between", "base_spans", "select_events", "BASE_NAMES"]

#: The US bases chapter 5 follows.
BASE_NAMES = dict(catalog.NETWORK_BASES)


def _parse(iso: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in str(iso).split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not an ISO date at year, month or day precision: {iso!r}")
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def decimal_year(iso: str) -> float:
    """A date as a fractional year. A year alone is placed at 1 July, a month at its 15th day."""
    y, m, d = _parse(iso)
    if m is None:
        m, d = 7, 1
    elif d is None:
        d = 15
    start = _date(y, 1, 1)
    return y + (_date(y, m, d) - start).days / (_date(y + 1, 1, 1) - start).days


def days_between(first: str, second: str) -> int:
    """Days from ``first`` to ``second``; both must be full dates (YYYY-MM-DD)."""
    a, b = _parse(first), _parse(second)
    if None in a or None in b:
        raise ValueError(f"days_between needs two full dates, got {first!r} and {second!r}")
    return (_date(*b) - _date(*a)).days


def base_spans(events: pd.DataFrame) -> pd.DataFrame:
    """One row per base: the start and end dates the events give ('' where no source dates it)."""
    rows = []
    for base, name in BASE_NAMES.items():
        mine = events[events["base"] == base]
        span = {"base": base, "name": name}
        for milestone in ("start", "end"):
            dates = list(mine.loc[mine["milestone"] == milestone, "date"])
            if len(dates) > 1:
                raise ValueError(
                    f"base {base}: {len(dates)} '{milestone}' rows, expected at most one"
                )
            span[milestone] = dates[0] if dates else ""
        rows.append(span)
    return pd.DataFrame(rows, columns=["base", "name", "start", "end"])


def select_events(
    events: pd.DataFrame, first: int, last: int, category: str = "all"
) -> pd.DataFrame:
    """Events from year ``first`` to ``last`` (inclusive), of one category or of all."""
    if first > last:
        raise ValueError(f"first year {first} is after last year {last}")
    keep = events["year"].between(first, last)
    if category != "all":
        if category not in set(events["category"]):
            raise ValueError(
                f"unknown category {category!r}; known: {sorted(set(events['category']))}"
            )
        keep &= events["category"] == category
    return events[keep].reset_index(drop=True)
