"""The wrong-answer corpus: every kind of wrong answer gets its own true, specific message.

For each of the 8 exercise sets, the real student notebook from ``exercises/`` is copied under
another name ("alice.ipynb", "ch02 (1).ipynb": a renamed notebook must work; beside it, another
set's notebook saved under this set's own name, "ch02.ipynb", as a decoy) and executed in
one kernel, top to bottom as a student would run it unanswered.  Then the model answers of the
master notebook are run, and each corpus case follows in sequence: the student's wrong code (a
cell, which may raise), ``grader.check("qN")`` (or the question's hidden tests, run the way the
grader runs them), then the model answer again to reset what the case touched.

Every check's output is classified by the regular expression of its expected kind, and must
hold no traceback and not the expected value.  A summary table (cases per kind, pass/fail) is
printed (see it with ``pytest -s``; ``CORPUS_SHOW=1`` prints every message too).  One kernel
per set keeps the whole corpus to about a minute and a half.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = ["ch01", "ch02", "ch03", "ch04", "ch05", "ch06", "ch07", "ch08"]
#: The file name each set's notebook is saved under: never its own name.
RENAMED = {s: ("alice.ipynb" if i % 2 == 0 else f"{s} (1).ipynb") for i, s in enumerate(SETS)}

#: What each kind of message must say (regular expressions, searched in the check's output).
KINDS = {
    "passes": r"results: All test cases passed!",
    "not set": r"`\w+` is not set: check the spelling of its name and run its cell",
    "cell failed": r"the cell that sets `\w+` stopped with \w+(Error|Exception)\b",
    "cell failed, old value": (
        r"the cell that sets `\w+` stopped with \w+Error.*"
        r"still holds its value"
    ),
    "placeholder": r"is still the placeholder `\.\.\.`",
    "none": r"is None \(nothing\)|gave None \(nothing\)|returned None \(nothing",
    "unit slip: fraction": r"looks like a (fraction|difference of fractions)",
    "unit slip: percentage": r"looks like a percentage",
    "unit slip: ratio": r"looks like a ratio \(new / old\)",
    "unit slip: inverse": r"looks like the inverse",
    "unit slip: scale": (
        r"looks like (US\$|millions|trillions|billions|persons|thousands|km²|"
        r"trillion cubic|cubic metres|a price per|the value was in billions|"
        r"the volume was not converted|an amount, not a share)"
    ),
    "wrong sign": r"has the wrong sign",
    "wrong type": (
        r"should be (a|an) [^;]*; you gave (text|a pandas|a list|a numpy|a True|"
        r"a date|an object|a tuple|a set|a dict)|should be a pandas DataFrame|"
        r"should be a function|should be a matplotlib Axes|should be the Axes|"
        r"should return a set|should be a list|should be a non-empty set|"
        r"should return True or False|years as whole numbers|should be a dict"
    ),
    "wrong rows": (
        r"should have \d+ row\(s\), one per [^;]+; it has|has no rows|"
        r"has no row for the|should have one row for each"
    ),
    "wrong order": r"largest first|in order \(sort",
    "wrong columns": r"is missing the column\(s\)",
    "out of range": r"should be [^;]* (between|of at least|of at most) [^;]*; you gave [-\d.e+]+\.",
    "chart": (
        r"exactly one line whose label|exactly one set of bars|the y-axis label|"
        r"should show at least|label both axes"
    ),
    "function error": r"calling \w+\(.*\) raised \w+",
    "should raise": r"should raise ValueError",
    "wrong value": r"differs from the value computed from the course data|"
    r"is not the value computed from the course data",
}
#: Never in any output: a traceback, otter's code excerpt, a raw exception line.
FORBIDDEN = re.compile(
    r"Traceback|Error at line|File \"|^\s*\w+Error: |NameError: name 'grader'", re.MULTILINE
)


@dataclass
class Case:
    set: str
    question: str
    code: str | list[str]
    kind: str
    hidden: bool = False
    passes: list[str] = field(default_factory=list)  # hidden tests that must still pass
    ident: str = ""


def C(s, q, code, kind, hidden=False, passes=()):  # noqa: N802 - a short table row
    return Case(s, q, code, kind, hidden, list(passes))


#: What the unanswered notebook's checks say, question by question.
UNANSWERED = {
    "ch01": {"q1": "placeholder", "q2": "none", "q3": "placeholder", "q4": "chart"},
    "ch02": {"q1": "placeholder", "q2": "none", "q3": "none", "q4": "placeholder"},
    "ch03": {"q1": "placeholder", "q2": "none", "q3": "placeholder", "q4": "placeholder"},
    "ch04": {"q1": "placeholder", "q2": "placeholder", "q3": "placeholder", "q4": "chart"},
    "ch05": {"q1": "placeholder", "q2": "placeholder", "q3": "placeholder", "q4": "chart"},
    "ch06": {"q1": "placeholder", "q2": "placeholder", "q3": "placeholder", "q4": "placeholder"},
    "ch07": {"q1": "placeholder", "q2": "placeholder", "q3": "placeholder"},
    "ch08": {"q1": "placeholder", "q2": "none", "q3": "placeholder", "q4": "chart"},
}

SHARES_AS_US_DOLLARS = """fig, q4_ax = plt.subplots()
for code, label, style in [("LMY", "Low & middle income", "-"), ("HIC", "High income", "--")]:
    s = tables.series(code, "wdi-2026-07")
    q4_ax.plot(s.index, s.values, label=label, linestyle=style)
