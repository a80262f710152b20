"""Friendly answer checks for the graded exercises.

Every function here either returns quietly (often the cleaned-up value) or raises
``AssertionError`` with a message written for a student: what is wrong and what kind of
answer was expected (type, unit, range) -- never the expected value itself.  Every check
first calls :func:`guard`, so an answer that is not set (a typo in its name, a cell that
stopped with an error), still the ``...`` placeholder, or ``None`` gets its own sentence.
Magnitude bands fit the unit, and a value that a unit slip would explain is named as such:

    >>> from multipolar import checks
    >>> checks.expect_number(0.224, "us_share_2013", lo=1, hi=100, unit="%")
    Traceback (most recent call last):
    ...
    AssertionError: us_share_2013 should be a percentage between 1 and 100; you gave 0.224, which looks like a fraction: multiply by 100.
    >>> checks.expect_number(1.5e12, "gdp_bn", lo=10, hi=1e5, unit="billion US$")
    Traceback (most recent call last):
    ...
    AssertionError: gdp_bn should be a number in billion US$ between 10 and 100000; you gave 1.5e+12, which looks like US$, not billions: divide by 1e9.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from multipolar.feedback import NotSet

__all__ = [
    "guard",
    "describe",
    "expect_answered",
    "expect_number",
    "expect_numbers",
    "expect_years",
    "expect_close",
    "expect_function",
    "call_student",
    "expect_raises",
    "expect_frame",
    "expect_column_close",
    "expect_axes",
    "line_labelled",
    "expect_series_close",
    "bars_labelled",
    "axis_texts",
]


def guard(value: Any, name: str) -> None:
    """Fail with the right sentence if ``value`` is not an answer at all.

    Not set (never assigned, or its cell stopped with an error), the ``...`` placeholder, or
    ``None``.  Every public check calls this first.
    """
    if isinstance(value, NotSet):
        if value.error:
            still = (
                f", so `{name}` still holds its value from before"
                if getattr(value, "stale", False)
                else ""
            )
            raise AssertionError(
                f"the cell that sets `{name}` stopped with {value.error}{still}. Fix that "
                f"error, run the cell again, then run this check."
            )
        raise AssertionError(
            f"`{name}` is not set: check the spelling of its name and run "
            f"its cell, then run this check again."
        )
    if value is Ellipsis:
        raise AssertionError(
            f"`{name}` is still the placeholder `...`: replace it with your "
            f"answer and run the cell."
        )
    if value is None:
        if "(" in name:
            raise AssertionError(
                f"{name} gave None (nothing): your function should end with "
                f"`return ...` to give back its result."
            )
        raise AssertionError(
            f"`{name}` is None (nothing). If it is the result of your function, the function "
            f"should end with `return ...`; `{name} = print(...)` also gives None."
        )


def describe(value: Any) -> str:
    """A short, student-readable description of what a value is."""
    if isinstance(value, NotSet):
        return "nothing (the name is not set)"
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
        if kind.__name__ == "Timestamp":
            return f"a date ({value})"
    if module == "numpy" and hasattr(value, "shape") and getattr(value, "ndim", 0) > 0:
        return f"a numpy array of shape {tuple(value.shape)}"
    if isinstance(value, (list, tuple, set, dict)):
        return f"a {kind.__name__} with {len(value)} item(s)"
    if isinstance(value, numbers.Number):
        # a numpy scalar as a plain number: "the number 2.5", not "the number np.float64(2.5)"
        return f"the number {value.item() if hasattr(value, 'item') else value!r}"
    return f"an object of type {kind.__name__}"


def expect_answered(value: Any, name: str) -> None:
    """Fail with a clear message if the answer is not set, a placeholder or None."""
    guard(value, name)


#: Words for a unit in a message.
_UNIT_WORDS = {
    "%": "a percentage",
    "% change": "a percentage change",
    "percentage points": "a difference in percentage points",
    "times": "a multiple (how many times larger)",
    "fraction": "a fraction",
}

#: Unit slips: (factor that would fix the value, what the value looks like).
# not data: the rules the checks' messages follow, one list per unit
_SLIPS: dict[str, list[tuple[Any, str]]] = {
    "%": [
        (100, "looks like a fraction: multiply by 100"),
        (
            "amount",
            "looks like an amount, not a share: divide by the world total and multiply by 100",
        ),
    ],
    "percentage points": [
        (100, "looks like a difference of fractions: work with shares in percent (multiply by 100)")
    ],
    "% change": [
        ("sign", "has the wrong sign: a fall is negative, (new - old) / old x 100"),
        ("ratio", "looks like a ratio (new / old): a % change is (new - old) / old x 100"),
        (100, "looks like a fraction: multiply by 100"),
    ],
    "times": [
        (
            0.01,
            "looks like a percentage: a multiple is one value divided by the other, "
            "not multiplied by 100",
        ),
        (
            "inverse",
            "looks like the inverse: divide the later (or larger) value by the "
            "earlier (or smaller) one",
        ),
    ],
    "fraction": [
        (0.01, "looks like a percentage: give a fraction between 0 and 1, not multiplied by 100")
    ],
    "billion US$": [
        (1e-9, "looks like US$, not billions: divide by 1e9"),
        (1e-3, "looks like millions of US$: divide by 1000"),
        (1e3, "looks like trillions of US$: multiply by 1000"),
    ],
    "US$": [
        (1e9, "looks like billions of US$: give plain US$ (multiply by 1e9)"),
        (1e6, "looks like millions of US$: give plain US$ (multiply by 1e6)"),
        (1e12, "looks like trillions of US$: give plain US$ (multiply by 1e12)"),
    ],
    "million persons": [
        (1e-6, "looks like persons, not millions: divide by 1e6"),
        (1e-3, "looks like thousands of persons: divide by 1000"),
        (1e3, "looks like billions of persons: multiply by 1000"),
    ],
    "thousand km²": [
        (1e-3, "looks like km², not thousands of km²: divide by 1000"),
        (1e3, "looks like millions of km²: multiply by 1000"),
    ],
    "bcm": [
        (1e3, "looks like trillion cubic metres (tcm): 1 tcm = 1000 bcm"),
        (1e-9, "looks like cubic metres: 1 bcm = 1e9 m³"),
    ],
    "US$ per thousand m³": [
        (1e3, "looks like a price per cubic metre: multiply by 1000 for a thousand m³"),
        (1e-3, "looks like a price per million m³: divide by 1000"),
        (1e9, "looks like the value was in billions of US$: give it in US$"),
        (1e-6, "looks like the volume was not converted: 1 bcm = 1e6 thousand m³"),
    ],
}


def _in_band(
    x: float, lo: float | None, hi: float | None, magnitude: tuple[float, float] | None
) -> bool:
    if lo is not None and x < lo:
        return False
    if hi is not None and x > hi:
        return False
    if magnitude is not None and not magnitude[0] <= abs(x) <= magnitude[1]:
        return False
    return True


def _slip(
    x: float, lo: float | None, hi: float | None, unit: str, magnitude: tuple[float, float] | None
) -> str:
    """What unit slip would explain ``x`` being outside the band ('' if none does)."""
    for factor, words in _SLIPS.get(unit, []):
        if factor == "sign":
            fixed = -x
        elif factor == "ratio":
            fixed = (x - 1) * 100 if 0 < x < 3 else math.nan
        elif factor == "inverse":
            fixed = 1 / x if x > 0 else math.nan
        elif factor == "amount":
            if hi is not None and x > 1000 * hi:
                return words
            continue
        else:
            fixed = x * factor
        if not math.isnan(fixed) and _in_band(fixed, lo, hi, magnitude):
            return words
    if x != 0:
        for power in (2, 3, 6, 9, -2, -3, -6, -9):
            if _in_band(x * 10.0**power, lo, hi, magnitude):
                return (
                    f"is off by a factor of 10^{abs(power)}: check its unit "
                    f"({unit or 'see the question'})"
                )
    return ""


#: Units that are counts: "a number of days", not "a number in days".
_COUNTS = {"days", "entities", "mechanisms", "claims", "backers", "events"}


def _kind(unit: str) -> str:
    if unit in _UNIT_WORDS:
        return _UNIT_WORDS[unit]
    if unit in _COUNTS:
        return f"a number of {unit}"
    if unit in ("year", "score"):
        return f"a {unit}"
    return "a number" + (f" in {unit}" if unit else "")


def _as_single(value: Any) -> float | None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    if isinstance(value, numbers.Real):
        return float(value)
    if hasattr(value, "shape") and getattr(value, "shape", None) == () and hasattr(value, "item"):
        try:
            return float(value.item())  # a numpy scalar or 0-d array
        except (TypeError, ValueError):
            return None
    return None


def expect_number(
    value: Any,
    name: str,
    lo: float | None = None,
    hi: float | None = None,
    unit: str = "",
    magnitude: tuple[float, float] | None = None,
) -> float:
    """Check that ``value`` is one finite number in its band; return it as float.

    ``lo``/``hi`` bound the value; ``magnitude=(a, b)`` bounds its size whatever its sign
    (for changes whose sign is part of the answer).  ``unit`` names the unit in the message
    ('%', '% change', 'percentage points', 'times', 'fraction', 'billion US$', 'US$',
    'million persons', 'thousand km²', 'bcm', 'US$ per thousand m³' or any word); a value a
    unit slip would explain is named as that slip.
    """
    guard(value, name)
    kind = _kind(unit)
    single = _as_single(value)
    if single is None:
        hint = ""
        if isinstance(value, str):
            hint = " Give a number, not text: remove the quotation marks."
        elif hasattr(value, "iloc") or (hasattr(value, "shape") and getattr(value, "ndim", 0) > 0):
            hint = " Pick out the single number you need (e.g. with `.loc[...]` or `float(...)`)."
        elif isinstance(value, (list, tuple, set)):
            hint = " Give one number, not a collection."
        elif type(value).__name__ == "Timedelta":
            hint = " Take the number of days with `.days`."
        raise AssertionError(f"{name} should be {kind}; you gave {describe(value)}.{hint}")
    if math.isnan(single) or math.isinf(single):
        raise AssertionError(
            f"{name} should be {kind}; you gave {single!r}. "
            "Check for missing years or a division by zero."
        )
    if _in_band(single, lo, hi, magnitude):
        return single
    if lo is not None and hi is not None:
        band = f" between {lo:g} and {hi:g}"
    elif lo is not None:
        band = f" of at least {lo:g}"
    elif hi is not None:
        band = f" of at most {hi:g}"
    else:
        band = ""
    if magnitude is not None:
        size = f"{magnitude[0]:g} and {magnitude[1]:g} in size (plus or minus)"
        band = f" between {size}" if not band else f"{band}, and between {size}"
    msg = f"{name} should be {kind}{band}; you gave {single:g}"
    slip = _slip(single, lo, hi, unit, magnitude)
    raise AssertionError(msg + (f", which {slip}" if slip else "") + ".")


def expect_numbers(
    values: Any,
    name: str,
    lo: float | None = None,
    hi: float | None = None,
    unit: str = "",
    magnitude: tuple[float, float] | None = None,
) -> list[float]:
    """Check every value of a column, a line's y data or a set of bars (see expect_number)."""
    guard(values, name)
    try:
        items = list(values)
    except TypeError:
        raise AssertionError(
            f"{name} should be several numbers; you gave {describe(values)}."
        ) from None
    if not items:
        raise AssertionError(f"{name} has no values.")
    return [expect_number(v, f"each value in {name}", lo, hi, unit, magnitude) for v in items]


