#!/usr/bin/env python3
"""Rebuild every file in data/ from the raw sources in ../shared/sources/ and the rows in curated/.

    python scripts/build_data.py                 # writes data/
    python scripts/build_data.py --out /tmp/x    # writes elsewhere (the tests compare)
    python scripts/build_data.py --sources PATH  # raw sources somewhere else
    python scripts/build_data.py --curated PATH  # hand-curated rows somewhere else

The output is deterministic: the same sources give the same bytes on every run.
It reads only the raw files named in multipolar/catalog.py and the curated files named in its
CURATED (read and checked by scripts/curated.py), and never edits them.
Standard library only (apart from the claims ledger's checks, which need pandas), so it runs
before anything else is installed.
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
sys.path.insert(0, str(ROOT / "scripts"))
import curated  # noqa: E402
from multipolar import catalog, claims  # noqa: E402
from scripts.build_maps import build_map_tables  # noqa: E402

DEFAULT_SOURCES = ROOT.parent / "shared" / "sources"
PAPER_FILE = "000_0e512c34e4ebd900.txt"


class SourceError(RuntimeError):
    """A raw source is missing or not in the shape this script expects."""


def curated_rows_of(table: str, rows: list[dict] | None) -> list[dict]:
    """``rows`` if given (the tests pass edited rows), else the rows of ``curated/<table>``."""
    return curated.read(table) if rows is None else rows


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
            raise SourceError(
                f"{spec['path']}: expected Last Updated Date 2026-07-13, found {updated}"
            )
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
            raise SourceError(
                f"code {code} ({names[code]}) is in the data but not in the World Bank metadata"
            )
        is_economy = m is not None and m["Region"] != ""
        economies.append(
            {
                "code": code,
                "name": names[code],
                "kind": "economy" if is_economy else "aggregate",
                "region": m["Region"] if m else "",
                "income_group": m["IncomeGroup"] if m else "",
            }
        )

    order = {v: i for i, v in enumerate(catalog.VINTAGES)}
    rows = [
        {"vintage": v, "code": c, "year": y, **cell}
        for (v, c, y), cell in sorted(
            values.items(), key=lambda kv: (order[kv[0][0]], kv[0][1], kv[0][2])
        )
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
            rows.append(
                {
                    "row": i,
                    "label": label,
                    "members": members,
                    "year": year,
                    "gdp_usd_bn": int(value.replace(",", "")) if value else None,
                    "share_pct": float(share) if share else None,
                }
            )
    return rows


def build_growth_multiples(text: str) -> list[dict]:
    rows = []
    m = re.search(r"(increased by (\d+) times from (\d{4}) to (\d{4}))", text)
    if not m:
        raise SourceError(
            "paper: the sentence 'increased by N times from YYYY to YYYY' was not found"
        )
    rows.append(
        {
            "start": int(m.group(3)),
            "end": int(m.group(4)),
            "multiple": float(m.group(2)),
            "quote": m.group(1),
        }
    )
    for m in re.finditer(r"((\d+\.\d)(?: times)? in (\d{4})-(\d{4}))", text):
        rows.append(
            {
                "start": int(m.group(3)),
                "end": int(m.group(4)),
                "multiple": float(m.group(2)),
                "quote": m.group(1),
            }
        )
    if len(rows) != 4:
        raise SourceError(f"paper: expected 4 growth multiples, found {len(rows)}")
    return rows


# ---------------------------------------------------------------- Factbook 2015
FACTBOOK_ROWS = [  # fips, group (the paper's Table 3 covers members, observers and the World)
    ("ch", "member"),
    ("rs", "member"),
    ("kz", "member"),
    ("kg", "member"),
    ("ti", "member"),
    ("uz", "member"),
    ("af", "observer"),
    ("in", "observer"),
    ("ir", "observer"),
    ("mg", "observer"),
    ("pk", "observer"),
    ("xx", "world"),
    ("hk", "reference"),
    ("us", "reference"),
]
FIELDS = {
    "Area": "area",
    "Population": "population",
    "International organization participation": "orgs",
    "GDP (purchasing power parity)": "ppp",
    "GDP (official exchange rate)": "oer",
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
    with gzip.open(
        need(fb / "fields" / "country_fields_2015.sql.gz"), "rt", encoding="utf-8"
    ) as fh:
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
            raise SourceError(
                f"Factbook 2015, {fips}: cannot read population from {f['population'][:60]!r}"
            )
        sco = re.search(r"\bSCO\b(?: \(([^)]+)\))?", f.get("orgs", ""))
        oer, oer_year, oer_text = money(f["oer"], "GDP (official exchange rate)")
        ppp, ppp_year, ppp_text = money(f["ppp"], "GDP (purchasing power parity)")
        rows.append(
            {
                "fips": fips,
                "code": iso3[fips],
                "name": names[fips],
                "group": group,
                "sco_status_2015": (sco.group(1) or "member") if sco else "",
                "area_km2": area(f["area"], "total"),
                "land_km2": area(f["area"], "land"),
                "population": int(pop.group(1).replace(",", "")),
                "population_date": pop.group(2),
                "gdp_oer_usd": oer,
                "gdp_oer_year": oer_year,
                "gdp_ppp_usd": ppp,
                "gdp_ppp_year": ppp_year,
                "area_text": f["area"].split(" | country comparison")[0],
                "population_text": pop.group(0),
                "gdp_oer_text": oer_text,
                "gdp_ppp_text": ppp_text,
            }
        )
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
            raise SourceError(
                f"{spec['path']}: expected indicator NY.GDP.MKTP.PP.CD, found {r.get('Indicator Code')!r}"
            )
        for col, raw in r.items():
            if col and col.isdigit() and raw not in ("", None):
                out.append(
                    {
                        "vintage": catalog.PPP_VINTAGE,
                        "code": code,
                        "year": int(col),
                        "gdp_ppp": float(raw),
                    }
                )
    out.sort(key=lambda d: (d["code"], d["year"]))
    return out


def build_institutions(text: str, curated_rows: list[dict] | None = None) -> list[dict]:
    """The institutions the paper names (curated/us_order_institutions.csv), each row's snippet
    checked verbatim against the paper."""
    rows = []
    for r in curated_rows_of("us_order_institutions", curated_rows):
        inst, full, pillar, snippet, date = (
            r["institution"],
            r["full_name"],
            r["pillar"],
            r["paper_snippet"],
            r["date"],
        )
        if snippet not in text:
            raise SourceError(
                f"paper: the snippet {snippet!r} (for {inst}) does not occur verbatim"
            )
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise SourceError(f"{inst}: date {date!r} is not YYYY-MM-DD")
        rows.append(
            {
                "institution": inst,
                "full_name": full,
                "pillar": pillar,
                "paper_snippet": snippet,
                "founding_document": r["founding_document"],
                "place": r["place"],
                "date": date,
                "date_event": r["date_event"],
                "year": int(date[:4]),
                "source": r["source"],
            }
        )
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
            raise SourceError(
                f"{spec['path']}: expected indicator AG.SRF.TOTL.K2, found {r.get('Indicator Code')!r}"
            )
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
    with gzip.open(
        need(fb / "fields" / f"country_fields_{year}.sql.gz"), "rt", encoding="utf-8"
    ) as fh:
        for line in fh:
            m = SQL_ROW.match(line.rstrip("\n"))
            if m and m.group(4) == "International organization participation" and m.group(3) in ids:
                fips, name = ids[m.group(3)]
                out[fips] = (name, m.group(5).replace("''", "'"))
    if len(out) < 150:
        raise SourceError(
            f"Factbook {year}: only {len(out)} 'International organization participation' fields found"
        )
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
    allowed = catalog.enum("factbook_sco_status", "status_2015")
    for fips, row in status.items():
        if fips not in iso3:
            raise SourceError(f"Factbook: no ISO code for FIPS {fips!r} ({row['name']})")
        row["code"] = iso3[fips]
        for year in editions:
            if row.get(f"status_{year}", "member") not in allowed:
                raise SourceError(
                    f"Factbook {year}, {fips}: unexpected SCO status {row[f'status_{year}']!r}"
                )
    order = {**{s: i for i, s in enumerate(allowed)}, None: len(allowed)}
    return sorted(
        status.values(),
        key=lambda r: (order[r.get("status_2025")], order[r.get("status_2015")], r["name"]),
    )


def check_precision(table: str, i: int, date: str, precision: str) -> None:
    """An ISO date must have exactly the precision the row claims (year, month or day)."""
    expected = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}[precision]
    if not re.fullmatch(expected, date):
        raise SourceError(
            f"{table} row {i}: date {date!r} does not have the precision {precision!r}"
        )


def check_paper_quote(table: str, i: int, flat: str, quote: str, year: str | None = None) -> None:
    """``quote`` must occur verbatim in the paper (whitespace-normalised ``flat``) and, if given, state ``year``."""
    if not quote or quote not in flat:
        raise SourceError(f"{table} row {i}: the quote {quote!r} is not in the paper's text")
    if year is not None and year not in quote:
        raise SourceError(f"{table} row {i}: the quote does not state the year {year}")


def build_sco_timeline(text: str, curated_rows: list[dict] | None = None) -> list[dict]:
    """Chapter 4's timeline (curated/sco_timeline.csv): paper rows quote the paper (checked
    verbatim, stating the year); news-report rows give the report's address."""
    flat = re.sub(r"\s+", " ", text)
    rows = []
    for i, r in enumerate(curated_rows_of("sco_timeline", curated_rows), start=1):
        date, precision, kind = r["date"], r["precision"], r["kind"]
        admitted, stype = r["admitted"], r["source_type"]
        check_precision("sco_timeline", i, date, precision)
        if stype == "paper":
            check_paper_quote("sco_timeline", i, flat, r["quote"], year=date[:4])
            if r["url"]:
                raise SourceError(f"sco_timeline row {i}: a paper row quotes the paper, no url")
        elif r["quote"] or not r["url"].startswith("https://"):
            raise SourceError(
                f"sco_timeline row {i}: a news-report row needs the report's address (and no quote)"
            )
        if (kind == "enlargement") != bool(admitted):
            raise SourceError(
                f"sco_timeline row {i}: admitted codes go with (and only with) enlargement rows"
            )
        rows.append(
            {
                "id": i,
                "date": date,
                "year": int(date[:4]),
                "precision": precision,
                "kind": kind,
                "label": r["label"],
                "event": r["event"],
                "admitted": admitted,
                "source_type": stype,
                "source": r["source"],
                "quote": r["quote"],
                "url": r["url"],
            }
        )
    if [r["date"] for r in rows] != sorted(r["date"] for r in rows):
        raise SourceError("sco_timeline: rows must be in date order")
    return rows


