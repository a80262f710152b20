"""Draw a new matplotlib Axes from the data phase 1 recorded (see :func:`answers.axes_data`).

The tests read an Axes through its lines, bars, labels and ticks; this rebuilds exactly those,
on a figure of the non-interactive Agg backend, so the same checks run on the same data.
"""

from __future__ import annotations

from typing import Any

__all__ = ["rebuild"]


def rebuild(data: dict) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from multipolar.grade.answers import _decode

    if data.get("kind") == "Figure":
        parts = [p for p in data.get("axes", []) if isinstance(p, dict)][:20]
        fig, axs = plt.subplots(1, max(1, len(parts)), squeeze=False)
        for ax, part in zip(axs[0], parts):
            _draw(ax, part, _decode)
        if not parts:
            fig.delaxes(axs[0][0])
        return fig
    fig, ax = plt.subplots()
    _draw(ax, data, _decode)
    return ax


def _draw(ax: Any, data: dict, _decode: Any) -> None:
    for line in data.get("lines", []):
        x, y = _decode(line.get("x"), 1), _decode(line.get("y"), 1)
        style = {"label": str(line.get("label", "")), "linestyle": _style(line.get("linestyle"))}
        if line.get("color"):
            style["color"] = str(line["color"])
        marker = str(line.get("marker", "None"))
        if marker not in {"None", "none", ""}:
            style["marker"] = marker if len(marker) < 3 else None
        try:
            ax.plot(x, y, **style)
        except Exception:  # noqa: BLE001 - mismatched data: keep a line with its label
            ax.plot([], [], label=style["label"])
    for bars in data.get("bars", []):
        rects = [r for r in bars.get("rects", []) if isinstance(r, list) and len(r) == 4]
        values = _decode(bars.get("values"), 1)
        if not isinstance(values, (list, tuple)) or len(values) != len(rects):
            values = (
                [r[3] for r in rects]
                if bars.get("orientation") != "horizontal"
                else [r[2] for r in rects]
            )
        kw = {"label": str(bars.get("label", ""))}
        if bars.get("color"):
            kw["color"] = str(bars["color"])
        if bars.get("orientation") == "horizontal":
            ax.barh(
                [r[1] + r[3] / 2 for r in rects],
                values,
                height=[r[3] for r in rects],
                left=[r[0] for r in rects],
                **kw,
            )
        else:
            ax.bar(
                [r[0] + r[2] / 2 for r in rects],
                values,
                width=[r[2] for r in rects],
                bottom=[r[1] for r in rects],
                **kw,
            )
    for points in data.get("points", []):
        xy = _decode(points.get("xy"), 1)
        try:
            ax.scatter([p[0] for p in xy], [p[1] for p in xy], label=str(points.get("label", "")))
        except Exception:  # noqa: BLE001
            pass
    for axis in ("x", "y"):  # the scale first: setting it resets the ticks
        scale, lim = data.get(f"{axis}scale"), data.get(f"{axis}lim")
        try:
            if scale in {"log", "symlog", "logit"}:
                getattr(ax, f"set_{axis}scale")(scale)
            if isinstance(lim, list) and len(lim) == 2:
                getattr(ax, f"set_{axis}lim")(float(lim[0]), float(lim[1]))
        except Exception:  # noqa: BLE001 - limits a log scale refuses
            pass
        ticks = (data.get("ticks") or {}).get(axis) or {}
        at, labels = ticks.get("at", []), ticks.get("labels", [])
        if isinstance(at, list) and isinstance(labels, list) and len(at) == len(labels) and at:
            getattr(ax, f"set_{axis}ticks")([float(t) for t in at], [str(t) for t in labels])
    ax.set_xlabel(str(data.get("xlabel", "")))
    ax.set_ylabel(str(data.get("ylabel", "")))
    ax.set_title(str(data.get("title", "")))
    if isinstance(data.get("legend"), list):
        ax.legend()


def _style(value: Any) -> str:
    return (
        value
        if value in {"-", "--", "-.", ":", "None", " ", "", "solid", "dashed", "dashdot", "dotted"}
        else "-"
    )
