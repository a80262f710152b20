"""The whole book builds with warnings as errors, and every chart is a plain image with alt text."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book")
    exe = Path(sys.executable).with_name("jupyter-book")
    run = subprocess.run([str(exe), "build", "--all", "-W", "-n", "--keep-going", str(ROOT), "--path-output", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    log = run.stdout + run.stderr
    assert run.returncode == 0 and "build succeeded" in log, log[-4000:]
    assert not re.search(r"WARNING: (?!.*Kernel is running over TCP)", log), log[-4000:]
    yield out / "_build" / "html"
    shutil.rmtree(out, ignore_errors=True)


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
            assert alt and alt.group(1).strip(), f"{page.name}: an image without alt text: {tag[:120]}"
        assert "application/vnd.jupyter.widget-view+json" not in html, f"{page.name}: a widget with no kernel would be dead"
        assert "Traceback" not in html, f"{page.name}: a traceback in the page"


def test_quiz_is_in_the_page(built):
    html = (built / "book" / "02_china_rise.html").read_text(encoding="utf-8")
    assert "jupyterquiz" in html.lower() or "jq-" in html