# ---------------------------------------------------------------- chapter 3: mechanisms and memberships
VISION_LIST_START = (
    "take full advantage of the existing bilateral and multilateral cooperation mechanisms"
)
MEMBERSHIP_AS_OF = "2015"
MEMBERSHIP_SOURCE = "CIA World Factbook 2015, field 'International organization participation'"
MEMBERSHIP_STATUSES = catalog.enum("mechanism_membership", "status")


def build_vision_mechanisms(text: str, curated_rows: list[dict] | None = None) -> list[dict]:
    """The Vision's mechanisms as the paper quotes them (curated/vision_mechanisms.csv), with what
    the Factbook covers of each. For rows in the Vision's list the name must occur verbatim in the
    paper."""
    start = text.find(VISION_LIST_START)
    if start < 0:
        raise SourceError("paper: the Vision's list of cooperation mechanisms was not found")
    quoted = text[start : text.index("”", start)]
    rows = []
    for order, r in enumerate(curated_rows_of("vision_mechanisms", curated_rows), start=1):
        mid, name, in_vision, abbrev, coverage = (
            r["mechanism"],
            r["name"],
            r["in_vision"],
            r["factbook_abbrev"],
            r["coverage"],
        )
        if in_vision == "yes" and name not in quoted:
            raise SourceError(
                f"paper: {name!r} does not occur verbatim in the Vision's quoted list"
            )
        if (coverage == "not covered") != (abbrev == ""):
            raise SourceError(
                f"{mid}: a mechanism is 'not covered' exactly when it has no Factbook abbreviation"
            )
        rows.append(
            {
                "order": order,
                "mechanism": mid,
                "paper_name": name if in_vision == "yes" else "",
                "name": r["full_name"] or name,
                "in_vision": in_vision,
                "factbook_abbrev": abbrev,
                "coverage": coverage,
                "note": r["note"],
            }
        )
    return rows


