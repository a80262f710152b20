"""Seminar pages: every chapter ends with seminar questions and further reading whose citations
resolve to book/references.bib, and the primary-source pack lists its six documents with an
address each."""

from __future__ import annotations

import re

import nbformat
import pytest
from conftest import ROOT

BOOK = ROOT / "book"
CHAPTERS = sorted(BOOK.glob("0[1-8]_*.ipynb"))
CITE = re.compile(r"\{cite:[a-z]*\}`([^`]+)`")


def bib_keys() -> set[str]:
    """Every entry key in book/references.bib."""
    text = (BOOK / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.M))


def section(path, heading: str) -> str:
    """The text of the markdown cell that opens with `heading` (exactly one such cell)."""
    nb = nbformat.read(path, as_version=4)
    cells = [
        c.source
        for c in nb.cells
        if c.cell_type == "markdown" and c.source.splitlines()[:1] == [heading]
    ]
    assert len(cells) == 1, f"{path.name}: expected one cell headed {heading!r}, found {len(cells)}"
    return cells[0]


def items(text: str, marker: str) -> list[str]:
    """Top-level list items (numbered when marker is 'number', bulleted when 'bullet'), each with
    its indented continuation lines joined on."""
    pattern = r"^\d+\. " if marker == "number" else r"^- "
    out: list[str] = []
    for line in text.splitlines():
        if re.match(pattern, line):
            out.append(line)
        elif out and line.startswith("  ") and line.strip():
            out[-1] += " " + line.strip()
        elif not line.strip() and out:
            continue
    return out


def test_there_are_eight_chapters():
    assert [p.name[:2] for p in CHAPTERS] == [f"0{i}" for i in range(1, 9)]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_has_three_or_four_seminar_questions(path):
    questions = items(section(path, "## Seminar questions"), "number")
    assert 3 <= len(questions) <= 4, f"{path.name}: {len(questions)} seminar questions"
    for q in questions:
        assert "?" in q, f"{path.name}: a seminar question asks nothing: {q[:60]!r}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_has_three_to_five_readings_each_in_the_bibliography(path):
    text = section(path, "## Further reading")
    entries = items(text, "bullet")
    assert 3 <= len(entries) <= 5, f"{path.name}: {len(entries)} readings"
    known = bib_keys()
    for entry in entries:
        keys = CITE.findall(entry)
        assert len(keys) == 1, f"{path.name}: each reading cites exactly one work: {entry!r}"
        assert keys[0] in known, f"{path.name}: {keys[0]!r} is not in book/references.bib"
    assert len({CITE.findall(e)[0] for e in entries}) == len(entries), "a reading is listed twice"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_seminar_cells_come_last(path):
    """The seminar cells are the chapter's last two cells, questions first."""
    nb = nbformat.read(path, as_version=4)
    heads = [c.source.splitlines()[0] for c in nb.cells[-2:]]
    assert heads == ["## Seminar questions", "## Further reading"]


def test_readings_are_not_only_western():
    """The brief asks for Russian, Chinese and Central Asian scholars; the course tags them here.

    Each key below must be cited on some chapter's reading list (a tag on an unused work fails).
    """
    tagged = {
        "Chinese": {"yan2006", "yan2013", "yan2014", "lin2012", "wang2012", "zhao2010", "fu2016"},
        "Russian": {"trenin2016", "lukin2016", "lukin2018", "lukinart2021", "leksyutina2024"},
        "Central Asian": {"namatbekova2021", "nematov2021"},
    }
    cited = set()
    for path in CHAPTERS:
        cited |= {CITE.findall(e)[0] for e in items(section(path, "## Further reading"), "bullet")}
    for group, keys in tagged.items():
        assert keys <= cited, f"{group}: not cited on any reading list: {sorted(keys - cited)}"
    assert cited <= bib_keys()


def test_every_bibliography_entry_has_a_year_and_a_title():
    text = (BOOK / "references.bib").read_text(encoding="utf-8")
    for block in re.split(r"\n(?=@)", text):
        if not block.startswith("@"):
            continue
        key = re.match(r"@\w+\{([^,]+),", block).group(1)
        assert re.search(r"^\s*title\s*=", block, flags=re.M), f"{key}: no title"
        assert re.search(r"^\s*year\s*=\s*\{\d{4}\}", block, flags=re.M), f"{key}: no year"


def test_bibliography_keys_are_unique():
    text = (BOOK / "references.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.M)
    assert len(keys) == len(set(keys))


# ---------------------------------------------------------------- the primary-source pack
PRIMARY = BOOK / "primary_sources.md"
DOCUMENTS = {  # a word or two that must be in each document's heading, and its year
    "Charter": "2002",
    "Shanghai Convention": "2001",
    "Astana": "2005",
    "Vision and Actions": "2015",
    "National Security Strategy": "2015",
    "Joint Statement": "2022",
}
FIELDS = ("What it is", "Issued by", "Date", "Address", "Why it matters", "Used in")


def primary_sections() -> dict[str, str]:
    """{heading: body} for each '## ' section of the primary-source page."""
    text = PRIMARY.read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {p.splitlines()[0]: p for p in parts}


def test_primary_sources_page_is_in_the_toc_after_the_ledger():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    files = re.findall(r"file:\s*(\S+)", toc)
    assert "book/primary_sources" in files
    assert files.index("book/primary_sources") == files.index("book/claims_ledger") + 1


def test_primary_sources_page_lists_the_six_documents_with_an_address_each():
    sections = primary_sections()
    assert len(sections) == len(DOCUMENTS)
    for word, year in DOCUMENTS.items():
        match = [h for h in sections if word in h]
        assert len(match) == 1, f"no single section for {word!r}: {list(sections)}"
        body = sections[match[0]]
        assert year in match[0], f"{match[0]!r} does not give the year {year}"
        for field in FIELDS:
            assert f"**{field}" in body, f"{word}: no {field!r}"
        address = body.split("**Address:**", 1)[1].split("\n- **", 1)[0]
        assert re.search(r"\]\((https?://[^)\s]+)\)", address), f"{word}: the address has no link"
        assert re.search(r"\bchapter [1-8]\b", body.split("**Used in:**", 1)[1]), word


def test_primary_source_excerpts_are_short():
    """Excerpts are short quotations, not copied passages: no quotation runs over 60 words."""
    text = PRIMARY.read_text(encoding="utf-8")
    for quote in re.findall(r'"([^"]+)"', text):
        assert len(quote.split()) <= 60, quote[:60]


def test_primary_sources_cite_keys_exist():
    keys = CITE.findall(PRIMARY.read_text(encoding="utf-8"))
    assert keys and set(keys) <= bib_keys()
