"""The claims ledger: every checked claim agrees with data/, and the test would notice if data/ changed."""

from __future__ import annotations

import csv
import math
import sys
from html import escape as html_escape
from pathlib import Path

import pandas as pd
import pytest

from multipolar import catalog, claims, data, ledger, tables

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

PAPER = ROOT.parent / "shared" / "paper" / build_data.PAPER_FILE


def test_ledger_agrees_with_data():
    problems = ledger.verify()
    assert problems.empty, problems.to_string()


def test_ledger_file_is_what_the_spec_gives():
    book = data.claims_ledger()
    fresh = ledger.rows()
    assert list(book["key"]) == [r["key"] for r in fresh]
    assert list(book["status"]) == [r["status"] for r in fresh]
    assert len(book) >= 40


def test_computed_statuses_are_computed():
    book = data.claims_ledger()
    for status in claims.COMPUTED_ONLY:
        done = book[book["status"] == status]
        assert not done.empty, status
        assert (done["check"] != "").all() and done["check"].isin(list(ledger.CHECKS)).all(), status
        assert done["paper_era_value"].notna().all() and done["today_value"].notna().all(), status
    revised = book[book["status"] == "revised"]
    assert (revised["today_vintage"] != "").all()


def test_typed_statuses_carry_reason_or_named_source():
    book = data.claims_ledger()
    nc = book[book["status"] == claims.NOT_CHECKABLE]
    assert (nc["reason"] != "").all()
    assert (book.loc[book["status"].isin(claims.SOURCED), "named_source"] != "").all()
    assert (book.loc[book["status"] == claims.NOT_REPRODUCED, "reason"] != "").all()


def test_nothing_checked_rests_on_an_unnamed_source():
    book = data.claims_ledger()
    checked = book[book["status"] != claims.NOT_CHECKABLE]
    assert (checked["named_source"].str.strip() != "").all()
    events = book[book["check"].isin(ledger.EVENT_CHECKS)]
    assert len(events) >= 30
    for r in events.itertuples():
        args = ledger.parse_args(r.args)
        table = data.load(args["table"])
        col = ledger.EVENT_TABLES[args["table"]]
        row = table[table[col].astype(str) == str(args["event"])].iloc[0]
        assert row["source_type"] != "paper", r.key
        assert r.named_source.startswith(row["source"]), r.key
        assert row["url"].startswith("http") and row["url"] in r.named_source, r.key


def test_a_paper_sourced_event_row_cannot_corroborate():
    paper_row = data.network_events().query("source_type == 'paper'")["id"].iloc[0]
    with pytest.raises(ValueError, match="rests on the paper"):
        ledger.event_row("network_events", paper_row)
    with pytest.raises(ValueError, match="no row"):
        ledger.event_row("claim_events", "no_such_event")


@pytest.mark.parametrize(
    "claimed, found, expected",
    [
        ("2014-10-25", "2014-10-24", False),
        ("2014-10", "2014-10-24", True),
        ("2014", "2014-10-24", True),
        ("2014-10-24", "2014-10", True),
        ("2014-09", "2014-10", False),
        ("2010-2020", "2010", False),
    ],
)
def test_same_date(claimed, found, expected):
    assert ledger.same_date(claimed, ledger.date_code(found)) is expected
    assert ledger.code_date(ledger.date_code(found)) == found


def test_not_reproduced_fails_in_every_vintage():
    book = data.claims_ledger()
    rows = book[book["status"] == claims.NOT_REPRODUCED]
    assert len(rows) >= 14
    for r in rows.itertuples():
        check = ledger.CHECKS[r.check]
        for vintage in check.vintages:
            value = check.fn(vintage, **ledger.parse_args(r.args))
            assert not ledger.agrees(r.rule, r.value, value), (r.key, vintage, value)


def test_the_table2_figures_that_fail_are_not_reproduced_not_unchecked():
    book = data.claims_ledger()
    t2 = book[book["key"].str.startswith("t2_")]
    assert not (t2["status"] == claims.NOT_CHECKABLE).any()
    assert (t2["status"] == claims.NOT_REPRODUCED).sum() == 14


def test_not_checkable_is_at_most_30_percent():
    t = ledger.summary(data.claims_ledger())
    assert t["not_checkable_pct"] <= 30, t["counts"]
    assert t["checked"] + t["not_checkable"] == t["total"]


