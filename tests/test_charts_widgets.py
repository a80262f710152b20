"""Charts are pure and accessible; widgets show a static image and redraw on change."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
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
    line = next(l for l in ax.lines if l.get_label() == "US")
    np.testing.assert_allclose(line.get_ydata(), us["share_pct"])
    assert ax.get_ylabel() == "Share of world GDP (%)" and ax.get_xlabel() == "Year"
    assert "World Bank" in fig._supxlabel.get_text()
    # two series differ by more than colour: line styles differ too
    styles = {l.get_linestyle() for l in ax.lines if l.get_label() in ("US", "China")}
    assert len(styles) == 2


def test_alt_text_is_built_from_the_data():
    df = _shares()
    fig = charts.share_chart(df)
    last_us = df[df["label"] == "US"].iloc[-1]["share_pct"]
    assert f"{last_us:.1f}% in 2010" in fig.alt_text


def test_show_gives_img_with_alt():
    fig = charts.growth_chart(tables.china_gdp("wdi-2015-08", "never"), 1980, 2013, label="China's GDP")
    bundle = charts.show(fig)._repr_mimebundle_()
    img = bundle["text/html"]
    assert img.startswith('<img src="data:image/png;base64,')
    alt = re.search(r'alt="([^"]*)"', img).group(1)
    assert "1980" in alt and "2013" in alt and bundle["text/plain"] == fig.alt_text


def test_palette_is_okabe_ito():
    assert charts.OKABE_ITO[0] == "#0072B2" and len(set(charts.OKABE_ITO)) == len(charts.OKABE_ITO)


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
    import io

    from PIL import Image

    fig = charts.growth_chart(tables.china_gdp("wdi-2015-08", "never"), 1980, 2013, label="GDP")
    live = np.asarray(Image.open(io.BytesIO(widgets.frame_png(fig))))
    static = np.asarray(Image.open(io.BytesIO(charts.png_bytes(fig))))
    assert live.shape == static.shape and (live == static).all()


def test_map_slider_repaints_what_a_fresh_map_shows():
    """The SCO map widget repaints one figure in place: each year must look like a new map of it."""
    from multipolar import maps

    live = maps._LiveMap()
    live(2015)                                  # the default view: a map of its own
    for year in (2001, 2025, 1996, 2015, 2017):
        painted, fresh = live(year), maps.membership_map(year)
        assert painted.alt_text == fresh.alt_text == maps.membership_alt_text(year)
        for a, b in zip(painted.axes[:2], fresh.axes[:2]):
            assert [(tuple(p.get_facecolor()), p.get_hatch()) for p in a.patches] == \
                   [(tuple(p.get_facecolor()), p.get_hatch()) for p in b.patches]
            shown = lambda ax: sorted((t.get_text(), t.get_fontweight()) for t in ax.texts  # noqa: E731
                                      if t.get_visible() and t.get_text())
            assert shown(a) == shown(b), year
        assert painted._suptitle.get_text() == fresh._suptitle.get_text()
        legend = lambda f: [t.get_text() for t in f.axes[2].get_legend().get_texts()]  # noqa: E731
        assert legend(painted) == legend(fresh)
    assert live(2001) is live(2025), "later years should repaint one figure, not build new ones"