q4_ax.set_ylabel("Share of world GDP (%)")"""

CASES = [
    # ---------------------------------------------------------------- ch01
    C("ch01", "q1", "q1_share_1960 = q1_share_1960 / 100", "unit slip: fraction"),
    C("ch01", "q1", ["del q1_share_2011", "q1_share_2001 = q1_share_1960"], "not set"),
    C(
        "ch01",
        "q1",
        "q1_share_2025 = q1_share_2011",
        "wrong value",
        hidden=True,
        passes=["test_q1_value_1960", "test_q1_value_2011"],
    ),
    C("ch01", "q2", "q2_lmy_before = q2_lmy_before / 100", "unit slip: fraction"),
    C(
        "ch01",
        "q2",
        "def share_change(code, start, end):\n    shares = 1\n"
        'q2_lmy_before = share_change("LMY", 2000, 2007)',
        "none",
    ),
    C("ch01", "q3", 'q3_compare = q3_compare.set_index("year")', "wrong columns"),
    C(
        "ch01",
        "q3",
        'q3_compare = q3_compare.assign(us_ppp=q3_compare["us_ppp"] / 100)',
        "unit slip: fraction",
    ),
    C(
        "ch01",
        "q3",
        'del q3_compare\nq3_compare = long.pivot(index="year", columns="colum", '
        'values="share_pct")',
        "cell failed",
    ),
    C("ch01", "q4", SHARES_AS_US_DOLLARS, "unit slip: scale"),
    # ---------------------------------------------------------------- ch02
    C("ch02", "q1", "q1_multiple_2015 = 1 / q1_multiple_2015", "unit slip: inverse"),
    C("ch02", "q1", "q1_multiple_latest = 100 * q1_multiple_latest", "unit slip: percentage"),
    C("ch02", "q1", "q1_multiple_2015 = str(q1_multiple_2015)", "wrong type"),
    C(
        "ch02",
        "q1",
        'del q1_multiple_2015\nchn = tables.series("CHN", "wdi-2015-08")\n'
        'q1_multiple_2015 = chn[2013] / chn["1980"]',
        "cell failed",
    ),
    C(
        "ch02",
        "q1",
        'q1_multiple_2015 = tables.growth_multiple(tables.series("CHN+HKG", '
        '"wdi-2015-08"), 1980, 2013)',
        "wrong value",
        hidden=True,
        passes=["test_q1_value_latest"],
    ),
    C(
        "ch02",
        "q2",
        'def us_share(vintage, year):\n    us = tables.series("USA", vintage)\n'
        '    return float(us[year] / tables.series("WLD", vintage)[year])\n\n'
        'q2_share_2015 = us_share("wdi-2015-08", 2013)\n'
        'q2_share_latest = us_share("wdi-2026-07", 2013)',
        "unit slip: fraction",
    ),
    C(
        "ch02",
        "q2",
        'def us_share(vintage, year):\n    return 100 * tables.series("USA", '
        'vintage)[year] / tables.series("WLD", vintag)[year]',
        "function error",
        hidden=True,
    ),
    C(
        "ch02",
        "q3",
        'q3_china = q3_china.assign(year=pd.to_datetime(q3_china["year"].astype(str)))',
        "wrong type",
    ),
    C(
        "ch02",
        "q3",
        'q3_china = q3_china.assign(gdp_usd_bn=q3_china["gdp_usd_bn"] * 1e9)',
        "unit slip: scale",
    ),
    C(
        "ch02",
        "q3",
        'q3_china = q3_china.assign(gdp_usd_bn=q3_china["gdp_usd_bn"] * 1e3)',
        "unit slip: scale",
    ),
    C("ch02", "q3", "q3_china = q3_china.iloc[:3]", "wrong rows"),
    C(
        "ch02",
        "q4",
        'fig, q4_ax = plt.subplots()\nfor code, label in [("CHN+HKG", "China"), '
        '("USA", "United States")]:\n    s = tables.series(code, "wdi-2026-07")'
        ".loc[1980:]\n    q4_ax.plot(s.index, s.values, label=label)\n"
        'q4_ax.set_ylabel("Share of world GDP (%)")',
        "unit slip: scale",
    ),
    C(
        "ch02",
        "q4",
        'fig, q4_ax = plt.subplots()\nfor label in ["China", "United States"]:\n'
        '    q4_ax.plot(q4_shares["year"], q4_shares[label] / 100, label=label)\n'
        'q4_ax.set_ylabel("Share (%)")',
        "unit slip: fraction",
    ),
    C(
        "ch02",
        "q4",
        'q4_shares = pd.DataFrame(columns=["year", "China", "United States"])',
        "wrong rows",
    ),
    # ---------------------------------------------------------------- ch03
    C(
        "ch03",
        "q1",
        ["del q1_sco_all", 'q1_sco_al = int((members["mechanism"] == "SCO").sum())'],
        "not set",
    ),
    C(
        "ch03",
        "q1",
        'q1_cica_members = members[members["mechanism"] == "CICA"].count()',
        "wrong type",
    ),
    C(
        "ch03",
        "q1",
        "q1_cica_members = q1_cica_members + 1",
        "wrong value",
        hidden=True,
        passes=["test_q1_value_sco"],
    ),
    C("ch03", "q2", "q2_sco_cica = 100 * q2_sco_cica", "unit slip: percentage"),
    C(
        "ch03",
        "q2",
        'def members_of(abbrev):\n    rows = members[members["mechanism"] == abbrev]'
        '\n    return list(rows["fips"])',
        "wrong type",
    ),
    C("ch03", "q3", 'q3_sco_layers = counts.rename("n_mechanisms").to_frame()', "wrong columns"),
    C("ch03", "q3", "q3_sco_layers = counts", "wrong type"),
    C(
        "ch03",
        "q3",
        'q3_sco_layers = (members[members["mechanism"] == "SCO"]'
        '.groupby("country").size().rename("n_mechanisms").reset_index())',
        "wrong rows",
    ),
    C("ch03", "q4", "q4_closest = sorted(q4_closest)", "wrong type"),
    C(
        "ch03",
        "q4",
        "q4_partners = q4_partners + 1",
        "wrong value",
        hidden=True,
        passes=["test_q4_closest"],
    ),
    C("ch03", "q4", "del q4_partners\nq4_partners = int(len(shared_rows))", "cell failed"),
    # ---------------------------------------------------------------- ch04
    C("ch04", "q1", "q1_pop_share = q1_pop_share / 100", "unit slip: fraction"),
    C(
        "ch04",
        "q2",
        "def world_share(codes, column, world_column=None):\n"
        '    by_code = fb.set_index("code")\n'
        "    world_column = column if world_column is None else world_column\n"
        "    return (by_code.loc[list(codes), column].sum()\n"
        '            / by_code.loc["WLD", world_column])',
        "unit slip: fraction",
    ),
    C(
        "ch04",
        "q2",
        'q2_ppp_share = world_share(MEMBERS, "gdp_oer_usd")',
        "wrong value",
        hidden=True,
        passes=["test_q2_value_earth"],
    ),
    C(
        "ch04",
        "q3",
        'q3_totals = q3_totals.assign(population_m=q3_totals["population_m"] * 1e6)',
        "unit slip: scale",
    ),
    C(
        "ch04",
        "q3",
        'q3_totals = q3_totals.assign(gdp_usd_bn=q3_totals["gdp_usd_bn"] * 1e9)',
        "unit slip: scale",
    ),
    C(
        "ch04",
        "q3",
        'q3_totals = q3_totals.assign(area_1000_km2=q3_totals["area_1000_km2"] * 1e3)',
        "unit slip: scale",
    ),
    C("ch04", "q3", "q3_totals = q3_totals.iloc[:1]", "wrong rows"),
    C(
        "ch04",
        "q3",
        'del q3_totals\nq3_totals = pd.DataFrame({"grouping": ["Members"], '
        '"population_m": [1.0, 2.0]})',
        "cell failed",
    ),
    C(
        "ch04",
        "q4",
        "fig, q4_ax = plt.subplots()\n(wide / 100).plot.bar(ax=q4_ax, rot=0)\n"
        'q4_ax.set_ylabel("Share of the world (%)")',
        "unit slip: fraction",
    ),
    C("ch04", "q4", 'fig, q4_ax = plt.subplots()\nq4_ax.bar([0, 1, 2], wide["Members"])', "chart"),
    # ---------------------------------------------------------------- ch05
    C(
        "ch05",
        "q1",
        [
            "del q1_days",
            'q1_day = (pd.Timestamp(dates["US leaves K2"])\n'
            '          - pd.Timestamp(dates["Uzbek memorandum: leave K2"])).days',
        ],
        "not set",
    ),
    C(
        "ch05",
        "q1",
        [
            "del q1_days",
            'q1_day = (pd.Timestamp(dates["US leaves K2"])\n'
            '          - pd.Timestamp(dates["Uzbek memorandum: leave K2"])).days',
        ],
        "not set",
        hidden=True,
        passes=["test_q1_value_ratio"],
    ),
    C(
        "ch05",
        "q1",
        'q1_days = (pd.Timestamp(dates["US leaves K2"])\n'
        '           - pd.Timestamp(dates["Uzbek memorandum: leave K2"]))',
        "wrong type",
    ),
    C("ch05", "q1", "q1_rent_ratio = 100 * q1_rent_ratio", "unit slip: percentage"),
    C(
        "ch05",
        "q1",
        'q1_days = (pd.Timestamp(dates["US leaves K2"])\n'
        '           - pd.Timestamp(dates["Uzbek memorandum: leave K2"])).dayz',
        "cell failed, old value",
    ),  # q1_days keeps its earlier value: no pass on it
    C("ch05", "q1", "q1_rent_ratio = 1 / q1_rent_ratio", "unit slip: inverse"),
    C(
        "ch05",
        "q2",
        "def refusal_viable(pressure, compliance_cost, backers, weight, "
        'credibility=1.0):\n    return "yes"',
        "wrong type",
    ),
    C(
        "ch05",
        "q2",
        "def refusal_viable(pressure, compliance_cost, backers, weight, "
        "credibility=1.0):\n    return pressure - credibility * backer * weight "
        "< compliance_cost",
        "function error",
    ),
    C("ch05", "q3", "q3_2005 = counts", "wrong type"),
    C("ch05", "q3", "q3_2005 = counts", "wrong type", hidden=True),
    C("ch05", "q3", "q3_2005 = ...", "placeholder", hidden=True),
    C("ch05", "q3", 'q3_2005 = q3_2005.sort_values("events")', "wrong order"),
    C(
        "ch05",
        "q3",
        'del q3_2005\nq3_2005 = counts.reset_index().sort_values("event")',
        "cell failed",
    ),
    C(
        "ch05",
        "q4",
        "fig, q4_ax = plt.subplots()\nq4_ax.plot(range(7), [10 - 2.5 * n for n in "
        'range(7)], label="cost of refusal")\nq4_ax.axhline(4, label="cost of '
        'compliance")\nq4_ax.set_xlabel("backers")\nq4_ax.set_ylabel("cost")',
        "out of range",
    ),
    # ---------------------------------------------------------------- ch06
    C("ch06", "q1", "q1_fall_pct = q1_fall_pct / 100", "unit slip: fraction"),
    C(
        "ch06",
        "q1",
        'q1_fall_pct = value["ust_holdings_mar_2015"] / value["ust_holdings_jan_2014"]',
        "unit slip: ratio",
    ),
    C("ch06", "q1", "q1_fall_pct = -q1_fall_pct", "wrong sign"),
    C("ch06", "q1", "q1_total_bcm = q1_total_bcm / 1000", "unit slip: scale"),
    C(
        "ch06",
        "q2",
        "def implied_price(value_usd, annual_bcm, years, ramp_up_years=0):\n"
        "    total_bcm = annual_bcm * (years - ramp_up_years / 2)\n"
        "    return value_usd / (total_bcm * 1e9)\n\n"
        'q2_price_5 = implied_price(value["gas_contract_value"] * 1e9, '
        'value["power_of_siberia_capacity"], value["gas_contract_years"], 5)',
        "unit slip: scale",
    ),
    C(
        "ch06",
        "q2",
        'q2_price_5 = implied_price(value["gas_contract_value"], '
        'value["power_of_siberia_capacity"], value["gas_contract_years"], 5)',
        "unit slip: scale",
    ),
    C(
        "ch06",
        "q3",
        'q3_pair = q3_pair.assign(china_usd=q3_pair["china_usd"] / 1e9)',
        "unit slip: scale",
    ),
    C(
        "ch06",
        "q3",
        'q3_pair = q3_pair.assign(ratio=100 * q3_pair["ratio"])',
        "unit slip: percentage",
    ),
    C(
        "ch06",
        "q3",
        'q3_pair = q3_pair.assign(ratio=q3_pair["russia_usd"] / q3_pair["china_usd"])',
        "unit slip: inverse",
    ),
    C("ch06", "q4", "q4_market_pct = rus[2015] / rus[2014]", "unit slip: ratio"),
    C("ch06", "q4", "q4_ppp_pct = q4_ppp_pct / 100", "unit slip: fraction"),
    C(
        "ch06",
        "q4",
        "q4_market_pct = q4_ppp_pct",
        "wrong value",
        hidden=True,
        passes=["test_q4_value_ppp"],
    ),
    # ---------------------------------------------------------------- ch07
    C("ch07", "q1", "q1_checked_pct = q1_checked_pct / 100", "unit slip: fraction"),
    C("ch07", "q1", 'q1_contradicted = ledger.loc[contradicted, "key"]', "wrong type"),
    C(
        "ch07",
        "q1",
        "q1_total = q1_total - 1",
        "wrong value",
        hidden=True,
        passes=["test_q1_value_checked", "test_q1_value_contradicted"],
    ),
    C("ch07", "q1", "del q1_total\nq1_total = len(ledgr)", "cell failed"),
    C("ch07", "q2", "q2_us_2013 = q2_us_2013 / 100", "unit slip: fraction"),
    C("ch07", "q2", "q2_low_year = new.min()", "out of range"),
    C("ch07", "q3", "q3_linked = ...\nq3_convergent = ...", "placeholder"),
    C(
        "ch07",
        "q3",
        "def overall(verdicts, structure):\n"
        "    scores = [v for v in verdicts.values() if v is not None]\n"
        '    min(scores) if structure == "linked" else sum(scores) / len(scores)',
        "none",
    ),
    C(
        "ch07",
        "q3",
        "def overall(verdicts, structure):\n"
        "    scores = [v for v in verdicts.values() if v is not None]\n"
        "    if not scores:\n        return None\n"
        '    return min(scores) if structure == "linked" else '
        "sum(scores) / len(scores)",
        "should raise",
        hidden=True,
    ),
    C("ch07", "q3", "my_verdicts = [2, 1, 2, 2, 1, None]", "wrong type"),
    # ---------------------------------------------------------------- ch08
    C("ch08", "q1", "q1_us_change = q1_us_change / 100", "unit slip: fraction"),
    C(
        "ch08",
        "q1",
        'q1_latest_year = list(tables.series("WLD", NEW).dropna().index[-1:])',
        "wrong type",
    ),
    C(
        "ch08",
        "q1",
        "q1_china_change = q1_us_change",
        "wrong value",
        hidden=True,
        passes=["test_q1_value_year", "test_q1_value_us"],
    ),
    C("ch08", "q2", "q2_us_error = q2_us_error / 100", "unit slip: fraction"),
    C(
        "ch08",
        "q2",
        [
            "del q2_us_error",
            'q2_us_error = linear_forecast_error("USA", 2000, 2013, q1_latest_year',
        ],
        "cell failed",
    ),
    C("ch08", "q3", "q3_errors = q3_errors.iloc[:3]", "wrong rows"),
    C(
        "ch08",
        "q3",
        'q3_errors = q3_errors.assign(actual=q3_errors["actual"] / 100)',
        "unit slip: fraction",
    ),
    C("ch08", "q3", 'q3_errors = q3_errors.set_index("economy")', "wrong columns"),
    C(
        "ch08",
        "q4",
        "fig, q4_ax = plt.subplots()\nq4_ax.plot(us.index, us.values, "
        'label="actual share")\nq4_ax.set_ylabel("%")',
        "chart",
    ),
    C(
        "ch08",
        "q4",
        "fig, q4_ax = plt.subplots()\nq4_ax.plot(us.index, us.values / 100, "
        'label="actual share")\nq4_ax.plot(us.index, (intercept + slope * us.index)'
        ' / 100, label="linear trend")\nq4_ax.set_ylabel("%")',
        "unit slip: fraction",
    ),
]


# --------------------------------------------------------------------------------------------
# Reading the master notebook: the model answers and the hidden tests, question by question.
# --------------------------------------------------------------------------------------------

SOLUTION_MARK = re.compile(r"^\s*# (BEGIN|END) SOLUTION( NO PROMPT)?\s*$")
SOLUTION_TAIL = re.compile(r"\s*# SOLUTION( NO PROMPT)?\s*$")


def _questions(master: Path):
    """{question: (model answer code cells, hidden test sources)} from a master notebook."""
    nb = nbformat.read(master, as_version=4)
    out: dict[str, tuple[list[str], list[str]]] = {}
    current = None
    for cell in nb.cells:
        src = cell.source
        if cell.cell_type == "raw" and src.startswith("# BEGIN QUESTION"):
            current = re.search(r"name:\s*(\w+)", src).group(1)
            out[current] = ([], [])
        elif cell.cell_type == "raw" and src.startswith("# END QUESTION"):
            current = None
        elif cell.cell_type == "code" and current:
            if "BEGIN TEST CONFIG" in src:
                if "hidden: true" in src:
                    body = src.split('""" # END TEST CONFIG', 1)[1].strip("\n")
                    lines = body.splitlines()
                    while lines and (not lines[-1].strip() or lines[-1].startswith("test_")):
                        lines.pop()
                    out[current][1].append("\n".join(lines))
            else:
                lines = [
                    SOLUTION_TAIL.sub("", ln)
                    for ln in src.splitlines()
                    if not SOLUTION_MARK.match(ln)
                ]
                out[current][0].append("\n".join(lines))
    return out


