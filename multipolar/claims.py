"""The claims ledger's specification: every quantitative or dated factual claim of the paper.

Standard library only (``scripts/build_data.py`` reads it before anything is installed). Each claim
names the paper's section, says what it claims in the course's words, quotes the paper verbatim (the
build checks the quote, that it lies in the named section, and that the source given is the one the
paper gives), and either names a registered check in :mod:`multipolar.ledger` that recomputes it from
``data/`` (the status is then *computed*), or gives a typed status with its reason or named source.
"""

from __future__ import annotations

#: The paper's seven sections, in order: (chapter, title, first words of the section in the paper).
SECTIONS = [
    (1, "Introduction (untitled)", ""),
    (2, "Did the China's rise cause the US decline?", "Did the China’s rise cause the US decline?"),
    (3, "US Dichotomy vs. China's Multilayer Approaches", "US Dichotomy vs. China’s Multilayer Approaches"),
    (4, "The SCO as a testing ground for the 'Belt and Road' initiative",
     "The SCO as a testing ground for the “Belt and Road” initiative"),
    (5, "The networking effect to fend off external intervention",
     "The networking effect to fend off external intervention"),
    (6, "The US role in the Sino-Russian rapprochement", "The US role in the Sino-Russian rapprochement"),
    (7, "Conclusion (untitled)", "As unipolar globalization has already gone"),
]

REPRODUCED, REVISED, CORROBORATED = "reproduced", "revised", "corroborated"
NOT_REPRODUCED, CONTRADICTED, CONTESTED = "not reproduced", "contradicted", "contested"
NOT_CHECKABLE = "not checkable with the course's data"
#: Every status, in display order. reproduced / revised / not reproduced: a recomputation from the
#: course's data (computed). corroborated / contradicted / contested: a comparison with a dated row of
#: the course's event tables, whose named source it carries (computed), or a typed verdict that names
#: its sources (contradicted, contested). not checkable: typed, with the reason.
STATUSES = [REPRODUCED, REVISED, CORROBORATED, NOT_REPRODUCED, CONTRADICTED, CONTESTED, NOT_CHECKABLE]
#: Statuses only a registered check may give (never typed).
COMPUTED_ONLY = (REPRODUCED, REVISED, NOT_REPRODUCED, CORROBORATED)
#: Statuses a check may fall back on when its rule fails, and typed statuses that need a named source.
FALLBACKS = (NOT_REPRODUCED, CONTRADICTED, CONTESTED)
SOURCED = (CONTRADICTED, CONTESTED)
NO_CITATION = "no citation in the paper"
TABLE1 = "Table 1 (source line: World Bank national accounts data (2015))"
TABLE2 = "Table 2 (source line: World Bank national accounts data (2015))"

# Reasons shared by many claims (why the course's data cannot check them).
EVENT = ("A dated event the course's sourced event tables do not hold with an independent source, "
         "so the "
         "course can only report the paper's date.")
STATEMENT = ("A statement or decision by an official or a government that the course's sourced "
             "event tables "
             "do not hold, so its date and wording are not checked.")
FINANCE = ("A financial figure (reserves, lending, contracts, holdings, exchange rates) the course's data "
           "do not hold; the paper's source is not available to us.")
IMF = "IMF quotas and votes are not in the course's data; the paper's footnote text is lost."
COUNT = ("A count by an official or interested body; the course's data hold no independent count, and "
         "the paper's source is not available to us.")
LEVEL_VINTAGE = ("Not reproduced by either World Bank vintage the course holds: the paper evidently used "
                 "an earlier vintage than the nearest stored copy (see chapter 2).")
SHARE_DENOMINATOR = ("Not reproduced: the paper's shares rest on a smaller world total than any World Bank "
                     "vintage the course holds, even where its GDP levels match (see chapter 2).")

_T2_ROWS = [  # (row of Table 2, label, the 2013 cell as printed)
    (1, "the United States", "16,768 (22.4%)"), (2, "Japan", "4,919 (6.6%)"), (3, "Germany", "3,730 (5.0%)"),
    (4, "the BRICS (total)", "16,097 (21.5%)"), (5, "China (with Hong Kong)", "9,514 (12.7%)"),
    (6, "Brazil", "2,245 (3.0%)"), (7, "Russia", "2,096 (2.8%)"), (8, "India", "1,875 (2.5%)"),
    (9, "South Africa", "366 (0.5%)"),
]


def _c(key, chapter, claim, stated, value, unit, date, quote, source, **kw) -> dict:
    return {"key": key, "chapter": chapter, "claim": claim, "stated": stated, "value": value, "unit": unit,
            "date": date, "quote": quote, "source": source, **kw}


def _check(name, rule, on_mismatch, data_source, reason="", note="", **args) -> dict:
    """Keywords for a claim recomputed by the registered check ``name`` of :mod:`multipolar.ledger`."""
    return {"check": name, "args": args, "rule": rule, "on_mismatch": on_mismatch,
            "data_source": data_source, "reason": reason, "note": note}


_EVENT_MODES = {"date": ("event_date", "same_date"), "date+value": ("event_date", "same_date_value"),
                "value": ("event_value", "same_value")}


def _event(event, table="claim_events", on_mismatch=CONTRADICTED, note="", mode="date") -> dict:
    """Keywords for a claim compared with one dated row of the course's event tables
    (``data/<table>.csv``): its date (mode ``date``), its date and its value (``date+value``), or its
    value alone (``value``). The row's named source becomes the claim's; a row whose source is the
    paper itself is refused."""
    check, rule = _EVENT_MODES[mode]
    return {"check": check, "args": {"table": table, "event": event}, "rule": rule,
            "on_mismatch": on_mismatch, "data_source": "", "reason": "", "note": note}


def _typed(status, reason="", named_source="", note="") -> dict:
    return {"status": status, "reason": reason, "named_source": named_source, "note": note}


WDI = "World Bank, World Development Indicators"
WDI_PPP = "World Bank, World Development Indicators (GDP at PPP)"
FB15 = "CIA World Factbook 2015"

