"""Pure functions that compute the course's tables from :mod:`multipolar.data`.

Nothing here draws or prints: each function takes plain arguments, reads the validated
data, and returns a DataFrame or a number, so it can be tested and reused by charts,
widgets, exercises and the book alike.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import pandas as pd

from . import catalog, data

__all__ = [
    "members",
    "series",
    "china_gdp",
    "china_table1",
    "growth_multiple",
    "growth_check",
    "annual_growth",
    "world_shares",
    "table2_rebuilt",
    "table2_comparison",
    "format_bn_share",
    "EU27",
    "EU28",
    "MARKET",
    "PPP",
    "ppp_series",
    "world_shares_ppp",
    "ppp_vs_market",
    "share_changes",
    "overtaking_year",
    "composition_check",
    "share_projection",
    "forecast_summary",
]

HANDOVER = 1997  # Hong Kong returned to Chinese sovereignty on 1 July 1997

#: Hong Kong treatments for China's series: never added, always added, added from the handover.
HK_OPTIONS = {
    "China alone": "never",
    "China with Hong Kong": "always",
    f"China alone to {HANDOVER - 1}, with Hong Kong from {HANDOVER}": "from_handover",
}


def members(spec: str | Iterable[str]) -> list[str]:
    """'CHN+HKG' or ['CHN', 'HKG'] -> ['CHN', 'HKG'], checking that every code exists."""
    codes = spec.split("+") if isinstance(spec, str) else list(spec)
    known = set(data.economies()["code"])
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValueError(f"unknown World Bank code(s) {unknown}; see data/wb_economies.csv")
    return codes


def series(
    spec: str | Iterable[str], vintage: str = catalog.LATEST, column: str = "gdp_usd"
) -> pd.Series:
    """A yearly series summed over the members of ``spec`` ('CHN+HKG').

    A year is missing (NaN) unless every member has a value for it, so a sum never
    silently drops a member.
    """
    codes = tuple(members(spec))
    return _series(codes, vintage, column, data.stamp("wb_gdp_population")).copy()


@functools.lru_cache(maxsize=256)
def _series(codes: tuple[str, ...], vintage: str, column: str, _stamp: tuple) -> pd.Series:
    df = data.gdp_population(vintage)
    df = df[df["code"].isin(codes)]
    wide = df.pivot(index="year", columns="code", values=column).astype("float64")
    wide = wide.reindex(columns=list(codes))
    out = wide.sum(axis=1, min_count=len(codes))
    out[wide.isna().any(axis=1)] = math.nan
    out.name = "+".join(codes)
    return out.sort_index()


def china_gdp(
    vintage: str = catalog.LATEST, hong_kong: str = "always", column: str = "gdp_usd"
) -> pd.Series:
    """China's yearly series; ``hong_kong`` is 'never', 'always' or 'from_handover' (1997)."""
    alone = series("CHN", vintage, column)
    if hong_kong == "never":
        return alone
    both = series("CHN+HKG", vintage, column)
    if hong_kong == "always":
        return both
    if hong_kong == "from_handover":
        out = alone.where(alone.index < HANDOVER, both)
        out.name = f"CHN, +HKG from {HANDOVER}"
        return out
    raise ValueError(f"hong_kong must be 'never', 'always' or 'from_handover', not {hong_kong!r}")


def china_table1(
    vintage: str = catalog.PAPER_VINTAGE,
    with_hong_kong: bool = True,
    years: Iterable[int] = (1980, 1990, 2000, 2010, 2013),
) -> pd.DataFrame:
    """The paper's Table 1 rebuilt: GDP, GDP per capita and population for the chosen years."""
    hk = "always" if with_hong_kong else "never"
    gdp = china_gdp(vintage, hk, "gdp_usd")
    pop = china_gdp(vintage, hk, "population")
    years = list(years)
    table = pd.DataFrame(
        {
            "GDP (US$, billions)": gdp.reindex(years) / 1e9,
            "GDP per capita (US$)": (gdp / pop).reindex(years),
            "Population, millions": pop.reindex(years) / 1e6,
        }
    ).T
    table.columns.name = "year"
    table.index.name = "China with Hong Kong" if with_hong_kong else "China alone"
    return table


def growth_multiple(values: pd.Series, start: int, end: int) -> float:
    """values[end] / values[start]; raises a clear error for missing years or a zero base."""
    for year in (start, end):
        if year not in values.index or pd.isna(values.get(year)):
            raise ValueError(f"no value for {year} in {values.name or 'the series'}")
    if end <= start:
        raise ValueError(f"the end year ({end}) must come after the start year ({start})")
    if values[start] == 0:
        raise ValueError(f"the value for {start} is zero; a multiple is undefined")
    return float(values[end] / values[start])


