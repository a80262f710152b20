"""The built book in a real browser: Debian's Chromium driven by Playwright, offline.

The site (built once per run, see conftest.py) is served on a localhost port. Every request to
any other host is blocked, as it is for a reader whose network blocks CDNs: what needs one must
degrade gracefully, and no feature may depend on an external *script*. For every page in the
table of contents: no JavaScript error, no failed local request, every image loaded and with alt
text, no serious or critical accessibility violation (axe-core), every quiz answers a click with
feedback, and the launch links point at the page's own notebook. Screenshots of the chapter
pages are saved in _build/screenshots/ (git-ignored).

Needs /usr/bin/chromium (scripts/setup_system.sh installs it) and axe-core in .cache/npm
(scripts/setup.sh installs it with npm); without either, these tests fail and say so.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ROOT

from multipolar.site import launch as launch

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "_build" / "screenshots"
BLOCKING = ("serious", "critical")  # axe impacts that fail the test
SEARCH_TERM = "hegemonic"  # a word the glossary and chapter 1 use


def toc_pages() -> list[str]:
    """Every page of the book, from _toc.yml, as paths of the built HTML (``book/intro.html``)."""
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    return [f + ".html" for f in re.findall(r"(?:root|file):\s*(\S+)", toc)]


def is_chapter(page: str) -> bool:
    return re.fullmatch(r"book/\d\d_[^/]+\.html", page) is not None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(built_book):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_book))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(
            f"axe-core is not installed ({AXE.relative_to(ROOT)} is missing). Run `bash scripts/setup.sh`, "
            "which installs it from the npm registry: it needs Node.js and npm (e.g. `apt-get install npm`)."
        )
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} not found: run `bash scripts/setup_system.sh` as root (it installs Debian's "
            "chromium package) or `sudo apt-get install chromium`"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """One page load, with everything the page asked of the network and said on the console."""

    def __init__(self, browser, site: str, path: str, color_scheme: str = "light"):
        self.site = site
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, color_scheme=color_scheme
        )
        self.external: list[tuple[str, str]] = []  # (resource type, url), all blocked
        self.failed_local: list[str] = []
        self.errors: list[str] = []

        def route(r):
            url = r.request.url
            if url.startswith(site) or url.startswith(("data:", "blob:", "about:")):
                r.continue_()
            else:
                self.external.append((r.request.resource_type, url))
                r.abort("blockedbyclient")

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(f"JavaScript error: {e}"))
        self.page.on("console", self._console)
        self.page.on(
            "requestfailed",
            lambda r: self._local(r.url) and self.failed_local.append(f"{r.url}: {r.failure}"),
        )
        self.page.on(
            "response",
            lambda r: self._local(r.url)
            and r.status >= 400
            and self.failed_local.append(f"{r.url}: HTTP {r.status}"),
        )
        self.page.goto(site + path, wait_until="load")
        self.page.wait_for_timeout(300)  # let deferred scripts run

    def _local(self, url: str) -> bool:
        return url.startswith(self.site)

    def _console(self, msg) -> None:
        if msg.type != "error":
            return
        where = (msg.location or {}).get("url", "")
        if "Failed to load resource" in msg.text and where and not self._local(where):
            return  # a blocked external request: judged by self.external instead
        self.errors.append(f"console error: {msg.text} ({where})")

    def close(self) -> None:
        self.context.close()


def check_images(page) -> list[str]:
    imgs = page.eval_on_selector_all(
        "img",
        "els => els.map(e => ({src: e.currentSrc.slice(0, 80), ok: e.complete && e.naturalWidth > 0,"
        " alt: (e.getAttribute('alt') || '').trim(), hidden: e.getAttribute('aria-hidden') === 'true'}))",
    )
    problems = [f"image did not load: {i['src']}" for i in imgs if not i["ok"]]
    problems += [
        f"image without alt text: {i['src']}" for i in imgs if not i["alt"] and not i["hidden"]
    ]
    return problems


def check_axe(page, axe_source: str, within: str | None = None) -> list[str]:
    """Serious and critical axe-core violations on the page, or only inside the elements matching ``within``."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    context = f"{{include: [[{within!r}]]}}" if within else "document"
    violations = page.evaluate(
        f"async () => (await axe.run({context}, {{resultTypes: ['violations']}})).violations.map(v => ("
        "{id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [
        f"axe {v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}"
        for v in violations
        if v["impact"] in BLOCKING
    ]