def expect_years(values: Any, name: str, years: Sequence[int], ordered: bool = False) -> None:
    """Check a column of years holds exactly ``years`` (whole numbers; in order if asked)."""
    guard(values, name)
    got = []
    for v in values:
        if type(v).__name__ == "Timestamp":
            raise AssertionError(
                f"{name} should hold years as whole numbers (e.g. 2005); it "
                f"holds dates such as {v}. Use `.dt.year`."
            )
        single = _as_single(v)
        if single is None or math.isnan(single) or not single.is_integer():
            raise AssertionError(
                f"{name} should hold years as whole numbers (e.g. 2005); it holds {describe(v)}."
            )
        got.append(int(single))
    want = list(years)
    span = (
        f"{want[0]}-{want[-1]}"
        if want == list(range(want[0], want[-1] + 1))
        else ", ".join(map(str, want))
    )
    if sorted(got) != sorted(want):
        shown = sorted(got) if len(got) <= 12 else f"{min(got)}-{max(got)} ({len(got)} rows)"
        raise AssertionError(
            f"{name} should have one row for each year {span}; its years are {shown}."
        )
    if ordered and got != want:
        raise AssertionError(f"{name} should list the years {span} in order (sort by year).")


def expect_close(
    value: Any, expected: float, name: str, rel: float = 1e-3, hint: str = "", unit: str = ""
) -> None:
    """Check ``value`` is a number within ``rel`` (relative) of ``expected``, without revealing it.

    With ``rel`` below 1e-6 the value is an exact count or date difference, and the message
    says so instead of quoting a tolerance.
    """
    got = expect_number(value, name, unit=unit)
    if not math.isclose(got, expected, rel_tol=rel, abs_tol=1e-12):
        if rel < 1e-6:
            msg = f"{name} ({got:g}) is not the value computed from the course data."
        else:
            msg = (
                f"{name} ({got:g}) differs from the value computed from the course data "
                f"by more than {rel * 100:g}%."
            )
        raise AssertionError(msg + (f" {hint}" if hint else ""))


