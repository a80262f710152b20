"""The SCO in numbers (chapter 4): groupings of states and their weight in the world.

Pure functions over :mod:`multipolar.data`: who belongs to which grouping, the paper's
Table 3 rebuilt from the CIA World Factbook 2015, shares of world area, population and
GDP for a grouping (Factbook 2015 or the latest World Bank data), and the range of values
a lost "SCO+3" row could have had.
"""

from __future__ import annotations

import functools
from itertools import combinations

import pandas as pd

from multipolar import catalog, data, tables

__all__ = [
    "GROUPINGS",
    "grouping_codes",
    "admitted_after_2015",
    "table3",
    "group_totals",
    "factbook_shares",
    "latest_year",
    "wb_shares",
    "country_shares",
    "plus_three_range",
    "area_denominators",
]

#: The groupings the chapter compares: key -> label shown to readers.
GROUPINGS = {
    "members_2015": "Members in 2015 (6)",
    "members_observers_2015": "Members and observers in 2015 (6 + 5)",
    "members_factbook_2025": "Members as printed by the Factbook 2025",
    "members_today": "Members today (Factbook 2025 + dated admissions)",
}

#: Area denominators for the Factbook's World row.
AREA_DENOMINATORS = {"land": "land_km2", "surface of the Earth": "area_km2"}

INDICATORS = {"area": "Area", "population": "Population", "gdp": "GDP, current US$"}


def admitted_after_2015() -> list[str]:
    """Codes of states the timeline records as admitted as members after 2015, in date order."""
    tl = data.sco_timeline()
    rows = tl[(tl["kind"] == "enlargement") & (tl["year"] > 2015)]
    return [code for spec in rows["admitted"] for code in spec.split("+")]


def grouping_codes(grouping: str) -> list[str]:
    """World Bank / ISO alpha-3 codes of the states in one of :data:`GROUPINGS`."""
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}; choose one of {list(GROUPINGS)}")
    if grouping in ("members_2015", "members_observers_2015"):
        fb = data.factbook_2015()
        wanted = ["member"] if grouping == "members_2015" else ["member", "observer"]
        return list(fb.loc[fb["group"].isin(wanted), "code"])
    status = data.factbook_sco_status()
    codes = list(status.loc[status["status_2025"] == "member", "code"])
    if grouping == "members_today":
        codes += [c for c in admitted_after_2015() if c not in codes]
    return codes


def table3() -> pd.DataFrame:
    """The paper's Table 3 rebuilt: one row per member and observer, Factbook 2015 figures.

    Columns in the paper's units: area (1,000 km2), population (millions), GDP at the
    official exchange rate (US$ bn), plus GDP at PPP (bn) as a side column.
    """
    fb = data.factbook_2015()
    fb = fb[fb["group"].isin(["member", "observer"])]
    return pd.DataFrame(
        {
            "country": fb["name"].values,
            "group": fb["group"].values,
            "area_1000_km2": fb["area_km2"].values / 1e3,
            "population_m": fb["population"].values / 1e6,
            "gdp_usd_bn": fb["gdp_oer_usd"].values / 1e9,
            "gdp_ppp_bn": fb["gdp_ppp_usd"].values / 1e9,
        }
    )


def factbook_shares(codes: list[str], area_denominator: str = "land") -> dict[str, float]:
    """Totals and world shares (%) for a set of codes, from the Factbook 2015.

    ``area_denominator`` is 'land' (the World's land area) or 'surface of the Earth' (the
    World's total area, oceans included), to show why the choice matters.
    """
    if area_denominator not in AREA_DENOMINATORS:
        raise ValueError(f"area_denominator must be one of {list(AREA_DENOMINATORS)}")
    fb = data.factbook_2015().set_index("code")
    missing = [c for c in codes if c not in fb.index or c == "WLD"]
    if missing:
        raise ValueError(f"no Factbook 2015 country row for {missing}; see data/factbook_2015.csv")
    group, world = fb.loc[codes], fb.loc["WLD"]
    out = {
        "area_1000_km2": group["area_km2"].sum() / 1e3,
        "population_m": group["population"].sum() / 1e6,
        "gdp_usd_bn": group["gdp_oer_usd"].sum() / 1e9,
        "gdp_ppp_bn": group["gdp_ppp_usd"].sum() / 1e9,
    }
    out["area_share"] = 100 * group["area_km2"].sum() / world[AREA_DENOMINATORS[area_denominator]]
    out["population_share"] = 100 * group["population"].sum() / world["population"]
    out["gdp_share"] = 100 * group["gdp_oer_usd"].sum() / world["gdp_oer_usd"]
    out["gdp_ppp_share"] = 100 * group["gdp_ppp_usd"].sum() / world["gdp_ppp_usd"]
    return out


def group_totals(area_denominator: str = "land") -> pd.DataFrame:
    """Table 3's total rows: members, and members plus observers, with world shares (%)."""
    rows = {
        GROUPINGS[g]: factbook_shares(grouping_codes(g), area_denominator)
        for g in ("members_2015", "members_observers_2015")
    }
    return pd.DataFrame(rows).T


