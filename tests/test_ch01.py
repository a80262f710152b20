"""Chapter 1: the PPP file, the institutions table, and the share, overtaking and composition helpers."""

from __future__ import annotations

import csv
import math
import sys

import pandas as pd
import pytest
from conftest import ROOT, SOURCES

from multipolar import catalog, charts, data, tables

sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

PPP_RAW = SOURCES / catalog._WB_PPP_2023["path"]


def _raw_ppp(code: str, year: int) -> float:
    """A value read straight from the raw World Bank file, independently of the build."""
    if not PPP_RAW.is_file():
        pytest.skip("raw PPP file not found")
    lines = PPP_RAW.read_text(encoding="utf-8-sig").splitlines()[4:]
    for row in csv.DictReader(lines):
        if row["Country Code"] == code:
            return float(row[str(year)])
    raise KeyError(code)


# ---------------------------------------------------------------- data
def test_ppp_file_matches_the_raw_source():
    ppp = data.gdp_ppp().set_index(["code", "year"])["gdp_ppp"]
    for code, year in (("USA", 1990), ("CHN", 2021), ("WLD", 2008)):
        assert ppp[(code, year)] == pytest.approx(_raw_ppp(code, year), rel=1e-12)
    years = data.gdp_ppp()["year"]
    assert (years.min(), years.max()) == (1990, 2021)
    assert set(data.gdp_ppp()["vintage"]) == {catalog.PPP_VINTAGE}


def test_institution_snippets_are_in_the_paper_and_dates_match_years():
    text = (SOURCES.parent / "paper" / build_data.PAPER_FILE).read_text(encoding="utf-8")
    inst = data.us_order_institutions()
    assert set(inst["pillar"]) == {"political", "military", "financial and economic"}
    for row in inst.itertuples():
        assert row.paper_snippet in text
        assert row.institution.split()[0] in row.paper_snippet
        assert int(row.date[:4]) == row.year


def test_institution_builder_rejects_a_snippet_not_in_the_paper():
    bad = [
        dict(
            institution="X",
            full_name="X",
            pillar="political",
            paper_snippet="no such words in the paper",
            founding_document="d",
            place="p",
            date="1945-01-01",
            date_event="signed",
            source="s",
        )
    ]
    with pytest.raises(build_data.SourceError, match="does not occur verbatim"):
        build_data.build_institutions("some other text", bad)


# ---------------------------------------------------------------- tables
def test_ppp_series_sums_members():
    both = tables.ppp_series("CHN+HKG")
    assert both[2010] == pytest.approx(_raw_ppp("CHN", 2010) + _raw_ppp("HKG", 2010))


def test_world_shares_ppp_divides_by_world():
    s = tables.world_shares_ppp({"US": "USA"}, years=[2000])
    assert s["share_pct"].iloc[0] == pytest.approx(
        100 * _raw_ppp("USA", 2000) / _raw_ppp("WLD", 2000)
    )


def test_ppp_vs_market_covers_the_same_years_for_both_measures():
    t = tables.ppp_vs_market({"US": "USA"})
    spans = t.groupby("measure")["year"].agg(["min", "max"])
    assert spans.loc[tables.MARKET].tolist() == spans.loc[tables.PPP].tolist()
    market_2000 = t[(t["measure"] == tables.MARKET) & (t["year"] == 2000)]["share_pct"].iloc[0]
    expected = 100 * tables.series("USA")[2000] / tables.series("WLD")[2000]
    assert market_2000 == pytest.approx(expected)


def test_share_changes_differences_and_per_year():
    shares = pd.DataFrame(
        {"label": ["a"] * 3, "year": [2000, 2004, 2010], "share_pct": [10.0, 12.0, 9.0]}
    )
    t = tables.share_changes(shares, [2000, 2004, 2010])
    assert t.loc["a", "2000-2004 (pp)"] == pytest.approx(2.0)
    assert t.loc["a", "2004-2010 (pp)"] == pytest.approx(-3.0)
    per = tables.share_changes(shares, [2000, 2010], per_year=True)
    assert per.loc["a", "2000-2010 (pp a year)"] == pytest.approx(-0.1)
    with pytest.raises(ValueError, match="no shares for year"):
        tables.share_changes(shares, [2000, 2020])


def test_overtaking_year_needs_a_lasting_lead():
    a = pd.Series([1, 3, 1, 3, 4], index=[2000, 2001, 2002, 2003, 2004])
    b = pd.Series([2, 2, 2, 2, 2], index=[2000, 2001, 2002, 2003, 2004])
    assert tables.overtaking_year(a, b) == 2003  # the 2001 lead did not last
    assert tables.overtaking_year(b, a) is None  # b ends behind
    assert tables.overtaking_year(a + 10, b) == 2000  # ahead throughout
    with pytest.raises(ValueError):
        tables.overtaking_year(a, pd.Series([1.0], index=[1990]))


def test_composition_check_identifies_the_eu_membership():
    t = tables.composition_check(
        "EUU", {"EU27": "+".join(tables.EU27), "EU28": "+".join(tables.EU28)}, 2008
    )
    gaps = t.set_index(["vintage", "candidate"])["gap_pct"].abs()
    assert gaps[("wdi-2015-08", "EU28")] < 0.01 < gaps[("wdi-2015-08", "EU27")]
    assert gaps[("wdi-2026-07", "EU27")] < 0.01 < gaps[("wdi-2026-07", "EU28")]
    assert len(set(tables.EU27)) == 27 and set(tables.EU28) - set(tables.EU27) == {"GBR"}


# ---------------------------------------------------------------- chart
def test_measure_chart_alt_text_and_styles():
    t = tables.ppp_vs_market({"United States": "USA", "China": "CHN"}, years=range(2000, 2011))
    fig = charts.measure_chart(t)
    last = t[(t["label"] == "China") & (t["measure"] == tables.PPP) & (t["year"] == 2010)][
        "share_pct"
    ].iloc[0]
    assert (
        "China at purchasing power parity" in fig.alt_text
        and f"{last:.1f}% in 2010" in fig.alt_text
    )
    lines = fig.axes[0].get_lines()
    by_label = {ln.get_label(): ln for ln in lines}
    us_m, us_p = (
        by_label[f"United States, {tables.MARKET}"],
        by_label[f"United States, {tables.PPP}"],
    )
    assert us_m.get_color() == us_p.get_color() and us_m.get_linestyle() != us_p.get_linestyle()
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("(PPP)" in s for s in texts) and any("(MER)" in s for s in texts)
    assert not math.isnan(last)