CLAIMS: list[dict] = [
    # ------------------------------------------------------------------ 1 introduction
    _c("ppp_largest", 1, "China was about to become the world's largest economy at purchasing power parity",
       "about to", None, "first year China's GDP at PPP exceeds the US's", "2015",
       "China is about to grow into the world largest economy based on purchasing-power-parity (PPP)",
       "footnote [1], text lost",
       **_check("ppp_overtaking_year", "between:2015:2020", CONTRADICTED, WDI_PPP, a="CHN", b="USA",
                note="Read 'about to' as 'within five years of 2015'. The Factbook 2015 (chapter 2) already "
                     "puts China ahead at PPP; the World Bank's later PPPs put the crossing a little later.")),
    _c("ee_share_rising", 1, "The emerging economies' share of world GDP keeps rising against the West's",
       "constantly eroding", None, "rises of the BRICS share between Table 2's years", "2000-2013",
       "the total share in the world GDP of emerging economies (EE) is constantly eroding the dominance of the West",
       "footnote [1], text lost",
       **_check("share_moves", "equal:3", CONTRADICTED, WDI, spec="CHN+HKG+BRA+RUS+IND+ZAF",
                years="2000,2005,2010,2013", direction="rise",
                note="The paper does not define 'emerging economies'; the check uses its Table 2 BRICS total, "
                     "at market exchange rates, between the table's years.")),
    _c("great_recession", 1, "The 'Great Recession' of 2008 marked the shift of wealth away from the US",
       "2008", None, "year", "2008",
       "the “Great Recession of 2008” came as a final sign of the shift of global wealth", "Layne, 2012:1",
       **_typed(NOT_CHECKABLE, "A name for a period, not a number: dating a recession needs quarterly real GDP, "
                               "and the course holds annual GDP in current dollars.")),
    # ------------------------------------------------------------------ 2 China's rise
    _c("reform_1978", 2, "China announced 'Reform and Opening-up' at the end of 1978", "end of 1978", None,
       "date", "1978-12", "Since the announcement of “Reform and Opening-up” at the end of 1978", NO_CITATION,
       **_event("third_plenum_1978")),
    _c("growth_x50", 2, "China's GDP in current US$ grew fiftyfold from 1980 to 2013", "50 times", 50,
       "multiple of GDP (current US$)", "1980/2013", "increased by 50 times from 1980 to 2013", TABLE1,
       **_check("china_growth_multiple", "round_or_truncate:0", NOT_REPRODUCED, WDI,
                reason="No Hong Kong treatment reproduces it (chapter 2).", start=1980, end=2013, hong_kong="never",
                note="Reproduced by China alone; China with Hong Kong, as the Table 1 note says, does not "
                     "reproduce it (chapter 2).")),
    _c("growth_x1_9", 2, "China's GDP grew 1.9 times in 1980-1990", "1.9 times", 1.9, "multiple of GDP (current US$)",
       "1980/1990", "1.9 times in 1980-1990", TABLE1,
       **_check("china_growth_multiple", "round_or_truncate:1", NOT_REPRODUCED, WDI,
                reason="No Hong Kong treatment reproduces it (chapter 2).", start=1980, end=1990,
                hong_kong="from_handover", note="China alone before 1997, with Hong Kong from 1997 (chapter 2).")),
    _c("growth_x3_8", 2, "China's GDP grew 3.8 times in 1990-2000", "3.8", 3.8, "multiple of GDP (current US$)",
       "1990/2000", "3.8 in 1990-2000", TABLE1,
       **_check("china_growth_multiple", "round_or_truncate:1", NOT_REPRODUCED, WDI,
                reason="No Hong Kong treatment reproduces it (chapter 2).", start=1990, end=2000,
                hong_kong="from_handover",
                note="Only a series that adds Hong Kong from 1997 reproduces it: the early and late years "
                     "measure different territories (chapter 2).")),
    _c("growth_x4_5", 2, "China's GDP grew 4.5 times in 2000-2010", "4.5", 4.5, "multiple of GDP (current US$)",
       "2000/2010", "4.5 in 2000-2010", TABLE1,
       **_check("china_growth_multiple", "round_or_truncate:1", NOT_REPRODUCED, WDI,
                reason="No Hong Kong treatment reproduces it (chapter 2).", start=2000, end=2010,
                hong_kong="from_handover", note="The paper's figure is a truncation, not a rounding.")),
    _c("table1_lost", 2, "Table 1 gives China's GDP, GDP per capita and population, 1980-2013, with Hong Kong",
       "(numbers lost)", None, "US$ bn, US$, millions", "1980-2013", "Table 1: China’s GDP and Population 1980-2013",
       TABLE1,
       **_typed(NOT_CHECKABLE, "Every number of Table 1 was lost when the paper's text was extracted, so nothing "
                               "printed is left to check; chapter 2 rebuilds the table from the World Bank data.")),
    _c("us_share_falls", 2, "The US share of world GDP fell constantly (Table 2)", "constant fall", None,
       "falls of the US share between Table 2's years", "2000-2013",
       "The constant fall of the US share in the global economy", TABLE2,
       **_check("share_moves", "equal:3", CONTRADICTED, WDI, spec="USA", years="2000,2005,2010,2013",
                direction="fall", note="Between the table's years. Year by year the share also rose in some years: "
                                       "see chapter 2's share chart.")),
    _c("us_lagging", 2, "The US grew more slowly than the world average", "lagging behind", None,
       "US minus world average annual growth, 2000-2013 (percentage points)", "2000-2013",
       "a reciprocal process of American lagging behind of the world average growth rate", TABLE2,
       **_check("growth_gap", "less_than:0", CONTRADICTED, WDI, spec="USA", start=2000, end=2013,
                note="Growth of GDP in current US$ over Table 2's period: mixes real growth, inflation and the dollar.")),
    _c("china_ahead", 2, "China and the emerging economies grew much faster than the world average",
       "much ahead of it", None, "China minus world average annual growth, 2000-2013 (percentage points)",
       "2000-2013", "much ahead of it that China and the EEs recorded", TABLE2,
       **_check("growth_gap", "more_than:0", CONTRADICTED, WDI, spec="CHN+HKG", start=2000, end=2013,
                note="China with Hong Kong, as in Table 2; current US$.")),
    *[
        _c(f"t2_level_{row}", 2, f"Table 2: GDP of {label} in 2013", cell.split(" (")[0],
           float(cell.split(" (")[0].replace(",", "")), "US$ bn (current)", "2013", cell, TABLE2,
           **_check("table2_level", "round_or_truncate:0", NOT_REPRODUCED, WDI, reason=LEVEL_VINTAGE, row=row, year=2013))
        for row, label, cell in _T2_ROWS
    ],
    *[
        _c(f"t2_share_{row}", 2, f"Table 2: share of {label} in world GDP, 2013", cell.split(" (")[1].rstrip(")"),
           float(cell.split(" (")[1].rstrip("%)")), "% of world GDP (current US$)", "2013", cell, TABLE2,
           **_check("table2_share", "round_or_truncate:1", NOT_REPRODUCED, WDI, reason=SHARE_DENOMINATOR, row=row, year=2013))
        for row, label, cell in _T2_ROWS
    ],
    _c("t2_share_us_2000", 2, "Table 2: share of the United States in world GDP, 2000", "31.3%", 31.3,
       "% of world GDP (current US$)", "2000", "10,284 (31.3%)", TABLE2,
       **_check("table2_share", "round_or_truncate:1", NOT_REPRODUCED, WDI, reason=SHARE_DENOMINATOR, row=1, year=2000)),
    _c("aiib_announced", 2, "Xi Jinping first announced the AIIB in October 2013", "October 2013", None, "date",
       "2013-10", "The plan was first announce in October 2013 by PRC President Xi Jinping", NO_CITATION,
       **_event("aiib_proposed_2013")),
    _c("uk_aiib", 2, "The UK applied to be a founding member of the AIIB on 12 March 2015", "12 March 2015", None,
       "date", "2015-03-12", "on 12 March 2015, Britain applied to be a founding member of AIIB", NO_CITATION,
       **_event("uk_aiib_2015")),
    _c("aiib_europeans", 2, "Five further European countries followed the UK into the AIIB", "five", 5, "countries",
       "2015-03", "followed by five European countries (Germany, France, Italy, Luxembourg and Switzerland)",
       NO_CITATION,
       **_event("aiib_europeans_2015", mode="date+value")),
    _c("us_deficit_1970s", 2, "The US has spent more than it earned since the early 1970s", "early 1970s", None,
       "date", "1970s", "The United States has been enjoying the privilege of lucrative spending more than they "
                        "earned since the early 1970s", NO_CITATION,
       **_typed(NOT_CHECKABLE, "Current-account and budget balances are not in the course's data.")),
    _c("adb_8tn", 2, "The ADB estimated Asia's infrastructure needs at $8 trillion for 2010-2020", "$8 trillion", 8,
       "US$ trillion", "2010-2020", "a total of $8 trillion will be necessary between 2010 and 2020",
       NO_CITATION,
       **_event("seamless_asia_2009", mode="value", note="An estimate of need, not a measurement: "
                                                         "the ADB and its Institute (2009), for "
                                                         "national infrastructure, in 2008 prices.")),
    _c("adb_10bn", 2, "ADB lending amounts to only 10 billion a year", "10 billion per year", 10,
       "billion a year (currency not stated)", "", "the loans provided by the ADB amount to only 10 billion per year",
       NO_CITATION, **_typed(NOT_CHECKABLE, FINANCE, note="The paper does not name the currency or the year.")),
    _c("widodo_2015", 2, "Indonesia's President called for a new economic order at the Asian-African summit, "
                         "April 2015", "April 2015", None, "date", "2015-04",
       "open to new emerging economic powers”[8] at the Asian-African summit in April 2015", "footnote [8], text lost",
       **_event("bandung_2015")),
    _c("china_reserves", 2, "China held nearly $4 trillion of foreign exchange reserves", "nearly $4 trillion", 4,
       "US$ trillion", "2015", "nearly $4 trillion in foreign exchange reserves", NO_CITATION,
       **_typed(NOT_CHECKABLE, FINANCE)),
    _c("ndb_cra_2014", 2, "BRICS leaders agreed on 15 July 2014 to set up the NDB and the CRA", "15 July 2014", None,
       "date", "2014-07-15", "On 15 July 2014, the BRICS leaders agreed to establish the New Development Bank (NDB)",
       NO_CITATION, **_event("fortaleza_2014")),
    _c("imf_reform_2008", 2, "The IMF began discussing the quota reform in 2008", "2008", None, "date", "2008",
       "the IMF started the discussion of the quota reform to double total financial commitments from all member "
       "states in 2008", NO_CITATION, **_typed(NOT_CHECKABLE, IMF)),
    _c("brics_fifth", 2, "The BRICS made up over one-fifth of the world economy at the time of the IMF reform",
       "over one-fifth", 20, "% of world GDP", "2010", "as the BRICS, comprising over one-fifth of the global economy",
       "footnote [11], text lost",
       **_check("table2_share", "more_than:20", CONTESTED, WDI, row=4, year=2010,
                note="Checked at market exchange rates, the measure of the paper's own Table 2, "
                     "which prints "
                     "18.4% for the BRICS in 2010: under one-fifth. At purchasing power parity the "
                     "World Bank's "
                     "data put the BRICS above one-fifth (chapter 2), so the claim holds only on a "
                     "measure the "
                     "paper does not use.")),
    _c("brics_votes", 2, "The BRICS held about 11 percent of the IMF votes", "about 11 percent", 11, "% of IMF votes",
       "2010", "wielded about 11 percent of the votes at the time", "footnote [11], text lost",
       **_typed(NOT_CHECKABLE, IMF)),
    _c("china_quota", 2, "The 2010 deal gave China a voting share of about 6%", "6 %", 6,
       "% of IMF votes (the paper's context)", "2010",
       "forced to strike a deal at 6 %", "footnote [11], text lost",
       **_event("imf_votes_china_2010", mode="date+value", note="China's quota share under the "
                                                                "reform is larger than its voting "
                                                                "share; chapter 2 describes both.")),
    _c("us_quota", 2, "The US share was 16.5 in 2010", "16.5", 16.5, "% (quota or votes: not stated)", "2010",
       "the US share of 16.5, in 2010", "footnote [11], text lost",
       **_event("imf_votes_us_2010", mode="date+value", note="A voting share: 16.5% keeps the US "
                                                             "veto, since major decisions need 85% "
                                                             "of the votes.")),
    # ------------------------------------------------------------------ 3 dichotomy vs multilayer
    _c("nss_2015", 3, "The US National Security Strategy quoted is that of 2015", "2015", None, "year", "2015",
       "his National Security Strategy (2015)", "footnote [12], text lost", **_event("nss_2015")),
    _c("instability_500m", 3, "Over 500 million people lived in countries of instability and conflict in 2013",
       "over 500 million", 500, "million people", "2013",
       "In 2013, over 500 million people are living in the countries of instability and conflict",
       "Institute of Economics and Peace, 2014: 2",
       **_typed(NOT_CHECKABLE, "Counts of people in fragile or conflict states are not in the course's data; "
                               "they depend on the publisher's list of such states.")),
    _c("poverty_2bn", 3, "2.2 billion people lived on less than US$2 a day in 2011", "2.2 billion", 2.2,
       "billion people", "2011", "2.2 billion people were living on less than US $2 a day in 2011",
       "footnote [13], text lost",
       **_typed(NOT_CHECKABLE, "Poverty headcounts are not in the course's data; they depend on the poverty line "
                               "and on the PPP round used to convert it.")),
    _c("libya_2011", 3, "In 2011 the US helped Libyan rebels overthrow the regime", "2011", None, "year", "2011",
       "In 2011, the US helped Libyan rebels destroy the regime", NO_CITATION,
       **_event("libya_1973_2011", note="The date is not in doubt; the characterisation is the "
                                        "author's.")),
    _c("egypt_2013", 3, "In 2013 Washington denounced the Mursi government and helped General Sisi", "2013", None,
       "year", "2013", "In 2013, Washington denounced the democratically elected Mursi government as human rights "
                       "abuser", NO_CITATION,
       **_typed(NOT_CHECKABLE, EVENT, note="A contested reading of US policy; the paper cites no source.")),
    _c("xi_visits_2013", 3, "Xi Jinping disclosed the Belt and Road plan on visits to Central and Southeast Asia "
                            "in 2013", "2013", None, "year", "2013",
       "during his visits to Central Asia and Southeast Asia in 2013", NO_CITATION,
       **_event("aiib_proposed_2013", note="The event table dates the Southeast Asian visit "
                                           "(October 2013); the "
                                           "year is what the paper states.")),
    _c("vision_2015", 3, "China issued the 'Vision and Actions' document on 28 March 2015", "28 March 2015", None,
       "date", "2015-03-28", "Its general outline was unveiled on 28 March 2015", "footnote [16], text lost",
       **_event("vision_actions_2015")),
    _c("ttp_slip", 3, "The US-led Trans-Pacific Partnership is abbreviated 'TTP'", "TTP", None, "abbreviation", "",
       "Trans-Pacific Partnership (TTP)", NO_CITATION,
       **_typed(CONTRADICTED, named_source="The paper's own words: the Trans-Pacific Partnership's initials are TPP",
                note="A slip of the pen; the paper repeats it ('by means of TTP and TTIP').")),
    # ------------------------------------------------------------------ 4 SCO as testing ground
    _c("five_states", 4, "Five Eurasian states agreed in June 2001 to cooperate against terrorism", "Five", 5,
       "states", "2001-06", "Five Eurasian states (China, Russia, Uzbekistan, Kazakhstan, Kyrgyzstan, and Tajikistan)",
       NO_CITATION,
       **_check("sco_member_count", "equal", CONTRADICTED, FB15 + " (SCO members), and the paper's own list of six",
                note="The paper lists six names after 'Five'.")),
    _c("sco_2001", 4, "The founding states agreed in June 2001 to cooperate against terrorism", "June 2001", None,
       "date", "2001-06", "agreed on a cooperation to fight against terrorism in June 2001", NO_CITATION,
       **_event("sco_founded_2001")),
    _c("charter_2002", 4, "The SCO charter was adopted in St. Petersburg in June 2002", "June 2002", None, "date",
       "2002-06", "The SCO was further consolidated as a collective body by the adaptation of the St. Petersburg "
                  "charter in June 2002", "Chung, 2006: 3", **_event("sco_charter_2002")),
    _c("partnership_1996", 4, "Russia and China agreed a 'strategic partnership' in 1996", "1996", None, "year",
       "1996", "an agreement on a “strategic partnership” between Russia and China (1996)", "Iwashita, 2004: 275",
       **_event("partnership_1996")),
    _c("shanghai_five", 4, "The 'Shanghai Five' was set up on 26 April 1996", "26 April 1996", None, "date",
       "1996-04-26", "On 26 April 1996, Russia, China, Kazakhstan, Kyrgyzstan, and Tajikistan agreed", NO_CITATION,
       **_event("shanghai_five_1996")),
    _c("uzbek_2001", 4, "With Uzbekistan's admission in June 2001 the Shanghai Five became the SCO", "June 2001", None,
       "date", "2001-06", "In June 2001, with the admission of Uzbekistan, the “Shanghai Five” transformed itself "
                          "into the SCO", NO_CITATION, **_event("sco_founded_2001")),
    _c("cis_atc", 4, "Before the SCO, the CIS had an Anti-Terrorist Center in Bishkek that was little used against "
                     "threats from Afghanistan 'since 1996'", "in Bishkek", None, "place and period", "",
       "The CIS had its own Anti-Terrorist Center in Bishkek", NO_CITATION,
       **_typed(NOT_CHECKABLE, "The paper gives no date for the centre, so its words can be read two ways; the "
                               "course's record dates the centre but cannot test how much it was used.",
                note="The CIS Anti-Terrorism Centre was founded at the CIS summit of June 2000, based in Moscow; a "
                     "branch in Bishkek was decided at the CIS summit in Minsk on 1 June 2001 (Jamestown "
                     "Foundation, Monitor, vol. 7, issues 82 and 108, 2001; rows of sco_timeline.csv). It did "
                     "not exist during most of the years 'since 1996' the paper mentions.")),
    _c("treaty_2000", 4, "Four Central Asian states signed a treaty on joint action against terrorism on 21 April 2000",
       "April 21, 2000", None, "date", "2000-04-21",
       "signed on April 21, 2000 among Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan", "Tolipov, 2006",
       **_event("tashkent_treaty_2000")),
    _c("ossetia_2008", 4, "In the South Ossetia crisis of 2008 the SCO did not even issue a statement of support "
                          "for Russia", "did not even issue a statement of support", None, "statement", "2008",
       "In the former case, the SCO did not even issue a statement of support for Russia", "Aris 2011, 471",
       **_typed(CONTRADICTED, named_source=(
           "The SCO's Dushanbe Declaration of 28 August 2008, as reported by RFE/RL ('SCO Fails To Back Russia "
           "Over Georgia', 28 August 2008, https://www.rferl.org/a/SCO_Fails_To_Back_Russia_Over_Georgia/"
           "1194578.html) and Reuters ('Russia's Asia allies fail to back Georgia action', 28 August 2008): the "
           "SCO welcomed the six principles for settling the conflict agreed in Moscow on 12 August and "
           "supported Russia's 'active role' in the region"),
           note="What the SCO withheld was recognition of South Ossetia and Abkhazia, which Russia had recognised "
                "earlier that week (RFE/RL, same report). The paper cites Aris (2011) for its claim.")),
    _c("osh_2010", 4, "In the Osh riots of 2010 the SCO did not respond to the Kyrgyz president's request for "
                      "assistance", "did not respond", None, "request", "2010",
       "In the latter case, the SCO did not respond to the request for assistance from the Kyrgyz president",
       "Aris 2011, 471",
       **_typed(NOT_CHECKABLE, "The course holds no record of the SCO's dealings in June 2010; the record it "
                               "cites shows a request made to Russia, not to the SCO, so it can neither confirm "
                               "nor refute the claim.",
                note="On 12 June 2010 the interim president, Roza Otunbayeva, asked Russia to send troops; the "
                     "Kremlin called the violence 'an internal conflict' and sent none (Eurasianet, 'Russia Turns "
                     "Down Kyrgyzstan's Plea for Military Support', 12 June 2010), and the CSTO said it had no "
                     "plans to send peacekeepers (Xinhua, via Asbarez, report from Moscow, June "
                     "2010). The claim about the SCO stays the paper's (citing Aris 2011).")),
    _c("attacks_prevented", 4, "SCO law enforcement prevented several hundred terrorist attacks",
       "several hundreds", None, "terrorist attacks", "2011",
       "the law enforcement structures of the SCO have prevented several hundreds of terrorist attacks",
       "Barski, 2011", **_typed(NOT_CHECKABLE, COUNT, note="The paper itself calls these 'official sources'.")),
    _c("rats_staff", 4, "RATS is staffed by several dozen intelligence officers", "several dozens", None, "officers",
       "2008", "composed of several dozens of intelligent officers", "Matveeva & Giustozzi, 2008: 13-4",
       **_typed(NOT_CHECKABLE, COUNT)),
    _c("war_on_terror_cost", 4, "The US 'war on terror' cost several trillion dollars and hundreds of thousands of "
                                "troops", "several trillion dollars", None, "US$ trillion", "2015",
       "have so far expended several trillion dollars and deployed hundreds of thousands of soldiers", NO_CITATION,
       **_typed(NOT_CHECKABLE, "War-cost estimates are not in the course's data, and published estimates differ "
                               "with what they count.")),
    _c("table3_lost", 4, "Table 3 gives area, population and GDP of the SCO members and observers in 2014",
       "(numbers lost)", None, "1,000 km2, millions, US$ bn", "2014",
       "Table 3: Basic data of SCO member states and observers (2014)",
       "Table 3 (source line: CIA, The World Factbook (2015))",
       **_typed(NOT_CHECKABLE, "Every number of Table 3 was lost in extraction, so nothing printed is left to "
                               "check; chapter 4 rebuilds the table from the Factbook 2015.")),
    _c("poverty_zone", 4, "The SCO zone is one of the poorest parts of the globe", "one of the most poverty-stricken",
       None, "rank", "2015", "is one of the most poverty-stricken parts of the globe", NO_CITATION,
       **_typed(NOT_CHECKABLE, "A ranking of world regions: the course's data can compare the SCO states with the "
                               "world average (chapter 4) but hold no agreed list of regions to rank.")),
    # ------------------------------------------------------------------ 5 networking effect
    _c("uzbek_custody_2002", 5, "Uzbekistan detained hundreds of alleged terrorists in 2002", "hundreds", None,
       "people", "2002", "Uzbekistan security services placed hundreds of alleged terrorists in custody in 2002",
       NO_CITATION, **_typed(NOT_CHECKABLE, COUNT)),
    _c("uzbek_us_2002", 5, "Uzbekistan was ready to sign a strategic partnership declaration with the US in "
                           "March 2002", "March 2002", None, "date", "2002-03",
       "Tashkent was ready to sign a Declaration “On Strategic Partnership” with the US in March 2002", NO_CITATION,
       **_event("us_uzbek_declaration_2002", note="The paper says Tashkent was ready to sign in "
                                                  "March 2002; the declaration was signed on 12 "
                                                  "March 2002.")),
    _c("tulip_2005", 5, "An uprising overthrew Askar Akayev in Kyrgyzstan in March 2005", "March 2005", None, "date",
       "2005-03", "The change of tide came in March 2005, when an uprising overthrew the regime of Askar Akayev in "
                  "Kyrgyzstan", NO_CITATION,
       **_event("tulip_2005", note="The CIA World Factbook 2015 (Kyrgyzstan, 'Background') dates "
                                   "the ouster "
                                           "of Akayev (its spelling: Akaev) only to 'the spring of 2005': consistent "
                                           "with the paper, but too coarse to check its month (chapter 5).")),
    _c("andijan_jail", 5, "On 13 May 2005 attackers freed 23 terrorism suspects from the Andijan jail", "23", 23,
       "people", "2005-05-13", "setting free a total of 23 suspects of terrorism", "Rashid, 2009: 344",
       **_typed(CONTESTED, named_source=(
           "The Washington Post, 14 May 2005: the attackers freed at least 2,000 prisoners, among "
           "them the 23 businessmen on trial (data/claim_events.csv, andijan_prison_2005); Human "
           "Rights Watch, 'Bullets Were Falling Like Rain', June 2005: a section on "
           "the trial of 23 businessmen precedes its account of the prison break"),
           note="The paper's 'a total of 23 suspects of terrorism' counts only the businessmen on "
                "trial; who the attackers were is also contested (chapter 5).")),
    _c("andijan_deaths", 5, "187 people were killed at Andijan, by the official count", "187", 187, "people killed",
       "2005-05-13", "a total of 187 people were killed according to the official announcement",
       "Matveeva & Giustozzi, 2008: 2",
       **_typed(NOT_CHECKABLE, "An official toll; the course's data hold no count of deaths.",
                note="Human Rights Watch (June 2005) found that government forces killed hundreds of unarmed "
                     "people: the official and independent accounts differ (chapter 5).")),
    _c("aid_8m", 5, "The US withheld $8 million of aid to Uzbekistan after Andijan", "$8 million", 8, "US$ million",
       "2005", "Washington withheld $8 million of aid to Uzbekistan", "footnote [20], text lost",
       **_typed(NOT_CHECKABLE, FINANCE)),
    _c("aid_22m", 5, "The US threatened to withhold a further $22 million unless a full inquiry was allowed",
       "$22 million", 22, "US$ million", "2005", "it would withhold $22 million of aid", "footnote [20], text lost",
       **_typed(NOT_CHECKABLE, FINANCE)),
    _c("astana_2005", 5, "The SCO heads of state made their Astana declaration on 5 July 2005", "5 July", None,
       "date", "2005-07-05", "The climax came on 5 July when the heads of the SCO states made a joint declaration",
       "footnote [21], text lost",
       **_event(9, table="network_events", note="The year (2005) comes from the context.")),
    _c("k2_notice", 5, "On 29 July Uzbekistan gave the US six months to leave the K2 base", "within 6 months", 6,
       "months", "2005-07-29", "demanding the removal of the US airbase at Kharshi-Khanabad (K2) within 6 months "
                               "on 29 July", NO_CITATION,
       **_event("k2_notice_2005",
                note="The same day the UN flew more than 400 Andijan refugees from Kyrgyzstan to Romania "
                     "(Associated Press, 30 July 2005); a State Department official linked the notice to the "
                     "airlift (Weisman and Shanker, New York Times News Service, Chicago Tribune, 31 July 2005), "
                     "an interpretation, not a record of Tashkent's motive.")),
    _c("k2_left", 5, "The US left K2 on 21 November 2005, after occupying it since 2001", "21 November 2005", None,
       "date", "2005-11-21", "On 21 November 2005 the US evacuated the base, which it had occupied since 2001",
       NO_CITATION, **_event("k2_left_2005")),
    _c("house_2005", 5, "The US House of Representatives adopted a resolution on the SCO declaration on 19 July 2005",
       "19 July 2005", None, "date", "2005-07-19", "On 19 July 2005, the House of Representatives adopted a "
                                                   "resolution expressing concern over the SCO declaration",
       NO_CITATION, **_typed(NOT_CHECKABLE, STATEMENT)),
    _c("rice_2005", 5, "Condoleezza Rice visited Kazakhstan, Kyrgyzstan and Tajikistan in October 2005",
       "October 2005", None, "date", "2005-10", "Secretary of State Condoleezza Rice made an official visit to "
                                                "Kazakhstan, Kyrgyzstan and Tajikistan in October 2005",
       "Lukin, 2007: 149-51", **_event("rice_visit_2005")),
    _c("world_order_decl", 5, "Putin and Hu signed the Declaration on the World Order in the 21st Century in "
                              "February 2007", "February 2007", None, "date", "2007-02",
       "In February 2007, Russian President Vladimir Putin and Chinese President Hu Jintao signed the Declaration "
       "on the World Order in the 21st Century", "Niazi, 2007",
       **_typed(CONTRADICTED, named_source=(
           "Ministry of Foreign Affairs of the People's Republic of China, news release of 1 July 2005, and "
           "People's Daily Online, 'China, Russia issue joint statement on new world order', 1 July 2005: the "
           "joint statement on the international order of the 21st century was signed in Moscow on 1 July 2005"),
           note="The declaration the paper quotes dates from 1 July 2005, before the Astana summit, not from 2007.")),
    _c("bishkek_2007", 5, "At the 2007 Bishkek summit Bakiev called for fewer US forces", "2007", None, "year", "2007",
       "In 2007, at the Bishkek summit of SCO, Bakiev called for the further reduction of US military presence",
       "Niazi, 2007", **_typed(CONTESTED, named_source=(
           "US Embassy Bishkek, cable 07BISHKEK1048, 17 August 2007 (published by WikiLeaks): the "
           "summit of 16 "
           "August 2007 'did not openly discuss the Manas Coalition Airbase'; The Washington "
           "Times, 18 August "
           "2007: Kyrgyzstan's ambassador said the summit did not raise the question of the Manas "
           "base"),
           note="The summit's date is not in doubt (data/claim_events.csv, bishkek_summit_2007); "
                "what Bakiev said "
                "there is. The paper's source, Niazi (2007), may report remarks outside the formal "
                "session.")),
    _c("manas_rent", 5, "In 2009 the US raised the Manas rent from $17 million to $60 million a year",
       "$17 million to $60 million", 60, "US$ million a year", "2009",
       "the US upped the annual rent from $17 million to $60 million", NO_CITATION,
       **_typed(NOT_CHECKABLE, FINANCE,
                note="Bakiev announced the closure in Moscow on 3 February 2009, after Russia promised debt relief "
                     "and aid (Los Angeles Times, 4 February 2009); any causal link is an interpretation.")),
    _c("atambayev_2011", 5, "In November 2011 Atambayev announced the base would close when its lease ran out "
                            "in 2014", "November 2011", None, "date", "2011-11",
       "In November 2011, however, newly elected President Almazbek Atambayev announced that he would close the base",
       NO_CITATION, **_typed(NOT_CHECKABLE, STATEMENT)),
    _c("manas_closed", 5, "The Manas air base closed in June 2014", "June 2014", None, "date", "2014-06",
       "The Manas air base was formally closed in June 2014", "Kucera, 2014", **_typed(NOT_CHECKABLE, EVENT)),
    # ------------------------------------------------------------------ 6 Sino-Russian rapprochement
    _c("sanctions_2014", 6, "The West began sanctions against Russia in March 2014", "March 2014", None, "date",
       "2014-03", "In March 2014, the West launched a series of economic sanctions against Russia", NO_CITATION,
       **_typed(NOT_CHECKABLE, EVENT,
                note="The March 2014 measures were visa bans and asset freezes on individuals; the sectoral "
                     "sanctions on energy and finance came in July and September 2014 (Council of the European "
                     "Union, page on the EU's restrictive measures against Russia over Ukraine, https://www.consilium.europa.eu/"
                     "en/policies/sanctions/restrictive-measures-against-russia-over-ukraine/).")),
    _c("gas_400bn", 6, "Gazprom signed a US$400 billion, 30-year gas contract with China on 21 May 2014",
       "US$ 400 billion", 400, "US$ billion", "2014-05-21",
       "a US$ 400 billion contract envisaging a 30-year gas supply with China on 21 May 2014", NO_CITATION,
       **_event("gas_contract_2014", note="The date and the 30 years are corroborated; the US$400 "
                                          "billion is a "
                                          "press estimate, since the price was never disclosed. "
                                          "Chapter 6 works "
                                          "out the price it implies.")),
    _c("gas_negotiation", 6, "The gas contract followed ten years of negotiations", "ten years", 10, "years",
       "2014-05-21", "after ten years of negotiations", NO_CITATION, **_typed(CONTESTED, named_source=(
           "Centre for Eastern Studies (OSW), 16 June 2014: initial talks began back in the 1990s; "
           "Modern Power Systems, May 2014: the deal was '10 years in the making'"),
           note="Ten years fits the talks between Gazprom and CNPC since the mid-2000s, not the "
                "Sino-Russian gas talks as a whole.")),
    _c("power_of_siberia", 6, "The Power of Siberia pipeline has an annual capacity of 38 bcm", "38 bcm", 38,
       "bcm a year", "2014", "the Power of Siberia gas pipeline with an annual capacity of 38 bcm", NO_CITATION,
       **_typed(NOT_CHECKABLE, "Gas volumes and pipeline capacities are not in the course's data.",
                note="38 bcm a year is the contract's plateau volume for export to China (UPI, 18 February 2019); "
                     "Gazprom gives the whole pipeline a design capacity of 61 bcm a year, including the 38 for "
                     "export (TASS, 2 December 2019). See rapprochement_figures.csv, rows 'pos_'.")),
    _c("altai", 6, "In October 2014 Gazprom disclosed talks on the Altai pipeline of 30 bcm a year", "30 bcm", 30,
       "bcm a year", "2014-10", "In October 2014, Gazprom disclosed its negotiations with China on another pipeline "
                                "project – the Altai - of annual capacity 30 bcm", NO_CITATION,
       **_event("western_route_2014", mode="date+value")),
    _c("rouble_2015", 6, "The rouble stopped falling in mid-January 2015 and recovered almost half its loss by May",
       "almost half", None, "share of the loss", "2015-05",
       "The ruble slump stopped by the middle of January 2015, and the currency rallied again, recovering almost "
       "half of its loss vis-à-vis USD by early May", NO_CITATION,
       **_typed(NOT_CHECKABLE, "Exchange rates are not in the course's data.")),
    _c("contracts_32", 6, "China and Russia signed 32 contracts in May 2015", "32", 32, "contracts", "2015-05",
       "In May 2015, China and Russia signed 32 contracts", "footnote [27], text lost",
       **_event("moscow_deals_2015", mode="date+value")),
    _c("capital_share", 6, "Chinese capital's share in Russia was expected to rise from 18% to 25% in 2015 and 40% "
                           "later", "from 18% to 25%", 25, "%", "2015",
       "increase the share of Chinese capital in Russia from 18% to 25% in 2015, and up to 40% in the future",
       "footnote [27], text lost",
       **_typed(NOT_CHECKABLE, FINANCE, note="A share of what, the paper does not say; an expectation, not an outcome.")),
    _c("eaec_slip", 6, "The Moscow-led Eurasian Economic Union is abbreviated 'EAEC'", "EAEC", None, "abbreviation",
       "", "Eurasian Economic Union (EAEC)", "footnote [28], text lost",
       **_typed(CONTRADICTED, named_source="The paper's own words: the Eurasian Economic Union's initials are EAEU "
                                           "(EAEC is usually the earlier Eurasian Economic Community)",
                note="A slip; the paper uses 'EAEC' twice for the union.")),
    _c("ufa_strategy", 6, "A 10-year SCO strategy drafted by Russia was to be adopted at Ufa", "10-year", 10, "years",
       "2015", "a 10-year strategy drafted by the Russian side is to be adopted during the SCO summit in Ufa",
       "footnote [29], text lost",
       **_event("ufa_strategy_2015", mode="date+value", note="That the Russian side drafted it is "
                                                             "the paper's statement, not checked.")),
    _c("ust_jan_2014", 6, "Russia held 131.8 billion of US Treasuries in January 2014", "131.8 billion", 131.8,
       "billion (US$ implied)", "2014-01", "The Russia reduced its US treasury holdings from 131.8 billion in "
                                           "January 2014", "footnote [30], text lost",
       **_typed(NOT_CHECKABLE, FINANCE, note="The US Treasury's monthly holdings tables would be the place to check.")),
    _c("ust_mar_2015", 6, "Russia held 82.2 billion of US Treasuries in March 2015", "82.2 billion", 82.2,
       "billion (US$ implied)", "2015-03", "to 82.2 billion in March 2015", "footnote [30], text lost",
       **_typed(NOT_CHECKABLE, FINANCE, note="The US Treasury's monthly holdings tables would be the place to check.")),
    _c("s400", 6, "Rosoboronexport signed the S-400 contract with China in September (2014)", "In September", None,
       "date", "2014-09", "In September, Rosoboronexport signed a contract with China for the Almaz S-400 Triumph "
                          "air defense missile system", "footnote [32], text lost",
       **_event("s400_contract_2014", note="Corroborated at the year only: the course could not "
                                           "confirm the month.")),
    _c("navy_2015", 6, "In May 2015 China's navy entered the Black Sea and Mediterranean for military exercise for "
                       "the first time",
       "May 2015", None, "date", "2015-05", "In May 2015, for the first time in history, Chinese navy entered into "
                                           "the Black Sea and Mediterranean for military exercise",
       "footnote [35], text lost",
       **_typed(NOT_CHECKABLE, EVENT,
                note="The words 'for military exercise' matter: Chinese warships had been in the Mediterranean "
                     "before, escorting the evacuation from Libya in 2011 (PLA Daily via China's Ministry of "
                     "National Defense, 28 February 2011) and Syria's chemical weapons in 2014 (China Military "
                     "Online, 29 January 2014). The exercise itself, Joint Sea 2015, opened at Novorossiysk on the "
                     "Black Sea on 11 May 2015 and was held in the Mediterranean until 21 May (Xinhua, via "
                     "China.org.cn, 11 May 2015, http://www.china.org.cn/world/2015-05/11/content_35546344.htm).")),
    _c("minsk", 6, "The first Minsk ceasefire was agreed on 5 September (2014)", "5 September", None, "date",
       "2014-09-05", "the first Minsk ceasefire was agreed by the initiative of Russia on 5 September", NO_CITATION,
       **_event("minsk_2014", note="That the ceasefire came 'by the initiative of Russia' is the "
                                   "paper's reading.")),
    _c("putin_oct_2014", 6, "The paper dates to 25 October (2014) Putin's Valdai Club warning of "
                            "acute conflicts "
                            "between major powers",
       "25 October", None, "date", "2014-10-25", "On 25 October, Putin remarked", "footnote [38], text lost",
       **_event("valdai_2014", note="Putin spoke at the Valdai Club on 24 October 2014, a day "
                                    "earlier than the "
                                    "paper says.")),
    _c("putin_feb_2015", 6, "Putin spoke of US attempts to keep a unipolar world on 7 February 2015",
       "7 February 2015", None, "date", "2015-02-07",
       "On 7 February 2015, Putin mentioned on the US attempts to maintain a unipolar world",
       "footnote [39], text lost", **_event("putin_trade_unions_2015")),
    _c("unity_day", 6, "Putin's Unity Day speech was on 4 November 2014", "4 November 2014", None, "date",
       "2014-11-04", "In his speech at the ceremony of Unity Day on 4 November 2014", "footnote [40], text lost",
       **_typed(NOT_CHECKABLE, STATEMENT)),
    _c("federal_assembly", 6, "Putin addressed the Federal Assembly on 4 December 2014", "4 December 2014", None,
       "date", "2014-12-04", "On 4 December 2014, Putin mentioned, as a part of his speech to the Federal Assembly",
       "footnote [41], text lost", **_event("federal_assembly_2014")),
    _c("nationalities_decree", 6, "Putin signed the decree on the Federal Agency for the Affairs of Nationalities "
                                  "on 31 March 2015", "31 March 2015", None, "date", "2015-03-31",
       "Putin signed a decree “On the Federal Agency for the Affairs of Nationalities” on 31 March 2015",
       NO_CITATION, **_event("nationalities_agency_2015")),
    _c("media_cap", 6, "A law of October 2014 capped foreign capital in Russian media at 20%", "20%", 20, "%",
       "2014-10", "restricted the share of foreign capital in Russian mass media up to 20% on October 2014",
       NO_CITATION, **_event("media_law_2014", mode="date+value")),
    _c("foreign_agents", 6, "The government said it stopped 350 foreign agents and scouts in 2014", "350", 350,
       "people (as announced)", "2014", "cracked down the activities of 350 foreign agents and scouts in 2014",
       "footnote [45], text lost",
       **_event("fsb_board_2015", mode="value", on_mismatch=CONTESTED,
                note="Putin's count for 2014 is 52 career officers and 290 agents, 342 in all, not 350; both "
                     "are the Russian government's own figures, with no independent count.")),
    _c("ngo_law_2015", 6, "The paper dates to May 2015 the law that let the Ministry of Justice "
                          "label NGOs "
                          "'foreign agents'", "May 2015", None, "date", "2015-05",
       "granted the Ministry of Justice the authority to impose the foreign agent label on NGOs in May 2015",
       "footnote [46], text lost",
       **_event("foreign_agents_2014", on_mismatch=CONTESTED,
                note="Two laws are run together. The Justice Ministry could list 'foreign agents' "
                     "without their "
                     "consent from June 2014 (this row's source); the law of May 2015 is a "
                     "different one, on "
                     "'undesirable' foreign organisations, which prosecutors designate "
                     "(data/claim_events.csv, "
                     "undesirable_law_2015).")),
    _c("five_blacklisted", 6, "Five organisations were the first to be blacklisted", "Five", 5, "organisations",
       "2015", "Five organizations: Carnegie Foundation, Transparency International, Human Rights Watch and "
               "Amnesty International, and “Memorial” are the firsts", "footnote [47], text lost",
       **_event("ned_undesirable_2015", on_mismatch=CONTESTED, mode="value",
                note="The paper's five match neither register: the first organisation named "
                     "'undesirable' under "
                     "the May 2015 law was the US National Endowment for Democracy, alone, in July "
                     "2015 (this "
                     "row's source), and the five are not the first 'foreign agents' either. The "
                     "paper's list "
                     "does name five.")),
    _c("hong_kong_2014", 6, "Students began occupying central Hong Kong in late September 2014", "late September",
       None, "date", "2014-09", "In late September, a number of students started occupation of central areas in "
                                "Hong Kong", NO_CITATION,
       **_event("occupy_central_2014", note="Students had begun a sit-in at government "
                                            "headquarters on 26 September (Vice News, 28 September "
                                            "2014); Occupy Central was declared on the 28th.")),
    _c("politburo_2015", 6, "In January 2015 the Politburo warned of 'unprecedented security risks'",
       "January 2015", None, "date", "2015-01", "In January 2015, for instance, the Political Bureau of the CC CPC "
                                                "issued an unusual communiqué", "footnote [52], text lost",
       **_event("politburo_security_2015")),
    _c("victory_day", 6, "Xi and Putin spoke at the 70th anniversary of victory in Moscow on 8 May (2015)", "8 May",
       None, "date", "2015-05-08", "at the 70th anniversary of victory of WWII on 8 May in Moscow",
       "footnote [55], text lost",
       **_event("xi_moscow_2015",
                note="The talks and joint declarations were on 8 May; the Victory Day parade on Red Square that "
                     "Xi attended was held on 9 May 2015 (Xinhua, 'Xi attends Russia's V-Day parade, marking "
                     "shared victory with Putin', People's Daily Online, 10 May 2015, "
                     "http://en.people.cn/n/2015/0510/c90883-8889913.html).")),
    # ------------------------------------------------------------------ 7 conclusion
    _c("ee_rapid_growth", 7, "The emerging economies grew rapidly", "rapid growth", None,
       "BRICS minus world average annual growth, 2000-2013 (percentage points)", "2000-2013",
       "the rapid growth of the EEs was largely the product of neoliberal globalization", NO_CITATION,
       **_check("growth_gap", "more_than:0", CONTRADICTED, WDI, spec="CHN+HKG+BRA+RUS+IND+ZAF", start=2000, end=2013,
                note="Only the growth is checked; that it was 'the product of neoliberal globalization' is a "
                     "causal claim the data cannot test.")),
    _c("multipolar_future", 7, "Multipolarity will be the reality of the near future", "near future", None,
       "prediction", "2015", "the multipolarity is reality in our near future", NO_CITATION,
       **_typed(NOT_CHECKABLE, "A prediction, not a fact at the time of writing; the epilogue weighs the "
                               "decade since.")),
    _c("nansha", 7, "The US recently showed force over the Nansha (Spratly) Islands dispute", "recent", None, "date",
       "2015", "the recent US intimidation with show of force over the Nansha Islands dispute", NO_CITATION,
       **_event("p8_flight_2015", note="Read as the US Navy surveillance flight of May 2015; "
                                       "calling it 'intimidation' is the paper's reading.")),
]