def _wb_values(indicator: str) -> pd.DataFrame:
    """Wide table year x code for one indicator, latest World Bank vintage (cached: do not modify it)."""
    if indicator not in ("area", "population", "gdp"):
        raise ValueError(f"indicator must be one of {list(INDICATORS)}, not {indicator!r}")
    name = "wb_surface_area" if indicator == "area" else "wb_gdp_population"
    return _wide(indicator, data.stamp(name))


@functools.lru_cache(maxsize=8)
def _wide(indicator: str, _stamp: tuple) -> pd.DataFrame:
    if indicator == "area":
        return data.surface_area().pivot(index="year", columns="code", values="area_km2")
    column = {"population": "population", "gdp": "gdp_usd"}[indicator]
    df = data.gdp_population(catalog.LATEST)
    return df.pivot(index="year", columns="code", values=column).astype("float64")


def latest_year(codes: list[str], indicator: str) -> int:
    """The latest year in which every code and the World (WLD) have a World Bank value."""
    tables.members(codes)
    wide = _wb_values(indicator).reindex(columns=list(codes) + ["WLD"])
    complete = wide.dropna()
    if complete.empty:
        raise ValueError(f"no year with {indicator} data for all of {codes} and the World")
    return int(complete.index.max())


def country_shares(codes: list[str], indicator: str, year: int | None = None) -> pd.DataFrame:
    """Each state's share (%) of the World Bank world total for one indicator and year.

    Returns columns code, name, indicator, year, value, share_pct, sorted by share, largest first.
    ``year`` defaults to :func:`latest_year` for these codes.
    """
    year = latest_year(codes, indicator) if year is None else year
    wide = _wb_values(indicator)
    if year not in wide.index:
        raise ValueError(f"no {indicator} data for {year}")
    row = wide.loc[year]
    missing = [c for c in codes if pd.isna(row.get(c))]
    if missing or pd.isna(row.get("WLD")):
        raise ValueError(f"no {indicator} value in {year} for {missing or ['WLD']}")
    names = data.economies().set_index("code")["name"]
    out = pd.DataFrame(
        {
            "code": codes,
            "name": [names[c] for c in codes],
            "indicator": indicator,
            "year": year,
            "value": [float(row[c]) for c in codes],
        }
    )
    out["share_pct"] = 100 * out["value"] / float(row["WLD"])
    return out.sort_values("share_pct", ascending=False, kind="stable").reset_index(drop=True)


def wb_shares(codes: list[str]) -> pd.DataFrame:
    """Shares (%) of world area, population and GDP for a grouping, latest World Bank data.

    One row per indicator: indicator, year, group total, world total, share_pct.
    """
    rows = []
    for ind in INDICATORS:
        cs = country_shares(codes, ind)
        year = int(cs["year"].iloc[0])
        world = float(_wb_values(ind).loc[year, "WLD"])
        rows.append(
            {
                "indicator": INDICATORS[ind],
                "year": year,
                "group_total": cs["value"].sum(),
                "world_total": world,
                "share_pct": 100 * cs["value"].sum() / world,
            }
        )
    return pd.DataFrame(rows)


def plus_three_range(area_denominator: str = "land") -> pd.DataFrame:
    """Every way of adding three of the five 2015 observers to the six members.

    A *hypothesis* table for the paper's lost "SCO+3" row: one row per combination with
    its totals and world shares (Factbook 2015), so a reader can see how much the choice
    matters. It does not say which combination the paper used; the text does not tell.
    """
    fb = data.factbook_2015()
    members = grouping_codes("members_2015")
    observers = fb[fb["group"] == "observer"]
    rows = []
    for trio in combinations(observers.itertuples(), 3):
        shares = factbook_shares(members + [o.code for o in trio], area_denominator)
        rows.append({"added": ", ".join(sorted(o.name for o in trio)), **shares})
    return pd.DataFrame(rows).sort_values("population_share", kind="stable").reset_index(drop=True)


def area_denominators(codes: list[str]) -> pd.DataFrame:
    """A grouping's Factbook 2015 area against three 'world' areas: land, the Earth's surface, WDI.

    One row per denominator: world area (million km2) and the grouping's share (%).
    """
    fb = data.factbook_2015().set_index("code")
    area = fb.loc[codes, "area_km2"].sum()
    wb = data.surface_area()
    wb_world = wb[wb["code"] == "WLD"].sort_values("year").iloc[-1]
    worlds = {
        "Factbook: World, land": fb.loc["WLD", "land_km2"],
        "Factbook: World, total (surface of the Earth)": fb.loc["WLD", "area_km2"],
        f"World Bank: World surface area, {int(wb_world['year'])} (sum of countries)": wb_world[
            "area_km2"
        ],
    }
    return pd.DataFrame(
        {
            "world area (million km²)": [v / 1e6 for v in worlds.values()],
            "share (%)": [100 * area / v for v in worlds.values()],
        },
        index=list(worlds),
    )
