"""How heavy is a page? Visible words and the reading grade of the core narrative.

Two measures per page of the book (issue 14, "lighter pages"):

**Visible words**: the words a reader sees when the page opens, before clicking anything:

- markdown prose, headings, tables, lists and code blocks; the *title* of a collapsed box
  (``{dropdown}``, or an admonition with ``:class: dropdown``) but not its body;
- the code of a code cell, unless its input is hidden (``hide-input``, ``remove-input``,
  ``hide-cell``, ``remove-cell``);
- the outputs of an executed notebook, chosen as the book chooses them (HTML before markdown
  before plain text; widget views and JavaScript show no text; images count their alt text as
  nothing), unless hidden (``hide-output``, ``remove-output``, ``hide-cell``, ``remove-cell``). In HTML,
  ``<script>``, ``<style>``, anything with ``display:none`` and the body of a closed
  ``<details>`` are not visible. One exception: a quiz is drawn by JavaScript in the browser, so
  its words are taken from its paper version (``quiz-print``, the same questions and answers),
  without the answer key.

A word is a whitespace-separated token with at least one letter or digit.

**Core narrative grade**: the Flesch-Kincaid grade level,
``0.39 * words/sentences + 11.8 * syllables/words - 15.59``, of the prose of the sections the
issue calls the core reading: "The argument" and "Other views" (the level-2 headings of every
chapter). Only running prose counts: not headings, code (fenced or inline: an inline code span
counts as the one-syllable word "code"), tables, block quotes, captions (a paragraph that is
entirely in italics), generated output, or the bodies of collapsed boxes. Open admonitions
(``{note}``, ``{tip}``, ...) are read, so they count. Citations count as one word
(``{cite:t}`` becomes "Author", ``{cite:p}`` "(Author)"); a link counts as its text.

Sentences end at ``.``, ``!`` or ``?`` followed by a space and a capital, digit, quote or
bracket (common abbreviations such as "e.g.", "St." or "vol." excepted), and at the end of a
paragraph or list item.

Syllables use a small heuristic (no dictionary): count the groups of vowels (a, e, i, o, u,
y) in the word; drop one for a silent final "e" (not "-le"), for "-ed" not after t or d, and
for "-es" after a consonant other than s, x, z, c, g or h; every word has at least one. A token
without letters (a number such as "2014") counts two syllables. Hyphenated words are counted
part by part. The heuristic is right for most English words and slightly undercounts words
with vowel pairs read as two syllables ("cooperation"), so it tends to *flatter* a text a
little; the same rule is applied before and after any edit, so changes compare fairly.

    from multipolar.site import readability as readability
    readability.measure_page("book/04_sco_testing_ground.ipynb")   # source only: no outputs
    readability.measure_page(executed_path)                       # with outputs
"""

from __future__ import annotations

import html.parser
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "PageMeasure",
    "measure_page",
    "measure_notebook",
    "measure_markdown",
    "fk_grade",
    "syllables",
    "toc_pages",
    "CORE_SECTIONS",
    "MAX_WORDS",
    "MAX_GRADE",
    "words",
    "sentences",
    "html_text",
    "is_chapter",
]

#: The level-2 sections that make up a chapter's core reading (issue 14).
CORE_SECTIONS = ("the argument", "other views")
#: The targets of issue 14, item 8: pinned by tests/test_reading.py.
MAX_WORDS = 3500
MAX_GRADE = 12.0

ROOT = Path(__file__).resolve().parents[2]

# --- syllables, words, sentences -------------------------------------------------------------

_VOWELS = re.compile(r"[aeiouy]+")


