"""Shared fixtures: where the raw sources are, and a scratch copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "sources"


# --- The fast loop: `python -m pytest -m "not slow"` ---------------------------------------------
#: Test files that build the book, drive a browser or JupyterLab, grade notebooks, make the PDF or
#: run repo2docker / a fresh clone: each takes from tens of seconds to minutes. Every notebook nbval
#: executes (book/, exercises/, solutions/) is slow too. Everything else is the fast loop.
SLOW_FILES = {
    "test_book.py",  # builds the whole book (executes every chapter)
    "test_browser.py",  # the built book in a headless browser, with axe
    "test_pdf.py",  # the PDF edition, built from the test build
    "test_jupyterlab.py",  # starts a real JupyterLab
    "test_grading.py",  # grades submissions (otter, a kernel per notebook)
    "test_feedback_corpus.py",  # runs every exercise set's checks on a corpus of wrong answers
    "test_launch.py",  # repo2docker, git clone, the Colab cell in a subprocess
    "test_widget_states.py",  # runs each page with widgets, then moves every widget 20 times
}

#: Single slow tests in otherwise fast files (measured on 2 cores: 9 s to 5 minutes each).
SLOW_TESTS = {
    "test_data.py::test_rebuild_reproduces_committed_files",  # rebuilds data/ from the raw sources
    "test_data.py::test_datapackage_is_a_valid_frictionless_data_package",
    "test_data.py::test_frictionless_catches_a_value_outside_an_enum",
    "test_data.py::test_frictionless_catches_required_outside_constraints",
    "test_curated.py::test_the_build_reports_a_bad_curated_row_without_a_traceback",  # build_data.py
    "test_maps.py::test_widget_default_view_is_a_complete_map",  # draws the map widget twice
    "test_grading_answers.py::test_too_large_or_too_deep_values_become_a_note",  # 12 s of huge values
}

#: Fixtures that make a test slow wherever it is: regenerating every exercise set (otter assign).
SLOW_FIXTURES = {"generated", "built_book"}


def pytest_collection_modifyitems(config, items):
    slow = pytest.mark.slow
    for item in items:
        path = Path(str(item.fspath))
        name = f"{path.name}::{item.originalname if hasattr(item, 'originalname') else item.name}"
        if (
            path.suffix == ".ipynb"
            or path.name in SLOW_FILES
            or name in SLOW_TESTS
            or SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
        ):
            item.add_marker(slow)


@pytest.fixture
def sources() -> Path:
    if not (SOURCES / "SOURCES.md").is_file():
        pytest.skip(
            f"raw sources not found at {SOURCES}: the rebuild check needs ../shared/sources/"
        )
    return SOURCES


def frame_report(fig) -> dict:
    """What the live renderer reports of ``fig`` laid out afresh (as the static image is):
    ``outside``, a glyph off the canvas; ``overlaps``, pairs of texts overlapping outside the axes."""
    from multipolar import widgets

    report: dict = {}
    widgets.frame_png(fig, report)
    return report


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ that the loaders read (via MULTIPOLAR_DATA) for this test only."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    monkeypatch.setenv("MULTIPOLAR_DATA", str(target))
    return target


# --- The built book, shared by every test that reads it -----------------------------------------
# Building executes every chapter, so it happens once per test run. With pytest-xdist each worker
# has its own session, so the first worker to ask builds (under a file lock) and the others wait
# and reuse that build. Output: _build/test-book/_build/html (git-ignored), kept after the run for
# a look; the browser tests write their screenshots to _build/screenshots/.
BOOK_OUT = ROOT / "_build" / "test-book"


@pytest.fixture(scope="session")
def built_book() -> Path:
    import fcntl
    import os
    import re
    import subprocess
    import sys

    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"
    BOOK_OUT.parent.mkdir(parents=True, exist_ok=True)
    html = BOOK_OUT / "_build" / "html"
    marker = BOOK_OUT / "built-by-run"
    with open(BOOK_OUT.parent / "test-book.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if marker.is_file():
                state, _, log_tail = marker.read_text(encoding="utf-8").partition("\n")
                if state == f"ok {run_id}":
                    return html
                if state == f"failed {run_id}":
                    pytest.fail("the book build failed (in another worker):\n" + log_tail)
            shutil.rmtree(BOOK_OUT, ignore_errors=True)
            BOOK_OUT.mkdir(parents=True)
            exe = Path(sys.executable).with_name("jupyter-book")
            run = subprocess.run(
                [
                    str(exe),
                    "build",
                    "--all",
                    "-W",
                    "-n",
                    "--keep-going",
                    str(ROOT),
                    "--path-output",
                    str(BOOK_OUT),
                ],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            log = run.stdout + run.stderr
            ok = run.returncode == 0 and "build succeeded" in log
            warning = re.search(r"WARNING: (?!.*Kernel is running over TCP).*", log)
            if not ok or warning:
                marker.write_text(f"failed {run_id}\n{log[-4000:]}", encoding="utf-8")
                pytest.fail(
                    f"the book build failed{' with a warning: ' + warning.group(0) if warning else ''}\n{log[-4000:]}"
                )
            marker.write_text(f"ok {run_id}\n", encoding="utf-8")
            return html
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# --- The wrong-answer corpus's summary table, shown in the terminal report ------------------------
# tests/test_feedback_corpus.py writes its table to this file (it prints it too, which shows with
# `-s` when pytest runs without workers); with pytest-xdist only this hook, run by the controller,
# reaches the terminal.
CORPUS_SUMMARY = ROOT / "_build" / "feedback-corpus-summary.txt"


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controller (or a run without workers)
        CORPUS_SUMMARY.unlink(missing_ok=True)


def pytest_terminal_summary(terminalreporter):
    if CORPUS_SUMMARY.is_file():
        terminalreporter.write_sep("-", "wrong-answer corpus (tests/test_feedback_corpus.py)")
        terminalreporter.write_line(CORPUS_SUMMARY.read_text(encoding="utf-8").strip())