def test_a_checked_value_recomputed_from_first_principles():
    def us_2013_bn(vintage):
        gdp = data.gdp_population(vintage)
        return gdp[(gdp["code"] == "USA") & (gdp["year"] == 2013)]["gdp_usd"].iloc[0] / 1e9

    old, new = us_2013_bn(catalog.PAPER_VINTAGE), us_2013_bn(catalog.LATEST)
    row = data.claims_ledger().set_index("key").loc["t2_level_1"]
    assert math.isclose(row["paper_era_value"], old) and math.isclose(row["today_value"], new)
    matches = [round(x) == row["value"] or math.floor(x) == row["value"] for x in (old, new)]
    expected = {(True, True): "reproduced", (True, False): "revised", (False, True): "reproduced"}
    assert row["status"] == expected.get(tuple(matches), claims.NOT_REPRODUCED)


def _edit_csv(path: Path, match, column: str, change) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    hit = 0
    for r in rows:
        if match(r):
            r[column] = change(r[column])
            hit += 1
    assert hit, "nothing to perturb"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_a_change_in_world_bank_data_is_caught(data_copy):
    _edit_csv(
        data_copy / "wb_gdp_population.csv",
        lambda r: r["code"] == "USA"
        and r["year"] == "2013"
        and r["vintage"] == catalog.PAPER_VINTAGE,
        "gdp_usd",
        lambda v: repr(float(v) * 1.01),
    )
    problems = ledger.verify()
    assert "t2_level_1" in set(problems["key"])
    assert {"paper_era_value", "status"} <= set(
        problems.loc[problems["key"] == "t2_level_1", "field"]
    )


def test_a_change_in_factbook_data_is_caught(data_copy):
    _edit_csv(
        data_copy / "factbook_2015.csv", lambda r: r["code"] == "UZB", "group", lambda v: "observer"
    )
    problems = ledger.verify()
    assert set(problems.loc[problems["key"] == "five_states", "field"]) >= {
        "paper_era_value",
        "status",
    }


def test_a_change_in_an_event_table_is_caught(data_copy):
    _edit_csv(
        data_copy / "claim_events.csv",
        lambda r: r["key"] == "valdai_2014",
        "date",
        lambda v: "2014-10-25",
    )
    _edit_csv(
        data_copy / "claim_events.csv",
        lambda r: r["key"] == "uk_aiib_2015",
        "source",
        lambda v: "an unnamed blog",
    )
    problems = ledger.verify()
    assert {"paper_era_value", "status"} <= set(
        problems.loc[problems["key"] == "putin_oct_2014", "field"]
    )
    assert "named_source" in set(problems.loc[problems["key"] == "uk_aiib", "field"])


def test_a_paper_source_in_an_event_table_is_caught(data_copy):
    _edit_csv(
        data_copy / "network_events.csv", lambda r: r["id"] == "9", "source_type", lambda v: "paper"
    )
    problems = ledger.verify()
    assert "astana_2005" in set(problems["key"])


def test_a_tampered_ledger_is_caught():
    book = data.claims_ledger()
    i = book.index[book["key"] == "growth_x50"][0]
    book.loc[i, "today_value"] = book.loc[i, "today_value"] + 1
    assert list(ledger.verify(book)["key"]) == ["growth_x50"]


@pytest.mark.parametrize(
    "rule, stated, computed, expected",
    [
        ("round_or_truncate:1", 4.5, 4.552, True),  # truncated
        ("round_or_truncate:1", 4.6, 4.552, True),  # rounded
        ("round_or_truncate:1", 4.5, 4.61, False),
        ("round_or_truncate:0", 16768, 16768.9, True),
        ("equal", 5, 6.0, False),
        ("equal:3", None, 3.0, True),
        ("more_than:20", 20, 20.0, False),
        ("less_than:0", None, -0.1, True),
        ("between:2015:2020", None, 2016.0, True),
        ("between:2015:2020", None, 2021.0, False),
        ("between:2015:2020", None, math.nan, False),
        ("same_value", 5, 1.0, False),
        ("same_value", 32, 32.0, True),
        ("same_value", None, 32.0, False),
        ("same_date", "2014-10", 20141024.0, True),
        ("same_date", "2014-10-25", 20141024.0, False),
    ],
)
def test_rules(rule, stated, computed, expected):
    assert ledger.agrees(rule, stated, computed) is expected


def test_unknown_rule_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown rule"):
        ledger.agrees("roughly", 1, 1)


def test_args_round_trip():
    args = {"start": 1980, "end": 2013, "hong_kong": "never", "years": "2000,2005"}
    assert ledger.parse_args(ledger.format_args(args)) == args


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (4.55, 4.55, "reproduced"),
        (4.55, 4.61, "revised"),
        (4.7, 4.52, "reproduced"),
        (4.7, 4.7, "contradicted"),
    ],
)
def test_status_logic(monkeypatch, old, new, expected):
    fake = ledger.Check(
        "fake", lambda v: old if v == "old" else new, ("old", "new"), "a test double"
    )
    monkeypatch.setitem(ledger.CHECKS, "fake", fake)
    claim = {
        "check": "fake",
        "args": {},
        "rule": "round_or_truncate:1",
        "value": 4.5,
        "on_mismatch": "contradicted",
        "data_source": "a named source",
        "reason": "",
    }
    ev = ledger.evaluate(claim)
    assert ev["status"] == expected
    assert (ev["paper_era_value"], ev["today_value"]) == (old, new)


