"""Chapter 6: the arithmetic behind the Sino-Russian rapprochement.

Pure functions: the average price a gas contract implies under stated assumptions, a
percentage change, and China's and Russia's GDP side by side from the World Bank data.
Nothing here is evidence on its own; each function makes an assumption explicit.
"""

from __future__ import annotations

import math

import pandas as pd

from multipolar import catalog, tables

__all__ = [
    "contract_volume_bcm",
    "implied_price",
    "price_schedule",
    "percent_change",
    "gdp_pair",
    "dollar_change",
    "model_deliveries",
    "delivery_record",
    "ramp_up_check",
]

#: 1 bcm (billion cubic metres) = 1e9 m3 = 1e6 thousand m3; gas prices are quoted per thousand m3.
THOUSAND_M3_PER_BCM = 1e6


def contract_volume_bcm(annual_bcm: float, years: float, ramp_up_years: float = 0) -> float:
    """Total gas delivered (bcm) if deliveries reach ``annual_bcm`` after a linear ramp-up.

    During the first ``ramp_up_years`` deliveries rise steadily from zero to the full annual
    volume, so on average they are half of it; after that they run at the full volume.
    Total = annual × (years − ramp_up / 2).
    """
    if annual_bcm <= 0 or years <= 0:
        raise ValueError("the annual volume and the number of years must be positive")
    if not 0 <= ramp_up_years <= years:
        raise ValueError(
            f"the ramp-up ({ramp_up_years} years) must lie between 0 and the contract length ({years})"
        )
    return annual_bcm * (years - ramp_up_years / 2)


def implied_price(
    value_usd: float, annual_bcm: float, years: float, ramp_up_years: float = 0
) -> float:
    """Average price in US$ per thousand cubic metres: contract value / total volume delivered.

    A nominal average over the whole contract: it ignores inflation, discounting and any
    price formula, none of which the paper gives.
    """
    if value_usd <= 0:
        raise ValueError("the contract value must be positive")
    volume = contract_volume_bcm(annual_bcm, years, ramp_up_years)
    return value_usd / (volume * THOUSAND_M3_PER_BCM)


def price_schedule(
    value_usd: float, annual_bcm: float, years: int, max_ramp_up: int = 10
) -> pd.DataFrame:
    """Implied price for every whole number of ramp-up years from 0 to ``max_ramp_up`` (capped at ``years``)."""
    ramps = range(0, min(max_ramp_up, years) + 1)
    return pd.DataFrame(
        {
            "ramp_up_years": list(ramps),
            "volume_bcm": [contract_volume_bcm(annual_bcm, years, r) for r in ramps],
            "price_usd_per_1000m3": [implied_price(value_usd, annual_bcm, years, r) for r in ramps],
        }
    )


def model_deliveries(annual_bcm: float, ramp_up_years: int, n_years: int) -> list[float]:
    """The model's deliveries (bcm) in each of the first ``n_years`` whole years of a contract.

    Deliveries rise linearly from zero to ``annual_bcm`` over ``ramp_up_years``: year k (1, 2, ...)
    of the ramp-up averages annual × (k − 0.5) / ramp_up; later years run at the full volume. Summed
    over a whole contract this is :func:`contract_volume_bcm`.
    """
    if annual_bcm <= 0 or n_years < 0 or ramp_up_years < 0:
        raise ValueError("the annual volume must be positive and the numbers of years not negative")
    return [
        annual_bcm * min(1.0, (k - 0.5) / ramp_up_years) if ramp_up_years else annual_bcm
        for k in range(1, n_years + 1)
    ]


