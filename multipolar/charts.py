"""Chart functions: a DataFrame in, a matplotlib Figure out.

Rules every chart here follows (and new ones should too):

* pure: no pyplot state, no ``plt.show()``; figures are built with ``Figure()`` so nothing
  is drawn twice in a notebook;
* the Okabe–Ito colour-blind-safe palette, and a second cue besides colour (line style,
  marker or direct label) wherever series must be told apart;
* axes labelled with units, and a source line under the chart;
* ``fig.alt_text``: a sentence describing what the chart shows, built from the data.

Display a chart with :func:`show`, which puts it in the page as an ``<img>`` with that
alt text, visible in Jupyter and in the static book alike.
"""

from __future__ import annotations

import base64
import html
import io
from itertools import cycle

import pandas as pd
from matplotlib.figure import Figure

__all__ = ["OKABE_ITO", "LINESTYLES", "MARKERS", "show", "png_bytes", "img_html",
           "share_chart", "growth_chart", "comparison_chart"]

#: Okabe & Ito (2008) palette, without black and yellow (too light on white).
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
LINESTYLES = ["-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1))]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]

WB_SOURCE = "Source: World Bank, World Development Indicators (CC BY 4.0)"


def _new_figure(width: float = 8.0, height: float = 4.6) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def _source(fig: Figure, text: str) -> None:
    fig.get_layout_engine().set(h_pad=0.1)
    fig.supxlabel(text, x=0.01, ha="left", fontsize=8, color="#444444")


def png_bytes(fig: Figure, dpi: int = 100) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def img_html(fig: Figure) -> str:
    """The figure as an <img> tag with its alt text, the PNG inlined."""
    alt = getattr(fig, "alt_text", "") or "Chart"
    data = base64.b64encode(png_bytes(fig)).decode("ascii")
    w, h = (int(v * fig.dpi) for v in fig.get_size_inches())
    return (f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
            f'width="{w}" height="{h}" style="max-width:100%;height:auto" class="multipolar-chart"/>')


class _Shown:
    """Display wrapper: an <img> with alt text in HTML, the alt text in plain text."""

    def __init__(self, fig: Figure):
        self.fig = fig

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": img_html(self.fig), "text/plain": getattr(self.fig, "alt_text", "Chart")}


def show(fig: Figure):
    """Return an object that displays ``fig`` as an image with alt text (put it last in a cell)."""
    return _Shown(fig)


def _styles(labels):
    return {label: (c, ls, m) for label, c, ls, m in zip(labels, cycle(OKABE_ITO), cycle(LINESTYLES), cycle(MARKERS))}


def _end_labels(ax, ends, min_gap_frac: float = 0.045) -> None:
    """Label each line at its last point, nudging labels apart so none overlap."""
    if not ends:
        return
    lo, hi = ax.get_ylim()
    gap = (hi - lo) * min_gap_frac
    ends = sorted(ends, key=lambda e: e[1]["share_pct"])
    ys = []
    for _, last, _ in ends:
        y = last["share_pct"]
        ys.append(max(y, ys[-1] + gap) if ys else y)
    for (label, last, colour), y in zip(ends, ys):
        ax.annotate(f"{label}: {last['share_pct']:.1f}%", (last["year"], last["share_pct"]), xytext=(last["year"] + 0.6, y),
                    textcoords="data", fontsize=8, color=colour, va="center")


def share_chart(shares: pd.DataFrame, title: str = "Share of world GDP (current US$)",
                compare: pd.DataFrame | None = None, compare_label: str = "",
                source: str = WB_SOURCE, highlight_year: int | None = None) -> Figure:
    """Lines of share of world GDP by year, one per ``label`` (a table from ``tables.world_shares``).

    ``compare`` (same shape, e.g. another vintage) is drawn thin and dotted in the same
    colour, so the two vintages differ by line weight and style, not colour alone.
    """
    fig, ax = _new_figure()
    labels = list(pd.unique(shares["label"]))
    styles = _styles(labels)
    ends = []
    for label in labels:
        colour, ls, marker = styles[label]
        d = shares[shares["label"] == label]
        ax.plot(d["year"], d["share_pct"], color=colour, linestyle=ls, linewidth=2.2, label=label,
                marker=marker, markevery=max(1, len(d) // 8), markersize=5)
        if compare is not None:
            c = compare[compare["label"] == label]
            ax.plot(c["year"], c["share_pct"], color=colour, linestyle=":", linewidth=1.3, alpha=0.9)
        if len(d):
            ends.append((label, d.iloc[-1], colour))
    if compare is not None:
        ax.plot([], [], color="#555555", linestyle=":", linewidth=1.3, label=compare_label or "comparison")
    _end_labels(ax, ends)
    if highlight_year is not None:
        ax.axvline(highlight_year, color="#777777", linewidth=0.8, linestyle="--")
    ax.set_xlabel("Year", labelpad=2)
    ax.set_ylabel("Share of world GDP (%)")
    ax.set_ylim(bottom=0)
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=3)
    xmin, xmax = int(shares["year"].min()), int(shares["year"].max())
    ax.set_xlim(xmin - 0.5, xmax + (xmax - xmin) * 0.22)
    ax.set_xticks([t for t in ax.get_xticks() if xmin <= t <= xmax])
    _source(fig, source)
    parts = []
    for label in labels:
        d = shares[shares["label"] == label].dropna(subset=["share_pct"])
        if len(d):
            a, b = d.iloc[0], d.iloc[-1]
            parts.append(f"{label} from {a['share_pct']:.1f}% in {int(a['year'])} to {b['share_pct']:.1f}% in {int(b['year'])}")
    fig.alt_text = f"Line chart, {title}. " + "; ".join(parts) + "."
    return fig


def growth_chart(values: pd.Series, start: int, end: int, label: str = "GDP",
                 unit: str = "US$ billions", scale: float = 1e9, source: str = WB_SOURCE,
                 log: bool = False) -> Figure:
    """A yearly series between ``start`` and ``end``, with the multiple end/start marked."""
    fig, ax = _new_figure()
    s = values.loc[start:end].dropna() / scale
    ax.plot(s.index, s.values, color=OKABE_ITO[0], linewidth=2.2, marker="o", markersize=3, label=label)
    first, last = s.iloc[0], s.iloc[-1]
    multiple = last / first
    for year, v in ((s.index[0], first), (s.index[-1], last)):
        ax.plot([year], [v], marker="o", markersize=8, color=OKABE_ITO[1])
        ax.annotate(f"{v:,.0f}", (year, v), xytext=(0, 8), textcoords="offset points", ha="center", fontsize=9)
    ax.set_title(f"{label}, {s.index[0]}–{s.index[-1]}: ×{multiple:.1f}", loc="left", fontsize=12)
    ax.set_xlabel("Year")
    ax.set_ylabel(f"{label} ({unit}{', log scale' if log else ''})")
    if log:
        ax.set_yscale("log")
    _source(fig, source)
    fig.alt_text = (f"Line chart of {label} from {s.index[0]} to {s.index[-1]}{' on a log scale' if log else ''}: "
                    f"{first:,.0f} to {last:,.0f} {unit}, a multiple of {multiple:.1f}.")
    return fig


def comparison_chart(table: pd.DataFrame, category: str, printed: str, computed: str,
                     title: str, unit: str, printed_label: str = "Printed in the paper",
                     computed_label: str = "Recomputed", source: str = WB_SOURCE) -> Figure:
    """Paired horizontal bars: a printed figure beside the recomputed one, per category."""
    fig, ax = _new_figure(8.0, 0.45 * len(table) + 1.8)
    t = table.reset_index(drop=True)
    y = range(len(t))
    h = 0.38
    ax.barh([i - h / 2 for i in y], t[printed], height=h, color=OKABE_ITO[0], label=printed_label)
    ax.barh([i + h / 2 for i in y], t[computed], height=h, color=OKABE_ITO[4], label=computed_label, hatch="//",
            edgecolor="white")
    ax.set_yticks(list(y), t[category])
    ax.invert_yaxis()
    ax.grid(axis="x", color="#dddddd")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(unit)
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    _source(fig, source)
    pairs = "; ".join(f"{r[category]}: {r[printed]:g} printed, {r[computed]:.2f} recomputed" for _, r in t.iterrows())
    fig.alt_text = f"Bar chart, {title}. {pairs}."
    return fig


# ---------------------------------------------------------------- chapter 1 (appended)
__all__ += ["measure_chart"]


def measure_chart(shares: pd.DataFrame, title: str = "Share of world GDP: market exchange rates and PPP",
                  source: str = WB_SOURCE) -> Figure:
    """Shares of world GDP by two or more measures (a table from ``tables.ppp_vs_market``).

    Colour and marker tell the economies (``label``) apart, line style the ``measure``
    (solid, dashed, ...), and every line is labelled at its end (long measure names as initials:
    "market exchange rates" -> MER), so nothing depends on colour.
    """
    fig, ax = _new_figure()
    labels = list(pd.unique(shares["label"]))
    measures = list(pd.unique(shares["measure"]))
    colours = dict(zip(labels, cycle(OKABE_ITO)))
    marks = dict(zip(labels, cycle(MARKERS)))
    dashes = dict(zip(measures, cycle(LINESTYLES)))
    ends, parts = [], []
    for label in labels:
        for measure in measures:
            d = shares[(shares["label"] == label) & (shares["measure"] == measure)].dropna(subset=["share_pct"])
            if d.empty:
                continue
            d = d.sort_values("year")
            ax.plot(d["year"], d["share_pct"], color=colours[label], linestyle=dashes[measure], linewidth=2.2,
                    marker=marks[label], markevery=max(1, len(d) // 6), markersize=5, label=f"{label}, {measure}")
            short = measure if len(measure) <= 12 else "".join(w[0] for w in measure.split()).upper()
            ends.append((f"{label} ({short})", d.iloc[-1], colours[label]))
            a, b = d.iloc[0], d.iloc[-1]
            parts.append(f"{label} at {measure} from {a['share_pct']:.1f}% in {int(a['year'])} "
                         f"to {b['share_pct']:.1f}% in {int(b['year'])}")
    ax.set_ylim(bottom=0)
    _end_labels(ax, ends)
    ax.set_xlabel("Year", labelpad=2)
    ax.set_ylabel("Share of world GDP (%)")
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2)
    xmin, xmax = int(shares["year"].min()), int(shares["year"].max())
    ax.set_xlim(xmin - 0.5, xmax + (xmax - xmin) * 0.3)
    ax.set_xticks([t for t in ax.get_xticks() if xmin <= t <= xmax])
    _source(fig, source)
    fig.alt_text = f"Line chart, {title}. " + "; ".join(parts) + "."
    return fig
