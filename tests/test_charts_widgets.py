"""Charts are pure and accessible; widgets show a static image and redraw on change."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from conftest import frame_report
from matplotlib.figure import Figure

from multipolar import charts, quiz, tables, widgets

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _shares():
    return tables.world_shares({"US": "USA", "China": "CHN+HKG"}, "wdi-2026-07", range(2000, 2011))


def test_share_chart_plots_the_data_it_is_given():
    df = _shares()
    fig = charts.share_chart(df)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    us = df[df["label"] == "US"]
    line = next(ln for ln in ax.lines if ln.get_label() == "US")
    np.testing.assert_allclose(line.get_ydata(), us["share_pct"])
    assert ax.get_ylabel() == "Share of world GDP (%)" and ax.get_xlabel() == "Year"
    assert "World Bank" in fig._supxlabel.get_text()
    # two series differ by more than colour: line styles differ too
    styles = {ln.get_linestyle() for ln in ax.lines if ln.get_label() in ("US", "China")}
    assert len(styles) == 2


def test_share_chart_compares_only_the_years_it_shows_and_refuses_one_year():
    """The 2015 vintage ends in 2014: compared with the 2026 one over 1990-2025, the dotted
    lines used to run on past 2014 into the end labels and stop mid-axis. One year, or none,
    cannot be a line: the chart says so (a widget shows the message)."""
    import pytest

    groups = {"US": "USA", "China": "CHN+HKG"}
    span = range(1990, 2026)
    old = tables.world_shares(groups, "wdi-2015-08", span)
    new = tables.world_shares(groups, "wdi-2026-07", span)
    assert new["year"].max() > 2014 == old.dropna(subset=["share_pct"])["year"].max()
    ax = charts.share_chart(old, compare=new, compare_label="other vintage").axes[0]
    dotted = [ln for ln in ax.lines if ln.get_linestyle() == ":" and len(ln.get_xdata())]
    assert len(dotted) == 2 and all(max(ln.get_xdata()) == 2014 for ln in dotted)
    assert all(min(ln.get_xdata()) == 1990 for ln in dotted)
    one = tables.world_shares(groups, "wdi-2015-08", range(2014, 2026))
    with pytest.raises(ValueError, match=r"^Only 2014 has data in the years chosen, and a line"):
        charts.share_chart(one, compare=new)
    none = tables.world_shares(groups, "wdi-2015-08", range(2016, 2026))
    with pytest.raises(ValueError, match=r"^No data in the years chosen: choose other years\.$"):
        charts.share_chart(none)


def test_alt_text_is_built_from_the_data():
    df = _shares()
    fig = charts.share_chart(df)
    last_us = df[df["label"] == "US"].iloc[-1]["share_pct"]
    assert f"{last_us:.1f}% in 2010" in fig.alt_text


def test_show_gives_img_with_alt():
    fig = charts.growth_chart(
        tables.china_gdp("wdi-2015-08", "never"), 1980, 2013, label="China's GDP"
    )
    bundle = charts.show(fig)._repr_mimebundle_()
    img = bundle["text/html"]
    assert img.startswith('<img src="data:image/png;base64,')
    alt = re.search(r'alt="([^"]*)"', img).group(1)
    assert "1980" in alt and "2013" in alt and bundle["text/plain"] == fig.alt_text


#: Okabe & Ito (2008), "Color Universal Design": the eight colours as published.
PUBLISHED_OKABE_ITO = {
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
}


def test_charts_draw_series_in_distinct_okabe_ito_colours():
    from matplotlib.colors import to_hex

    assert len(set(charts.OKABE_ITO)) == len(charts.OKABE_ITO)
    assert {c.upper() for c in charts.OKABE_ITO} <= PUBLISHED_OKABE_ITO - {"#F0E442"}, (
        "yellow is too light on white"
    )
    ax = charts.share_chart(_shares()).axes[0]
    drawn = [
        to_hex(line.get_color()).upper() for line in ax.lines if line.get_label() in ("US", "China")
    ]
    assert len(drawn) == 2 and len(set(drawn)) == 2 and set(drawn) <= PUBLISHED_OKABE_ITO
    fig = charts.growth_chart(tables.china_gdp("wdi-2015-08", "never"), 1980, 2013)
    assert {to_hex(line.get_color()).upper() for line in fig.axes[0].lines} <= PUBLISHED_OKABE_ITO


def test_explorer_static_image_and_redraw():
    calls = []

    def draw(years):
        calls.append(years)
        return charts.growth_chart(tables.china_gdp("wdi-2015-08", "never"), *years, label="GDP")

    ex = widgets.explore(draw, years=widgets.year_range(1980, 2014, (1980, 2013)))
    bundle = ex._repr_mimebundle_()
    assert WIDGET_MIME in bundle, "a live notebook must get the widget"
    assert bundle["text/html"].startswith("<img") and "alt=" in bundle["text/html"]
    assert "1980 to 2013" in bundle["text/plain"]
    ex.controls["years"].value = (1990, 2000)
    assert calls[-1] == (1990, 2000)
    assert "1990 to 2000" in ex.update().alt_text


def test_explore_needs_controls():
    import pytest

    with pytest.raises(ValueError, match="at least one control"):
        widgets.explore(lambda: None)


def test_quiz_builders():
    q = quiz.choice("Q?", {"a": (True, "yes"), "b": (False, "no")})
    assert q["type"] == "multiple_choice" and q["answers"][0]["correct"] is True
    many = quiz.choice("Q?", {"a": (True, "yes"), "b": (True, "yes")})
    assert many["type"] == "many_choice"
    n = quiz.numeric("N?", 50.0, 0.5, "ok")
    assert n["answers"][0]["range"] == [49.5, 50.5] and n["answers"][-1]["type"] == "default"
    import pytest

    with pytest.raises(ValueError, match="no correct answer"):
        quiz.choice("Q?", {"a": (False, "no")})


def test_explorer_shows_a_refusal_as_a_message_not_a_traceback():
    def draw(years):
        if years[0] > 2000:
            raise ValueError(f"no data from {years[0]}")
        return charts.growth_chart(tables.china_gdp("wdi-2015-08", "never"), *years, label="GDP")

    ex = widgets.explore(draw, years=widgets.year_range(1980, 2014, (1980, 2013)))
    ex.controls["years"].value = (2005, 2010)
    assert ex.update() is None and ex.message == "no data from 2005"
    ex.controls["years"].value = (1990, 2000)
    assert "1990 to 2000" in ex.update().alt_text and ex.message is None


def test_live_frame_has_the_static_pixels():
    """A live frame is the static image's pixels, also when its texts come from the glyph cache
    (a second frame of the same figure, and a new figure of other years that shares most texts)."""
    import io

    from PIL import Image

    def pixels(png):  # RGBA: an opaque frame is sent as RGB, which reads back with alpha 255
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))

    series = tables.china_gdp("wdi-2015-08", "never")
    for first, last in [(1980, 2013), (1980, 2013), (1990, 2013), (1980, 2013)]:
        fig = charts.growth_chart(series, first, last, label="GDP")
        live, again = pixels(widgets.frame_png(fig)), pixels(widgets.frame_png(fig))
        static = pixels(charts.png_bytes(fig))
        assert live.shape == static.shape and (live == static).all(), (first, last)
        assert (again == static).all(), (first, last)
    assert widgets._LiveCanvas._shared, "the live frames share a renderer"


def _pixels(png):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def test_an_opaque_frame_is_sent_as_rgb_and_a_transparent_one_keeps_its_alpha():
    import io

    from PIL import Image

    fig, ax = charts._new_figure(4, 3)
    ax.plot([0, 1], [0, 1])
    assert Image.open(io.BytesIO(widgets.frame_png(fig))).mode == "RGB"
    assert Image.open(io.BytesIO(charts.png_bytes(fig))).mode == "RGBA"  # the static image
    fig.patch.set_alpha(0.0)
    ax.patch.set_alpha(0.0)
    live = Image.open(io.BytesIO(widgets.frame_png(fig)))
    assert live.mode == "RGBA" and np.asarray(live)[..., 3].min() == 0
    assert (_pixels(widgets.frame_png(fig)) == _pixels(charts.png_bytes(fig))).all()


def test_renderers_of_the_last_sizes_are_kept_and_share_one_text_cache():
    """A chart whose height follows its rows has a size per choice: the renderers of the sizes
    drawn last are kept (the oldest goes first), and every size reads one cache of drawn texts."""
    widgets._LiveCanvas._shared.clear()

    def chart(height):
        fig, ax = charts._new_figure(4, height)
        ax.set_title("The same title at every height")
        return fig

    limit = widgets._LiveCanvas.MAX_SIZES
    heights = [2 + 0.5 * i for i in range(limit + 1)]
    for h in heights[:limit]:
        widgets.frame_png(chart(h))
    widgets.frame_png(chart(heights[0]))  # the first size, drawn again: now the newest
    widgets.frame_png(chart(heights[limit]))  # one size too many: the oldest (the second) goes
    kept = {round(k[1] / 100 * 2) / 2 for k in widgets._LiveCanvas._shared}
    assert len(widgets._LiveCanvas._shared) == limit
    assert heights[0] in kept and heights[1] not in kept and heights[limit] in kept
    caches = {id(r._texts) for r in widgets._LiveCanvas._shared.values()}
    assert len(caches) == 1, "one text cache for every size at one resolution"
    renderer = next(iter(widgets._LiveCanvas._shared.values()))
    assert any(k[0] == "The same title at every height" for k in renderer._texts)
    # text sizes too: measured once, the same as Agg measures them on a canvas of any size
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=12)
    fresh = widgets._LiveRenderer(50, 60, 100)
    assert fresh._sizes is renderer._sizes
    size = fresh.get_text_width_height_descent("A text measured once", prop, False)
    assert ("A text measured once", hash(prop), 12.0) in renderer._sizes
    agg = RendererAgg(400, 300, 100).get_text_width_height_descent(
        "A text measured once", prop, False
    )
    assert size == agg and size[0] > 0


def test_a_layout_redone_for_longer_labels_then_serves_both_choices():
    """Two choices of one layout key, each with a longer text on another side (long tick labels
    on the left, a long note on the right). The first time one does not fit the kept layout, it
    is laid out afresh, and the kept layout becomes wide enough on both sides: switching back and
    forth then reuses it, instead of laying out each choice afresh every time."""

    def draw(left):
        fig, ax = charts._new_figure(6, 3)
        labels = [("a much longer label " if left else "item ") + str(i) for i in range(4)]
        ax.barh(range(4), [1, 2, 3, 4])
        ax.set_yticks(range(4), labels)
        note = "n" if left else "a long note on the right-hand side"
        ax.text(1.02, 0.5, note, transform=ax.transAxes, va="center")
        return fig

    assert widgets._layout_key(draw(True)) == widgets._layout_key(draw(False))
    ex = widgets.explore(draw, left=widgets.toggle({"left": True, "right": False}, True))
    ex.controls["left"].value = False
    assert (ex.layouts_reused, ex.layouts_redone) == (0, 1)
    margins = {}
    for value in (True, False, True, False):
        ex.controls["left"].value = value
        x0, _, x1, _ = ex.figure.axes[0].get_position().extents * ex.figure.bbox.width
        margins[value] = (x0, ex.figure.bbox.width - x1)
    assert (ex.layouts_reused, ex.layouts_redone) == (4, 1)
    assert margins[True] == margins[False], "both choices share the widened layout"
    for value in (True, False):  # which is as wide, on each side, as each choice's own layout
        fresh = draw(value)
        charts.png_bytes(fresh)
        x0, _, x1, _ = fresh.axes[0].get_position().extents * fresh.bbox.width
        assert margins[value][0] >= x0 - 0.5 and margins[value][1] >= fresh.bbox.width - x1 - 0.5


def test_a_reused_layout_gives_the_static_pixels():
    """A redraw whose layout key matches an earlier frame skips the layout engine and takes that
    layout: for the same figure, that is exactly the static image."""
    series = tables.china_gdp("wdi-2015-08", "never")
    ex = widgets.explore(
        lambda years: charts.growth_chart(series, *years, label="GDP"),
        years=widgets.year_range(1980, 2014, (1980, 2013)),
    )
    assert ex.layouts_reused == 0
    ex.update()
    assert ex.layouts_reused == 1
    live = _pixels(ex._png(ex.figure))
    assert ex.layouts_reused == 2
    assert (live == _pixels(charts.png_bytes(ex.figure))).all()


def test_layout_is_redone_when_a_longer_label_would_run_off_the_canvas():
    """Tick labels are not part of the layout key: when wider ones push the axis label off the
    canvas, the frame is laid out afresh (and is then the static image)."""
    from matplotlib.ticker import FuncFormatter

    def draw(scale):
        fig, ax = charts._new_figure(6, 3)
        ax.plot([0, 1, 2], [0, scale, 2 * scale])
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f} units"))
        ax.set_ylabel("A value")
        return fig

    ex = widgets.explore(draw, scale=widgets.dropdown([1, 10**12], 1, "Scale"))
    assert widgets._layout_key(draw(1)) == widgets._layout_key(draw(10**12))
    ex.controls["scale"].value = 10**12
    assert ex.layouts_reused == 0, "the narrow layout must not be kept for the wide labels"
    report = {}
    widgets.frame_png(ex.figure, report)
    assert not report["outside"]
    assert (_pixels(ex._png(ex.figure)) == _pixels(charts.png_bytes(ex.figure))).all()
    ex.controls["scale"].value = 1  # narrower labels fit in the wide layout: it is reused
    assert ex.layouts_reused == 2


def test_one_axes_layout_serves_another_height_in_pixels():
    """A chart with one row per item grows taller with more items; its margins (in pixels) are
    what a fresh layout gives, so a redraw reuses them, and the axes land where a fresh layout of
    the taller figure puts them (to a pixel)."""

    def draw(n):
        fig = Figure(figsize=(6, 1.5 + 0.3 * n), dpi=100, layout="constrained")
        ax = fig.add_subplot()
        ax.barh(range(n), range(1, n + 1))
        ax.set_yticks(range(n), [f"item {i:02d}" for i in range(n)])
        ax.set_title("Items", loc="left")
        charts._source(fig, "Source: a test")
        return fig

    ex = widgets.explore(draw, n=widgets.slider(3, 12, 5, description="Items"))
    ex.controls["n"].value = 11
    assert ex.layouts_reused == 1
    reused = ex.figure.axes[0].get_position().extents * np.tile(ex.figure.bbox.size, 2)
    fresh_fig = draw(11)
    charts.png_bytes(fresh_fig)
    fresh = fresh_fig.axes[0].get_position().extents * np.tile(fresh_fig.bbox.size, 2)
    assert np.abs(reused - fresh).max() < 1.0, (reused, fresh)


def test_overlapping_labels_are_counted_outside_the_axes_only():
    """The layout check counts texts that overlap (a legend on the source line, say), except two
    texts inside one axes (data labels may overlap whatever the layout)."""
    fig, ax = charts._new_figure(5, 3)
    ax.text(0.5, 0.5, "inside one", transform=ax.transAxes)
    ax.text(0.5, 0.5, "inside two", transform=ax.transAxes)
    report = {}
    widgets.frame_png(fig, report)
    assert report["overlaps"] == 0
    notes = Figure(figsize=(4, 2), dpi=100)
    notes.text(0.1, 0.2, "a note")
    notes.text(0.1, 0.7, "another note")
    widgets.frame_png(notes, report)
    assert report["overlaps"] == 0
    notes.text(0.12, 0.21, "a third note")  # on top of the first
    widgets.frame_png(notes, report)
    assert report["overlaps"] == 1


def test_a_different_layout_key_for_what_changes_the_layout():
    """More legend rows, another figure size, a second line in a title: each has its own key."""
    fig_a, ax_a = charts._new_figure()
    fig_b, ax_b = charts._new_figure()
    for ax, n in ((ax_a, 2), (ax_b, 2)):
        for i in range(n):
            ax.plot([0, 1], [i, i], label=f"line {i}")
        ax.legend(ncols=2)
    assert widgets._layout_key(fig_a) == widgets._layout_key(fig_b)
    ax_b.plot([0, 1], [5, 5], label="a third")
    ax_b.legend(ncols=2)  # two rows now
    assert widgets._layout_key(fig_a) != widgets._layout_key(fig_b)
    ax_a.set_title("one line")
    key = widgets._layout_key(fig_a)
    ax_a.set_title("two\nlines")
    assert widgets._layout_key(fig_a) != key
    fig_a.set_size_inches(8, 5)
    assert widgets._layout_key(fig_a) != key


def test_long_source_lines_wrap_inside_the_figure():
    """A chart's source line longer than the figure is wrapped, not cut off at the edge."""
    fig = charts.status_chart(pd.Series(1, index=["corroborated", "contested"]), title="Claims")
    report = {}
    widgets.frame_png(fig, report)
    assert not report["outside"]
    fig, ax = charts._new_figure(4, 3)
    charts._source(fig, "Source: " + "a long list of sources; " * 12)
    widgets.frame_png(fig, report)
    assert not report["outside"]


