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
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation

from . import catalog

__all__ = [
    "OKABE_ITO",
    "LINESTYLES",
    "MARKERS",
    "show",
    "png_bytes",
    "img_html",
    "share_chart",
    "growth_chart",
    "comparison_chart",
    "measure_chart",
    "layers_chart",
    "membership_matrix_chart",
    "trend_chart",
    "bases_timeline_chart",
    "bargaining_chart",
    "gas_price_chart",
    "gdp_pair_chart",
    "stacked_share_chart",
    "timeline_chart",
    "status_chart",
    "argument_map_chart",
]

#: Okabe & Ito (2008) palette, without yellow (too light on white); black comes last.
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
    """The source line under the chart, wrapped at the figure's edge (a long one would be cut off)."""
    fig.get_layout_engine().set(h_pad=0.1)
    fig.supxlabel(text, x=0.01, ha="left", fontsize=8, color="#444444", wrap=True)


def png_bytes(fig: Figure, dpi: int = 100) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def img_html(fig: Figure, png: bytes | None = None) -> str:
    """The figure as an <img> tag with its alt text, the PNG inlined (``png``: already rendered)."""
    alt = getattr(fig, "alt_text", "") or "Chart"
    data = base64.b64encode(png_bytes(fig) if png is None else png).decode("ascii")
    w, h = (int(v * fig.dpi) for v in fig.get_size_inches())
    return (
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
        f'width="{w}" height="{h}" style="max-width:100%;height:auto" class="multipolar-chart"/>'
    )


class _Shown:
    """Display wrapper: an <img> with alt text in HTML, the alt text in plain text."""

    def __init__(self, fig: Figure):
        self.fig = fig

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": img_html(self.fig),
            "text/plain": getattr(self.fig, "alt_text", "Chart"),
        }


def show(fig: Figure):
    """Return an object that displays ``fig`` as an image with alt text (put it last in a cell)."""
    return _Shown(fig)


def _styles(labels):
    return {
        label: (c, ls, m)
        for label, c, ls, m in zip(labels, cycle(OKABE_ITO), cycle(LINESTYLES), cycle(MARKERS))
    }