def check_quizzes(page) -> tuple[int, list[str]]:
    """Answer every quiz question once (jupyterquiz draws each in its own ``.Quiz`` box): each
    must show feedback."""
    problems = []
    quizzes = page.locator(".Quiz")
    for i in range(quizzes.count()):
        quiz = quizzes.nth(i)
        quiz.scroll_into_view_if_needed()
        box = quiz.locator("input.Input-text")
        if box.count():
            box.first.click()
            box.first.type("1")
            box.first.press("Enter")
        elif quiz.locator(".MCButton").count():
            quiz.locator(".MCButton").first.click()
        else:
            problems.append(f"quiz {i + 1}: no answer to click or type")
            continue
        feedback = quiz.locator(".Feedback").first
        text = feedback.inner_text().strip() if feedback.count() else ""
        if not text:
            problems.append(f"quiz {i + 1} showed no feedback after an answer")
    return quizzes.count(), problems


def open_collapsed(page) -> int:
    """Open every collapsed box (MyST dropdowns and hidden cells are <details>), marking each, so that
    the checks below also reach what a reader finds by clicking. Returns how many were closed."""
    closed = page.evaluate("""() => { const shut = [...document.querySelectorAll('details:not([open])')];
        shut.forEach(d => { d.dataset.wasClosed = '1'; d.open = true; }); return shut.length; }""")
    # a dropdown fades in (sphinx-design: opacity 0 to 1 over 0.5 s): checked mid-fade, its text
    # has too little contrast, so wait until every animation the opening started has finished
    page.evaluate("""() => Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished))""")
    return closed


def close_again(page, closed: int) -> None:
    if closed:
        page.evaluate(
            "() => document.querySelectorAll('details[data-was-closed]').forEach(d => d.open = false)"
        )


def check_launch_links(page, path: str) -> list[str]:
    """On a notebook page, the rocket menu's links open that page's notebook, as multipolar.site.launch builds them."""
    notebook = Path(path).with_suffix(".ipynb").as_posix()
    if not (ROOT / notebook).is_file():
        return []
    s = launch.settings()
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    expected = {
        "Binder": launch.binder_url(notebook, s) if s.binderhub_url else None,
        "Colab": launch.colab_url(notebook, s) if s.colab_url else None,
        "JupyterHub": launch.jupyterhub_url(notebook, s=s) if s.jupyterhub_url else None,
    }
    problems = []
    for name, url in expected.items():
        if url and url not in hrefs:
            near = [
                h
                for h in hrefs
                if name.lower() in h.lower() or "binder" in h or "colab" in h or "git-pull" in h
            ]
            problems.append(f"{name} link missing or wrong: expected {url}, page has {near}")
    return problems


@pytest.mark.parametrize("path", toc_pages())
def test_page_in_a_real_browser(browser, site, axe_source, path):
    visit = Visit(browser, site, path)
    try:
        page = visit.page
        assert page.title(), f"{path}: page did not load"
        problems = [f"failed local request: {u}" for u in visit.failed_local]
        problems += [
            f"needs an external script (blocked here, so a feature breaks offline): {u}"
            for kind, u in visit.external
            if kind == "script"
        ]
        closed = open_collapsed(page)  # Method boxes and hidden cells hold images and quizzes too
        problems += check_images(page)
        problems += check_launch_links(page, path)
        problems += check_axe(page, axe_source)
        asked, quiz_problems = check_quizzes(page)
        problems += quiz_problems
        if asked:  # answered quizzes recolour buttons and show feedback: check those states too
            page.wait_for_timeout(1000)  # let jupyterquiz's colour animations (0.6-0.8 s) finish
            problems += [
                f"after answering the quizzes: {p}" for p in check_axe(page, axe_source, ".Quiz")
            ]
        if is_chapter(path):
            if not asked:
                problems.append(
                    "a chapter without a quiz (every chapter ends with 'Check yourself')"
                )
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            close_again(page, closed)  # the screenshot shows the page as a reader first sees it
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(SCREENSHOTS / (Path(path).stem + ".png")), full_page=True)
        problems = (
            visit.errors + problems
        )  # errors from loading the page and from answering the quizzes
        assert not problems, f"{path}:\n  " + "\n  ".join(dict.fromkeys(problems))
    finally:
        visit.close()