def test_bases_chart_keeps_its_legend_and_source_on_the_canvas():
    """Chapter 5's widest chart (all events, every category in the legend, six sources) draws no
    glyph off the canvas: its legend and source line were cut off at the right edge once."""
    from multipolar import data, events

    ev = data.network_events()
    fig = charts.bases_timeline_chart(
        ev,
        events.base_spans(ev),
        2001,
        2014,
        "US bases in Central Asia and the events around them",
        "Sources: Sahara (2015); CIA World Factbook 2015 (Kyrgyzstan); Human Rights Watch "
        "(June 2005); RFE/RL (5 July 2005); Associated Press (30 July 2005); Jamestown "
        "Foundation (2007); Los Angeles Times (4 February 2009)",
    )
    report = {}
    widgets.frame_png(fig, report)
    assert not report["outside"]


def test_timeline_themes_keep_their_texts_apart_and_label_whole_years():
    """Every theme's timeline: no text on another (the legend once sat on "Year" in a short one),
    none off the canvas, and the year axis labelled with whole years (not 2014.2)."""
    from multipolar import timeline

    events = timeline.combined_events()
    for theme in timeline.THEMES:
        fig = timeline.theme_chart(theme, events)
        report = {}
        widgets.frame_png(fig, report)
        assert report == {"outside": False, "overlaps": 0}, theme
        years = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
        assert years and all(y.lstrip("−-").isdigit() for y in years), (theme, years)