def test_status_counts_add_up():
    book = data.claims_ledger()
    counts = ledger.status_counts(book)
    assert list(counts.columns) == claims.STATUSES and counts.to_numpy().sum() == len(book)
    per = ledger.status_counts(book, by_chapter=True)
    assert per.to_numpy().sum() == len(book) and set(per.index) <= set(ledger.CHAPTER_PAGES)


@pytest.fixture
def paper_text():
    if not PAPER.is_file():
        pytest.skip("the paper's text is not available")
    return PAPER.read_text(encoding="utf-8")


def _with_claim(**changes):
    return [dict(next(c for c in claims.load() if c["key"] == "aid_8m"), **changes)]


def test_spec_passes_on_the_paper(paper_text):
    assert len(build_data.check_claims_spec(paper_text)) == len(claims.load())


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"quote": "Washington withheld $9 million of aid"}, "not in the paper's text"),
        ({"chapter": 4}, "not in section 4"),
        ({"source": "footnote [21], text lost"}, "footnote \\[21\\]"),
        ({"source": "no citation in the paper"}, "cites a source"),
        ({"stated": "$9 million"}, "not in the quote"),
        ({"status": "reproduced"}, "must be computed"),
        ({"status": "corroborated"}, "must be computed"),
        ({"status": "not reproduced"}, "must be computed"),
        ({"status": "contested"}, "needs a named source"),
        ({"reason": ""}, "needs a reason"),
    ],
)
def test_spec_errors(paper_text, changes, message):
    with pytest.raises(build_data.SourceError, match=message):
        build_data.check_claims_spec(paper_text, _with_claim(**changes))


def test_every_section_has_claims_and_a_page():
    book = data.claims_ledger()
    assert set(book["chapter"]) == set(range(1, 8)) == set(ledger.CHAPTER_PAGES)
    assert isinstance(book, pd.DataFrame)


def test_book_helpers_show_every_claim_of_a_chapter():
    book = data.claims_ledger()
    for n in ledger.CHAPTER_PAGES:
        rows = book[book["chapter"] == n]
        assert len(ledger.chapter_table(book, n)) == len(rows)
        html = ledger.chapter_html(book, n)
        assert html.count("<tr style=") == len(rows)
        for status in rows["status"].unique():
            assert ledger.STATUS_MARKS[status].split(" ", 1)[1] in html.replace("&#x27;", "'")


def test_evidence_names_the_computation_or_the_reason():
    book = data.claims_ledger().set_index("key")
    checked = ledger.evidence(book.loc["growth_x50"])
    assert (
        "china_growth_multiple" in checked
        and catalog.PAPER_VINTAGE in checked
        and catalog.LATEST in checked
    )
    assert book.loc["aid_8m", "reason"] in ledger.evidence(book.loc["aid_8m"])
    assert "Contradicted by" in ledger.evidence(book.loc["world_order_decl"])
    assert ledger.describe(data.claims_ledger(), "five_states").startswith(
        f"**Claim {book.loc['five_states', 'id']},"
    )


def test_status_chart_has_alt_text_with_the_counts():
    from multipolar import charts

    counts = ledger.status_counts(data.claims_ledger()).iloc[0]
    fig = charts.status_chart(counts)
    assert str(int(counts.sum())) in fig.alt_text
    assert all(f"{s}: {n}" in fig.alt_text for s, n in counts.items())
    bars = [p for p in fig.axes[0].patches]
    assert len({p.get_hatch() for p in bars}) == len(bars)  # a second cue besides colour


# ---------------------------------------------------------------- issue 17: the words the book shows
@pytest.mark.parametrize(
    "spec, text",
    [
        (
            "round_or_truncate:1",
            "agrees if the recomputed value, rounded or truncated to 1 decimal(s), equals the paper's",
        ),
        ("equal", "agrees if the recomputed value equals the paper's"),
        ("equal:3", "agrees if the recomputed value equals the paper's (its words mean 3)"),
        ("more_than:20", "agrees if the recomputed value is more than 20"),
        ("less_than:0", "agrees if the recomputed value is less than 0"),
        ("between:2015:2020", "agrees if the recomputed value lies between 2015 and 2020"),
        (
            "same_date",
            "agrees if the paper's date and the event table's agree at the precision both give",
        ),
        ("same_value", "agrees if the paper's number equals the event table's"),
        (
            "same_date_value",
            "agrees if the paper's date and the event table's agree at the precision both give, and "
            "the paper's number equals the table's",
        ),
    ],
)
def test_rule_texts(spec, text):
    assert ledger.rule_text(spec) == text


