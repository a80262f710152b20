"""Chapter 7: an argument map of the whole paper, driven by the chapters' data.

``data/argument_map.csv`` holds the map's words: the paper's conclusion, the premises it rests on
(one per section), and the paper's own four doubts, each with a verbatim quote checked by the build.
The numbers on the map are not stored there. Each row names *metrics*, small functions registered
here that compute a figure from ``data/`` with the same helpers the chapters use, so the map changes
when the data do.

The verdicts are the student's. :func:`combine` shows two textbook ways of adding them up: in a
*linked* argument every premise is needed, so the conclusion is no stronger than its weakest premise;
in a *convergent* one each premise supports the conclusion on its own, so support is averaged. It is
a teaching device for the shape of an argument, not a measurement.
"""

from __future__ import annotations

import math

import pandas as pd

from multipolar import catalog, claims, data, events, tables
from multipolar.chapters import ch03_membership as membership
from multipolar.chapters import ch04_sco as sco
from multipolar.chapters import ch06_rapprochement as rapprochement
from multipolar.registry import Registry

__all__ = [
    "METRICS",
    "VERDICTS",
    "STRUCTURES",
    "metric",
    "nodes",
    "premises",
    "doubts",
    "map_table",
    "ledger_counts",
    "metric_texts",
    "combine",
    "verdict_label",
]

#: The student's scale, weakest first. ``None`` means "not decided yet".
VERDICTS = {
    "undecided": None,
    "not supported": 0,
    "weakly supported": 1,
    "partly supported": 2,
    "well supported": 3,
}
STRUCTURES = {
    "linked": "every premise is needed: the conclusion is as strong as its weakest premise",
    "convergent": "each premise counts on its own: the conclusion gets the average support",
}

#: metric key -> function returning {"text": ..., "value": float or NaN, "source": ...};
#: filled by ``@METRICS.register(key="...")``.
METRICS: Registry = Registry("argument-map metric")

_WDI = "World Bank, WDI, vintage {}"
_BRICS = "CHN+HKG+BRA+RUS+IND+ZAF"
_LAST_YEAR = 2100  # "to the latest year with data": later years are simply absent


def metric(key: str) -> dict:
    """Compute one registered metric; a clear error names an unknown key."""
    return METRICS.lookup(key)()


def _share(spec: str, vintage: str, years) -> pd.Series:
    s = tables.world_shares({"x": spec}, vintage, years)
    return s.set_index("year")["share_pct"]


def _event(table: pd.DataFrame, label: str) -> pd.Series:
    rows = table[table["label"] == label]
    if len(rows) != 1:
        raise ValueError(f"expected one event labelled {label!r}, found {len(rows)}")
    return rows.iloc[0]


def _paper_years_change(spec: str, name: str) -> dict:
    """A share of world GDP in 2000 and 2013, the span of the paper's Table 2, in the 2015 vintage."""
    s = _share(spec, catalog.PAPER_VINTAGE, [2000, 2013])
    return {
        "value": s[2013] - s[2000],
        "source": _WDI.format(catalog.PAPER_VINTAGE),
        "text": f"{name} share of world GDP (current US dollars): {s[2000]:.1f}% in 2000, {s[2013]:.1f}% in 2013",
    }


METRICS.add("us_share_2000_2013", lambda: _paper_years_change("USA", "US"))
METRICS.add(
    "china_share_2000_2013", lambda: _paper_years_change("CHN+HKG", "China's (with Hong Kong)")
)


@METRICS.register(key="us_share_since")
def _us_share_since() -> dict:
    s = _share("USA", catalog.LATEST, range(2000, _LAST_YEAR + 1)).dropna()
    low, last = int(s.idxmin()), int(s.index.max())
    return {
        "value": s[last] - s[low],
        "source": _WDI.format(catalog.LATEST),
        "text": f"US share of world GDP: low of {s[low]:.1f}% in {low}, back to {s[last]:.1f}% in {last}",
    }


@METRICS.register(key="brics_share")
def _brics_share() -> dict:
    old = _share(_BRICS, catalog.PAPER_VINTAGE, [2000, 2013])
    new = _share(_BRICS, catalog.LATEST, range(2013, _LAST_YEAR + 1)).dropna()
    last, peak = int(new.index.max()), int(new.idxmax())
    since = (
        f"a peak of {new[peak]:.1f}% in {peak} and {new[last]:.1f}% in {last}"
        if peak != last
        else f"{new[last]:.1f}% in {last}"
    )
    return {
        "value": new[last] - old[2000],
        "source": f"{_WDI.format(catalog.PAPER_VINTAGE)} and {catalog.LATEST}",
        "text": (
            f"Share of world GDP of the five BRICS of 2015: {old[2000]:.1f}% in 2000, {old[2013]:.1f}% in 2013; "
            f"in the latest vintage, {since}"
        ),
    }