def test_garbage_collector_paused_during_a_redraw_only():
    """The cyclic collector is off while a chart is drawn, and on again afterwards, also when the
    chart fails (with a ValueError, shown as a message, or any other error)."""
    import gc

    seen = []

    def draw(kind):
        seen.append(gc.isenabled())
        if kind == "refused":
            raise ValueError("no data for that")
        if kind == "broken":
            raise RuntimeError("a bug")
        return charts.status_chart(pd.Series({"reproduced": 1}), title="T")

    assert gc.isenabled()
    ex = widgets.explore(draw, kind=widgets.dropdown(["fine", "refused", "broken"], "fine", "K"))
    ex.controls["kind"].value = "refused"
    assert ex.message == "no data for that" and gc.isenabled()
    try:
        ex.controls["kind"].value = "broken"
    except RuntimeError:
        pass
    assert gc.isenabled()
    assert seen == [True, False, False], "the first draw (at creation) is not a redraw"


def test_static_image_is_not_drawn_by_the_live_renderer():
    """After a live frame the figure keeps its own canvas: the book's image is drawn as before."""
    fig = charts.growth_chart(tables.china_gdp("wdi-2015-08", "never"), 1980, 2013, label="GDP")
    own = fig.canvas
    widgets.frame_png(fig)
    assert fig.canvas is own and not isinstance(fig.canvas, widgets._LiveCanvas)


