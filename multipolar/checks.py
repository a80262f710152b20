"""Friendly answer checks for the graded exercises.

Every function here either returns quietly (often the cleaned-up value) or raises
``AssertionError`` with a message written for a student: what is wrong and what kind of
answer was expected (type, unit, range) -- never the expected value itself.  Otter shows the
message of a failed assertion, so a wrong *type* (text, ``None``, a Series, the ``...``
placeholder) gives a sentence, not a traceback.

    >>> from multipolar import checks
    >>> checks.expect_number(0.224, "us_share_2013", lo=0, hi=100, unit="%")
    Traceback (most recent call last):
    ...
    AssertionError: us_share_2013 should be a percentage between 0 and 100; you gave 0.224, which looks like a fraction: multiply by 100.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Sequence
from typing import Any

__all__ = [
    "describe", "expect_answered", "expect_number", "expect_close", "expect_function",
    "call_student", "expect_frame", "expect_column_close", "expect_axes", "line_labelled",
    "expect_series_close", "bars_labelled", "axis_texts",
]


def describe(value: Any) -> str:
    """A short, student-readable description of what a value is."""
    if value is Ellipsis:
        return "the placeholder `...`"
    if value is None:
        return "None (nothing; did your function forget to `return`?)"
    if isinstance(value, bool):
        return f"a True/False value ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"text ({shown!r})"
    kind = type(value)
    module = kind.__module__.split(".")[0]
    if module == "pandas":
        if kind.__name__ == "Series":
            return f"a pandas Series with {len(value)} value(s)"
        if kind.__name__ == "DataFrame":
            return f"a pandas DataFrame with {value.shape[0]} row(s) and {value.shape[1]} column(s)"
    if module == "numpy" and hasattr(value, "shape") and getattr(value, "ndim", 0) > 0:
        return f"a numpy array of shape {tuple(value.shape)}"
    if isinstance(value, (list, tuple, set, dict)):
        return f"a {kind.__name__} with {len(value)} item(s)"
    if isinstance(value, numbers.Number):
        return f"the number {value!r}"
    return f"an object of type {kind.__name__}"


def expect_answered(value: Any, name: str) -> None:
    """Fail with a clear message if the answer is still the ``...`` placeholder."""
    if value is Ellipsis:
        raise AssertionError(f"{name} is still the placeholder `...`: replace it with your answer and run the cell.")


def _unit_words(unit: str) -> str:
    return {"%": "a percentage", "times": "a multiple (how many times larger)"}.get(unit, "a number")


def expect_number(value: Any, name: str, lo: float | None = None, hi: float | None = None,
                  unit: str = "") -> float:
    """Check that ``value`` is one finite number (optionally in [lo, hi]); return it as float.

    ``unit`` is used in the message: '%' for percentages, 'times' for multiples, or any unit
    name ('billion US$').
    """
    expect_answered(value, name)
    kind = _unit_words(unit) if unit in ("%", "times") else "a number" + (f" (in {unit})" if unit else "")
    single = None
    if isinstance(value, bool) or value is None or isinstance(value, str):
        single = None
    elif isinstance(value, numbers.Real):
        single = float(value)
    elif hasattr(value, "shape") and getattr(value, "shape", None) == () and hasattr(value, "item"):
        single = float(value.item())  # a numpy scalar or 0-d array
    if single is None:
        hint = ""
        if isinstance(value, str):
            hint = " Give a number, not text: remove the quotation marks."
        elif hasattr(value, "iloc") or (hasattr(value, "shape") and getattr(value, "ndim", 0) > 0):
            hint = " Pick out the single number you need (e.g. with `.loc[...]` or `float(...)`)."
        elif value is None:
            hint = " Make sure the expression (or your function) gives back a value."
        raise AssertionError(f"{name} should be {kind}; you gave {describe(value)}.{hint}")
    if math.isnan(single) or math.isinf(single):
        raise AssertionError(f"{name} should be {kind}; you gave {single!r}. Check for missing years in the data.")
    if lo is not None and hi is not None and not lo <= single <= hi:
        msg = f"{name} should be {kind} between {lo:g} and {hi:g}; you gave {single:g}"
        if unit == "%" and 0 < abs(single) <= 1:
            msg += ", which looks like a fraction: multiply by 100"
        raise AssertionError(msg + ".")
    if lo is not None and hi is None and single < lo:
        raise AssertionError(f"{name} should be {kind} of at least {lo:g}; you gave {single:g}.")
    if hi is not None and lo is None and single > hi:
        raise AssertionError(f"{name} should be {kind} of at most {hi:g}; you gave {single:g}.")
    return single


def expect_close(value: Any, expected: float, name: str, rel: float = 1e-3, hint: str = "",
                 unit: str = "") -> None:
    """Check ``value`` is a number within ``rel`` (relative) of ``expected``, without revealing it."""
    got = expect_number(value, name, unit=unit)
    if not math.isclose(got, expected, rel_tol=rel, abs_tol=1e-12):
        msg = (f"{name} ({got:g}) differs from the value computed from the course data "
               f"by more than {rel * 100:g}%.")
        raise AssertionError(msg + (f" {hint}" if hint else ""))


def expect_function(value: Any, name: str) -> Callable:
    """Check that ``value`` is something we can call (a function)."""
    expect_answered(value, name)
    if not callable(value):
        raise AssertionError(f"{name} should be a function (defined with `def {name}(...)`); you gave {describe(value)}.")
    return value


def call_student(func: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    """Call a student's function; turn any error it raises into a one-line message."""
    expect_function(func, name)
    shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
    try:
        return func(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - any student error becomes a message
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise AssertionError(
            f"calling {name}({shown}) raised {type(exc).__name__}" + (f": {text}" if text else "")
            + ". Run it yourself in a cell to see why."
        ) from None


def expect_frame(df: Any, name: str, columns: Sequence[str], n_rows: int | None = None) -> None:
    """Check ``df`` is a DataFrame with (at least) ``columns`` and, optionally, ``n_rows`` rows."""
    expect_answered(df, name)
    if type(df).__name__ != "DataFrame" or not hasattr(df, "columns"):
        hint = " Use `.to_frame()` or `pd.DataFrame(...)`." if type(df).__name__ == "Series" else ""
        raise AssertionError(f"{name} should be a pandas DataFrame; you gave {describe(df)}.{hint}")
    have = [str(c) for c in df.columns]
    missing = [c for c in columns if c not in have]
    if missing:
        raise AssertionError(
            f"{name} is missing the column(s) {missing}; it should have the columns {list(columns)} "
            f"(it has {have}). If a column is in the index, use `.reset_index()`."
        )
    if n_rows is not None and len(df) != n_rows:
        raise AssertionError(f"{name} should have {n_rows} row(s), one per year asked for; it has {len(df)}.")


def _as_float_list(values: Iterable[Any]) -> list[float]:
    out = []
    for v in values:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            out.append(math.nan)
    return out


def expect_series_close(got: Iterable[Any], expected: Iterable[float], name: str, keys: Sequence[Any],
                        rel: float = 1e-3, hint: str = "") -> None:
    """Compare two equally long sequences; name the first key (e.g. year) that differs."""
    g, e = _as_float_list(got), _as_float_list(expected)
    if len(g) != len(e):
        raise AssertionError(f"{name} has {len(g)} value(s); it should have {len(e)} (one per year in {keys[0]}-{keys[-1]}).")
    for k, a, b in zip(keys, g, e):
        if math.isnan(a) or not math.isclose(a, b, rel_tol=rel, abs_tol=1e-9):
            what = "is missing or not a number" if math.isnan(a) else (
                f"({a:g}) differs from the value computed from the course data by more than {rel * 100:g}%")
            raise AssertionError(f"{name} for {k} {what}." + (f" {hint}" if hint else ""))


def expect_column_close(df: Any, column: str, expected: Iterable[float], name: str, key: str,
                        keys: Sequence[Any], rel: float = 1e-3, hint: str = "") -> None:
    """Check ``df[column]`` row by row (matched on ``df[key]``) against ``expected``."""
    expect_frame(df, name, [key, column])
    rows = {}
    for k, v in zip(df[key], df[column]):
        try:
            rows[int(k)] = v
        except (TypeError, ValueError):
            rows[k] = v
    missing = [k for k in keys if k not in rows]
    if missing:
        raise AssertionError(f"{name} has no row for {key} {missing}; it should have one row for each of {list(keys)}.")
    expect_series_close([rows[k] for k in keys], expected, f"{name}['{column}']", list(keys), rel, hint)


def expect_axes(ax: Any, name: str, min_lines: int = 1) -> None:
    """Check ``ax`` is a matplotlib Axes with at least ``min_lines`` plotted lines."""
    expect_answered(ax, name)
    if type(ax).__name__ == "Figure" and getattr(ax, "axes", None):
        raise AssertionError(f"{name} should be the Axes (the plotting area), not the whole Figure: use `fig, ax = plt.subplots()` and give back `ax`.")
    if not (hasattr(ax, "get_lines") and hasattr(ax, "get_ylabel")):
        raise AssertionError(f"{name} should be a matplotlib Axes (e.g. from `fig, ax = plt.subplots()`); you gave {describe(ax)}.")
    n = len(ax.get_lines())
    if n < min_lines:
        raise AssertionError(f"{name} should show at least {min_lines} line(s) (drawn with `ax.plot`); it has {n}.")


def line_labelled(ax: Any, word: str, name: str) -> Any:
    """The one line on ``ax`` whose label contains ``word`` (case-insensitive)."""
    expect_axes(ax, name)
    labels = [line.get_label() for line in ax.get_lines()]
    hits = [line for line in ax.get_lines() if word.lower() in str(line.get_label()).lower()]
    if len(hits) != 1:
        shown = [lab for lab in labels if not str(lab).startswith("_")] or "no labels"
        raise AssertionError(
            f"{name} should have exactly one line whose label contains '{word}' (set it with "
            f"`ax.plot(..., label='{word}')`); the labels are {shown}."
        )
    return hits[0]


def bars_labelled(ax: Any, label: str, name: str, n_bars: int | None = None) -> Any:
    """The one set of bars on ``ax`` whose label is ``label`` (case-insensitive, exact).

    Returns the matplotlib ``BarContainer``; its ``datavalues`` are the bar heights (or the
    widths, for horizontal bars).  ``n_bars``: how many bars the set should have.
    """
    expect_axes(ax, name, min_lines=0)
    sets = [c for c in getattr(ax, "containers", []) if hasattr(c, "datavalues")]
    labels = [str(c.get_label()) for c in sets]
    hits = [c for c in sets if str(c.get_label()).strip().lower() == label.strip().lower()]
    if len(hits) != 1:
        shown = [lab for lab in labels if not lab.startswith("_")] or "no labels"
        raise AssertionError(
            f"{name} should have exactly one set of bars labelled '{label}' (draw it with "
            f"`ax.bar(..., label='{label}')` or let pandas name it after a column); "
            f"it has {len(sets)} set(s) of bars, labelled {shown}."
        )
    if n_bars is not None and len(hits[0].datavalues) != n_bars:
        raise AssertionError(f"the bars labelled '{label}' in {name} should be {n_bars}; there are {len(hits[0].datavalues)}.")
    return hits[0]


def axis_texts(ax: Any) -> str:
    """The axis labels, tick labels and title of ``ax`` as one lower-case string (to look for words)."""
    parts = [ax.get_xlabel(), ax.get_ylabel(), ax.get_title()]
    parts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return " ".join(parts).lower()