def _hidden_file(question: str, sources: list[str]) -> str:
    """The hidden tests of a question as an otter test file (as the autograder has them)."""
    parts = ["from otter.test_files import test_case", f"name = {question!r}", "points = 1"]
    for src in sources:
        fname = re.search(r"def (\w+)\(", src).group(1)
        parts.append(f"@test_case(name={fname!r}, points=None, hidden=True)\n{src}")
    return "\n\n".join(parts) + "\n"


SETUP = """import json as _json, numbers as _numbers, re as _re
from otter.test_files.exception_test import ExceptionTestFile as _ETF
_HIDDEN = _json.loads({hidden!r})


def _hidden(q):
    t = _ETF.from_string(_HIDDEN[q], path=f"hidden_{{q}}.py")
    t.run(globals())
    print(t.summary())
    print("passed:", ", ".join(r.test_case.name for r in t.test_case_results if r.passed)
          or "none")


def _answers():
    return {{k: float(v) for k, v in globals().items() if _re.match(r"q\\d_", k)
            and isinstance(v, _numbers.Real) and not isinstance(v, bool)}}"""


def _tag(cell, role, ident=""):
    cell.metadata["corpus"] = {"role": role, "case": ident}
    return cell


def _build(name: str, cases: list[Case]):
    """The renamed student notebook with the corpus cells appended."""
    nb = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        m = re.fullmatch(r'grader\.check\("(q\d)"\)', cell.source.strip())
        if cell.cell_type == "code" and m:
            _tag(cell, "check", f"{name}-unanswered-{m.group(1)}")
    questions = _questions(ROOT / "solutions" / f"{name}.ipynb")
    hidden = {q: _hidden_file(q, tests) for q, (_, tests) in questions.items() if tests}
    new = nbformat.v4.new_code_cell
    cells = [new(SETUP.format(hidden=json.dumps(hidden)))]
    for answer, _ in questions.values():
        cells += [new(src) for src in answer]
    cells.append(_tag(new("print(_json.dumps(_answers()))"), "answers"))
    for q, (answer, _) in questions.items():
        if answer:
            cells.append(_tag(new(f'grader.check("{q}")'), "check", f"{name}-solved-{q}"))
    for case in cases:
        for src in [case.code] if isinstance(case.code, str) else case.code:
            cells.append(_tag(new(src), "wrong code", case.ident))
        check = f'_hidden("{case.question}")' if case.hidden else f'grader.check("{case.question}")'
        cells.append(_tag(new(check), "check", case.ident))
        cells += [_tag(new(src), "reset", case.ident) for src in questions[case.question][0]]
    nb.cells = list(nb.cells) + cells
    return nb


