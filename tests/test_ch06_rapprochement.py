"""Chapter 6: the paper's figures table, the contract arithmetic, the GDP pair and its charts."""

from __future__ import annotations

import re
import sys

import pandas as pd
import pytest
from conftest import ROOT, frame_report

from multipolar import catalog, charts, data, tables
from multipolar.chapters import ch06_rapprochement as rp

sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

import curated  # noqa: E402

PAPER = ROOT.parent / "shared" / "paper" / build_data.PAPER_FILE


def flat_paper() -> str:
    if not PAPER.is_file():
        pytest.skip("the paper's text is not at ../shared/paper")
    return re.sub(r"\s+", " ", PAPER.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the figures table
def test_every_figure_is_quoted_verbatim_with_its_citation():
    figs = data.rapprochement_figures()
    flat = flat_paper()
    later = figs["cited_as"].map(build_data.is_later_source)
    assert list(later) == sorted(later), "the later reports come after the paper's figures"
    assert (figs.loc[later, "figure"].str.startswith("pos_")).all()
    figs = figs[~later]
    assert len(figs) >= 10
    for _, r in figs.iterrows():
        assert r["quote"] in flat, r["figure"]
        assert r["cited_as"] == "no citation in the paper" or re.fullmatch(
            r"footnote \[\d+\], text lost", r["cited_as"]
        )
        if not pd.isna(r["value"]):
            assert f"{r['value']:g}" in r["quote"] or r["figure"] == "gas_negotiation_years"
    # the footnote rows: the marker is the first one after the quote
    for _, r in figs[figs["cited_as"].str.startswith("footnote")].iterrows():
        after = flat[flat.index(r["quote"]) + len(r["quote"]) :]
        assert re.search(r"\[(\d+)\]", after).group(0) == r["cited_as"].split()[1].rstrip(",")


def test_the_build_rejects_a_wrong_citation_or_value():
    flat = flat_paper()
    quote = "The Russia reduced its US treasury holdings from 131.8 billion in January 2014 to 82.2 billion in March 2015"
    build_data.check_citation("t", 1, flat, quote, "footnote [30], text lost")
    with pytest.raises(build_data.SourceError, match="does not follow"):
        build_data.check_citation("t", 1, flat, quote, "footnote [31], text lost")
    with pytest.raises(build_data.SourceError, match="cites a source"):
        build_data.check_citation("t", 1, flat, quote, build_data._NO_CITATION)
    bad = curated.read("rapprochement_figures")
    bad[1]["value"] = 500
    with pytest.raises(build_data.SourceError, match="value 500 is not printed"):
        build_data.build_rapprochement_figures(PAPER.read_text(encoding="utf-8"), bad)
    # a later report's row must give the report's address, and the value must be in its words
    rows = curated.read("rapprochement_figures")
    later = [r for r in rows if build_data.is_later_source(r["cited_as"])]
    assert later, "the Power of Siberia rows from later reports"
    no_address = dict(later[0], cited_as="TASS, 2 December 2019, https://")
    wrong_value = dict(later[0], value=999)
    for bad_row in (no_address, wrong_value):
        with pytest.raises(build_data.SourceError, match="address|not printed"):
            build_data.build_rapprochement_figures(
                PAPER.read_text(encoding="utf-8"), rows + [bad_row]
            )


# ---------------------------------------------------------------- contract arithmetic
def test_implied_price_from_first_principles():
    # 400 bn US$ for 38 bcm a year over 30 years: 400e9 / (38 * 30 * 1e9 m3) per m3, times 1,000
    assert rp.implied_price(400e9, 38, 30) == pytest.approx(400e9 / (38 * 30 * 1e9) * 1000)
    # a ramp-up of r years delivers half the annual volume on average during those years
    assert rp.contract_volume_bcm(38, 30, 4) == pytest.approx(38 * 26 + 38 * 4 / 2)
    assert rp.implied_price(400e9, 38, 30, 4) > rp.implied_price(400e9, 38, 30, 0)
    with pytest.raises(ValueError, match="ramp-up"):
        rp.contract_volume_bcm(38, 30, 31)
    with pytest.raises(ValueError, match="positive"):
        rp.implied_price(0, 38, 30)


def test_price_schedule_and_chart():
    sched = rp.price_schedule(400e9, 38, 30, max_ramp_up=6)
    assert list(sched["ramp_up_years"]) == list(range(7))
    assert sched["price_usd_per_1000m3"].is_monotonic_increasing
    fig = charts.gas_price_chart(sched, 3, "Implied price", "Source: test")
    third = sched.loc[3, "price_usd_per_1000m3"]
    assert f"{third:,.0f}" in fig.alt_text and "3 years" in fig.alt_text
    assert fig.axes[0].get_ylabel().startswith("Implied average price")


def test_percent_change():
    assert rp.percent_change(200, 150) == pytest.approx(-25)
    assert rp.percent_change(50, 100) == pytest.approx(100)
    with pytest.raises(ValueError):
        rp.percent_change(0, 1)
    figs = data.rapprochement_figures().set_index("figure")["value"]
    start, end = figs["ust_holdings_jan_2014"], figs["ust_holdings_mar_2015"]
    assert rp.percent_change(start, end) == pytest.approx((end / start - 1) * 100)


# ---------------------------------------------------------------- GDP paths
def test_gdp_pair_matches_the_series():
    for vintage in catalog.VINTAGES:
        pair = rp.gdp_pair(vintage, 2000, 2014).set_index("year")
        china, russia = tables.series("CHN", vintage), tables.series("RUS", vintage)
        assert pair.loc[2014, "ratio"] == pytest.approx(china[2014] / russia[2014])
        assert list(pair.index) == list(range(2000, 2015))
    with_hk = rp.gdp_pair(catalog.LATEST, 2013, 2013, china="CHN+HKG")
    assert with_hk["china_usd"].iloc[0] == pytest.approx(tables.series("CHN+HKG")[2013])


def test_dollar_change_market_and_ppp():
    s = tables.series("RUS", catalog.LATEST)
    got = rp.dollar_change("RUS", 2014, 2015)
    assert got["percent"] == pytest.approx((s[2015] - s[2014]) / s[2014] * 100)
    ppp = tables.ppp_series("RUS")
    assert rp.dollar_change("RUS", 2014, 2015, measure="ppp")["percent"] == pytest.approx(
        (ppp[2015] / ppp[2014] - 1) * 100
    )
    with pytest.raises(ValueError, match="no GDP value"):
        rp.dollar_change("RUS", 2014, 2015, catalog.PAPER_VINTAGE)  # the 2015 vintage ends in 2014
    with pytest.raises(ValueError, match="measure"):
        rp.dollar_change("RUS", 2014, 2015, measure="real")


def test_gdp_pair_chart_alt_text_from_data():
    pair = rp.gdp_pair(catalog.LATEST, 2005, 2016)
    fig = charts.gdp_pair_chart(pair, "China and Russia")
    last = pair.iloc[-1]
    assert f"{last['china_usd'] / 1e12:,.2f}" in fig.alt_text
    assert f"{last['ratio']:.1f}" in fig.alt_text
    assert len(fig.axes) == 2 and "trillions" in fig.axes[0].get_ylabel()
    assert pair["ratio"].notna().all()


def test_gdp_pair_says_which_years_a_vintage_covers():
    """The 2015 vintage ends in 2014: asked for 2016-2025, the message gives the years it has
    (it read 'no year from 2016 to 2014' when the page cut the range at a typed-in 2014)."""
    pair = rp.gdp_pair(catalog.PAPER_VINTAGE, 2010, 2025)
    last = int(pair["year"].max())
    with pytest.raises(ValueError) as err:
        rp.gdp_pair(catalog.PAPER_VINTAGE, last + 2, 2025)
    first = int(rp.gdp_pair(catalog.PAPER_VINTAGE, 1900, 2100)["year"].min())
    assert str(err.value) == (
        f"vintage {catalog.PAPER_VINTAGE} has GDP for both CHN and RUS only from {first} to "
        f"{last}, none of it in {last + 2}-2025: choose other years"
    )


def test_gdp_pair_chart_one_year_is_refused_and_close_values_keep_their_labels_apart():
    one = rp.gdp_pair(catalog.LATEST, 1993, 1993)
    with pytest.raises(ValueError, match=r"^Only 1993 in the years chosen, and a line needs two"):
        charts.gdp_pair_chart(one, "T")
    close = pd.DataFrame(
        {"year": [2000, 2001], "china_usd": [1.0e12, 1.01e12], "russia_usd": [1.0e12, 1.0e12]}
    ).assign(ratio=lambda t: t["china_usd"] / t["russia_usd"])
    fig = charts.gdp_pair_chart(close, "T")
    report = frame_report(fig)
    assert not report["outside"] and report["overlaps"] == 0
    top, bottom = fig.axes
    ends = [t for t in top.texts if t.get_text().startswith(("China: ", "Russia: "))]
    lo, hi = top.get_ylim()
    assert abs(ends[0].xyann[1] - ends[1].xyann[1]) >= 0.06 * (hi - lo) - 1e-12
    assert [
        t.get_text() for t in bottom.get_xticklabels() if 2000 <= t.get_position()[0] <= 2001
    ] == [
        "2000",
        "2001",
    ]
    assert "shaded" not in bottom.get_xlabel(), "no band is drawn for 2000-2001"