@METRICS.register(key="imf_reform_approved")
def _imf_reform_approved() -> dict:
    e = _event(data.epilogue_events(), "US Congress approves the 2010 IMF reform")
    return {
        "value": math.nan,
        "source": e["source"],
        "text": f"{e['date']}: the US Congress approves the 2010 IMF quota reform",
    }


@METRICS.register(key="vision_layers")
def _vision_layers() -> dict:
    m = membership.mechanisms()
    vision = m[m["in_vision"] == "yes"]
    listed = [a for a in vision["factbook_abbrev"] if a]
    counts = pd.Series(0, dtype="int64")
    for abbrev in listed:
        counts = counts.add(
            pd.Series(1, index=sorted(membership.participants(abbrev, True))), fill_value=0
        )
    multi = int((counts >= 2).sum())
    return {
        "value": float(multi),
        "source": "CIA World Factbook 2015; the paper's list of mechanisms",
        "text": (
            f"The Vision names {len(vision)} mechanisms; the course's data cover {len(listed)}, and "
            f"{multi} countries take part in two or more of those"
        ),
    }


@METRICS.register(key="sco_weight_2014")
def _sco_weight_2014() -> dict:
    t = sco.factbook_shares(sco.grouping_codes("members_2015"))
    return {
        "value": t["population_share"],
        "source": "CIA World Factbook 2015",
        "text": (
            f"SCO members in 2015: {t['population_share']:.1f}% of world population, "
            f"{t['gdp_share']:.1f}% of world GDP at official exchange rates"
        ),
    }


@METRICS.register(key="sco_enlarged")
def _sco_enlarged() -> dict:
    tl = data.sco_timeline()
    rows = tl[(tl["kind"] == "enlargement") & (tl["year"] > 2015)].sort_values("date")
    names = dict(zip(data.factbook_sco_status()["code"], data.factbook_sco_status()["name"]))
    parts = [
        f"{' and '.join(names.get(c, c) for c in r['admitted'].split('+'))} ({r['date']})"
        for _, r in rows.iterrows()
    ]
    return {
        "value": float(sum(len(r.split("+")) for r in rows["admitted"])),
        "source": "; ".join(rows["source"]),
        "text": "States admitted as SCO members since 2015: " + (", ".join(parts) or "none"),
    }


@METRICS.register(key="k2_days")
def _k2_days() -> dict:
    ev = data.network_events()
    demand = _event(ev, "Uzbek memorandum: leave K2")
    left = _event(ev, "US leaves K2")
    days = events.days_between(demand["date"], left["date"])
    return {
        "value": float(days),
        "source": f"{demand['source']}; {left['source']}",
        "text": f"Uzbekistan demanded the US leave K2 on {demand['date']}; the US left {days} days later",
    }


@METRICS.register(key="manas_rent")
def _manas_rent() -> dict:
    v = data.network_figures().set_index("figure")["value"]
    before, after = v["manas_rent_before"], v["manas_rent_after"]
    return {
        "value": after / before,
        "source": "Sahara (2015), the paper's figures",
        "text": (
            f"Manas stayed open after 2009: the rent rose from {before:g} to {after:g} million US dollars a "
            f"year ({after / before:.1f} times), in the paper's figures"
        ),
    }


@METRICS.register(key="andijan_accounts")
def _andijan_accounts() -> dict:
    v = data.network_figures().set_index("figure")
    official, hrw = v.loc["andijan_deaths_official"], v.loc["andijan_deaths_hrw"]
    return {
        "value": official["value"],
        "source": f"Sahara (2015); {hrw['source']}",
        "text": (
            f"Andijan: the paper cites the official toll of {official['value']:g} dead; Human Rights "
            f"Watch reported that \u201c{hrw['quote']}\u201d"
        ),
    }


@METRICS.register(key="ust_fall")
def _ust_fall() -> dict:
    v = data.rapprochement_figures().set_index("figure")["value"]
    pct = rapprochement.percent_change(v["ust_holdings_jan_2014"], v["ust_holdings_mar_2015"])
    return {
        "value": pct,
        "source": "Sahara (2015), footnote [30] (text lost)",
        "text": f"Russia's US Treasury holdings fell by {-pct:.0f}% from January 2014 to March 2015, in the paper's figures",
    }


@METRICS.register(key="china_russia_ratio")
def _china_russia_ratio() -> dict:
    # Both years from one vintage: mixing the paper-era vintage (2014) with the latest (today) would
    # compare figures the World Bank has since revised (issue 14).
    new = rapprochement.gdp_pair(catalog.LATEST, 2014, _LAST_YEAR).dropna()
    first, last = new.iloc[0], new.iloc[-1]
    return {
        "value": float(last["ratio"]),
        "source": _WDI.format(catalog.LATEST),
        "text": (
            f"China's GDP was {first['ratio']:.1f} times Russia's in {int(first['year'])} and "
            f"{last['ratio']:.1f} times in {int(last['year'])} (current US dollars, one vintage)"
        ),
    }