def _text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type == "error":
            parts.append(f"{out.ename}: {out.evalue}")
        elif "text/plain" in out.get("data", {}):
            parts.append(out["data"]["text/plain"])
    return "\n".join(parts)


def _all_cases() -> list[Case]:
    cases = []
    for name in SETS:
        for q, kind in UNANSWERED[name].items():
            cases.append(Case(name, q, "", kind, ident=f"{name}-unanswered-{q}"))
        for q in UNANSWERED[name]:
            cases.append(Case(name, q, "", "passes", ident=f"{name}-solved-{q}"))
    counter = Counter()
    for case in CASES:
        counter[case.set] += 1
        case.ident = f"{case.set}-{case.question}-{counter[case.set]:02d}"
        cases.append(case)
    return cases


def _formatted(value: float) -> list[str]:
    """How an expected value could show in a message (only forms unlikely by chance)."""
    if float(value).is_integer():
        return [f"{int(value)}"] if abs(value) >= 100 else []
    return [f"{value:g}", f"{value:.2f}", f"{value:.1f}"]


def _verdict(case: Case, text: str, answers: dict[str, float]) -> str:
    """'' if the output is what the case expects, else why not.

    The expected value of an answer the message names must not show in it (in the forms a
    message would print it).
    """
    if not text.strip():
        return "no output"
    if FORBIDDEN.search(text):
        return "traceback or raw exception text"
    if not re.search(KINDS[case.kind], text):
        return f"not a '{case.kind}' message"
    if case.kind != "passes" and not case.hidden and not text.lstrip().startswith("❌"):
        return "the check's own sentence does not come first"
    for name in case.passes:
        if not re.search(rf"passed:.*\b{name}\b", text):
            return f"{name} should still pass (partial credit per answer)"
    if case.kind != "passes":
        for name, value in answers.items():
            if (
                name.startswith(case.question + "_")
                and re.search(rf"\b{name}\b", text)
                and any(
                    re.search(rf"(?<![\d.]){re.escape(s)}(?!\d)", text) for s in _formatted(value)
                )
            ):
                return f"shows the expected value of {name}"
    return ""


