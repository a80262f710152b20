"""Answers as data: what phase 1 writes and phase 2 reads (JSON only, never pickle).

Phase 1 runs the student's notebook and must hand its answers to phase 2, a fresh process that
runs the tests.  Loading a pickle runs code, so the answers travel as plain JSON and are
rebuilt here from data alone:

- numbers, text, True/False, None, lists and dicts as JSON; tuples, sets, dicts with keys that
  are not text, numpy arrays, pandas tables (DataFrame, Series, Index), dates, fractions and
  ``...`` as small tagged objects (``{"kind": "DataFrame", ...}``);
- a matplotlib Axes (or Figure) as the data behind it: its lines, its bars, its labels, ticks,
  limits and title; phase 2 draws a new Axes from that data;
- a function as the results of the calls the tests make (phase 1 calls it; phase 2 gets a
  stand-in that gives back the recorded result, or raises the recorded error);
- anything else as its type name and a short ``repr``, so the checks can say what it is.

``decode`` never fails: data it cannot read becomes an :class:`Unreadable` value, which the
answer checks reject with a sentence.

    >>> enc = encode({"a": (1, 2.5), 3: {"x"}})
    >>> decode(enc)
    {'a': (1, 2.5), 3: {'x'}}
    >>> import pandas as pd
    >>> decode(encode(pd.DataFrame({"year": [2000, 2013], "share": [3.5, 12.1]}))).dtypes.tolist()
    [dtype('int64'), dtype('float64')]
"""

from __future__ import annotations

import json
import numbers
import re
from typing import Any

__all__ = [
    "MAX_ITEMS",
    "MAX_DEPTH",
    "MAX_TEXT",
    "TooLarge",
    "axes_data",
    "encode",
    "encode_safely",
    "canonical",
    "Unreadable",
    "opaque",
    "decode",
    "loads",
    "function",
]

#: Most values (numbers, strings, table cells) one answer may hold; beyond this it is "too large".
MAX_ITEMS = 2_000_000
MAX_DEPTH = 40
MAX_TEXT = 100_000


class TooLarge(Exception):
    pass


# --------------------------------------------------------------------------- encoding (phase 1)


