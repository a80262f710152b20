"""The whole book builds with warnings as errors, and every chart is a plain image with alt text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def built(built_book) -> Path:
    """The site, built once per test run by the session fixture in conftest.py."""
    return built_book


def test_chapter_pages_have_images_with_alt_and_no_dead_widgets(built):
    pages = sorted((built / "book").glob("[0-9][0-9]_*.html"))
    assert pages, "no chapter pages were built"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        imgs = re.findall(r"<img\b[^>]*>", html)
        charts = [i for i in imgs if "multipolar-chart" in i]
        assert charts, f"{page.name}: no chart images"
        for tag in imgs:
            alt = re.search(r'alt="([^"]*)"', tag)
            assert alt and alt.group(1).strip(), (
                f"{page.name}: an image without alt text: {tag[:120]}"
            )
        assert "application/vnd.jupyter.widget-view+json" not in html, (
            f"{page.name}: a widget with no kernel would be dead"
        )
        assert "Traceback" not in html, f"{page.name}: a traceback in the page"


def test_quiz_is_in_the_page(built):
    """Chapter 2's quiz is in the page for the browser (jupyterquiz's embedded questions) and on paper,
    with the numeric answer computed from data/, not typed."""
    from multipolar import catalog, tables

    html = (built / "book" / "02_china_rise.html").read_text(encoding="utf-8")
    assert "var questions" in html, "jupyterquiz's questions are not embedded in the page"
    assert html.count("class='quiz-print'") == 1 and html.count("class='quiz-key'") == 1
    x50 = tables.growth_multiple(tables.china_gdp(catalog.PAPER_VINTAGE, "never"), 1980, 2013)
    key = f"{round(x50, 1):g} (accepted from {round(x50, 1) - 0.05:g} to {round(x50, 1) + 0.05:g})"
    assert f"<strong>{key}</strong>" in html, key
    assert "by what multiple did China&#x27;s GDP in current US$ grow from 1980 to 2013?" in html


#: Largest a chapter page may be, with everything it loads from the site (HTML with its inline
#: charts, plus any image files it references). Readers on slow or metered connections matter.
PAGE_BUDGET = 2 * 1024 * 1024


def page_weight(html_file: Path) -> int:
    """Bytes of a page: its HTML (charts are inline PNGs) plus the local images it references."""
    html = html_file.read_text(encoding="utf-8")
    total = len(html.encode("utf-8"))
    for src in set(re.findall(r'<img\b[^>]*\bsrc="([^"#?]+)', html)):
        if not src.startswith(("data:", "http:", "https:")):
            f = (html_file.parent / src).resolve()
            if f.is_file():
                total += f.stat().st_size
    return total


def test_chapter_pages_are_light(built):
    pages = sorted((built / "book").glob("[0-9][0-9]_*.html"))
    assert pages, "no chapter pages were built"
    heavy = {p.name: page_weight(p) for p in pages if page_weight(p) > PAGE_BUDGET}
    assert not heavy, (
        f"chapter pages over {PAGE_BUDGET / 2**20:.0f} MB (bytes): {heavy}; lower the charts' DPI or size "
        "(multipolar/charts.py png_bytes) or show fewer charts"
    )
