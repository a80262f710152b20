#!/usr/bin/env python3
"""Print timings for the book (a benchmark, not a test: it asserts nothing).

1. each notebook in book/: execution time from a fresh kernel, against the floor of an
   empty notebook that imports the same libraries;
2. the whole book build (jupyter-book build --all, into a temporary folder);
3. each widget's redraw (median and p95 of N redraws, each after one control moves to a new
   value) against a bare draw of the same figure (rendering an already-built figure to PNG).

    python benchmarks/bench_book.py [--repeat 20] [--skip-build] [--widgets-only] [--notebook 03_]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
IMPORTS = "import pandas, matplotlib, ipywidgets, jupyterquiz\nfrom multipolar import catalog, charts, data, quiz, tables, widgets"


def run_notebook(nb) -> float:
    t = time.perf_counter()
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "book")}}
    ).execute()
    return time.perf_counter() - t


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def bench_notebooks():
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS)])
    floor = min(run_notebook(floor_nb) for _ in range(2))
    print(
        f"\n== Notebook execution (fresh kernel); floor = empty notebook with the same imports: {floor:.2f} s"
    )
    print(f"{'notebook':38} {'seconds':>8} {'x floor':>8}")
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        secs = run_notebook(nbformat.read(path, as_version=4))
        print(f"{path.name:38} {secs:8.2f} {secs / floor:8.1f}")


def bench_build():
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        run = subprocess.run(
            [
                str(Path(sys.executable).with_name("jupyter-book")),
                "build",
                "--all",
                str(ROOT),
                "--path-output",
                out,
            ],
            capture_output=True,
            text=True,
        )
        secs = time.perf_counter() - t
        status = "ok" if run.returncode == 0 else f"FAILED (exit {run.returncode})"
        print(f"\n== Book build (jupyter-book build --all): {secs:.1f} s, {status}")
        page_sizes(Path(out) / "_build" / "html")


def page_sizes(html: Path):
    """Weight of each built page (HTML with its inline charts, plus referenced local images)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_book import PAGE_BUDGET, page_weight

    pages = sorted((html / "book").glob("*.html"))
    print(f"\n== Page weight (budget for chapter pages: {PAGE_BUDGET / 2**20:.0f} MB)")
    print(f"{'page':38} {'KB':>8} {'images':>7}")
    for page in pages:
        imgs = page.read_text(encoding="utf-8").count("<img")
        print(f"{page.name:38} {page_weight(page) / 1024:8.0f} {imgs:7d}")


def collect_explorers(path: Path) -> list:
    """Run a chapter's code in this process and keep every Explorer it creates."""
    from multipolar import widgets

    made = []
    original = widgets.Explorer.__init__

    def recording(self, *a, **k):
        original(self, *a, **k)
        made.append(self)

    widgets.Explorer.__init__ = recording
    try:
        nb = nbformat.read(path, as_version=4)
        ns = {"display": lambda *a, **k: None}
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in nb.cells:
                if cell.cell_type == "code" and "colab-setup" not in cell.metadata.get("tags", []):
                    src = "\n".join(
                        ln
                        for ln in cell.source.splitlines()
                        if not ln.lstrip().startswith(("%", "!"))
                    )
                    exec(compile(src, path.name, "exec"), ns)
    finally:
        widgets.Explorer.__init__ = original
    return made