@pytest.mark.parametrize("path", [p for p in toc_pages() if is_chapter(p)][:1])
def test_dark_mode_is_accessible_too(browser, site, axe_source, path):
    """The theme follows the reader's system colour scheme: check one chapter in dark mode as well."""
    visit = Visit(browser, site, path, color_scheme="dark")
    try:
        assert visit.page.evaluate("document.documentElement.dataset.theme") == "dark"
        problems = visit.errors + check_axe(visit.page, axe_source)
        assert not problems, f"{path} (dark mode):\n  " + "\n  ".join(problems)
    finally:
        visit.close()


def test_search_finds_a_term(browser, site):
    visit = Visit(browser, site, f"search.html?q={quote(SEARCH_TERM)}")
    try:
        results = visit.page.locator("#search-results ul.search li")
        results.first.wait_for(timeout=15000)
        links = results.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert any("glossary" in h for h in links), (
            f"search for {SEARCH_TERM!r} did not find the glossary: {links}"
        )
        assert not visit.errors and not visit.failed_local, visit.errors + visit.failed_local
    finally:
        visit.close()


def test_browser_checks_can_fail(browser, site, axe_source):
    """The checks above are not vacuous: a page with a broken image, an unlabelled field and a
    script error fails each of them."""
    visit = Visit(browser, site, "book/intro.html")
    try:
        page = visit.page
        page.evaluate("""() => {
            const img = document.createElement('img'); img.src = 'missing.png'; document.body.appendChild(img);
            const inp = document.createElement('input'); inp.type = 'text'; document.querySelector('main').appendChild(inp);
            setTimeout(() => { throw new Error('boom'); }, 0);
        }""")
        page.wait_for_timeout(500)
        assert any("did not load" in p for p in check_images(page))
        assert any("without alt text" in p for p in check_images(page))
        assert any("label" in p for p in check_axe(page, axe_source))
        assert any("boom" in e for e in visit.errors)
        assert any("missing.png" in u for u in visit.failed_local)
    finally:
        visit.close()


# --------------------------------------------------------------- the pages issue 14 added, by name
# The test above visits every page; these say what the maps, the timeline and the primary sources
# must show, and that the collapsed "Method" boxes of the lighter pages work without a network.
def images(page) -> list[dict]:
    return page.eval_on_selector_all(
        "main img",
        "els => els.map(e => ({alt: (e.getAttribute('alt') || '').trim(),"
        " ok: e.complete && e.naturalWidth > 0}))",
    )


def widget_images(page) -> list[dict | None]:
    """Each widget's static view: the <img> its output carries beside the 'Interactive in Jupyter' note
    (multipolar/widgets.py); None for a note without its image."""
    return page.evaluate("""() => [...document.querySelectorAll('.multipolar-static-note')].map(n => {
        const img = n.parentElement.querySelector('img.multipolar-chart');
        return img ? {alt: (img.getAttribute('alt') || '').trim(), ok: img.complete && img.naturalWidth > 0} : null; })""")


#: Page -> how the alt text of each map on it begins (multipolar/maps.py writes them from the data).
MAP_PAGES = {
    "book/04_sco_testing_ground.html": ("Map of Eurasia in 2015 ", "Map of Eurasia in 2025 "),
    "book/05_network_leverage.html": ("Map of Central Asia and western China",),
}