def delivery_record(figures: pd.DataFrame) -> pd.DataFrame:
    """The reported yearly deliveries through the Power of Siberia: rows ``pos_deliveries_YYYY``.

    ``figures`` is ``data.rapprochement_figures()`` (indexed by ``figure`` or not). Returns year and
    delivered_bcm, in year order, with the source each row names.
    """
    f = figures.reset_index() if "figure" not in figures.columns else figures
    rows = f[f["figure"].str.match(r"pos_deliveries_\d{4}$")]
    if rows.empty:
        raise ValueError("no pos_deliveries_YYYY rows in rapprochement_figures")
    out = pd.DataFrame(
        {
            "year": rows["figure"].str[-4:].astype(int),
            "delivered_bcm": rows["value"].astype(float),
            "source": rows["cited_as"],
        }
    )
    return out.sort_values("year").reset_index(drop=True)


def ramp_up_check(figures: pd.DataFrame) -> dict:
    """Hold the model's linear ramp-up against the record of the Power of Siberia.

    The observed ramp-up runs from the first deliveries (row ``pos_first_deliveries``) to the date
    the contract's plateau rate was reached (``pos_plateau_reached``), in whole years. The model's
    deliveries for the years of the record use that ramp-up and the plateau (``pos_contract_plateau``).
    """
    f = figures.set_index("figure") if "figure" in figures.columns else figures
    first = pd.Timestamp(f.loc["pos_first_deliveries", "date"])
    reached = pd.Timestamp(f.loc["pos_plateau_reached", "date"])
    plateau = float(f.loc["pos_contract_plateau", "value"])
    years = (reached - first).days / 365.25
    ramp = round(years)
    record = delivery_record(f)
    record["model_bcm"] = model_deliveries(plateau, ramp, len(record))
    return {
        "first": first.date().isoformat(),
        "reached": reached.date().isoformat(),
        "plateau_bcm": plateau,
        "ramp_up_years": years,
        "model_ramp_up": ramp,
        "table": record,
        "delivered_bcm": float(record["delivered_bcm"].sum()),
        "model_bcm": float(record["model_bcm"].sum()),
    }


def percent_change(start: float, end: float) -> float:
    """(end − start) / start × 100: negative for a fall."""
    if start == 0 or any(isinstance(v, float) and math.isnan(v) for v in (start, end)):
        raise ValueError("a percentage change needs a non-zero start value and an end value")
    return (end - start) / start * 100


def gdp_pair(
    vintage: str = catalog.LATEST,
    first: int = 1990,
    last: int = 2025,
    china: str = "CHN",
    russia: str = "RUS",
) -> pd.DataFrame:
    """China's and Russia's GDP (current US$) by year, and the ratio China / Russia.

    Years where either value is missing are dropped. ``china`` may be 'CHN+HKG'.
    """
    c = tables.series(china, vintage)
    r = tables.series(russia, vintage)
    both = pd.DataFrame({"china_usd": c, "russia_usd": r}).dropna()
    out = both.loc[first:last]
    if out.empty:
        span = f"only from {both.index.min()} to {both.index.max()}" if len(both) else "for no year"
        raise ValueError(
            f"vintage {vintage} has GDP for both {china} and {russia} {span}, none of it "
            f"in {first}-{last}: choose other years"
        )
    out["ratio"] = out["china_usd"] / out["russia_usd"]
    out.index.name = "year"
    return out.reset_index()


def dollar_change(
    code: str, start: int, end: int, vintage: str = catalog.LATEST, measure: str = "market"
) -> dict:
    """GDP in two years and the percentage change between them.

    ``measure`` 'market': current US$ at market exchange rates (World Bank ``vintage``);
    'ppp': current international $ at purchasing power parity (World Bank 2023-05).
    """
    if measure == "market":
        s = tables.series(code, vintage)
    elif measure == "ppp":
        s = tables.ppp_series(code)
    else:
        raise ValueError(f"measure must be 'market' or 'ppp', not {measure!r}")
    for year in (start, end):
        if pd.isna(s.get(year)):
            raise ValueError(f"no GDP value ({measure}) for {code} in {year}")
    return {
        "start": float(s[start]),
        "end": float(s[end]),
        "percent": percent_change(float(s[start]), float(s[end])),
    }