def next_value(control, rng):
    """A different value for ``control``, as a student would pick it (seeded, so runs compare)."""
    import ipywidgets as w

    if isinstance(control, w.SelectMultiple):
        n = len(control.options)
        k = rng.randint(1, min(3, n))
        return tuple(
            control.options[i]
            if not isinstance(control.options[i], tuple)
            else control.options[i][1]
            for i in sorted(rng.sample(range(n), k))
        )
    if isinstance(control, (w.Dropdown, w.ToggleButtons)):
        others = [i for i in range(len(control.options)) if i != control.index]
        return ("index", rng.choice(others)) if others else None
    if isinstance(control, (w.IntRangeSlider, w.FloatRangeSlider)):
        lo, hi, span = control.min, control.max, max(3, (control.max - control.min) // 4)
        while True:
            a = rng.randint(lo, hi - span)
            b = rng.randint(a + span, hi)
            if (a, b) != tuple(control.value):
                return (a, b)
    if isinstance(control, (w.IntSlider, w.FloatSlider)):
        steps = int(round((control.max - control.min) / control.step))
        values = [control.min + i * control.step for i in range(steps + 1)]
        return rng.choice([v for v in values if v != control.value])
    return None


def set_value(control, value) -> None:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "index":
        control.index = value[1]
    else:
        control.value = value


def bench_widgets(repeat: int, only: str | None = None):
    """Each redraw changes one control (in turn, to a different value picked with a fixed seed), which
    makes the Explorer draw the chart and render the PNG frame it sends to the browser."""
    import random

    from multipolar.charts import png_bytes

    print(
        f"\n== Widget redraw ({repeat} changes each: one control moved, then draw + PNG frame), "
        f"against a bare PNG render of the same figure; load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'notebook / widget':46} {'redraw med':>10} {'p95':>8} {'cpu med':>8} {'bare med':>9} {'ratio':>6}"
    )
    os.chdir(ROOT / "book")
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        if only and only not in path.name:
            continue
        for i, ex in enumerate(collect_explorers(path)):
            rng = random.Random(f"{path.stem}-{i}")
            names = list(ex.controls)
            drawn = []
            draw = ex.draw
            ex.draw = lambda _draw=draw, _drawn=drawn, **v: _drawn.append(_draw(**v)) or _drawn[-1]
            # before the Explorer rendered its own frames (older versions), render the PNG here
            frame = getattr(ex, "frame", None) or (lambda fig: png_bytes(fig))
            redraw, cpu, bare, refused = [], [], [], 0
            for k in range(repeat):
                control = ex.controls[names[k % len(names)]]
                value = next_value(control, rng)
                if value is None:
                    continue
                t, c = time.perf_counter(), time.process_time()
                n = len(drawn)
                try:
                    with contextlib.redirect_stdout(
                        io.StringIO()
                    ):  # outside a kernel, Output widgets print
                        set_value(control, value)  # observed: draws and renders the frame
                        if not hasattr(ex, "frame"):
                            frame(drawn[-1])
                except Exception:  # noqa: BLE001 - older Explorers let a chart's failure through
                    pass
                if (
                    len(drawn) == n
                ):  # the chart refused these values (its message was shown instead)
                    refused += 1
                    continue
                redraw.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                t = time.perf_counter()
                frame(drawn[-1])
                bare.append(time.perf_counter() - t)
            rm, bm = statistics.median(redraw), statistics.median(bare)
            name = f"{path.stem} #{i + 1} ({draw.__name__})"
            print(
                f"{name:46} {rm * 1000:8.0f}ms {p95(redraw) * 1000:6.0f}ms {statistics.median(cpu) * 1000:6.0f}ms "
                f"{bm * 1000:7.0f}ms {rm / bm:6.2f}"
                + (f"  ({refused} refused)" if refused else "")
                + (
                    f"  layout reused {ex.layouts_reused}, redone {ex.layouts_redone}"
                    if hasattr(ex, "layouts_reused")
                    else ""
                ),
                flush=True,
            )
    print(
        f"load average at the end: {os.getloadavg()[0]:.1f} (other processes on the machine slow every number)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description="Print timings for the book.")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--widgets-only", action="store_true", help="only the widget redraws")
    ap.add_argument("--notebook", help="only widgets of notebooks whose name contains this")
    args = ap.parse_args()
    if not args.widgets_only:
        bench_notebooks()
        if not args.skip_build:
            bench_build()
    bench_widgets(args.repeat, args.notebook)
    return 0


if __name__ == "__main__":
    sys.exit(main())
