#!/usr/bin/env python3
"""Rebuild every file in data/ from the raw sources in ../shared/sources/.

    python scripts/build_data.py                 # writes data/
    python scripts/build_data.py --out /tmp/x    # writes elsewhere (the tests compare)
    python scripts/build_data.py --sources PATH  # raw sources somewhere else

The output is deterministic: the same sources give the same bytes on every run.
It reads only the raw files named in multipolar/catalog.py and never edits them.
Standard library only, so it runs before anything else is installed.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from multipolar import catalog  # noqa: E402
from scripts.build_maps import build_map_tables  # noqa: E402

DEFAULT_SOURCES = ROOT.parent / "shared" / "sources"
PAPER_FILE = "000_0e512c34e4ebd900.txt"


class SourceError(RuntimeError):
    """A raw source is missing or not in the shape this script expects."""


# ---------------------------------------------------------------- helpers
def fmt(value) -> str:
    """Format one cell deterministically: '' for missing, ints plain, floats shortest-repr."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([fmt(row.get(f)) for f in fields])
    path.write_text(buf.getvalue(), encoding="utf-8")


def need(path: Path) -> Path:
    if not path.is_file():
        raise SourceError(f"raw source not found: {path}")
    return path


def read_datahub(path: Path) -> list[dict]:
    """datahub.io long CSV: Country Name, Country Code, Year, Value."""
    with open(need(path), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or set(rows[0]) != {"Country Name", "Country Code", "Year", "Value"}:
        raise SourceError(f"{path}: expected columns Country Name, Country Code, Year, Value")
    return rows


def read_wdi_api(path: Path) -> tuple[str, list[dict]]:
    """World Bank API bulk CSV: BOM, 4 preamble lines, wide years, trailing comma."""
    text = need(path).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    m = re.search(r'"Last Updated Date","([0-9-]+)"', lines[2] if len(lines) > 2 else "")
    if not m:
        raise SourceError(f"{path}: no 'Last Updated Date' on line 3")
    reader = csv.DictReader(io.StringIO("\n".join(lines[4:])))
    return m.group(1), list(reader)


# ---------------------------------------------------------------- World Bank
def build_world_bank(src: Path) -> tuple[list[dict], list[dict]]:
    meta_rows = []
    with open(need(src / catalog._WB_META["path"]), encoding="utf-8-sig", newline="") as fh:
        meta_rows = list(csv.DictReader(fh))
    meta = {r["Country Code"]: r for r in meta_rows}

    values: dict[tuple[str, str, int], dict] = {}
    names: dict[str, str] = {}

    # Vintage 2015-08 (datahub long files). Kosovo has an empty code there: record it as XKX.
    for key, spec in (("gdp_usd", catalog._WB_GDP_2015), ("population", catalog._WB_POP_2015)):
        for r in read_datahub(src / spec["path"]):
            code = r["Country Code"] or ("XKX" if r["Country Name"] == "Kosovo" else "")
            if not code:
                raise SourceError(f"{spec['path']}: row without a code: {r}")
            names.setdefault(code, r["Country Name"])
            cell = values.setdefault(("wdi-2015-08", code, int(r["Year"])), {})
            cell[key] = float(r["Value"]) if key == "gdp_usd" else int(round(float(r["Value"])))

    # Vintage 2026-07 (raw API files). Names from here win: they are the newest.
    for key, spec in (("gdp_usd", catalog._WB_GDP_2026), ("population", catalog._WB_POP_2026)):
        updated, rows = read_wdi_api(src / spec["path"])
        if updated != "2026-07-13":
            raise SourceError(f"{spec['path']}: expected Last Updated Date 2026-07-13, found {updated}")
        for r in rows:
            code = r["Country Code"]
            if code == "INX":  # "Not classified": an empty placeholder row
                continue
            names[code] = r["Country Name"]
            for col, raw in r.items():
                if col and col.isdigit() and raw not in ("", None):
                    cell = values.setdefault(("wdi-2026-07", code, int(col)), {})
                    cell[key] = float(raw) if key == "gdp_usd" else int(round(float(raw)))

    economies = []
    for code in sorted(names):
        m = meta.get(code)
        if m is None and code not in ("NOC", "OEC"):
            raise SourceError(f"code {code} ({names[code]}) is in the data but not in the World Bank metadata")
        is_economy = m is not None and m["Region"] != ""
        economies.append({
            "code": code,
            "name": names[code],
            "kind": "economy" if is_economy else "aggregate",
            "region": m["Region"] if m else "",
            "income_group": m["IncomeGroup"] if m else "",
        })

    order = {v: i for i, v in enumerate(catalog.VINTAGES)}
    rows = [
        {"vintage": v, "code": c, "year": y, **cell}
        for (v, c, y), cell in sorted(values.items(), key=lambda kv: (order[kv[0][0]], kv[0][1], kv[0][2]))
    ]
    return economies, rows


# ---------------------------------------------------------------- the paper
TABLE2_ROWS = [
    # (label, members, printed cells: which years are printed)
    ("United States", "USA", [2000, 2005, 2010, 2013]),
    ("Japan", "JPN", [2005, 2010, 2013]),
    ("Germany", "DEU", [2005, 2010, 2013]),
    ("BRICS total", "CHN+HKG+BRA+RUS+IND+ZAF", [2000, 2005, 2010, 2013]),
    ("China (with Hong Kong)", "CHN+HKG", [2000, 2005, 2010, 2013]),
    ("Brazil", "BRA", [2000, 2005, 2010, 2013]),
    ("Russia", "RUS", [2000, 2005, 2010, 2013]),
    ("India", "IND", [2000, 2005, 2010, 2013]),
    ("South Africa", "ZAF", [2000, 2005, 2010, 2013]),
]
YEARS2 = [2000, 2005, 2010, 2013]


def paper_text(src: Path) -> str:
    return need(src.parent / "paper" / PAPER_FILE).read_text(encoding="utf-8")


def build_table2(text: str) -> list[dict]:
    start = text.index("Table 2: Share of the Largest Economies")
    end = text.index("Source:", start)
    cells = re.findall(r"([\d,]+) \((\d+\.\d)%\)", text[start:end])
    expected = sum(len(p) for _, _, p in TABLE2_ROWS)
    if len(cells) != expected:
        raise SourceError(f"Table 2: expected {expected} printed cells, found {len(cells)}")
    it = iter(cells)
    rows = []
    for i, (label, members, printed) in enumerate(TABLE2_ROWS, start=1):
        for year in YEARS2:
            value, share = next(it) if year in printed else (None, None)
            rows.append({
                "row": i, "label": label, "members": members, "year": year,
                "gdp_usd_bn": int(value.replace(",", "")) if value else None,
                "share_pct": float(share) if share else None,
            })
    return rows


def build_growth_multiples(text: str) -> list[dict]:
    rows = []
    m = re.search(r"(increased by (\d+) times from (\d{4}) to (\d{4}))", text)
    if not m:
        raise SourceError("paper: the sentence 'increased by N times from YYYY to YYYY' was not found")
    rows.append({"start": int(m.group(3)), "end": int(m.group(4)), "multiple": float(m.group(2)), "quote": m.group(1)})
    for m in re.finditer(r"((\d+\.\d)(?: times)? in (\d{4})-(\d{4}))", text):
        rows.append({"start": int(m.group(3)), "end": int(m.group(4)), "multiple": float(m.group(2)), "quote": m.group(1)})
    if len(rows) != 4:
        raise SourceError(f"paper: expected 4 growth multiples, found {len(rows)}")
    return rows


# ---------------------------------------------------------------- Factbook 2015
FACTBOOK_ROWS = [  # fips, group (the paper's Table 3 covers members, observers and the World)
    ("ch", "member"), ("rs", "member"), ("kz", "member"), ("kg", "member"), ("ti", "member"), ("uz", "member"),
    ("af", "observer"), ("in", "observer"), ("ir", "observer"), ("mg", "observer"), ("pk", "observer"),
    ("xx", "world"), ("hk", "reference"), ("us", "reference"),
]
FIELDS = {
    "Area": "area", "Population": "population", "International organization participation": "orgs",
    "GDP (purchasing power parity)": "ppp", "GDP (official exchange rate)": "oer",
}
SQL_ROW = re.compile(r"^\s*\((\d+), (\d+), (\d+), N'((?:[^']|'')*)', N'((?:[^']|'')*)'\),?;?$")
SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6}


def money(text: str, what: str) -> tuple[float, int, str]:
    """'$10.38 trillion | note ... (2014 est.)' -> (1.038e13, 2014, '$10.38 trillion (2014 est.)')."""
    m = re.search(r"\$([\d.,]+) (trillion|billion|million)", text)
    y = re.search(r"\((\d{4}) est\.\)", text)
    if not m or not y:
        raise SourceError(f"Factbook 2015: cannot read {what} from {text[:80]!r}")
    value = round(float(m.group(1).replace(",", "")) * SCALE[m.group(2)])
    return float(value), int(y.group(1)), f"${m.group(1)} {m.group(2)} ({y.group(1)} est.)"


def area(text: str, part: str) -> float:
    m = re.search(part + r": ([\d.,]+)( million)? sq km", text)
    if not m:
        raise SourceError(f"Factbook 2015: no '{part}' area in {text[:80]!r}")
    v = float(m.group(1).replace(",", ""))
    return float(round(v * 1e6)) if m.group(2) else v