class _Encoder:
    def __init__(self) -> None:
        self.items = 0

    def count(self, n: int = 1) -> None:
        self.items += n
        if self.items > MAX_ITEMS:
            raise TooLarge()

    def __call__(self, value: Any, depth: int = 0) -> Any:  # noqa: C901 - one branch per kind
        if depth > MAX_DEPTH:
            raise TooLarge()
        self.count()
        if value is None or isinstance(value, bool):
            return bool(value) if value is not None else None
        if value is Ellipsis:
            return {"kind": "Ellipsis"}
        kind = type(value)
        module = kind.__module__.split(".")[0]
        if isinstance(value, str):
            return (
                {"kind": "str", "value": str.__str__(value)[:MAX_TEXT]}
                if len(value) > MAX_TEXT
                else str.__str__(value)
            )
        if isinstance(value, int) and module in {"builtins", "numpy"}:
            return int(value)
        if isinstance(value, float) and module in {"builtins", "numpy"}:
            return float(value)
        if module == "numpy" and isinstance(value, numbers.Number):
            if isinstance(value, numbers.Integral):
                return int(value)
            if isinstance(value, numbers.Real):
                return float(value)
            return {"kind": "complex", "re": float(value.real), "im": float(value.imag)}
        if kind.__name__ in {"bool_", "bool"} and module == "numpy":  # numpy 2 names it "bool"
            return bool(value)
        if module == "fractions":
            return {
                "kind": "Fraction",
                "n": self(int(value.numerator)),
                "d": self(int(value.denominator)),
            }
        if module == "decimal":
            return {"kind": "Decimal", "value": str(value)[:200]}
        if isinstance(value, complex):
            return {"kind": "complex", "re": float(value.real), "im": float(value.imag)}
        if isinstance(value, (list, tuple)) and module == "builtins":
            items = [
                self(v, depth + 1)
                for v in (
                    list.__iter__(value) if isinstance(value, list) else tuple.__iter__(value)
                )
            ]
            return items if isinstance(value, list) else {"kind": "tuple", "items": items}
        if isinstance(value, (set, frozenset)) and module == "builtins":
            items = sorted((self(v, depth + 1) for v in value), key=_sort_key)
            return {"kind": "frozenset" if isinstance(value, frozenset) else "set", "items": items}
        if isinstance(value, dict) and module == "builtins":
            return {
                "kind": "dict",
                "items": [[self(k, depth + 1), self(v, depth + 1)] for k, v in dict.items(value)],
            }
        if module == "numpy" and kind.__name__ == "ndarray":
            return self.array(value, depth)
        if module == "pandas":
            return self.pandas(value, depth)
        if module == "datetime":
            return (
                {"kind": kind.__name__, "iso": value.isoformat()}
                if kind.__name__ in {"date", "datetime"}
                else self.opaque(value)
            )
        if module == "matplotlib":
            name = kind.__name__
            if hasattr(value, "get_lines") and hasattr(value, "get_ylabel"):
                return axes_data(value, self, depth)
            if name in {"Figure", "SubFigure"}:
                return {
                    "kind": "Figure",
                    "axes": [axes_data(ax, self, depth) for ax in value.axes[:20]],
                }
        if callable(value) and kind.__name__ in {
            "function",
            "builtin_function_or_method",
            "method",
        }:
            return {"kind": "function"}  # the recorded calls are added by phase 1
        return self.opaque(value)

    def opaque(self, value: Any) -> dict:
        try:
            shown = object.__repr__(value)
        except Exception:  # noqa: BLE001
            shown = ""
        return {"kind": "object", "type": type(value).__name__[:60], "repr": shown[:80]}

    def array(self, value: Any, depth: int) -> dict:
        self.count(int(value.size))
        flat = value.ravel().tolist()
        data = flat if value.dtype.kind in "biuf" else [self(v, depth + 1) for v in flat]
        return {
            "kind": "ndarray",
            "dtype": str(value.dtype),
            "shape": list(value.shape),
            "data": data,
        }

    def column(self, values: Any, depth: int) -> dict:
        """One column of a table: its dtype and its values."""
        dtype = str(values.dtype)
        self.count(len(values))
        if values.dtype.kind in "biuf":
            data = values.tolist()
        elif values.dtype.kind == "M":
            data = [None if v is None or v != v else v.isoformat() for v in values.tolist()]
        else:
            data = [self(v, depth + 1) for v in values.astype(object).tolist()]
        return {"dtype": dtype, "data": data}

    def index(self, index: Any, depth: int) -> dict:
        name = type(index).__name__
        if name == "RangeIndex":
            return {
                "kind": "RangeIndex",
                "start": int(index.start),
                "stop": int(index.stop),
                "step": int(index.step),
                "name": self(index.name, depth + 1),
            }
        if name == "MultiIndex":
            return {
                "kind": "MultiIndex",
                "names": [self(n, depth + 1) for n in index.names],
                "tuples": [self(tuple(t), depth + 1) for t in index.tolist()],
            }
        return {
            "kind": "Index",
            "name": self(index.name, depth + 1),
            **self.column(index.to_series(index=range(len(index))).reset_index(drop=True), depth),
        }

    def pandas(self, value: Any, depth: int) -> dict:
        name = type(value).__name__
        if name == "DataFrame":
            return {
                "kind": "DataFrame",
                "columns": self.index(value.columns, depth),
                "index": self.index(value.index, depth),
                "data": [self.column(value.iloc[:, i], depth) for i in range(value.shape[1])],
            }
        if name == "Series":
            return {
                "kind": "Series",
                "name": self(value.name, depth + 1),
                "index": self.index(value.index, depth),
                **self.column(value, depth),
            }
        if name.endswith("Index"):
            return self.index(value, depth)
        if name == "Timestamp":
            return {"kind": "Timestamp", "iso": value.isoformat()}
        return self.opaque(value)


def _sort_key(encoded: Any) -> str:
    return json.dumps(encoded, sort_keys=True, default=str)


def axes_data(ax: Any, enc: _Encoder, depth: int) -> dict:
    """The data behind a matplotlib Axes: lines, bars, points, labels, ticks, limits."""
    from matplotlib.colors import to_hex

    def colour(c: Any) -> str | None:
        try:
            return to_hex(c)
        except Exception:  # noqa: BLE001
            return None

    lines = []
    for line in ax.get_lines()[:200]:
        lines.append(
            {
                "x": enc(_plain(line.get_xdata()), depth + 1),
                "y": enc(_plain(line.get_ydata()), depth + 1),
                "label": str(line.get_label())[:200],
                "linestyle": str(line.get_linestyle()),
                "color": colour(line.get_color()),
                "marker": str(line.get_marker()),
            }
        )
    bars = []
    for c in getattr(ax, "containers", [])[:100]:
        if type(c).__name__ != "BarContainer":
            continue
        rects = [
            [float(p.get_x()), float(p.get_y()), float(p.get_width()), float(p.get_height())]
            for p in c.patches
        ]
        enc.count(4 * len(rects))
        bars.append(
            {
                "label": str(c.get_label())[:200],
                "orientation": str(getattr(c, "orientation", "vertical")),
                "values": enc(_plain(getattr(c, "datavalues", [])), depth + 1),
                "rects": rects,
                "color": colour(c.patches[0].get_facecolor()) if c.patches else None,
            }
        )
    points = []
    for coll in ax.collections[:50]:
        if type(coll).__name__ == "PathCollection":
            offsets = _plain(coll.get_offsets())
            points.append({"label": str(coll.get_label())[:200], "xy": enc(offsets, depth + 1)})
    ticks = {}
    for axis in ("x", "y"):
        getter = getattr(ax, f"get_{axis}ticks")
        labels = getattr(ax, f"get_{axis}ticklabels")()
        ticks[axis] = {
            "at": [float(t) for t in getter()][:500],
            "labels": [str(t.get_text())[:100] for t in labels][:500],
        }
    legend = ax.get_legend()
    return {
        "kind": "Axes",
        "lines": lines,
        "bars": bars,
        "points": points,
        "xlabel": str(ax.get_xlabel())[:500],
        "ylabel": str(ax.get_ylabel())[:500],
        "title": str(ax.get_title())[:500],
        "xlim": [float(v) for v in ax.get_xlim()],
        "ylim": [float(v) for v in ax.get_ylim()],
        "xscale": str(ax.get_xscale()),
        "yscale": str(ax.get_yscale()),
        "ticks": ticks,
        "legend": None
        if legend is None
        else [str(t.get_text())[:200] for t in legend.get_texts()][:100],
    }