def _decimals(x: float) -> int:
    text = repr(float(x)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def growth_check(vintages: Iterable[str] = tuple(catalog.VINTAGES)) -> pd.DataFrame:
    """Every growth multiple the paper prints beside the same multiple recomputed.

    One row per (paper figure, vintage, Hong Kong treatment).  ``reproduces`` is True when
    the recomputed multiple, rounded *or* truncated to the paper's number of decimals,
    equals the printed one (the paper truncates elsewhere, see Table 2).
    """
    paper = data.paper_growth_multiples()
    rows = []
    for v in vintages:
        for label, hk in HK_OPTIONS.items():
            s = china_gdp(v, hk)
            for p in paper.itertuples():
                m = growth_multiple(s, int(p.start), int(p.end))
                d = _decimals(p.multiple)
                rounded = round(m, d)
                truncated = math.floor(m * 10**d) / 10**d
                rows.append(
                    {
                        "period": f"{p.start}-{p.end}",
                        "paper": float(p.multiple),
                        "vintage": v,
                        "series": label,
                        "computed": m,
                        "reproduces": math.isclose(rounded, p.multiple)
                        or math.isclose(truncated, p.multiple),
                    }
                )
    return pd.DataFrame(rows)


def annual_growth(values: pd.Series, start: int, end: int) -> float:
    """Compound average annual growth between two years, in percent."""
    return 100 * (growth_multiple(values, start, end) ** (1 / (end - start)) - 1)


def world_shares(
    groups: dict[str, str], vintage: str = catalog.LATEST, years: Iterable[int] | None = None
) -> pd.DataFrame:
    """Share of world GDP (%, current US$) for each named group of codes.

    ``groups`` maps a label to a member spec, e.g. {"China (with Hong Kong)": "CHN+HKG"}.
    Returns a long table: label, year, gdp_usd, world_usd, share_pct.
    """
    world = series("WLD", vintage)
    frames = []
    for label, spec in groups.items():
        s = series(spec, vintage)
        df = pd.DataFrame(
            {
                "label": label,
                "year": s.index,
                "gdp_usd": s.values,
                "world_usd": world.reindex(s.index).values,
            }
        )
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    out["share_pct"] = 100 * out["gdp_usd"] / out["world_usd"]
    if years is not None:
        out = out[out["year"].isin(list(years))]
    return out.dropna(subset=["share_pct"]).reset_index(drop=True)


def table2_rebuilt(vintage: str = catalog.PAPER_VINTAGE) -> pd.DataFrame:
    """The paper's Table 2 recomputed from one World Bank vintage (same rows and years)."""
    printed = data.paper_table2()
    groups = dict(zip(printed["label"], printed["members"]))
    years = sorted(printed["year"].unique())
    shares = world_shares(groups, vintage, years)
    shares["gdp_usd_bn"] = shares["gdp_usd"] / 1e9
    order = {label: i for i, label in enumerate(groups)}
    shares["row"] = shares["label"].map(order) + 1
    return shares.sort_values(["row", "year"])[
        ["row", "label", "year", "gdp_usd_bn", "share_pct"]
    ].reset_index(drop=True)


def table2_comparison(vintage: str = catalog.PAPER_VINTAGE) -> pd.DataFrame:
    """Printed Table 2 beside the rebuilt one, with the differences.

    ``same_level`` is True when the printed billions equal the data's billions truncated
    (the paper drops decimals rather than rounding); ``share_gap_pp`` is printed minus
    recomputed share in percentage points.
    """
    printed = data.paper_table2().rename(
        columns={"gdp_usd_bn": "printed_bn", "share_pct": "printed_share"}
    )
    rebuilt = table2_rebuilt(vintage).rename(
        columns={"gdp_usd_bn": "data_bn", "share_pct": "data_share"}
    )
    out = printed.merge(
        rebuilt[["row", "year", "data_bn", "data_share"]], on=["row", "year"], how="left"
    )
    out["printed_bn"] = out["printed_bn"].astype("float64")
    out["diff_bn"] = out["printed_bn"] - out["data_bn"]
    out["diff_pct"] = 100 * out["diff_bn"] / out["data_bn"]
    # a printed row the vintage cannot rebuild keeps its place, with no data and no verdict
    floor_bn = out["data_bn"].map(math.floor, na_action="ignore")
    out["same_level"] = (out["printed_bn"] == floor_bn).where(
        out["printed_bn"].notna() & out["data_bn"].notna()
    )
    out["share_gap_pp"] = out["printed_share"] - out["data_share"]
    out.insert(0, "vintage", vintage)
    return out


def format_bn_share(
    df: pd.DataFrame, value: str, share: str, index: str = "label", columns: str = "year"
) -> pd.DataFrame:
    """Wide display table with cells like '10,284 (31.3%)', as the paper prints them."""

    def cell(r):
        if pd.isna(r[value]):
            return "–"
        return f"{math.floor(r[value]):,} ({r[share]:.1f}%)"

    shown = df.assign(cell=df.apply(cell, axis=1))
    wide = shown.pivot(index=index, columns=columns, values="cell")
    return wide.reindex(pd.unique(df[index]))


# ---------------------------------------------------------------- chapter 1

#: Members of the European Union since 1 February 2020 (World Bank codes), and with the UK.
EU27 = (
    "AUT",
    "BEL",
    "BGR",
    "HRV",
    "CYP",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "DEU",
    "GRC",
    "HUN",
    "IRL",
    "ITA",
    "LVA",
    "LTU",
    "LUX",
    "MLT",
    "NLD",
    "POL",
    "PRT",
    "ROU",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
)
EU28 = EU27 + ("GBR",)

MARKET = "market exchange rates"
PPP = "purchasing power parity"


def _sum_members(df: pd.DataFrame, codes: list[str], column: str) -> pd.Series:
    """Yearly sum of ``column`` over ``codes``; NaN for a year unless every member has a value."""
    wide = (
        df[df["code"].isin(codes)]
        .pivot(index="year", columns="code", values=column)
        .astype("float64")
    )
    wide = wide.reindex(columns=codes)
    out = wide.sum(axis=1, min_count=len(codes))
    out[wide.isna().any(axis=1)] = math.nan
    out.name = "+".join(codes)
    return out.sort_index()


def ppp_series(spec: str | Iterable[str]) -> pd.Series:
    """GDP at PPP (current international $) summed over the members of ``spec`` ('CHN+HKG')."""
    return _sum_members(data.gdp_ppp(), members(spec), "gdp_ppp")


def world_shares_ppp(groups: dict[str, str], years: Iterable[int] | None = None) -> pd.DataFrame:
    """Share of world GDP at PPP (%) per named group; columns label, year, gdp_ppp, world_ppp, share_pct."""
    world = ppp_series("WLD")
    frames = []
    for label, spec in groups.items():
        s = ppp_series(spec)
        frames.append(
            pd.DataFrame(
                {
                    "label": label,
                    "year": s.index,
                    "gdp_ppp": s.values,
                    "world_ppp": world.reindex(s.index).values,
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    out["share_pct"] = 100 * out["gdp_ppp"] / out["world_ppp"]
    if years is not None:
        out = out[out["year"].isin(list(years))]
    return out.dropna(subset=["share_pct"]).reset_index(drop=True)


def ppp_vs_market(
    groups: dict[str, str], vintage: str = catalog.LATEST, years: Iterable[int] | None = None
) -> pd.DataFrame:
    """Shares of world GDP at market exchange rates and at PPP, long: label, measure, year, share_pct.

    By default only the years the PPP file covers, so the two measures span the same years.
    """
    ppp = world_shares_ppp(groups, years)
    if years is None:
        years = range(int(ppp["year"].min()), int(ppp["year"].max()) + 1)
    market = world_shares(groups, vintage, years)
    cols = ["label", "measure", "year", "share_pct"]
    out = pd.concat(
        [market.assign(measure=MARKET)[cols], ppp.assign(measure=PPP)[cols]], ignore_index=True
    )
    return out


def share_changes(
    shares: pd.DataFrame, years: Iterable[int], per_year: bool = False
) -> pd.DataFrame:
    """Wide table: the share (%) in each of ``years`` and the change between consecutive ones (pp).

    ``shares`` is a long table from :func:`world_shares`. With ``per_year`` the changes are
    divided by the number of years between, in percentage points a year.
    """
    years = sorted(years)
    wide = shares.pivot(index="label", columns="year", values="share_pct").reindex(
        pd.unique(shares["label"])
    )
    missing = [y for y in years if y not in wide.columns]
    if missing:
        raise ValueError(
            f"no shares for year(s) {missing}; the table covers {int(wide.columns.min())}-{int(wide.columns.max())}"
        )
    out = pd.DataFrame(index=wide.index)
    for y in years:
        out[f"{y} (%)"] = wide[y]
    for a, b in zip(years, years[1:]):
        diff = wide[b] - wide[a]
        if per_year:
            out[f"{a}-{b} (pp a year)"] = diff / (b - a)
        else:
            out[f"{a}-{b} (pp)"] = diff
    return out


def overtaking_year(a: pd.Series, b: pd.Series) -> int | None:
    """First year from which ``a`` exceeds ``b`` in every later year both have; None if it never does."""
    both = pd.concat([a, b], axis=1, keys=["a", "b"]).dropna().sort_index()
    if both.empty:
        raise ValueError("the two series have no year in common")
    ahead = both["a"] > both["b"]
    if not ahead.iloc[-1]:
        return None
    behind = ahead[~ahead]
    later = ahead.index if behind.empty else ahead.index[ahead.index > behind.index[-1]]
    return int(later[0])


def composition_check(
    aggregate: str,
    candidates: dict[str, str],
    year: int,
    vintages: Iterable[str] = tuple(catalog.VINTAGES),
) -> pd.DataFrame:
    """Compare a World Bank aggregate with sums over candidate member lists, per vintage.

    Returns vintage, candidate, aggregate_bn, sum_bn and gap_pct (sum minus aggregate, % of
    the aggregate) in ``year``: a gap near zero says which membership the aggregate uses.
    """
    rows = []
    for v in vintages:
        agg = series(aggregate, v).get(year, math.nan)
        for label, spec in candidates.items():
            total = series(spec, v).get(year, math.nan)
            rows.append(
                {
                    "vintage": v,
                    "candidate": label,
                    "aggregate_bn": agg / 1e9,
                    "sum_bn": total / 1e9,
                    "gap_pct": 100 * (total - agg) / agg,
                }
            )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- epilogue


def share_projection(
    groups: dict[str, str],
    fit_years: tuple[int, int],
    method: str = "linear",
    fit_vintage: str = catalog.LATEST,
    actual_vintage: str = catalog.LATEST,
    window: int = 5,
) -> pd.DataFrame:
    """Fit a trend to each group's share of world GDP over ``fit_years`` and extend it.

    ``method`` is one of :data:`multipolar.trends.METHODS` ('linear', 'loglinear', 'recent').
    The fit uses ``fit_vintage`` (e.g. the 2015 copy, what the paper could see); the outcome is
    always read from ``actual_vintage``. Returns a long table with one row per group and year
    from the start of the fit to the last year of ``actual_vintage``: label, year, actual
    (share, %), fit_data (the share the trend was fitted to, in the fit window only), trend
    (the fitted and projected share, %) and in_fit (True inside the fit window).
    """
    from . import trends

    start, end = fit_years
    if end <= start:
        raise ValueError(f"the fit window must span at least two years, not {start}-{end}")
    actual = world_shares(groups, actual_vintage)
    seen = world_shares(groups, fit_vintage, range(start, end + 1))
    frames = []
    for label in groups:
        a = actual[actual["label"] == label].set_index("year")["share_pct"]
        f = seen[seen["label"] == label].set_index("year")["share_pct"]
        missing = sorted(set(range(start, end + 1)) - set(f.index))
        if missing:
            raise ValueError(f"{label}: no share in vintage {fit_vintage} for {missing}")
        params = trends.fit(f.index, f.values, method, window)
        years = list(range(start, int(a.index.max()) + 1))
        frames.append(
            pd.DataFrame(
                {
                    "label": label,
                    "year": years,
                    "actual": a.reindex(years).values,
                    "fit_data": f.reindex(years).values,
                    "trend": trends.project(params, years),
                    "in_fit": [start <= y <= end for y in years],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def forecast_summary(projection: pd.DataFrame, target_year: int | None = None) -> pd.DataFrame:
    """Per group: share at the end of the fit, projected and actual share in ``target_year``
    (default: the last year), and the error in percentage points and relative to the actual."""
    from . import trends

    rows = []
    for label, d in projection.groupby("label", sort=False):
        d = d.set_index("year")
        year = int(d.index.max()) if target_year is None else int(target_year)
        if year not in d.index or pd.isna(d.loc[year, "actual"]):
            raise ValueError(f"{label}: no actual share for {year}")
        fit_end = int(d.index[d["in_fit"]].max())
        err = trends.forecast_error(d.loc[year, "trend"], d.loc[year, "actual"])
        rows.append(
            {
                "label": label,
                "fit_end": fit_end,
                "share_at_fit_end": d.loc[fit_end, "fit_data"],
                "target_year": year,
                "projected": d.loc[year, "trend"],
                "actual": d.loc[year, "actual"],
                **err,
            }
        )
    return pd.DataFrame(rows)
