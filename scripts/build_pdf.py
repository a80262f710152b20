"""Build the PDF edition of the course from the built HTML book, offline.

    python scripts/build_pdf.py                      # reads _build/html, writes _build/pdf/
    python scripts/build_pdf.py --html DIR --out FILE

Route: the pages of the built book (``jupyter-book build``), in the order of ``_toc.yml``, are
put into one print document and printed by the system's Chromium through Playwright (the
browser the tests already use; nothing is downloaded). We chose this over ``jupyter-book build
--builder pdflatex`` because it needs no TeX installation (over a gigabyte of Debian packages on
every CI run), it prints the charts exactly as the web book shows them, and the book's pages are
HTML with inline charts and tables, which Chromium lays out well.

What the print document does with each page:

- keeps the article (narrative, tables, visible code) and drops the site's navigation, the
  buttons, hidden code cells and the interactive quizzes;
- shows every chart as its image with a caption, "Figure c.n", and the first sentence of
  its alt text;
- prints each quiz as its questions (the paper version ``multipolar.quiz`` puts beside
  every quiz), and gathers the answers into an appendix, chapter by chapter;
- opens every collapsible box ("Method" boxes), since paper cannot be clicked.

The PDF has a cover, a table of contents with page numbers, page numbers in the footer, a
bookmark outline (from the headings) and tagged structure (Chromium's tagged PDF).
"""

from __future__ import annotations

import argparse
import html as htmllib
import re
import sys
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Post-Globalization: a course on Sahara (2015)"
PDF_NAME = "post-globalization.pdf"

PRINT_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.45;
       color: #111; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; line-height: 1.2;
                 break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 0.6em; }