@pytest.mark.parametrize(
    "x, year, shown",
    [
        (math.nan, False, "none"),
        (1234.5, False, "1,234"),
        (-2500.0, False, "-2,500"),
        (5.0, False, "5"),
        (0.1234, False, "0.123"),
        (12.3456, False, "12.35"),
        (999.5, False, "999.50"),
        (2013.0, True, "2013"),
    ],
)
def test_numbers_in_the_evidence(x, year, shown):
    assert ledger._num(x, year) == shown


@pytest.mark.parametrize(
    "iso, code", [("2014", 20140000.0), ("2014-10", 20141000.0), ("2014-10-24", 20141024.0)]
)
def test_date_codes_round_trip(iso, code):
    assert ledger.date_code(iso) == code and ledger.code_date(code) == iso


def test_dates_agree_at_the_precision_both_give():
    assert ledger.same_date("2014", 20141024.0) and ledger.same_date("2014-10-24", 20141000.0)
    assert not ledger.same_date("2014-11", 20141024.0) and not ledger.same_date("2015", 20141024.0)
    assert not ledger.same_date(None, 20141024.0) and not ledger.same_date("14-10", 20141024.0)
    assert not ledger.same_date("2014-10-24x", 20141024.0)
    with pytest.raises(ValueError, match=r"not an ISO date: '2014-10-24-1'"):
        ledger.date_code("2014-10-24-1")


def test_event_rows_refuse_unknown_tables_rows_and_the_paper_itself(data_copy):
    with pytest.raises(
        ValueError, match=r"unknown event table 'events'; known: \['claim_events', "
    ):
        ledger.event_row("events", "x")
    with pytest.raises(ValueError, match=r"data/claim_events\.csv has no row key='nope'"):
        ledger.event_row("claim_events", "nope")
    row = data.claim_events().set_index("key").loc["valdai_2014"]
    assert ledger.event_source("claim_events", "valdai_2014") == f"{row['source']} <{row['url']}>"
    assert ledger.event_date("x", "claim_events", "valdai_2014") == ledger.date_code(row["date"])
    _edit_csv(
        data_copy / "network_events.csv", lambda r: r["id"] == "9", "source_type", lambda v: "paper"
    )
    with pytest.raises(
        ValueError, match=r"data/network_events\.csv row 9 rests on the paper or on no named source"
    ):
        ledger.event_row("network_events", 9)


def test_evidence_states_the_recomputation_with_its_values():
    book = data.claims_ledger().set_index("key")
    r = book.loc["growth_x50"]
    assert ledger.evidence(r) == (
        f"Recomputed by china_growth_multiple({r['args']}) — {r['paper_era_vintage']}: {r['paper_era_value']:,.2f}; "
        f"{r['today_vintage']}: {r['today_value']:,.2f}. Rule: {ledger.rule_text(r['rule'])}. Note: {r['note']}"
    )
    r = book.loc["putin_oct_2014"]
    assert ledger.evidence(r) == (
        f"Held against data/claim_events.csv ({r['args']}): its date is {ledger.code_date(r['paper_era_value'])}. "
        f"Rule: {ledger.rule_text(r['rule'])}. Source: {r['named_source']}. Note: {r['note']}"
    )
    r = book[book["rule"] == "same_date_value"].iloc[0]
    assert (
        f"its date is {ledger.code_date(r['paper_era_value'])} and its number {ledger._num(r['today_value'])}. "
        in ledger.evidence(r)
    )
    r = book[book["check"] == "event_value"].iloc[0]
    assert f"): its number is {ledger._num(r['paper_era_value'])}. Rule: " in ledger.evidence(r)
    r = book.loc["world_order_decl"]
    assert f"Contradicted by: {r['named_source']}." in ledger.evidence(r)
    contested = book[(book["status"] == claims.CONTESTED) & (book["check"] == "")].iloc[0]
    assert f"Sources: {contested['named_source']}." in ledger.evidence(contested)
    year = book[book["check"] == "ppp_overtaking_year"]
    if len(year):
        assert f": {int(year.iloc[0]['paper_era_value'])}." in ledger.evidence(year.iloc[0])


