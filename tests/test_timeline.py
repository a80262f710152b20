"""The timeline page's combined events table (multipolar.timeline)."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar import data, timeline
from multipolar.events import decimal_year


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return timeline.combined_events()


def test_every_row_has_a_known_theme(events):
    assert events["theme"].isin(timeline.THEMES).all()
    assert set(events["theme"]) == set(timeline.THEMES), (
        "a theme with no events would be an empty filter"
    )


def test_count_per_source_table(events):
    counts = events["table"].value_counts()
    for name in timeline.TABLES:
        df = data.load(name)
        dated = df["date"].notna() & (df["date"].astype(str).str.strip() != "")
        years = df.loc[dated, "date"].astype(str).str[:4].astype(int)
        expected = int(((years >= timeline.FIRST_YEAR) & (years <= timeline.LAST_YEAR)).sum())
        assert counts.get(name, 0) == expected, name
    assert len(events) == counts.sum()


def test_sorted_by_date(events):
    when = events["date"].map(decimal_year)
    assert when.is_monotonic_increasing


def test_no_undated_rows_and_all_in_range(events):
    assert events["date"].str.match(r"^\d{4}(-\d{2}){0,2}$").all()
    assert events["year"].between(timeline.FIRST_YEAR, timeline.LAST_YEAR).all()
    assert (events["year"] == events["date"].str[:4].astype(int)).all()


def test_every_event_names_its_source(events):
    assert (events["source"].str.strip().str.len() > 5).all()
    assert events[["label", "event"]].notna().all().all()


def test_undated_and_out_of_range_rows_are_left_out():
    tables = {name: data.load(name) for name in timeline.TABLES}
    figures = tables["rapprochement_figures"]
    dated = figures["date"].fillna("").astype(str).str.strip() != ""
    assert not dated.all(), "the test needs an undated figure"
    institutions = tables["us_order_institutions"]
    assert (institutions["year"] < timeline.FIRST_YEAR).any(), "the test needs a pre-1991 row"
    out = timeline.combined_events(tables)
    assert (out["table"] == "rapprochement_figures").sum() == dated.sum()
    assert (out["table"] == "us_order_institutions").sum() == (
        institutions["year"] >= timeline.FIRST_YEAR
    ).sum()


def test_unknown_category_is_a_clear_error():
    tables = {name: data.load(name) for name in timeline.TABLES}
    tables["network_events"].loc[0, "category"] = "new kind"
    with pytest.raises(
        ValueError, match=r"network_events\.csv: no timeline theme for category \['new kind'\]"
    ):
        timeline.combined_events(tables)


def test_missing_table_is_a_clear_error():
    with pytest.raises(ValueError, match="needs the tables"):
        timeline.combined_events({"sco_timeline": data.sco_timeline()})


def test_overview_chart_alt_text_counts_every_theme(events):
    fig = timeline.overview_chart(events)
    assert f"{len(events)} dated events" in fig.alt_text
    for theme, n in timeline.theme_counts(events).items():
        assert f"{theme}: {n} (" in fig.alt_text


def test_theme_chart_shows_only_its_theme(events):
    theme = timeline.THEMES[2]
    fig = timeline.theme_chart(theme, events)
    n = int((events["theme"] == theme).sum())
    assert f"the {n} events in the theme {theme}" in fig.alt_text
    other = events.loc[events["theme"] != theme, "label"].iloc[0]
    assert other not in fig.alt_text
    with pytest.raises(ValueError, match="theme must be one of"):
        timeline.theme_chart("nonsense", events)