h2 { font-size: 14pt; margin-top: 1.4em; }
h3 { font-size: 12pt; }
section.chapter { break-before: page; }
img { max-width: 100%; height: auto; }
figure.chart { margin: 1em 0; break-inside: avoid; }
figure.chart figcaption { font-size: 9pt; color: #333; margin-top: 0.3em; }
table { border-collapse: collapse; font-size: 8.5pt; margin: 0.8em 0; max-width: 100%; }
th, td { border: 1px solid #999; padding: 2px 5px; vertical-align: top; }
thead { display: table-header-group; }
tr, img { break-inside: avoid; }
pre { white-space: pre-wrap; word-break: break-word; font-size: 8pt; background: #f4f4f4;
      padding: 6px; border-left: 3px solid #999; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
.admonition, details { border: 1px solid #888; border-left: 5px solid #555; padding: 0.3em 0.8em;
                       margin: 0.8em 0; }
.admonition-title, summary { font-weight: bold; }
a { color: inherit; text-decoration: none; }
.quiz-print, .quiz-print[style] { display: block !important; border: 1px solid #888;
                                  padding: 0.3em 0.8em; break-inside: avoid; }
.cover { text-align: center; padding-top: 30%; break-after: page; }
.cover h1 { font-size: 26pt; }
.toc { break-after: page; }
.toc ol { list-style: none; padding: 0; }
.toc li { display: flex; border-bottom: 1px dotted #aaa; margin: 0.3em 0; }
.toc li span.title { flex: 1; }
.appendix ol { padding-left: 1.5em; }
"""

#: Parts of a built page that belong to the web site, not to the text.
DROP = [
    "script",
    "style",
    "noscript",
    "nav",
    "button",
    "form",
    "input",
    ".headerlink",
    ".toggle-details__summary",
    ".header-article",
    ".prev-next-area",
    ".bd-sidebar",
    ".bd-footer-article",
    ".bd-header",
    ".tag_remove-input .cell_input",
    ".tag_hide-input .cell_input",
    ".tag_hide-cell",
    ".Quiz",
    "#colab-setup",
]


def toc_pages(root: Path = ROOT) -> list[str]:
    """The book's pages in reading order, as paths without suffix (``book/01_pax_americana``)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [ch["file"] for ch in part.get("chapters", [])]
    pages += [ch["file"] for ch in toc.get("chapters", [])]
    return pages


def caption_of(alt: str) -> str:
    """The figure caption printed under a chart: the first sentence of its alt text."""
    alt = " ".join(alt.split())
    first = re.split(r"(?<=[.!?])\s|:\s", alt, maxsplit=1)[0]
    return first.rstrip(".:")[:200]


def extract(page_html: str, chapter: int) -> tuple[str, str, list[str], list[str]]:
    """(title, article HTML for print, figure captions, answer-key HTML) of one built page."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one("main") or soup.body
    h1 = article.find("h1")
    title = h1.get_text(" ", strip=True).replace("#", "").strip() if h1 else ""
    keys = []
    for key in article.select(".quiz-key"):
        keys.append(str(key.find("ol") or ""))
        key.decompose()
    for sel in DROP:
        for el in article.select(sel):
            el.decompose()
    for details in article.find_all("details"):
        details["open"] = ""
    captions = []
    for n, img in enumerate(article.select("img.multipolar-chart"), start=1):
        caption = (
            f"Figure {chapter}.{n}. {caption_of(img.get('alt', ''))}"
            if chapter
            else caption_of(img.get("alt", ""))
        )
        captions.append(caption)
        fig = soup.new_tag("figure", attrs={"class": "chart"})
        img.wrap(fig)
        cap = soup.new_tag("figcaption")
        cap.string = caption
        fig.append(cap)
    for el in article.find_all(id=True):  # ids repeat across pages; links are not followed on paper
        del el["id"]
    return title, str(article), captions, keys


def print_document(html_dir: Path, toc_numbers: dict[str, int] | None = None) -> tuple[str, dict]:
    """The whole book as one HTML document, and what it contains (titles, captions)."""
    body, toc_items, appendix, contents = [], [], [], {"titles": [], "captions": []}
    chapter = 0
    for page in toc_pages():
        path = html_dir / f"{page}.html"
        if not path.is_file():
            raise SystemExit(
                f"error: {path} is missing: build the book first (jupyter-book build --all .)"
            )
        numbered = Path(page).name[:2].isdigit()
        chapter += numbered
        title, article, captions, keys = extract(
            path.read_text(encoding="utf-8"), chapter if numbered else 0
        )
        contents["titles"].append(title)
        contents["captions"] += captions
        number = (toc_numbers or {}).get(title, "")
        toc_items.append(
            f"<li><span class='title'>{htmllib.escape(title)}</span>"
            f"<span class='page'>{number}</span></li>"
        )
        body.append(f"<section class='chapter'>{article}</section>")
        if keys:
            appendix.append(f"<h2>{htmllib.escape(title)}</h2>" + "".join(keys))
    contents["titles"].append("Appendix: answers to the quizzes")
    number = (toc_numbers or {}).get("Appendix: answers to the quizzes", "")
    toc_items.append(
        f"<li><span class='title'>Appendix: answers to the quizzes</span>"
        f"<span class='page'>{number}</span></li>"
    )
    doc = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{htmllib.escape(TITLE)}</title><style>{PRINT_CSS}</style></head><body>
<div class="cover"><h1>{htmllib.escape(TITLE)}</h1>
<p>An interactive course on Tetsuya Sahara, "Post-Globalization: The US Retreat, SCO,
Sino-Russian Accord and Multipolarity", <em>International Journal of Russian Studies</em>,
No. 4 (2015/2).</p><p>PDF edition of the online book. The charts are those of the web edition;
their interactive versions, the quizzes and the graded exercises are in the notebooks.</p>
<p>Course text and code: MIT licence. World Bank data: CC BY 4.0. CIA World Factbook: public
domain.</p></div>
<div class="toc"><h1>Contents</h1><ol>{"".join(toc_items)}</ol></div>
{"".join(body)}
<section class="chapter appendix"><h1>Appendix: answers to the quizzes</h1>
{"".join(appendix)}</section>
</body></html>"""
    return doc, contents


def browser_path() -> str:
    """The Chromium to print with: $CHROMIUM, else the first found of the usual names."""
    import os
    import shutil

    candidates = [
        os.environ.get("CHROMIUM", ""),
        "/usr/bin/chromium",
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    for name in candidates:
        found = name and (shutil.which(name) or (Path(name).is_file() and name))
        if found:
            return str(found)
    raise SystemExit(
        "error: no Chromium or Chrome found to print the PDF; install Debian's "
        "`chromium` (bash scripts/setup_system.sh) or set CHROMIUM=/path/to/browser"
    )


def _print(doc: str, workdir: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    src = workdir / "print.html"
    src.write_text(doc, encoding="utf-8")
    footer = (
        "<div style='font-size:8px;width:100%;text-align:center;color:#444'>"
        "<span class='pageNumber'></span> / <span class='totalPages'></span></div>"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path(), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.route(
                "**/*",
                lambda route: route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort(),
            )
            page.goto(src.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(
                path=str(out),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer,
                outline=True,
                tagged=True,
                margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
            )
        finally:
            browser.close()


def start_pages(pdf: Path, titles: list[str], skip: int = 2) -> dict[str, int]:
    """The page number (1-based) on which each title starts a page, after the first ``skip``.

    Every chapter starts on a new page with its title, so the title opens that page's text.
    """
    from pypdf import PdfReader

    def norm(t: str) -> str:
        return re.sub(r"\W+", " ", t).strip().lower()

    texts = [norm(p.extract_text() or "") for p in PdfReader(str(pdf)).pages]
    found, start = {}, skip
    for title in titles:
        want = norm(title)[:60]
        for i in range(start, len(texts)):
            if want and texts[i].startswith(want):
                found[title] = i + 1
                start = i
                break
    return found


def build(html_dir: Path, out: Path) -> dict:
    """Print the PDF (twice: the second pass puts page numbers in the contents)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pdf-") as tmp:
        work = Path(tmp)
        doc, contents = print_document(html_dir)
        _print(doc, work, out)
        numbers = start_pages(out, contents["titles"])
        doc, contents = print_document(html_dir, numbers)
        partial = out.with_name(f".{out.name}.partial")
        _print(doc, work, partial)
        partial.replace(out)
    contents["pages"] = numbers
    return contents


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--html",
        type=Path,
        default=ROOT / "_build" / "html",
        help="the built book (default: _build/html)",
    )
    p.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf" / PDF_NAME)
    args = p.parse_args(argv)
    contents = build(args.html, args.out)
    from pypdf import PdfReader

    n = len(PdfReader(str(args.out)).pages)
    print(
        f"wrote {args.out}: {n} pages, {args.out.stat().st_size / 2**20:.1f} MB, "
        f"{len(contents['captions'])} figures"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
