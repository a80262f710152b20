"""Recompute the paper's checkable claims from ``data/`` and decide each claim's status.

A *check* is a small registered function ``check(vintage, **args) -> float`` that recomputes one
kind of claim with :mod:`multipolar.tables` / :mod:`multipolar.data`. Each check knows which data
vintage stands for the paper's time and which for today. A *rule* says when a recomputed value
agrees with the paper's. The status of a checked claim is then computed, never typed:

- agrees with the paper-era data and with today's data: **reproduced**;
- agrees with the paper-era data only: **revised** (today's figure and vintage are recorded);
- agrees with today's data only: **reproduced** (with today's vintage);
- agrees with neither: the claim's ``on_mismatch`` status (**not reproduced**, or **contested** /
  **contradicted** where a named source disagrees), with its reason or named source.

A dated claim can also be held against one row of the course's own sourced event tables
(``data/claim_events.csv``, ``data/network_events.csv``, ``data/sco_timeline.csv``,
``data/epilogue_events.csv``): the checks :func:`event_date` and :func:`event_value` read the
row, and the claim is **corroborated** if the row's date (or value) agrees, otherwise it takes its
``on_mismatch`` status. Either way its named source is the row's, read from ``data/``; a row whose
source is the paper itself is refused, since a claim cannot corroborate itself.

:func:`verify` recomputes every checked row of ``data/claims_ledger.csv`` and lists disagreements.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import catalog, claims, data, tables
from .registry import Registry

__all__ = [
    "CHECKS",
    "RULES",
    "CHAPTER_PAGES",
    "EVENT_TABLES",
    "evaluate",
    "rows",
    "verify",
    "status_counts",
    "parse_args",
    "summary",
    "date_code",
    "code_date",
    "Check",
    "china_growth_multiple",
    "table2_level",
    "table2_share",
    "share_moves",
    "growth_gap",
    "ppp_overtaking_year",
    "brics_ppp_share",
    "event_row",
    "same_date",
    "event_source",
    "event_date",
    "event_value",
    "sco_member_count",
    "rule_text",
    "agrees",
    "format_args",
    "evidence",
    "chapter_table",
    "describe",
    "chapter_html",
    "summary_text",
    "chapter_text",
]

FACTBOOK_2015 = "factbook-2015"


@dataclass(frozen=True)
class Check:
    name: str
    fn: Callable[..., float]
    vintages: tuple[str, str]  # (paper era, today)
    computation: str  # what it computes, for readers


#: check name -> :class:`Check`; filled by ``@CHECKS.register(vintages, computation)``.
CHECKS: Registry = Registry("ledger check", make=Check)


WDI_BOTH = (catalog.PAPER_VINTAGE, catalog.LATEST)


@CHECKS.register(
    WDI_BOTH, "tables.growth_multiple of tables.china_gdp(vintage, hong_kong) between two years"
)
def china_growth_multiple(vintage: str, start: int, end: int, hong_kong: str) -> float:
    return tables.growth_multiple(tables.china_gdp(vintage, hong_kong), start, end)


@functools.lru_cache(maxsize=8)
def _table2(vintage: str, _files: tuple) -> pd.DataFrame:
    return tables.table2_rebuilt(vintage)


def _table2_cell(vintage: str, row: int, year: int, column: str) -> float:
    # Table 2 is rebuilt once per vintage and state of its input files, not once per claim
    # (``verify`` asks for some 40 cells); the key changes when a file is edited or moved.
    files = tuple(data.stamp(n) for n in ("wb_gdp_population", "paper_table2", "wb_economies"))
    t = _table2(vintage, files)
    cell = t[(t["row"] == row) & (t["year"] == year)]
    if len(cell) != 1:
        raise ValueError(f"Table 2 has no row {row} for {year}")
    return float(cell[column].iloc[0])


@CHECKS.register(WDI_BOTH, "tables.table2_rebuilt(vintage): GDP of the row's economies, US$ bn")
def table2_level(vintage: str, row: int, year: int) -> float:
    return _table2_cell(vintage, row, year, "gdp_usd_bn")


@CHECKS.register(WDI_BOTH, "tables.table2_rebuilt(vintage): share of world GDP (WLD), %")
def table2_share(vintage: str, row: int, year: int) -> float:
    return _table2_cell(vintage, row, year, "share_pct")


@CHECKS.register(
    WDI_BOTH,
    "tables.world_shares: number of intervals between the given years in which the share moved "
    "in the given direction",
)
def share_moves(vintage: str, spec: str, years: str, direction: str) -> float:
    ys = [int(y) for y in years.split(",")]
    s = tables.world_shares({"x": spec}, vintage, ys).set_index("year")["share_pct"].reindex(ys)
    steps = s.diff().dropna()
    if direction not in ("rise", "fall"):
        raise ValueError("direction must be 'rise' or 'fall'")
    return float((steps > 0).sum() if direction == "rise" else (steps < 0).sum())


@CHECKS.register(
    WDI_BOTH,
    "tables.annual_growth of the economy minus that of the world (WLD), percentage points a year",
)
def growth_gap(vintage: str, spec: str, start: int, end: int) -> float:
    return tables.annual_growth(tables.series(spec, vintage), start, end) - tables.annual_growth(
        tables.series("WLD", vintage), start, end
    )


@CHECKS.register(
    (catalog.PPP_VINTAGE, catalog.PPP_VINTAGE),
    "tables.overtaking_year of tables.ppp_series(a) over (b)",
)
def ppp_overtaking_year(vintage: str, a: str, b: str) -> float:
    year = tables.overtaking_year(tables.ppp_series(a), tables.ppp_series(b))
    return math.nan if year is None else float(year)


@CHECKS.register(
    (catalog.PPP_VINTAGE, catalog.PPP_VINTAGE),
    "tables.world_shares_ppp: the BRICS (China with Hong Kong) share of world GDP at PPP, %",
)
def brics_ppp_share(vintage: str, year: int) -> float:
    s = tables.world_shares_ppp({"BRICS": "CHN+HKG+BRA+RUS+IND+ZAF"}, [year])
    if s.empty:
        raise ValueError(f"no PPP data for {year}")
    return float(s["share_pct"].iloc[0])


#: The course's sourced event tables a dated claim may be checked against: table -> key column.
EVENT_TABLES = {
    "claim_events": "key",
    "network_events": "id",
    "sco_timeline": "id",
    "epilogue_events": "id",
}
EVENTS = "event tables"


def event_row(table: str, event) -> pd.Series:
    """One row of an event table, by its key (or id). Refuses a missing row and a row whose
    source is the paper itself (a claim cannot corroborate itself)."""
    if table not in EVENT_TABLES:
        raise ValueError(f"unknown event table {table!r}; known: {sorted(EVENT_TABLES)}")
    df = data.load(table)
    col = EVENT_TABLES[table]
    hit = df[df[col].astype(str) == str(event)]
    if len(hit) != 1:
        raise ValueError(f"data/{table}.csv has no row {col}={event!r}")
    row = hit.iloc[0]
    if row["source_type"] == "paper" or not str(row["source"]).strip():
        raise ValueError(f"data/{table}.csv row {event!r} rests on the paper or on no named source")
    return row


def date_code(iso: str) -> float:
    """An ISO date (year, month or day precision) as a number YYYYMMDD, 00 for an unknown month/day."""
    parts = [int(p) for p in str(iso).split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not an ISO date: {iso!r}")
    parts += [0] * (3 - len(parts))
    return float(parts[0] * 10000 + parts[1] * 100 + parts[2])


def code_date(code: float) -> str:
    """The ISO date a :func:`date_code` stands for, at its precision."""
    c = int(code)
    y, m, d = c // 10000, c // 100 % 100, c % 100
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def same_date(claimed: str, code: float) -> bool:
    """True if the claim's date and the event's agree at the precision both give."""
    if not isinstance(claimed, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", claimed):
        return False
    a, b = claimed.split("-"), code_date(code).split("-")
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def event_source(table: str, event) -> str:
    """The named source of an event row, with the address the course read it at."""
    row = event_row(table, event)
    url = str(row["url"])  # every event table has the column; "" where no address is known
    return str(row["source"]) + (f" <{url}>" if url else "")


@CHECKS.register((EVENTS, EVENTS), "the date of a row of the course's sourced event tables")
def event_date(vintage: str, table: str, event) -> float:
    return date_code(event_row(table, event)["date"])


@CHECKS.register((EVENTS, EVENTS), "the value of a row of the course's sourced event tables")
def event_value(vintage: str, table: str, event) -> float:
    value = event_row(table, event).get("value")
    if value is None or pd.isna(value):
        raise ValueError(f"data/{table}.csv row {event!r} has no value")
    return float(value)


EVENT_CHECKS = ("event_date", "event_value")


@CHECKS.register(
    (FACTBOOK_2015, FACTBOOK_2015), "data.factbook_2015(): rows whose group is 'member'"
)
def sco_member_count(vintage: str) -> float:
    fb = data.factbook_2015()
    return float((fb["group"] == "member").sum())


# ---------------------------------------------------------------- rules
def _decimals_rule(stated: float, computed: float, decimals: int) -> bool:
    rounded = round(computed, decimals)
    truncated = math.floor(computed * 10**decimals + 1e-9) / 10**decimals
    return math.isclose(rounded, stated) or math.isclose(truncated, stated)


RULES: dict[str, tuple[Callable[..., bool], str]] = {
    "round_or_truncate": (
        lambda v, x, d: _decimals_rule(v, x, int(d)),
        "agrees if the recomputed value, rounded or truncated to {0} decimal(s), equals the paper's",
    ),
    "equal": (
        lambda v, x, t=None: math.isclose(v if t is None else float(t), x),
        "agrees if the recomputed value equals the paper's{0}",
    ),
    "more_than": (lambda v, x, t: x > float(t), "agrees if the recomputed value is more than {0}"),
    "less_than": (lambda v, x, t: x < float(t), "agrees if the recomputed value is less than {0}"),
    "between": (
        lambda v, x, lo, hi: float(lo) <= x <= float(hi),
        "agrees if the recomputed value lies between {0} and {1}",
    ),
    "same_date": (
        lambda v, x: same_date(v, x),
        "agrees if the paper's date and the event table's agree at the precision both give",
    ),
    "same_value": (
        lambda v, x: v is not None and math.isclose(float(v), x),
        "agrees if the paper's number equals the event table's",
    ),
    "same_date_value": (
        lambda v, x: same_date(v, x),
        "agrees if the paper's date and the event table's agree at the precision "
        "both give, and the paper's number equals the table's",
    ),
}


def _rule(spec: str):
    name, *params = spec.split(":")
    if name not in RULES:
        raise ValueError(f"unknown rule {name!r}; known: {sorted(RULES)}")
    text = RULES[name][1]
    if name == "equal":
        text = text.format(f" (its words mean {params[0]})" if params else "")
    else:
        text = text.format(*params)
    return RULES[name][0], params, text


def rule_text(spec: str) -> str:
    return _rule(spec)[2]


def agrees(spec: str, stated: float | None, computed: float) -> bool:
    fn, params, _ = _rule(spec)
    if computed is None or (isinstance(computed, float) and math.isnan(computed)):
        return False
    return bool(fn(stated, computed, *params))


def format_args(args: dict) -> str:
    return "; ".join(f"{k}={v}" for k, v in args.items())


def parse_args(text: str) -> dict:
    out = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        k, _, v = part.partition("=")
        out[k] = int(v) if v.lstrip("-").isdigit() else v
    return out


# ---------------------------------------------------------------- statuses
def _evaluate_event(claim: dict, check: Check) -> dict:
    """A claim held against one row of an event table: corroborated, or its fallback status.

    paper_era_value holds what the check read (the row's date as YYYYMMDD, or its value); for the
    rule ``same_date_value`` today_value holds the row's value, compared with the paper's."""
    table, event = claim["args"]["table"], claim["args"]["event"]
    found = check.fn(EVENTS, **claim["args"])
    second = found
    if claim["rule"] == "same_date":
        ok = same_date(claim["date"], found)
    elif claim["rule"] == "same_date_value":
        second = event_value(EVENTS, table, event)
        ok = (
            same_date(claim["date"], found)
            and claim["value"] is not None
            and math.isclose(claim["value"], second)
        )
    else:
        ok = agrees(claim["rule"], claim["value"], found)
    status = claims.CORROBORATED if ok else claim["on_mismatch"]
    where = f"data/{table}.csv"
    return {
        "status": status,
        "check": check.name,
        "args": format_args(claim["args"]),
        "rule": claim["rule"],
        "paper_era_value": found,
        "paper_era_vintage": where,
        "today_value": second,
        "today_vintage": where,
        "named_source": event_source(table, event),
        "reason": "",
    }


def evaluate(claim: dict) -> dict:
    """The computed fields of one claim (see :func:`multipolar.claims.load`)."""
    if "check" not in claim:
        return {
            "status": claim["status"],
            "check": "",
            "args": "",
            "rule": "",
            "paper_era_value": None,
            "paper_era_vintage": "",
            "today_value": None,
            "today_vintage": "",
            "named_source": claim.get("named_source", ""),
            "reason": claim.get("reason", ""),
        }
    check = CHECKS[claim["check"]]
    if check.name in EVENT_CHECKS:
        return _evaluate_event(claim, check)
    old_v, new_v = check.vintages
    old = check.fn(old_v, **claim["args"])
    new = old if new_v == old_v else check.fn(new_v, **claim["args"])
    ok_old, ok_new = (
        agrees(claim["rule"], claim["value"], old),
        agrees(claim["rule"], claim["value"], new),
    )
    if ok_old:
        status = claims.REPRODUCED if ok_new else claims.REVISED
    elif ok_new:
        status = claims.REPRODUCED
    else:
        status = claim["on_mismatch"]
    return {
        "status": status,
        "check": check.name,
        "args": format_args(claim["args"]),
        "rule": claim["rule"],
        "paper_era_value": old,
        "paper_era_vintage": old_v,
        "today_value": new,
        "today_vintage": new_v,
        "named_source": claim["data_source"],
        "reason": claim["reason"] if status == claims.NOT_REPRODUCED else "",
    }


def rows(spec: list[dict] | None = None) -> list[dict]:
    """Every claim (``spec``, by default the curated claims) with its computed fields, in the
    paper's order (what the build writes)."""
    out = []
    for i, c in enumerate(claims.load() if spec is None else spec, start=1):
        section = dict((n, t) for n, t, _ in claims.SECTIONS)[c["chapter"]]
        ev = evaluate(c)
        out.append(
            {
                "id": i,
                "key": c["key"],
                "chapter": c["chapter"],
                "section": section,
                "claim": c["claim"],
                "stated": c["stated"],
                "value": c["value"],
                "unit": c["unit"],
                "date": c["date"],
                "quote": c["quote"],
                "paper_source": c["source"],
                **ev,
                "note": c.get("note", ""),
            }
        )
    return out


def verify(ledger: pd.DataFrame | None = None, rel_tol: float = 1e-9) -> pd.DataFrame:
    """Recompute every checked row of the ledger from ``data/``; one row per disagreement (empty if none)."""
    ledger = data.claims_ledger() if ledger is None else ledger
    problems = []
    for r in ledger[ledger["check"] != ""].itertuples():
        if r.check not in CHECKS:
            problems.append(
                {"key": r.key, "field": "check", "ledger": r.check, "data": "no such check"}
            )
            continue
        claim = {
            "check": r.check,
            "args": parse_args(r.args),
            "rule": r.rule,
            "date": r.date,
            # a blank value stays NaN, which no rule that reads the paper's number agrees with (None
            # would crash those rules): a checked row that lost its number is reported, not fatal
            "value": float(r.value),
            "on_mismatch": r.status if r.status in claims.FALLBACKS else "?",
            "data_source": r.named_source,
            "reason": r.reason,
        }
        try:
            ev = evaluate(claim)
        except (ValueError, KeyError) as exc:
            problems.append({"key": r.key, "field": "check", "ledger": r.check, "data": str(exc)})
            continue
        for field in ("paper_era_value", "today_value"):
            stored, fresh = getattr(r, field), ev[field]
            both_nan = pd.isna(stored) and math.isnan(fresh)
            if not both_nan and not math.isclose(float(stored), fresh, rel_tol=rel_tol):
                problems.append({"key": r.key, "field": field, "ledger": stored, "data": fresh})
        for field in ("status", "named_source"):
            if ev[field] != getattr(r, field):
                problems.append(
                    {"key": r.key, "field": field, "ledger": getattr(r, field), "data": ev[field]}
                )
    return pd.DataFrame(problems, columns=["key", "field", "ledger", "data"])


# ---------------------------------------------------------------- the book page
#: The chapter page that discusses each section of the paper.
CHAPTER_PAGES = {
    1: "01_pax_americana.ipynb",
    2: "02_china_rise.ipynb",
    3: "03_dichotomy_multilayer.ipynb",
    4: "04_sco_testing_ground.ipynb",
    5: "05_network_leverage.ipynb",
    6: "06_sino_russian.ipynb",
    7: "07_conclusion.ipynb",
}


def status_counts(ledger: pd.DataFrame, by_chapter: bool = False) -> pd.DataFrame:
    """Number of claims per status (columns in the order of STATUSES), overall or per chapter."""
    key = ledger["chapter"] if by_chapter else pd.Series("all claims", index=ledger.index)
    out = pd.crosstab(key, ledger["status"]).reindex(columns=claims.STATUSES, fill_value=0)
    out.columns.name, out.index.name = "status", ("chapter" if by_chapter else None)
    return out


#: Status labels with a symbol, so the table does not rely on colour or on reading the word alone.
#: A status the catalogue gains later gets the neutral mark "•" until it is given its own here.
_SYMBOLS = {
    "reproduced": "✔",
    "revised": "↻",
    "not checkable with the course's data": "–",
    "contradicted": "✘",
    "corroborated": "✔",
    "not reproduced": "✘",
    "contested": "?",
}
STATUS_MARKS = {s: f"{_SYMBOLS.get(s, '•')} {s}" for s in claims.STATUSES}


def _num(x: float, year: bool = False) -> str:
    if pd.isna(x):
        return "none"
    if year:
        return str(int(x))
    return (
        f"{x:,.0f}"
        if abs(x) >= 1000 or float(x).is_integer()
        else f"{x:,.3g}"
        if abs(x) < 1
        else f"{x:,.2f}"
    )


def evidence(row) -> str:
    """What the status rests on, in words: the computation and its values, or the reason / named source."""
    parts = []
    if row["check"] in EVENT_CHECKS:
        if row["check"] == "event_date":
            found = f"its date is {code_date(row['paper_era_value'])}"
            if row["rule"] == "same_date_value":
                found += f" and its number {_num(row['today_value'])}"
        else:
            found = f"its number is {_num(row['paper_era_value'])}"
        parts.append(
            f"Held against {row['paper_era_vintage']} ({row['args']}): {found}. "
            f"Rule: {rule_text(row['rule'])}. Source: {row['named_source']}."
        )
    elif row["check"]:
        year = row["check"].endswith("_year")
        vals = f"{row['paper_era_vintage']}: {_num(row['paper_era_value'], year)}"
        if row["today_vintage"] != row["paper_era_vintage"]:
            vals += f"; {row['today_vintage']}: {_num(row['today_value'], year)}"
        parts.append(
            f"Recomputed by {row['check']}({row['args']}) — {vals}. Rule: {rule_text(row['rule'])}."
        )
    if row["reason"]:
        parts.append(row["reason"])
    if row["named_source"] and row["status"] in claims.SOURCED and row["check"] not in EVENT_CHECKS:
        label = "Contradicted by" if row["status"] == claims.CONTRADICTED else "Sources"
        parts.append(f"{label}: {row['named_source']}.")
    if row["note"]:
        parts.append(f"Note: {row['note']}")
    return " ".join(parts)


def chapter_table(ledger: pd.DataFrame, chapter: int) -> pd.DataFrame:
    """The ledger rows of one chapter, as a readable table for the book."""
    rows = ledger[ledger["chapter"] == chapter]
    words = rows["stated"] + rows["date"].where(rows["date"] == "", " (" + rows["date"] + ")")
    return pd.DataFrame(
        {
            "#": rows["id"].values,
            "Claim (our words)": rows["claim"].values,
            "The paper's words": ("“" + rows["quote"] + "”").values,
            "States": words.values,
            "Source the paper gives": rows["paper_source"].values,
            "Status": rows["status"].map(STATUS_MARKS).values,
            "Evidence": [evidence(r) for _, r in rows.iterrows()],
        }
    )


def describe(ledger: pd.DataFrame, key: str) -> str:
    """One claim as a short Markdown paragraph (for the book's examples)."""
    r = ledger.set_index("key").loc[key]
    return (
        f"**Claim {r['id']}, chapter {r['chapter']}.** {r['claim']}. The paper: “{r['quote']}” "
        f"(source given: {r['paper_source']}). **Status: {STATUS_MARKS[r['status']]}.** "
        f"{evidence(r.to_dict())}"
    )


def chapter_html(ledger: pd.DataFrame, chapter: int) -> str:
    """One chapter's claims as a three-column HTML table (number; claim and the paper's words; status and
    evidence) that stays readable in the book's narrow text column."""
    import html as _html

    esc = _html.escape
    body = []
    for _, r in ledger[ledger["chapter"] == chapter].iterrows():
        states = esc(r["stated"]) + (
            f" ({esc(r['date'])})" if r["date"] and r["date"] != r["stated"] else ""
        )
        body.append(
            '<tr style="vertical-align:top"><td>' + str(r["id"]) + "</td>"
            f"<td><strong>{esc(r['claim'])}</strong><br/>“{esc(r['quote'])}”<br/>"
            f"<small>States: {states} · Source given: {esc(r['paper_source'])}</small></td>"
            f"<td><strong>{esc(STATUS_MARKS[r['status']])}</strong><br/><small>{esc(evidence(r))}</small></td></tr>"
        )
    return (
        '<table class="claims-ledger" style="width:100%;table-layout:fixed;overflow-wrap:anywhere">'
        '<colgroup><col style="width:3em"/><col style="width:50%"/><col/></colgroup>'
        "<thead><tr><th>#</th><th>Claim (our words) and the paper's words</th>"
        "<th>Status and evidence</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>"
    )


# ---------------------------------------------------------------- prose computed from the ledger
def summary(ledger: pd.DataFrame) -> dict:
    """The ledger's tally: counts per status, how many claims were checked, shares in per cent."""
    table = status_counts(ledger)
    counts = {s: int(table[s].iloc[0]) if len(table) else 0 for s in claims.STATUSES}
    total = len(ledger)
    unchecked = counts[claims.NOT_CHECKABLE]
    return {
        "total": total,
        "counts": counts,
        "checked": total - unchecked,
        "not_checkable": unchecked,
        "checked_pct": 100 * (total - unchecked) / total if total else 0.0,
        "not_checkable_pct": 100 * unchecked / total if total else 0.0,
        "recomputed": int((ledger["check"].ne("") & ~ledger["check"].isin(EVENT_CHECKS)).sum()),
        "event_checked": int(ledger["check"].isin(EVENT_CHECKS).sum()),
    }


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary_text(ledger: pd.DataFrame) -> str:
    """One paragraph, every number computed from the ledger: how many claims were checked, how."""
    t = summary(ledger)
    c = t["counts"]
    typed = t["checked"] - t["recomputed"] - t["event_checked"]
    return (
        f"Of the paper's {t['total']} factual claims, the course checked {t['checked']} "
        f"({t['checked_pct']:.0f}%): {t['recomputed']} by recomputing them from the World Bank and "
        f"Factbook data, {t['event_checked']} by holding them against a dated row of the course's own "
        f"event tables, each with a named source, and {typed} by named sources that contradict or "
        f"contest them. "
        f"{_plural(c[claims.REPRODUCED] + c[claims.REVISED], 'figure')} reproduce "
        f"({c[claims.REVISED]} of them only in the paper-era vintage), "
        f"{_plural(c[claims.CORROBORATED], 'claim')} are corroborated, "
        f"{_plural(c[claims.NOT_REPRODUCED], 'figure')} do not reproduce in any vintage the course "
        f"holds, "
        f"{c[claims.CONTRADICTED]} are contradicted and {c[claims.CONTESTED]} contested. "
        f"{t['not_checkable']} ({t['not_checkable_pct']:.0f}%) cannot be checked with the course's "
        f"data or sources."
    )


def chapter_text(ledger: pd.DataFrame, chapter: int) -> str:
    """One sentence on one chapter's claims: how many, and the count of each status they have."""
    rows = ledger[ledger["chapter"] == chapter]
    counts = status_counts(rows).iloc[0] if len(rows) else pd.Series(0, index=claims.STATUSES)
    parts = [f"{int(n)} {s}" for s, n in counts.items() if n]
    head = f"Section {chapter} of the paper makes {_plural(len(rows), 'claim')} in the ledger: "
    return head + ", ".join(parts) + "."