def test_chapter_sentences_and_tally_follow_the_ledger():
    led = data.claims_ledger()
    for n in ledger.CHAPTER_PAGES:
        rows = led[led["chapter"] == n]
        counts = rows["status"].value_counts()
        parts = [f"{counts[s]} {s}" for s in claims.STATUSES if s in counts]
        claims_word = "claim" if len(rows) == 1 else "claims"
        assert ledger.chapter_text(led, n) == (
            f"Section {n} of the paper makes {len(rows)} {claims_word} in the "
            f"ledger: " + ", ".join(parts) + "."
        )
    assert ledger.chapter_text(led, 99) == "Section 99 of the paper makes 0 claims in the ledger: ."
    t = ledger.summary(led)
    unchecked = (led["status"] == claims.NOT_CHECKABLE).sum()
    assert (
        t["total"] == len(led)
        and t["not_checkable"] == unchecked
        and t["checked"] == len(led) - unchecked
    )
    assert t["checked_pct"] == pytest.approx(100 * (len(led) - unchecked) / len(led))
    assert t["event_checked"] == led["check"].isin(["event_date", "event_value"]).sum()
    assert (
        t["recomputed"]
        == ((led["check"] != "") & ~led["check"].isin(["event_date", "event_value"])).sum()
    )
    empty = ledger.summary(led.iloc[:0])
    assert empty["checked_pct"] == 0.0 and empty["not_checkable_pct"] == 0.0


def test_the_chapter_table_and_html_show_each_claims_words():
    led = data.claims_ledger()
    rows = led[led["chapter"] == 4]
    table = ledger.chapter_table(led, 4)
    assert list(table.columns) == [
        "#",
        "Claim (our words)",
        "The paper's words",
        "States",
        "Source the paper gives",
        "Status",
        "Evidence",
    ]
    first = rows.iloc[0]
    assert (
        table.iloc[0]["#"] == first["id"]
        and table.iloc[0]["The paper's words"] == f"“{first['quote']}”"
    )
    assert table.iloc[0]["Status"] == ledger.STATUS_MARKS[first["status"]]
    dated = rows[rows["date"] != ""].iloc[0]
    i = list(rows.index).index(dated.name)
    assert table.iloc[i]["States"] == f"{dated['stated']} ({dated['date']})"
    html = ledger.chapter_html(led, 4)
    assert html.startswith(
        '<table class="claims-ledger" style="width:100%;table-layout:fixed;overflow-wrap:anywhere">'
        '<colgroup><col style="width:3em"/><col style="width:50%"/><col/></colgroup>'
    )
    assert html.endswith("</tbody></table>")
    assert f'<tr style="vertical-align:top"><td>{first["id"]}</td><td><strong>' in html
    assert ledger.STATUS_MARKS == {s: f"{ledger._SYMBOLS.get(s, '•')} {s}" for s in claims.STATUSES}
    assert (
        ledger.STATUS_MARKS["contradicted"] == "✘ contradicted"
        and ledger.STATUS_MARKS["revised"] == "↻ revised"
    )


def test_verify_reports_an_unknown_check_and_a_check_that_fails():
    book = data.claims_ledger().copy()
    i = book.index[book["key"] == "growth_x50"][0]
    book.loc[i, "check"] = "no_such_check"
    j = book.index[book["key"] == "putin_oct_2014"][0]
    book.loc[j, "args"] = "table=claim_events; event=nope"
    problems = ledger.verify(book).set_index("key")
    assert (
        problems.loc["growth_x50", "data"] == "no such check"
        and problems.loc["growth_x50", "field"] == "check"
    )
    assert "has no row key='nope'" in problems.loc["putin_oct_2014", "data"]
    assert len(problems) == 2


def test_share_moves_and_growth_gap_recompute_from_data():
    s = tables.world_shares(
        {"x": "USA"}, catalog.PAPER_VINTAGE, [2000, 2005, 2010, 2013]
    ).set_index("year")
    steps = s["share_pct"].diff().dropna()
    assert (
        ledger.share_moves(catalog.PAPER_VINTAGE, "USA", "2000,2005,2010,2013", "fall")
        == (steps < 0).sum()
    )
    assert (
        ledger.share_moves(catalog.PAPER_VINTAGE, "USA", "2000,2005,2010,2013", "rise")
        == (steps > 0).sum()
    )
    with pytest.raises(ValueError, match="direction must be 'rise' or 'fall'"):
        ledger.share_moves(catalog.PAPER_VINTAGE, "USA", "2000,2013", "flat")
    gap = ledger.growth_gap(catalog.PAPER_VINTAGE, "CHN", 2000, 2013)
    assert gap == pytest.approx(
        tables.annual_growth(tables.series("CHN", catalog.PAPER_VINTAGE), 2000, 2013)
        - tables.annual_growth(tables.series("WLD", catalog.PAPER_VINTAGE), 2000, 2013)
    )
    with pytest.raises(ValueError, match="Table 2 has no row 10 for 2013"):
        ledger.table2_level(catalog.PAPER_VINTAGE, 10, 2013)