def _run_set(name: str, cases: list[Case], tmp: Path):
    from nbclient import NotebookClient

    folder = tmp / name
    folder.mkdir()
    path = folder / RENAMED[name]
    shutil.copyfile(ROOT / "exercises" / f"{name}.ipynb", path)  # the file find_notebook reads
    # A decoy: another set's notebook under this set's own name. The first cell must pick the
    # notebook of its own exercise set (by its metadata), not the file named like the set.
    decoy = SETS[(SETS.index(name) + 1) % len(SETS)]
    shutil.copyfile(ROOT / "exercises" / f"{decoy}.ipynb", folder / f"{name}.ipynb")
    nb = _build(name, [c for c in cases if c.code])
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    texts: dict[str, str] = {}
    answers: dict[str, float] = {}
    for cell in nb.cells:
        meta = cell.metadata.get("corpus", {})
        if meta.get("role") == "check":
            texts[meta["case"]] = _text(cell)
        elif meta.get("role") == "answers":
            answers = json.loads(_text(cell).strip().splitlines()[-1])
    return texts, answers


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    cases = _all_cases()
    results = []
    for name in SETS:
        mine = [c for c in cases if c.set == name]
        texts, answers = _run_set(name, mine, tmp)
        for case in mine:
            text = texts.get(case.ident, "")
            results.append((case, text, _verdict(case, text, answers)))
    _print_summary(results)
    return results


