"""Chapter 7: the argument map's data, its metrics (recomputed here from data/), the verdict rule, the chart."""

from __future__ import annotations

import math
import re
import sys
from datetime import date

import pytest
from conftest import ROOT

from multipolar import catalog, charts, claims, data
from multipolar.chapters import ch07_argmap as argmap

sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

import curated  # noqa: E402

PAPER = ROOT.parent / "shared" / "paper" / build_data.PAPER_FILE


def _keys(cell) -> list[str]:
    return [k.strip() for k in str(cell or "").split(";") if k.strip()]


def test_map_shape():
    n = argmap.nodes()
    assert list(n["role"]).count("conclusion") == 1
    premises = argmap.premises()
    assert sorted(premises["chapter"]) == [1, 2, 3, 4, 5, 6], "one premise per section of the paper"
    assert set(premises["bears_on"]) == {"C"}
    assert len(argmap.doubts()) == 4, "the paper gives four reasons for scepticism"
    assert set(argmap.doubts()["bears_on"]) <= set(n["node"])


def test_every_named_metric_is_shown_on_the_map_with_a_source():
    """Each metric a node names is on the map table under that node, with a named source; a metric
    without a number (NaN) is a dated event whose date and source come from data/epilogue_events.csv."""
    table = argmap.map_table().set_index("node")
    events = data.epilogue_events()
    named = 0
    for _, r in argmap.nodes().iterrows():
        for column, figures in (
            ("evidence_metric", "evidence_figures"),
            ("counter_metric", "counter_figures"),
        ):
            for key in _keys(r[column]):
                named += 1
                m = argmap.metric(key)
                assert m["text"] in table.loc[r["node"], figures], (r["node"], key)
                assert m["source"].strip(), key
                if math.isnan(m["value"]):
                    date = m["text"].split(":")[0]
                    row = events[events["date"] == date]
                    assert len(row) == 1 and row["source"].iloc[0] == m["source"], key
                else:
                    assert math.isfinite(m["value"]), key
    assert named == 15 == len(argmap.METRICS), "every registered metric is used on the map"
    with pytest.raises(KeyError, match="unknown argument-map metric 'no_such_metric'; known: \\['"):
        argmap.metric("no_such_metric")


def _share(code: str, vintage: str, year: int) -> float:
    g = data.gdp_population(vintage).set_index(["code", "year"])["gdp_usd"]
    return 100 * g[(code, year)] / g[("WLD", year)]


def test_us_share_metrics_match_the_data():
    m = argmap.metric("us_share_2000_2013")
    old = catalog.PAPER_VINTAGE
    assert m["value"] == pytest.approx(_share("USA", old, 2013) - _share("USA", old, 2000))
    assert f"{_share('USA', old, 2000):.1f}%" in m["text"]
    g = data.gdp_population(catalog.LATEST)
    us = g[(g["code"] == "USA") & (g["year"] >= 2000)].set_index("year")["gdp_usd"]
    world = g[g["code"] == "WLD"].set_index("year")["gdp_usd"]
    share = (100 * us / world.reindex(us.index)).dropna()
    low, last = int(share.idxmin()), int(share.index.max())
    since = argmap.metric("us_share_since")
    assert f"in {low}" in since["text"] and f"in {last}" in since["text"]
    assert since["value"] == pytest.approx(share[last] - share[low])


def test_brics_and_enlargement_metrics_match_the_data():
    s = argmap.metric("brics_share")
    g = data.gdp_population(catalog.LATEST).set_index(["code", "year"])["gdp_usd"]
    years = sorted(y for (c, y) in g.index if c == "WLD" and y >= 2013 and g[("WLD", y)] > 0)
    codes = ["CHN", "HKG", "BRA", "RUS", "IND", "ZAF"]
    brics = {y: 100 * sum(g[(c, y)] for c in codes) / g[("WLD", y)] for y in years}
    brics = {y: v for y, v in brics.items() if v == v}
    peak, last = max(brics, key=brics.get), max(brics)
    assert f"{brics[last]:.1f}% in {last}" in s["text"]
    if peak != last:
        assert f"peak of {brics[peak]:.1f}% in {peak}" in s["text"], (
            "a fall since the peak must be shown"
        )
    tl = data.sco_timeline()
    later = tl[(tl["kind"] == "enlargement") & (tl["year"] > 2015)]
    m = argmap.metric("sco_enlarged")
    assert m["value"] == sum(len(a.split("+")) for a in later["admitted"])
    assert all(d in m["text"] for d in later["date"]) and all(
        src in m["source"] for src in later["source"]
    )


def test_k2_days_and_treasury_fall_match_the_data():
    ev = data.network_events().set_index("label")["date"]
    a, b = (date.fromisoformat(ev[k]) for k in ("Uzbek memorandum: leave K2", "US leaves K2"))
    assert argmap.metric("k2_days")["value"] == (b - a).days
    v = data.rapprochement_figures().set_index("figure")["value"]
    want = 100 * (v["ust_holdings_mar_2015"] / v["ust_holdings_jan_2014"] - 1)
    assert argmap.metric("ust_fall")["value"] == pytest.approx(want)


