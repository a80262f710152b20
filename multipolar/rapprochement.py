"""Chapter 6: the arithmetic behind the Sino-Russian rapprochement.

Pure functions: the average price a gas contract implies under stated assumptions, a
percentage change, and China's and Russia's GDP side by side from the World Bank data.
Nothing here is evidence on its own; each function makes an assumption explicit.
"""

from __future__ import annotations

import math

import pandas as pd

from . import catalog, tables

__all__ = ["contract_volume_bcm", "implied_price", "price_schedule", "percent_change", "gdp_pair",
           "dollar_change"]

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
        raise ValueError(f"the ramp-up ({ramp_up_years} years) must lie between 0 and the contract length ({years})")
    return annual_bcm * (years - ramp_up_years / 2)


def implied_price(value_usd: float, annual_bcm: float, years: float, ramp_up_years: float = 0) -> float:
    """Average price in US$ per thousand cubic metres: contract value / total volume delivered.

    A nominal average over the whole contract: it ignores inflation, discounting and any
    price formula, none of which the paper gives.
    """
    if value_usd <= 0:
        raise ValueError("the contract value must be positive")
    volume = contract_volume_bcm(annual_bcm, years, ramp_up_years)
    return value_usd / (volume * THOUSAND_M3_PER_BCM)


def price_schedule(value_usd: float, annual_bcm: float, years: int, max_ramp_up: int = 10) -> pd.DataFrame:
    """Implied price for every whole number of ramp-up years from 0 to ``max_ramp_up`` (capped at ``years``)."""
    ramps = range(0, min(max_ramp_up, years) + 1)
    return pd.DataFrame({
        "ramp_up_years": list(ramps),
        "volume_bcm": [contract_volume_bcm(annual_bcm, years, r) for r in ramps],
        "price_usd_per_1000m3": [implied_price(value_usd, annual_bcm, years, r) for r in ramps],
    })


def percent_change(start: float, end: float) -> float:
    """(end − start) / start × 100: negative for a fall."""
    if start == 0 or any(isinstance(v, float) and math.isnan(v) for v in (start, end)):
        raise ValueError("a percentage change needs a non-zero start value and an end value")
    return (end - start) / start * 100


def gdp_pair(vintage: str = catalog.LATEST, first: int = 1990, last: int = 2025,
             china: str = "CHN", russia: str = "RUS") -> pd.DataFrame:
    """China's and Russia's GDP (current US$) by year, and the ratio China / Russia.

    Years where either value is missing are dropped. ``china`` may be 'CHN+HKG'.
    """
    c = tables.series(china, vintage)
    r = tables.series(russia, vintage)
    out = pd.DataFrame({"china_usd": c, "russia_usd": r}).loc[first:last].dropna()
    out["ratio"] = out["china_usd"] / out["russia_usd"]
    out.index.name = "year"
    return out.reset_index()


def dollar_change(code: str, start: int, end: int, vintage: str = catalog.LATEST, measure: str = "market") -> dict:
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
    return {"start": float(s[start]), "end": float(s[end]), "percent": percent_change(float(s[start]), float(s[end]))}
