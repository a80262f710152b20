"""Every widget of the book, moved as a student would move it: each state it reaches is a chart
whose texts stay on the canvas and apart, or a plain message.

Each page's code runs in this process (as ``benchmarks/bench_book.py`` runs it to time the
redraws); then each control moves in turn to another value, picked with a fixed seed, 20 times per
widget, and each year-range slider is also set to one year and to two years, starting every third
year (the benchmark's random ranges are wider). Every chart is laid out afresh and checked by
the live renderer's own report: no glyph off the canvas, no two texts overlapping outside the
axes. A refused state must say why in words, not in Python's. This found a legend running off
both edges (chapter 4); a legend on 'Year', half-year ticks and base labels off the axes (chapter
5); one- and two-year line charts with fractional years and labels on top of each other, or off
the canvas (chapters 2 and 6); and a message 'no year from 2016 to 2014' (chapter 6).
"""

from __future__ import annotations

import contextlib
import io
import random
import sys

import pytest
from conftest import ROOT, frame_report

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_book import collect_explorers, next_value, set_value  # noqa: E402

PAGES = sorted(
    p.name
    for p in (ROOT / "book").glob("*.ipynb")
    if "widgets.explore(" in p.read_text() or "_widget(" in p.read_text()
)
CHANGES = 20
#: Words of Python's own errors, which a student should never see in place of a chart.
PYTHON_WORDS = ("Traceback", "cannot convert", "NaN", "out of bounds", "index", "not subscriptable")


def _narrow_ranges(ex):
    """(control, value) pairs: each year-range slider at one year and at two years, starting
    every third year."""
    import ipywidgets as w

    for control in ex.controls.values():
        if isinstance(control, w.IntRangeSlider):
            for first in range(control.min, control.max, 3):
                yield control, (first, first)
                yield control, (first, first + 1)


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
        moves = [(ex.controls[names[k % len(names)]], None) for k in range(CHANGES)]
        for control, value in moves + list(_narrow_ranges(ex)):
            value = next_value(control, rng) if value is None else value
            if value is None:
                continue
            with contextlib.redirect_stdout(io.StringIO()):  # outside a kernel, Output prints
                set_value(control, value)
            state = f"{page} widget {i + 1} at {ex.values()}"
            if ex.message is not None:
                if not ex.message.strip() or any(w in ex.message for w in PYTHON_WORDS):
                    problems.append(f"{state}: message {ex.message!r}")
                continue
            assert getattr(ex.figure, "alt_text", "").strip(), f"{state}: no alt text"
            report = frame_report(ex.figure)
            if report["outside"] or report["overlaps"]:
                problems.append(f"{state}: {report}")
    assert not problems, "\n".join(problems)