def test_map_slider_repaints_what_a_fresh_map_shows():
    """The SCO map widget repaints one figure in place: each year must look like a new map of it."""
    from multipolar import maps

    live = maps._LiveMap()
    live(2015)  # the default view: a map of its own
    for year in (2001, 2025, 1996, 2015, 2017):
        painted, fresh = live(year), maps.membership_map(year)
        assert painted.alt_text == fresh.alt_text == maps.membership_alt_text(year)
        for a, b in zip(painted.axes[:2], fresh.axes[:2]):
            assert [(tuple(p.get_facecolor()), p.get_hatch()) for p in a.patches] == [
                (tuple(p.get_facecolor()), p.get_hatch()) for p in b.patches
            ]
            shown = lambda ax: sorted(
                (t.get_text(), t.get_fontweight())
                for t in ax.texts  # noqa: E731
                if t.get_visible() and t.get_text()
            )
            assert shown(a) == shown(b), year
        assert painted._suptitle.get_text() == fresh._suptitle.get_text()
        legend = lambda f: [t.get_text() for t in f.axes[2].get_legend().get_texts()]  # noqa: E731
        assert legend(painted) == legend(fresh)
    assert live(2001) is live(2025), "later years should repaint one figure, not build new ones"


# ---------------------------------------------------------------- issue 17: alt text states the numbers
def _raw(code, year, vintage, col="gdp_usd"):
    from multipolar import data

    df = data.gdp_population(vintage)
    return float(df[(df["code"] == code) & (df["year"] == year)][col].iloc[0])


