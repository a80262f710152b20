"""Issue 14's corrections: the prose, the data row it rests on and the ledger row agree.

Each test reads a chapter's text (markdown and code, whitespace collapsed) and the data files, and
checks that a correction made in one place is made in the others.
"""

from __future__ import annotations

import re
import sys

import nbformat
import pandas as pd
import pytest
from conftest import ROOT

from multipolar import catalog, data
from multipolar.chapters import ch06_rapprochement as rp
from multipolar.chapters import ch07_argmap as argmap

sys.path.insert(0, str(ROOT / "scripts"))
import build_data  # noqa: E402

PAPER = ROOT.parent / "shared" / "paper" / build_data.PAPER_FILE


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def chapter(stem: str) -> str:
    """Every cell of ``book/<stem>.ipynb``, joined, whitespace collapsed."""
    nb = nbformat.read(ROOT / "book" / f"{stem}.ipynb", as_version=4)
    return flat(" ".join(c.source for c in nb.cells))


def ledger_row(key: str) -> pd.Series:
    led = data.claims_ledger().set_index("key")
    assert key in led.index, f"no ledger row {key!r}"
    return led.loc[key]


CH3, CH4, CH5, CH6, CH8 = (
    "03_dichotomy_multilayer",
    "04_sco_testing_ground",
    "05_network_leverage",
    "06_sino_russian",
    "08_epilogue",
)


# ---------------------------------------------------------------- 1. South Ossetia, 2008
def test_south_ossetia_prose_timeline_and_ledger_agree_the_claim_is_contradicted():
    text = chapter(CH4)
    assert "refusal to back Russia" not in text
    for words in (
        "Dushanbe Declaration",
        "28 August 2008",
        '"active role"',
        "recognition of South Ossetia and Abkhazia",
        "Sahara's claim is therefore contradicted",
    ):
        assert words in text, words
    tl = data.sco_timeline()
    assert not tl["event"].str.contains("issues no statement").any()
    paper_2008 = tl[(tl["date"] == "2008") & (tl["source_type"] == "paper")].iloc[0]
    assert "the paper says" in paper_2008["event"] and "contradicted" in paper_2008["event"]
    assert "Dushanbe Declaration" in paper_2008["event"]
    record = tl[tl["date"] == "2008-08-28"]
    assert len(record) == 1, "the Dushanbe Declaration needs its own dated row"
    record = record.iloc[0]
    assert record["source_type"] == "news report" and record["url"].startswith("https://")
    assert "Dushanbe Declaration" in record["source"] and "'active role'" in record["event"]
    assert record["source"].split(",")[0] in text, "the chapter names the row's source"
    row = ledger_row("ossetia_2008")
    assert row["status"] == "contradicted"
    assert "Dushanbe Declaration" in row["named_source"] and record["url"] in row["named_source"]
    assert "recognition of South Ossetia and Abkhazia" in row["note"]


# ---------------------------------------------------------------- 2. Osh, 2010
def test_osh_names_who_was_asked_and_keeps_the_sco_claim_as_sahara_s():
    tl = data.sco_timeline()
    appeal = tl[tl["date"] == "2010-06-12"].iloc[0]
    assert "asks Russia" in appeal["event"] and "Otunbayeva" in appeal["event"]
    assert appeal["url"].startswith("https://eurasianet.org/")
    paper_2010 = tl[(tl["date"] == "2010") & (tl["source_type"] == "paper")].iloc[0]
    assert "the paper says" in paper_2010["event"] and "addressed to Russia" in paper_2010["event"]
    text4, text5 = chapter(CH4), chapter(CH5)
    assert "asked **Russia**" in text4 and "CSTO" in text4
    assert "remains Sahara's claim" in text4
    assert "did not answer the Kyrgyz president's request" not in text5
    assert "she asked Russia" in text5 and "is Sahara's claim" in text5
    row = ledger_row("osh_2010")
    assert row["status"] == catalog_not_checkable()
    assert "Otunbayeva" in row["note"] and "asked Russia" in row["note"] and "CSTO" in row["note"]


def catalog_not_checkable() -> str:
    from multipolar import claims

    return claims.NOT_CHECKABLE


