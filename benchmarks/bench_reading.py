#!/usr/bin/env python3
"""Print how heavy each page of the book is (a benchmark, not a test: it asserts nothing).

For every page in _toc.yml: the words a reader sees when the page opens (prose, visible code
and the outputs of the executed notebook; not the bodies of collapsed "Method" boxes or hidden
code), the words of the chapter's core narrative ("The argument" and "Other views"), and the
Flesch-Kincaid grade of that narrative and of all visible prose. The measures and the syllable
heuristic are defined in multipolar/site/readability.py; the targets (issue 14) are at most
3,500 visible words a page and a core-narrative grade of 12 or below.

Notebooks are executed first (a fresh kernel each, in book/), unless --executed names a folder
of executed copies, such as a book build's ``_build/jupyter_execute/book``:

    python benchmarks/bench_reading.py
    python benchmarks/bench_reading.py --executed _build/jupyter_execute/book
    python benchmarks/bench_reading.py --source-only     # no outputs: quick, words undercounted
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from multipolar import readability  # noqa: E402


def executed_copy(path: Path) -> dict:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return nb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = ap.add_mutually_exclusive_group()
    group.add_argument(
        "--executed", type=Path, help="folder of executed notebooks (same file names)"
    )
    group.add_argument(
        "--source-only", action="store_true", help="do not execute: outputs are not counted"
    )
    args = ap.parse_args()

    rows = []
    for path in readability.toc_pages(ROOT):
        if path.suffix == ".ipynb" and not args.source_only:
            if args.executed:
                done = args.executed / path.name
                if not done.is_file():
                    sys.exit(f"bench_reading: no executed copy of {path.name} in {args.executed}")
                m = readability.measure_page(done, path.stem)
            else:
                print(f"executing {path.name} ...", file=sys.stderr, flush=True)
                m = readability.measure_notebook(executed_copy(path), path.stem)
        else:
            m = readability.measure_page(path, path.stem)
        rows.append(m)

    def g(x: float) -> str:
        return "    –" if math.isnan(x) else f"{x:5.1f}"

    print(
        f"{'page':26} {'visible words':>13} {'core words':>10} {'FK core':>7} {'FK prose':>8}  outputs"
    )
    for m in rows:
        flag = f" > {readability.MAX_WORDS:d}" if m.visible_words > readability.MAX_WORDS else ""
        fk = f" > {readability.MAX_GRADE:g}" if m.core_grade > readability.MAX_GRADE else ""
        print(
            f"{m.page:26} {m.visible_words:13,d} {m.core_words:10,d} {g(m.core_grade):>7} {g(m.prose_grade):>8}  "
            f"{'counted' if m.executed else 'not counted'}{flag}{fk}"
        )
    chapters = [m for m in rows if readability.is_chapter(Path(m.page + ".ipynb"))]
    print(
        f"\nchapters: visible words {min(m.visible_words for m in chapters):,}–{max(m.visible_words for m in chapters):,}; "
        f"core-narrative FK grade {min(m.core_grade for m in chapters):.1f}–{max(m.core_grade for m in chapters):.1f} "
        f"(targets: <= {readability.MAX_WORDS:,} words, FK <= {readability.MAX_GRADE:g})"
    )


if __name__ == "__main__":
    main()
