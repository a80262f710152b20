"""Tests for the epilogue: trend fitting (multipolar.trends), projections, the chart, the events file."""

from __future__ import annotations

import math
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, SOURCES

from multipolar import catalog, charts, data, tables, trends

sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

import curated  # noqa: E402

YEARS = np.arange(2000, 2014)


# ---------------------------------------------------------------- trends
def test_linear_recovers_a_straight_line():
    values = 30 - 0.7 * (YEARS - 2000)
    params = trends.fit(YEARS, values, "linear")
    assert params["slope"] == pytest.approx(-0.7)
    assert trends.project(params, [2025])[0] == pytest.approx(30 - 0.7 * 25)


def test_loglinear_recovers_constant_relative_growth_and_stays_positive():
    values = 4 * 1.1 ** (YEARS - 2000)
    params = trends.fit(YEARS, values, "loglinear")
    assert math.exp(params["slope"]) == pytest.approx(1.1)
    assert trends.project(params, [2025])[0] == pytest.approx(4 * 1.1**25)
    falling = trends.fit(YEARS, 30 * 0.9 ** (YEARS - 2000), "loglinear")
    assert (trends.project(falling, range(2014, 2100)) > 0).all()


def test_recent_carries_the_last_window_average_change_forward():
    values = np.array([10, 10, 10, 10, 10, 10, 10, 10, 10, 11, 12, 13, 14, 15], dtype=float)
    params = trends.fit(YEARS, values, "recent", window=5)
    assert params["slope"] == pytest.approx((15 - 10) / 5)
    assert trends.project(params, [2013])[0] == pytest.approx(15)
    assert trends.project(params, [2020])[0] == pytest.approx(15 + 7 * 1.0)


def test_fit_ignores_missing_values_and_order():
    values = 5 + 0.5 * (YEARS - 2000)
    shuffled = np.random.default_rng(0).permutation(len(YEARS))
    with_gap = values.copy()
    with_gap[3] = np.nan
    a = trends.fit(YEARS[shuffled], with_gap[shuffled], "linear")
    assert a["slope"] == pytest.approx(0.5) and a["last_year"] == 2013


@pytest.mark.parametrize(
    "years, values, method, match",
    [
        ([2000], [1.0], "linear", "at least two"),
        ([2000, 2001], [1.0, -1.0], "loglinear", "above zero"),
        ([2010, 2011, 2012], [1.0, 2.0, 3.0], "recent", "no value for 2007"),
        ([2000, 2001], [1.0, 2.0], "spline", "unknown method"),
        ([2000, 2001], [1.0], "linear", "same length"),
    ],
)
def test_fit_rejects_bad_input(years, values, method, match):
    with pytest.raises(ValueError, match=match):
        trends.fit(years, values, method)


def test_forecast_error():
    assert trends.forecast_error(9.0, 12.0) == {"error_pp": -3.0, "error_rel_pct": -25.0}
    with pytest.raises(ValueError):
        trends.forecast_error(1.0, 0.0)


def test_every_method_label_names_a_method_that_fits_and_they_differ():
    """The book's labels lead to three different rules; the 'last N years' label says the default window."""
    import inspect

    values = 4 * 1.1 ** (YEARS - 2000) + np.where(YEARS > 2008, 3.0, 0.0)
    projected = {
        key: trends.project(trends.fit(YEARS, values, key), [2025])[0]
        for key in trends.METHODS.values()
    }
    assert len(projected) == len(trends.METHODS) == 3
    assert len({round(v, 6) for v in projected.values()}) == 3, projected
    window = inspect.signature(trends.fit).parameters["window"].default
    recent = next(label for label, key in trends.METHODS.items() if key == "recent")
    assert f"last {window} years" in recent


# ---------------------------------------------------------------- tables
GROUPS = {"United States": "USA", "China (with Hong Kong)": "CHN+HKG"}