# ---------------------------------------------------------------- 4. Power of Siberia
def test_power_of_siberia_figures_say_which_is_which():
    figs = data.rapprochement_figures().set_index("figure")
    paper, plateau, design = (
        figs.loc[k]
        for k in ("power_of_siberia_capacity", "pos_contract_plateau", "pos_design_capacity")
    )
    assert paper["value"] == plateau["value"] < design["value"]
    assert "plateau" in paper["note"] and "design capacity" in paper["note"]
    assert "not the contracted annual volume" not in paper["note"]
    later = figs[figs.index.str.startswith("pos_")]
    assert later["cited_as"].map(build_data.is_later_source).all()
    assert (
        not figs[~figs.index.str.startswith("pos_")]["cited_as"]
        .map(build_data.is_later_source)
        .any()
    )
    for _, r in later[later["value"].notna()].iterrows():
        assert re.search(rf"(?<![\d.]){r['value']:g}(?![\d.])", r["quote"]), r.name
    assert figs.loc["pos_first_deliveries", "date"] == "2019-12-02"
    text = chapter(CH6)
    assert "which is not necessarily what the contract delivers" not in text
    assert "plateau volume for export" in text and "design capacity" in text
    ledger = ledger_row("power_of_siberia")
    assert "plateau" in ledger["note"] and f"{design['value']:g} bcm" in ledger["note"]


def test_the_ramp_up_model_is_held_against_the_record():
    figs = data.rapprochement_figures()
    check = rp.ramp_up_check(figs)
    f = figs.set_index("figure")
    first, reached = (
        pd.Timestamp(f.loc[k, "date"]) for k in ("pos_first_deliveries", "pos_plateau_reached")
    )
    assert check["model_ramp_up"] == round((reached - first).days / 365.25)
    record = check["table"]
    assert (
        list(record["year"]) == sorted(record["year"])
        and record["delivered_bcm"].is_monotonic_increasing
    )
    assert check["delivered_bcm"] == pytest.approx(record["delivered_bcm"].sum())
    # the yearly model is the same model as the price calculation: summed over a contract it is the
    # contract volume
    for ramp in (0, 1, 5, 10):
        assert sum(rp.model_deliveries(38, ramp, 30)) == pytest.approx(
            rp.contract_volume_bcm(38, 30, ramp)
        )
    assert rp.model_deliveries(38, 5, 2) == pytest.approx([38 * 0.1, 38 * 0.3])
    with pytest.raises(ValueError):
        rp.model_deliveries(0, 5, 3)
    with pytest.raises(ValueError, match="pos_deliveries"):
        rp.delivery_record(figs[~figs["figure"].str.startswith("pos_deliveries")])
    text = chapter(CH6)
    assert "The model against the record" in text and "rp.ramp_up_check(" in text


# ---------------------------------------------------------------- 5, 6, 8. chapter 6's other corrections
def test_navy_sentence_keeps_for_military_exercise_and_the_earlier_voyages():
    text = chapter(CH6)
    navy = re.search(
        r'"for the first time in history", he writes, the Chinese navy "entered into the Black Sea '
        r'and Mediterranean for military exercise"',
        text,
    )
    assert navy, "the navy sentence must keep 'for military exercise'"
    rest = text[navy.end() : navy.end() + 600]
    assert "Libya" in rest and "2011" in rest and "chemical weapons" in rest and "2014" in rest
    row = ledger_row("navy_2015")
    assert "for military exercise" in row["claim"] and "for military exercise" in row["quote"]
    assert "2011" in row["note"] and "2014" in row["note"]


def test_both_of_sahara_s_ungrounded_sentences_are_given():
    text = chapter(CH6)
    assert '"how ungrounded it may be"' in text or '("how ungrounded it may be")' in text
    assert "not completely ungrounded" in text
    if PAPER.is_file():
        paper = flat(PAPER.read_text(encoding="utf-8"))
        assert "The Sino-Russian concern over the US intrigue is not completely ungrounded" in paper
        assert "singled the two countries as its main security risks" in paper


def test_march_2014_sanctions_were_on_individuals():
    text = chapter(CH6)
    assert "visa bans and asset freezes on named individuals" in text
    assert "July and September 2014" in text
    assert "July and September 2014" in ledger_row("sanctions_2014")["note"]


