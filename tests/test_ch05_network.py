"""Chapter 5: the events and figures tables, the bases' spans, the bargaining model and its charts."""

from __future__ import annotations

import math
import re
import sys

import pandas as pd
import pytest
from conftest import ROOT, frame_report

from multipolar import charts, data, events
from multipolar.chapters import ch05_bargaining as bargaining

sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

PAPER = ROOT.parent / "shared" / "paper" / build_data.PAPER_FILE


def flat_paper() -> str:
    if not PAPER.is_file():
        pytest.skip("the paper's text is not at ../shared/paper")
    return re.sub(r"\s+", " ", PAPER.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- data files
def test_every_event_names_its_source_and_paper_quotes_are_verbatim():
    ev = data.network_events()
    assert (ev["source"].str.len() > 0).all() and (ev["quote"].str.len() > 0).all()
    flat = flat_paper()
    paper = ev[ev["source_type"] == "paper"]
    assert len(paper) >= 10
    for _, r in paper.iterrows():
        assert r["quote"] in flat
        assert str(r["year"]) in (r["quote"] + " " + r["date_quote"]), r["label"]
        if r["date_quote"]:
            assert r["date_quote"] in flat
    reports = ev[ev["source_type"] == "report"]
    assert reports["url"].str.startswith("https://").all()
    assert reports["checked"].str.startswith("not checkable").all()


def test_paper_rows_the_ledger_contradicts_are_attributed_and_marked():
    """A paper row whose claim the claims ledger marks contradicted must not present it as fact."""
    ev = data.network_events()
    ledger = data.claims_ledger()
    contradicted = ledger[(ledger["chapter"] == 5) & (ledger["status"] == "contradicted")]
    assert len(contradicted) >= 1
    seen = 0
    for _, claim in contradicted.iterrows():
        rows = ev[
            (ev["source_type"] == "paper")
            & ev["quote"].map(lambda q, c=claim["quote"]: c in q or q in c)
        ]
        for _, r in rows.iterrows():
            seen += 1
            assert "contradicted" in r["label"], r["label"]
            assert r["event"].startswith("The paper says") and "contradicted" in r["event"], r[
                "event"
            ]
    assert seen >= 1, "the February 2007 declaration row should be found"


def test_events_are_in_year_order_with_consistent_dates():
    ev = data.network_events()
    assert list(ev["year"]) == sorted(ev["year"])
    assert (ev["date"].str[:4].astype(int) == ev["year"]).all()
    assert (ev["date"].str.len() == ev["precision"].map({"year": 4, "month": 7, "day": 10})).all()


def test_the_build_rejects_a_quote_not_in_the_paper(monkeypatch):
    flat = flat_paper()
    with pytest.raises(build_data.SourceError, match="not in the paper"):
        build_data.check_paper_quote("t", 1, flat, "the US evacuated the base on 1 January 2006")
    with pytest.raises(build_data.SourceError, match="does not state the year"):
        build_data.check_paper_quote(
            "t", 1, flat, "On 21 November 2005 the US evacuated the base", year="2006"
        )
    with pytest.raises(build_data.SourceError, match="precision"):
        build_data.check_precision("t", 1, "2005-11", "day")


def test_figures_print_their_values_in_their_quotes():
    fig = data.network_figures()
    flat = flat_paper()
    for _, r in fig.iterrows():
        if pd.notna(r["value"]):
            assert re.search(rf"(?<![\d.]){int(r['value'])}(?![\d.])", r["quote"]), r["figure"]
        if r["source"].startswith("Sahara"):
            assert r["quote"] in flat
    kinds = set(fig.loc[fig["figure"].str.startswith("andijan_deaths"), "kind"])
    assert kinds == {"official figure", "independent account"}, (
        "official and independent accounts are paired"
    )


# ---------------------------------------------------------------- events module
def test_decimal_year_from_first_principles():
    assert events.decimal_year("2005-01-01") == 2005.0
    assert events.decimal_year("2005") == pytest.approx(2005 + 181 / 365)  # 1 July
    assert events.decimal_year("2004-03") == pytest.approx(2004 + (31 + 29 + 14) / 366)  # leap year
    with pytest.raises(ValueError):
        events.decimal_year("2005-01-01-01")


def test_days_between_the_memorandum_and_the_withdrawal():
    ev = data.network_events().set_index("label")
    memo, leave = ev.loc["Uzbek memorandum: leave K2", "date"], ev.loc["US leaves K2", "date"]
    expected = (pd.Timestamp(leave) - pd.Timestamp(memo)).days
    assert events.days_between(memo, leave) == expected
    with pytest.raises(ValueError, match="full dates"):
        events.days_between("2005-07", leave)


def test_base_spans_come_from_the_milestone_rows():
    ev = data.network_events()
    spans = events.base_spans(ev).set_index("base")
    for base in ("K2", "Manas"):
        rows = ev[ev["base"] == base]
        for milestone in ("start", "end"):
            dates = list(rows.loc[rows["milestone"] == milestone, "date"])
            assert spans.loc[base, milestone] == (dates[0] if dates else "")
    manas_start = ev[(ev["base"] == "Manas") & (ev["milestone"] == "start")].iloc[0]
    assert spans.loc["Manas", "start"] == manas_start["date"] == "2001-12", (
        "Manas opened in December 2001"
    )
    assert manas_start["source_type"] == "report" and "December 2001" in manas_start["quote"]
    twice = pd.concat([ev, ev[ev["milestone"] == "end"]])
    with pytest.raises(ValueError, match="expected at most one"):
        events.base_spans(twice)


def test_select_events():
    ev = data.network_events()
    sel = events.select_events(ev, 2005, 2005, "US pressure")
    assert len(sel) == ((ev["year"] == 2005) & (ev["category"] == "US pressure")).sum() > 0
    assert len(events.select_events(ev, 2001, 2014)) == len(ev)
    with pytest.raises(ValueError, match="unknown category"):
        events.select_events(ev, 2001, 2014, "weather")
    with pytest.raises(ValueError):
        events.select_events(ev, 2010, 2005)


# ---------------------------------------------------------------- bargaining model
def test_support_and_costs():
    assert bargaining.support(3, 2.5, 0.8) == pytest.approx(3 * 2.5 * 0.8)
    assert bargaining.refusal_cost(10, 2, 2) == 6
    assert bargaining.refusal_cost(10, 20, 2) == 0, "never below zero"
    assert bargaining.compliance_cost(4, 1) == 3
    assert bargaining.compliance_cost(4, 9) == 0
    for bad in (-1, float("nan"), None, True):
        with pytest.raises(ValueError):
            bargaining.support(bad, 1)
    with pytest.raises(ValueError, match="probability"):
        bargaining.support(1, 1, credibility=1.5)


def test_can_refuse_is_strict():
    assert bargaining.can_refuse(pressure=10, cost=4, backers=3, weight=2.5)  # 2.5 < 4
    assert not bargaining.can_refuse(pressure=10, cost=5, backers=2, weight=2.5)  # 5 == 5: comply
    assert not bargaining.can_refuse(
        pressure=10, cost=4, backers=3, weight=2.5, inducement=2
    )  # 2.5 > 2
    assert not bargaining.can_refuse(pressure=10, cost=4, backers=3, weight=2.5, credibility=0.4)


@pytest.mark.parametrize(
    "pressure,cost,weight,cred,induce",
    [
        (10, 4, 2.5, 1.0, 0),
        (10, 4, 2.5, 0.5, 0),
        (3, 4, 1, 1, 0),
        (12, 1, 0.7, 0.9, 0.5),
        (20, 6, 3, 1, 0),
        (10, 4, 0, 1, 0),
        (10, 4, 2, 1, 4),
        (7.5, 2.5, 2.5, 1.0, 0),
    ],
)
def test_backers_needed_is_the_first_viable_number(pressure, cost, weight, cred, induce):
    n = bargaining.backers_needed(pressure, cost, weight, cred, induce)
    viable = [
        k for k in range(200) if bargaining.can_refuse(pressure, cost, k, weight, cred, induce)
    ]
    assert n == (viable[0] if viable else None)


def test_schedule_matches_the_functions():
    t = bargaining.schedule(10, 4, 2.5, max_backers=5, credibility=0.8)
    assert list(t["backers"]) == list(range(6))
    for _, r in t.iterrows():
        assert r["refusal_cost"] == pytest.approx(
            bargaining.refusal_cost(10, r["backers"], 2.5, 0.8)
        )
        assert (r["decision"] == "refuse") == bargaining.can_refuse(10, 4, r["backers"], 2.5, 0.8)
    with pytest.raises(ValueError):
        bargaining.schedule(10, 4, 2.5, max_backers=-1)


# ---------------------------------------------------------------- charts
def test_bases_timeline_chart_alt_text_and_rows():
    ev = data.network_events()
    spans = events.base_spans(ev)
    fig = charts.bases_timeline_chart(ev, spans, 2001, 2014, "Bases", "Source: test")
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == len(ev) + len(spans)
    assert "start not dated by the sources" not in fig.alt_text, "both bases' openings are dated"
    undated = spans.assign(start=spans["start"].where(spans["base"] != "Manas", ""))
    hatched = charts.bases_timeline_chart(ev, undated, 2001, 2014, "Bases", "Source: test")
    assert "start not dated by the sources" in hatched.alt_text
    assert all(label in fig.alt_text for label in ev["label"])
    empty = charts.bases_timeline_chart(ev.iloc[0:0], spans, 2008, 2009, "Bases", "Source: test")
    assert "none in the years chosen" in empty.alt_text


def _bases_chart(first, last):
    """Chapter 5's bases chart over ``first``-``last`` (all events), its bases' spans, and the
    live renderer's report of it laid out afresh."""
    ev = data.network_events()
    spans = events.base_spans(ev)
    shown = events.select_events(ev, first, last, "all")
    fig = charts.bases_timeline_chart(shown, spans, first, last, "Bases", "Source: test")
    return fig, spans, frame_report(fig)


def test_bases_timeline_of_a_few_years_keeps_its_texts_apart():
    """A short span of years: whole years on the axis (not 2007.5), the legend clear of 'Year',
    and a base whose years fall outside the span is said to, in the chart and its alt text
    (its label was white on nothing)."""
    fig, spans, report = _bases_chart(2007, 2010)
    assert not report["outside"] and report["overlaps"] == 0
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2007", "2008", "2009", "2010", "2011"]
    k2 = spans.loc[spans["base"] != "Manas"].iloc[0]
    note = f"{k2['start']} to {k2['end']}: outside the years chosen"
    label = next(t for t in ax.texts if t.get_text() == note)
    assert label.get_color() == "#222222"
    assert f"US base {k2['name']}: {note}" in fig.alt_text
    assert "US base Manas, Kyrgyzstan: 2001-12 to 2014-06. Events: 2007-02" in fig.alt_text


def test_a_base_label_goes_beside_its_bar_when_the_bar_is_short_in_the_years_shown():
    """In 2001 alone, Manas (from December) is a sliver at the right edge: its label went past the
    axes and was cut off. It now sits left of the bar, in dark text, inside the axes."""
    fig, spans, report = _bases_chart(2001, 2001)
    assert not report["outside"] and report["overlaps"] == 0
    ax = fig.axes[0]
    manas = spans.loc[spans["base"] == "Manas"].iloc[0]
    label = next(t for t in ax.texts if t.get_text() == f"{manas['start']} to {manas['end']}")
    assert label.get_ha() == "right" and label.get_color() == "#222222"
    box, frame = label.get_window_extent(), ax.get_window_extent()
    assert frame.x0 <= box.x0 and box.x1 <= frame.x1


def test_bargaining_chart_labels_every_bar():
    t = bargaining.schedule(10, 4, 2.5, 6)
    fig = charts.bargaining_chart(t, 2, "Model")
    texts = [x.get_text() for x in fig.axes[0].texts]
    assert sum(x.startswith(("refuse", "comply")) for x in texts) == len(t)
    first = bargaining.backers_needed(10, 4, 2.5)
    assert f"viable from {first} backers" in fig.alt_text
    assert "With 2 backers the model says: comply" in fig.alt_text
    assert not math.isnan(fig.axes[0].get_ylim()[1])


def test_slider_picks_its_type_and_drives_explore():
    from multipolar import widgets

    s = widgets.slider(0, 6, 2, description="Backers")
    f = widgets.slider(0, 1, 1, step=0.1, description="Credibility")
    assert type(s).__name__ == "IntSlider" and s.value == 2
    assert type(f).__name__ == "FloatSlider" and f.value == 1.0
    seen = []

    def draw(backers, credibility):
        seen.append((backers, credibility))
        return charts.bargaining_chart(
            bargaining.schedule(10, 4, 2.5, 6, credibility), backers, "Model"
        )

    ex = widgets.explore(draw, backers=s, credibility=f)
    s.value = 3
    assert seen == [(2, 1.0), (3, 1.0)]
    assert "alt=" in ex._repr_mimebundle_()["text/html"]


def test_bargaining_chart_with_no_backers_at_all():
    # max_backers=0: a one-row table still gives the compliance cost
    t = bargaining.schedule(10, 4, 2.5, max_backers=0)
    refuse, comply = t["refusal_cost"].iloc[0], t["compliance_cost"].iloc[0]
    assert charts.bargaining_chart(t, 0, "T").alt_text == (
        f"Bar chart, T: the cost of refusing falls from {refuse:g} with no backers to {refuse:g} "
        f"with 0; the cost of complying is {comply:g}. Refusal is not viable with any number of "
        "backers shown. With 0 backers the model says: comply."
    )