def _plain(values: Any) -> Any:
    """Plot data as a list (numpy arrays and masked arrays included)."""
    try:
        import numpy as np

        arr = np.ma.getdata(values)
        if isinstance(arr, np.ndarray):
            return arr
    except Exception:  # noqa: BLE001
        pass
    return list(values)


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data (raises :class:`TooLarge` past :data:`MAX_ITEMS`)."""
    return _Encoder()(value)


def encode_safely(value: Any) -> Any:
    """Like :func:`encode`, but a value that cannot be encoded becomes a tagged note."""
    try:
        return encode(value)
    except TooLarge:
        return {"kind": "too large"}
    except RecursionError:
        return {"kind": "too large"}
    except Exception as exc:  # noqa: BLE001 - whatever the student's object does
        return {
            "kind": "object",
            "type": type(value).__name__[:60],
            "repr": f"(unreadable: {type(exc).__name__})",
        }


def canonical(encoded: Any) -> str:
    """A stable text key for encoded data (to match a call's arguments)."""
    return json.dumps(encoded, sort_keys=True, allow_nan=True, separators=(",", ":"))


# --------------------------------------------------------------------------- decoding (phase 2)


class Unreadable:
    """Stands in for a value that could not be carried over; ``describe`` names its type."""

    def __init__(self, type_name: str, shown: str = "") -> None:
        self.type_name = type_name
        self.shown = shown

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


_IDENT = re.compile(r"[^0-9A-Za-z_]")


def _named_class(type_name: str, base: type) -> type:
    """A class named like the student's type, so messages say "an object of type Foo"."""
    name = _IDENT.sub("_", str(type_name))[:60] or "object"
    if name[0].isdigit():
        name = "_" + name
    return type(name, (base,), {"__module__": "submission"})


def opaque(type_name: str, shown: str = "") -> Unreadable:
    return _named_class(type_name, Unreadable)(type_name, shown)


def decode(data: Any, depth: int = 0) -> Any:
    """Rebuild a value from :func:`encode`'s data.  Never raises."""
    try:
        return _decode(data, depth)
    except Exception:  # noqa: BLE001 - crafted or broken data
        return opaque("unreadable value")


def _decode(data: Any, depth: int) -> Any:  # noqa: C901 - one branch per kind
    if depth > MAX_DEPTH:
        return opaque("too deeply nested value")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [_decode(v, depth + 1) for v in data]
    if not isinstance(data, dict):
        return opaque("unreadable value")
    kind = data.get("kind")
    if kind == "str":
        return str(data["value"])
    if kind == "Ellipsis":
        return Ellipsis
    if kind == "tuple":
        return tuple(_decode(v, depth + 1) for v in data["items"])
    if kind in {"set", "frozenset"}:
        items = [_decode(v, depth + 1) for v in data["items"]]
        return set(items) if kind == "set" else frozenset(items)
    if kind == "dict":
        return {_decode(k, depth + 1): _decode(v, depth + 1) for k, v in data["items"]}
    if kind == "complex":
        return complex(float(data["re"]), float(data["im"]))
    if kind == "Fraction":
        from fractions import Fraction

        return Fraction(int(data["n"]), int(data["d"]))
    if kind == "Decimal":
        from decimal import Decimal

        return Decimal(str(data["value"]))
    if kind in {"date", "datetime"}:
        import datetime as dt

        return getattr(dt, kind).fromisoformat(str(data["iso"]))
    if kind == "Timestamp":
        import pandas as pd

        return pd.Timestamp(str(data["iso"]))
    if kind == "ndarray":
        import numpy as np

        values = data["data"]
        dtype = str(data["dtype"])
        arr = np.array(
            [_decode(v, depth + 1) for v in values] if not _flat_numbers(values) else values,
            dtype=_safe_dtype(dtype),
        )
        return arr.reshape([int(n) for n in data["shape"]])
    if kind in {"DataFrame", "Series", "Index", "RangeIndex", "MultiIndex"}:
        return _pandas(data, depth)
    if kind in {"Axes", "Figure"}:
        from multipolar.grade.axes import rebuild

        return rebuild(data)
    if kind == "too large":
        return opaque("value too large to grade")
    if kind == "object":
        return opaque(str(data.get("type", "object")), str(data.get("repr", "")))
    return opaque("unreadable value")


def _flat_numbers(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, (int, float, bool)) for v in values)