# ---------------------------------------------------------------- issue 17: what mutation testing found
def test_the_ledger_file_is_byte_for_byte_what_the_build_writes(tmp_path):
    """Every column of every row, written the way the build writes it, is the committed file."""
    res = catalog.RESOURCES["claims_ledger"]
    fields = [f["name"] for f in res["fields"]]
    fresh = ledger.rows()
    assert [list(r) for r in fresh] == [fields] * len(fresh)
    build_data.write_csv(tmp_path / "ledger.csv", fields, fresh)
    committed = (data.data_dir() / res["path"]).read_text(encoding="utf-8")
    assert (tmp_path / "ledger.csv").read_text(encoding="utf-8") == committed


def test_rows_follow_the_spec_they_are_given():
    spec = [c for c in claims.load() if c["key"] in ("aid_8m", "growth_x50")]
    out = ledger.rows(spec)
    assert [r["key"] for r in out] == [c["key"] for c in spec] and [r["id"] for r in out] == [1, 2]
    sections = {n: t for n, t, _ in claims.SECTIONS}
    assert [r["section"] for r in out] == [sections[c["chapter"]] for c in spec]
    bare = {k: v for k, v in spec[0].items() if k != "note"}
    assert ledger.rows([bare])[0]["note"] == ""


def test_a_typed_claim_without_a_named_source_or_reason_gets_empty_ones():
    typed = next(c for c in claims.load() if "check" not in c)
    bare = {k: v for k, v in typed.items() if k not in ("named_source", "reason")}
    ev = ledger.evaluate(bare)
    assert ev == {
        "status": typed["status"],
        "check": "",
        "args": "",
        "rule": "",
        "paper_era_value": None,
        "paper_era_vintage": "",
        "today_value": None,
        "today_vintage": "",
        "named_source": "",
        "reason": "",
    }


@pytest.mark.parametrize(
    "on_mismatch, reason_shown",
    [(claims.NOT_REPRODUCED, True), (claims.CONTRADICTED, False), (claims.CONTESTED, False)],
)
def test_only_a_figure_that_does_not_reproduce_shows_its_reason(
    monkeypatch, on_mismatch, reason_shown
):
    values = {"old": 4.55, "new": 4.7}
    fake = ledger.Check("fake", lambda v: values[v], ("old", "new"), "a test double")
    monkeypatch.setitem(ledger.CHECKS, "fake", fake)
    claim = {
        "check": "fake",
        "args": {},
        "rule": "round_or_truncate:1",
        "value": 4.5,
        "on_mismatch": on_mismatch,
        "data_source": "a named source",
        "reason": "the paper's table adds up differently",
    }
    assert ledger.evaluate(claim)["reason"] == ""  # revised: agrees with the paper-era data
    claim["value"] = 9.9
    ev = ledger.evaluate(claim)
    assert ev["status"] == on_mismatch
    assert ev["reason"] == (claim["reason"] if reason_shown else "")


def test_a_dated_value_claim_needs_both_the_date_and_the_number():
    spec = next(c for c in claims.load() if c.get("rule") == "same_date_value")
    assert ledger.evaluate(spec)["status"] == claims.CORROBORATED
    wrong_date = dict(spec, date="1901")
    assert ledger.evaluate(wrong_date)["status"] == spec["on_mismatch"]
    wrong_value = dict(spec, value=spec["value"] + 1)
    assert ledger.evaluate(wrong_value)["status"] == spec["on_mismatch"]


def test_a_value_on_the_boundary_is_not_truncated_one_step_down():
    # 4.6 truncated to one decimal is 4.6, not 4.5 (the tiny nudge guards against 4.6 * 10 = 45.999...)
    assert not ledger.agrees("round_or_truncate:1", 4.5, 4.6)
    assert ledger.agrees("round_or_truncate:2", 0.29, 0.29)


@pytest.mark.parametrize("spec, stated", [("same_date", "2014"), ("equal", 5), ("more_than:0", 1)])
def test_a_check_that_finds_nothing_never_agrees(spec, stated):
    assert ledger.agrees(spec, stated, math.nan) is False
    assert ledger.agrees(spec, stated, None) is False


@pytest.mark.parametrize(
    "x, shown", [(12.3456, "12.35"), (1000.4, "1,000"), (1.5, "1.50"), (-1.5, "-1.50")]
)
def test_numbers_without_the_year_flag_are_not_years(x, shown):
    assert ledger._num(x) == shown


def test_a_year_check_shows_years_in_both_vintages():
    row = {
        "check": "ppp_overtaking_year",
        "args": "a=CHN; b=USA",
        "rule": "between:2015:2020",
        "paper_era_value": 2016.0,
        "paper_era_vintage": "old",
        "today_value": 2017.0,
        "today_vintage": "new",
        "reason": "",
        "named_source": "",
        "status": claims.REPRODUCED,
        "note": "",
    }
    assert "— old: 2016; new: 2017. Rule:" in ledger.evidence(row)