def test_growth_chart_alt_text_states_first_last_and_multiple():
    values = tables.china_gdp("wdi-2015-08", "never")
    fig = charts.growth_chart(values, 1980, 2013, label="China's GDP")
    first, last = _raw("CHN", 1980, "wdi-2015-08") / 1e9, _raw("CHN", 2013, "wdi-2015-08") / 1e9
    assert fig.alt_text == (
        f"Line chart of China's GDP from 1980 to 2013: {first:,.0f} to {last:,.0f} "
        f"US$ billions, a multiple of {last / first:.1f}."
    )
    assert last / first > 10, "the multiple is the later value over the earlier one"
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == f"China's GDP, 1980–2013: ×{last / first:.1f}"
    np.testing.assert_allclose(ax.lines[0].get_ydata(), values.loc[1980:2013] / 1e9)


def test_growth_chart_log_scale_and_unit_are_said():
    values = tables.china_gdp("wdi-2015-08", "never")
    fig = charts.growth_chart(
        values / 1e3, 1990, 2000, label="GDP", unit="US$ trillions", scale=1e9, log=True
    )
    first, last = _raw("CHN", 1990, "wdi-2015-08") / 1e12, _raw("CHN", 2000, "wdi-2015-08") / 1e12
    assert fig.alt_text == (
        f"Line chart of GDP from 1990 to 2000 on a log scale: {first:,.0f} to {last:,.0f} "
        f"US$ trillions, a multiple of {last / first:.1f}."
    )
    assert (
        fig.axes[0].get_yscale() == "log"
        and fig.axes[0].get_ylabel() == "GDP (US$ trillions, log scale)"
    )


def test_share_chart_alt_text_gives_each_line_first_and_last_share():
    df = _shares()
    fig = charts.share_chart(df, title="T")
    parts = []
    for label in ("US", "China"):
        d = df[df["label"] == label]
        parts.append(
            f"{label} from {d['share_pct'].iloc[0]:.1f}% in {int(d['year'].iloc[0])} to "
            f"{d['share_pct'].iloc[-1]:.1f}% in {int(d['year'].iloc[-1])}"
        )
    assert fig.alt_text == "Line chart, T. " + "; ".join(parts) + "."


def test_comparison_chart_alt_text_pairs_printed_and_recomputed():
    t = pd.DataFrame({"c": ["US", "China"], "p": [31.3, 9.5], "r": [30.912, 12.345]})
    fig = charts.comparison_chart(t, "c", "p", "r", "Shares", "%")
    assert (
        fig.alt_text
        == "Bar chart, Shares. US: 31.3 printed, 30.91 recomputed; China: 9.5 printed, 12.35 recomputed."
    )
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths == [31.3, 9.5, 30.912, 12.345]


# ---------------------------------------------------------------- issue 17: every chart's alt text, exactly
# Small hand-made tables: the expected sentence is built from the same table, so every number the
# alt text states is checked against what the chart was given.
def test_measure_chart_alt_text_exactly():
    df = pd.DataFrame(
        {
            "label": ["US"] * 4 + ["China"] * 2,
            "measure": ["market exchange rates"] * 2 + ["PPP"] * 2 + ["PPP"] * 2,
            "year": [2000, 2010] * 3,
            "share_pct": [30.04, 22.96, 20.0, 16.5, 7.25, 16.75],
        }
    )
    fig = charts.measure_chart(df, title="T")
    assert fig.alt_text == (
        "Line chart, T. US at market exchange rates from 30.0% in 2000 to 23.0% in 2010; "
        "US at PPP from 20.0% in 2000 to 16.5% in 2010; China at PPP from 7.2% in 2000 to "
        "16.8% in 2010."
    )