_DTYPES = {
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "bool",
    "object",
    "complex128",
}


def _safe_dtype(dtype: str) -> Any:
    return dtype if dtype in _DTYPES else object


def _column(data: dict, depth: int) -> Any:
    import pandas as pd

    dtype = str(data.get("dtype", "object"))
    values = data["data"]
    if not isinstance(values, list):
        raise ValueError("column data is not a list")
    if dtype.startswith("datetime64"):
        return pd.Series(pd.to_datetime(values), dtype=dtype if dtype == "datetime64[ns]" else None)
    if not _flat_numbers(values):
        values = [_decode(v, depth + 1) for v in values]
    series = pd.Series(values, dtype=object)
    if dtype in _DTYPES or dtype in {"string", "category", "Int64", "Float64", "boolean"}:
        try:
            return series.astype(dtype)
        except (TypeError, ValueError):
            pass
    return series.infer_objects()


def _index(data: dict, depth: int) -> Any:
    import pandas as pd

    kind = data.get("kind")
    if kind == "RangeIndex":
        return pd.RangeIndex(
            int(data["start"]),
            int(data["stop"]),
            int(data["step"]),
            name=_decode(data.get("name"), depth + 1),
        )
    if kind == "MultiIndex":
        tuples = [_decode(t, depth + 1) for t in data["tuples"]]
        names = [_decode(n, depth + 1) for n in data["names"]]
        if not tuples:
            return pd.MultiIndex.from_arrays([[] for _ in names], names=names)
        return pd.MultiIndex.from_tuples(tuples, names=names)
    return pd.Index(_column(data, depth), name=_decode(data.get("name"), depth + 1))


def _pandas(data: dict, depth: int) -> Any:
    import pandas as pd

    kind = data["kind"]
    if kind == "DataFrame":
        columns = _index(data["columns"], depth)
        cols = [_column(c, depth).reset_index(drop=True) for c in data["data"]]
        if len(cols) != len(columns):
            raise ValueError("columns do not match the data")
        index = _index(data["index"], depth)
        frame = (
            pd.concat(cols, axis=1, ignore_index=True)
            if cols
            else pd.DataFrame(index=range(len(index)))
        )
        frame.columns = columns
        frame.index = index
        return frame
    if kind == "Series":
        values = _column(data, depth).reset_index(drop=True)
        values.index = _index(data["index"], depth)
        values.name = _decode(data.get("name"), depth + 1)
        return values
    return _index(data, depth)


def loads(text: str) -> Any:
    """Parse answers JSON (NaN and Infinity allowed, as Python's json writes them)."""
    return json.loads(text)


# --------------------------------------------------------------------------- functions


class function:  # noqa: N801 - named like Python's own functions, for the checks' messages
    """Stands in, in phase 2, for a student's function: gives back what phase 1 recorded.

    ``calls`` are the tests' calls (encoded arguments, from the grader's calibration) and
    ``outcomes`` what the student's function did for each, in the same order: ``{"result":
    data}`` or ``{"raised": "ValueError", "message": "..."}``.
    """

    def __init__(self, name: str, calls: list[dict], outcomes: list[Any]) -> None:
        self.__name__ = name
        self._table = {}
        for call, outcome in zip(calls, outcomes if isinstance(outcomes, list) else []):
            self._table[canonical([call.get("args"), call.get("kwargs")])] = outcome

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        key = canonical([encode(list(args)), encode(dict(kwargs))])
        outcome = self._table.get(key)
        if not isinstance(outcome, dict):
            raise RuntimeError("this call was not recorded when the notebook ran")
        if "raised" in outcome:
            error = _named_class(str(outcome.get("raised") or "Exception"), Exception)
            raise error(str(outcome.get("message", ""))[:300])
        return _decode(outcome.get("result"), 0)

    def __repr__(self) -> str:
        return f"<function {self.__name__}>"