@pytest.mark.parametrize("method", ["linear", "loglinear", "recent"])
def test_share_projection_fits_the_fit_vintage_and_reports_the_latest(method):
    proj = tables.share_projection(GROUPS, (2000, 2013), method, fit_vintage=catalog.PAPER_VINTAGE)
    latest = tables.world_shares(GROUPS, catalog.LATEST)
    seen = tables.world_shares(GROUPS, catalog.PAPER_VINTAGE, range(2000, 2014))
    last_year = int(latest["year"].max())
    for label in GROUPS:
        p = proj[proj["label"] == label].set_index("year")
        assert p.index.min() == 2000 and p.index.max() == last_year
        a = latest[latest["label"] == label].set_index("year")["share_pct"]
        assert np.allclose(p["actual"], a.reindex(p.index))
        f = seen[seen["label"] == label].set_index("year")["share_pct"]
        assert np.allclose(p.loc[2000:2013, "fit_data"], f)
        assert p.loc[2014:, "fit_data"].isna().all() and not p.loc[2014:, "in_fit"].any()
        expected = trends.project(trends.fit(f.index, f.values, method), p.index)
        assert np.allclose(p["trend"], expected)


def test_share_projection_linear_matches_polyfit_by_hand():
    proj = tables.share_projection({"US": "USA"}, (2005, 2013), "linear")
    s = tables.world_shares({"US": "USA"}, catalog.LATEST, range(2005, 2014))
    slope, intercept = np.polyfit(s["year"], s["share_pct"], 1)
    last = proj.iloc[-1]
    assert last["trend"] == pytest.approx(intercept + slope * last["year"])


def test_share_projection_rejects_a_window_outside_the_vintage():
    with pytest.raises(ValueError, match="no share"):
        tables.share_projection(
            {"US": "USA"}, (2010, 2020), "linear", fit_vintage=catalog.PAPER_VINTAGE
        )
    with pytest.raises(ValueError, match="two years"):
        tables.share_projection({"US": "USA"}, (2013, 2013), "linear")


def test_forecast_summary_errors_are_projected_minus_actual():
    proj = tables.share_projection(
        GROUPS, (2000, 2013), "linear", fit_vintage=catalog.PAPER_VINTAGE
    )
    summary = tables.forecast_summary(proj).set_index("label")
    for label in GROUPS:
        p = proj[proj["label"] == label].set_index("year")
        year = int(p.index.max())
        row = summary.loc[label]
        assert row["target_year"] == year and row["fit_end"] == 2013
        assert row["error_pp"] == pytest.approx(p.loc[year, "trend"] - p.loc[year, "actual"])
        assert row["error_rel_pct"] == pytest.approx(100 * row["error_pp"] / p.loc[year, "actual"])
        assert row["share_at_fit_end"] == pytest.approx(p.loc[2013, "fit_data"])
    mid = tables.forecast_summary(proj, 2020).set_index("label")
    assert (mid["target_year"] == 2020).all()
    with pytest.raises(ValueError, match="no actual share"):
        tables.forecast_summary(proj, 1990)


# ---------------------------------------------------------------- chart
def test_trend_chart_alt_text_states_projection_and_outcome():
    proj = tables.share_projection(GROUPS, (2000, 2013), "linear")
    fig = charts.trend_chart(proj, "Test title", "linear trend")
    summary = tables.forecast_summary(proj)
    assert "Test title" in fig.alt_text and "2000-2013" in fig.alt_text
    for r in summary.itertuples():
        assert f"{r.label}:" in fig.alt_text
        assert (
            f"actual {r.actual:.1f}%" in fig.alt_text
            and f"projects {r.projected:.1f}%" in fig.alt_text
        )
    ax = fig.axes[0]
    assert "%" in ax.get_ylabel()
    for label in GROUPS:
        p = proj[proj["label"] == label]
        actual = next(line for line in ax.lines if line.get_label() == f"{label}: actual")
        np.testing.assert_allclose(actual.get_ydata(), p["actual"])
        np.testing.assert_array_equal(actual.get_xdata(), p["year"])


# ---------------------------------------------------------------- the events file
def test_epilogue_events_are_dated_sourced_and_in_order():
    ev = data.epilogue_events()
    assert list(ev["date"]) == sorted(ev["date"])
    assert (ev["source"].str.len() > 10).all()
    assert (ev["year"] >= 2015).all()
    fb = ev[ev["source_type"] == "factbook"]
    assert len(fb) >= 1 and (fb["quote"].str.len() > 20).all()
    assert (ev.loc[ev["source_type"] != "factbook", "quote"] == "").all()


@pytest.mark.skipif(not (SOURCES / "SOURCES.md").is_file(), reason="needs ../shared/sources")
def test_build_rejects_a_factbook_quote_that_is_not_in_the_factbook():
    bad = curated.read("epilogue_events")
    row = next(r for r in bad if r["source_type"] == "factbook" and "2022" in r["quote"])
    row["quote"] = row["quote"].replace("2022", "2021")
    with pytest.raises(build_data.SourceError, match="not in the Factbook"):
        build_data.build_epilogue_events(SOURCES, bad)