def test_membership_matrix_alt_text_exactly():
    nc = "not covered by the course's sources"
    m = pd.DataFrame(
        {
            "SCO: Shanghai": ["member", ""],
            "CAREC: Central Asia": [nc, nc],
            "CICA": ["observer", "member"],
        },
        index=["China", "Japan"],
    )
    fig = charts.membership_matrix_chart(m, "T")
    assert fig.alt_text == (
        "Dot matrix, T. China: SCO (member), CICA (observer); Japan: CICA (member). "
        "Not covered by the course's sources: CAREC."
    )
    m2 = pd.DataFrame({"SCO": ["", ""]}, index=["A", "B"])
    assert charts.membership_matrix_chart(m2, "T").alt_text == "Dot matrix, T. A: none; B: none."


def test_stacked_share_chart_legend_stays_on_the_canvas_with_a_long_reference():
    """Chapter 4's comparison label can be long ('Members today (Factbook 2025 + dated
    admissions) (dashed)'): in one row with the states it ran off both edges of the chart, so
    the legend then takes columns of up to three. A short one keeps one row. The reference
    comes after the states either way."""
    df = pd.DataFrame(
        {
            "indicator": ["GDP"] * 4,
            "year": [2014] * 4,
            "name": ["China", "India", "Russian Federation", "Kazakhstan"],
            "share_pct": [10.0, 5.0, 2.5, 1.25],
        }
    )
    long = "Members today (Factbook 2025 + dated admissions) (dashed)"
    for label, ncols in [(long, 3), ("Members in 2015 (6) (dashed)", 5)]:
        fig = charts.stacked_share_chart(df, "T", reference={"GDP": 12.5}, reference_label=label)
        legend = fig.axes[0].get_legend()
        texts = [t.get_text() for t in legend.get_texts()]
        assert texts == ["China", "India", "Russian Federation", "others", label]
        assert legend._ncols == ncols, label
        report = frame_report(fig)
        assert not report["outside"] and report["overlaps"] == 0, label


def test_stacked_share_chart_alt_text_exactly():
    df = pd.DataFrame(
        {
            "indicator": ["GDP"] * 4 + ["Area"] * 4,
            "year": [2014] * 4 + [2015] * 4,
            "name": ["A", "B", "C", "D"] * 2,
            "share_pct": [10.0, 5.0, 2.5, 1.25, 1.0, 2.0, 3.0, 4.0],
        }
    )
    fig = charts.stacked_share_chart(df, "T", top=2, reference={"GDP": 12.5})
    assert fig.alt_text == (
        "Stacked bar chart, T. GDP 18.8% in 2014 (reference 12.5%), largest A 10.0%, B 5.0%; "
        "Area 10.0% in 2015, largest D 4.0%, C 3.0%."
    )
    ax = fig.axes[0]
    row = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks())}

    def bar(label):  # the segments of one indicator's bar, left to right
        return [
            p.get_width()
            for p in sorted(ax.patches, key=lambda p: p.get_x())
            if abs(p.get_y() + p.get_height() / 2 - row[label]) < 1e-9
        ]

    assert bar("GDP") == [10.0, 5.0, 3.75]  # A, B, then the rest (2.5 + 1.25)
    assert bar("Area") == [1.0, 2.0, 7.0]  # the same segments (A, B, the rest) in every bar


def test_timeline_chart_alt_text_exactly():
    ev = pd.DataFrame(
        {
            "date": ["2001-06-15", "1996-04"],
            "label": ["SCO founded", "Shanghai Five"],
            "kind": ["founding", "summit"],
        }
    )
    assert (
        charts.timeline_chart(ev, "T", "S").alt_text
        == "Timeline, T: 2001-06-15 SCO founded; 1996-04 Shanghai Five."
    )


def test_trend_chart_alt_text_exactly():
    proj = pd.DataFrame(
        {
            "label": ["US"] * 3,
            "year": [2000, 2001, 2002],
            "actual": [30.0, 29.0, 26.25],
            "fit_data": [30.0, 29.0, float("nan")],
            "trend": [30.0, 29.0, 28.0],
            "in_fit": [True, True, False],
        }
    )
    fig = charts.trend_chart(proj, "T", "linear trend")
    assert fig.alt_text == (
        "Line chart, T. Shaded fit window 2000-2001, linear trend. US: 29.0% in 2001; the trend "
        "projects 28.0% for 2002, actual 26.2% (error +1.8 points)."
    )


def test_bargaining_chart_alt_text_exactly():
    t = pd.DataFrame(
        {
            "backers": [0, 1, 2],
            "refusal_cost": [9.0, 5.5, 2.0],
            "compliance_cost": [4.0] * 3,
            "decision": ["comply", "comply", "refuse"],
        }
    )
    assert charts.bargaining_chart(t, 1, "T").alt_text == (
        "Bar chart, T: the cost of refusing falls from 9 with no backers to 2 with 2; the cost of complying is 4. "
        "Refusal is viable from 2 backers. With 1 backers the model says: comply."
    )
    never = t.assign(decision="comply")
    assert charts.bargaining_chart(never, 5, "T").alt_text == (
        "Bar chart, T: the cost of refusing falls from 9 with no backers to 2 with 2; the cost of complying is 4. "
        "Refusal is not viable with any number of backers shown. "
    )


