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


#: Okabe & Ito (2008), "Color Universal Design": the eight colours as published.
PUBLISHED_OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def test_charts_draw_series_in_distinct_okabe_ito_colours():
    from matplotlib.colors import to_hex

    assert len(set(charts.OKABE_ITO)) == len(charts.OKABE_ITO)
    assert {c.upper() for c in charts.OKABE_ITO} <= PUBLISHED_OKABE_ITO - {"#F0E442"}, "yellow is too light on white"
    ax = charts.share_chart(_shares()).axes[0]
    drawn = [to_hex(line.get_color()).upper() for line in ax.lines if line.get_label() in ("US", "China")]
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


# ---------------------------------------------------------------- issue 17: alt text states the numbers
def _raw(code, year, vintage, col="gdp_usd"):
    from multipolar import data

    df = data.gdp_population(vintage)
    return float(df[(df["code"] == code) & (df["year"] == year)][col].iloc[0])


def test_growth_chart_alt_text_states_first_last_and_multiple():
    values = tables.china_gdp("wdi-2015-08", "never")
    fig = charts.growth_chart(values, 1980, 2013, label="China's GDP")
    first, last = _raw("CHN", 1980, "wdi-2015-08") / 1e9, _raw("CHN", 2013, "wdi-2015-08") / 1e9
    assert fig.alt_text == (f"Line chart of China's GDP from 1980 to 2013: {first:,.0f} to {last:,.0f} "
                            f"US$ billions, a multiple of {last / first:.1f}.")
    assert last / first > 10, "the multiple is the later value over the earlier one"
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == f"China's GDP, 1980–2013: ×{last / first:.1f}"
    np.testing.assert_allclose(ax.lines[0].get_ydata(), values.loc[1980:2013] / 1e9)


def test_growth_chart_log_scale_and_unit_are_said():
    values = tables.china_gdp("wdi-2015-08", "never")
    fig = charts.growth_chart(values / 1e3, 1990, 2000, label="GDP", unit="US$ trillions", scale=1e9, log=True)
    first, last = _raw("CHN", 1990, "wdi-2015-08") / 1e12, _raw("CHN", 2000, "wdi-2015-08") / 1e12
    assert fig.alt_text == (f"Line chart of GDP from 1990 to 2000 on a log scale: {first:,.0f} to {last:,.0f} "
                            f"US$ trillions, a multiple of {last / first:.1f}.")
    assert fig.axes[0].get_yscale() == "log" and fig.axes[0].get_ylabel() == "GDP (US$ trillions, log scale)"


def test_share_chart_alt_text_gives_each_line_first_and_last_share():
    df = _shares()
    fig = charts.share_chart(df, title="T")
    parts = []
    for label in ("US", "China"):
        d = df[df["label"] == label]
        parts.append(f"{label} from {d['share_pct'].iloc[0]:.1f}% in {int(d['year'].iloc[0])} to "
                     f"{d['share_pct'].iloc[-1]:.1f}% in {int(d['year'].iloc[-1])}")
    assert fig.alt_text == "Line chart, T. " + "; ".join(parts) + "."


def test_comparison_chart_alt_text_pairs_printed_and_recomputed():
    t = pd.DataFrame({"c": ["US", "China"], "p": [31.3, 9.5], "r": [30.912, 12.345]})
    fig = charts.comparison_chart(t, "c", "p", "r", "Shares", "%")
    assert fig.alt_text == "Bar chart, Shares. US: 31.3 printed, 30.91 recomputed; China: 9.5 printed, 12.35 recomputed."
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths == [31.3, 9.5, 30.912, 12.345]
