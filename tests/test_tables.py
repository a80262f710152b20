"""Computations in multipolar.tables, checked against the raw rows of data/ by other routes."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from multipolar import data, tables


def raw(code, year, vintage, col="gdp_usd"):
    df = data.gdp_population(vintage)
    return float(df[(df["code"] == code) & (df["year"] == year)][col].iloc[0])


def test_series_sums_members():
    s = tables.series("CHN+HKG", "wdi-2015-08")
    assert s[2013] == pytest.approx(
        raw("CHN", 2013, "wdi-2015-08") + raw("HKG", 2013, "wdi-2015-08")
    )


def test_series_is_missing_when_a_member_is_missing():
    s = tables.series("RUS+CHN", "wdi-2026-07")
    rus = (
        data.gdp_population("wdi-2026-07")
        .query("code == 'RUS'")
        .dropna(subset=["gdp_usd"])["year"]
        .min()
    )
    assert math.isnan(s[rus - 1]) and not math.isnan(s[rus])


def test_unknown_code_is_a_clear_error():
    with pytest.raises(ValueError, match=r"unknown World Bank code\(s\) \['XYZ'\]"):
        tables.series("CHN+XYZ")


def test_china_from_handover_switches_in_1997():
    s = tables.china_gdp("wdi-2015-08", "from_handover")
    assert s[1996] == pytest.approx(raw("CHN", 1996, "wdi-2015-08"))
    assert s[1997] == pytest.approx(
        raw("CHN", 1997, "wdi-2015-08") + raw("HKG", 1997, "wdi-2015-08")
    )
    with pytest.raises(ValueError, match="hong_kong must be"):
        tables.china_gdp("wdi-2015-08", "sometimes")


def test_growth_multiple_and_errors():
    s = pd.Series({2000: 2.0, 2010: 9.0, 2011: float("nan")}, name="x")
    assert tables.growth_multiple(s, 2000, 2010) == 4.5
    with pytest.raises(ValueError, match="no value for 2011"):
        tables.growth_multiple(s, 2000, 2011)
    with pytest.raises(ValueError, match="must come after"):
        tables.growth_multiple(s, 2010, 2000)
    assert tables.annual_growth(pd.Series({0: 1.0, 2: 4.0}), 0, 2) == pytest.approx(100.0)


def test_growth_check_flags():
    check = tables.growth_check(["wdi-2015-08"])
    row = check[(check["period"] == "1980-2013") & (check["series"] == "China alone")].iloc[0]
    expected = raw("CHN", 2013, "wdi-2015-08") / raw("CHN", 1980, "wdi-2015-08")
    assert row["computed"] == pytest.approx(expected)
    assert row["reproduces"] == (round(expected) == 50 or math.floor(expected) == 50)
    assert len(check) == 4 * len(tables.HK_OPTIONS)


def test_china_table1_per_capita():
    t = tables.china_table1("wdi-2015-08", with_hong_kong=False)
    gdp, pop = raw("CHN", 2000, "wdi-2015-08"), raw("CHN", 2000, "wdi-2015-08", "population")
    assert t.loc["GDP per capita (US$)", 2000] == pytest.approx(gdp / pop)
    assert t.loc["Population, millions", 2000] == pytest.approx(pop / 1e6)


def test_world_shares():
    s = tables.world_shares({"US": "USA"}, "wdi-2026-07", [2013]).iloc[0]
    assert s["share_pct"] == pytest.approx(
        100 * raw("USA", 2013, "wdi-2026-07") / raw("WLD", 2013, "wdi-2026-07")
    )


def test_table2_rebuilt_brics_is_sum_of_members():
    t = tables.table2_rebuilt("wdi-2026-07").pivot(
        index="year", columns="label", values="gdp_usd_bn"
    )
    parts = t[["China (with Hong Kong)", "Brazil", "Russia", "India", "South Africa"]].sum(axis=1)
    assert (t["BRICS total"] - parts).abs().max() < 1e-6


def test_table2_comparison_truncation_rule():
    c = tables.table2_comparison("wdi-2015-08").dropna(subset=["printed_bn"])
    expected = c["printed_bn"] == c["data_bn"].apply(math.floor)
    assert (c["same_level"].astype(bool) == expected).all()
    assert c["same_level"].astype(bool).any() and not c["same_level"].astype(bool).all()


def test_format_bn_share_truncates_like_the_paper():
    df = pd.DataFrame(
        {"label": ["A", "A"], "year": [2000, 2005], "v": [10284.78, None], "s": [30.91, None]}
    )
    wide = tables.format_bn_share(df, "v", "s")
    assert wide.loc["A", 2000] == "10,284 (30.9%)" and wide.loc["A", 2005] == "–"


# Chapter 2 states these findings in prose; the tests keep the prose and the data in step.


def test_chapter2_growth_multiple_findings():
    check = tables.growth_check(["wdi-2015-08"])
    hits = {
        s: set(g.loc[g["reproduces"].astype(bool), "period"]) for s, g in check.groupby("series")
    }
    mixed = [s for s in tables.HK_OPTIONS if tables.HK_OPTIONS[s] == "from_handover"][0]
    assert hits["China alone"] == {"1980-2013", "1980-1990"}
    assert hits["China with Hong Kong"] == {"1980-1990", "2000-2010"}
    assert hits[mixed] == {"1980-1990", "1990-2000", "2000-2010"}
    printed = data.paper_table2()
    china_2013 = printed[
        (printed["label"] == "China (with Hong Kong)") & (printed["year"] == 2013)
    ]["gdp_usd_bn"].iloc[0]
    ratio = china_2013 * 1e9 / tables.china_gdp("wdi-2015-08", "never")[1980]
    assert 49.5 < ratio < 50.5


def test_chapter2_table2_findings():
    c = tables.table2_comparison("wdi-2015-08").dropna(subset=["printed_bn"])
    same = c["same_level"].astype(bool)
    big3 = c[c["label"].isin(["United States", "Japan", "Germany"])]
    assert big3["same_level"].astype(bool).all() and (big3["share_gap_pp"] > 0).all()
    assert (c.loc[c["label"] == "United States", "share_gap_pp"] > 0.2).all()
    for label in ["China (with Hong Kong)", "Brazil"]:
        rows = c[c["label"] == label]
        assert (rows["printed_bn"] < rows["data_bn"]).all()
        assert not rows["same_level"].astype(bool).any()
    for label in ["Russia", "India"]:
        rows = c[c["label"] == label].set_index("year")
        assert rows.loc[2013, "printed_bn"] > rows.loc[2013, "data_bn"]
        assert rows.loc[[2000, 2005, 2010], "same_level"].astype(bool).all()
    assert c.loc[c["label"] == "South Africa", "same_level"].astype(bool).all()
    us = c[c["label"] == "United States"]
    implied = us["printed_bn"] / (us["printed_share"] / 100)
    world = tables.series("WLD", "wdi-2015-08").reindex(us["year"]) / 1e9
    assert (implied.to_numpy() < world.to_numpy()).all()
    assert same.sum() == 20 and len(c) == 34


def test_chapter2_printed_2013_shares_against_latest():
    printed = data.paper_table2()
    latest = tables.table2_rebuilt("wdi-2026-07")
    both = printed.merge(latest, on=["row", "label", "year"], suffixes=("_p", "_l"))
    gap = (
        both[both["year"] == 2013].set_index("label")["share_pct_l"]
        - both[both["year"] == 2013].set_index("label")["share_pct_p"]
    ).abs()
    assert (gap.drop("South Africa") >= 0.1).all() and gap["South Africa"] < 0.1
    assert gap.idxmax() == "United States"


# ---------------------------------------------------------------- issue 17: no single point of failure
@pytest.mark.parametrize("vintage", ["wdi-2015-08", "wdi-2026-07"])
def test_world_shares_divides_by_the_same_vintages_world(vintage):
    s = tables.world_shares({"US": "USA", "China": "CHN+HKG"}, vintage, [2000, 2013]).set_index(
        ["label", "year"]
    )
    for year in (2000, 2013):
        world = raw("WLD", year, vintage)
        assert s.loc[("US", year), "world_usd"] == world
        assert s.loc[("US", year), "share_pct"] == pytest.approx(
            100 * raw("USA", year, vintage) / world
        )
        china = raw("CHN", year, vintage) + raw("HKG", year, vintage)
        assert s.loc[("China", year), "share_pct"] == pytest.approx(100 * china / world)
    assert list(s.index.get_level_values("label")) == ["US", "US", "China", "China"]


@pytest.mark.parametrize("vintage", ["wdi-2015-08", "wdi-2026-07"])
def test_hong_kong_is_added_from_the_handover_year_on(vintage):
    alone, both = tables.china_gdp(vintage, "never"), tables.china_gdp(vintage, "always")
    mixed = tables.china_gdp(vintage, "from_handover")
    assert tables.HANDOVER == 1997
    years = [y for y in range(1980, 2014)]
    for y in years:
        assert mixed[y] == (alone[y] if y < 1997 else both[y]), y
    assert mixed.name == "CHN, +HKG from 1997"
    assert "China alone to 1996, with Hong Kong from 1997" in tables.HK_OPTIONS


# ---------------------------------------------------------------- issue 17: labels, errors and shapes
def test_members_accepts_a_list_and_names_every_unknown_code():
    assert tables.members(["CHN", "HKG"]) == ["CHN", "HKG"] and tables.members("CHN+HKG") == [
        "CHN",
        "HKG",
    ]
    with pytest.raises(
        ValueError,
        match=r"^unknown World Bank code\(s\) \['XYZ', 'ABC'\]; see data/wb_economies\.csv$",
    ):
        tables.members("XYZ+CHN+ABC")


def test_series_is_named_sorted_and_a_copy():
    s = tables.series("CHN+HKG", "wdi-2015-08")
    assert s.name == "CHN+HKG" and list(s.index) == sorted(s.index)
    s.iloc[:] = 0.0
    assert tables.series("CHN+HKG", "wdi-2015-08")[2013] > 0
    pop = tables.series("CHN", "wdi-2015-08", "population")
    assert pop[2000] == raw("CHN", 2000, "wdi-2015-08", "population")
    assert tables.china_gdp("wdi-2015-08", "never").name == "CHN"


def test_china_table1_rows_labels_and_units():
    t = tables.china_table1("wdi-2015-08", with_hong_kong=True, years=[1990, 2013])
    assert list(t.index) == ["GDP (US$, billions)", "GDP per capita (US$)", "Population, millions"]
    assert (
        t.index.name == "China with Hong Kong"
        and t.columns.name == "year"
        and list(t.columns) == [1990, 2013]
    )
    gdp = raw("CHN", 2013, "wdi-2015-08") + raw("HKG", 2013, "wdi-2015-08")
    pop = raw("CHN", 2013, "wdi-2015-08", "population") + raw(
        "HKG", 2013, "wdi-2015-08", "population"
    )
    assert t.loc["GDP (US$, billions)", 2013] == pytest.approx(gdp / 1e9)
    assert t.loc["GDP per capita (US$)", 2013] == pytest.approx(gdp / pop)
    assert t.loc["Population, millions", 2013] == pytest.approx(pop / 1e6)
    assert tables.china_table1("wdi-2015-08", with_hong_kong=False).index.name == "China alone"
    assert list(tables.china_table1("wdi-2015-08").columns) == [1980, 1990, 2000, 2010, 2013]


def test_growth_multiple_errors_name_the_year_and_the_series():
    with pytest.raises(ValueError, match=r"^no value for 1999 in the series$"):
        tables.growth_multiple(pd.Series({2000: 1.0, 2001: 2.0}), 1999, 2001)
    with pytest.raises(ValueError, match=r"^no value for 2002 in gdp$"):
        tables.growth_multiple(pd.Series({2000: 1.0, 2001: 2.0}, name="gdp"), 2000, 2002)
    with pytest.raises(ValueError, match=r"^the value for 2000 is zero; a multiple is undefined$"):
        tables.growth_multiple(pd.Series({2000: 0.0, 2001: 2.0}), 2000, 2001)
    with pytest.raises(
        ValueError, match=r"^the end year \(2000\) must come after the start year \(2000\)$"
    ):
        tables.growth_multiple(pd.Series({2000: 1.0}), 2000, 2000)
    assert tables.annual_growth(pd.Series({2000: 1.0, 2010: 2.0}), 2000, 2010) == pytest.approx(
        100 * (2**0.1 - 1)
    )


@pytest.mark.parametrize("x, d", [(50.0, 0), (1.9, 1), (3.75, 2), (10.0, 0), (0.125, 3)])
def test_decimals_counts_what_the_paper_printed(x, d):
    assert tables._decimals(x) == d


def test_growth_check_rows_say_what_was_compared():
    check = tables.growth_check(["wdi-2015-08"])
    paper = data.paper_growth_multiples()
    assert list(check.columns) == ["period", "paper", "vintage", "series", "computed", "reproduces"]
    assert list(check["period"].iloc[: len(paper)]) == [
        f"{p.start}-{p.end}" for p in paper.itertuples()
    ]
    assert list(check["series"].unique()) == list(tables.HK_OPTIONS)
    row = check[(check["period"] == "1990-2000") & (check["series"] == "China alone")].iloc[0]
    m = raw("CHN", 2000, "wdi-2015-08") / raw("CHN", 1990, "wdi-2015-08")
    printed = paper[(paper["start"] == 1990) & (paper["end"] == 2000)]["multiple"].iloc[0]
    assert row["computed"] == pytest.approx(m) and row["paper"] == printed
    d = tables._decimals(printed)
    assert row["reproduces"] == (round(m, d) == printed or math.floor(m * 10**d) / 10**d == printed)


def test_table2_rebuilt_rows_years_and_billions():
    t = tables.table2_rebuilt("wdi-2015-08")
    printed = data.paper_table2()
    assert list(t.columns) == ["row", "label", "year", "gdp_usd_bn", "share_pct"]
    assert list(t["row"].unique()) == list(range(1, 10)) and set(t["year"]) == {
        2000,
        2005,
        2010,
        2013,
    }
    us = t[(t["label"] == "United States") & (t["year"] == 2005)].iloc[0]
    assert us["row"] == printed[printed["label"] == "United States"]["row"].iloc[0]
    assert us["gdp_usd_bn"] == pytest.approx(raw("USA", 2005, "wdi-2015-08") / 1e9)


def test_table2_comparison_columns_and_differences():
    c = tables.table2_comparison("wdi-2015-08")
    assert list(c.columns[:1]) == ["vintage"] and (c["vintage"] == "wdi-2015-08").all()
    r = c[(c["label"] == "United States") & (c["year"] == 2013)].iloc[0]
    data_bn = raw("USA", 2013, "wdi-2015-08") / 1e9
    assert r["data_bn"] == pytest.approx(data_bn)
    assert r["diff_bn"] == pytest.approx(r["printed_bn"] - data_bn)
    assert r["diff_pct"] == pytest.approx(100 * (r["printed_bn"] - data_bn) / data_bn)
    assert r["share_gap_pp"] == pytest.approx(r["printed_share"] - r["data_share"])
    blank = c[c["printed_bn"].isna()]
    assert len(blank) == 2 and blank["same_level"].isna().all()


def test_format_bn_share_keeps_the_row_order_and_marks_gaps():
    df = pd.DataFrame(
        {
            "label": ["B", "B", "A", "A"],
            "year": [2000, 2005, 2000, 2005],
            "v": [1234.9, 2.0, 5.5, None],
            "s": [12.34, 0.05, 1.0, None],
        }
    )
    wide = tables.format_bn_share(df, "v", "s")
    assert list(wide.index) == ["B", "A"] and list(wide.columns) == [2000, 2005]
    assert (
        wide.loc["B", 2000] == "1,234 (12.3%)"
        and wide.loc["B", 2005] == "2 (0.1%)"
        and wide.loc["A", 2005] == "–"
    )


def test_world_shares_keeps_only_the_years_asked_and_drops_gaps():
    s = tables.world_shares({"Russia": "RUS"}, "wdi-2026-07")
    first = (
        data.gdp_population("wdi-2026-07")
        .query("code == 'RUS'")
        .dropna(subset=["gdp_usd"])["year"]
        .min()
    )
    assert s["year"].min() == first and list(s.index) == list(range(len(s)))
    assert list(s.columns) == ["label", "year", "gdp_usd", "world_usd", "share_pct"]
    assert list(tables.world_shares({"Russia": "RUS"}, "wdi-2026-07", [1980, 2000])["year"]) == [
        2000
    ]


def test_composition_check_numbers_from_the_data():
    c = tables.composition_check(
        "CHN", {"China": "CHN", "China and Hong Kong": "CHN+HKG"}, 2013, ["wdi-2015-08"]
    )
    assert list(c.columns) == ["vintage", "candidate", "aggregate_bn", "sum_bn", "gap_pct"]
    chn, hkg = raw("CHN", 2013, "wdi-2015-08"), raw("HKG", 2013, "wdi-2015-08")
    assert c["gap_pct"].iloc[0] == 0 and c["aggregate_bn"].iloc[1] == pytest.approx(chn / 1e9)
    assert c["sum_bn"].iloc[1] == pytest.approx((chn + hkg) / 1e9)
    assert c["gap_pct"].iloc[1] == pytest.approx(100 * hkg / chn)


# ---------------------------------------------------------------- mutation survivors (issue 17)
def test_series_follows_the_data_folder(data_copy, monkeypatch):
    # a series computed from one data folder is not served again when MULTIPOLAR_DATA changes
    monkeypatch.delenv("MULTIPOLAR_DATA")
    repo = tables.series("USA", "wdi-2015-08")
    repo_2013 = raw("USA", 2013, "wdi-2015-08")
    path = data_copy / "wb_gdp_population.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    hit = (df["code"] == "USA") & (df["vintage"] == "wdi-2015-08") & (df["year"] == "2013")
    df.loc[hit, "gdp_usd"] = "1"
    df.to_csv(path, index=False)
    monkeypatch.setenv("MULTIPOLAR_DATA", str(data_copy))
    copy = tables.series("USA", "wdi-2015-08")
    assert copy[2013] == 1.0 and repo[2013] == repo_2013 != 1.0


def test_series_follows_an_edit_of_the_data_file(data_copy):
    """An instructor who corrects the data file in a running kernel gets the new series (the
    cache is keyed by the file's modification time, not only its folder)."""
    import os

    before, first = tables.series("USA", "wdi-2015-08"), raw("USA", 2013, "wdi-2015-08")
    path = data_copy / "wb_gdp_population.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    hit = (df["code"] == "USA") & (df["vintage"] == "wdi-2015-08") & (df["year"] == "2013")
    df.loc[hit, "gdp_usd"] = "2"
    mtime = path.stat().st_mtime_ns
    df.to_csv(path, index=False)
    os.utime(path, ns=(mtime + 10**9, mtime + 10**9))  # a later time, whatever the clock's grain
    after = tables.series("USA", "wdi-2015-08")
    assert after[2013] == 2.0 and before[2013] == first != 2.0


def test_china_gdp_adds_hong_kong_by_default():
    assert tables.china_gdp().equals(tables.series("CHN+HKG"))


def test_china_table1_is_in_exact_billions_and_millions_with_hong_kong_by_default():
    t = tables.china_table1()
    assert t.index.name == "China with Hong Kong"
    gdp = tables.series("CHN+HKG", "wdi-2015-08")
    pop = tables.series("CHN+HKG", "wdi-2015-08", "population")
    for year in t.columns:
        assert t.loc["GDP (US$, billions)", year] == gdp[year] / 1e9
        assert t.loc["Population, millions", year] == pop[year] / 1e6


def test_growth_check_counts_a_multiple_the_paper_truncated():
    # China alone grew a little over 50 times 1980-2013 in the latest vintage: rounding gives 51,
    # the paper's "50 times" drops the decimals, and the row counts as reproduced
    check = tables.growth_check()
    row = check[
        (check["period"] == "1980-2013")
        & (check["series"] == "China alone")
        & (check["vintage"] == "wdi-2026-07")
    ].iloc[0]
    assert round(row["computed"]) != row["paper"] == math.floor(row["computed"])
    assert bool(row["reproduces"])


def test_composition_check_in_exact_billions_and_a_year_one_vintage_lacks():
    last = int(data.gdp_population("wdi-2026-07")["year"].max())
    c = tables.composition_check("CHN", {"China and Hong Kong": "CHN+HKG"}, last)
    old = c[c["vintage"] == "wdi-2015-08"].iloc[0]
    assert math.isnan(old["aggregate_bn"]) and math.isnan(old["sum_bn"])
    new = c[c["vintage"] == "wdi-2026-07"].iloc[0]
    assert new["aggregate_bn"] == raw("CHN", last, "wdi-2026-07") / 1e9
    assert new["sum_bn"] == tables.series("CHN+HKG", "wdi-2026-07")[last] / 1e9


def test_world_shares_match_the_world_total_by_year_not_by_position():
    # Palestine's series starts in 1990, the world's in 1960
    s = tables.world_shares({"Palestine": "PSE"}, "wdi-2015-08")
    world = tables.series("WLD", "wdi-2015-08")
    assert s["year"].min() > world.index.min()
    assert list(s["world_usd"]) == list(world[s["year"]])


def test_world_shares_ppp_by_year_with_plain_columns_and_index():
    # Slovakia's PPP series starts in 1992, the world's earlier
    s = tables.world_shares_ppp({"Slovakia": "SVK"})
    world = tables.ppp_series("WLD")
    assert list(s.columns) == ["label", "year", "gdp_ppp", "world_ppp", "share_pct"]
    assert list(s.index) == list(range(len(s)))
    assert s["year"].min() > world.index.min()
    assert list(s["world_ppp"]) == list(world[s["year"]])


def test_ppp_series_is_named_and_missing_until_every_member_has_a_value():
    ppp = data.gdp_ppp()
    both = tables.ppp_series("CHN+SVK")
    assert both.name == "CHN+SVK"
    years = sorted(set(ppp[ppp["code"].isin(["CHN", "SVK"])]["year"]))
    assert list(both.index) == years
    svk = set(ppp[(ppp["code"] == "SVK")].dropna(subset=["gdp_ppp"])["year"])
    assert [y for y in years if math.isnan(both[y])] == [y for y in years if y not in svk]


def test_ppp_vs_market_has_a_plain_index():
    t = tables.ppp_vs_market({"US": "USA"})
    assert list(t.index) == list(range(len(t)))


def test_share_changes_keeps_the_groups_order_and_shows_the_shares():
    shares = tables.world_shares({"United States": "USA", "China": "CHN"}, years=[2000, 2010])
    t = tables.share_changes(shares, [2000, 2010])
    assert list(t.index) == ["United States", "China"]  # as asked, not sorted by name
    for label in t.index:
        mine = shares[shares["label"] == label].set_index("year")["share_pct"]
        assert t.loc[label, "2000 (%)"] == mine[2000] and t.loc[label, "2010 (%)"] == mine[2010]


def test_overtaking_year_edge_cases():
    years = [2000, 2001, 2002, 2003, 2004]
    b = pd.Series([2.0] * 5, index=years)
    # level is not ahead: a equal to b at the end has not overtaken it
    assert tables.overtaking_year(pd.Series([1.0, 1.0, 3.0, 3.0, 2.0], index=years), b) is None
    # ahead in 2001-2003 but behind in the last year
    assert tables.overtaking_year(pd.Series([1.0, 3.0, 3.0, 3.0, 1.0], index=years), b) is None
    # behind in 2000, 2001 and 2003: the lead that lasts starts in 2004
    assert tables.overtaking_year(pd.Series([1.0, 1.0, 3.0, 1.0, 3.0], index=years), b) == 2004
    # series of different spans are compared on the years both have
    short = pd.Series([3.0, 3.0], index=[2003, 2004])
    assert tables.overtaking_year(short, b) == 2003
    with pytest.raises(ValueError, match=r"^the two series have no year in common$"):
        tables.overtaking_year(b, pd.Series([1.0], index=[1990]))


def test_share_projection_reads_the_outcome_from_the_vintage_asked():
    old = tables.share_projection(
        {"US": "USA"}, (2000, 2010), actual_vintage="wdi-2015-08", fit_vintage="wdi-2015-08"
    )
    s = tables.world_shares({"US": "USA"}, "wdi-2015-08").set_index("year")["share_pct"]
    assert old["year"].max() == s.index.max()
    assert list(old["actual"]) == list(s[old["year"]])
    # the default method is the linear trend
    same = tables.share_projection({"US": "USA"}, (2000, 2010), "linear")
    assert tables.share_projection({"US": "USA"}, (2000, 2010)).equals(same)


def test_share_projection_names_the_one_missing_last_year():
    last = int(data.gdp_population("wdi-2015-08")["year"].max())
    with pytest.raises(
        ValueError, match=rf"^US: no share in vintage wdi-2015-08 for \[{last + 1}\]$"
    ):
        tables.share_projection(
            {"US": "USA"}, (2005, last + 1), "linear", fit_vintage="wdi-2015-08"
        )


def test_table2_comparison_columns_exactly():
    c = tables.table2_comparison("wdi-2015-08")
    assert list(c.columns) == [
        "vintage", "row", "label", "members", "year", "printed_bn", "printed_share",
        "data_bn", "data_share", "diff_bn", "diff_pct", "same_level", "share_gap_pp",
    ]  # fmt: skip
    assert c["printed_bn"].dtype == "float64"


def test_table2_comparison_keeps_a_printed_row_the_data_cannot_rebuild(data_copy):
    # blank the US GDP for 2013 in the paper's vintage: the printed row stays, with no data
    path = data_copy / "wb_gdp_population.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    hit = (df["code"] == "USA") & (df["vintage"] == "wdi-2015-08") & (df["year"] == "2013")
    df.loc[hit, "gdp_usd"] = ""
    df.to_csv(path, index=False)
    c = tables.table2_comparison("wdi-2015-08")
    assert len(c) == len(data.paper_table2())
    us = c[(c["label"] == "United States") & (c["year"] == 2013)].iloc[0]
    assert math.isnan(us["data_bn"]) and not math.isnan(us["printed_bn"])
    assert pd.isna(us["same_level"]) and math.isnan(us["diff_bn"])


def test_share_changes_with_no_years_still_lists_the_groups():
    shares = tables.world_shares({"United States": "USA", "China": "CHN"}, years=[2000])
    t = tables.share_changes(shares, [])
    assert list(t.index) == ["United States", "China"] and list(t.columns) == []