def split_orgs(field: str) -> list[str]:
    """'ADB, CIS (associate member, has not ...), SCO' -> tokens (commas inside brackets kept)."""
    return [t.strip() for t in re.split(r", (?![^()]*\))", field) if t.strip()]


def build_memberships(src: Path) -> list[dict]:
    """One row per Factbook 2015 entity and listed mechanism, status as printed."""
    fb = src / "cia-factbook-archive" / "data"
    ids, master = {}, {}
    with open(
        need(fb / "reference_tables" / "master_countries.csv"), encoding="utf-8", newline=""
    ) as fh:
        for r in csv.DictReader(fh):
            master[r["MasterCountryID"]] = r["EntityType"]
    with open(need(fb / "reference_tables" / "countries.csv"), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["Year"] == "2015":
                ids[r["CountryID"]] = (
                    r["Code"].lower(),
                    r["Name"],
                    master.get(r["MasterCountryID"], ""),
                )
    orgs = {}
    with gzip.open(
        need(fb / "fields" / "country_fields_2015.sql.gz"), "rt", encoding="utf-8"
    ) as fh:
        for line in fh:
            m = SQL_ROW.match(line.rstrip("\n"))
            if m and m.group(4) == "International organization participation":
                orgs[m.group(3)] = m.group(5).replace("''", "'")
    if len(orgs) < 200:
        raise SourceError(
            f"Factbook 2015: only {len(orgs)} 'International organization participation' fields found"
        )
    iso3 = {}
    with open(need(src / catalog._COUNTRY_CODES["path"]), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["FIPS"]:
                iso3[r["FIPS"].lower()] = r["ISO3166-1-Alpha-3"]
    mechanisms = curated.read("vision_mechanisms")
    abbrevs = [r["factbook_abbrev"] for r in mechanisms if r["factbook_abbrev"]]
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
            rows.append(
                {
                    "fips": fips,
                    "code": iso3.get(fips, ""),
                    "country": name,
                    "entity_type": kind,
                    "mechanism": a,
                    "status": status,
                    "printed": "; ".join(t for _, t in hits),
                    "note": "printed with more than one status" if len(set(statuses)) > 1 else "",
                    "as_of": MEMBERSHIP_AS_OF,
                    "source": MEMBERSHIP_SOURCE,
                }
            )
    rows.sort(key=lambda r: (r["country"], abbrevs.index(r["mechanism"])))
    return rows


def build_self_other(text: str, curated_rows: list[dict] | None = None) -> list[dict]:
    """The classification exercise's statements (curated/self_other_statements.csv), each resting on
    words checked verbatim in the paper."""
    flat = " ".join(text.split())
    rows = []
    for r in curated_rows_of("self_other_statements", curated_rows):
        sid, quote, answer = r["id"], r["paper_quote"], r["answer"]
        if quote not in flat:
            raise SourceError(
                f"paper: the quotation {quote!r} (statement {sid}) does not occur verbatim"
            )
        types = catalog.enum("self_other_statements", "answer")
        if answer not in types:
            raise SourceError(f"statement {sid}: answer {answer!r} is not one of {types}")
        rows.append(
            {
                "id": sid,
                "statement": r["statement"],
                "paper_quote": quote,
                "speaker": r["speaker"],
                "answer": answer,
                "explanation": r["explanation"],
            }
        )
    return rows


# ---------------------------------------------------------------- epilogue: events after the paper
def _factbook_fields(
    src: Path, year: str, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """{(fips, field name): text} from one Factbook edition, for the (fips, field) pairs wanted."""
    fb = src / "cia-factbook-archive" / "data"
    ids = {}
    with open(need(fb / "reference_tables" / "countries.csv"), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["Year"] == year:
                ids[r["CountryID"]] = r["Code"].lower()
    out = {}
    with gzip.open(
        need(fb / "fields" / f"country_fields_{year}.sql.gz"), "rt", encoding="utf-8"
    ) as fh:
        for line in fh:
            m = SQL_ROW.match(line.rstrip("\n"))
            if m and (ids.get(m.group(3)), m.group(4)) in wanted:
                out[(ids[m.group(3)], m.group(4))] = m.group(5).replace("''", "'")
    return out


def build_epilogue_events(src: Path, curated_rows: list[dict] | None = None) -> list[dict]:
    """Events after the paper (curated/epilogue_events.csv). Factbook rows: the quote must occur
    verbatim in that field of the 2025 edition. Other rows cannot be checked here: the stored
    sources do not hold those publications."""
    events = curated_rows_of("epilogue_events", curated_rows)
    wanted = {(r["factbook_fips"], r["factbook_field"]) for r in events if r["factbook_fips"]}
    texts = _factbook_fields(src, "2025", wanted)
    rows = []
    for i, r in enumerate(events, start=1):
        date, precision, stype = r["date"], r["precision"], r["source_type"]
        url, quote = r["url"], r["quote"]
        fips, field = r["factbook_fips"], r["factbook_field"]
        expected = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}[
            precision
        ]
        if not re.fullmatch(expected, date):
            raise SourceError(
                f"epilogue_events row {i}: date {date!r} does not have the precision {precision!r}"
            )
        if stype == "factbook":
            text = texts.get((fips, field))
            if text is None:
                raise SourceError(
                    f"epilogue_events row {i}: no field {field!r} for {fips!r} in the Factbook 2025"
                )
            if not quote or quote not in text:
                raise SourceError(
                    f"epilogue_events row {i}: the quote is not in the Factbook 2025 {fips}/{field}"
                )
        elif quote or fips:
            raise SourceError(f"epilogue_events row {i}: only Factbook rows carry a checked quote")
        if url and not url.startswith(("https://", "http://")):
            raise SourceError(f"epilogue_events row {i}: url {url!r} is not an address")
        rows.append(
            {
                "id": i,
                "date": date,
                "year": int(date[:4]),
                "precision": precision,
                "topic": r["topic"],
                "label": r["label"],
                "event": r["event"],
                "source_type": stype,
                "source": r["source"],
                "url": url,
                "quote": quote,
            }
        )
    if [r["date"] for r in rows] != sorted(r["date"] for r in rows):
        raise SourceError("epilogue_events: rows must be in date order")
    return rows


# ---------------------------------------------------------------- chapter 5: network leverage
_PAPER = "Sahara (2015)"  # how every row quoting the paper names its source
_FB15 = "CIA World Factbook 2015"  # how every row quoting the Factbook 2015 names its source
NETWORK_CATEGORIES = catalog.enum("network_events", "category")
NETWORK_BASES = catalog.enum("network_events", "base")


def _check_network_source(i: int, r: dict, flat: str, fb: dict) -> str:
    """Check one chapter 5 event against its source; return what the build checked, in words.

    paper: the quote must occur verbatim in the paper and state the year, or date_quote (a second
    verbatim quote) must; factbook: the quote must occur verbatim in that Factbook 2015 field and
    state the year; report: a publication outside ../shared/sources, NOT checkable here (url
    needed).
    """
    stype, quote, year = r["source_type"], r["quote"], r["date"][:4]
    fb_cols = r["factbook_fips"] or r["factbook_field"]
    if stype == "paper":
        if not r["source"].startswith(_PAPER) or r["url"] or fb_cols:
            raise SourceError(
                f"network_events row {i}: a paper row names the paper as its source "
                f"('{_PAPER}, section ...'), with no url and no Factbook field"
            )
        check_paper_quote("network_events", i, flat, quote, year=None if r["date_quote"] else year)
        if r["date_quote"]:
            check_paper_quote("network_events", i, flat, r["date_quote"], year=year)
        return "verbatim in the paper (checked by the build)"
    if r["date_quote"]:
        raise SourceError(f"network_events row {i}: only paper rows carry a date_quote")
    if stype == "factbook":
        fips, field = r["factbook_fips"], r["factbook_field"]
        if not r["source"].startswith(_FB15) or r["url"]:
            raise SourceError(
                f"network_events row {i}: a Factbook row names '{_FB15}' as its source, with no url"
            )
        if quote not in fb.get((fips, field), "") or year not in quote:
            raise SourceError(
                f"network_events row {i}: the quote is not in the Factbook 2015 "
                f"{fips}/{field} or does not state the year {year}"
            )
        return "verbatim in the Factbook 2015 (checked by the build)"
    if not r["url"].startswith("https://") or fb_cols:
        raise SourceError(
            f"network_events row {i}: a report row needs the report's address "
            "(and no Factbook field)"
        )
    return "not checkable here: the publication is not in ../shared/sources"


def build_network_events(
    text: str, src: Path, curated_rows: list[dict] | None = None
) -> list[dict]:
    """Chapter 5's events (curated/network_events.csv), each checked against its source where the
    course holds it; base/milestone mark the rows that open or close a US base."""
    flat = re.sub(r"\s+", " ", text)
    events = curated_rows_of("network_events", curated_rows)
    fb = _factbook_fields(
        src,
        "2015",
        {
            (r["factbook_fips"], r["factbook_field"])
            for r in events
            if r["source_type"] == "factbook"
        },
    )
    rows = []
    for i, r in enumerate(events, start=1):
        date, year = r["date"], r["date"][:4]
        check_precision("network_events", i, date, r["precision"])
        if r["category"] not in NETWORK_CATEGORIES:
            raise SourceError(f"network_events row {i}: unknown category {r['category']!r}")
        if bool(r["base"]) != bool(r["milestone"]) or (r["base"] or "K2") not in NETWORK_BASES:
            raise SourceError(
                f"network_events row {i}: a base row needs a known base and a milestone"
            )
        if r["source_type"] not in catalog.enum("network_events", "source_type"):
            raise SourceError(f"network_events row {i}: unknown source_type {r['source_type']!r}")
        checked = _check_network_source(i, r, flat, fb)
        rows.append(
            {
                "id": i,
                "date": date,
                "year": int(year),
                "precision": r["precision"],
                "category": r["category"],
                "label": r["label"],
                "event": r["event"],
                "actors": r["actors"],
                "base": r["base"],
                "milestone": r["milestone"],
                "source_type": r["source_type"],
                "source": r["source"],
                "quote": r["quote"],
                "date_quote": r["date_quote"],
                "checked": checked,
                "url": r["url"],
            }
        )
    if [r["year"] for r in rows] != sorted(r["year"] for r in rows):
        raise SourceError(
            "network_events: rows must be in year order (within a year, in the order of the narrative)"
        )
    return rows


def build_network_figures(text: str, curated_rows: list[dict] | None = None) -> list[dict]:
    """Chapter 5's figures (curated/network_figures.csv). Rows citing the paper are checked: quote
    verbatim in the paper and the value printed in it; other rows need their source's address."""
    flat = re.sub(r"\s+", " ", text)
    rows = []
    for i, r in enumerate(curated_rows_of("network_figures", curated_rows), start=1):
        value, source, quote, url = r["value"], r["source"], r["quote"], r["url"]
        if source.startswith(_PAPER):
            check_paper_quote("network_figures", i, flat, quote)
            checked = "verbatim in the paper (checked by the build)"
        elif url.startswith("https://"):
            checked = "not checkable here: the publication is not in ../shared/sources"
        else:
            raise SourceError(
                f"network_figures row {i}: a figure not from the paper needs its source's address"
            )
        if value is not None and not re.search(rf"(?<![\d.]){value}(?![\d.])", quote):
            raise SourceError(
                f"network_figures row {i}: the value {value} is not printed in the quote"
            )
        rows.append(
            {
                "id": i,
                "figure": r["figure"],
                "description": r["description"],
                "value": value,
                "unit": r["unit"],
                "kind": r["kind"],
                "source": source,
                "quote": quote,
                "checked": checked,
                "url": url,
            }
        )
    return rows


# ---------------------------------------------------------------- chapter 6: the Sino-Russian rapprochement
_NO_CITATION = "no citation in the paper"
_NUMBER_WORDS = {"ten": 10}


def check_citation(table: str, i: int, flat: str, quote: str, cited_as: str) -> None:
    """The citation the row gives must be the paper's: a footnote marker or author-date citation right after
    the quote (before any other footnote marker), or, for _NO_CITATION, none in the rest of the sentence."""
    end = flat.index(quote) + len(quote)
    window = flat[end : end + 400]
    m = re.fullmatch(r"footnote \[(\d+)\], text lost", cited_as)
    if m:
        first = re.search(r"\[(\d+)\]", window)
        if not first or first.group(1) != m.group(1):
            raise SourceError(
                f"{table} row {i}: footnote [{m.group(1)}] does not follow the quote in the paper"
            )
    elif cited_as == _NO_CITATION:
        sentence = re.split(r"(?<=[.!?])\s", window, maxsplit=1)[0]
        if re.search(r"\[\d+\]|\([A-Z][A-Za-z]+, \d{4}", sentence):
            raise SourceError(f"{table} row {i}: the paper cites a source for this quote; name it")
    elif cited_as not in window:
        raise SourceError(
            f"{table} row {i}: the citation {cited_as!r} does not follow the quote in the paper"
        )


def is_later_source(cited_as: str) -> bool:
    """A rapprochement_figures row from a later report (it names the report's address), not from the paper."""
    return "https://" in cited_as


def build_rapprochement_figures(text: str, curated_rows: list[dict] | None = None) -> list[dict]:
    """Chapter 6: the numbers of the paper's section 'The US role in the Sino-Russian rapprochement'
    (curated/rapprochement_figures.csv). Each quote must be verbatim in that section and print the
    value (in digits, or as a word in _NUMBER_WORDS), and cited_as must be what the paper gives: a
    footnote marker [n] or an author-date citation right after the quote, or none."""
    flat = re.sub(r"\s+", " ", text)
    start = flat.index("The US role in the Sino-Russian rapprochement")
    section = flat[start : flat.index("As unipolar globalization has already gone", start)]
    rows = []
    figures = curated_rows_of("rapprochement_figures", curated_rows)
    for i, r in enumerate(figures, start=1):
        value, date, cited_as, quote = r["value"], r["date"], r["cited_as"], r["quote"]
        if is_later_source(cited_as):
            if not cited_as.split("https://")[-1].strip():
                raise SourceError(
                    f"rapprochement_figures row {i}: a later report needs its address"
                )
        else:
            check_paper_quote("rapprochement_figures", i, section, quote)
            check_citation("rapprochement_figures", i, flat, quote, cited_as)
        if date:
            check_precision(
                "rapprochement_figures",
                i,
                date,
                {4: "year", 7: "month", 10: "day"}.get(len(date), "day"),
            )
        if value is not None:
            words = [w for w, n in _NUMBER_WORDS.items() if n == value]
            if not re.search(rf"(?<![\d.]){value}(?![\d.])", quote) and not any(
                re.search(rf"\b{w}\b", quote) for w in words
            ):
                raise SourceError(
                    f"rapprochement_figures row {i}: the value {value} is not printed in the quote"
                )
        rows.append(
            {
                "id": i,
                "figure": r["figure"],
                "claim": r["claim"],
                "value": value,
                "unit": r["unit"],
                "date": date,
                "cited_as": cited_as,
                "quote": quote,
                "note": r["note"],
            }
        )
    return rows


# ---------------------------------------------------------------- claims ledger: dated events (issue 14)
CLAIM_EVENT_TYPES = catalog.enum("claim_events", "source_type")


def build_claim_events(curated_rows: list[dict] | None = None) -> list[dict]:
    """Dated events the paper states, each with an independent named source the course read
    (curated/claim_events.csv), in date order, checked: each key once, ISO dates at their
    precision, a named source and an address for each, a unit with every value."""
    rows, keys = [], set()
    events = curated_rows_of("claim_events", curated_rows)
    for i, spec in enumerate(sorted(events, key=lambda e: e["date"]), start=1):
        if spec["key"] in keys:
            raise SourceError(f"claim_events row {i}: duplicate key {spec['key']!r}")
        keys.add(spec["key"])
        check_precision("claim_events", i, spec["date"], spec["precision"])
        if spec["source_type"] not in CLAIM_EVENT_TYPES:
            raise SourceError(f"claim_events row {i}: unknown source type {spec['source_type']!r}")
        if not spec["source"].strip() or not spec["url"].startswith(("https://", "http://")):
            raise SourceError(
                f"claim_events row {i}: a row needs a named source and the address read"
            )
        if (spec.get("value") is None) != (not spec.get("unit")):
            raise SourceError(f"claim_events row {i}: a value needs its unit, and a unit its value")
        rows.append(
            {
                "id": i,
                "key": spec["key"],
                "date": spec["date"],
                "year": int(spec["date"][:4]),
                "precision": spec["precision"],
                "chapter": spec["chapter"],
                "label": spec["label"],
                "event": spec["event"],
                "value": spec.get("value"),
                "unit": spec.get("unit") or "",
                "source_type": spec["source_type"],
                "source": spec["source"],
                "url": spec["url"],
                "note": spec.get("note") or "",
            }
        )
    return rows


# ---------------------------------------------------------------- chapter 7: the argument map
ARGUMENT_ROLES = catalog.enum("argument_map", "role")


def build_argument_map(text: str, curated_rows: list[dict] | None = None) -> list[dict]:
    """The paper's argument as a map (curated/argument_map.csv): its conclusion, one premise per
    section, and the four doubts of its conclusion. ``quote`` must occur verbatim in the paper; the
    metric columns name functions in multipolar/chapters/ch07_argmap.py that compute figures from data/, so no
    number may be typed in evidence or counter. ``bears_on`` for a doubt is the course's reading
    of which node it qualifies."""
    flat = re.sub(r"\s+", " ", text)
    nodes_in = curated_rows_of("argument_map", curated_rows)
    nodes = [r["node"] for r in nodes_in]
    if len(set(nodes)) != len(nodes):
        raise SourceError("argument_map: node keys must be unique")
    rows = []
    for i, r in enumerate(nodes_in, start=1):
        node, role, quote, bears_on = r["node"], r["role"], r["quote"], r["bears_on"]
        evidence, counter, c_source = r["evidence"], r["counter"], r["counter_source"]
        check_paper_quote("argument_map", i, flat, quote)
        if role not in ARGUMENT_ROLES:
            raise SourceError(f"argument_map row {i}: role {role!r} is not one of {ARGUMENT_ROLES}")
        if (role == "conclusion") != (bears_on == "") or (bears_on and bears_on not in nodes):
            raise SourceError(
                f"argument_map row {i}: bears_on {bears_on!r} must name another node "
                "(and be empty only for the conclusion)"
            )
        if role != "doubt" and not (evidence and counter and c_source):
            raise SourceError(
                f"argument_map row {i}: a claim on the map needs evidence, counter-evidence and its source"
            )
        if re.search(r"\d", evidence + counter):
            for number in re.findall(r"\d+", evidence + counter):
                if number not in c_source and not re.fullmatch(r"(19|20)\d\d", number):
                    raise SourceError(
                        f"argument_map row {i}: the number {number} is typed in the text; "
                        "compute it with a metric instead"
                    )
        rows.append(
            {
                "id": i,
                "node": node,
                "role": role,
                "chapter": r["chapter"],
                "label": r["label"],
                "claim": r["claim"],
                "quote": quote,
                "bears_on": bears_on,
                "evidence": evidence,
                "evidence_metric": r["evidence_metric"],
                "counter": counter,
                "counter_source": c_source,
                "counter_metric": r["counter_metric"],
            }
        )
    return rows


# ---------------------------------------------------------------- claims ledger (issue 6)
_CITATION_MARK = re.compile(r"\[\d+\]|\([A-Z][A-Za-z]+,? (?:et al,? )?\d{4}")
_LEDGER_DATE = re.compile(r"(\d{4}(-\d{2}(-\d{2})?)?([-/]\d{4})?|\d{4}s)?")


def check_ledger_source(i: int, flat: str, quote: str, source: str) -> None:
    """The source a ledger row gives must be the paper's (see multipolar/claims.py)."""
    start = flat.index(quote)
    after = flat[start + len(quote) : start + len(quote) + 400]
    m = re.fullmatch(r"footnote \[(\d+)\], text lost", source)
    table = re.fullmatch(r"Table \d \(source line: (.+)\)", source)
    if m:
        first = re.search(
            r"\[(\d+)\]", quote + flat[start + len(quote) : start + len(quote) + 1500]
        )
        if not first or first.group(1) != m.group(1):
            raise SourceError(
                f"claims_ledger row {i}: footnote [{m.group(1)}] is not the paper's note for the quote"
            )
    elif table:
        if table.group(1) not in flat:
            raise SourceError(
                f"claims_ledger row {i}: the source line {table.group(1)!r} is not in the paper"
            )
    elif source == _NO_CITATION:
        sentence = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
        if _CITATION_MARK.search(quote + sentence):
            raise SourceError(
                f"claims_ledger row {i}: the paper cites a source for this quote; name it"
            )
    elif source not in quote + after:
        raise SourceError(
            f"claims_ledger row {i}: the citation {source!r} does not follow the quote in the paper"
        )


def check_claims_spec(text: str, spec: list[dict] | None = None) -> list[dict]:
    """Check every claim (``spec``, by default curated/claims.toml) against the paper; return
    them."""
    spec = claims.load(curated.FOLDER / catalog.CURATED["claims"]["path"]) if spec is None else spec
    flat = re.sub(r"\s+", " ", text)
    starts = [0] + [flat.index(head) for _, _, head in claims.SECTIONS[1:]]
    spans = {
        n: (starts[k], starts[k + 1] if k + 1 < len(starts) else len(flat))
        for k, (n, _, _) in enumerate(claims.SECTIONS)
    }
    keys = set()
    for i, c in enumerate(spec, start=1):
        if c["key"] in keys:
            raise SourceError(f"claims_ledger row {i}: duplicate key {c['key']!r}")
        keys.add(c["key"])
        lo, hi = spans[c["chapter"]]
        if flat.count(c["quote"]) == 0:
            raise SourceError(
                f"claims_ledger row {i}: the quote {c['quote']!r} is not in the paper's text"
            )
        if c["quote"] not in flat[lo:hi]:
            raise SourceError(
                f"claims_ledger row {i}: the quote is not in section {c['chapter']} of the paper"
            )
        check_ledger_source(i, flat, c["quote"], c["source"])
        if not c["stated"].startswith("(") and not all(
            t in c["quote"] for t in c["stated"].split(", ")
        ):
            raise SourceError(
                f"claims_ledger row {i}: the paper's words {c['stated']!r} are not in the quote"
            )
        if not _LEDGER_DATE.fullmatch(c["date"]):
            raise SourceError(
                f"claims_ledger row {i}: date {c['date']!r} is not ISO (YYYY, YYYY-MM, YYYY-MM-DD) or a span"
            )
        if "check" in c:
            event = c["check"].startswith("event_")
            if c["on_mismatch"] not in claims.FALLBACKS or not (event or c["data_source"]):
                raise SourceError(
                    f"claims_ledger row {i}: a checked claim needs on_mismatch and the data's source"
                )
            if c["on_mismatch"] == claims.NOT_REPRODUCED and not c["reason"]:
                raise SourceError(
                    f"claims_ledger row {i}: say why a mismatch would leave it not reproduced"
                )
        elif c["status"] == claims.NOT_CHECKABLE and not c["reason"]:
            raise SourceError(f"claims_ledger row {i}: 'not checkable' needs a reason")
        elif c["status"] in claims.SOURCED and not c["named_source"]:
            raise SourceError(f"claims_ledger row {i}: '{c['status']}' needs a named source")
        elif c["status"] in claims.COMPUTED_ONLY or c["status"] not in claims.STATUSES:
            raise SourceError(f"claims_ledger row {i}: '{c['status']}' must be computed by a check")
    return spec


def build_claims_ledger(text: str, out: Path) -> list[dict] | None:
    """The ledger is derived from data/ itself: its checks recompute claims from the files just written to
    ``out``. This one step needs pandas (the course package); without it the build says so and skips it."""
    spec = check_claims_spec(text)
    try:
        import pandas  # noqa: F401
    except ImportError:
        print(
            "build_data: skipped claims_ledger.csv (its checks need pandas: pip install -r requirements.txt)",
            file=sys.stderr,
        )
        return None
    import os

    old = os.environ.get("MULTIPOLAR_DATA")
    os.environ["MULTIPOLAR_DATA"] = str(out)
    try:
        from multipolar import ledger

        return ledger.rows(spec)
    finally:
        if old is None:
            del os.environ["MULTIPOLAR_DATA"]
        else:
            os.environ["MULTIPOLAR_DATA"] = old


# ---------------------------------------------------------------- descriptions
CONSTRAINTS = ("required", "minimum", "maximum", "enum")


def schema_field(field: dict) -> dict:
    """A catalogue field as a Frictionless Table Schema field (checks under ``constraints``)."""
    out = {k: v for k, v in field.items() if k not in CONSTRAINTS}
    constraints = {k: field[k] for k in CONSTRAINTS if k in field}
    if constraints:
        out["constraints"] = constraints
    return out


def datapackage() -> dict:
    resources = []
    for name, res in catalog.RESOURCES.items():
        resources.append(
            {
                "name": name,
                "path": res["path"],
                "title": res["title"],
                "description": res["description"],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "sources": res["sources"],
                "licenses": res["licenses"],
                "schema": {
                    "fields": [schema_field(f) for f in res["fields"]],
                    "primaryKey": res["primaryKey"],
                    "missingValues": [""],
                },
            }
        )
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
        "sources in `../shared/sources/` (World Bank, CIA World Factbook, datahub.io country",
        "codes), from the paper's text, and from the hand-curated rows in `../curated/` (events,",
        "figures, quotations and claims, each with its citation, checked by the build against the",
        "paper or the Factbook where the course holds the source). Do not edit these files by",
        "hand: correct a row in `curated/` (or the script) and rebuild. A test rebuilds them and",
        "fails if the committed bytes differ.",
        "",
        "`datapackage.json` is the machine-readable description (a Frictionless Data Package,",
        "checked by `frictionless validate` in the tests): for each file its source, publisher,",
        "vintage, licence, columns, types, units and constraints. The course's loaders",
        "(`multipolar.data`) check every file against the same catalogue (`multipolar/catalog.py`)",
        "and name the file, row and column of anything malformed.",
        "",
        "The licences below are those of the data. The course's own text and code are under the",
        "MIT licence (`../LICENSE`).",
        "",
        "## Hand-curated rows",
        "",
        "| curated file | feeds |",
        "|---|---|",
    ]
    for spec in catalog.CURATED.values():
        out.append(f"| `curated/{spec['path']}` | `{catalog.RESOURCES[spec['feeds']]['path']}` |")
    out += [
        "",
        "See `../curated/README.md` for what each column means and how to edit the rows.",
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
    for res in catalog.RESOURCES.values():
        out += [f"## `{res['path']}`: {res['title']}", "", res["description"], "", "Sources:", ""]
        for s in res["sources"]:
            out.append(f"- {s['publisher']}: {s['title']} ({s['version']}); raw file `{s['path']}`")
        out += ["", "Licence: " + "; ".join(lic["title"] for lic in res["licenses"]), ""]
        out += ["| column | type | unit | description |", "|---|---|---|---|"]
        for f in res["fields"]:
            out.append(
                f"| `{f['name']}` | {f['type']} | {f.get('unit', '')} | {f['description']} |"
            )
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="folder of raw sources")
    ap.add_argument("--out", type=Path, default=ROOT / "data", help="output folder")
    ap.add_argument(
        "--curated", type=Path, default=curated.FOLDER, help="folder of hand-curated rows"
    )
    args = ap.parse_args(argv)
    curated.FOLDER = args.curated
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
    (args.out / "datapackage.json").write_text(
        json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (args.out / "README.md").write_text(readme(), encoding="utf-8")
    print("wrote datapackage.json, README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