def build_factbook(src: Path) -> list[dict]:
    fb = src / "cia-factbook-archive" / "data"
    ids = {}
    with open(need(fb / "reference_tables" / "countries.csv"), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["Year"] == "2015":
                ids[r["CountryID"]] = (r["Code"], r["Name"])
    wanted = {fips for fips, _ in FACTBOOK_ROWS}
    by_id = {cid: code for cid, (code, _) in ids.items() if code in wanted}
    found: dict[str, dict] = {fips: {} for fips in wanted}
    with gzip.open(need(fb / "fields" / "country_fields_2015.sql.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            m = SQL_ROW.match(line.rstrip("\n"))
            if m and m.group(3) in by_id and m.group(4) in FIELDS:
                found[by_id[m.group(3)]][FIELDS[m.group(4)]] = m.group(5).replace("''", "'")

    iso3 = {}
    with open(need(src / catalog._COUNTRY_CODES["path"]), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["FIPS"]:
                iso3[r["FIPS"].lower()] = r["ISO3166-1-Alpha-3"]
    iso3["xx"] = "WLD"
    names = {code: name for code, name in ids.values()}

    rows = []
    for fips, group in FACTBOOK_ROWS:
        f = found[fips]
        missing = {"area", "population", "ppp", "oer"} - set(f)
        if missing:
            raise SourceError(f"Factbook 2015, {fips}: fields not found: {sorted(missing)}")
        pop = re.match(r"([\d,]+) \(([A-Za-z]+ \d{4}) est\.\)", f["population"])
        if not pop:
            raise SourceError(f"Factbook 2015, {fips}: cannot read population from {f['population'][:60]!r}")
        sco = re.search(r"\bSCO\b(?: \(([^)]+)\))?", f.get("orgs", ""))
        oer, oer_year, oer_text = money(f["oer"], "GDP (official exchange rate)")
        ppp, ppp_year, ppp_text = money(f["ppp"], "GDP (purchasing power parity)")
        rows.append({
            "fips": fips, "code": iso3[fips], "name": names[fips], "group": group,
            "sco_status_2015": (sco.group(1) or "member") if sco else "",
            "area_km2": area(f["area"], "total"), "land_km2": area(f["area"], "land"),
            "population": int(pop.group(1).replace(",", "")), "population_date": pop.group(2),
            "gdp_oer_usd": oer, "gdp_oer_year": oer_year, "gdp_ppp_usd": ppp, "gdp_ppp_year": ppp_year,
            "area_text": f["area"].split(" | country comparison")[0],
            "population_text": pop.group(0), "gdp_oer_text": oer_text, "gdp_ppp_text": ppp_text,
        })
    return rows


# ---------------------------------------------------------------- chapter 1: PPP and institutions
def build_ppp(src: Path) -> list[dict]:
    """World Bank GDP, PPP (current international $), vintage 2023-05: long rows with a value."""
    spec = catalog._WB_PPP_2023
    updated, rows = read_wdi_api(src / spec["path"])
    if updated != "2023-05-10":
        raise SourceError(f"{spec['path']}: expected Last Updated Date 2023-05-10, found {updated}")
    out = []
    for r in rows:
        code = r["Country Code"]
        if code == "INX":  # "Not classified": an empty placeholder row
            continue
        if r.get("Indicator Code") != "NY.GDP.MKTP.PP.CD":
            raise SourceError(f"{spec['path']}: expected indicator NY.GDP.MKTP.PP.CD, found {r.get('Indicator Code')!r}")
        for col, raw in r.items():
            if col and col.isdigit() and raw not in ("", None):
                out.append({"vintage": catalog.PPP_VINTAGE, "code": code, "year": int(col), "gdp_ppp": float(raw)})
    out.sort(key=lambda d: (d["code"], d["year"]))
    return out


US_ORDER_INSTITUTIONS = [
    # institution, full name, pillar, paper snippet (verbatim), founding document, place, date, event, source
    ("UN", "United Nations", "political", "interstate political (UN)",
     "Charter of the United Nations", "San Francisco", "1945-06-26", "signed",
     "Charter of the United Nations, official text (United Nations)"),
    ("NATO", "North Atlantic Treaty Organization", "military",
     "military (NATO, and other bilateral or multilateral alliances)",
     "North Atlantic Treaty", "Washington, D.C.", "1949-04-04", "signed",
     "The North Atlantic Treaty, official text (NATO)"),
    ("IMF", "International Monetary Fund", "financial and economic",
     "financial and economic (IMF, World Bank, WTO/ GATT et al.)",
     "Articles of Agreement of the International Monetary Fund", "Bretton Woods, New Hampshire", "1944-07-22",
     "adopted", "IMF Articles of Agreement, official text, opening note (IMF)"),
    ("World Bank (IBRD)", "International Bank for Reconstruction and Development", "financial and economic",
     "financial and economic (IMF, World Bank, WTO/ GATT et al.)",
     "Articles of Agreement of the International Bank for Reconstruction and Development",
     "Bretton Woods, New Hampshire", "1944-07-22", "adopted",
     "IBRD Articles of Agreement, official text (World Bank)"),
    ("GATT", "General Agreement on Tariffs and Trade", "financial and economic",
     "financial and economic (IMF, World Bank, WTO/ GATT et al.)",
     "General Agreement on Tariffs and Trade", "Geneva", "1947-10-30", "signed",
     "The General Agreement on Tariffs and Trade (GATT 1947), legal text (WTO)"),
    ("WTO", "World Trade Organization", "financial and economic",
     "financial and economic (IMF, World Bank, WTO/ GATT et al.)",
     "Marrakesh Agreement Establishing the World Trade Organization", "Marrakesh", "1994-04-15", "signed",
     "Marrakesh Agreement Establishing the World Trade Organization, legal text (WTO)"),
]


def build_institutions(text: str) -> list[dict]:
    """The institutions the paper names, each row's snippet checked verbatim against the paper."""
    rows = []
    for inst, full, pillar, snippet, doc, place, date, event, source in US_ORDER_INSTITUTIONS:
        if snippet not in text:
            raise SourceError(f"paper: the snippet {snippet!r} (for {inst}) does not occur verbatim")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise SourceError(f"{inst}: date {date!r} is not YYYY-MM-DD")
        rows.append({"institution": inst, "full_name": full, "pillar": pillar, "paper_snippet": snippet,
                     "founding_document": doc, "place": place, "date": date, "date_event": event,
                     "year": int(date[:4]), "source": source})
    return rows


# ---------------------------------------------------------------- chapter 4: the SCO
def build_surface_area(src: Path) -> list[dict]:
    """World Bank surface area (sq. km), vintage 2026-07: long rows with a value."""
    spec = catalog._WB_AREA_2026
    updated, rows = read_wdi_api(src / spec["path"])
    if updated != "2026-07-13":
        raise SourceError(f"{spec['path']}: expected Last Updated Date 2026-07-13, found {updated}")
    out = []
    for r in rows:
        code = r["Country Code"]
        if code == "INX":  # "Not classified": an empty placeholder row
            continue
        if r.get("Indicator Code") != "AG.SRF.TOTL.K2":
            raise SourceError(f"{spec['path']}: expected indicator AG.SRF.TOTL.K2, found {r.get('Indicator Code')!r}")
        for col, raw in r.items():
            if col and col.isdigit() and raw not in ("", None):
                out.append({"code": code, "year": int(col), "area_km2": float(raw)})
    out.sort(key=lambda d: (d["code"], d["year"]))
    return out


SCO_ENTRY = re.compile(r"(?<![A-Za-z])SCO(?![A-Za-z])(?: \(([^)]+)\))?")


def _factbook_orgs(src: Path, year: str) -> dict[str, tuple[str, str]]:
    """{fips (lower case): (name, 'International organization participation' text)} for one edition."""
    fb = src / "cia-factbook-archive" / "data"
    ids = {}
    with open(need(fb / "reference_tables" / "countries.csv"), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["Year"] == year:
                ids[r["CountryID"]] = (r["Code"].lower(), r["Name"])
    if not ids:
        raise SourceError(f"Factbook: no countries for the {year} edition in countries.csv")
    out = {}
    with gzip.open(need(fb / "fields" / f"country_fields_{year}.sql.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            m = SQL_ROW.match(line.rstrip("\n"))
            if m and m.group(4) == "International organization participation" and m.group(3) in ids:
                fips, name = ids[m.group(3)]
                out[fips] = (name, m.group(5).replace("''", "'"))
    if len(out) < 150:
        raise SourceError(f"Factbook {year}: only {len(out)} 'International organization participation' fields found")
    return out


def build_factbook_sco_status(src: Path) -> list[dict]:
    editions = {year: _factbook_orgs(src, year) for year in ("2015", "2025")}
    status: dict[str, dict] = {}
    for year, orgs in editions.items():
        for fips, (name, text) in orgs.items():
            found = SCO_ENTRY.findall(text)
            if not found:
                continue
            if len(found) > 1:
                raise SourceError(f"Factbook {year}, {fips}: the SCO is listed {len(found)} times")
            row = status.setdefault(fips, {"fips": fips})
            if year == "2025" or "name" not in row:
                row["name"] = name
            row[f"status_{year}"] = found[0] or "member"
            row[f"printed_{year}"] = f"SCO ({found[0]})" if found[0] else "SCO"
    iso3 = {}
    with open(need(src / catalog._COUNTRY_CODES["path"]), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["FIPS"]:
                iso3[r["FIPS"].lower()] = r["ISO3166-1-Alpha-3"]
    allowed = {"member", "observer", "dialogue member"}
    for fips, row in status.items():
        if fips not in iso3:
            raise SourceError(f"Factbook: no ISO code for FIPS {fips!r} ({row['name']})")
        row["code"] = iso3[fips]
        for year in editions:
            if row.get(f"status_{year}", "member") not in allowed:
                raise SourceError(f"Factbook {year}, {fips}: unexpected SCO status {row[f'status_{year}']!r}")
    order = {"member": 0, "observer": 1, "dialogue member": 2, None: 3}
    return sorted(status.values(), key=lambda r: (order[r.get("status_2025")], order[r.get("status_2015")], r["name"]))


_PAPER_SECTION = "Sahara (2015), section 'The SCO as a testing ground for the \"Belt and Road\" initiative'"
SCO_TIMELINE = [
    # date, precision, kind, event, admitted, source_type, source, quote (verbatim in the paper) or url;
    # the short chart labels are in SCO_TIMELINE_LABELS, in the same order
    ("1996", "year", "institution",
     "Russia and China agree a 'strategic partnership': mutual security guarantees, no collective defence "
     "against third parties", "", "paper", _PAPER_SECTION,
     "an agreement on a “strategic partnership” between Russia and China (1996)"),
    ("1996-04-26", "day", "institution",
     "The 'Shanghai Five' is formed by Russia, China, Kazakhstan, Kyrgyzstan and Tajikistan", "", "paper", _PAPER_SECTION,
     "On 26 April 1996, Russia, China, Kazakhstan, Kyrgyzstan, and Tajikistan agreed on the necessity to address "
     "their common issues"),
    ("1999", "year", "security",
     "Attacks of 1999-2000 lead Tajikistan, Kyrgyzstan and Uzbekistan to set up a joint counter-terrorism "
     "coordination centre", "", "paper", _PAPER_SECTION,
     "in the wake of the 1999-2000 attacks"),
    ("2000-04-21", "day", "security",
     "Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan sign a treaty on joint action against terrorism, "
     "extremism and organised crime", "", "paper", _PAPER_SECTION,
     "signed on April 21, 2000 among Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan"),
    ("2000-06", "month", "security",
     "A CIS summit founds the CIS Anti-Terrorism Centre, based in Moscow, at Putin's initiative (the paper "
     "places the centre in Bishkek and gives no date)", "", "news report",
     "Jamestown Foundation, Monitor, vol. 7, issue 82 (2001), on the CIS Antiterrorism Center",
     "https://jamestown.org/program/cis-antiterrorism-center-weak-bark-no-bite/"),
    ("2001-06", "month", "institution",
     "Uzbekistan is admitted and the Shanghai Five becomes the Shanghai Cooperation Organisation (SCO)", "",
     "paper", _PAPER_SECTION,
     "In June 2001, with the admission of Uzbekistan, the “Shanghai Five” transformed itself into the SCO"),
    ("2001-06", "month", "security",
     "The Shanghai Convention against terrorism, separatism and extremism (the 'three evils') is signed", "",
     "paper", _PAPER_SECTION,
     "In June 2001, with the admission of Uzbekistan, the “Shanghai Five” transformed itself into the SCO and the "
     "“Shanghai Convention Against Terrorism, Separatism, and Extremism” was signed"),
    ("2001-06-01", "day", "security",
     "A CIS summit in Minsk decides to open a branch of the CIS Anti-Terrorism Centre in Bishkek", "",
     "news report", "Jamestown Foundation, Monitor, vol. 7, issue 108 (2001), on the CIS Antiterrorism "
     "Center", "https://jamestown.org/program/cis-antiterrorism-center-not-operational/"),
    ("2002-06", "month", "institution",
     "The SCO Charter is adopted at a meeting in St Petersburg", "", "paper", _PAPER_SECTION,
     "the adaptation of its charter at a meeting in St. Petersburg in June 2002"),
    ("2008", "year", "crisis",
     "South Ossetia crisis: the paper says the SCO 'did not even issue a statement of support for Russia' "
     "(contradicted: see the Dushanbe Declaration, 28 August 2008)", "", "paper", _PAPER_SECTION,
     "the South Ossetia crisis 2008 and the Osh riots in Kyrgyzstan in 2010. In the former case, the SCO did "
     "not even issue a statement of support for Russia"),
    ("2008-08-28", "day", "crisis",
     "The SCO's Dushanbe Declaration welcomes the six principles for settling the South Ossetia conflict "
     "agreed in Moscow on 12 August and supports Russia's 'active role' in the region; the SCO stops short of "
     "recognising South Ossetia and Abkhazia", "", "news report",
     "RFE/RL, 'SCO Fails To Back Russia Over Georgia', 28 August 2008 (on the Dushanbe Declaration)",
     "https://www.rferl.org/a/SCO_Fails_To_Back_Russia_Over_Georgia/1194578.html"),
    ("2010", "year", "crisis",
     "Osh riots in Kyrgyzstan: the paper says the SCO did not respond to the Kyrgyz president's request for "
     "assistance (the paper's claim; the request of 12 June 2010 was addressed to Russia)", "",
     "paper", _PAPER_SECTION,
     "the Osh riots in Kyrgyzstan in 2010. In the former case, the SCO did not even issue a statement of "
     "support for Russia. In the latter case, the SCO did not respond to the request for assistance from the "
     "Kyrgyz president"),
    ("2010-06-12", "day", "crisis",
     "Kyrgyzstan's interim president Roza Otunbayeva asks Russia to send troops to Osh; the Kremlin calls it "
     "'an internal conflict', sends no troops and refers the response to a meeting of the CSTO", "",
     "news report", "Eurasianet, 'Russia Turns Down Kyrgyzstan's Plea for Military Support', 12 June 2010",
     "https://eurasianet.org/russia-turns-down-kyrgyzstans-plea-for-military-support"),
    ("2013", "year", "belt and road",
     "Xi Jinping discloses a plan of large infrastructure investment on visits to Central Asia and Southeast Asia",
     "", "paper", "Sahara (2015), section 'US Dichotomy vs. China's Multilayer Approaches'",
     "disclosed an ambitious plan of huge infrastructure investment during his visits to Central Asia and "
     "Southeast Asia in 2013"),
    ("2015-03-28", "day", "belt and road",
     "China publishes 'Vision and Actions', the outline of the Belt and Road initiative", "", "paper",
     "Sahara (2015), section 'US Dichotomy vs. China's Multilayer Approaches'",
     "Its general outline was unveiled on 28 March 2015"),
    ("2017-06-09", "day", "enlargement",
     "India and Pakistan are confirmed as members at the SCO summit in Astana", "IND+PAK", "news report",
     "TASS, 'India and Pakistan join SCO', 9 June 2017", "https://tass.com/world/950697"),
    ("2023-07-04", "day", "enlargement",
     "Iran is admitted as a member at the SCO summit held by video link under India's chairmanship", "IRN",
     "news report", "Trend News Agency, report on the 23rd SCO summit, 4 July 2023",
     "https://en.trend.az/business/economy/3768748.html"),
    ("2024-07-04", "day", "enlargement",
     "Belarus is admitted as the tenth member at the SCO summit in Astana", "BLR", "news report",
     "TASS, report from the SCO summit in Astana, 4 July 2024", "https://tass.com/world/1812205"),
]


SCO_TIMELINE_LABELS = [
    "Russia-China 'strategic partnership'",
    'Shanghai Five formed',
    'Attacks in Central Asia (1999-2000)',
    'Four-state anti-terrorism treaty',
    'CIS anti-terrorism centre founded',
    'SCO founded (Uzbekistan joins)',
    "Shanghai Convention ('three evils')",
    'CIS centre: Bishkek branch decided',
    'SCO Charter, St Petersburg',
    "South Ossetia crisis (paper's account)",
    'SCO Dushanbe Declaration',
    "Osh riots, Kyrgyzstan (paper's account)",
    'Kyrgyz appeal to Russia',
    "Xi's infrastructure plan",
    "'Vision and Actions' published",
    'India and Pakistan admitted',
    'Iran admitted',
    'Belarus admitted',
]


def check_precision(table: str, i: int, date: str, precision: str) -> None:
    """An ISO date must have exactly the precision the row claims (year, month or day)."""
    expected = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}[precision]
    if not re.fullmatch(expected, date):
        raise SourceError(f"{table} row {i}: date {date!r} does not have the precision {precision!r}")


def check_paper_quote(table: str, i: int, flat: str, quote: str, year: str | None = None) -> None:
    """``quote`` must occur verbatim in the paper (whitespace-normalised ``flat``) and, if given, state ``year``."""
    if not quote or quote not in flat:
        raise SourceError(f"{table} row {i}: the quote {quote!r} is not in the paper's text")
    if year is not None and year not in quote:
        raise SourceError(f"{table} row {i}: the quote does not state the year {year}")


def build_sco_timeline(text: str) -> list[dict]:
    flat = re.sub(r"\s+", " ", text)
    rows = []
    if len(SCO_TIMELINE_LABELS) != len(SCO_TIMELINE):
        raise SourceError("sco_timeline: one short label per row is needed")
    for i, ((date, precision, kind, event, admitted, stype, source, evidence), label) in enumerate(
            zip(SCO_TIMELINE, SCO_TIMELINE_LABELS), start=1):
        check_precision("sco_timeline", i, date, precision)
        if stype == "paper":
            check_paper_quote("sco_timeline", i, flat, evidence, year=date[:4])
        elif not evidence.startswith("https://"):
            raise SourceError(f"sco_timeline row {i}: a news-report row needs the report's address")
        if (kind == "enlargement") != bool(admitted):
            raise SourceError(f"sco_timeline row {i}: admitted codes go with (and only with) enlargement rows")
        rows.append({
            "id": i, "date": date, "year": int(date[:4]), "precision": precision, "kind": kind, "label": label,
            "event": event,
            "admitted": admitted, "source_type": stype, "source": source,
            "quote": evidence if stype == "paper" else "", "url": evidence if stype != "paper" else "",
        })
    if [r["date"] for r in rows] != sorted(r["date"] for r in rows):
        raise SourceError("sco_timeline: rows must be in date order")
    return rows


# ---------------------------------------------------------------- chapter 3: mechanisms and memberships
#: The cooperation mechanisms of the "Vision and Actions" document as the paper quotes them, plus
#: three the Factbook lists that the chapter uses for comparison. Each row:
#: (id, name, in the Vision's list?, Factbook abbreviation or "", coverage, note).
#: For rows in the Vision's list the name must occur verbatim in the paper (checked below).
VISION_MECHANISMS = [
    ("SCO", "SCO", "yes", "SCO", "listed",
     "The Factbook prints SCO members, observers and dialogue members."),
    ("ASEAN Plus China", "ASEAN Plus China", "yes", "ASEAN", "counterpart listed",
     "The Factbook lists ASEAN's members and prints China as an ASEAN dialogue partner; "
     "the ASEAN Plus China format itself is not a Factbook entry."),
    ("APEC", "Asia-Pacific Economic Cooperation (APEC)", "yes", "APEC", "listed",
     "The Factbook prints APEC membership."),
    ("ASEM", "Asia-Europe Meeting (ASEM)", "yes", "", "not covered",
     "Not covered by the course's sources: the Factbook 2015 does not list ASEM."),
    ("ACD", "Asia Cooperation Dialogue (ACD)", "yes", "", "not covered",
     "Not covered by the course's sources: the Factbook 2015 does not list the ACD."),
    ("CICA", "Conference on Interaction and Confidence-Building Measures in Asia (CICA)", "yes", "CICA", "listed",
     "The Factbook prints CICA members and observers."),
    ("CASCF", "China-Arab States Cooperation Forum (CASCF)", "yes", "LAS", "counterpart listed",
     "The Factbook lists the members of the League of Arab States (LAS), China's counterpart in the "
     "forum; the forum itself is not a Factbook entry."),
    ("China-GCC", "China-Gulf Cooperation Council Strategic Dialogue", "yes", "GCC", "counterpart listed",
     "The Factbook lists the members of the Gulf Cooperation Council (GCC), China's counterpart in the "
     "dialogue; the dialogue itself is not a Factbook entry."),
    ("GMS", "Greater Mekong Sub-region (GMS) Economic Cooperation", "yes", "", "not covered",
     "Not covered by the course's sources: the Factbook 2015 does not list the GMS programme."),
    ("CAREC", "Central Asia Regional Economic Cooperation (CAREC)", "yes", "", "not covered",
     "Not covered by the course's sources: the Factbook 2015 does not list CAREC."),
    ("BRICS", "BRICS", "no", "BRICS", "listed",
     "Not in the Vision's list; the paper names the BRICS' NDB and CRA among the financing "
     "institutions the plan coordinates."),
    ("ARF", "ASEAN Regional Forum", "no", "ARF", "listed",
     "Not in the Vision's list; an Asian security forum the Factbook lists, shown for comparison."),
    ("EAS", "East Asia Summit", "no", "EAS", "listed",
     "Not in the Vision's list; a leaders' forum the Factbook lists, shown for comparison."),
]
VISION_FULL_NAMES = {"SCO": "Shanghai Cooperation Organization (SCO)",
                     "BRICS": "BRICS (Brazil, Russia, India, China, South Africa)"}
VISION_LIST_START = "take full advantage of the existing bilateral and multilateral cooperation mechanisms"
MEMBERSHIP_AS_OF = "2015"
MEMBERSHIP_SOURCE = "CIA World Factbook 2015, field 'International organization participation'"
MEMBERSHIP_STATUSES = ["member", "observer", "dialogue partner", "dialogue member"]


def build_vision_mechanisms(text: str) -> list[dict]:
    """The Vision's mechanisms as the paper quotes them, with what the Factbook covers of each."""
    start = text.find(VISION_LIST_START)
    if start < 0:
        raise SourceError("paper: the Vision's list of cooperation mechanisms was not found")
    quoted = text[start:text.index("”", start)]
    rows = []
    for order, (mid, name, in_vision, abbrev, coverage, note) in enumerate(VISION_MECHANISMS, start=1):
        if in_vision == "yes" and name not in quoted:
            raise SourceError(f"paper: {name!r} does not occur verbatim in the Vision's quoted list")
        if (coverage == "not covered") != (abbrev == ""):
            raise SourceError(f"{mid}: a mechanism is 'not covered' exactly when it has no Factbook abbreviation")
        rows.append({"order": order, "mechanism": mid, "paper_name": name if in_vision == "yes" else "",
                     "name": VISION_FULL_NAMES.get(mid, name), "in_vision": in_vision, "factbook_abbrev": abbrev,
                     "coverage": coverage, "note": note})
    return rows


def split_orgs(field: str) -> list[str]:
    """'ADB, CIS (associate member, has not ...), SCO' -> tokens (commas inside brackets kept)."""
    return [t.strip() for t in re.split(r", (?![^()]*\))", field) if t.strip()]


def build_memberships(src: Path) -> list[dict]:
    """One row per Factbook 2015 entity and listed mechanism, status as printed."""
    fb = src / "cia-factbook-archive" / "data"
    ids, master = {}, {}
    with open(need(fb / "reference_tables" / "master_countries.csv"), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            master[r["MasterCountryID"]] = r["EntityType"]
    with open(need(fb / "reference_tables" / "countries.csv"), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["Year"] == "2015":
                ids[r["CountryID"]] = (r["Code"].lower(), r["Name"], master.get(r["MasterCountryID"], ""))
    orgs = {}
    with gzip.open(need(fb / "fields" / "country_fields_2015.sql.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            m = SQL_ROW.match(line.rstrip("\n"))
            if m and m.group(4) == "International organization participation":
                orgs[m.group(3)] = m.group(5).replace("''", "'")
    if len(orgs) < 200:
        raise SourceError(f"Factbook 2015: only {len(orgs)} 'International organization participation' fields found")
    iso3 = {}
    with open(need(src / catalog._COUNTRY_CODES["path"]), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["FIPS"]:
                iso3[r["FIPS"].lower()] = r["ISO3166-1-Alpha-3"]
    abbrevs = [a for _, _, _, a, _, _ in VISION_MECHANISMS if a]
    rows = []
    for cid, field in orgs.items():
        fips, name, kind = ids[cid]
        found: dict[str, list[tuple[str, str]]] = {}
        for tok in split_orgs(field):
            for a in abbrevs:
                m = re.fullmatch(re.escape(a) + r"(?: \(([^()]+)\))?", tok)
                if m:
                    status = m.group(1) or "member"
                    if status not in MEMBERSHIP_STATUSES:
                        raise SourceError(f"Factbook 2015, {name}: unexpected status {tok!r}")
                    found.setdefault(a, []).append((status, tok))
        for a, hits in found.items():
            statuses = [s for s, _ in hits]
            # Printed twice with different statuses (Cambodia, CICA): keep both texts, count it as the
            # fuller status, and say so in the note.
            status = "member" if "member" in statuses else statuses[0]
            rows.append({
                "fips": fips, "code": iso3.get(fips, ""), "country": name, "entity_type": kind,
                "mechanism": a, "status": status, "printed": "; ".join(t for _, t in hits),
                "note": "printed with more than one status" if len(set(statuses)) > 1 else "",
                "as_of": MEMBERSHIP_AS_OF, "source": MEMBERSHIP_SOURCE,
            })
    rows.sort(key=lambda r: (r["country"], abbrevs.index(r["mechanism"])))
    return rows


#: Statements for the Self/Other classification exercise: (id, statement shown to students,
#: the words of the paper it rests on (checked verbatim), whose words they are, the type the
#: chapter's reading assigns, the explanation shown as feedback).
SELF_OTHER_STATEMENTS = [
    ("s1", "The 2015 US National Security Strategy, as Sahara quotes it, blames security threats on "
           "the “backers of discredited authoritarian orders”.",
     "backers of discredited authoritarian orders", "US National Security Strategy (2015), quoted by Sahara",
     "antagonistic",
     "Authoritarian states appear as the source of threats: an oppositional, antagonistic Other. "
     "This is the democracy/authoritarianism dichotomy Sahara criticises."),
    ("s2", "The same strategy says that defending democracy and human rights “aligns us with the "
           "aspirations of ordinary people throughout the world”.",
     "aligns us with the aspirations of ordinary people throughout the world",
     "US National Security Strategy (2015), quoted by Sahara", "in-group",
     "The Self claims a shared identity with ordinary people everywhere, on the basis of values it "
     "holds universal: an in-group Other."),
    ("s3", "Sahara writes that Washington rejected the Cuban and Iranian revolutionary governments' "
           "offers of friendship and labelled them “anti-American”.",
     "labeled them as “anti-American.”", "Sahara (2015)", "antagonistic",
     "Labelling a government 'anti-American' turns difference into enmity: an antagonistic Other, "
     "in the friend/foe frame Sahara attributes to US diplomacy."),
    ("s4", "Sahara writes that during the Cold War the US was “very hostile to the non-aligned movement”.",
     "very hostile to the non-aligned movement", "Sahara (2015)", "antagonistic",
     "Non-aligned states were, by definition, neither friend nor foe, a textbook case of a 'different "
     "but not antagonistic' Other. Sahara's point is that US discourse treated them as antagonistic "
     "all the same: there was little room for a third position."),
    ("s5", "The “Vision and Actions” document, as Sahara quotes it, “respects the paths and modes of "
           "development chosen by different countries”.",
     "respects the paths and modes of development chosen by different countries",
     "Vision and Actions (2015), quoted by Sahara", "different",
     "Partners are accepted as different, and the difference is not treated as a threat: an Other "
     "that is different but not antagonistic. Sahara calls this cultural relativism."),
    ("s6", "Sahara describes “win-win” cooperation as the “complementary coordination of in-group "
           "countries’ resource” for mutual benefit.",
     "complementary coordination of in-group countries’ resource", "Sahara (2015)", "in-group",
     "Partners pooling resources for a common benefit form a group with a shared identity: an "
     "in-group Other."),
]
SELF_OTHER_TYPES = ["antagonistic", "different", "in-group"]


def build_self_other(text: str) -> list[dict]:
    """The classification exercise's statements, each resting on words checked verbatim in the paper."""
    flat = " ".join(text.split())
    rows = []
    for sid, statement, quote, speaker, answer, explanation in SELF_OTHER_STATEMENTS:
        if quote not in flat:
            raise SourceError(f"paper: the quotation {quote!r} (statement {sid}) does not occur verbatim")
        if answer not in SELF_OTHER_TYPES:
            raise SourceError(f"statement {sid}: answer {answer!r} is not one of {SELF_OTHER_TYPES}")
        rows.append({"id": sid, "statement": statement, "paper_quote": quote, "speaker": speaker,
                     "answer": answer, "explanation": explanation})
    return rows


# ---------------------------------------------------------------- epilogue: events after the paper
#: (date, precision, topic, label, event, source_type, source, url, quote, factbook country code, field).
#: Factbook rows: the quote must occur verbatim in that field of the 2025 edition (checked below).
#: Other rows cannot be checked here: the stored sources do not hold those publications.
EPILOGUE_EVENTS = [
    ("2015-12-18", "day", "IMF reform", "US Congress approves the 2010 IMF reform",
     "The US Congress adopts legislation authorising the 2010 IMF quota and governance reforms; the IMF's "
     "Managing Director welcomes it the same day", "official document",
     "IMF, Press Release No. 15/573, 18 December 2015",
     "https://www.imf.org/external/np/sec/pr/2015/pr15573.htm", "", "", ""),
    ("2016-01-16", "day", "AIIB", "AIIB opens in Beijing",
     "The Asian Infrastructure Investment Bank opens for business at a ceremony in Beijing", "news report",
     "Xinhua News Agency, 'AIIB opens to lay down milestone for global economic governance', 16 January 2016",
     "http://news.xinhuanet.com/english/2016-01/16/c_135015984.htm", "", "", ""),
    ("2016-01-26", "day", "IMF reform", "IMF 2010 reform in force",
     "The IMF's Board Reform Amendment, part of the 2010 package, enters into force, allowing the quota "
     "increases of the 14th General Review of Quotas to take effect", "official document",
     "IMF, Press Release No. 16/36, 1 February 2016",
     "https://www.imf.org/en/News/Articles/2015/09/14/01/49/pr1636", "", "", ""),
    ("2016-06-24", "day", "AIIB", "AIIB approves its first four loans",
     "The AIIB's board approves its first four projects (Bangladesh, Indonesia, Pakistan, Tajikistan); three "
     "are co-financed with the World Bank, the Asian Development Bank, the EBRD and the UK's DFID",
     "news report", "Reuters, report from Beijing, 24 June 2016",
     "http://in.reuters.com/article/china-aiib-idINL4N19G4G4", "", "", ""),
    ("2016-11", "month", "NDB", "NDB's first full year of lending",
     "The New Development Bank's board approves loans for projects in China and India; the bank says this "
     "brings its approvals in its first full year of operations to seven projects", "official document",
     "New Development Bank, press release on the 7th meeting of its Board of Directors, November 2016",
     "https://www.ndb.int/press_release/ndb-board-directors-approves-loans-two-projects-china-india-7th-meeting-shanghai/",
     "", "", ""),
    ("2017-01-23", "day", "US policy", "US withdraws from the TPP",
     "A presidential memorandum directs the US Trade Representative to withdraw the United States as a "
     "signatory to the Trans-Pacific Partnership and from its negotiations", "official document",
     "The White House, Presidential Memorandum 'Withdrawal of the United States from the Trans-Pacific "
     "Partnership Negotiations and Agreement', 23 January 2017", "", "", "", ""),
    ("2022-02-04", "day", "Sino-Russian relations", "'No limits' joint statement",
     "Russia and China sign a joint statement on international relations 'entering a new era' that calls "
     "their friendship one with 'no limits' and 'no \"forbidden\" areas of cooperation'", "official document",
     "President of Russia (Kremlin), Joint Statement of the Russian Federation and the People's Republic of "
     "China on the International Relations Entering a New Era and the Global Sustainable Development, "
     "4 February 2022", "http://en.kremlin.ru/supplement/5770", "", "", ""),
    ("2022-02-24", "day", "Sino-Russian relations", "Russia invades Ukraine",
     "Russia launches a full-scale invasion of Ukraine", "factbook",
     "CIA, The World Factbook 2025, Russia, field 'Background'", "",
     "On 24 February 2022, Russia escalated its conflict with Ukraine by invading the country on several fronts",
     "rs", "Background"),
    ("2022-03-02", "day", "Sino-Russian relations", "UN General Assembly vote on Ukraine",
     "The UN General Assembly adopts resolution ES-11/1 deploring Russia's aggression against Ukraine, by 141 "
     "votes to 5 with 35 abstentions; China and India abstain", "official document",
     "United Nations General Assembly, resolution A/RES/ES-11/1 and its recorded vote, 2 March 2022",
     "https://undocs.org/A/RES/ES-11/1", "", "", ""),
    ("2023-02-24", "day", "Sino-Russian relations", "China's position paper on Ukraine",
     "China's Foreign Ministry publishes a twelve-point 'Position on the Political Settlement of the Ukraine "
     "Crisis', calling for respect for the sovereignty of all countries, a ceasefire and peace talks, and "
     "opposing unilateral sanctions", "official document",
     "Ministry of Foreign Affairs of the PRC, 'China's Position on the Political Settlement of the Ukraine "
     "Crisis', 24 February 2023",
     "https://www.mfa.gov.cn/eng/zxxx_662805/202302/t20230224_11030713.html", "", "", ""),
    ("2023-11-28", "day", "NDB", "NDB board meets in Dubai",
     "The New Development Bank's board meets in Dubai, the first time it convenes in a member country that "
     "was not one of the bank's founders", "official document",
     "New Development Bank, news release on the 42nd meeting of its Board of Directors, 28 November 2023",
     "https://www.ndb.int/news/ndbs-board-of-directors-hold-its-42nd-meeting-in-dubai-united-arab-emirates/",
     "", "", ""),
    ("2025", "year", "Belt and Road", "Factbook 2025 on the BRI",
     "The CIA World Factbook's 2025 entry for China says many nations signed BRI agreements to attract "
     "investment while others raised concerns about opacity, financing and debt", "factbook",
     "CIA, The World Factbook 2025, China, field 'Background'", "",
     "Many nations have signed on to BRI agreements to attract PRC investment, but others have expressed "
     "concerns about such issues as the opaque nature of the projects, financing, and potentially "
     "unsustainable debt obligations", "ch", "Background"),
]


def _factbook_fields(src: Path, year: str, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(fips, field name): text} from one Factbook edition, for the (fips, field) pairs wanted."""
    fb = src / "cia-factbook-archive" / "data"
    ids = {}
    with open(need(fb / "reference_tables" / "countries.csv"), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["Year"] == year:
                ids[r["CountryID"]] = r["Code"].lower()
    out = {}
    with gzip.open(need(fb / "fields" / f"country_fields_{year}.sql.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            m = SQL_ROW.match(line.rstrip("\n"))
            if m and (ids.get(m.group(3)), m.group(4)) in wanted:
                out[(ids[m.group(3)], m.group(4))] = m.group(5).replace("''", "'")
    return out


def build_epilogue_events(src: Path) -> list[dict]:
    wanted = {(fips, field) for *_, fips, field in EPILOGUE_EVENTS if fips}
    texts = _factbook_fields(src, "2025", wanted)
    rows = []
    for i, (date, precision, topic, label, event, stype, source, url, quote, fips, field) in enumerate(
            EPILOGUE_EVENTS, start=1):
        expected = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}[precision]
        if not re.fullmatch(expected, date):
            raise SourceError(f"epilogue_events row {i}: date {date!r} does not have the precision {precision!r}")
        if stype == "factbook":
            text = texts.get((fips, field))
            if text is None:
                raise SourceError(f"epilogue_events row {i}: no field {field!r} for {fips!r} in the Factbook 2025")
            if not quote or quote not in text:
                raise SourceError(f"epilogue_events row {i}: the quote is not in the Factbook 2025 {fips}/{field}")
        elif quote or fips:
            raise SourceError(f"epilogue_events row {i}: only Factbook rows carry a checked quote")
        if url and not url.startswith(("https://", "http://")):
            raise SourceError(f"epilogue_events row {i}: url {url!r} is not an address")
        rows.append({"id": i, "date": date, "year": int(date[:4]), "precision": precision, "topic": topic,
                     "label": label, "event": event, "source_type": stype, "source": source, "url": url,
                     "quote": quote})
    if [r["date"] for r in rows] != sorted(r["date"] for r in rows):
        raise SourceError("epilogue_events: rows must be in date order")
    return rows


# ---------------------------------------------------------------- chapter 5: network leverage
_PAPER_S5 = "Sahara (2015), section 'The networking effect to fend off external intervention'"
_FB15_KG = "CIA World Factbook 2015, Kyrgyzstan, 'Background'"
_HRW_2005 = ("Human Rights Watch, '\"Bullets Were Falling Like Rain\": The Andijan Massacre, May 13, 2005', "
             "June 2005")
_HRW_URL = "https://www.hrw.org/report/2005/06/06/bullets-were-falling-rain/andijan-massacre-may-13-2005"

#: Chapter 5's events. Each row names its source and carries the source's words:
#: paper=...      a quote that must occur verbatim in the paper (checked); if it does not state
#:                the year, dated_by= is a second verbatim quote that does (checked);
#: factbook=...   (fips, field, quote): the quote must occur verbatim in that Factbook 2015 field (checked);
#: report=...     (source, url, quote): a publication outside ../shared/sources, NOT checkable here.
#: base/milestone mark the rows that open or close a US base (for the bases timeline).
NETWORK_EVENTS = [
    dict(date="2001", precision="year", category="base", label="US forces at Karshi-Khanabad (K2)",
         event="The US occupies the Karshi-Khanabad (K2) air base in Uzbekistan (the paper gives the year only)",
         actors="United States; Uzbekistan", base="K2", milestone="start",
         paper="On 21 November 2005 the US evacuated the base, which it had occupied since 2001"),
    dict(date="2001-12", precision="month", category="base", label="US forces at Manas",
         event="The US-led coalition's air base at Manas International Airport, near Bishkek, opens in "
               "December 2001 (a date the paper does not give)",
         actors="United States; Kyrgyzstan", base="Manas", milestone="start",
         report=("Jamestown Foundation, 'Kyrgyzstan's Manas Airbase: A Key Asset in the War on Terrorism', "
                 "Terrorism Monitor, vol. 5, issue 1 (2007)",
                 "https://jamestown.org/program/kyrgyzstans-manas-airbase-a-key-asset-in-the-war-on-terrorism/",
                 "the U.S. facility at Manas established in December 2001")),
    dict(date="2002-03", precision="month", category="host decision",
         label="Uzbek-US 'Strategic Partnership' declaration",
         event="Uzbekistan is ready to sign a Declaration 'On Strategic Partnership' with the US",
         actors="Uzbekistan; United States",
         paper="Tashkent was ready to sign a Declaration “On Strategic Partnership” with the US in March 2002"),
    dict(date="2005", precision="year", category="domestic politics", label="Akaev ousted (Factbook 2015)",
         event="Nationwide demonstrations in spring 2005 end President Askar Akaev's rule in Kyrgyzstan",
         actors="Kyrgyz protesters; President Askar Akaev",
         factbook=("kg", "Background", "Nationwide demonstrations in the spring of 2005 resulted in the ouster "
                   "of President Askar AKAEV")),
    dict(date="2005-03", precision="month", category="unrest", label="'Tulip Revolution' in Kyrgyzstan",
         event="An uprising after the February parliamentary elections overthrows President Askar Akayev",
         actors="Kyrgyz protesters; President Askar Akayev",
         paper="The change of tide came in March 2005, when an uprising overthrew the regime of Askar Akayev in "
               "Kyrgyzstan"),
    dict(date="2005-05-13", precision="day", category="unrest", label="Andijan: jail raid, uprising, shooting",
         event="Armed men storm a jail in Andijan; a mass protest follows and security forces fire on the crowd. "
               "The paper names the raiders as Hizb-ut-Tahrir (its claim, contested)",
         actors="armed raiders; protesters; Uzbek security forces; President Islam Karimov",
         paper="on 13 May 2005, Hizb-ut-Tahrir, an extremist group closely tied with Taliban, stormed a jail in "
               "Uzbek town of Andijan"),
    dict(date="2005-06", precision="month", category="unrest", label="Human Rights Watch report on Andijan",
         event="Human Rights Watch publishes its report on Andijan, based on interviews with victims and "
               "witnesses: it describes a massacre of hundreds of unarmed people",
         actors="Human Rights Watch",
         report=(_HRW_2005, _HRW_URL, "Uzbek government forces killed hundreds of unarmed people")),
    dict(date="2005-07-05", precision="day", category="collective backing", label="SCO Astana declaration",
         event="The SCO heads of state, meeting in Astana, denounce 'monopoly and domination in international "
               "affairs' and address the coalition's military presence in member states",
         actors="SCO heads of state (China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan)",
         paper="The climax came on 5 July when the heads of the SCO states made a joint declaration",
         dated_by="The Astana declaration caused serious concern among the US policy makers. On 19 July 2005"),
    dict(date="2005-07-05", precision="day", category="collective backing",
         label="News report: SCO asks for a deadline",
         event="A news report of the summit: the declaration asks the anti-terrorism coalition to set a deadline "
               "for its temporary military presence in SCO states",
         actors="SCO heads of state",
         report=("RFE/RL, report of the SCO summit in Astana, 5 July 2005", "https://rferl.org/amp/1059693.html",
                 "participants in the antiterrorism coalition should define a deadline for the temporary military "
                 "presence on SCO member-state territory")),
    dict(date="2005-07-19", precision="day", category="US pressure", label="US House resolution on the SCO",
         event="The US House of Representatives adopts a resolution expressing concern over the SCO declaration",
         actors="US House of Representatives",
         paper="On 19 July 2005, the House of Representatives adopted a resolution expressing concern over the SCO "
               "declaration"),
    dict(date="2005-07", precision="month", category="US pressure", label="Rumsfeld visits Kyrgyzstan, Tajikistan",
         event="US Defense Secretary Donald Rumsfeld visits Kyrgyzstan and Tajikistan in late July",
         actors="Donald Rumsfeld; Kyrgyzstan; Tajikistan",
         paper="Defense Secretary Donald Rumsfeld hurriedly visited Kyrgyzstan and Tajikistan in late July",
         dated_by="On 19 July 2005, the House of Representatives adopted a resolution"),
    dict(date="2005-07-29", precision="day", category="unrest", label="UN flies Andijan refugees to Romania",
         event="The UN refugee agency flies more than 400 Uzbeks who had fled Andijan to Kyrgyzstan out to a "
               "camp in Romania, against Tashkent's demand for their return; the Uzbek note on K2 reaches the "
               "US embassy the same day",
         actors="UNHCR; Uzbek refugees; Kyrgyzstan; Uzbekistan",
         report=("Associated Press, 'U.S. Evicted From Uzbek Base', Fox News, 30 July 2005",
                 "https://www.foxnews.com/story/u-s-evicted-from-uzbek-base",
                 "More than 400 people who had fled to Kyrgyzstan after an Uzbek uprising in May were flown "
                 "Friday to a refugee camp in Romania")),
    dict(date="2005-07-29", precision="day", category="host decision", label="Uzbek memorandum: leave K2",
         event="Uzbekistan delivers a memorandum to the US embassy in Tashkent demanding the removal of the US "
               "air base at K2 within six months",
         actors="Uzbekistan; United States",
         paper="Uzbekistan delivered a memorandum to the US embassy in Tashkent demanding the removal of the US "
               "airbase at Kharshi-Khanabad (K2) within 6 months on 29 July",
         dated_by="On 21 November 2005 the US evacuated the base"),
    dict(date="2005-10", precision="month", category="US pressure",
         label="Rice visits Kazakhstan, Kyrgyzstan, Tajikistan",
         event="US Secretary of State Condoleezza Rice makes an official visit to Kazakhstan, Kyrgyzstan and "
               "Tajikistan",
         actors="Condoleezza Rice; Kazakhstan; Kyrgyzstan; Tajikistan",
         paper="Secretary of State Condoleezza Rice made an official visit to Kazakhstan, Kyrgyzstan and "
               "Tajikistan in October 2005"),
    dict(date="2005-11-21", precision="day", category="base", label="US leaves K2",
         event="The United States evacuates the Karshi-Khanabad (K2) air base",
         actors="United States; Uzbekistan", base="K2", milestone="end",
         paper="On 21 November 2005 the US evacuated the base"),
    dict(date="2006", precision="year", category="collective backing", label="SCO Secretariat strengthened",
         event="The SCO strengthens its Secretariat and its anti-terror cooperation",
         actors="SCO member states",
         paper="In 2006, the role of the SCO Secretariat was strengthened"),
    dict(date="2007-02", precision="month", category="collective backing",
         label="Putin and Hu declaration: the paper's date (contradicted)",
         event="The paper says Presidents Putin and Hu signed the Declaration on the World Order in the 21st "
               "Century in February 2007. The claims ledger marks this date contradicted: China's Foreign "
               "Ministry and People's Daily date the joint statement on the international order of the 21st "
               "century to 1 July 2005, in Moscow, days before the Astana summit",
         actors="Vladimir Putin; Hu Jintao",
         paper="In February 2007, Russian President Vladimir Putin and Chinese President Hu Jintao signed the "
               "Declaration on the World Order in the 21st Century"),
    dict(date="2007", precision="year", category="host decision", label="Bakiev asks for fewer US forces",
         event="At the SCO's Bishkek summit, President Kurmanbek Bakiev calls for a further reduction of the US "
               "military presence",
         actors="President Kurmanbek Bakiev; SCO",
         paper="In 2007, at the Bishkek summit of SCO, Bakiev called for the further reduction of US military "
               "presence"),
    dict(date="2009-02-03", precision="day", category="host decision", label="Bakiev in Moscow: Manas to close",
         event="In Moscow, after talks with President Medvedev and promises of Russian debt relief and aid, "
               "President Bakiev announces that Kyrgyzstan will close the Manas base",
         actors="President Kurmanbek Bakiev; President Dmitry Medvedev; United States",
         report=("Los Angeles Times, 'Kyrgyzstan to close key U.S. air base', 4 February 2009 "
                 "(the announcement was made 'on Tuesday', 3 February)",
                 "https://www.latimes.com/archives/la-xpm-2009-feb-04-fg-kyrgyzstan-base4-story.html",
                 "The president of Kyrgyzstan flew to Moscow on Tuesday, nailed down promises of debt relief and "
                 "billions of dollars in aid -- and promptly announced plans to close a U.S. air base")),
    dict(date="2009", precision="year", category="host decision", label="Manas: closure announced, then reversed",
         event="Kyrgyzstan announces it will close the Manas base, then reverses the decision after the US raises "
               "the annual rent",
         actors="Kyrgyzstan; United States",
         paper="In 2009, the Kyrgyzstan government announced that it would close down the base, only to reverse "
               "its decision after the US upped the annual rent"),
    dict(date="2010-04", precision="month", category="domestic politics", label="Bakiev regime falls (Factbook 2015)",
         event="Violent protests in Bishkek lead to the collapse of President Bakiev's regime",
         actors="Kyrgyz protesters; President Kurmanbek Bakiev",
         factbook=("kg", "Background", "In April 2010, violent protests in Bishkek led to the collapse of the "
                   "BAKIEV regime")),
    dict(date="2011-11", precision="month", category="host decision", label="Atambayev: Manas to close in 2014",
         event="Newly elected President Almazbek Atambayev announces he will close the base when its lease runs "
               "out in 2014",
         actors="President Almazbek Atambayev; United States",
         paper="In November 2011, however, newly elected President Almazbek Atambayev announced that he would close "
               "the base when its lease ran out in 2014"),
    dict(date="2011-12", precision="month", category="domestic politics",
         label="Atambaev inaugurated (Factbook 2015)",
         event="Almazbek Atambaev is inaugurated as president: the first peaceful transfer of presidential power in "
               "independent Kyrgyzstan, in the Factbook's words",
         actors="President Almazbek Atambaev",
         factbook=("kg", "Background", "Almazbek ATAMBAEV was inaugurated in December 2011, marking the first "
                   "peaceful transfer of presidential power")),
    dict(date="2014-06", precision="month", category="base", label="Manas base formally closed",
         event="The Manas air base in Kyrgyzstan is formally closed (the paper cites Kucera 2014)",
         actors="United States; Kyrgyzstan", base="Manas", milestone="end",
         paper="The Manas air base was formally closed in June 2014"),
]

NETWORK_CATEGORIES = ["unrest", "US pressure", "collective backing", "host decision", "base", "domestic politics"]
NETWORK_BASES = {"K2": "Karshi-Khanabad (K2), Uzbekistan", "Manas": "Manas, Kyrgyzstan"}


def build_network_events(text: str, src: Path) -> list[dict]:
    flat = re.sub(r"\s+", " ", text)
    fb = _factbook_fields(src, "2015", {spec["factbook"][:2] for spec in NETWORK_EVENTS if "factbook" in spec})
    rows = []
    for i, spec in enumerate(NETWORK_EVENTS, start=1):
        date, year = spec["date"], spec["date"][:4]
        check_precision("network_events", i, date, spec["precision"])
        if spec["category"] not in NETWORK_CATEGORIES:
            raise SourceError(f"network_events row {i}: unknown category {spec['category']!r}")
        if bool(spec.get("base")) != bool(spec.get("milestone")) or spec.get("base", "K2") not in NETWORK_BASES:
            raise SourceError(f"network_events row {i}: a base row needs a known base and a milestone")
        kinds = [k for k in ("paper", "factbook", "report") if k in spec]
        if len(kinds) != 1:
            raise SourceError(f"network_events row {i}: exactly one of paper=, factbook=, report= is needed")
        url = ""
        if "paper" in spec:
            quote, source = spec["paper"], _PAPER_S5
            check_paper_quote("network_events", i, flat, quote, year=None if "dated_by" in spec else year)
            if "dated_by" in spec:
                check_paper_quote("network_events", i, flat, spec["dated_by"], year=year)
            checked = "verbatim in the paper (checked by the build)"
        elif "factbook" in spec:
            fips, field, quote = spec["factbook"]
            source = _FB15_KG if (fips, field) == ("kg", "Background") else f"CIA World Factbook 2015, {fips}, {field}"
            if quote not in fb.get((fips, field), "") or year not in quote:
                raise SourceError(f"network_events row {i}: the quote is not in the Factbook 2015 {fips}/{field} "
                                  f"or does not state the year {year}")
            checked = "verbatim in the Factbook 2015 (checked by the build)"
        else:
            source, url, quote = spec["report"]
            if not url.startswith("https://"):
                raise SourceError(f"network_events row {i}: a report row needs the report's address")
            checked = "not checkable here: the publication is not in ../shared/sources"
        rows.append({"id": i, "date": date, "year": int(year), "precision": spec["precision"],
                     "category": spec["category"], "label": spec["label"], "event": spec["event"],
                     "actors": spec["actors"], "base": spec.get("base", ""), "milestone": spec.get("milestone", ""),
                     "source_type": kinds[0], "source": source, "quote": quote,
                     "date_quote": spec.get("dated_by", ""), "checked": checked, "url": url})
    if [r["year"] for r in rows] != sorted(r["year"] for r in rows):
        raise SourceError("network_events: rows must be in year order (within a year, in the order of the narrative)")
    return rows


#: Chapter 5's figures: (figure, description, value or None, unit, kind, source, quote, url).
#: Rows with source _PAPER_S5 are checked: quote verbatim in the paper and the value printed in it.
NETWORK_FIGURES = [
    ("andijan_deaths_official", "Andijan, 13 May 2005: people killed, 'according to the official announcement' "
     "(the paper cites Matveeva & Giustozzi 2008: 2)", 187, "people", "official figure", _PAPER_S5,
     "a total of 187 people were killed according to the official announcement", ""),
    ("andijan_deaths_government_hrw", "Andijan: the death toll the Uzbek government claimed, as Human Rights Watch "
     "reported it in June 2005 (attackers, officials and civilians killed by the attackers)", 173, "people",
     "official figure", _HRW_2005, "It claims the death toll was 173 people", _HRW_URL),
    ("andijan_deaths_hrw", "Andijan: people killed by government forces, Human Rights Watch's finding from "
     "interviews (no single number)", None, "people", "independent account", _HRW_2005,
     "Uzbek government forces killed hundreds of unarmed people", _HRW_URL),
    ("andijan_prisoners_freed", "Andijan: suspects set free from the jail, in the paper's account", 23, "people",
     "paper's figure", _PAPER_S5, "setting free a total of 23 suspects of terrorism", ""),
    ("us_aid_withheld", "US aid to Uzbekistan withheld in protest at Andijan", 8, "US$ million",
     "paper's figure", _PAPER_S5, "Washington withheld $8 million of aid to Uzbekistan", ""),
    ("us_aid_threatened", "Further US aid to be withheld unless Uzbekistan allowed a full inquiry", 22,
     "US$ million", "paper's figure", _PAPER_S5, "it would withhold $22 million of aid, unless it allowed a full "
     "inquiry", ""),
    ("k2_notice", "Notice Uzbekistan gave the US to remove the K2 base", 6, "months", "paper's figure", _PAPER_S5,
     "demanding the removal of the US airbase at Kharshi-Khanabad (K2) within 6 months", ""),
    ("manas_rent_before", "Annual rent the US paid for Manas before the 2009 reversal", 17, "US$ million a year",
     "paper's figure", _PAPER_S5, "the US upped the annual rent from $17 million to $60 million", ""),
    ("manas_rent_after", "Annual rent the US agreed to pay for Manas in 2009", 60, "US$ million a year",
     "paper's figure", _PAPER_S5, "the US upped the annual rent from $17 million to $60 million", ""),
]


def build_network_figures(text: str) -> list[dict]:
    flat = re.sub(r"\s+", " ", text)
    rows = []
    for i, (figure, description, value, unit, kind, source, quote, url) in enumerate(NETWORK_FIGURES, start=1):
        if source == _PAPER_S5:
            check_paper_quote("network_figures", i, flat, quote)
            checked = "verbatim in the paper (checked by the build)"
        elif url.startswith("https://"):
            checked = "not checkable here: the publication is not in ../shared/sources"
        else:
            raise SourceError(f"network_figures row {i}: a figure not from the paper needs its source's address")
        if value is not None and not re.search(rf"(?<![\d.]){value}(?![\d.])", quote):
            raise SourceError(f"network_figures row {i}: the value {value} is not printed in the quote")
        rows.append({"id": i, "figure": figure, "description": description, "value": value, "unit": unit,
                     "kind": kind, "source": source, "quote": quote, "checked": checked, "url": url})
    return rows


# ---------------------------------------------------------------- chapter 6: the Sino-Russian rapprochement
_NO_CITATION = "no citation in the paper"
_NUMBER_WORDS = {"ten": 10}

#: Chapter 6: the numbers of the paper's section 'The US role in the Sino-Russian rapprochement'.
#: (figure, claim, value or None, unit, date, cited_as, quote, note). The build checks that each quote is
#: verbatim in the paper and prints the value (in digits, or as a word in _NUMBER_WORDS), and that cited_as
#: is what the paper gives: a footnote marker [n] or an author-date citation right after the quote, or none.
_UPI_2019 = ("UPI, report of 18 February 2019 on Gazprom's preparations for deliveries to China, "
             "https://www.upi.com/Top_News/World-News/2019/02/18/Russias-Far-East-gas-to-start-China-deliveries-by-"
             "December/4431550494817/")
_TASS_2019 = ("TASS, 'Russia starts deliveries of gas to China via Power of Siberia pipeline', 2 December 2019, "
              "https://tass.com/economy/1094685")
_TASS_2025 = ("TASS, report on Gazprom's daily records of supply to China, datelined Moscow, 5 December (2025: it "
              "reports January-September 2025), https://tass.com/economy/2054559")
_TASS_2025_QUOTE = ("Supplies via the Power of Siberia totaled 4.1 billion cubic meters in 2020, 10.39 billion cubic "
                    "meters in 2021, 15.4 billion cubic meters in 2022, 22.73 billion cubic meters in 2023, and 31.12 "
                    "billion cubic meters in 2024")


def is_later_source(cited_as: str) -> bool:
    """A rapprochement_figures row from a later report (it names the report's address), not from the paper."""
    return "https://" in cited_as


RAPPROCHEMENT_FIGURES = [
    ("gas_negotiation_years", "Years of negotiation before Gazprom's gas contract with China", 10, "years",
     "2014-05-21", _NO_CITATION, "after ten years of negotiations", ""),
    ("gas_contract_value", "Value of Gazprom's gas contract with China, signed 21 May 2014", 400, "US$ billion",
     "2014-05-21", _NO_CITATION,
     "a US$ 400 billion contract envisaging a 30-year gas supply with China on 21 May 2014",
     "A headline total over the whole contract; the paper gives no price and no price formula."),
    ("gas_contract_years", "Length of the gas supply under the contract", 30, "years", "2014-05-21", _NO_CITATION,
     "a US$ 400 billion contract envisaging a 30-year gas supply with China on 21 May 2014", ""),
    ("power_of_siberia_capacity", "Annual capacity of the Power of Siberia pipeline the deal involves", 38,
     "bcm a year", "2014-05-21", _NO_CITATION,
     "the Power of Siberia gas pipeline with an annual capacity of 38 bcm",
     "The paper calls 38 bcm the pipeline's 'annual capacity'. It is the contract's plateau volume for export "
     "to China (pos_contract_plateau); Gazprom gives the pipeline a larger overall design capacity "
     "(pos_design_capacity), which also serves Russia's Far East."),
    ("altai_capacity", "Annual capacity of the Altai pipeline project under negotiation", 30, "bcm a year",
     "2014-10", _NO_CITATION,
     "In October 2014, Gazprom disclosed its negotiations with China on another pipeline project – the Altai - "
     "of annual capacity 30 bcm", "A project under negotiation in 2014, not a signed contract."),
    ("contracts_may_2015", "Contracts for construction projects and investment signed by China and Russia", 32,
     "contracts", "2015-05", "footnote [27], text lost",
     "In May 2015, China and Russia signed 32 contracts of various construction projects and investment", ""),
    ("chinese_capital_share_before", "Share of Chinese capital in Russia before the May 2015 deals", 18, "%",
     "", "footnote [27], text lost",
     "increase the share of Chinese capital in Russia from 18% to 25% in 2015, and up to 40% in the future",
     "A share of what (foreign investment? capital in some sector?) the paper does not say."),
    ("chinese_capital_share_2015", "Expected share of Chinese capital in Russia in 2015", 25, "%", "2015",
     "footnote [27], text lost",
     "increase the share of Chinese capital in Russia from 18% to 25% in 2015, and up to 40% in the future",
     "An expectation, not an outcome; the denominator is not stated."),
    ("chinese_capital_share_future", "Expected share of Chinese capital in Russia 'in the future'", 40, "%", "",
     "footnote [27], text lost",
     "increase the share of Chinese capital in Russia from 18% to 25% in 2015, and up to 40% in the future",
     "An expectation with no date; the denominator is not stated."),
    ("sco_strategy_years", "Length of the SCO development strategy drafted by Russia for the Ufa summit", 10,
     "years", "", "footnote [29], text lost",
     "a 10-year strategy drafted by the Russian side is to be adopted during the SCO summit in Ufa", ""),
    ("rouble_recovery", "Part of the rouble's loss against the US dollar recovered by early May 2015", None,
     "share of the loss", "2015-05", _NO_CITATION,
     "recovering almost half of its loss vis-à-vis USD by early May",
     "Words, not a number: 'almost half'. The course has no exchange-rate data to check it."),
    ("ust_holdings_jan_2014", "Russia's holdings of US Treasury securities, January 2014", 131.8,
     "billion (currency not stated; US dollars implied)", "2014-01", "footnote [30], text lost",
     "The Russia reduced its US treasury holdings from 131.8 billion in January 2014 to 82.2 billion in March 2015",
     "Footnote text lost; the US Treasury's monthly holdings data would be the place to check it."),
    ("ust_holdings_mar_2015", "Russia's holdings of US Treasury securities, March 2015", 82.2,
     "billion (currency not stated; US dollars implied)", "2015-03", "footnote [30], text lost",
     "The Russia reduced its US treasury holdings from 131.8 billion in January 2014 to 82.2 billion in March 2015",
     "Footnote text lost; the US Treasury's monthly holdings data would be the place to check it."),
    ("media_foreign_capital_cap", "Cap on the share of foreign capital in Russian mass media, law of October 2014",
     20, "%", "2014-10", _NO_CITATION,
     "restricted the share of foreign capital in Russian mass media up to 20% on October 2014", ""),
    ("foreign_agents_2014", "'Foreign agents and scouts' whose activities the Russian government said it "
     "stopped in 2014", 350, "people (as the government announced)", "2014", "footnote [45], text lost",
     "The government announced it had cracked down the activities of 350 foreign agents and scouts in 2014",
     "A government announcement, not an independently verified count."),
    # Later sources on the Power of Siberia (not the paper's figures): cited_as names the report and its address.
    ("pos_contract_plateau", "Annual volume of gas for China under the 30-year 'eastern route' contract, once "
     "deliveries reach their plateau", 38, "bcm a year", "2014-05-21", _UPI_2019,
     "The 30-year agreement provides for about 38 billion cubic meters per year to be delivered to China",
     "The figure the paper calls the pipeline's capacity: the contract's plateau volume for export."),
    ("pos_design_capacity", "Overall design capacity of the Power of Siberia pipeline, as Gazprom gives it "
     "(export to China and supply to Russia's Far East)", 61, "bcm a year", "2019-12-02", _TASS_2019,
     "Its capacity is 61 bln cubic meters of gas per year, including 38 billion cubic meters for export",
     "Larger than the 38 bcm for export: the pipeline also carries gas for Russian consumers."),
    ("pos_first_deliveries", "First deliveries of gas to China through the Power of Siberia", None,
     "date (see the date column)", "2019-12-02", _TASS_2019,
     "Russia has started gas supplies to China via the Power of Siberia pipeline on Monday",
     "The report is datelined Moscow, 2 December 2019, a Monday."),
    ("pos_deliveries_2020", "Gas delivered to China through the Power of Siberia in 2020", 4.1, "bcm", "2020",
     _TASS_2025, _TASS_2025_QUOTE, "Gazprom's figure for the first full year of deliveries."),
    ("pos_deliveries_2021", "Gas delivered to China through the Power of Siberia in 2021", 10.39, "bcm", "2021",
     _TASS_2025, _TASS_2025_QUOTE, "Gazprom's figure."),
    ("pos_deliveries_2022", "Gas delivered to China through the Power of Siberia in 2022", 15.4, "bcm", "2022",
     _TASS_2025, _TASS_2025_QUOTE, "Gazprom's figure."),
    ("pos_deliveries_2023", "Gas delivered to China through the Power of Siberia in 2023", 22.73, "bcm", "2023",
     _TASS_2025, _TASS_2025_QUOTE, "Gazprom's figure."),
    ("pos_deliveries_2024", "Gas delivered to China through the Power of Siberia in 2024", 31.12, "bcm", "2024",
     _TASS_2025, _TASS_2025_QUOTE, "Gazprom's figure; the 38 bcm a year rate was reached only in December."),
    ("pos_plateau_reached", "Date from which deliveries ran at the contract's 38 bcm a year", 38, "bcm a year",
     "2024-12-01", _TASS_2025,
     "Gazprom brought the Power of Siberia gas pipeline to China to its maximum design capacity of 38 billion "
     "cubic meters of gas per year on December 1, 2024",
     "TASS calls 38 bcm the 'maximum design capacity' here: the design capacity for export, not of the whole "
     "pipeline (pos_design_capacity)."),
]


def check_citation(table: str, i: int, flat: str, quote: str, cited_as: str) -> None:
    """The citation the row gives must be the paper's: a footnote marker or author-date citation right after
    the quote (before any other footnote marker), or, for _NO_CITATION, none in the rest of the sentence."""
    end = flat.index(quote) + len(quote)
    window = flat[end:end + 400]
    m = re.fullmatch(r"footnote \[(\d+)\], text lost", cited_as)
    if m:
        first = re.search(r"\[(\d+)\]", window)
        if not first or first.group(1) != m.group(1):
            raise SourceError(f"{table} row {i}: footnote [{m.group(1)}] does not follow the quote in the paper")
    elif cited_as == _NO_CITATION:
        sentence = re.split(r"(?<=[.!?])\s", window, maxsplit=1)[0]
        if re.search(r"\[\d+\]|\([A-Z][A-Za-z]+, \d{4}", sentence):
            raise SourceError(f"{table} row {i}: the paper cites a source for this quote; name it")
    elif cited_as not in window:
        raise SourceError(f"{table} row {i}: the citation {cited_as!r} does not follow the quote in the paper")


def build_rapprochement_figures(text: str) -> list[dict]:
    flat = re.sub(r"\s+", " ", text)
    start = flat.index("The US role in the Sino-Russian rapprochement")
    section = flat[start:flat.index("As unipolar globalization has already gone", start)]
    rows = []
    for i, (figure, claim, value, unit, date, cited_as, quote, note) in enumerate(RAPPROCHEMENT_FIGURES, start=1):
        if is_later_source(cited_as):
            if not cited_as.split("https://")[-1].strip():
                raise SourceError(f"rapprochement_figures row {i}: a later report needs its address")
        else:
            check_paper_quote("rapprochement_figures", i, section, quote)
            check_citation("rapprochement_figures", i, flat, quote, cited_as)
        if date:
            check_precision("rapprochement_figures", i, date, {4: "year", 7: "month", 10: "day"}.get(len(date), "day"))
        if value is not None:
            words = [w for w, n in _NUMBER_WORDS.items() if n == value]
            if not re.search(rf"(?<![\d.]){value}(?![\d.])", quote) and not any(re.search(rf"\b{w}\b", quote) for w in words):
                raise SourceError(f"rapprochement_figures row {i}: the value {value} is not printed in the quote")
        rows.append({"id": i, "figure": figure, "claim": claim, "value": value, "unit": unit, "date": date,
                     "cited_as": cited_as, "quote": quote, "note": note})
    return rows


# ---------------------------------------------------------------- chapter 7: the argument map
#: The paper's argument as a map: its conclusion, one premise per section, and the four doubts of its
#: conclusion. Each row: (node, role, chapter, label, claim, quote, bears_on, evidence, evidence_metric,
#: counter, counter_source, counter_metric). ``quote`` must occur verbatim in the paper (checked below);
#: the metric columns name functions in multipolar/argmap.py that compute figures from data/, so no
#: number is typed here. ``bears_on`` for a doubt is the course's reading of which node it qualifies.
ARGUMENT_MAP = [
    ("C", "conclusion", 7, "Multipolarity is near and can be peaceful",
     "A multipolar world is close; regional structures in which large and small states cooperate on "
     "sovereign, practical terms, as in the SCO, are the key to a peaceful transition.",
     "The effectiveness of sovereignty oriented and utilitarian cooperation the SCO has displayed will be "
     "the key for a peaceful transition", "",
     "The emerging economies' share of world GDP rose steeply in the data the paper used; the latest data show "
     "where it went next, and the claims ledger shows how much of the paper's factual base the course could test",
     "brics_share; ledger_checked",
     "A founding SCO member went to war against a neighbour in 2022; the paper itself names four reasons for "
     "scepticism (the doubts on the map)", "Epilogue (chapter 8); the paper's conclusion", "ukraine_2022"),
    ("P1", "premise", 1, "The US-led order is in retreat",
     "US hegemony lasted barely a decade after the Cold War: the wars in Afghanistan and Iraq drained its "
     "resources, the recession of 2008 signalled a shift of wealth, and the US, though still the most "
     "important player, can no longer impose its rules on the rest of the world.",
     "its political capital has so depleted that it can no longer in the position to impose its rules over "
     "the rest of the world", "C",
     "The US share of world GDP at market exchange rates fell in the data the paper could see",
     "us_share_2000_2013",
     "In the latest data the US share recovered from its low; and GDP at market exchange rates is not power: "
     "US military and technological primacy may be durable",
     "Chapter 1: Brooks and Wohlforth (2008); World Bank, latest vintage", "us_share_since"),
    ("P2", "premise", 2, "US policy, not China, drove the shift",
     "The US decline was not China's design: China grew while the US lagged, and it was Washington's failure "
     "to reform the international financial institutions, not Chinese expansionism, that pushed China and "
     "others to build the AIIB, the NDB and the CRA.",
     "it was not the Chinese expansionism, but the US failure to remedy the deficiency of international "
     "financial institutions", "C",
     "China's share of world GDP rose steeply in the paper's years, while the IMF reform of 2010 waited for "
     "US approval", "china_share_2000_2013",
     "Shares of GDP cannot show causes, and no single consistent series reproduces all of the paper's growth "
     "multiples for China; the US Congress approved the IMF reform soon after the paper appeared",
     "Chapter 2 and the claims ledger; IMF, Press Release No. 15/573", "imf_reform_approved"),
    ("P3", "premise", 3, "A multilayered, non-exclusive approach",
     "China's Belt and Road builds on existing, overlapping mechanisms and accepts partners as they are, "
     "instead of dividing the world into friends and foes as the US dichotomy does.",
     "the Chinese plan is rather conservative, being based either on the existing institutions and mechanisms",
     "C",
     "The mechanisms the 'Vision and Actions' document names overlap: many countries belong to several",
     "vision_layers",
     "Conservative means can serve revisionist ends: voices the paper itself quotes read the same plan as a "
     "challenge to the existing order, and building new institutions beside old ones is itself a way of "
     "contesting them (contested multilateralism)",
     "Chapter 3: Morse and Keohane (2014); the voices the paper quotes", ""),
    ("P4", "premise", 4, "The SCO's functionalism works",
     "The SCO's practical, sovereignty-respecting cooperation (settled borders, a shared definition of the "
     "'three evils', RATS) built trust among its members, so it is a fair testing ground for the Belt and Road.",
     "The SCO\u2019s success in the battle against terrorism was achieved mainly by three measures", "C",
     "The SCO grew from the Shanghai Five into a body whose members held a large share of the world's people, "
     "and it has enlarged since (chapter 4's dated timeline)", "sco_weight_2014; sco_enlarged",
     "Critics read the SCO as an 'authoritarian club' that shields incumbent governments, and its security "
     "cooperation as held back by Russia's preference for the CSTO",
     "Chapter 4: Ambrosio (2008); chapter 6: Frost (2009) as the paper cites him", ""),
    ("P5", "premise", 5, "Network leverage protects small states",
     "Collective backing from the SCO let Central Asian states refuse outside pressure, as when Uzbekistan "
     "told the US to leave the K2 base after Andijan.",
     "the collective action with other SCO member states fortifies the bargaining position of each member",
     "C",
     "After the SCO's Astana declaration, Uzbekistan's demand that the US leave K2 was met within months",
     "k2_days",
     "The US could leave K2 because it had other options, and it stayed at Manas until 2014 at a higher rent; "
     "the same backing shielded a government from scrutiny of the Andijan killings, whose toll is disputed",
     "Chapter 5: the realist reading; Ambrosio (2008); Human Rights Watch (2005)", "manas_rent; andijan_accounts"),
    ("P6", "premise", 6, "US pressure forged a Sino-Russian accord",
     "Western pressure, above all the sanctions of 2014, turned the Sino-Russian partnership into an "
     "'accord' resting on a shared fear of US-backed colour revolutions.",
     "The stronger the pressure grew, the tighter the ties of two countries has become", "C",
     "Gas contracts, arms sales and a move away from dollar assets followed the sanctions, in the paper's "
     "account", "ust_fall",
     "A deeply unequal partnership may be an 'axis of convenience' rather than an accord; neo-realists expect "
     "the two powers to fall out",
     "Chapter 6: Lo (2008); Kerr (2010) and Carroll (2011) as the paper cites them", "china_russia_ratio"),
    ("D1", "doubt", 7, "Win-win may not bring prosperity",
     "Whether 'win-win' cooperation brings shared prosperity is an open question: the emerging economies "
     "grew within neoliberal globalisation, so a new order must show a development model of its own.",
     "it is totally open to question whether the so-called \u201cwin-win\u201d cooperation will produce the "
     "presupposed effects of mutual prosperity", "P3", "", "", "", "", ""),
    ("D2", "doubt", 7, "A US retreat leaves security gaps",
     "If the US retreat is inevitable, accidental hostilities will be harder to prevent where no viable "
     "interstate structure exists, as in North-East Asia, and how to fill the vacuum is an open question.",
     "one can predict several security risks if the US retreat is inevitable", "P5", "", "", "", "", ""),
    ("D3", "doubt", 7, "Trust may not outlast the threat",
     "Building trust between civilisations through dialogue may be naive: identities change with "
     "circumstances, and the Sino-Russian accord may weaken if the US threat fades.",
     "the Sino-Russian accord will be fragile if the perceived US threats eventually disappear", "P6",
     "", "", "", "", ""),
    ("D4", "doubt", 7, "Deeper change is needed",
     "A lasting multipolar order needs qualitative change in political, social, economic and cultural "
     "systems; citing Boris Kagarlitski, the paper adds that changes which do not end capitalism may only "
     "swap the neoliberal model for a new welfare state.",
     "qualitative changes in existing political, social, economic and cultural systems are necessary", "C",
     "", "", "", "", ""),
]
ARGUMENT_ROLES = ["conclusion", "premise", "doubt"]


def build_argument_map(text: str) -> list[dict]:
    flat = re.sub(r"\s+", " ", text)
    nodes = [row[0] for row in ARGUMENT_MAP]
    if len(set(nodes)) != len(nodes):
        raise SourceError("argument_map: node keys must be unique")
    rows = []
    for i, (node, role, chapter, label, claim, quote, bears_on, evidence, e_metric, counter, c_source,
            c_metric) in enumerate(ARGUMENT_MAP, start=1):
        check_paper_quote("argument_map", i, flat, quote)
        if role not in ARGUMENT_ROLES:
            raise SourceError(f"argument_map row {i}: role {role!r} is not one of {ARGUMENT_ROLES}")
        if (role == "conclusion") != (bears_on == "") or (bears_on and bears_on not in nodes):
            raise SourceError(f"argument_map row {i}: bears_on {bears_on!r} must name another node "
                              "(and be empty only for the conclusion)")
        if role != "doubt" and not (evidence and counter and c_source):
            raise SourceError(f"argument_map row {i}: a claim on the map needs evidence, counter-evidence and its source")
        if re.search(r"\d", evidence + counter):
            for number in re.findall(r"\d+", evidence + counter):
                if number not in c_source and not re.fullmatch(r"(19|20)\d\d", number):
                    raise SourceError(f"argument_map row {i}: the number {number} is typed in the text; "
                                      "compute it with a metric instead")
        rows.append({"id": i, "node": node, "role": role, "chapter": chapter, "label": label, "claim": claim,
                     "quote": quote, "bears_on": bears_on, "evidence": evidence, "evidence_metric": e_metric,
                     "counter": counter, "counter_source": c_source, "counter_metric": c_metric})
    return rows


# ---------------------------------------------------------------- claims ledger: dated events (issue 14)
#: Dated events the paper states, each with an independent named source the course read (through stored
#: copies of public pages, found with the course's search tool). The ledger holds the paper's dated claims
#: against these rows; the build writes them in date order. "url" is the address the course read.
CLAIM_EVENTS = [
    dict(key="third_plenum_1978", date="1978-12-18", precision="day", chapter=2,
         label="Third Plenum opens reform and opening-up",
         event="The Third Plenary Session of the 11th CPC Central Committee meets in Beijing (18-22 December "
               "1978), the start of the 'reform and opening-up' policy",
         source_type="news report",
         source="China.org.cn, 'The Third Plenary Session of the 11th CPC Central Committee' (China Keywords), "
                "10 August 2021",
         url="http://china.org.cn/m/english/china_key_words/2021-08/10/content_77684658.html"),
    dict(key="partnership_1996", date="1996-04-25", precision="day", chapter=4,
         label="Russia-China 'strategic partnership'",
         event="Presidents Yeltsin and Jiang Zemin sign a joint statement in Beijing announcing a 'strategic "
               "partnership' of the two countries towards the 21st century",
         source_type="analysis",
         source="Jamestown Foundation, Monitor vol. 2 no. 82, 'Russian and China launch strategic partnership' "
                "(citing Western, Russian and Chinese agencies of 25 April 1996)",
         url="https://jamestown.org/program/russian-and-china-launch-strategic-partnership/"),
    dict(key="shanghai_five_1996", date="1996-04-26", precision="day", chapter=4, label="Shanghai Five agreement",
         event="China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan sign the Agreement on Confidence-Building in "
               "the Military Field in Border Areas in Shanghai, the start of the 'Shanghai Five'",
         source_type="news report",
         source="Xinhua, ''Shanghai Five': a paradigm mechanism for peace, development at border areas: experts', "
                "15 April 2016",
         url="http://ecns.cn/voices/2016/04-15/206843.shtml"),
    dict(key="tashkent_treaty_2000", date="2000-04-21", precision="day", chapter=4,
         label="Four-state anti-terrorism treaty",
         event="Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan conclude in Tashkent an agreement on joint "
               "action against terrorism, political and religious extremism and transnational organised crime",
         source_type="official document",
         source="Republic of Kazakhstan, Law No. 97-II of 9 November 2000 ratifying the agreement 'concluded in "
                "Tashkent on April 21, 2000' (text in the zakonpravo.kz legal database)",
         url="http://www.zakonpravo.kz/en/on-the-ratification-of-the-agreement-between-the-republic-of-kazakhstan-"
             "the-kyrgyz-republic-the-republic-of-tajikistan-and-the-republic-of-uzbekistan-on-joint-actions-to-"
             "combat-terrorism-political-and-religious-extremism-transnational-organized-crime-and-other-threats-"
             "to-stability-and-security-of-the-parties"),
    dict(key="sco_founded_2001", date="2001-06-15", precision="day", chapter=4, label="SCO founded in Shanghai",
         event="The heads of state of China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan establish "
               "the Shanghai Cooperation Organization in Shanghai on the basis of the 'Shanghai Five'",
         source_type="news report", source="China.org.cn, 'Shanghai Cooperation Organization' (feature page)",
         url="http://english.china.org.cn/english/features/38183.htm"),
    dict(key="us_uzbek_declaration_2002", date="2002-03-12", precision="day", chapter=5,
         label="US-Uzbek strategic partnership declaration",
         event="Secretary of State Colin Powell and Foreign Minister Abdulaziz Kamilov sign the Declaration on "
               "the Strategic Partnership and Cooperation Framework between the United States and Uzbekistan",
         source_type="official document",
         source="US Department of State, Office of the Spokesman, 'United States-Uzbekistan Declaration (Fact "
                "Sheet)', 12 March 2002",
         url="https://2001-2009.state.gov/r/pa/prs/ps/2002/8736.htm"),
    dict(key="sco_charter_2002", date="2002-06-07", precision="day", chapter=4, label="SCO Charter signed",
         event="The six heads of state sign the Charter of the Shanghai Cooperation Organization at their summit "
               "in St Petersburg",
         source_type="official document",
         source="Charter of the Shanghai Cooperation Organization of June 7, 2002 (text in the CIS Legislation "
                "database)",
         url="https://cis-legislation.com/document.fwx?rgn=3851"),
    dict(key="tulip_2005", date="2005-03-24", precision="day", chapter=5, label="Akayev ousted in Bishkek",
         event="Protesters storm the government headquarters in Bishkek and President Askar Akayev flees the "
               "country",
         source_type="news report",
         source="Chicago Tribune, Alex Rodriguez, 'Government of Kyrgyzstan overthrown', 25 March 2005 (the "
                "storming on Thursday, 24 March)",
         url="http://articles.chicagotribune.com/2005-03-25/news/0503250247_1_demonstrators-protesters-new-government"),
    dict(key="andijan_prison_2005", date="2005-05-13", precision="day", chapter=5,
         label="Andijan prison stormed",
         event="Armed men storm the Andijan prison shortly after midnight, freeing at least 2,000 prisoners, "
               "among them the 23 local businessmen on trial, by a local human-rights activist's account",
         source_type="news report",
         source="The Washington Post, 'Uzbek crowd storms prison in anti-government protest', 14 May 2005",
         url="http://www.washingtonpost.com/wp-dyn/content/article/2005/05/13/AR2005051300458_2.html",
         note="Human Rights Watch, 'Bullets Were Falling Like Rain' (June 2005), also describes the trial of the "
              "23 businessmen and a prison break that freed many other prisoners."),
    dict(key="k2_notice_2005", date="2005-07-29", precision="day", chapter=5, label="Uzbek eviction notice for K2",
         event="The Uzbek government formally evicts the US military from the Karshi-Khanabad (K2) air base",
         source_type="news report",
         source="Washington Post, Josh White, 'Uzbekistan Senate says U.S. troops must leave', 27 August 2005",
         url="http://www.washingtonpost.com/wp-dyn/content/article/2005/08/26/AR2005082601712.html",
         note="Reuters (30 July 2005) reports that the notice gave the US 180 days to leave."),
    dict(key="rice_visit_2005", date="2005-10-11", precision="day", chapter=5, label="Rice begins Central Asian tour",
         event="US Secretary of State Condoleezza Rice arrives in Kyrgyzstan, the first stop of a tour that also "
               "takes her to Kazakhstan, Tajikistan and Afghanistan",
         source_type="news report",
         source="RFE/RL, 'U.S.: Secretary of State Rice begins Central Asian tour', 11 October 2005",
         url="https://www.rferl.org/a/1062019.html"),
    dict(key="k2_left_2005", date="2005-11-21", precision="day", chapter=5, label="Last US personnel leave K2",
         event="The last 90 US personnel leave the K2 air base and control returns to the Uzbek government",
         source_type="news report",
         source="Al Jazeera, 'US vacates Uzbekistan military base', 22 November 2005 (the departure on Monday, "
                "21 November)",
         url="https://www.aljazeera.com/news/2005/11/22/us-vacates-uzbekistan-military-base"),
    dict(key="bishkek_summit_2007", date="2007-08-16", precision="day", chapter=5, label="SCO summit in Bishkek",
         event="The seventh SCO summit meets in Bishkek; by the US embassy's account the formal session did not "
               "openly discuss the Manas air base",
         source_type="official document",
         source="US Embassy Bishkek, cable 07BISHKEK1048, 'SCO summit focuses on economic, security cooperation', "
                "17 August 2007 (published by WikiLeaks)",
         url="https://wikileaks.org/plusd/cables/07BISHKEK1048.html",
         note="The Washington Times (18 August 2007) quotes Kyrgyzstan's ambassador in Washington: the summit "
              "did not even raise the question of the Manas base."),
    dict(key="seamless_asia_2009", date="2009-05", precision="month", chapter=2,
         label="ADB/ADBI: Asia needs US$8 trillion",
         event="The Asian Development Bank and its Institute publish 'Infrastructure for a Seamless Asia', which "
               "estimates Asia's national infrastructure needs for 2010-2020 at US$8 trillion",
         value=8, unit="US$ trillion (2010-2020)", source_type="news report",
         source="KHL Group, Richard High, 'ADB and ADBI say regional cooperation key to improving Asia's "
                "infrastructure', 7 May 2009",
         url="https://www.khl.com/news/adb-and-adbi-say-regional-cooperation-key-to-improving-asia-s-infrastructure/1036589.article"),
    dict(key="imf_votes_china_2010", date="2010", precision="year", chapter=2,
         label="IMF 2010 reform: China's voting share",
         event="Under the IMF quota and governance reform of 2010, China's voting share is to rise from 3.8 to 6 "
               "per cent",
         value=6, unit="% of IMF votes after the reform", source_type="news report",
         source="Financial Times, report on the US budget deal approving the 2010 IMF reforms, December 2015 (read "
                "in a mirror copy)",
         url="https://ft.csccsc.cc/story/001065326/en"),
    dict(key="imf_votes_us_2010", date="2010", precision="year", chapter=2,
         label="IMF 2010 reform: US voting share",
         event="Under the same reform the US voting share is to be shaved from 16.7 to 16.5 per cent, keeping its "
               "veto",
         value=16.5, unit="% of IMF votes after the reform", source_type="news report",
         source="Financial Times, report on the US budget deal approving the 2010 IMF reforms, December 2015 (read "
                "in a mirror copy)",
         url="https://ft.csccsc.cc/story/001065326/en"),
    dict(key="libya_1973_2011", date="2011-03-17", precision="day", chapter=3, label="UNSCR 1973 on Libya",
         event="The UN Security Council passes resolution 1973, authorising member states to take 'all necessary "
               "measures' to protect Libyan civilians, including a no-fly zone; the intervention follows",
         source_type="analysis",
         source="Parliamentary Library of Australia, FlagPost, 'Libya and the United Nations Security Council "
                "Resolution (UNSCR) 1973', March 2011",
         url="https://www.aph.gov.au/About_Parliament/Parliamentary_Departments/Parliamentary_Library/FlagPost/2011/March/Libya_and_the_United_Nations_Security_Council_Resolution_UNSCR_1973"),
    dict(key="aiib_proposed_2013", date="2013-10", precision="month", chapter=2,
         label="Xi proposes an infrastructure bank in Jakarta",
         event="On his first trip to Southeast Asia as president, Xi Jinping addresses Indonesia's parliament and "
               "proposes an infrastructure investment bank for the region",
         source_type="news report",
         source="The Korea Herald (Associated Press), 'Xi makes historic speech in Indonesia', 3 October 2013",
         url="https://m.koreaherald.com/amp/view.php?ud=20131003000254"),
    dict(key="s400_contract_2014", date="2014", precision="year", chapter=6, label="S-400 contract with China",
         event="China signs a contract for two regiment sets of the Russian S-400 air-defence system",
         source_type="news report",
         source="South China Morning Post, 'Russia and China defy US with delivery of anti-aircraft missile "
                "systems to Chinese military', 2019",
         url="https://www.scmp.com/news/china/military/article/3020072/russia-and-china-defy-us-delivery-anti-aircraft-missile-systems",
         note="Vedomosti (26 November 2014, as relayed by defense-arab.com) reported the signing 'early this "
              "autumn'; the course could not confirm the month."),
    dict(key="gas_contract_2014", date="2014-05-21", precision="day", chapter=6, label="Gazprom-CNPC gas contract",
         event="Gazprom and CNPC sign in Shanghai a 30-year contract for Russian pipeline gas to China, ultimately "
               "38 bcm a year through the planned Power of Siberia pipeline",
         source_type="analysis",
         source="Centre for Eastern Studies (OSW), OSW Commentary, 'The eastern partnership of gas. Gazprom and "
                "CNPC strike a deal on gas supplies to China', 16 June 2014",
         url="http://osw.waw.pl/en/publikacje/osw-commentary/2014-06-16/eastern-partnership-gas-gazprom-and-cnpc-strike-a-deal-gas",
         note="The contract price was not disclosed; the US$400 billion total is a press estimate (for example "
              "Modern Power Systems, May 2014: 'No official contract value has been revealed')."),
    dict(key="foreign_agents_2014", date="2014-06-04", precision="day", chapter=6,
         label="Foreign-agents register without consent",
         event="Amendments to the law on non-profit organisations enter into force: the Justice Ministry may now "
               "add organisations to the register of 'foreign agents' on its own finding, where entry had in "
               "practice been voluntary",
         source_type="news report",
         source="Rights in Russia, translating HRO.org, 'Putin signs law empowering the Justice Ministry to "
                "register NGOs as foreign agents', June 2014",
         url="http://hro.rightsinrussia.info/hro-org/foreignagents-128"),
    dict(key="fortaleza_2014", date="2014-07-15", precision="day", chapter=2, label="Fortaleza: NDB and CRA",
         event="At their summit in Fortaleza the BRICS leaders announce the signing of the agreement establishing "
               "the New Development Bank and the treaty on a Contingent Reserve Arrangement",
         source_type="official document",
         source="Sixth BRICS Summit, Fortaleza Declaration, 15 July 2014 (text reproduced by epo.de)",
         url="https://epo.de/index.php?option=com_content&view=article&id=10167:dokumentation-die-brics-erklaerung-von-fortaleza&catid=50&Itemid=84"),
    dict(key="minsk_2014", date="2014-09-05", precision="day", chapter=6, label="Minsk ceasefire",
         event="Ukraine's government and the separatists agree in Minsk on a ceasefire",
         source_type="news report", source="ARD tagesschau.de, 'Die Unterzeichner der Minsker Abkommens' "
                                          "(picture series on the Ukraine crisis)",
         url="https://www.tagesschau.de/multimedia/bilder/ukraine-krise-133.html"),
    dict(key="occupy_central_2014", date="2014-09-28", precision="day", chapter=6,
         label="Occupy Central begins in Hong Kong",
         event="Occupy Central is declared under way after a student sit-in at government headquarters; police "
               "fire tear gas as thousands join",
         source_type="news report",
         source="South China Morning Post, 'September 28, 2014: Hong Kong police fire tear gas as thousands join "
                "Occupy Central' (first published 29 September 2014)",
         url="https://mcdn.i-scmp.com/news/hong-kong/politics/article/3179277/september-28-2014-hong-kong-police-fire-tear-gas-thousands"),
    dict(key="western_route_2014", date="2014-10-13", precision="day", chapter=6,
         label="Gazprom-CNPC talks on the western (Altai) route",
         event="Russia's deputy energy minister says Gazprom and CNPC began consultations on gas deliveries by "
               "the western route on 12 October; the framework agreement signed on 9 November 2014 provides for "
               "30 bcm a year for 30 years",
         value=30, unit="bcm a year", source_type="news report",
         source="RIA Novosti (Sputnik), 'Russia's Gazprom, China's CNPC begin talks on western route gas', 13 "
                "October 2014; the 30 bcm a year: Alexei Miller, quoted by peacekeeper.ru, 9 November 2014",
         url="https://sputnikglobe.com/20141013/Russias-Gazprom-Chinas-CNPC-Begin-Talks-on-Western-Route-Gas-194017924.html"),
    dict(key="media_law_2014", date="2014-10", precision="month", chapter=6,
         label="Foreign stakes in Russian media capped at 20%",
         event="Putin signs a law reducing the share foreign stockholders may hold in Russian media to 20 per "
               "cent (foreigners could previously control up to 50 per cent), in force from 1 January 2016",
         value=20, unit="% maximum foreign stake", source_type="news report",
         source="RIA Novosti (Sputnik), 'Putin limits foreign capital's participation in Russian media', "
                "15 October 2014",
         url="https://sputnikglobe.com/20141015/Putin-Limits-Foreign-Capitals-Participation-in-Russian-Media-194113287.html"),
    dict(key="valdai_2014", date="2014-10-24", precision="day", chapter=6, label="Putin at the Valdai Club",
         event="Putin speaks at the final plenary meeting of the Valdai International Discussion Club in Sochi "
               "('The World Order: New Rules or a Game without Rules?')",
         source_type="official document",
         source="President of Russia, transcript of the final plenary meeting of the Valdai International "
                "Discussion Club, Sochi, 24 October 2014 (as reproduced in full at serendipity.li)",
         url="http://serendipity.li/putin_valdai.htm"),
    dict(key="federal_assembly_2014", date="2014-12-04", precision="day", chapter=6,
         label="Putin's Address to the Federal Assembly",
         event="Putin delivers his annual Address to the Federal Assembly in the Kremlin's St George Hall",
         source_type="official document",
         source="President of Russia, 'Presidential Address to the Federal Assembly', 4 December 2014 (the "
                "Kremlin's summary, as reproduced at humannationalityvn.blogspot.com)",
         url="http://humannationalityvn.blogspot.com/2014/12/presidential-address-to-federal-assembly.html"),
    dict(key="politburo_security_2015", date="2015-01-23", precision="day", chapter=6,
         label="Politburo warns of unprecedented security risks",
         event="The CPC Politburo, meeting under Xi Jinping, adopts a national security strategy outline and warns "
               "that China faces unprecedented national security risks",
         source_type="news report",
         source="Xinhua, 'China's leadership warns of unprecedented national security risks', 23 January 2015",
         url="http://en.chinagate.cn/2015-01/23/content_34640823.htm"),
    dict(key="nss_2015", date="2015-02-06", precision="day", chapter=3, label="US National Security Strategy 2015",
         event="The Obama administration releases its National Security Strategy, the second of its terms",
         source_type="official document",
         source="Congressional Research Service, '2015 National Security Strategy: Authorities, Changes, Issues "
                "for Congress', R44023, 1 October 2015 (abstract in the Homeland Security Digital Library)",
         url="https://www.hsdl.org/?abstract&did=787837"),
    dict(key="putin_trade_unions_2015", date="2015-02-07", precision="day", chapter=6,
         label="Putin at the trade unions' congress",
         event="Speaking to the congress of the Federation of Independent Trade Unions, Putin says foreign "
               "countries, above all the United States, try to preserve a world order run by a sole leader",
         source_type="news report", source="Sputnik Arabic, report of 8 February 2015 (in Arabic)",
         url="https://sarabic.ae/20150208/1013353742.html"),
    dict(key="uk_aiib_2015", date="2015-03-12", precision="day", chapter=2, label="UK applies to join the AIIB",
         event="The UK Treasury announces that Britain will apply to join the AIIB as a prospective founding "
               "member, the first major Western country to do so",
         source_type="news report",
         source="Xinhua, 'Britain intends to become prospective founding member of AIIB: finance ministry', "
                "13 March 2015 (the announcement on Thursday, 12 March)",
         url="https://europe.chinadaily.com.cn/world/2015-03/13/content_19803704.htm"),
    dict(key="aiib_europeans_2015", date="2015-03", precision="month", chapter=2,
         label="Five European countries follow the UK into the AIIB",
         event="After the UK, Germany, France, Italy, Switzerland and Luxembourg quickly apply to be founding "
               "members of the AIIB",
         value=5, unit="countries", source_type="official document",
         source="UK Parliament, House of Lords Grand Committee, debate on the Asian Infrastructure Investment Bank "
                "(Immunities and Privileges) Order 2015, 27 October 2015 (Hansard; Lord Collins of Highbury)",
         url="https://parallelparliament.co.uk/lord/baroness-mcintosh-of-hudnall/vs/lord-collins-of-highbury"),
    dict(key="fsb_board_2015", date="2015-03-26", precision="day", chapter=6,
         label="Putin's count of foreign agents stopped in 2014",
         event="At the FSB board Putin says counter-intelligence stopped in 2014 the activities of 52 career "
               "officers and 290 agents of foreign intelligence services (342 in all)",
         value=342, unit="officers and agents (52 + 290)", source_type="news report",
         source="EADaily, 'In 2014, the work of more than 300 agents of special services was stopped in Russia' "
                "(in Russian), 26 March 2015",
         url="https://eadaily.com/ru/ampnews/2015/03/26/v-2014-godu-v-rossii-byla-presechena-rabota-bolee-300-agentov-specsluzhb"),
    dict(key="vision_actions_2015", date="2015-03-28", precision="day", chapter=3,
         label="'Vision and Actions' issued",
         event="At the Boao Forum for Asia, China's NDRC, Ministry of Foreign Affairs and Ministry of Commerce "
               "issue 'Vision and Actions' on the Belt and Road",
         source_type="news report",
         source="China.org.cn, 'Joining Hands to Build a Silk Road Economic Belt and a 21st-century Maritime Silk "
                "Road - Vision and Actions' (China Keywords), 17 April 2019",
         url="http://www.china.org.cn/english/china_key_words/2019-04/17/content_74691596.htm"),
    dict(key="nationalities_agency_2015", date="2015-03-31", precision="day", chapter=6,
         label="Decree on the Federal Agency for Nationalities",
         event="Presidential Decree No. 168 'On the Federal Agency for Nationalities Affairs'",
         source_type="official document",
         source="Government of the Russian Federation, Resolution No. 368 of 18 April 2015, whose preamble cites "
                "Decree of the President No. 168 of 31 March 2015 (text as reproduced at ecosmak.ru)",
         url="https://ecosmak.ru/en/sport/upravlenie-po-delam-nacionalnostei-o-federalnom-agentstve-po-delam.html"),
    dict(key="bandung_2015", date="2015-04-22", precision="day", chapter=2,
         label="Widodo at the Asian-African summit",
         event="Opening the Asian-African summit in Jakarta, President Joko Widodo calls for a new international "
               "economic order open to emerging economic powers",
         source_type="news report", source="Reuters, report from Jakarta, 22 April 2015",
         url="http://in.reuters.com/article/asia-africa-idINL4N0XJ1UK20150422"),
    dict(key="xi_moscow_2015", date="2015-05-08", precision="day", chapter=6,
         label="Xi and Putin in Moscow",
         event="Xi Jinping and Vladimir Putin hold talks in Moscow on the eve of the Victory Day celebrations and "
               "sign two joint declarations and a package of agreements",
         source_type="official document",
         source="President of Russia, 'Press statements following Russian-Chinese talks', 8 May 2015",
         url="http://en.special.kremlin.ru/events/president/transcripts/49433"),
    dict(key="moscow_deals_2015", date="2015-05-08", precision="day", chapter=6,
         label="32 Sino-Russian agreements",
         event="Russia and China sign 32 agreements worth some US$25 billion during Xi Jinping's visit to Moscow",
         value=32, unit="agreements", source_type="news report",
         source="TRT World, 'China, Russia clinch enhanced cooperation as Xi visits Moscow', May 2015 (updated "
                "28 July 2015)",
         url="http://www.trtworld.com/asia/china-russia-clinch-enhanced-cooperation-xi-visits-moscow-893"),
    dict(key="p8_flight_2015", date="2015-05", precision="month", chapter=7,
         label="US P-8A flight over the Spratlys",
         event="A US Navy P-8A Poseidon flies over China's artificial islands in the Spratlys with a CNN crew "
               "aboard and is warned eight times by the Chinese navy to leave",
         source_type="news report",
         source="CNN, Jim Sciutto, 'Exclusive: China warns U.S. surveillance plane' and follow-up of 26 May 2015",
         url="https://edition.cnn.com/2015/05/26/politics/south-china-sea-navy-surveillance-plane-jim-sciutto/"),
    dict(key="undesirable_law_2015", date="2015-05-23", precision="day", chapter=6,
         label="Law on 'undesirable' organisations",
         event="Putin signs the law that lets prosecutors declare foreign and international organisations "
               "'undesirable' in Russia: a register separate from that of 'foreign agents'",
         source_type="news report",
         source="Article 20 (after Meduza), 'National Endowment for Democracy becomes first undesirable "
                "organization in Russia', July 2015",
         url="https://article20.org/ru/news_old/national-endowment-for-democracy-becomes-first-undesirable-organization-in-russia"),
    dict(key="ufa_strategy_2015", date="2015-07-10", precision="day", chapter=6,
         label="SCO Development Strategy until 2025",
         event="The SCO summit in Ufa approves the SCO Development Strategy until 2025, setting tasks for the "
               "next ten years",
         value=10, unit="years", source_type="news report",
         source="Xinhua (via ecns.cn), report on the 15th SCO summit in Ufa, 12 July 2015",
         url="http://ecns.cn/2015/07-12/172751.shtml"),
    dict(key="ned_undesirable_2015", date="2015-07-28", precision="day", chapter=6,
         label="NED: first 'undesirable' organisation",
         event="Russia formally designates the US National Endowment for Democracy 'undesirable', the first "
               "organisation named under the May 2015 law",
         value=1, unit="organisations in the first designation",
         source_type="official document",
         source="US Department of State, press statement by Deputy Spokesperson Mark C. Toner, 'Designation "
                "under Russia's \"Undesirables\" Law of the National Endowment for Democracy', 28 July 2015",
         url="https://2009-2017.state.gov/r/pa/prs/ps/2015/07/245406.htm",
         note="That it was the first is reported by Article 20 (after Meduza) and by the Chronicle of "
              "Philanthropy (29 July 2015)."),
]
CLAIM_EVENT_TYPES = ["official document", "news report", "analysis"]


def build_claim_events() -> list[dict]:
    """The rows of CLAIM_EVENTS in date order, checked: each key once, ISO dates at their precision,
    a named source and an address for each, a unit with every value."""
    rows, keys = [], set()
    for i, spec in enumerate(sorted(CLAIM_EVENTS, key=lambda e: e["date"]), start=1):
        if spec["key"] in keys:
            raise SourceError(f"claim_events row {i}: duplicate key {spec['key']!r}")
        keys.add(spec["key"])
        check_precision("claim_events", i, spec["date"], spec["precision"])
        if spec["source_type"] not in CLAIM_EVENT_TYPES:
            raise SourceError(f"claim_events row {i}: unknown source type {spec['source_type']!r}")
        if not spec["source"].strip() or not spec["url"].startswith(("https://", "http://")):
            raise SourceError(f"claim_events row {i}: a row needs a named source and the address read")
        if (spec.get("value") is None) != (not spec.get("unit")):
            raise SourceError(f"claim_events row {i}: a value needs its unit, and a unit its value")
        rows.append({"id": i, "key": spec["key"], "date": spec["date"], "year": int(spec["date"][:4]),
                     "precision": spec["precision"], "chapter": spec["chapter"], "label": spec["label"],
                     "event": spec["event"], "value": spec.get("value"), "unit": spec.get("unit", ""),
                     "source_type": spec["source_type"], "source": spec["source"], "url": spec["url"],
                     "note": spec.get("note", "")})
    return rows


# ---------------------------------------------------------------- claims ledger (issue 6)
_CITATION_MARK = re.compile(r"\[\d+\]|\([A-Z][A-Za-z]+,? (?:et al,? )?\d{4}")
_LEDGER_DATE = re.compile(r"(\d{4}(-\d{2}(-\d{2})?)?([-/]\d{4})?|\d{4}s)?")


def check_ledger_source(i: int, flat: str, quote: str, source: str) -> None:
    """The source a ledger row gives must be the paper's (see multipolar/claims.py)."""
    start = flat.index(quote)
    after = flat[start + len(quote):start + len(quote) + 400]
    m = re.fullmatch(r"footnote \[(\d+)\], text lost", source)
    table = re.fullmatch(r"Table \d \(source line: (.+)\)", source)
    if m:
        first = re.search(r"\[(\d+)\]", quote + flat[start + len(quote):start + len(quote) + 1500])
        if not first or first.group(1) != m.group(1):
            raise SourceError(f"claims_ledger row {i}: footnote [{m.group(1)}] is not the paper's note for the quote")
    elif table:
        if table.group(1) not in flat:
            raise SourceError(f"claims_ledger row {i}: the source line {table.group(1)!r} is not in the paper")
    elif source == _NO_CITATION:
        sentence = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
        if _CITATION_MARK.search(quote + sentence):
            raise SourceError(f"claims_ledger row {i}: the paper cites a source for this quote; name it")
    elif source not in quote + after:
        raise SourceError(f"claims_ledger row {i}: the citation {source!r} does not follow the quote in the paper")


def check_claims_spec(text: str) -> list[dict]:
    """Check every claim of multipolar/claims.py against the paper (standard library only)."""
    from multipolar import claims
    flat = re.sub(r"\s+", " ", text)
    starts = [0] + [flat.index(head) for _, _, head in claims.SECTIONS[1:]]
    spans = {n: (starts[k], starts[k + 1] if k + 1 < len(starts) else len(flat))
             for k, (n, _, _) in enumerate(claims.SECTIONS)}
    keys = set()
    for i, c in enumerate(claims.CLAIMS, start=1):
        if c["key"] in keys:
            raise SourceError(f"claims_ledger row {i}: duplicate key {c['key']!r}")
        keys.add(c["key"])
        lo, hi = spans[c["chapter"]]
        if flat.count(c["quote"]) == 0:
            raise SourceError(f"claims_ledger row {i}: the quote {c['quote']!r} is not in the paper's text")
        if c["quote"] not in flat[lo:hi]:
            raise SourceError(f"claims_ledger row {i}: the quote is not in section {c['chapter']} of the paper")
        check_ledger_source(i, flat, c["quote"], c["source"])
        if not c["stated"].startswith("(") and not all(t in c["quote"] for t in c["stated"].split(", ")):
            raise SourceError(f"claims_ledger row {i}: the paper's words {c['stated']!r} are not in the quote")
        if not _LEDGER_DATE.fullmatch(c["date"]):
            raise SourceError(f"claims_ledger row {i}: date {c['date']!r} is not ISO (YYYY, YYYY-MM, YYYY-MM-DD) or a span")
        if "check" in c:
            event = c["check"].startswith("event_")
            if c["on_mismatch"] not in claims.FALLBACKS or not (event or c["data_source"]):
                raise SourceError(f"claims_ledger row {i}: a checked claim needs on_mismatch and the data's source")
            if c["on_mismatch"] == claims.NOT_REPRODUCED and not c["reason"]:
                raise SourceError(f"claims_ledger row {i}: say why a mismatch would leave it not reproduced")
        elif c["status"] == claims.NOT_CHECKABLE and not c["reason"]:
            raise SourceError(f"claims_ledger row {i}: 'not checkable' needs a reason")
        elif c["status"] in claims.SOURCED and not c["named_source"]:
            raise SourceError(f"claims_ledger row {i}: '{c['status']}' needs a named source")
        elif c["status"] in claims.COMPUTED_ONLY or c["status"] not in claims.STATUSES:
            raise SourceError(f"claims_ledger row {i}: '{c['status']}' must be computed by a check")
    return claims.CLAIMS


def build_claims_ledger(text: str, out: Path) -> list[dict] | None:
    """The ledger is derived from data/ itself: its checks recompute claims from the files just written to
    ``out``. This one step needs pandas (the course package); without it the build says so and skips it."""
    check_claims_spec(text)
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("build_data: skipped claims_ledger.csv (its checks need pandas: pip install -r requirements.txt)",
              file=sys.stderr)
        return None
    import os
    old = os.environ.get("MULTIPOLAR_DATA")
    os.environ["MULTIPOLAR_DATA"] = str(out)
    try:
        from multipolar import ledger
        return ledger.rows()
    finally:
        if old is None:
            del os.environ["MULTIPOLAR_DATA"]
        else:
            os.environ["MULTIPOLAR_DATA"] = old


# ---------------------------------------------------------------- descriptions
def datapackage() -> dict:
    resources = []
    for name, res in catalog.RESOURCES.items():
        resources.append({
            "name": name,
            "path": res["path"],
            "title": res["title"],
            "description": res["description"],
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "sources": res["sources"],
            "licenses": res["licenses"],
            "schema": {"fields": res["fields"], "primaryKey": res["primaryKey"], "missingValues": [""]},
        })
    return {
        "name": "post-globalization-course-data",
        "title": "Curated data for the course on Sahara (2015), 'Post-Globalization'",
        "description": "Rebuilt from the raw sources by scripts/build_data.py. Do not edit by hand.",
        "vintages": catalog.VINTAGES,
        "resources": resources,
    }


def readme() -> str:
    out = [
        "# Course data",
        "",
        "Every file here is **generated** by `scripts/build_data.py` from the raw, unchanged",
        "sources in `../shared/sources/` (World Bank, CIA World Factbook, datahub.io country codes)",
        "and from the paper's text. Do not edit these files by hand: change the script and rebuild.",
        "A test rebuilds them and fails if the committed bytes differ.",
        "",
        "`datapackage.json` is the machine-readable description (Frictionless Data Package): for",
        "each file its source, publisher, vintage, licence, columns, types and units. The course's",
        "loaders (`multipolar.data`) check every file against it and name the file, row and column",
        "of anything malformed.",
        "",
        "## World Bank vintages",
        "",
    ]
    for v, text in catalog.VINTAGES.items():
        out.append(f"- `{v}`: {text}")
    out += [
        "",
        "Attribution: *World Bank, World Development Indicators* (CC BY 4.0). The Factbook is a US",
        "Government work in the public domain. Figures from the paper are quoted for teaching.",
        "",
    ]
    for name, res in catalog.RESOURCES.items():
        out += [f"## `{res['path']}`: {res['title']}", "", res["description"], "", "Sources:", ""]
        for s in res["sources"]:
            out.append(f"- {s['publisher']}: {s['title']} ({s['version']}); raw file `{s['path']}`")
        out += ["", "Licence: " + "; ".join(l["title"] for l in res["licenses"]), ""]
        out += ["| column | type | unit | description |", "|---|---|---|---|"]
        for f in res["fields"]:
            out.append(f"| `{f['name']}` | {f['type']} | {f.get('unit', '')} | {f['description']} |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="folder of raw sources")
    ap.add_argument("--out", type=Path, default=ROOT / "data", help="output folder")
    args = ap.parse_args(argv)
    try:
        economies, wb = build_world_bank(args.sources)
        text = paper_text(args.sources)
        tables = {
            "wb_economies": economies,
            "wb_gdp_population": wb,
            "paper_table2": build_table2(text),
            "paper_growth_multiples": build_growth_multiples(text),
            "factbook_2015": build_factbook(args.sources),
            "vision_mechanisms": build_vision_mechanisms(text),
            "mechanism_membership": build_memberships(args.sources),
            "self_other_statements": build_self_other(text),
            "wb_gdp_ppp": build_ppp(args.sources),
            "us_order_institutions": build_institutions(text),
            "wb_surface_area": build_surface_area(args.sources),
            "factbook_sco_status": build_factbook_sco_status(args.sources),
            "sco_timeline": build_sco_timeline(text),
            "epilogue_events": build_epilogue_events(args.sources),
            "network_events": build_network_events(text, args.sources),
            "network_figures": build_network_figures(text),
            "rapprochement_figures": build_rapprochement_figures(text),
            "argument_map": build_argument_map(text),
            "claim_events": build_claim_events(),
        }
        tables.update(build_map_tables(args.sources))
    except (SourceError, OSError, ValueError, KeyError) as exc:
        print(f"build_data: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        res = catalog.RESOURCES[name]
        write_csv(args.out / res["path"], [f["name"] for f in res["fields"]], rows)
        print(f"wrote {res['path']}: {len(rows)} rows")
    try:
        ledger_rows = build_claims_ledger(text, args.out)
    except (SourceError, OSError, ValueError, KeyError) as exc:
        print(f"build_data: {exc}", file=sys.stderr)
        return 1
    if ledger_rows is not None:
        res = catalog.RESOURCES["claims_ledger"]
        write_csv(args.out / res["path"], [f["name"] for f in res["fields"]], ledger_rows)
        print(f"wrote {res['path']}: {len(ledger_rows)} rows")
    (args.out / "datapackage.json").write_text(json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "README.md").write_text(readme(), encoding="utf-8")
    print("wrote datapackage.json, README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