@pytest.mark.skipif(not (SOURCES / "SOURCES.md").is_file(), reason="needs ../shared/sources")
def test_build_rejects_a_quote_on_a_row_it_cannot_check():
    bad = curated.read("epilogue_events")
    assert bad[0]["source_type"] != "factbook"
    bad[0]["quote"] = "an unverifiable quotation"
    with pytest.raises(build_data.SourceError, match="only Factbook rows"):
        build_data.build_epilogue_events(SOURCES, bad)


# ---------------------------------------------------------------- the five tests after 2015
# Rows added for the events that test the paper's argument most (enlargement, the pipeline,
# Kazakhstan 2022, Afghanistan 2021, the pacts that replaced the TPP).
TEST_TOPICS = {"BRICS", "Trade pacts", "Central Asian security"}
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def test_epilogue_topics_are_the_catalogs_and_cover_the_five_tests():
    fields = {f["name"]: f for f in catalog.RESOURCES["epilogue_events"]["fields"]}
    ev = data.epilogue_events()
    assert set(ev["topic"]) <= set(fields["topic"]["enum"])
    assert TEST_TOPICS <= set(ev["topic"])
    labels = set(ev["label"])
    assert {"Power of Siberia deliveries begin", "Power of Siberia at 38 bcm a year"} <= labels


def test_rows_for_the_five_tests_have_https_sources():
    ev = data.epilogue_events()
    rows = ev[ev["topic"].isin(TEST_TOPICS) | ev["label"].str.startswith("Power of Siberia")]
    assert len(rows) >= 9
    plain = rows.loc[~rows["url"].str.startswith("https://"), "label"]
    assert plain.empty, f"not https: {list(plain)}"
    assert (rows["source_type"] != "factbook").all() and (rows["quote"] == "").all()
    # every source is dated, or says plainly that it is an undated page
    assert rows["source"].str.contains(r"\d{4}|\(web page, undated\)").all()


def test_pipeline_rows_bracket_the_ramp_up():
    ev = data.epilogue_events().set_index("label")
    start = ev.loc["Power of Siberia deliveries begin"]
    plateau = ev.loc["Power of Siberia at 38 bcm a year"]
    assert (start["precision"], plateau["precision"]) == ("month", "day")
    assert pd.Timestamp(start["date"]) < pd.Timestamp(plateau["date"])


def _five_tests_prose() -> str:
    import nbformat

    nb = nbformat.read(ROOT / "book" / "08_epilogue.ipynb", as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if c.source.startswith("### Five tests after 2015"))
    return "\n".join(c.source for c in nb.cells[at : at + 3] if c.cell_type == "markdown")


def test_five_tests_prose_dates_come_from_the_event_rows():
    """Every full date in the epilogue's 'Five tests' prose is a dated row (or stated in one)."""
    import re

    ev, sco_rows = data.epilogue_events(), data.sco_timeline()
    known = set(ev["date"]) | set(sco_rows["date"])
    texts = " ".join(ev["event"])
    dates = re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", _five_tests_prose())
    assert len(dates) >= 8
    for day, month, year in dates:
        iso = f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
        written = f"{day} {month} {year}"
        assert iso in known or written in texts, f"{written} is in no row"


def test_projection_and_summary_keep_the_groups_order_and_a_plain_index():
    proj = tables.share_projection(
        GROUPS, (2000, 2013), "linear", fit_vintage=catalog.PAPER_VINTAGE
    )
    assert list(proj.index) == list(range(len(proj)))
    assert list(pd.unique(proj["label"])) == list(GROUPS)
    assert list(tables.forecast_summary(proj)["label"]) == list(GROUPS)  # not sorted by name
    with pytest.raises(
        ValueError, match=r"^the fit window must span at least two years, not 2013-2013$"
    ):
        tables.share_projection({"US": "USA"}, (2013, 2013), "linear")
    recent = tables.share_projection({"US": "USA"}, (2000, 2013), "recent", window=3)
    s = tables.world_shares({"US": "USA"}, catalog.LATEST, [2010, 2013]).set_index("year")[
        "share_pct"
    ]
    slope = (s[2013] - s[2010]) / 3
    assert recent.set_index("year").loc[2016, "trend"] == pytest.approx(s[2013] + 3 * slope)