def _syllables_one(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 2 if re.search(r"\d", word) else 0
    n = len(_VOWELS.findall(w))
    if n > 1:
        if w.endswith("e") and not w.endswith(("le", "ee", "ye")):
            n -= 1
        elif w.endswith("ed") and len(w) > 3 and w[-3] not in "tdaeiouy":
            n -= 1
        elif w.endswith("es") and len(w) > 3 and w[-3] not in "sxzcghaeiouy":
            n -= 1
    return max(n, 1)


def syllables(word: str) -> int:
    """Syllables of one word by the heuristic in the module docstring (hyphenated: part by part)."""
    parts = [p for p in re.split(r"[-\u2013\u2014/]", word) if re.search(r"[A-Za-z0-9]", p)]
    return sum(_syllables_one(p) for p in parts) or 1


def words(text: str) -> list[str]:
    """Whitespace-separated tokens with at least one letter or digit."""
    return [t for t in text.split() if re.search(r"[A-Za-z0-9\u00C0-\u024F]", t)]


_ABBREV = (
    "e.g.",
    "i.e.",
    "etc.",
    "vol.",
    "vols.",
    "no.",
    "nos.",
    "st.",
    "mr.",
    "mrs.",
    "dr.",
    "cf.",
    "p.",
    "pp.",
    "jr.",
    "u.s.",
    "u.k.",
    "ed.",
    "eds.",
    "fig.",
    "approx.",
    "vs.",
    "c.",
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]*_]*\s+(?=[\"'\u201c\u2018(\[*_]*[A-Z0-9])")


def sentences(block: str) -> list[str]:
    """Split one paragraph or list item into sentences (see the module docstring)."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(block):
        before = block[start : m.start()].split()
        last = before[-1].lower().strip("\"'\u201c\u201d(") if before else ""
        if last in _ABBREV or re.fullmatch(r"(?:[a-z]\.)+", last):
            continue  # an abbreviation or an initial, not the end of a sentence
        out.append(block[start : m.start()])
        start = m.end()
    out.append(block[start:])
    return [s for s in out if words(s)]


def fk_grade(blocks: list[str]) -> float:
    """Flesch-Kincaid grade of prose given as paragraphs/list items (plain text, markup removed)."""
    n_sent = n_words = n_syll = 0
    for block in blocks:
        for s in sentences(block):
            ws = words(s)
            n_sent += 1
            n_words += len(ws)
            n_syll += sum(syllables(w) for w in ws)
    if not n_words:
        return float("nan")
    return 0.39 * n_words / n_sent + 11.8 * n_syll / n_words - 15.59


# --- MyST markdown ---------------------------------------------------------------------------

_FENCE = re.compile(r"^(\s*)(`{3,}|:{3,})\s*(\{([\w:-]+)\})?\s*(.*)$")


def _inline(text: str, for_grade: bool) -> str:
    """Markdown inline markup to the words a reader sees (for_grade: as the grade counts them)."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\{cite:p\}`[^`]*`", "(Author)", text)
    text = re.sub(r"\{cite(?::t)?\}`[^`]*`", "Author", text)
    text = re.sub(r"\{[\w:-]+\}`([^`<]*?)\s*<[^`]*>`", r"\1", text)  # {term}`text <target>`
    text = re.sub(r"\{(?:doc|ref|numref)\}`([^`]*)`", "link", text)
    text = re.sub(r"\{[\w:-]+\}`([^`]*)`", r"\1", text)  # {term}`word`
    text = re.sub(r"`([^`]*)`", "code" if for_grade else r"\1", text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", " ", text)  # images: no visible words
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their text
    text = re.sub(r"<(https?://[^>]+)>", "link" if for_grade else r"\1", text)
    text = re.sub(r"\[\^[^\]]*\]", " ", text)  # footnote references
    text = re.sub(r"\$[^$]+\$", "x", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(\*\*|__|\*|(?<!\w)_|_(?!\w))", "", text)
    return text


@dataclass
class _Block:
    kind: str  # prose, heading, table, quote, caption, code, other
    text: str  # as seen (inline markup removed)
    grade_text: str  # as the grade reads it
    section: str  # the level-2 heading it sits under (lower case)


def _blocks(md: str, section: str) -> tuple[list[_Block], str]:
    """Split MyST markdown into visible blocks; bodies of collapsed boxes are left out."""
    out: list[_Block] = []
    lines = md.split("\n")
    i = 0
    para: list[str] = []

    def flush():
        nonlocal para
        if not para:
            return
        raw = "\n".join(para).strip()
        para = []
        if not raw:
            return
        first = raw.lstrip()
        if first.startswith("|"):
            kind = "table"
        elif all(ln.lstrip().startswith(">") for ln in raw.split("\n") if ln.strip()):
            kind = "quote"
            raw = re.sub(r"^\s*>\s?", "", raw, flags=re.M)
        elif re.fullmatch(r"\*[^*].*[^*]\*|_[^_].*[^_]_", raw, flags=re.S):
            kind = "caption"
        else:
            kind = "prose"
        text = _inline(raw, False)
        out.append(
            _Block(kind, " ".join(text.split()), " ".join(_inline(raw, True).split()), section)
        )

    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if m:
            flush()
            indent, fence, _, name, arg = m.groups()
            body, j = [], i + 1
            close = re.compile(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
            while j < len(lines) and not close.match(lines[j]):
                body.append(lines[j])
                j += 1
            i = j + 1
            options = [b for b in body if re.match(r"^\s*:[\w-]+:", b)]
            content = "\n".join(b for b in body if b not in options or not name)
            collapsed = name == "dropdown" or any(
                re.match(r"^\s*:class:.*\bdropdown\b", o) for o in options
            )
            if name is None or name in ("code", "code-block", "code-cell"):
                text = " ".join(content.split())
                out.append(_Block("code", text, "", section))
                continue
            if arg:  # the box's title, visible even when the box is closed
                t = " ".join(_inline(arg, False).split())
                out.append(_Block("heading", t, "", section))
            if collapsed:
                continue
            inner, _ = _blocks(content, section)
            if name in (
                "figure",
                "image",
                "glossary",
                "bibliography",
                "table",
                "list-table",
                "math",
            ):
                inner = [_Block("other", b.text, "", section) for b in inner]
            out.extend(inner)
            continue
        h = re.match(r"^(#{1,6})\s+(.*)$", line)
        if h:
            flush()
            title = " ".join(_inline(h.group(2), False).split())
            if len(h.group(1)) <= 2:
                section = title.lower()
            out.append(_Block("heading", title, "", section))
        elif not line.strip():
            flush()
        elif re.match(r"^\s*([-*+]|\d+[.)])\s+", line):  # a list item starts a new block
            flush()
            para.append(re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line))
        else:
            if para and (line.lstrip().startswith("|") != para[0].lstrip().startswith("|")):
                flush()
            para.append(line)
        i += 1
    flush()
    return out, section


# --- HTML outputs ----------------------------------------------------------------------------


class _Visible(html.parser.HTMLParser):
    """Collect the text of HTML a reader sees (see the module docstring)."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "col", "area", "base", "wbr", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden here)
        self.parts: list[str] = []
        self.details_open: list[bool] = []

    def _hidden(self) -> bool:
        return any(h for _, h in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        style = (a.get("style") or "").replace(" ", "").lower()
        classes = (a.get("class") or "").split()
        hidden = (
            tag in ("script", "style", "template")
            or "display:none" in style
            or "quiz-key" in classes
        )
        if "quiz-print" in classes:  # the quiz's words, drawn on screen by JavaScript
            hidden = False
        if (
            self.stack
            and self.stack[-1][0] == "details"
            and not self.details_open[-1]
            and tag != "summary"
        ):
            hidden = True
        if tag == "details":
            self.details_open.append("open" in a)
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break
        if tag == "details" and self.details_open:
            self.details_open.pop()

    def handle_data(self, data):
        closed = bool(self.stack) and self.stack[-1][0] == "details" and not self.details_open[-1]
        if not self._hidden() and not closed:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The text of an HTML fragment that a reader sees."""
    p = _Visible()
    p.feed(markup)
    p.close()
    return " ".join(" ".join(p.parts).split())


# --- pages -----------------------------------------------------------------------------------


@dataclass
class PageMeasure:
    page: str
    visible_words: int = 0
    core_words: int = 0
    core_grade: float = float("nan")
    prose_grade: float = float("nan")  # every visible prose block, core or not
    executed: bool = False  # were outputs counted?
    parts: dict = field(default_factory=dict)  # visible words by origin (markdown, code, output)

    def row(self) -> dict:
        return {
            "page": self.page,
            "visible words": self.visible_words,
            "core words": self.core_words,
            "FK grade (core)": round(self.core_grade, 1),
            "FK grade (all prose)": round(self.prose_grade, 1),
            "outputs counted": self.executed,
        }


#: How the book picks one output of a bundle (MyST-NB's HTML priority, with widget views off:
#: see _config.yml). Images and JavaScript show no words.
_MIME_ORDER = (
    "application/javascript",
    "text/html",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/markdown",
    "text/latex",
    "text/plain",
)


def _output_words(output: dict) -> int:
    kind = output.get("output_type")
    if kind == "stream":
        return len(
            words(
                output.get("text", "")
                if isinstance(output.get("text"), str)
                else "".join(output["text"])
            )
        )
    if kind == "error":
        return len(words(" ".join(output.get("traceback", []))))
    bundle = output.get("data", {})
    for mime in _MIME_ORDER:
        if mime in bundle:
            value = bundle[mime]
            value = value if isinstance(value, str) else "".join(value)
            if mime == "text/html":
                return len(words(html_text(value)))
            if mime in ("text/markdown", "text/latex", "text/plain"):
                if mime == "text/markdown":
                    blocks, _ = _blocks(value, "")
                    return sum(len(words(b.text)) for b in blocks)
                return len(words(value))
            return 0
    return 0


def _finish(m: PageMeasure, blocks: list[_Block]) -> PageMeasure:
    core = [
        b.grade_text for b in blocks if b.kind == "prose" and b.section.startswith(CORE_SECTIONS)
    ]
    m.core_words = sum(len(words(t)) for t in core)
    m.core_grade = fk_grade(core)
    m.prose_grade = fk_grade([b.grade_text for b in blocks if b.kind == "prose"])
    return m


def measure_notebook(nb: dict, page: str = "") -> PageMeasure:
    """Measure a notebook (a dict as nbformat reads it; outputs count if it has been executed)."""
    m = PageMeasure(page)
    parts = {"markdown": 0, "code": 0, "output": 0}
    blocks: list[_Block] = []
    section = ""
    for cell in nb["cells"]:
        src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell["cell_type"] == "markdown":
            bs, section = _blocks(src, section)
            blocks.extend(bs)
            parts["markdown"] += sum(len(words(b.text)) for b in bs)
            continue
        if cell["cell_type"] != "code" or "remove-cell" in tags:
            continue
        if not tags & {"hide-input", "remove-input", "hide-cell"}:
            parts["code"] += len(words(src))
        if cell.get("outputs"):
            m.executed = True
            if not tags & {"hide-output", "remove-output", "hide-cell"}:
                parts["output"] += sum(_output_words(o) for o in cell["outputs"])
    m.parts = parts
    m.visible_words = sum(parts.values())
    return _finish(m, blocks)


def measure_markdown(md: str, page: str = "") -> PageMeasure:
    """Measure a MyST markdown page (generated content such as a bibliography is not counted)."""
    blocks, _ = _blocks(md, "")
    m = PageMeasure(page, executed=True)
    m.parts = {"markdown": sum(len(words(b.text)) for b in blocks)}
    m.visible_words = m.parts["markdown"]
    return _finish(m, blocks)


def measure_page(path: str | Path, page: str | None = None) -> PageMeasure:
    """Measure a .ipynb or .md page; ``page`` names it in the result (default: the file name)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"readability: no page at {path}")
    text = path.read_text(encoding="utf-8")
    name = page or path.stem
    if path.suffix == ".ipynb":
        try:
            nb = json.loads(text)
        except json.JSONDecodeError as e:
            raise ValueError(f"readability: {path} is not a notebook (invalid JSON: {e})") from None
        return measure_notebook(nb, name)
    if path.suffix == ".md":
        return measure_markdown(text, name)
    raise ValueError(f"readability: cannot measure {path}: expected a .ipynb or .md page")


def toc_pages(root: Path = ROOT) -> list[Path]:
    """The book's pages in the order of _toc.yml, as source files."""
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    out = []
    for name in re.findall(r"(?:root|file):\s*(\S+)", toc):
        for suffix in (".ipynb", ".md"):
            if (root / (name + suffix)).is_file():
                out.append(root / (name + suffix))
                break
        else:
            raise FileNotFoundError(
                f"readability: _toc.yml lists {name}, but no {name}.ipynb or .md exists"
            )
    return out


def is_chapter(path: Path) -> bool:
    return re.fullmatch(r"\d\d_.+\.ipynb", path.name) is not None