# ---------------------------------------------------------------- 9. Manas and K2
def test_manas_opening_and_the_two_missing_facts():
    ev = data.network_events()
    text = chapter(CH5)
    assert "by the Bakiev years" not in text and "opened in December 2001" in text
    moscow = ev[ev["date"] == "2009-02-03"].iloc[0]
    assert "Moscow" in moscow["event"] and moscow["source_type"] == "report"
    assert "Moscow on 3 February 2009" in text
    memo = ev[ev["label"] == "Uzbek memorandum: leave K2"].iloc[0]
    airlift = ev[ev["label"] == "UN flies Andijan refugees to Romania"].iloc[0]
    assert airlift["date"] == memo["date"] and airlift["source_type"] == "report"
    assert "Romania" in text
    # any causal link is marked as an interpretation, in the prose and in the ledger
    assert text.count("interpretation") >= 2
    assert (
        "interpretation" in ledger_row("k2_notice")["note"]
        and "Romania" in ledger_row("k2_notice")["note"]
    )
    assert (
        "Moscow" in ledger_row("manas_rent")["note"]
        and "interpretation" in ledger_row("manas_rent")["note"]
    )


# ---------------------------------------------------------------- 10. the CIS anti-terrorist centre
def test_cis_centre_dates_give_the_context():
    text = chapter(CH4)
    assert "was little used" not in text
    assert "June 2000" in text and "Moscow" in text and "1 June 2001" in text


# ---------------------------------------------------------------- 11. ch7: one vintage
def test_china_russia_ratio_uses_one_vintage():
    m = argmap.metric("china_russia_ratio")
    same = rp.gdp_pair(catalog.LATEST, 2014, 2014)["ratio"].iloc[0]
    assert f"{same:.1f} times Russia's in 2014" in m["text"]
    assert catalog.PAPER_VINTAGE not in m["source"] and catalog.LATEST in m["source"]
    mixed = rp.gdp_pair(catalog.PAPER_VINTAGE, 2014, 2014)["ratio"].iloc[0]
    if f"{mixed:.1f}" != f"{same:.1f}":
        assert f"{mixed:.1f} times" not in m["text"]


# ---------------------------------------------------------------- 12. minor
def test_minor_corrections():
    glossary = flat((ROOT / "book" / "glossary.md").read_text(encoding="utf-8"))
    assert (
        '"color revolutions technology"' in glossary
        and '"colour revolutions technology"' not in glossary
    )
    intro = flat((ROOT / "book" / "intro.md").read_text(encoding="utf-8"))
    assert "professor of political science" not in intro
    note = re.search(r'author note as "([^"]+)"', intro)
    assert note, "the intro quotes the paper's author note"
    if PAPER.is_file():
        assert note.group(1) in flat(PAPER.read_text(encoding="utf-8"))
    epilogue = chapter(CH8)
    assert "did little better than simple rules" not in epilogue
    assert "beaten by simple statistical rules" in epilogue
    ch3 = chapter(CH3)
    assert "very likely Yan Xuetong" in ch3 and "globaltimes.cn/content/914775" in ch3


# ---------------------------------------------------------------- found in the expert pass
def test_victory_day_parade_date_is_given_beside_the_paper_s_8_may():
    text = chapter(CH6)
    assert '"on 8 May" 2015 in the paper\'s words' in text
    assert "held on 9 May 2015" in text and "People's Daily Online, 10 May 2015" in text
    row = ledger_row("victory_day")
    assert row["date"] == "2015-05-08", "the ledger keeps the paper's date"
    assert "9 May 2015" in row["note"] and "en.people.cn" in row["note"]


def test_cis_centre_rows_and_ledger_note_agree_with_the_prose():
    tl = data.sco_timeline()
    founded = tl[tl["date"] == "2000-06"].iloc[0]
    branch = tl[tl["date"] == "2001-06-01"].iloc[0]
    assert "Moscow" in founded["event"] and "Bishkek" in branch["event"]
    for r in (founded, branch):
        assert r["source_type"] == "news report" and r["url"].startswith("https://jamestown.org/")
    row = ledger_row("cis_atc")
    assert (
        "June 2000" in row["note"]
        and "1 June 2001" in row["note"]
        and "sco_timeline.csv" in row["note"]
    )
    text = chapter(CH4)
    assert "Jamestown Foundation (2001)" in text, (
        "the timeline's source line names the rows' source"
    )


def test_s400_month_is_attributed_to_sahara():
    text = chapter(CH6)
    assert "In September 2014 Rosoboronexport signed" not in text
    assert "In September 2014, he writes, Rosoboronexport signed" in text