def test_one_claim_and_two_claims_read_right():
    led = data.claims_ledger()
    one = led.iloc[:1]
    n = one["chapter"].iloc[0]
    assert ledger.chapter_text(one, n).startswith(
        f"Section {n} of the paper makes 1 claim in the ledger: 1 {one['status'].iloc[0]}"
    )
    two = led.iloc[:2]
    two = two[two["chapter"] == n]
    assert ledger.chapter_text(led[led["key"].isin(two["key"])], n).startswith(
        f"Section {n} of the paper makes {len(two)} claims"
    )
    assert ledger._plural(1, "figure") == "1 figure" and ledger._plural(2, "figure") == "2 figures"
    assert ledger._plural(2, "child", "children") == "2 children"


def test_summary_text_splits_the_checked_claims_by_how_they_were_checked():
    led = data.claims_ledger()
    counts = led["status"].value_counts()
    checked = led[led["status"] != claims.NOT_CHECKABLE]
    typed = (checked["check"] == "").sum()
    text = ledger.summary_text(led)
    assert f" and {typed} by named sources that contradict or contest them. " in text
    figures = counts.get(claims.REPRODUCED, 0) + counts.get(claims.REVISED, 0)
    assert (
        f"{figures} figures reproduce ({counts.get(claims.REVISED, 0)} of them only in the "
        "paper-era vintage)" in text
    )
    one = led[led["status"] == claims.REPRODUCED].iloc[:1]
    assert "1 figure reproduce" in ledger.summary_text(one)
    t = ledger.summary(led)
    unchecked = (led["status"] == claims.NOT_CHECKABLE).sum()
    assert t["not_checkable_pct"] == pytest.approx(100 * unchecked / len(led))
    assert ledger.summary(led.iloc[:0])["counts"] == {s: 0 for s in claims.STATUSES}


def test_status_count_tables_label_their_rows_and_columns():
    book = data.claims_ledger()
    counts = ledger.status_counts(book)
    assert list(counts.index) == ["all claims"] and counts.index.name is None
    assert counts.columns.name == "status"
    per = ledger.status_counts(book, by_chapter=True)
    assert per.index.name == "chapter" and per.columns.name == "status"


def test_the_states_column_adds_the_date_only_when_it_says_more():
    led = data.claims_ledger()
    for n in ledger.CHAPTER_PAGES:
        rows = led[led["chapter"] == n]
        table = ledger.chapter_table(led, n)
        html = ledger.chapter_html(led, n)
        for (_, r), shown in zip(rows.iterrows(), table["States"]):
            if r["date"] == "":
                assert shown == r["stated"]
            else:
                assert shown == f"{r['stated']} ({r['date']})"
            words = r["stated"] + (
                f" ({r['date']})" if r["date"] and r["date"] != r["stated"] else ""
            )
            assert f"<small>States: {html_escape(words)} · Source given: " in html, r["key"]
    same = led[led["date"] == led["stated"]].iloc[0]
    assert f"States: {same['stated']} · " in ledger.chapter_html(led, same["chapter"])


def test_the_chapter_html_has_its_header_and_one_row_per_claim():
    led = data.claims_ledger()
    html = ledger.chapter_html(led, 2)
    assert (
        "<thead><tr><th>#</th><th>Claim (our words) and the paper's words</th>"
        "<th>Status and evidence</th></tr></thead><tbody><tr style=" in html
    )
    n = (led["chapter"] == 2).sum()
    assert html.count("</td></tr><tr style=") == n - 1 and html.endswith(
        "</td></tr></tbody></table>"
    )


def test_an_event_row_with_an_empty_source_or_url(data_copy):
    # network_events may leave a row's address empty; its source is then named without one
    row = data.network_events().query("source_type != 'paper'").iloc[0]
    eid = str(row["id"])
    _edit_csv(data_copy / "network_events.csv", lambda r: r["id"] == eid, "url", lambda v: "")
    assert ledger.event_source("network_events", eid) == row["source"]
    _edit_csv(data_copy / "network_events.csv", lambda r: r["id"] == eid, "source", lambda v: " ")
    with pytest.raises(ValueError, match="rests on the paper or on no named source"):
        ledger.event_row("network_events", eid)


@pytest.mark.parametrize(
    "text, args",
    [
        ("start=-5", {"start": -5}),
        ("event=X1", {"event": "X1"}),
        ("year=1-", {"year": "1-"}),
        ("spec=a=b", {"spec": "a=b"}),
    ],
)
def test_parse_args_reads_negative_numbers_and_keeps_strings(text, args):
    assert ledger.parse_args(text) == args


