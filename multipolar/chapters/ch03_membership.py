"""Who takes part in which cooperation mechanism, and how much the mechanisms overlap (chapter 3).

Pure functions over two data files: ``data/vision_mechanisms.csv`` (the mechanisms the
"Vision and Actions" document names, and what the course's sources cover of each) and
``data/mechanism_membership.csv`` (membership as printed by the CIA World Factbook 2015).
A mechanism the Factbook does not list has no members here: it is reported as "not covered",
never filled in.
"""

from __future__ import annotations

import math

import pandas as pd

from multipolar import catalog, data

__all__ = [
    "FULL",
    "STATUSES",
    "NOT_COVERED",
    "NONE",
    "mechanisms",
    "covered",
    "row_label",
    "participants",
    "jaccard",
    "overlap",
    "overlap_matrix",
    "membership_matrix",
    "layers",
    "co_participants",
    "country_options",
    "fips_of",
]

FULL = "member"
#: Statuses as printed by the Factbook, fullest first.
STATUSES = catalog.enum("mechanism_membership", "status")
NOT_COVERED = "not covered by the course's sources"
NONE = "none listed"


def mechanisms() -> pd.DataFrame:
    """The mechanisms table (``data/vision_mechanisms.csv``), in the Vision's order."""
    return data.vision_mechanisms().sort_values("order").reset_index(drop=True)


def covered() -> list[str]:
    """Factbook abbreviations the course can show membership for, in the Vision's order."""
    m = mechanisms()
    return [a for a in m["factbook_abbrev"] if a]


def row_label(row) -> str:
    """How a mechanism is named in charts: says when a counterpart or comparison stands in."""
    if row["coverage"] == "not covered":
        return f"{row['mechanism']}: {NOT_COVERED}"
    if row["coverage"] == "counterpart listed":
        return f"{row['factbook_abbrev']} (counterpart in {row['mechanism']})"
    if row["in_vision"] == "no":
        return f"{row['factbook_abbrev']} (comparison)"
    return row["factbook_abbrev"]


def _statuses(include_partners: bool) -> list[str]:
    return STATUSES if include_partners else [FULL]


def participants(abbrev: str, include_partners: bool = False) -> set[str]:
    """FIPS codes of the entities the Factbook lists for ``abbrev`` (members only, or all statuses)."""
    return _participant_sets([abbrev], include_partners)[abbrev]


def _participant_sets(abbrevs: list[str], include_partners: bool) -> dict[str, set[str]]:
    """:func:`participants` of several mechanisms, reading the tables once (charts redraw on every
    change of a widget)."""
    known = covered()
    for abbrev in abbrevs:
        if abbrev not in known:
            raise ValueError(
                f"{abbrev!r} is not a mechanism the course's sources cover; choose one of {known}"
            )
    df = data.mechanism_membership()
    df = df[df["mechanism"].isin(abbrevs) & df["status"].isin(_statuses(include_partners))]
    groups = df.groupby("mechanism")["fips"].agg(set)
    return {a: set(groups.get(a, set())) for a in abbrevs}


def jaccard(a: set, b: set) -> float:
    """|a ∩ b| / |a ∪ b|: 1 for identical sets, 0 for disjoint ones; NaN if both are empty."""
    union = a | b
    return len(a & b) / len(union) if union else math.nan


def overlap(abbrevs: list[str] | None = None, include_partners: bool = False) -> pd.DataFrame:
    """One row per pair of mechanisms: sizes, shared participants and the Jaccard index."""
    abbrevs = list(abbrevs) if abbrevs is not None else covered()
    sets = _participant_sets(abbrevs, include_partners)
    rows = []
    for i, a in enumerate(abbrevs):
        for b in abbrevs[i + 1 :]:
            rows.append(
                {
                    "a": a,
                    "b": b,
                    "n_a": len(sets[a]),
                    "n_b": len(sets[b]),
                    "shared": len(sets[a] & sets[b]),
                    "union": len(sets[a] | sets[b]),
                    "jaccard": jaccard(sets[a], sets[b]),
                }
            )
    return pd.DataFrame(rows, columns=["a", "b", "n_a", "n_b", "shared", "union", "jaccard"])


