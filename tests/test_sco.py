"""Chapter 4: SCO groupings, Table 3 rebuilt, shares of the world, the timeline and its charts."""

from __future__ import annotations

import re
import sys
from itertools import combinations

import pandas as pd
import pytest
from conftest import ROOT, SOURCES

from multipolar import catalog, charts, data
from multipolar.chapters import ch04_sco as sco

sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

import curated  # noqa: E402


# ---------------------------------------------------------------- groupings
def test_members_2015_are_the_factbook_members():
    fb = data.factbook_2015()
    assert sco.grouping_codes("members_2015") == list(fb.loc[fb["group"] == "member", "code"])
    both = sco.grouping_codes("members_observers_2015")
    assert set(both) == set(fb.loc[fb["group"].isin(["member", "observer"]), "code"])


def test_members_today_adds_the_dated_admissions_to_the_factbook_2025_members():
    status = data.factbook_sco_status()
    printed = set(status.loc[status["status_2025"] == "member", "code"])
    admitted = set(sco.admitted_after_2015())
    tl = data.sco_timeline()
    assert admitted == {
        c for spec in tl.loc[tl["year"] > 2015, "admitted"] if spec for c in spec.split("+")
    }
    today = sco.grouping_codes("members_today")
    assert set(today) == printed | admitted
    assert len(today) == len(set(today)), "no state twice"
    assert set(sco.grouping_codes("members_factbook_2025")) == printed


def test_unknown_grouping_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown grouping"):
        sco.grouping_codes("members_1999")


# ---------------------------------------------------------------- Table 3 (Factbook 2015)
def test_table3_rows_and_units():
    t = sco.table3()
    fb = data.factbook_2015().set_index("name")
    assert len(t) == (fb["group"].isin(["member", "observer"])).sum()
    china = t.set_index("country").loc["China"]
    assert china["area_1000_km2"] == pytest.approx(fb.loc["China", "area_km2"] / 1000)
    assert china["gdp_usd_bn"] == pytest.approx(fb.loc["China", "gdp_oer_usd"] / 1e9)
    assert china["population_m"] == pytest.approx(fb.loc["China", "population"] / 1e6)


def test_factbook_shares_from_first_principles():
    fb = data.factbook_2015().set_index("code")
    codes = ["CHN", "RUS"]
    s = sco.factbook_shares(codes)
    assert s["population_share"] == pytest.approx(
        100 * fb.loc[codes, "population"].sum() / fb.loc["WLD", "population"]
    )
    assert s["gdp_share"] == pytest.approx(
        100 * fb.loc[codes, "gdp_oer_usd"].sum() / fb.loc["WLD", "gdp_oer_usd"]
    )
    assert s["area_share"] == pytest.approx(
        100 * fb.loc[codes, "area_km2"].sum() / fb.loc["WLD", "land_km2"]
    )
    earth = sco.factbook_shares(codes, "surface of the Earth")
    assert earth["area_share"] == pytest.approx(
        100 * fb.loc[codes, "area_km2"].sum() / fb.loc["WLD", "area_km2"]
    )
    assert earth["area_share"] < s["area_share"], (
        "the Earth's surface (oceans included) is the larger denominator"
    )


def test_factbook_shares_reject_bad_input():
    with pytest.raises(ValueError, match="no Factbook 2015 country row"):
        sco.factbook_shares(["CHN", "FRA"])
    with pytest.raises(ValueError, match="area_denominator"):
        sco.factbook_shares(["CHN"], "sea")


def test_group_totals_are_sums_of_table3():
    t = sco.table3()
    totals = sco.group_totals()
    members = t[t["group"] == "member"]
    row = totals.loc[sco.GROUPINGS["members_2015"]]
    assert row["gdp_usd_bn"] == pytest.approx(members["gdp_usd_bn"].sum())
    assert totals.loc[sco.GROUPINGS["members_observers_2015"], "population_m"] == pytest.approx(
        t["population_m"].sum()
    )


def test_plus_three_covers_every_trio_between_the_bounds():
    fb = data.factbook_2015()
    observers = fb.loc[fb["group"] == "observer", "name"]
    hyp = sco.plus_three_range()
    assert len(hyp) == len(list(combinations(observers, 3)))
    assert hyp["added"].is_unique
    lo = sco.factbook_shares(sco.grouping_codes("members_2015"))
    hi = sco.factbook_shares(sco.grouping_codes("members_observers_2015"))
    for key in ("population_share", "gdp_share", "area_share"):
        assert (hyp[key] > lo[key]).all() and (hyp[key] < hi[key]).all()


# ---------------------------------------------------------------- World Bank shares
def test_latest_year_has_every_value_and_is_the_latest():
    codes = sco.grouping_codes("members_today")
    year = sco.latest_year(codes, "gdp")
    gdp = data.gdp_population("wdi-2026-07")
    have = gdp[(gdp["year"] == year) & gdp["code"].isin(codes + ["WLD"])]["gdp_usd"].notna().sum()
    assert have == len(codes) + 1
    later = gdp[(gdp["year"] > year) & gdp["code"].isin(codes + ["WLD"])].dropna(subset=["gdp_usd"])
    assert later.groupby("year")["code"].nunique().lt(len(codes) + 1).all()