def _spread(values: list[float], gap: float) -> list[float]:
    """Where to put labels for ``values`` (in that order) so that no two are closer than ``gap``:
    each is moved up, as little as it takes, from the one below it."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = list(values)
    for below, i in zip(order, order[1:]):
        out[i] = max(values[i], out[below] + gap)
    return out


def _end_labels(ax, ends, min_gap_frac: float = 0.045) -> None:
    """Label each line just right of its last point, nudging labels apart so none overlap.

    Call it once the y limits are final: the gap is a fraction of their range."""
    if not ends:
        return
    lo, hi = ax.get_ylim()
    ys = _spread([last["share_pct"] for _, last, _ in ends], (hi - lo) * min_gap_frac)
    for (label, last, colour), y in zip(ends, ys):
        ax.annotate(
            f"{label}: {last['share_pct']:.1f}%",
            (last["year"], last["share_pct"]),
            xytext=(6, y),  # 6 points right of the point, whatever the span of years
            textcoords=("offset points", "data"),
            fontsize=8,
            color=colour,
            va="center",
        )


def share_chart(
    shares: pd.DataFrame,
    title: str = "Share of world GDP (current US$)",
    compare: pd.DataFrame | None = None,
    compare_label: str = "",
    source: str = WB_SOURCE,
    highlight_year: int | None = None,
) -> Figure:
    """Lines of share of world GDP by year, one per ``label`` (a table from ``tables.world_shares``).

    ``compare`` (same shape, e.g. another vintage) is drawn thin and dotted in the same
    colour, so the two vintages differ by line weight and style, not colour alone, over the
    years ``shares`` has data for (beyond them it would run into the end labels). Fewer than two
    years with data is refused with a ValueError that says so (a widget shows it as its message).
    """
    known = shares.dropna(subset=["share_pct"])["year"]
    if known.nunique() < 2:
        raise ValueError(
            f"Only {int(known.iloc[0])} has data in the years chosen, and a line needs two: "
            "choose a wider range of years."
            if len(known)
            else "No data in the years chosen: choose other years."
        )
    xmin, xmax = int(known.min()), int(known.max())
    if compare is not None:
        compare = compare[compare["year"].between(xmin, xmax)]
    fig, ax = _new_figure()
    labels = list(pd.unique(shares["label"]))
    styles = _styles(labels)
    ends = []
    for label in labels:
        colour, ls, marker = styles[label]
        d = shares[shares["label"] == label]
        ax.plot(
            d["year"],
            d["share_pct"],
            color=colour,
            linestyle=ls,
            linewidth=2.2,
            label=label,
            marker=marker,
            markevery=max(1, len(d) // 8),
            markersize=5,
        )
        if compare is not None:
            c = compare[compare["label"] == label]
            ax.plot(
                c["year"], c["share_pct"], color=colour, linestyle=":", linewidth=1.3, alpha=0.9
            )
        if len(d):
            ends.append((label, d.iloc[-1], colour))
    if compare is not None:
        ax.plot(
            [],
            [],
            color="#555555",
            linestyle=":",
            linewidth=1.3,
            label=compare_label or "comparison",
        )
    ax.set_ylim(bottom=0)  # before the end labels, which are spaced by the y range
    _end_labels(ax, ends)
    if highlight_year is not None:
        ax.axvline(highlight_year, color="#777777", linewidth=0.8, linestyle="--")
    ax.set_xlabel("Year", labelpad=2)
    ax.set_ylabel("Share of world GDP (%)")
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=3)
    ax.set_xlim(xmin - 0.5, xmax + (xmax - xmin) * 0.22)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2013.2
    ax.set_xticks([t for t in ax.get_xticks() if xmin <= t <= xmax])
    _source(fig, source)
    parts = []
    for label in labels:
        d = shares[shares["label"] == label].dropna(subset=["share_pct"])
        if len(d):
            a, b = d.iloc[0], d.iloc[-1]
            parts.append(
                f"{label} from {a['share_pct']:.1f}% in {int(a['year'])} to {b['share_pct']:.1f}% in {int(b['year'])}"
            )
    fig.alt_text = f"Line chart, {title}. " + "; ".join(parts) + "."
    return fig


def growth_chart(
    values: pd.Series,
    start: int,
    end: int,
    label: str = "GDP",
    unit: str = "US$ billions",
    scale: float = 1e9,
    source: str = WB_SOURCE,
    log: bool = False,
) -> Figure:
    """A yearly series between ``start`` and ``end``, with the multiple end/start marked."""
    fig, ax = _new_figure()
    s = values.loc[start:end].dropna() / scale
    ax.plot(
        s.index, s.values, color=OKABE_ITO[0], linewidth=2.2, marker="o", markersize=3, label=label
    )
    first, last = s.iloc[0], s.iloc[-1]
    multiple = last / first
    for year, v in ((s.index[0], first), (s.index[-1], last)):
        ax.plot([year], [v], marker="o", markersize=8, color=OKABE_ITO[1])
        ax.annotate(
            f"{v:,.0f}",
            (year, v),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            fontsize=9,
        )
    ax.set_title(f"{label}, {s.index[0]}–{s.index[-1]}: ×{multiple:.1f}", loc="left", fontsize=12)
    ax.set_xlabel("Year")
    ax.set_ylabel(f"{label} ({unit}{', log scale' if log else ''})")
    if log:
        ax.set_yscale("log")
    _source(fig, source)
    fig.alt_text = (
        f"Line chart of {label} from {s.index[0]} to {s.index[-1]}{' on a log scale' if log else ''}: "
        f"{first:,.0f} to {last:,.0f} {unit}, a multiple of {multiple:.1f}."
    )
    return fig


def comparison_chart(
    table: pd.DataFrame,
    category: str,
    printed: str,
    computed: str,
    title: str,
    unit: str,
    printed_label: str = "Printed in the paper",
    computed_label: str = "Recomputed",
    source: str = WB_SOURCE,
) -> Figure:
    """Paired horizontal bars: a printed figure beside the recomputed one, per category."""
    fig, ax = _new_figure(8.0, 0.45 * len(table) + 1.8)
    t = table.reset_index(drop=True)
    y = range(len(t))
    h = 0.38
    ax.barh([i - h / 2 for i in y], t[printed], height=h, color=OKABE_ITO[0], label=printed_label)
    ax.barh(
        [i + h / 2 for i in y],
        t[computed],
        height=h,
        color=OKABE_ITO[4],
        label=computed_label,
        hatch="//",
        edgecolor="white",
    )
    ax.set_yticks(list(y), t[category])
    ax.invert_yaxis()
    ax.grid(axis="x", color="#dddddd")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(unit)
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    _source(fig, source)
    pairs = "; ".join(
        f"{r[category]}: {r[printed]:g} printed, {r[computed]:.2f} recomputed"
        for _, r in t.iterrows()
    )
    fig.alt_text = f"Bar chart, {title}. {pairs}."
    return fig


# ---------------------------------------------------------------- chapter 1


def measure_chart(
    shares: pd.DataFrame,
    title: str = "Share of world GDP: market exchange rates and PPP",
    source: str = WB_SOURCE,
) -> Figure:
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
            d = shares[(shares["label"] == label) & (shares["measure"] == measure)].dropna(
                subset=["share_pct"]
            )
            if d.empty:
                continue
            d = d.sort_values("year")
            ax.plot(
                d["year"],
                d["share_pct"],
                color=colours[label],
                linestyle=dashes[measure],
                linewidth=2.2,
                marker=marks[label],
                markevery=max(1, len(d) // 6),
                markersize=5,
                label=f"{label}, {measure}",
            )
            short = (
                measure if len(measure) <= 12 else "".join(w[0] for w in measure.split()).upper()
            )
            ends.append((f"{label} ({short})", d.iloc[-1], colours[label]))
            a, b = d.iloc[0], d.iloc[-1]
            parts.append(
                f"{label} at {measure} from {a['share_pct']:.1f}% in {int(a['year'])} "
                f"to {b['share_pct']:.1f}% in {int(b['year'])}"
            )
    ax.set_ylim(bottom=0)
    _end_labels(ax, ends)
    ax.set_xlabel("Year", labelpad=2)
    ax.set_ylabel("Share of world GDP (%)")
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2)
    xmin, xmax = int(shares["year"].min()), int(shares["year"].max())
    ax.set_xlim(xmin - 0.5, xmax + (xmax - xmin) * 0.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2013.2
    ax.set_xticks([t for t in ax.get_xticks() if xmin <= t <= xmax])
    _source(fig, source)
    fig.alt_text = f"Line chart, {title}. " + "; ".join(parts) + "."
    return fig


# ---------------------------------------------------------------- chapter 3: layers and overlaps

_STATUS_MARKERS = ["o", "s", "^", "v", "D", "P"]
FACTBOOK_SOURCE = "Source: CIA, The World Factbook 2015, 'International organization participation' (public domain)"
#: status -> (marker, face colour, edge colour): shape differs as well as colour. Statuses come from
#: the catalogue, fullest first; only the first (member) is drawn filled.
_STATUS_MARK = {
    status: (
        _STATUS_MARKERS[i % len(_STATUS_MARKERS)],
        OKABE_ITO[i] if i == 0 else "white",
        OKABE_ITO[i % len(OKABE_ITO)],
    )
    for i, status in enumerate(catalog.enum("mechanism_membership", "status"))
}


def _short(label: str) -> str:
    return (
        label.split(":")[0]
        .replace(" (counterpart in ", "\n(for ")
        .replace(" (comparison)", "\n(comparison)")
    )


def layers_chart(
    layers: pd.DataFrame,
    jaccard: pd.DataFrame,
    shared: pd.DataFrame,
    country: str,
    include_partners: bool = False,
    source: str = FACTBOOK_SOURCE,
) -> Figure:
    """Left: every mechanism with the country's status and the mechanism's size (from
    ``membership.layers``). Right: Jaccard overlap of the mechanisms the country takes part in
    (square tables from ``membership.overlap_matrix``), each cell also printed as numbers."""
    fig = Figure(figsize=(8.5, 11.0), dpi=100, layout="constrained")
    left, right = fig.subplots(2, 1, gridspec_kw={"height_ratios": [1, 1.05]})
    t = layers.reset_index(drop=True)
    y = list(range(len(t)))
    xmax = float(t["participants"].max())
    bars = []  # (row, members, others, colour): drawn as two calls to barh (fast to redraw)
    for i, r in t.iterrows():
        if r["coverage"] == "not covered":
            left.text(
                0.5,
                i,
                "not covered by the course's sources",
                va="center",
                fontsize=8.5,
                style="italic",
                color="#555555",
            )
            continue
        takes_part = r["status"] != "none listed" and (include_partners or r["status"] == "member")
        bars.append(
            (
                i,
                int(r["members"]),
                int(r["participants"] - r["members"]),
                OKABE_ITO[0] if takes_part else "#bbbbbb",
            )
        )
        left.text(
            r["participants"] + xmax * 0.02,
            i,
            f"{country}: {r['status']}",
            va="center",
            fontsize=8.5,
            fontweight="bold" if r["status"] == "member" else "normal",
        )
    if bars:
        rows, members, others, colours = zip(*bars)
        left.barh(rows, members, color=colours, height=0.6)
        left.barh(
            rows,
            others,
            left=members,
            color="white",
            edgecolor=colours,
            hatch="///",
            height=0.6,
            linewidth=0.8,
        )
    left.set_yticks(y, [_short(label).replace("\n", " ") for label in t["label"]], fontsize=8.5)
    left.invert_yaxis()
    left.set_xlim(0, xmax * 1.6)
    left.set_xlabel("Entities listed by the Factbook (number; hatched = observers and partners)")
    left.spines[["top", "right"]].set_visible(False)
    left.set_title(f"Layers of membership: {country}", loc="left", fontsize=12)

    counted = "members, observers and partners" if include_partners else "full members"
    keep = [
        a
        for a in jaccard.index
        if a
        in set(
            t.loc[
                (t["coverage"] != "not covered")
                & (t["status"] != "none listed")
                & (include_partners | (t["status"] == "member")),
                "factbook_abbrev",
            ]
        )
    ]
    pairs = []
    if len(keep) >= 2:
        j = jaccard.loc[keep, keep].astype(float)
        s = shared.loc[keep, keep]
        right.imshow(j.values, cmap="Blues", vmin=0, vmax=1)
        for a_i, a in enumerate(keep):
            for b_i, b in enumerate(keep):
                v = j.iloc[a_i, b_i]
                right.text(
                    b_i,
                    a_i,
                    f"{v:.2f}\n{int(s.iloc[a_i, b_i])}",
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if v > 0.55 else "black",
                )
                if b_i > a_i:
                    pairs.append((v, a, b))
        right.set_xticks(range(len(keep)), keep, rotation=45, ha="right", fontsize=8.5)
        right.set_yticks(range(len(keep)), keep, fontsize=8.5)
        right.set_title(
            f"Overlap of {country}'s mechanisms\n(Jaccard index above, shared {counted} below)",
            loc="left",
            fontsize=10,
        )
    else:
        right.axis("off")
        right.text(
            0,
            0.5,
            f"{country} takes part in fewer than two\ncovered mechanisms ({counted}):\nno overlap to show.",
            fontsize=10,
            va="center",
        )
    _source(fig, source)
    parts = [f"{r['mechanism']}: {r['status']}" for _, r in t.iterrows()]
    alt = f"Chart of {country}'s layers of membership, Factbook 2015. " + "; ".join(parts) + "."
    if pairs:
        lo, hi = min(pairs), max(pairs)
        alt += (
            f" Overlap of its mechanisms counting {counted}: Jaccard index from {lo[0]:.2f} ({lo[1]} and {lo[2]}) "
            f"to {hi[0]:.2f} ({hi[1]} and {hi[2]})."
        )
    fig.alt_text = alt
    return fig


def membership_matrix_chart(
    matrix: pd.DataFrame, title: str, source: str = FACTBOOK_SOURCE
) -> Figure:
    """Dot matrix of entities (rows) × mechanisms (columns) from ``membership.membership_matrix``.

    Each status has its own marker shape; mechanisms the sources do not cover are grey bands
    labelled 'not covered'."""
    n_rows, n_cols = matrix.shape
    fig = Figure(
        figsize=(max(7.5, 0.42 * n_cols + 3.4), 0.3 * n_rows + 2.8), dpi=100, layout="constrained"
    )
    ax = fig.add_subplot()
    for c, col in enumerate(matrix.columns):
        values = matrix[col]
        if (values == "not covered by the course's sources").all():
            ax.axvspan(c - 0.45, c + 0.45, color="#e6e6e6")
            ax.text(
                c,
                (n_rows - 1) / 2,
                "not covered by the course's sources" if n_rows >= 10 else "not covered",
                rotation=90,
                ha="center",
                va="center",
                fontsize=8,
                color="#444444",
            )
            continue
        for status in pd.unique(values):  # one line of markers per status (fast to redraw)
            rows = [r for r, v in enumerate(values) if v == status]
            if status in _STATUS_MARK:
                marker, face, edge = _STATUS_MARK[status]
                ax.plot(
                    [c] * len(rows),
                    rows,
                    marker=marker,
                    markersize=9,
                    markerfacecolor=face,
                    markeredgecolor=edge,
                    markeredgewidth=1.6,
                    linestyle="none",
                )
            else:
                ax.plot(
                    [c] * len(rows),
                    rows,
                    marker=".",
                    markersize=3,
                    color="#bbbbbb",
                    linestyle="none",
                )
    for status, (marker, face, edge) in _STATUS_MARK.items():
        ax.plot(
            [],
            [],
            marker=marker,
            markersize=8,
            markerfacecolor=face,
            markeredgecolor=edge,
            markeredgewidth=1.6,
            linestyle="none",
            label=status,
        )
    ax.plot([], [], marker=".", color="#bbbbbb", linestyle="none", label="none listed")
    ax.set_xticks(range(n_cols), [_short(c) for c in matrix.columns], rotation=90, fontsize=8.5)
    ax.set_yticks(range(n_rows), matrix.index, fontsize=8.5)
    ax.set_xlim(-0.6, n_cols - 0.4)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _source(fig, source)
    covered_cols = [
        c for c in matrix.columns if not (matrix[c] == "not covered by the course's sources").all()
    ]
    rows = []
    for name, r in matrix.iterrows():
        held = [f"{_short(c).splitlines()[0]} ({r[c]})" for c in covered_cols if r[c]]
        rows.append(f"{name}: {', '.join(held) if held else 'none'}")
    uncovered = [c.split(":")[0] for c in matrix.columns if c not in covered_cols]
    fig.alt_text = (
        f"Dot matrix, {title}. "
        + "; ".join(rows)
        + "."
        + (f" Not covered by the course's sources: {', '.join(uncovered)}." if uncovered else "")
    )
    return fig


# ---------------------------------------------------------------- chapter 4
HATCHES = ["", "//", "..", "xx", "\\\\", "++"]


def _legend_in_width(ax, handles, labels, **kwargs) -> None:
    """A legend in one row if it fits the figure's width, else in columns of up to three
    (a long label, such as the grouping compared with, would run off both edges in one row)."""
    n = len(labels)
    legend = ax.legend(handles, labels, ncols=max(1, n), **kwargs)
    fig = ax.get_figure()
    if n > 3 and legend.get_window_extent(fig._get_renderer()).width > 0.96 * fig.bbox.width:
        legend.remove()
        ax.legend(handles, labels, ncols=3, **kwargs)


def stacked_share_chart(
    shares: pd.DataFrame,
    title: str,
    source: str = WB_SOURCE,
    top: int = 3,
    reference: dict[str, float] | None = None,
    reference_label: str = "",
) -> Figure:
    """Horizontal bars, one per indicator, each stacked from the states' shares of the world (%).

    ``shares`` is long: indicator, year, name, share_pct (e.g. from ``sco.country_shares``).
    The ``top`` largest states of the grouping (by their summed shares) get their own
    segment, colour and hatch; the rest are pooled as 'others'. ``reference`` maps an
    indicator to a share drawn as a dashed tick, for comparison with another grouping.
    """
    indicators = list(pd.unique(shares["indicator"]))
    order = (
        shares.groupby("name", sort=False)["share_pct"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    named = list(order.index[:top])
    segments = named + (["others"] if len(order) > top else [])
    fig, ax = _new_figure(8.0, 1.0 * len(indicators) + 2.0)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd")
    totals = {}
    widths = [[] for _ in segments]  # per segment, its width in each indicator's bar
    for ind in indicators:
        d = shares[shares["indicator"] == ind]
        for j, seg in enumerate(segments):
            widths[j].append(
                d.loc[~d["name"].isin(named), "share_pct"].sum()
                if seg == "others"
                else d.loc[d["name"] == seg, "share_pct"].sum()
            )
    lefts = [0.0] * len(indicators)
    for j, seg in enumerate(segments):  # one barh call per segment (fast to redraw)
        colour = "#999999" if seg == "others" else OKABE_ITO[j % len(OKABE_ITO)]
        ax.barh(
            range(len(indicators)),
            widths[j],
            left=lefts,
            height=0.6,
            color=colour,
            hatch=HATCHES[j % len(HATCHES)],
            edgecolor="white",
            label=seg,
        )
        lefts = [a + b for a, b in zip(lefts, widths[j])]
    for i, ind in enumerate(indicators):
        d = shares[shares["indicator"] == ind]
        left = lefts[i]
        totals[ind] = left
        year = int(d["year"].iloc[0])
        ax.annotate(
            f"{left:.1f}% ({year})",
            (left, i),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
        if reference and ind in reference:
            ax.plot(
                [reference[ind]] * 2,
                [i - 0.38, i + 0.38],
                color="#000000",
                linestyle="--",
                linewidth=1.4,
                label=reference_label if i == 0 else None,
            )
    ax.set_yticks(range(len(indicators)), indicators)
    ax.invert_yaxis()
    ax.set_xlim(0, max(max(totals.values()), max((reference or {0: 0}).values())) * 1.2 + 1)
    ax.set_xlabel("Share of the world total (%)")
    ax.set_title(title, loc="left", fontsize=12)
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i] == reference_label)  # segments first
    _legend_in_width(
        ax,
        [handles[i] for i in order],
        [labels[i] for i in order],
        frameon=False,
        fontsize=8,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.22),
    )
    _source(fig, source)
    parts = []
    for ind in indicators:
        d = shares[shares["indicator"] == ind].sort_values("share_pct", ascending=False)
        lead = ", ".join(f"{r['name']} {r['share_pct']:.1f}%" for _, r in d.head(top).iterrows())
        ref = f" (reference {reference[ind]:.1f}%)" if reference and ind in reference else ""
        parts.append(f"{ind} {totals[ind]:.1f}% in {int(d['year'].iloc[0])}{ref}, largest {lead}")
    fig.alt_text = f"Stacked bar chart, {title}. " + "; ".join(parts) + "."
    return fig


def _legend_below(ax, loc: str, x: float) -> None:
    """A legend in three columns hung a fixed distance under the axes (below the year labels and
    "Year"), whatever the chart's height: a fraction of a short axes put it on top of "Year".
    ``loc`` is the legend's corner or edge placed at ``x`` (a fraction of the axes' width)."""
    below = ax.transAxes + ScaledTranslation(0, -34 / 72, ax.get_figure().dpi_scale_trans)
    ax.legend(
        frameon=False, fontsize=8, loc=loc, bbox_to_anchor=(x, 0), bbox_transform=below, ncols=3
    )


def timeline_chart(events: pd.DataFrame, title: str, source: str) -> Figure:
    """One row per event, top to bottom in date order, a marker at its date.

    ``events`` needs date (ISO, YYYY / YYYY-MM / YYYY-MM-DD), label and kind. Kinds differ in
    colour *and* marker shape; an event dated only to a year or month is drawn hollow.
    """
    ev = events.reset_index(drop=True)
    kinds = list(pd.unique(ev["kind"]))
    style = {
        k: (OKABE_ITO[i % len(OKABE_ITO)], MARKERS[i % len(MARKERS)]) for i, k in enumerate(kinds)
    }

    def when(date: str) -> float:
        parts = [int(p) for p in date.split("-")]
        y, m, d = (parts + [7, 1])[:3] if len(parts) == 1 else (parts + [15])[:3]
        return y + (m - 1) / 12 + (d - 1) / 365

    fig, ax = _new_figure(8.5, 0.36 * len(ev) + 1.8)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd")
    for i, r in ev.iterrows():
        colour, marker = style[r["kind"]]
        exact = len(str(r["date"])) == 10
        ax.plot(
            [when(r["date"])],
            [i],
            marker=marker,
            markersize=8,
            linestyle="none",
            color=colour,
            markerfacecolor=colour if exact else "white",
            markeredgewidth=1.6,
        )
    for kind, (colour, marker) in style.items():
        ax.plot([], [], marker=marker, markersize=8, linestyle="none", color=colour, label=kind)
    ax.set_yticks(
        range(len(ev)), [f"{r['date']}  {r['label']}" for _, r in ev.iterrows()], fontsize=8.5
    )
    ax.invert_yaxis()
    ax.set_xlabel("Year")
    ax.set_title(title, loc="left", fontsize=12)
    ax.plot(
        [],
        [],
        marker="o",
        linestyle="none",
        markerfacecolor="white",
        markeredgecolor="#555555",
        label="hollow: dated to the year or month only",
    )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2014.2
    _legend_below(ax, "upper center", 0.5)
    _source(fig, source)
    fig.alt_text = (
        f"Timeline, {title}: "
        + "; ".join(f"{r['date']} {r['label']}" for _, r in ev.iterrows())
        + "."
    )
    return fig


# ---------------------------------------------------------------- epilogue


def trend_chart(
    projection: pd.DataFrame,
    title: str,
    method_label: str = "trend",
    fit_label: str = "",
    source: str = WB_SOURCE,
) -> Figure:
    """What a trend fitted on some years predicted, against what happened.

    ``projection`` is a table from ``tables.share_projection``. Per group: the actual share as
    a solid line with markers, the shares the trend was fitted to as hollow markers, and the
    fitted and projected trend as a thin dashed line of the same colour; the fit window is
    shaded. Each group's last year is labelled with the projected and the actual share, so
    nothing depends on colour.
    """
    fig, ax = _new_figure(8.0, 4.8)
    labels = list(pd.unique(projection["label"]))
    styles = _styles(labels)
    fit = projection[projection["in_fit"]]
    start, end = int(fit["year"].min()), int(fit["year"].max())
    ax.axvspan(start - 0.5, end + 0.5, color="#eeeeee", zorder=0)
    ax.text(
        start,
        1.0,
        f"fit window {start}–{end}",
        transform=ax.get_xaxis_transform(),
        va="top",
        fontsize=8,
        color="#444444",
    )
    parts, ends = [], []
    for label in labels:
        colour, _, marker = styles[label]
        d = projection[projection["label"] == label].sort_values("year")
        ax.plot(
            d["year"],
            d["actual"],
            color=colour,
            linewidth=2.2,
            marker=marker,
            markersize=4,
            label=f"{label}: actual",
        )
        f = d[d["in_fit"]]
        ax.plot(
            f["year"],
            f["fit_data"],
            linestyle="none",
            marker=marker,
            markersize=7,
            markerfacecolor="white",
            markeredgecolor=colour,
            markeredgewidth=1.2,
        )
        ax.plot(d["year"], d["trend"], color=colour, linestyle="--", linewidth=1.4)
        last = d.iloc[-1]
        ends.append((label, last, colour))
        parts.append(
            f"{label}: {f['fit_data'].iloc[-1]:.1f}% in {end}; the trend projects {last['trend']:.1f}% "
            f"for {int(last['year'])}, actual {last['actual']:.1f}% "
            f"(error {last['trend'] - last['actual']:+.1f} points)"
        )
    ax.plot(
        [], [], color="#555555", linestyle="--", linewidth=1.4, label=f"{method_label} (dashed)"
    )
    ax.plot(
        [],
        [],
        color="#555555",
        linestyle="none",
        marker="o",
        markerfacecolor="white",
        label=f"shares fitted{' (' + fit_label + ')' if fit_label else ''} (hollow)",
    )
    lo = min(0.0, float(projection[["actual", "trend"]].min().min()))
    ax.set_ylim(bottom=lo)
    top = ax.get_ylim()[1]
    gap = (top - lo) * 0.06
    ys = []
    for _, last, _ in sorted(ends, key=lambda e: e[1]["actual"]):
        ys.append(max(last["actual"], ys[-1] + 2 * gap) if ys else last["actual"])
    for (label, last, colour), y in zip(sorted(ends, key=lambda e: e[1]["actual"]), ys):
        ax.annotate(
            f"{label}\nactual {last['actual']:.1f}%, trend {last['trend']:.1f}%",
            (last["year"], last["actual"]),
            xytext=(last["year"] + 0.8, y),
            textcoords="data",
            fontsize=8,
            color=colour,
            va="center",
        )
    xmax = int(projection["year"].max())
    ax.set_xlim(start - 0.5, xmax + (xmax - start) * 0.3)
    ax.set_xticks([t for t in ax.get_xticks() if start <= t <= xmax])
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_xlabel("Year", labelpad=2)
    ax.set_ylabel("Share of world GDP (%)")
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2)
    _source(fig, source)
    fig.alt_text = (
        f"Line chart, {title}. Shaded fit window {start}-{end}, {method_label}. "
        + "; ".join(parts)
        + "."
    )
    return fig


# ---------------------------------------------------------------- chapter 5

#: Categories of chapter 5's events, in legend order (colour and marker both differ).
NETWORK_CATEGORIES = catalog.enum("network_events", "category")


def bases_timeline_chart(
    events: pd.DataFrame, spans: pd.DataFrame, first: int, last: int, title: str, source: str
) -> Figure:
    """The US bases as bars on top, then one row per event, on a time axis from ``first`` to ``last``.

    ``spans`` comes from ``events.base_spans`` (start '' = not dated by the sources: drawn hatched
    from the left edge, and said so in the bar's label). Event categories differ in colour *and*
    marker; an event dated only to a year or month is drawn hollow.
    """
    from .events import decimal_year

    ev = events.reset_index(drop=True)
    left, right = first, last + 1
    n_bases = len(spans)
    fig, ax = _new_figure(9.0, 0.34 * (len(ev) + n_bases) + 2.0)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd")
    labels, described = [], []
    for i, b in spans.reset_index(drop=True).iterrows():
        end = decimal_year(b["end"])
        known = bool(b["start"])
        start = decimal_year(b["start"]) if known else left
        colour = "#555555"
        ax.barh(
            i,
            end - start,
            left=start,
            height=0.6,
            color=colour if known else "white",
            edgecolor=colour,
            hatch=None if known else "///",
            linewidth=1.2,
        )
        text = f"{b['start'] if known else 'start not dated by the sources'} to {b['end']}"
        shown = end > left and start < right  # the bar falls in the years chosen
        if not shown:
            text += ": outside the years chosen"
        # the label goes inside the bar where it has room, else beside it, where the axes has room
        seen = (max(start, left), min(end, right))
        room = [(b - a) / (right - left) for a, b in ((*seen,), (left, seen[0]), (seen[1], right))]
        inside = not shown or not known or room[0] >= 0.45
        x, dx, ha = (
            (seen[0] if shown else left, 4, "left")
            if inside
            else (seen[0], -4, "right")
            if room[1] >= room[2]
            else (seen[1], 4, "left")
        )
        ax.annotate(
            text,
            (x, i),
            xytext=(dx, 0),
            textcoords="offset points",
            va="center",
            ha=ha,
            fontsize=8,
            color="white" if known and shown and inside else "#222222",
            bbox=None if known else dict(facecolor="white", edgecolor="none", pad=1),
            clip_on=True,
        )
        labels.append(f"US base: {b['name']}")
        described.append(f"US base {b['name']}: {text}")
    style = {
        k: (OKABE_ITO[j % len(OKABE_ITO)], MARKERS[j % len(MARKERS)])
        for j, k in enumerate(NETWORK_CATEGORIES)
    }
    points = {}  # (category, exact) -> (xs, ys): one line of markers each (fast to redraw)
    for j, r in ev.iterrows():
        exact = len(str(r["date"])) == 10
        xs, ys = points.setdefault((r["category"], exact), ([], []))
        xs.append(decimal_year(r["date"]))
        ys.append(n_bases + j)
        labels.append(f"{r['date']}  {r['label']}")
    for (category, exact), (xs, ys) in points.items():
        colour, marker = style.get(category, ("#000000", "o"))
        ax.plot(
            xs,
            ys,
            marker=marker,
            markersize=8,
            linestyle="none",
            color=colour,
            markerfacecolor=colour if exact else "white",
            markeredgewidth=1.6,
        )
    for kind in [k for k in NETWORK_CATEGORIES if k in set(ev["category"])]:
        colour, marker = style[kind]
        ax.plot([], [], marker=marker, markersize=8, linestyle="none", color=colour, label=kind)
    if len(ev):
        ax.plot(
            [],
            [],
            marker="o",
            linestyle="none",
            markerfacecolor="white",
            markeredgecolor="#555555",
            label="hollow: dated to the year or month only",
        )
        # right-aligned with the axes: the long event labels leave room on the left, none on the right
        _legend_below(ax, "upper right", 1.0)
    ax.set_yticks(range(len(labels)), labels, fontsize=8.5)
    ax.set_ylim(len(labels) - 0.5, -0.7)
    ax.set_xlim(left, right)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2007.5
    ax.set_xlabel("Year")
    ax.set_title(title, loc="left", fontsize=12)
    _source(fig, source)
    fig.alt_text = (
        f"Timeline {first}-{last}, {title}. "
        + "; ".join(described)
        + ". Events: "
        + (
            "; ".join(f"{r['date']} {r['label']} ({r['category']})" for _, r in ev.iterrows())
            if len(ev)
            else "none in the years chosen"
        )
        + "."
    )
    return fig


def bargaining_chart(
    table: pd.DataFrame,
    backers: int,
    title: str,
    source: str = "Teaching model (multipolar.chapters.ch05_bargaining), arbitrary cost units: not data",
) -> Figure:
    """Bars: the small state's cost of refusal for each number of backers; dashed line: cost of compliance.

    ``table`` comes from ``bargaining.schedule``. Bars where refusal is viable are solid blue,
    the others hatched orange, and every bar is labelled 'refuse' or 'comply' (no meaning by
    colour alone); the chosen number of backers has a thick outline.
    """
    fig, ax = _new_figure(8.0, 4.4)
    comply = float(table["compliance_cost"].iloc[0])
    top = max(float(table["refusal_cost"].max()), comply) * 1.18 or 1.0
    for _, r in table.iterrows():
        refuse = r["decision"] == "refuse"
        chosen = int(r["backers"]) == int(backers)
        ax.bar(
            r["backers"],
            r["refusal_cost"],
            width=0.7,
            color=OKABE_ITO[0] if refuse else "white",
            edgecolor="#000000" if chosen else (OKABE_ITO[0] if refuse else OKABE_ITO[1]),
            hatch=None if refuse else "//",
            linewidth=2.6 if chosen else 1.2,
        )
        ax.text(
            r["backers"],
            r["refusal_cost"] + top * 0.015,
            r["decision"] + ("\n(chosen)" if chosen else ""),
            ha="center",
            va="bottom",
            fontsize=8,
            fontweight="bold" if chosen else "normal",
        )
    ax.axhline(comply, color=OKABE_ITO[1], linestyle="--", linewidth=1.6)
    ax.text(
        table["backers"].max() + 0.45,
        comply,
        f"cost of compliance\n= {comply:g}",
        va="center",
        ha="left",
        fontsize=8,
        color="#444444",
    )
    ax.set_xlim(-0.6, table["backers"].max() + 1.6)
    ax.set_ylim(0, top)
    ax.set_xticks(list(table["backers"]))
    ax.set_xlabel("Number of backers")
    ax.set_ylabel("Cost of refusing (model units)")
    ax.set_title(title, loc="left", fontsize=12)
    _source(fig, source)
    row = table[table["backers"] == backers]
    refusing = list(table.loc[table["decision"] == "refuse", "backers"])
    fig.alt_text = (
        f"Bar chart, {title}: the cost of refusing falls from {table['refusal_cost'].iloc[0]:g} with no backers "
        f"to {table['refusal_cost'].iloc[-1]:g} with {int(table['backers'].iloc[-1])}; the cost of complying is "
        f"{comply:g}. "
        + (
            f"Refusal is viable from {min(refusing)} backers. "
            if refusing
            else "Refusal is not viable with any number of backers shown. "
        )
        + (f"With {backers} backers the model says: {row['decision'].iloc[0]}." if len(row) else "")
    )
    return fig


# ---------------------------------------------------------------- chapter 6


def gas_price_chart(schedule: pd.DataFrame, chosen_ramp: int, title: str, source: str) -> Figure:
    """Implied average gas price (US$ per 1,000 m3) against the years of ramp-up, chosen case marked.

    ``schedule`` comes from ``rapprochement.price_schedule``. The chosen ramp-up is a large
    black-edged marker with its value written beside it (not colour alone).
    """
    fig, ax = _new_figure(8.0, 4.2)
    x, y = schedule["ramp_up_years"], schedule["price_usd_per_1000m3"]
    ax.plot(
        x,
        y,
        color=OKABE_ITO[0],
        marker="o",
        linewidth=2,
        markersize=5,
        label="implied average price",
    )
    row = schedule[schedule["ramp_up_years"] == chosen_ramp]
    if len(row):
        px, py = int(row["ramp_up_years"].iloc[0]), float(row["price_usd_per_1000m3"].iloc[0])
        ax.plot(
            [px],
            [py],
            marker="D",
            markersize=11,
            color=OKABE_ITO[1],
            markeredgecolor="#000000",
            linestyle="none",
            label="your assumption",
        )
        ax.annotate(
            f"{py:,.0f} $/1,000 m³\n({px} years of ramp-up)",
            (px, py),
            xytext=(10, -28),
            textcoords="offset points",
            fontsize=9,
        )
    ax.set_ylim(0, float(y.max()) * 1.2)
    ax.set_xticks(list(x))
    ax.set_xlabel("Years of ramp-up before full volume")
    ax.set_ylabel("Implied average price (US$ per 1,000 m³)")
    ax.set_title(title, loc="left", fontsize=12)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    _source(fig, source)
    fig.alt_text = (
        f"Line chart, {title}: the implied average price rises from {y.iloc[0]:,.0f} US$ per thousand "
        f"cubic metres with no ramp-up to {y.iloc[-1]:,.0f} with {int(x.iloc[-1])} years of ramp-up"
        + (f"; the chosen assumption ({px} years) gives {py:,.0f}." if len(row) else ".")
    )
    return fig


def gdp_pair_chart(
    table: pd.DataFrame,
    title: str,
    source: str = WB_SOURCE,
    band: tuple[int, int] | None = (2014, 2015),
    labels: tuple[str, str] = ("China", "Russia"),
) -> Figure:
    """Two panels: China's and Russia's GDP (US$ trillions) above, the ratio China / Russia below.

    ``table`` comes from ``rapprochement.gdp_pair``. The two economies differ by colour, line style
    and marker, and each line is labelled at its end; ``band`` shades the years of the rouble's fall.
    Fewer than two years is refused with a ValueError that says so (a widget shows it).
    """
    if table["year"].nunique() < 2:
        raise ValueError(
            f"Only {', '.join(str(int(y)) for y in table['year'])} in the years chosen, and a line "
            "needs two: choose a wider range of years."
            if len(table)
            else "No year to show: choose other years."
        )
    fig = Figure(figsize=(8.0, 6.2), dpi=100, layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    shaded = band and table["year"].min() <= band[1] and table["year"].max() >= band[0]
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#dddddd", linewidth=0.8)
        ax.set_axisbelow(True)
        if shaded:
            ax.axvspan(band[0] - 0.5, band[1] + 0.5, color="#eeeeee", zorder=0)
    t = table
    last = t.iloc[-1]
    lines = (
        ("china_usd", labels[0], OKABE_ITO[0], "-", "o"),
        ("russia_usd", labels[1], OKABE_ITO[1], "--", "s"),
    )
    for col, name, colour, ls, marker in lines:
        top.plot(
            t["year"],
            t[col] / 1e12,
            color=colour,
            linestyle=ls,
            marker=marker,
            markersize=4,
            linewidth=2,
            label=name,
        )
    top.set_ylim(bottom=0)
    lo, hi = top.get_ylim()  # end labels kept apart when the two values are close (the 1990s)
    ys = _spread([last[col] / 1e12 for col, *_ in lines], (hi - lo) * 0.06)
    for (col, name, colour, _ls, _m), y in zip(lines, ys, strict=True):
        top.annotate(
            f"{name}: {last[col] / 1e12:,.2f}",
            (last["year"], last[col] / 1e12),
            xytext=(6, y),
            textcoords=("offset points", "data"),
            fontsize=8,
            color=colour,
            va="center",
        )
    top.set_ylabel("GDP (current US$, trillions)")
    top.set_title(title, loc="left", fontsize=12)
    top.legend(frameon=False, fontsize=8, loc="upper left")
    bottom.plot(t["year"], t["ratio"], color=OKABE_ITO[2], marker="^", markersize=4, linewidth=2)
    bottom.annotate(
        f"×{last['ratio']:.1f}",
        (last["year"], last["ratio"]),
        xytext=(6, 0),
        textcoords="offset points",
        fontsize=8,
        color="#222222",
        va="center",
    )
    bottom.set_ylabel(f"{labels[0]} ÷ {labels[1]} (times)")
    bottom.set_ylim(bottom=0)
    bottom.set_xlabel(
        "Year" + (f" (shaded: {band[0]}–{band[1]}, the rouble's fall)" if shaded else "")
    )
    span = int(t["year"].max() - t["year"].min())
    bottom.set_xlim(t["year"].min() - 0.5, t["year"].max() + max(1.5, span * 0.16))
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 1993.25
    _source(fig, source)
    first = t.iloc[0]
    peak = t.loc[t["ratio"].idxmax()]
    fig.alt_text = (
        f"Two-panel line chart, {title}. {labels[0]}'s GDP went from {first['china_usd'] / 1e12:,.2f} trillion US$ in "
        f"{int(first['year'])} to {last['china_usd'] / 1e12:,.2f} in {int(last['year'])}; {labels[1]}'s from "
        f"{first['russia_usd'] / 1e12:,.2f} to {last['russia_usd'] / 1e12:,.2f}. The ratio went from "
        f"{first['ratio']:.1f} to {last['ratio']:.1f}, highest ({peak['ratio']:.1f}) in {int(peak['year'])}."
    )
    return fig


# ---------------------------------------------------------------- claims ledger
#: One hatch per ledger status, so the bars differ by more than colour.
STATUS_HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo"]


def status_chart(
    counts: pd.Series,
    title: str = "The paper's claims by status",
    source: str = "Source: data/claims_ledger.csv (claims of Sahara 2015; checks on World Bank "
    "and CIA World Factbook data and on the named sources of the course's "
    "event tables)",
) -> Figure:
    """Horizontal bars: number of claims per status (``counts`` indexed by status, in display order).

    Each bar has its own Okabe-Ito colour and hatch, the status name on the axis and the count
    printed at its end, so colour is never the only cue.
    """
    counts = counts.astype(int)
    fig, ax = _new_figure(8.0, 0.55 * len(counts) + 1.6)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    y = list(range(len(counts)))[::-1]
    for yi, (_status, n), colour, hatch in zip(y, counts.items(), OKABE_ITO, cycle(STATUS_HATCHES)):
        ax.barh(yi, n, color=colour, hatch=hatch, edgecolor="white", linewidth=0)
        ax.text(n + max(counts.max(), 1) * 0.01, yi, f"{n}", va="center", fontsize=10)
    ax.set_yticks(y, [str(s) for s in counts.index])
    ax.set_xlabel("Number of claims")
    ax.set_xlim(0, max(counts.max(), 1) * 1.1)
    ax.set_title(title, loc="left", fontsize=12)
    _source(fig, source)
    total = int(counts.sum())
    parts = "; ".join(f"{s}: {n}" for s, n in counts.items())
    fig.alt_text = f"Bar chart of {total} claims by status. {parts}."
    return fig


# ---------------------------------------------------------------- chapter 7: the argument map
#: Fill and border per verdict; the verdict is also written in the box, so colour is never the only cue.
VERDICT_STYLES = {
    "undecided": ("#f2f2f2", ":", 1.2),
    "not supported": ("#f6c9a8", "-", 2.4),
    "weakly supported": ("#f9e0a8", "--", 1.8),
    "partly supported": ("#cde6f5", "-.", 1.8),
    "well supported": ("#bfe8da", "-", 2.4),
}


def _box(ax, x, y, w, h, text, verdict="undecided", fontsize=9.5, dashed=False):
    from matplotlib.patches import FancyBboxPatch

    face, style, width = VERDICT_STYLES.get(verdict, VERDICT_STYLES["undecided"])
    if dashed:
        face, style, width = "white", "--", 1.0
    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0.008,rounding_size=0.012",
            facecolor=face,
            edgecolor="#333333",
            linestyle=style,
            linewidth=width,
            transform=ax.transAxes,
        )
    )
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center",
        fontsize=fontsize,
        transform=ax.transAxes,
        linespacing=1.25,
    )


def argument_map_chart(
    nodes: pd.DataFrame,
    verdicts: dict,
    overall: str,
    counts: dict,
    title: str = "The paper's argument, mapped",
    source: str = "Source: data/argument_map.csv and data/claims_ledger.csv (course's reading of Sahara 2015)",
) -> Figure:
    """A box-and-arrow map, read left to right: the paper's doubts, the premises (one per section)
    with arrows into the conclusion, and the conclusion on the right.

    ``nodes`` is ``argmap.nodes()``; ``verdicts`` maps premise and conclusion keys to verdict names
    (missing ones are 'undecided'); ``overall`` is a line of text for the conclusion (e.g. the result
    of ``argmap.combine``); ``counts`` is ``argmap.ledger_counts()``.
    """
    import textwrap

    fig = Figure(figsize=(8.0, 6.6), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    concl = nodes[nodes["role"] == "conclusion"].iloc[0]
    prem = nodes[nodes["role"] == "premise"].reset_index(drop=True)
    doubt = nodes[nodes["role"] == "doubt"].reset_index(drop=True)

    def verdict(key):
        return verdicts.get(key, "undecided")

    def arrow(start, end, dashed=False):
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            xycoords="axes fraction",
            arrowprops=dict(
                arrowstyle="-|>",
                color="#444444",
                linewidth=1.1,
                linestyle="--" if dashed else "-",
                shrinkA=1,
                shrinkB=1,
            ),
        )

    top, step = 0.9, 0.8 / max(len(prem) - 1, 1)
    cx, cy, cw, ch = 0.85, 0.5, 0.26, 0.42
    _box(
        ax,
        cx,
        cy,
        cw,
        ch,
        f"{concl['node']} · conclusion\n(chapter {concl['chapter']})\n\n"
        + textwrap.fill(concl["label"], 20)
        + "\n\n"
        + textwrap.fill(overall, 22),
        verdict(concl["node"]),
        fontsize=9.5,
    )
    where = {concl["node"]: (cx, cy, cw, ch)}
    px, pw, ph = 0.455, 0.4, 0.115
    for i, p in prem.iterrows():
        y = top - i * step
        where[p["node"]] = (px, y, pw, ph)
        n = counts.get(int(p["chapter"]), {"claims": 0, "checked": 0})
        text = (
            f"{p['node']} · {p['label']}\n"
            f"chapter {p['chapter']} · ledger: {n['checked']} of {n['claims']} claims checked\n"
            f"verdict: {verdict(p['node'])}"
        )
        _box(ax, px, y, pw, ph, text, verdict(p["node"]), fontsize=9)
        arrow((px + pw / 2, y), (cx - cw / 2, cy + (y - 0.5) * ch / 0.8 * 0.9))
    for _, d in doubt.iterrows():
        text = f"{d['node']} · doubt\n" + textwrap.fill(d["label"], 19)
        tx, ty, tw, th = where[d["bears_on"]]
        if d["bears_on"] == concl["node"]:
            x, y = cx, 0.08
            _box(ax, x, y, cw, 0.11, text, dashed=True, fontsize=8.5)
            arrow((x, y + 0.055), (cx, cy - ch / 2), dashed=True)
        else:
            x, y = 0.1, ty
            _box(ax, x, y, 0.19, ph, text, dashed=True, fontsize=8.5)
            arrow((x + 0.095, y), (tx - tw / 2, ty), dashed=True)
    ax.set_title(title, loc="left", fontsize=12)
    _source(
        fig,
        "Solid arrows: a premise supports the conclusion. Dashed: one of the paper's own doubts qualifies "
        "a claim\n(which claim is the course's reading). " + source,
    )
    parts = "; ".join(
        f"{p['node']} (chapter {p['chapter']}): {p['label']}, verdict {verdict(p['node'])}"
        for _, p in prem.iterrows()
    )
    doubts = "; ".join(
        f"{d['node']}: {d['label']} (bears on {d['bears_on']})" for _, d in doubt.iterrows()
    )
    fig.alt_text = (
        f"Argument map. The conclusion, {concl['label']}, rests on {len(prem)} premises, each "
        f"drawn as a box with an arrow to it: {parts}. {overall}. Dashed boxes give the paper's own "
        f"doubts: {doubts}."
    )
    return fig
