"""The PDF edition: built from the test build of the book, then opened and read back with pypdf."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build_pdf", ROOT / "scripts" / "build_pdf.py")
build_pdf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_pdf)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).lower()


@pytest.fixture(scope="module")
def pdf(built_book):
    """The PDF, written where the published site keeps it (beside index.html)."""
    out = built_book / build_pdf.PDF_NAME
    contents = build_pdf.build(built_book, out)
    reader = PdfReader(str(out))
    text = [_norm(p.extract_text() or "") for p in reader.pages]
    return out, contents, reader, text


def test_pdf_has_every_page_of_the_book_in_order_with_numbers(pdf):
    out, contents, reader, text = pdf
    assert 60 <= len(reader.pages) <= 400, f"{len(reader.pages)} pages"
    titles = contents["titles"]
    assert len(titles) == len(build_pdf.toc_pages()) + 1  # every page of _toc.yml + the appendix
    starts = [contents["pages"].get(t) for t in titles]
    assert None not in starts, [t for t, s in zip(titles, starts) if s is None]
    assert starts == sorted(starts), "the pages are not in the order of _toc.yml"
    toc = " ".join(text[1:3])
    for title, page in zip(titles, starts):
        assert re.search(re.escape(_norm(title).strip()) + r"\s+" + str(page) + r"\b", toc), (
            f"the contents do not give page {page} for {title!r}"
        )
    # Footer page numbers: "n / total" at the foot of a page in the middle of the book.
    middle = len(reader.pages) // 2
    assert f"{middle + 1} {len(reader.pages)}" in text[middle]


def test_every_chart_and_its_caption_is_in_the_pdf(pdf, built_book):
    out, contents, reader, text = pdf
    charts = 0
    for page in sorted((built_book / "book").glob("[0-9][0-9]_*.html")):
        html = page.read_text(encoding="utf-8")
        for _img in re.findall(r'<img\b[^>]*class="multipolar-chart"[^>]*>', html):
            charts += 1
    assert charts and len(contents["captions"]) >= charts
    whole = " ".join(text)
    for caption in contents["captions"]:
        assert _norm(caption).strip()[:80] in whole, f"caption missing from the PDF: {caption!r}"
    images = sum(len(p.images) for p in reader.pages)
    assert images >= charts, f"{images} images in the PDF for {charts} charts"


def test_quizzes_are_printed_with_answers_in_an_appendix(pdf):
    out, contents, reader, text = pdf
    whole = " ".join(text)
    assert whole.count("check yourself answers in the appendix") >= 8  # one quiz per chapter
    appendix = contents["pages"]["Appendix: answers to the quizzes"]
    tail = " ".join(text[appendix - 1 :])
    for chapter in contents["titles"]:
        if re.match(r"\d\. ", chapter):
            assert _norm(chapter).strip() in tail, f"no answers for {chapter!r}"


def test_pdf_size_is_reasonable_and_linked_from_the_book(pdf, built_book):
    out, contents, reader, text = pdf
    size = out.stat().st_size
    assert 500_000 < size < 30 * 2**20, f"{size} bytes"
    intro = (built_book / "book" / "intro.html").read_text(encoding="utf-8")
    link = re.search(r'href="([^"]*' + re.escape(build_pdf.PDF_NAME) + ')"', intro)
    assert link, "the book does not link to the PDF edition"
    assert (built_book / "book" / link.group(1)).resolve() == out.resolve()
    assert reader.outline, "the PDF has no bookmarks"