def _print_summary(results):
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case, _, why in results:
        by_kind[case.kind][0 if not why else 1] += 1
    sets = Counter(case.set for case, _, _ in results)
    lines = [
        "",
        "Wrong-answer corpus: "
        f"{len(results)} cases in {len(sets)} sets (notebooks saved as "
        f"{', '.join(sorted(set(RENAMED.values()) - {'alice.ipynb'})[:2])}, alice.ipynb ...)",
        f"{'kind':<24}{'cases':>6}{'pass':>6}{'fail':>6}",
    ]
    for kind in sorted(by_kind, key=lambda k: (-sum(by_kind[k]), k)):
        ok, bad = by_kind[kind]
        lines.append(f"{kind:<24}{ok + bad:>6}{ok:>6}{bad:>6}")
    ok = sum(v[0] for v in by_kind.values())
    lines.append(f"{'total':<24}{len(results):>6}{ok:>6}{len(results) - ok:>6}")
    show_all = bool(os.environ.get("CORPUS_SHOW"))  # CORPUS_SHOW=1: every message, to read
    for case, text, why in results:
        if why or show_all:
            lines.append(
                f"{'FAIL' if why else 'ok'} {case.ident} ({case.kind}): {why}\n    "
                + text.strip().replace("\n", "\n    ")
            )
    text = "\n".join(lines)
    print(text)
    summary = ROOT / "_build" / "feedback-corpus-summary.txt"  # shown by tests/conftest.py
    summary.parent.mkdir(exist_ok=True)
    summary.write_text(text + "\n", encoding="utf-8")


