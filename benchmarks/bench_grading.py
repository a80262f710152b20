#!/usr/bin/env python
"""Grading throughput: submissions per minute with 1 and 2 workers (not a test; prints numbers).

    python benchmarks/bench_grading.py            # 20 copies of the ch02 solution, 1 and 2 workers
    python benchmarks/bench_grading.py --copies 10 --workers 1 2 4 --unsafe-no-sandbox

It builds the exercise set into a temporary folder (the repository is not touched), makes N
copies of the solution notebook, grades them with ``multipolar.grade.grade`` once per worker
count, and prints wall time and submissions per minute.  The
load average is printed too: other work on the machine slows grading down.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from multipolar import grade  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--assignment", default="ch02")
    p.add_argument("--copies", type=int, default=20)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--unsafe-no-sandbox", action="store_true")
    args = p.parse_args()

    spec = importlib.util.spec_from_file_location(
        "make_exercises", ROOT / "scripts" / "make_exercises.py"
    )
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        tmp = Path(tmp)
        make.main(
            [
                args.assignment,
                "--no-run-tests",
                "--exercises-dir",
                str(tmp),
                "--autograder-dir",
                str(tmp),
            ]
        )
        subs = tmp / "submissions"
        subs.mkdir()
        for i in range(args.copies):
            shutil.copy(tmp / f"{args.assignment}-solution.ipynb", subs / f"student{i:03d}.ipynb")
        print(
            f"{args.copies} copies of the {args.assignment} solution; {os.cpu_count()} CPU(s); "
            f"sandbox: {'off' if args.unsafe_no_sandbox else 'bubblewrap'}"
        )
        for n in args.workers:
            out = tmp / f"gradebook-{n}.csv"
            load = os.getloadavg()[0]
            t0 = time.perf_counter()
            rows = grade.grade(
                subs,
                args.assignment,
                out,
                workers=n,
                timeout=args.timeout,
                quiet=True,
                autograder=tmp / f"{args.assignment}-autograder.zip",
                sandbox=not args.unsafe_no_sandbox,
            )
            wall = time.perf_counter() - t0
            full = sum(
                r["status"] == "graded" and r["autograded_points"] == r["autograded_possible"]
                for r in rows
            )
            print(
                f"workers={n}: {len(rows)} graded in {wall:6.1f} s = {60 * len(rows) / wall:5.1f} submissions/min; "
                f"full marks {full}/{len(rows)}; "
                f"load average before: {load:.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