def test_ledger_counts_match_the_ledger():
    led = data.claims_ledger()
    counts = argmap.ledger_counts(led)
    assert sum(c["claims"] for c in counts.values()) == len(led)
    for chapter, c in counts.items():
        rows = led[led["chapter"] == chapter]
        assert c["checked"] == sum(s != claims.NOT_CHECKABLE for s in rows["status"])
    share = argmap.metric("ledger_checked")["value"]
    assert share == pytest.approx(sum(c["checked"] for c in counts.values()) / len(led))


def test_map_table_has_a_row_per_claim_with_figures():
    t = argmap.map_table()
    assert list(t["node"]) == ["C"] + [f"P{i}" for i in range(1, 7)]
    assert all(t["evidence_figures"].map(len) >= 1), (
        "each claim on the map has a figure computed from data/"
    )
    counts = argmap.ledger_counts()
    for r in t.itertuples():
        c = counts[r.chapter]
        assert r.ledger == f"{c['checked']} of {c['claims']} claims checkable", r.node
    nodes = argmap.nodes().set_index("node")
    assert list(t["chapter"]) == [int(nodes.loc[n, "chapter"]) for n in t["node"]]
    assert list(t["claim"]) == [nodes.loc[n, "claim"] for n in t["node"]]


def test_combine_linked_and_convergent():
    v = {
        "P1": "well supported",
        "P2": "weakly supported",
        "P3": "undecided",
        "P4": "partly supported",
    }
    linked = argmap.combine(v, "linked")
    assert linked["score"] == argmap.VERDICTS["weakly supported"]
    assert linked["weakest"] == ["P2"] and linked["undecided"] == ["P3"]
    conv = argmap.combine(v, "convergent")
    assert conv["score"] == pytest.approx((3 + 1 + 2) / 3)
    assert conv["verdict"] == "partly supported"
    assert argmap.combine({"P1": "undecided"}, "linked")["verdict"] == "undecided"
    assert argmap.combine({}, "convergent")["score"] is None


@pytest.mark.parametrize(
    "verdicts, structure, match",
    [
        ({"P1": "great"}, "linked", "unknown verdicts"),
        ({"P1": "well supported"}, "chained", "structure must be"),
    ],
)
def test_combine_rejects_bad_input(verdicts, structure, match):
    with pytest.raises(ValueError, match=match):
        argmap.combine(verdicts, structure)


def test_verdict_label_rounds_to_the_nearest_step():
    assert argmap.verdict_label(None) == "undecided"
    assert argmap.verdict_label(0.2) == "not supported"
    assert argmap.verdict_label(2.6) == "well supported"
    assert argmap.verdict_label(1.0) == "weakly supported"


def test_chart_writes_verdicts_in_boxes_and_alt_text():
    n = argmap.nodes()
    verdicts = {"P1": "not supported", "P4": "well supported"}
    fig = charts.argument_map_chart(n, verdicts, "overall: not supported", argmap.ledger_counts())
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "not supported" in texts and "well supported" in texts
    for _, p in argmap.premises().iterrows():
        assert p["label"] in fig.alt_text
    assert "verdict not supported" in fig.alt_text and "overall: not supported" in fig.alt_text
    assert len(fig.axes[0].patches) == len(n), "one box per node"


@pytest.fixture()
def paper_text():
    if not PAPER.is_file():
        pytest.skip("the paper's text is not at ../shared/paper")
    return PAPER.read_text(encoding="utf-8")


def _with_row(index: int, **changes):
    rows = curated.read("argument_map")
    rows[index].update(changes)
    return rows


@pytest.mark.parametrize(
    "changes, match",
    [
        ({"quote": "the SCO will rule the world"}, "not in the paper"),
        ({"evidence": "The US share fell by 9 points"}, "number 9 is typed"),
        ({"bears_on": "P9"}, "bears_on"),
        ({"counter": ""}, "needs evidence, counter-evidence"),
    ],
)
def test_build_rejects_bad_rows(paper_text, changes, match):
    with pytest.raises(build_data.SourceError, match=match):
        build_data.build_argument_map(paper_text, _with_row(1, **changes))


def test_each_quote_comes_from_its_own_section(paper_text):
    """A premise's quote is from the section it stands for; the conclusion's and the doubts' from the
    conclusion (so the chapter's table of 'the paper's words' never credits one section with another's)."""
    flat = re.sub(r"\s+", " ", paper_text)
    starts = [0] + [flat.index(head) for _, _, head in claims.SECTIONS[1:]]
    spans = {
        n: (starts[k], starts[k + 1] if k + 1 < len(starts) else len(flat))
        for k, (n, _, _) in enumerate(claims.SECTIONS)
    }
    for _, r in data.argument_map().iterrows():
        lo, hi = spans[int(r["chapter"])]
        assert r["quote"] in flat[lo:hi], (
            f"{r['node']}: its quote is not in section {r['chapter']} of the paper"
        )


def test_build_matches_committed_file(paper_text):
    rows = build_data.build_argument_map(paper_text)
    committed = data.argument_map()
    assert [r["node"] for r in rows] == list(committed["node"])
    assert [r["quote"] for r in rows] == list(committed["quote"])
    flat = re.sub(r"\s+", " ", paper_text)
    assert all(q in flat for q in committed["quote"])