def test_corpus_is_large_and_covers_every_set(corpus):
    cases = [case for case, _, _ in corpus]
    assert len([c for c in cases if c.code]) >= 80, "at least 80 wrong answers"
    assert {c.set for c in cases} == set(SETS)
    kinds = {c.kind for c in cases}
    for kind in (
        "not set",
        "cell failed",
        "placeholder",
        "unit slip: fraction",
        "wrong rows",
        "wrong type",
        "wrong value",
        "passes",
    ):
        assert kind in kinds


def test_every_case_gets_the_message_of_its_kind(corpus):
    failed = [
        f"{case.ident} ({case.kind}): {why}: {text.strip()[:300]}"
        for case, text, why in corpus
        if why
    ]
    assert not failed, "\n".join(failed)


def test_renamed_notebooks_run_with_working_checks(corpus):
    """Every set ran under another file name, and its first check printed our sentence."""
    for name in SETS:
        text = next(t for c, t, _ in corpus if c.ident == f"{name}-unanswered-q1")
        assert "❌" in text and "NameError" not in text and "grader" not in text, (name, text)


def test_the_kind_patterns_can_fail():
    """Each pattern rejects a message of another kind (the classification means something)."""
    placeholder = "❌ `q1_days` is still the placeholder `...`: replace it with your answer."
    assert not re.search(KINDS["not set"], placeholder)
    assert not re.search(KINDS["unit slip: fraction"], placeholder)
    assert re.search(KINDS["placeholder"], placeholder)
    case = Case("ch05", "q1", "x", "wrong value")
    assert (
        _verdict(
            case,
            "❌ q1_days (116) differs from the value computed from the course "
            "data by more than 0.1%.",
            {"q1_days": 115.0},
        )
        == ""
    )
    assert "expected value" in _verdict(
        case,
        "❌ q1_days (116) is not the value computed from the course data, 115.",
        {"q1_days": 115.0},
    )
    assert "traceback" in _verdict(case, "Traceback (most recent call last):", {})