def expect_function(value: Any, name: str) -> Callable:
    """Check that ``value`` is something we can call (a function)."""
    guard(value, name)
    if not callable(value):
        raise AssertionError(
            f"{name} should be a function (defined with `def {name}(...)`); you gave {describe(value)}."
        )
    return value


def _shown_call(name: str, args: tuple, kwargs: dict) -> str:
    shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
    return f"{name}({shown})"


def call_student(func: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    """Call a student's function; turn any error it raises into a one-line message.

    The only way the tests call a student's function (the grader records its results for
    these calls).  The ``AssertionError`` it raises carries the error's class name as
    ``.raised``.
    """
    expect_function(func, name)
    try:
        return func(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - any student error becomes a message
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        err = AssertionError(
            f"calling {_shown_call(name, args, kwargs)} raised {type(exc).__name__}"
            + (f": {text}" if text else "")
            + ". Run it yourself in a cell to see why."
        )
        err.raised = type(exc).__name__
        raise err from None


def expect_raises(func: Any, name: str, error: str, *args: Any, **kwargs: Any) -> None:
    """Check that calling the student's function raises ``error`` (a class name)."""
    try:
        call_student(func, name, *args, **kwargs)
    except AssertionError as exc:
        raised = getattr(exc, "raised", None)
        if raised is None and f" raised {error}" not in str(exc):
            raise
        if raised is not None and raised != error:
            raise AssertionError(
                f"{_shown_call(name, args, kwargs)} should raise {error}; it raised {raised}."
            ) from None
        return
    raise AssertionError(
        f"{_shown_call(name, args, kwargs)} should raise {error}; it gave a result instead."
    )


def expect_frame(
    df: Any, name: str, columns: Sequence[str], n_rows: int | None = None, row: str | None = None
) -> None:
    """Check ``df`` is a non-empty DataFrame with (at least) ``columns``.

    ``n_rows``: how many rows it should have; ``row``: what one row is ('year', 'country',
    'economy', 'grouping', 'category'), named in the message.
    """
    guard(df, name)
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
    per = f", one per {row}" if row else ""
    if len(df) == 0:
        want = f"{n_rows} row(s){per}." if n_rows else f"one row per {row or 'item'}."
        raise AssertionError(f"{name} has no rows; it should have {want}")
    if n_rows is not None and len(df) != n_rows:
        raise AssertionError(f"{name} should have {n_rows} row(s){per}; it has {len(df)}.")


def _as_float_list(values: Iterable[Any]) -> list[float]:
    out = []
    for v in values:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            out.append(math.nan)
    return out


def expect_series_close(
    got: Iterable[Any],
    expected: Iterable[float],
    name: str,
    keys: Sequence[Any],
    rel: float = 1e-3,
    hint: str = "",
    key_word: str = "year",
) -> None:
    """Compare two equally long sequences; name the first key (``key_word`` ``k``) that differs."""
    guard(got, name)
    try:
        g = _as_float_list(got)
    except TypeError:
        raise AssertionError(
            f"{name} should be several numbers; you gave {describe(got)}."
        ) from None
    e = _as_float_list(expected)
    if len(g) != len(e):
        span = f"{keys[0]}-{keys[-1]}" if key_word == "year" else ", ".join(map(str, keys))
        raise AssertionError(
            f"{name} has {len(g)} value(s); it should have {len(e)} (one per {key_word}: {span})."
        )
    for k, a, b in zip(keys, g, e):
        if math.isnan(a) or not math.isclose(a, b, rel_tol=rel, abs_tol=1e-9):
            if math.isnan(a):
                what = "is missing or not a number"
            elif rel < 1e-6:
                what = f"({a:g}) is not the value computed from the course data"
            else:
                what = (
                    f"({a:g}) differs from the value computed from the course data by "
                    f"more than {rel * 100:g}%"
                )
            raise AssertionError(
                f"{name} for the {key_word} {k} {what}." + (f" {hint}" if hint else "")
            )


def expect_column_close(
    df: Any,
    column: str,
    expected: Iterable[float],
    name: str,
    key: str,
    keys: Sequence[Any],
    rel: float = 1e-3,
    hint: str = "",
) -> None:
    """Check ``df[column]`` row by row (matched on ``df[key]``) against ``expected``.

    ``key`` is the column that names a row ('year', 'country', 'grouping' ...): messages
    call a row by it.
    """
    expect_frame(df, name, [key, column], row=key)
    rows = {}
    for k, v in zip(df[key], df[column]):
        try:
            rows[int(k)] = v
        except (TypeError, ValueError):
            rows[k] = v
    missing = [k for k in keys if k not in rows]
    if missing:
        raise AssertionError(
            f"{name} has no row for the {key} {missing}; it should have one "
            f"row for each of {list(keys)}."
        )
    expect_series_close(
        [rows[k] for k in keys],
        expected,
        f"{name}['{column}']",
        list(keys),
        rel,
        hint,
        key_word=key,
    )


def expect_axes(ax: Any, name: str, min_lines: int = 1) -> None:
    """Check ``ax`` is a matplotlib Axes with at least ``min_lines`` plotted lines."""
    guard(ax, name)
    if type(ax).__name__ == "Figure" and getattr(ax, "axes", None):
        raise AssertionError(
            f"{name} should be the Axes (the plotting area), not the whole Figure: use `fig, ax = plt.subplots()` and give back `ax`."
        )
    if not (hasattr(ax, "get_lines") and hasattr(ax, "get_ylabel")):
        raise AssertionError(
            f"{name} should be a matplotlib Axes (e.g. from `fig, ax = plt.subplots()`); you gave {describe(ax)}."
        )
    n = len(ax.get_lines())
    if n < min_lines:
        raise AssertionError(
            f"{name} should show at least {min_lines} line(s) (drawn with `ax.plot`); it has {n}."
        )


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
        raise AssertionError(
            f"the bars labelled '{label}' in {name} should be {n_bars}; there are {len(hits[0].datavalues)}."
        )
    return hits[0]


def axis_texts(ax: Any) -> str:
    """The axis labels, tick labels and title of ``ax`` as one lower-case string (to look for words)."""
    parts = [ax.get_xlabel(), ax.get_ylabel(), ax.get_title()]
    parts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return " ".join(parts).lower()