@pytest.mark.parametrize("path", list(MAP_PAGES))
def test_maps_load_with_alt_text_and_a_caption_naming_the_boundaries(browser, site, path):
    visit = Visit(browser, site, path)
    try:
        page = visit.page
        alts = images(page)
        for start in MAP_PAGES[path]:
            maps = [i for i in alts if i["alt"].startswith(start)]
            assert maps, (
                f"{path}: no map whose alt text begins {start!r}; alt texts: {[i['alt'][:40] for i in alts]}"
            )
            assert all(i["ok"] for i in maps), f"{path}: the map {start!r} did not load"
        text = " ".join(page.inner_text("main").split())
        assert "Natural Earth" in text and "de facto" in text, (
            f"{path}: the caption must name the boundary source and say the borders are de facto lines"
        )
        statics = widget_images(page)
        assert statics and all(w and w["alt"] and w["ok"] for w in statics), (
            f"{path}: a widget without its static image: {statics}"
        )
        assert not visit.errors and not visit.failed_local, visit.errors + visit.failed_local
    finally:
        visit.close()


def test_timeline_page_shows_its_charts_and_every_event(browser, site):
    from multipolar import timeline

    events = timeline.combined_events()
    visit = Visit(browser, site, "book/timeline.html")
    try:
        page = visit.page
        overview = [
            i
            for i in images(page)
            if i["alt"].startswith(f"Timeline of {len(events)} dated events")
        ]
        assert overview and all(i["ok"] for i in overview), (
            "the overview chart is missing or its alt text does not count the events"
        )
        statics = widget_images(page)
        assert statics and all(w and w["alt"] and w["ok"] for w in statics), (
            f"the theme widget has no static image: {statics}"
        )
        box = page.locator(
            "details", has=page.locator("summary", has_text="every event and its source")
        )
        assert box.count() == 1, "the table of events should sit in one collapsed box"
        table = box.locator("table")
        assert not table.is_visible(), "the table of events should be closed when the page opens"
        box.locator("summary").click()
        assert table.is_visible() and table.locator("tbody tr").count() == len(events)
        assert not visit.errors and not visit.failed_local, visit.errors + visit.failed_local
    finally:
        visit.close()


def test_primary_sources_page_shows_each_document_with_its_address(browser, site):
    headings = re.findall(
        r"^## (.+)$", (ROOT / "book" / "primary_sources.md").read_text(encoding="utf-8"), re.M
    )
    flat = lambda t: re.sub(r"[\"“”‘’'#¶]", "", " ".join(t.split())).strip()
    visit = Visit(browser, site, "book/primary_sources.html")
    try:
        sections = visit.page.evaluate("""() => [...document.querySelectorAll('main section > h2')].map(h => ({
            title: h.innerText, links: [...h.parentElement.querySelectorAll('a[href^="http"]')].length}))""")
        shown = {flat(s["title"]): s["links"] for s in sections}
        for h in headings:
            assert flat(h) in shown, f"{h!r} is not a heading of the page: {list(shown)}"
            assert shown[flat(h)] >= 1, f"{h!r}: no address to open the document at"
        assert not visit.errors and not visit.failed_local, visit.errors + visit.failed_local
    finally:
        visit.close()


@pytest.mark.parametrize("path", [p for p in toc_pages() if is_chapter(p)])
def test_method_boxes_start_closed_and_open_on_a_click(browser, site, path):
    visit = Visit(browser, site, path)
    try:
        page = visit.page
        boxes = page.locator("details", has=page.locator(":scope > summary", has_text="Method:"))
        assert boxes.count() >= 1, f"{path}: no 'Method' box"
        assert not any(boxes.nth(i).evaluate("d => d.open") for i in range(boxes.count())), (
            f"{path}: a Method box is open when the page loads"
        )
        box = boxes.first
        body = box.locator(":scope > :not(summary)").first
        assert not body.is_visible(), f"{path}: a Method box's content shows before it is opened"
        box.locator(":scope > summary").click()
        assert box.evaluate("d => d.open") and body.is_visible(), (
            f"{path}: a Method box did not open on a click"
        )
        assert not visit.errors, visit.errors
    finally:
        visit.close()