def overlap_matrix(
    abbrevs: list[str] | None = None, include_partners: bool = False, value: str = "jaccard"
) -> pd.DataFrame:
    """Square table of ``value`` ('jaccard' or 'shared') between mechanisms; the diagonal is the set itself."""
    if value not in ("jaccard", "shared"):
        raise ValueError(f"value must be 'jaccard' or 'shared', not {value!r}")
    abbrevs = list(abbrevs) if abbrevs is not None else covered()
    sets = _participant_sets(abbrevs, include_partners)
    cells = [
        [
            jaccard(sets[a], sets[b]) if value == "jaccard" else len(sets[a] & sets[b])
            for b in abbrevs
        ]
        for a in abbrevs
    ]
    return pd.DataFrame(cells, index=abbrevs, columns=abbrevs, dtype="float64")


def membership_matrix(rows_of: str | None = None, include_partners: bool = True) -> pd.DataFrame:
    """Entities × mechanisms (Vision order, uncovered ones included as empty columns) of statuses.

    ``rows_of`` limits the rows to the participants of one covered mechanism (e.g. 'SCO').
    A cell holds the printed status, '' where the Factbook lists none, and ``NOT_COVERED``
    in the columns of mechanisms the sources do not cover.
    """
    m = mechanisms()
    df = data.mechanism_membership()
    df = df[df["status"].isin(_statuses(include_partners))]
    if rows_of is not None:
        df = df[df["fips"].isin(participants(rows_of, include_partners))]
    wide = df.pivot(index="country", columns="mechanism", values="status")
    out = pd.DataFrame(index=sorted(wide.index))
    for _, r in m.iterrows():
        label = row_label(r)
        if r["coverage"] == "not covered":
            out[label] = NOT_COVERED
        else:
            out[label] = (
                wide[r["factbook_abbrev"]].reindex(out.index).fillna("")
                if r["factbook_abbrev"] in wide
                else ""
            )
    out.index.name = "country"
    return out


def fips_of(country: str) -> str:
    """FIPS code of a Factbook name ('China' -> 'ch'), or the code itself if given one."""
    df = data.mechanism_membership()
    if country in set(df["fips"]):
        return country
    hit = df.loc[df["country"] == country, "fips"]
    if hit.empty:
        raise ValueError(
            f"{country!r} takes part in none of the covered mechanisms; see country_options()"
        )
    return hit.iloc[0]


def layers(country: str) -> pd.DataFrame:
    """Every mechanism (Vision order) with the country's status in it and the mechanism's size.

    ``status`` is the printed status, ``NONE`` where the Factbook lists none, or
    ``NOT_COVERED`` for mechanisms the sources do not cover (sizes are then missing).
    """
    fips = fips_of(country)
    df = data.mechanism_membership()
    mine = dict(zip(df.loc[df["fips"] == fips, "mechanism"], df.loc[df["fips"] == fips, "status"]))
    full, every = _participant_sets(covered(), False), _participant_sets(covered(), True)
    rows = []
    for _, r in mechanisms().iterrows():
        a = r["factbook_abbrev"]
        if r["coverage"] == "not covered":
            status, n_full, n_all = NOT_COVERED, None, None
        else:
            status = mine.get(a, NONE)
            n_full, n_all = len(full[a]), len(every[a])
        rows.append(
            {
                "mechanism": r["mechanism"],
                "label": row_label(r),
                "factbook_abbrev": a,
                "in_vision": r["in_vision"],
                "coverage": r["coverage"],
                "status": status,
                "members": n_full,
                "participants": n_all,
            }
        )
    out = pd.DataFrame(rows)
    out["members"] = out["members"].astype("Int64")
    out["participants"] = out["participants"].astype("Int64")
    return out


def co_participants(country: str, include_partners: bool = False) -> pd.DataFrame:
    """Other entities ranked by how many covered mechanisms they share with ``country``."""
    fips = fips_of(country)
    df = data.mechanism_membership()
    df = df[df["status"].isin(_statuses(include_partners))]
    mine = set(df.loc[df["fips"] == fips, "mechanism"])
    others = df[(df["fips"] != fips) & df["mechanism"].isin(mine)]
    out = (
        others.groupby(["fips", "country"])["mechanism"]
        .agg(shared="size", mechanisms=lambda s: ", ".join(sorted(s)))
        .reset_index()
        .sort_values(["shared", "country"], ascending=[False, True])
        .reset_index(drop=True)
    )
    return out


def country_options() -> dict[str, str]:
    """{Factbook name: FIPS} for every entity in the membership table, sorted by name."""
    df = data.mechanism_membership().drop_duplicates("fips").sort_values("country")
    return dict(zip(df["country"], df["fips"]))
