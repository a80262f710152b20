"""Extrapolating a share of world GDP: fit a trend on some years, project it to others.

Pure numpy, no data access: each function takes years and values (percent shares) and
returns numbers, so the epilogue's widget, its tables and the tests all use the same
arithmetic. Three methods, chosen because each is a simple rule a reader of a 2015 paper
might have applied in their head:

``"linear"``
    a straight line through the shares (ordinary least squares): the share changes by the
    same number of percentage points every year;
``"loglinear"``
    a straight line through the logarithm of the shares: the economy's GDP grows at a constant
    rate *relative to the world's*, so the share changes by the same percentage every year
    (exponential growth or decay; the share never turns negative);
``"recent"``
    the average change of the last ``window`` years of the fit, carried forward from the last
    observed share.

None of these is a forecast model: they ignore exchange rates, business cycles, wars and
policy. That is the point the epilogue makes with them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["METHODS", "fit", "project", "forecast_error"]

#: Method keys and the labels the book shows for them.
METHODS = {
    "linear trend in the share (pp a year)": "linear",
    "constant growth relative to the world (log-linear)": "loglinear",
    "average change over the last 5 years": "recent",
}


def _clean(years: Sequence[float], values: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError(
            f"years and values must be 1-D and the same length ({x.shape} vs {y.shape})"
        )
    keep = ~np.isnan(y)
    x, y = x[keep], y[keep]
    if len(x) < 2:
        raise ValueError("a trend needs at least two years with values")
    order = np.argsort(x)
    return x[order], y[order]


def fit(
    years: Sequence[float], values: Sequence[float], method: str = "linear", window: int = 5
) -> dict:
    """Fit one of :data:`METHODS` to (year, share) pairs; returns the parameters as a dict.

    The dict has ``method``, ``slope`` and ``intercept`` (of the share, or of its natural log
    for ``"loglinear"``), and ``last_year``/``last_value`` (the last observation).
    """
    x, y = _clean(years, values)
    out = {"method": method, "last_year": float(x[-1]), "last_value": float(y[-1])}
    if method == "linear":
        slope, intercept = np.polyfit(x, y, 1)
    elif method == "loglinear":
        if (y <= 0).any():
            raise ValueError("a log-linear trend needs shares above zero")
        slope, intercept = np.polyfit(x, np.log(y), 1)
    elif method == "recent":
        if window < 1:
            raise ValueError(f"window must be at least 1 year, not {window}")
        start = x[-1] - window
        if start not in x:
            raise ValueError(f"no value for {int(start)}, {window} years before {int(x[-1])}")
        slope = (y[-1] - y[x == start][0]) / window
        intercept = y[-1] - slope * x[-1]
    else:
        raise ValueError(
            f"unknown method {method!r}; choose one of {sorted(set(METHODS.values()))}"
        )
    out["slope"], out["intercept"] = float(slope), float(intercept)
    return out


def project(params: dict, years: Sequence[float]) -> np.ndarray:
    """The fitted trend's values for ``years`` (in percent, like the input shares)."""
    x = np.asarray(years, dtype=float)
    line = params["intercept"] + params["slope"] * x
    return np.exp(line) if params["method"] == "loglinear" else line


def forecast_error(projected: float, actual: float) -> dict:
    """Error of a projection: in percentage points (projected − actual) and relative to the actual (%)."""
    if actual == 0:
        raise ValueError("the actual share is zero; a relative error is undefined")
    return {
        "error_pp": float(projected - actual),
        "error_rel_pct": float(100 * (projected - actual) / actual),
    }
