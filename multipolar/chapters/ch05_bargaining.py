"""A deliberately simple bargaining model (chapter 5). A TEACHING MODEL, NOT EVIDENCE.

An outside power demands something of a small state (keep a base, admit an inquiry). If the
small state refuses, the outside power imposes a cost, its *pressure*. Each of the small
state's *backers* offsets part of that cost with support of a given *weight*; the support
arrives only with probability *credibility*. The outside power can also pay an *inducement*
(a higher rent, say) that makes complying cheaper. All quantities are in the same arbitrary
cost units. The small state refuses when refusing costs it less than complying:

    cost of refusal    = max(0, pressure - credibility * backers * weight)
    cost of compliance = max(0, compliance_cost - inducement)
    refuse if cost of refusal < cost of compliance  (a tie means comply)

Everything the model leaves out (domestic politics, who the backers are, whether promises
are kept, what the outside power can do instead) is where it breaks; chapter 5 discusses it.
"""

from __future__ import annotations

import math
from numbers import Real

import pandas as pd

__all__ = ["support", "refusal_cost", "compliance_cost", "can_refuse", "backers_needed", "schedule"]


def _check(**values: float) -> None:
    for name, v in values.items():
        if v is None or isinstance(v, bool) or not isinstance(v, Real) or math.isnan(v) or v < 0:
            raise ValueError(f"{name} must be a number of at least 0, got {v!r}")
    if "credibility" in values and values["credibility"] > 1:
        raise ValueError(
            f"credibility is a probability between 0 and 1, got {values['credibility']!r}"
        )


def support(backers: float, weight: float, credibility: float = 1.0) -> float:
    """Expected support from the backers: credibility x backers x weight."""
    _check(backers=backers, weight=weight, credibility=credibility)
    return credibility * backers * weight


def refusal_cost(pressure: float, backers: float, weight: float, credibility: float = 1.0) -> float:
    """What refusing costs the small state: the pressure minus the support, never below zero."""
    _check(pressure=pressure)
    return max(0.0, pressure - support(backers, weight, credibility))


def compliance_cost(cost: float, inducement: float = 0.0) -> float:
    """What complying costs the small state: its cost minus what the outside power pays, never below zero."""
    _check(compliance_cost=cost, inducement=inducement)
    return max(0.0, cost - inducement)


def can_refuse(
    pressure: float,
    cost: float,
    backers: float,
    weight: float,
    credibility: float = 1.0,
    inducement: float = 0.0,
) -> bool:
    """True if refusing is cheaper than complying (strictly; a tie means comply)."""
    return refusal_cost(pressure, backers, weight, credibility) < compliance_cost(cost, inducement)


def backers_needed(
    pressure: float, cost: float, weight: float, credibility: float = 1.0, inducement: float = 0.0
) -> int | None:
    """The smallest whole number of backers that makes refusal viable, or None if no number does."""
    target = compliance_cost(cost, inducement)
    if refusal_cost(pressure, 0, weight, credibility) < target:
        return 0
    per_backer = support(1, weight, credibility)
    if target == 0 or per_backer == 0:
        return None
    n = max(0, math.floor((pressure - target) / per_backer) + 1)
    while not can_refuse(
        pressure, cost, n, weight, credibility, inducement
    ):  # guard against rounding
        n += 1
    while n > 0 and can_refuse(pressure, cost, n - 1, weight, credibility, inducement):
        n -= 1
    return n


def schedule(
    pressure: float,
    cost: float,
    weight: float,
    max_backers: int = 6,
    credibility: float = 1.0,
    inducement: float = 0.0,
) -> pd.DataFrame:
    """The model for 0..max_backers backers: support, both costs and the decision, one row each."""
    if not isinstance(max_backers, int) or max_backers < 0:
        raise ValueError(f"max_backers must be a whole number of at least 0, got {max_backers!r}")
    comply = compliance_cost(cost, inducement)
    rows = []
    for n in range(max_backers + 1):
        refuse = refusal_cost(pressure, n, weight, credibility)
        rows.append(
            {
                "backers": n,
                "support": support(n, weight, credibility),
                "refusal_cost": refuse,
                "compliance_cost": comply,
                "decision": "refuse" if refuse < comply else "comply",
            }
        )
    return pd.DataFrame(rows)