def test_gas_price_chart_alt_text_exactly():
    s = pd.DataFrame({"ramp_up_years": [0, 1, 2], "price_usd_per_1000m3": [350.4, 361.6, 1372.5]})
    assert charts.gas_price_chart(s, 1, "T", "S").alt_text == (
        "Line chart, T: the implied average price rises from 350 US$ per thousand cubic metres with no ramp-up to "
        "1,372 with 2 years of ramp-up; the chosen assumption (1 years) gives 362."
    )
    assert charts.gas_price_chart(s, 9, "T", "S").alt_text.endswith("with 2 years of ramp-up.")


def test_gdp_pair_chart_alt_text_exactly():
    t = pd.DataFrame(
        {
            "year": [2013, 2014, 2015],
            "china_usd": [9.6e12, 10.5e12, 11.1e12],
            "russia_usd": [2.29e12, 2.06e12, 1.36e12],
            "ratio": [4.19, 5.1, 8.16],
        }
    )
    fig = charts.gdp_pair_chart(t, "T", labels=("China", "Russia"))
    assert fig.alt_text == (
        "Two-panel line chart, T. China's GDP went from 9.60 trillion US$ in 2013 to 11.10 in 2015; Russia's from "
        "2.29 to 1.36. The ratio went from 4.2 to 8.2, highest (8.2) in 2015."
    )
    assert charts.gdp_pair_chart(
        t.iloc[::-1].reset_index(drop=True).assign(year=[2015, 2014, 2013]), "T"
    ).alt_text.endswith("highest (8.2) in 2015.")


def test_status_chart_alt_text_exactly():
    counts = pd.Series({"reproduced": 3, "not reproduced": 0, "contested": 2})
    assert (
        charts.status_chart(counts).alt_text
        == "Bar chart of 5 claims by status. reproduced: 3; not reproduced: 0; contested: 2."
    )


def test_bases_timeline_chart_alt_text_exactly():
    spans = pd.DataFrame(
        {"name": ["K2", "Manas"], "start": ["2001-10", ""], "end": ["2005-11-21", "2014-06-03"]}
    )
    ev = pd.DataFrame({"date": ["2005-05-13"], "label": ["Andijan"], "category": ["unrest"]})
    fig = charts.bases_timeline_chart(ev, spans, 2001, 2014, "T", "S")
    assert fig.alt_text == (
        "Timeline 2001-2014, T. US base K2: 2001-10 to 2005-11-21; US base Manas: start not "
        "dated by the sources to 2014-06-03. Events: 2005-05-13 Andijan (unrest)."
    )
    none = charts.bases_timeline_chart(ev.iloc[:0], spans.iloc[:1], 2001, 2014, "T", "S")
    assert none.alt_text.endswith("Events: none in the years chosen.")


# ---------------------------------------------------------------- mutation survivors (issue 17)
def test_img_html_falls_back_to_chart_when_a_figure_has_no_alt_text():
    bare = Figure()
    assert 'alt="Chart"' in charts.img_html(bare, png=b"x")
    bare.alt_text = ""
    assert 'alt="Chart"' in charts.img_html(bare, png=b"x")


def test_gdp_pair_chart_states_trillions_exactly():
    # values whose trillions end on a 5 that rounds up: dividing by anything but 1e12 shows
    t = pd.DataFrame(
        {
            "year": [2013, 2015],
            "china_usd": [1.375e12, 5.375e12],
            "russia_usd": [3.875e12, 0.875e12],
            "ratio": [0.35, 6.14],
        }
    )
    tr = [f"{v / 1e12:,.2f}" for v in (1.375e12, 5.375e12, 3.875e12, 0.875e12)]
    assert charts.gdp_pair_chart(t, "T", labels=("China", "Russia")).alt_text == (
        f"Two-panel line chart, T. China's GDP went from {tr[0]} trillion US$ in 2013 to {tr[1]} "
        f"in 2015; Russia's from {tr[2]} to {tr[3]}. The ratio went from 0.3 to 6.1, highest "
        "(6.1) in 2015."
    )


def test_argument_map_alt_text_exactly():
    nodes = pd.DataFrame(
        {
            "node": ["C", "P1", "P2", "D1", "D2"],
            "role": ["conclusion", "premise", "premise", "doubt", "doubt"],
            "label": ["a new order", "growth", "links", "data gaps", "short span"],
            "chapter": [7, 2, 3, 2, 7],
            "bears_on": ["", "", "", "P1", "C"],
        }
    )
    fig = charts.argument_map_chart(nodes, {"P1": "well supported"}, "Overall: open", {})
    assert fig.alt_text == (
        "Argument map. The conclusion, a new order, rests on 2 premises, each drawn as a box with "
        "an arrow to it: P1 (chapter 2): growth, verdict well supported; P2 (chapter 3): links, "
        "verdict undecided. Overall: open. Dashed boxes give the paper's own doubts: D1: data gaps "
        "(bears on P1); D2: short span (bears on C)."
    )