@METRICS.register(key="ledger_checked")
def _ledger_checked() -> dict:
    led = data.claims_ledger()
    checked = led[led["status"] != claims.NOT_CHECKABLE]
    counts = checked["status"].value_counts()
    parts = ", ".join(
        f"{counts.get(s, 0)} {s}" for s in claims.STATUSES if s != claims.NOT_CHECKABLE
    )
    return {
        "value": len(checked) / len(led),
        "source": "data/claims_ledger.csv",
        "text": f"Of the paper's {len(led)} factual claims the course could check {len(checked)}: {parts}",
    }


@METRICS.register(key="ukraine_2022")
def _ukraine_2022() -> dict:
    e = _event(data.epilogue_events(), "Russia invades Ukraine")
    return {
        "value": math.nan,
        "source": e["source"],
        "text": f"{e['date']}: Russia, a founding SCO member, launches a full-scale invasion of Ukraine",
    }


def nodes() -> pd.DataFrame:
    """All rows of the map (conclusion, premises, doubts) in their order."""
    return data.argument_map().sort_values("id").reset_index(drop=True)


def premises() -> pd.DataFrame:
    n = nodes()
    return n[n["role"] == "premise"].reset_index(drop=True)


def doubts() -> pd.DataFrame:
    n = nodes()
    return n[n["role"] == "doubt"].reset_index(drop=True)


def _keys(cell) -> list[str]:
    return [k.strip() for k in str(cell or "").split(";") if k.strip()]


def metric_texts(cell) -> list[str]:
    """The texts of the metrics a row names ('' or 'a; b'), computed now from data/."""
    return [metric(k)["text"] for k in _keys(cell)]


def ledger_counts(ledger: pd.DataFrame | None = None) -> dict[int, dict[str, int]]:
    """Per chapter: how many of the paper's claims the ledger holds, how many it could check, and how many
    of those are contradicted, not reproduced or contested."""
    led = data.claims_ledger() if ledger is None else ledger
    out = {}
    for chapter, rows in led.groupby("chapter"):
        out[int(chapter)] = {
            "claims": len(rows),
            "checked": int((rows["status"] != claims.NOT_CHECKABLE).sum()),
            "contradicted": int((rows["status"] == claims.CONTRADICTED).sum()),
            "not reproduced": int((rows["status"] == claims.NOT_REPRODUCED).sum()),
            "contested": int((rows["status"] == claims.CONTESTED).sum()),
        }
    return out


def map_table() -> pd.DataFrame:
    """The argument map as a table: claim, evidence and counter-evidence, each with its figures
    computed from data/ (lists of sentences), the ledger count for its chapter and an empty verdict."""
    counts = ledger_counts()
    rows = []
    for _, r in nodes()[lambda d: d["role"] != "doubt"].iterrows():
        c = counts.get(int(r["chapter"]), {"claims": 0, "checked": 0})
        rows.append(
            {
                "node": r["node"],
                "chapter": int(r["chapter"]),
                "claim": r["claim"],
                "evidence": r["evidence"],
                "evidence_figures": metric_texts(r["evidence_metric"]),
                "counter": r["counter"],
                "counter_figures": metric_texts(r["counter_metric"]),
                "counter_source": r["counter_source"],
                "ledger": f"{c['checked']} of {c['claims']} claims checkable",
                "verdict": "yours to decide",
            }
        )
    return pd.DataFrame(rows)


def verdict_label(score: float | None) -> str:
    """The nearest verdict on the scale for a score from 0 to 3 (or 'undecided')."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return "undecided"
    names = [k for k, v in VERDICTS.items() if v is not None]
    return names[min(range(len(names)), key=lambda i: abs(VERDICTS[names[i]] - score))]


def combine(verdicts: dict[str, str], structure: str = "linked") -> dict:
    """Add up the student's verdicts on the premises.

    ``verdicts`` maps a premise (e.g. 'P1') to a verdict name from :data:`VERDICTS`. Undecided
    premises are left out and listed. Returns the score (0-3, or None if nothing is decided), its
    verdict name, the weakest premises, and the undecided ones.
    """
    if structure not in STRUCTURES:
        raise ValueError(f"structure must be one of {list(STRUCTURES)}, not {structure!r}")
    unknown = {k: v for k, v in verdicts.items() if v not in VERDICTS}
    if unknown:
        raise ValueError(f"unknown verdicts {unknown}; choose from {list(VERDICTS)}")
    decided = {k: VERDICTS[v] for k, v in verdicts.items() if VERDICTS[v] is not None}
    undecided = sorted(k for k, v in verdicts.items() if VERDICTS[v] is None)
    if not decided:
        return {"score": None, "verdict": "undecided", "weakest": [], "undecided": undecided}
    low = min(decided.values())
    score = float(low) if structure == "linked" else sum(decided.values()) / len(decided)
    return {
        "score": score,
        "verdict": verdict_label(score),
        "weakest": sorted(k for k, v in decided.items() if v == low),
        "undecided": undecided,
    }