def test_country_shares_sum_to_the_group_share():
    codes = sco.grouping_codes("members_today")
    cs = sco.country_shares(codes, "population")
    total = sco.wb_shares(codes).set_index("indicator").loc[sco.INDICATORS["population"]]
    assert cs["share_pct"].sum() == pytest.approx(total["share_pct"])
    assert list(cs["share_pct"]) == sorted(cs["share_pct"], reverse=True)
    area = data.surface_area()
    year = int(sco.country_shares(codes, "area")["year"].iloc[0])
    a = area[area["year"] == year].set_index("code")["area_km2"]
    assert sco.country_shares(codes, "area")["share_pct"].sum() == pytest.approx(
        100 * a[codes].sum() / a["WLD"]
    )


def test_country_shares_errors():
    with pytest.raises(ValueError, match="indicator"):
        sco.country_shares(["CHN"], "oil")
    with pytest.raises(ValueError, match="no gdp data for 1950"):
        sco.country_shares(["CHN"], "gdp", 1950)


# ---------------------------------------------------------------- data files
def test_factbook_status_as_printed():
    s = data.factbook_sco_status().set_index("code")
    fb = data.factbook_2015().set_index("code")
    for code, status in fb["sco_status_2015"].items():
        if status:
            assert s.loc[code, "status_2015"] == status
    assert (s.loc[s["status_2025"] == "member", "printed_2025"] == "SCO").all()


@pytest.mark.skipif(
    not (SOURCES / "SOURCES.md").is_file(), reason="needs ../shared/sources for the paper text"
)
def test_timeline_paper_quotes_are_verbatim_and_dated():
    text = re.sub(r"\s+", " ", build_data.paper_text(SOURCES))
    tl = data.sco_timeline()
    paper = tl[tl["source_type"] == "paper"]
    assert len(paper) > 0
    for r in paper.itertuples():
        assert r.quote in text, r.quote
        assert r.date[:4] in r.quote
    news = tl[tl["source_type"] != "paper"]
    assert news["url"].str.startswith("https://").all()
    assert list(tl["date"]) == sorted(tl["date"])


@pytest.mark.skipif(
    not (SOURCES / "SOURCES.md").is_file(), reason="needs ../shared/sources for the paper text"
)
def test_timeline_build_rejects_a_quote_not_in_the_paper():
    bad = curated.read("sco_timeline")
    assert bad[1]["source_type"] == "paper"
    bad[1]["quote"] = "On 26 April 1996, the Shanghai Five conquered the moon"
    with pytest.raises(build_data.SourceError, match="not in the paper"):
        build_data.build_sco_timeline(build_data.paper_text(SOURCES), bad)


# ---------------------------------------------------------------- charts
def _shares(grouping="members_today"):
    codes = sco.grouping_codes(grouping)
    return pd.concat(
        [
            sco.country_shares(codes, i).assign(indicator=label)
            for i, label in sco.INDICATORS.items()
        ]
    )


def test_stacked_share_chart_totals_and_alt_text():
    shares = _shares()
    fig = charts.stacked_share_chart(
        shares, "Test title", reference={"Area": 10.0}, reference_label="ref"
    )
    for ind, d in shares.groupby("indicator"):
        assert f"{ind} {d['share_pct'].sum():.1f}%" in fig.alt_text
    assert "reference 10.0%" in fig.alt_text
    ax = fig.axes[0]
    assert ax.get_xlabel() and [t.get_text() for t in ax.get_yticklabels()] == list(
        sco.INDICATORS.values()
    )
    for i, (ind, d) in enumerate(
        (ind, shares[shares["indicator"] == ind]) for ind in sco.INDICATORS.values()
    ):
        bars = [p for p in ax.patches if abs(p.get_y() + p.get_height() / 2 - i) < 1e-9]
        assert sum(p.get_width() for p in bars) == pytest.approx(d["share_pct"].sum()), ind


def test_timeline_chart_lists_every_event():
    tl = data.sco_timeline()
    fig = charts.timeline_chart(tl, "T", "S")
    for label in tl["label"]:
        assert label in fig.alt_text
    assert len(fig.axes[0].get_yticklabels()) == len(tl)


def test_area_denominators_agree_with_factbook_shares():
    codes = sco.grouping_codes("members_2015")
    t = sco.area_denominators(codes)
    assert t["share (%)"].iloc[0] == pytest.approx(sco.factbook_shares(codes, "land")["area_share"])
    assert t["share (%)"].iloc[1] == pytest.approx(
        sco.factbook_shares(codes, "surface of the Earth")["area_share"]
    )
    wb = data.surface_area()
    world = wb[wb["code"] == "WLD"].sort_values("year").iloc[-1]["area_km2"]
    assert t["world area (million km²)"].iloc[2] == pytest.approx(world / 1e6)


def test_world_bank_shares_follow_an_edit_of_the_data_file(data_copy):
    """The wide tables behind the shares are cached per state of the data file: an edited file
    (an instructor's correction, in a running kernel) is read again."""
    import os

    path = data_copy / "wb_gdp_population.csv"
    before = sco.wb_shares(["CHN"])
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    year = int(before.loc[before["indicator"] == sco.INDICATORS["gdp"], "year"].iloc[0])
    hit = (df["code"] == "CHN") & (df["vintage"] == catalog.LATEST) & (df["year"] == str(year))
    df.loc[hit, "gdp_usd"] = "1"
    mtime = path.stat().st_mtime_ns
    df.to_csv(path, index=False)
    os.utime(path, ns=(mtime + 10**9, mtime + 10**9))
    after = sco.wb_shares(["CHN"])
    gdp = lambda t: float(t.loc[t["indicator"] == sco.INDICATORS["gdp"], "group_total"].iloc[0])  # noqa: E731
    assert gdp(before) > 1e12 and gdp(after) == 1.0