def test_bases_timeline_chart_lists_several_events_apart():
    spans = pd.DataFrame({"name": ["K2"], "start": ["2001-10"], "end": ["2005-11-21"]})
    ev = pd.DataFrame(
        {
            "date": ["2005-05-13", "2005-07-05"],
            "label": ["Andijan", "Astana summit"],
            "category": ["unrest", "summit"],
        }
    )
    fig = charts.bases_timeline_chart(ev, spans, 2001, 2014, "T", "S")
    assert fig.alt_text.endswith(
        "Events: 2005-05-13 Andijan (unrest); 2005-07-05 Astana summit (summit)."
    )


def test_trend_chart_alt_text_for_two_groups_and_a_longer_window():
    proj = pd.DataFrame(
        {
            "label": ["US"] * 4 + ["EU"] * 4,
            "year": [2000, 2001, 2002, 2003] * 2,
            "actual": [30.0, 29.0, 28.0, 26.25, 25.0, 24.0, 23.0, 21.5],
            "fit_data": [30.0, 29.0, 28.0, float("nan"), 25.0, 24.0, 23.0, float("nan")],
            "trend": [30.0, 29.0, 28.0, 27.0, 25.0, 24.0, 23.0, 22.0],
            "in_fit": [True, True, True, False] * 2,
        }
    )
    fig = charts.trend_chart(proj, "T", "linear trend")
    assert fig.alt_text == (
        "Line chart, T. Shaded fit window 2000-2002, linear trend. US: 28.0% in 2002; the trend "
        "projects 27.0% for 2003, actual 26.2% (error +0.8 points); EU: 23.0% in 2002; the trend "
        "projects 22.0% for 2003, actual 21.5% (error +0.5 points)."
    )


def test_membership_matrix_names_every_uncovered_mechanism():
    nc = "not covered by the course's sources"
    m = pd.DataFrame(
        {"SCO": ["member"], "CAREC: Central Asia": [nc], "GMS: Mekong": [nc]}, index=["China"]
    )
    assert charts.membership_matrix_chart(m, "T").alt_text == (
        "Dot matrix, T. China: SCO (member). Not covered by the course's sources: CAREC, GMS."
    )


def _stacked(names, shares, top):
    df = pd.DataFrame(
        {"indicator": "GDP", "year": 2014, "name": names, "share_pct": shares},
    )
    fig = charts.stacked_share_chart(df, "T", top=top)
    return fig, [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


def test_stacked_share_chart_others_only_when_some_are_left_over():
    fig, legend = _stacked(["A", "B"], [10.0, 5.0], top=2)
    assert legend == ["A", "B"]  # no empty 'others' segment
    assert fig.alt_text == "Stacked bar chart, T. GDP 15.0% in 2014, largest A 10.0%, B 5.0%."
    _, legend = _stacked(["A", "B", "C"], [10.0, 5.0, 1.0], top=2)
    assert legend == ["A", "B", "others"]


def test_stacked_share_chart_breaks_ties_by_the_order_given():
    # equal totals: the state listed first gets its own segment, not the first by name
    _, legend = _stacked(["B", "A", "C"], [5.0, 5.0, 1.0], top=1)
    assert legend == ["B", "others"]


def test_stacked_share_chart_with_one_state():
    fig, legend = _stacked(["A"], [10.0], top=3)
    assert legend == ["A"]
    assert fig.alt_text == "Stacked bar chart, T. GDP 10.0% in 2014, largest A 10.0%."


def test_stacked_share_chart_keeps_tied_states_in_the_order_given():
    # C and D tie, A and B tie: each pair keeps its order (a plain descending sort swaps them)
    _, legend = _stacked(["A", "B", "C", "D"], [1.0, 1.0, 2.0, 2.0], top=3)
    assert legend == ["C", "D", "A", "others"]


def test_spread_keeps_labels_a_gap_apart_and_in_their_order():
    assert charts._spread([5.0, 5.1, 10.0], 1.0) == [5.0, 6.0, 10.0]
    assert charts._spread([5.1, 10.0, 5.0], 1.0) == [6.0, 10.0, 5.0]
    assert charts._spread([3.0], 1.0) == [3.0] and charts._spread([], 1.0) == []


def test_share_chart_of_two_years_labels_whole_years_and_keeps_end_labels_apart():
    """Two years with two close shares (the US and the BRICS in 2013-2014): the axis read 2013.2,
    2013.4, ..., and the end labels, spaced before the y axis was extended to 0, overlapped."""
    groups = {"US": "USA", "BRICS": "CHN+HKG+BRA+RUS+IND+ZAF", "China": "CHN+HKG"}
    shares = tables.world_shares(groups, "wdi-2026-07", range(2013, 2015))
    fig = charts.share_chart(shares)
    report = frame_report(fig)
    assert not report["outside"] and report["overlaps"] == 0
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2013", "2014"]
