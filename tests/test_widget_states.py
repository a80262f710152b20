"""Every widget of the book, moved as a student would move it: each state it reaches is a chart
whose texts stay on the canvas and apart, or a plain message.

Each page's code runs in this process (as ``benchmarks/bench_book.py`` runs it to time the
redraws); then each control moves in turn to another value, picked with a fixed seed, 20 times per
widget. Every chart is laid out afresh and checked by the live renderer's own report: no glyph off
the canvas, no two texts overlapping outside the axes. This found a legend running off both
edges (chapter 4), a legend on 'Year' and half-year ticks (chapter 5), and a one-year line chart
with its labels off the canvas (chapter 2).
"""

from __future__ import annotations

import contextlib
import io
import random
import sys

import pytest
from conftest import ROOT

from multipolar import widgets

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_book import collect_explorers, next_value, set_value  # noqa: E402

PAGES = sorted(
    p.name
    for p in (ROOT / "book").glob("*.ipynb")
    if "widgets.explore(" in p.read_text() or "_widget(" in p.read_text()
)
CHANGES = 20


def test_the_pages_with_widgets_are_found():
    assert len(PAGES) >= 9, PAGES


@pytest.mark.parametrize("page", PAGES)
def test_every_state_a_student_reaches_keeps_its_texts_on_the_canvas(page, monkeypatch):
    monkeypatch.chdir(ROOT / "book")
    explorers = collect_explorers(ROOT / "book" / page)
    assert explorers, f"{page} makes no widget"
    problems = []
    for i, ex in enumerate(explorers):
        rng = random.Random(f"{page}-{i}")
        names = list(ex.controls)
        for k in range(CHANGES):
            control = ex.controls[names[k % len(names)]]
            value = next_value(control, rng)
            if value is None:
                continue
            with contextlib.redirect_stdout(io.StringIO()):  # outside a kernel, Output prints
                set_value(control, value)
            state = f"{page} widget {i + 1} at {ex.values()}"
            if ex.message is not None:
                assert ex.message.strip() and "Traceback" not in ex.message, state
                continue
            assert getattr(ex.figure, "alt_text", "").strip(), f"{state}: no alt text"
            report = {}
            widgets.frame_png(ex.figure, report)  # laid out afresh, as the static image is
            if report["outside"] or report["overlaps"]:
                problems.append(f"{state}: {report}")
    assert not problems, "\n".join(problems)