def test_table2_is_rebuilt_when_the_data_folder_moves(data_copy, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_DATA", str(ROOT / "data"))
    before = ledger.table2_level(catalog.PAPER_VINTAGE, 1, 2013)
    path = data_copy / "wb_gdp_population.csv"
    stat = path.stat()
    _edit_csv(
        path,
        lambda r: r["code"] == "USA"
        and r["year"] == "2013"
        and r["vintage"] == catalog.PAPER_VINTAGE,
        "gdp_usd",
        lambda v: repr(float(v) * 2),
    )
    import os

    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time stamp, another folder
    monkeypatch.setenv("MULTIPOLAR_DATA", str(data_copy))
    assert ledger.table2_level(catalog.PAPER_VINTAGE, 1, 2013) != before


def test_verify_reports_what_the_ledger_says_and_what_the_data_give():
    book = data.claims_ledger().copy()
    clean = ledger.verify(book)
    assert list(clean.columns) == ["key", "field", "ledger", "data"] and clean.empty
    first = book.index[book["check"] != ""][0]
    book.loc[first, "check"] = "no_such_check"
    i = book.index[book["key"] == "growth_x50"][0]
    stored = book.loc[i, "today_value"]
    book.loc[i, "today_value"] = stored + 1
    j = book.index[book["key"] == "putin_oct_2014"][0]
    book.loc[j, "args"] = "table=claim_events; event=nope"
    k = book.index[book["key"] == "uk_aiib"][0]
    source = book.loc[k, "named_source"]
    book.loc[k, "named_source"] = "a blog"
    problems = ledger.verify(book)
    assert list(problems.columns) == ["key", "field", "ledger", "data"]
    got = {(p.key, p.field): (p.ledger, p.data) for p in problems.itertuples()}
    key0 = book.loc[first, "key"]
    assert got[(key0, "check")] == ("no_such_check", "no such check")
    assert got[("growth_x50", "today_value")] == (stored + 1, stored)
    ledger_says, data_give = got[("putin_oct_2014", "check")]
    assert ledger_says == "event_date" and "has no row key='nope'" in data_give
    assert got[("uk_aiib", "named_source")] == ("a blog", source)
    assert len(got) == 4
    # a looser tolerance lets the 1-unit change through
    assert ("growth_x50", "today_value") not in {
        (p.key, p.field) for p in ledger.verify(book, rel_tol=0.5).itertuples()
    }


def test_verify_marks_a_status_the_ledger_cannot_fall_back_on():
    book = data.claims_ledger().copy()
    i = book.index[book["key"] == "growth_x50"][0]
    assert book.loc[i, "status"] not in claims.FALLBACKS
    book.loc[i, "value"] = 999.0
    problems = ledger.verify(book)
    status = problems[(problems["key"] == "growth_x50") & (problems["field"] == "status")]
    assert list(status["data"]) == ["?"] and list(status["ledger"]) == [book.loc[i, "status"]]


@pytest.mark.parametrize(
    "stored, fresh, reported",
    [(math.nan, math.nan, False), (math.nan, 5.0, True), (5.0, math.nan, True), (5.0, 5.0, False)],
)
def test_verify_treats_two_missing_values_as_agreeing(monkeypatch, stored, fresh, reported):
    fake = ledger.Check("fake", lambda v: fresh, ("old", "new"), "a test double")
    monkeypatch.setitem(ledger.CHECKS, "fake", fake)
    book = data.claims_ledger().copy()
    row = book[book["key"] == "growth_x50"].copy()
    row["check"], row["args"], row["paper_era_value"], row["today_value"] = (
        "fake",
        "",
        stored,
        stored,
    )
    problems = ledger.verify(row)
    fields = set(problems["field"])
    assert ("paper_era_value" in fields) is reported and ("today_value" in fields) is reported


@pytest.mark.parametrize("key", ["growth_x50", "china_quota"])
def test_verify_reports_a_checked_row_that_lost_its_number(key):
    book = data.claims_ledger().copy()
    i = book.index[book["key"] == key][0]
    status = book.loc[i, "status"]
    book.loc[i, "value"] = math.nan
    problems = ledger.verify(book)
    got = problems[(problems["key"] == key) & (problems["field"] == "status")]
    assert list(got["ledger"]) == [status] and list(got["data"]) != [status]


def test_verify_goes_on_after_a_check_that_fails():
    book = data.claims_ledger().copy()
    first = book.index[book["check"] != ""][0]
    book.loc[first, ["check", "args"]] = ["event_date", "table=claim_events; event=nope"]
    i = book.index[book["key"] == "growth_x50"][0]
    book.loc[i, "today_value"] = book.loc[i, "today_value"] + 1
    problems = ledger.verify(book)
    assert list(problems["key"]) == [book.loc[first, "key"], "growth_x50"]
