#!/usr/bin/env python
"""Generate the student notebooks in exercises/ from the master notebooks in solutions/.

Each ``solutions/<name>.ipynb`` is an otter-grader master notebook (the one source of an
exercise set: prompts, solutions, public and hidden tests).  For each master this script runs
``otter assign`` into a temporary folder and keeps two things:

- the **student notebook**, written to ``exercises/<name>.ipynb`` with its public tests embedded
  in the notebook metadata (so ``exercises/`` holds one file per chapter), without outputs and
  with stable cell ids, so regenerating gives the same bytes.  Its first code cell is the
  master's ``grader = notebook("<name>")`` (``init_cell: false``: otter's own init cell,
  ``otter.Notebook("<name>.ipynb")``, breaks when a student renames the file);
- the **autograder zip** (public + hidden tests), written to
  ``_build/autograder/<name>-autograder.zip`` (git-ignored) for ``python -m multipolar.grade``,
  and beside it ``<name>-solution.ipynb``, the solutions as a student would hand them in
  (it holds the hidden tests: never give it to students).

Usage::

    python scripts/make_exercises.py                 # every master in solutions/
    python scripts/make_exercises.py ch02            # one exercise set
    python scripts/make_exercises.py --no-run-tests  # skip otter's check that the solutions pass
    python scripts/make_exercises.py --exercises-dir /tmp/x --autograder-dir /tmp/y
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
AUTOGRADERS = ROOT / "_build" / "autograder"
KEEP_METADATA = ("kernelspec", "language_info", "otter")


def normalise(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Strip outputs and volatile fields; give cells stable ids; put the title first."""
    nb = copy.deepcopy(nb)
    nb.metadata = nbformat.NotebookNode(
        {k: nb.metadata[k] for k in KEEP_METADATA if k in nb.metadata}
    )
    cells = list(nb.cells)
    for i, cell in enumerate(cells):
        cell["id"] = f"{name}-{i:03d}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        if "attachments" in cell and not cell["attachments"]:
            del cell["attachments"]
    nb.cells = cells
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


#: The first code cell of every student notebook (the master holds it; `init_cell: false`).
FIRST_CELL = re.compile(
    r'^(#.*\n)*from multipolar\.feedback import notebook\n\ngrader = notebook\("(\w+)"\)$'
)


def check_first_cell(nb: nbformat.NotebookNode, name: str) -> None:
    """The first code cell must be ``grader = notebook("<name>")``, not otter's own init cell.

    ``notebook`` finds the notebook's file even when a student renames it, and installs the
    friendly feedback (:mod:`multipolar.feedback`); otter's ``init_cell: true`` would write
    ``otter.Notebook("<name>.ipynb")``, which breaks in a renamed copy.
    """
    code = [c for c in nb.cells if c.cell_type == "code"]
    match = FIRST_CELL.match(code[0].source.strip()) if code else None
    if not match or match.group(2) != name:
        raise SystemExit(
            f"solutions/{name}.ipynb: the first code cell should be "
            "`from multipolar.feedback import notebook` and "
            f'`grader = notebook("{name}")` (with `init_cell: false` in the '
            "ASSIGNMENT CONFIG)"
        )


def assign(
    master: Path, exercises_dir: Path, autograder_dir: Path, run_tests: bool = True
) -> tuple[Path, Path]:
    """Run otter assign on one master; write the student notebook and the autograder zip."""
    name = master.stem
    with tempfile.TemporaryDirectory(prefix=f"assign-{name}-") as tmp:
        out = Path(tmp) / "dist"
        cmd = [sys.executable, "-m", "otter", "assign", str(master), str(out)]
        if not run_tests:
            cmd.append("--no-run-tests")
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
        if proc.returncode != 0:
            raise SystemExit(
                f"otter assign failed for {master.relative_to(ROOT) if master.is_relative_to(ROOT) else master} "
                f"(exit {proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
            )
        student = out / "student" / f"{name}.ipynb"
        zips = sorted((out / "autograder").glob(f"{name}-autograder*.zip"))
        if not student.is_file() or len(zips) != 1:
            raise SystemExit(f"otter assign did not produce the expected files for {name} in {out}")
        nb = normalise(nbformat.read(student, as_version=4), name)
        check_first_cell(nb, name)
        tests = nb.metadata.get("otter", {}).get("tests", {})
        leaked = [q for q, src in tests.items() if "hidden=True" in src]
        if leaked:
            raise SystemExit(f"hidden tests leaked into the student notebook for {leaked}")
        exercises_dir.mkdir(parents=True, exist_ok=True)
        autograder_dir.mkdir(parents=True, exist_ok=True)
        nb_path = exercises_dir / f"{name}.ipynb"
        nbformat.write(nb, nb_path)
        zip_path = autograder_dir / f"{name}-autograder.zip"
        shutil.copyfile(zips[0], zip_path)
        # The solutions as a student would hand them in (used by the tests and the benchmark).
        solved = normalise(nbformat.read(out / "autograder" / f"{name}.ipynb", as_version=4), name)
        nbformat.write(solved, autograder_dir / f"{name}-solution.ipynb")
    return nb_path, zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "names", nargs="*", help="exercise sets to build (default: every solutions/*.ipynb)"
    )
    parser.add_argument("--exercises-dir", type=Path, default=EXERCISES)
    parser.add_argument("--autograder-dir", type=Path, default=AUTOGRADERS)
    parser.add_argument(
        "--no-run-tests",
        action="store_true",
        help="do not let otter check that the solutions pass their tests (faster)",
    )
    args = parser.parse_args(argv)
    masters = sorted(SOLUTIONS.glob("*.ipynb"))
    if args.names:
        wanted = {n.removesuffix(".ipynb") for n in args.names}
        unknown = wanted - {m.stem for m in masters}
        if unknown:
            parser.error(
                f"no master notebook for {sorted(unknown)} in solutions/; have {[m.stem for m in masters]}"
            )
        masters = [m for m in masters if m.stem in wanted]
    if not masters:
        parser.error("no master notebooks found in solutions/")
    for master in masters:
        nb_path, zip_path = assign(
            master, args.exercises_dir, args.autograder_dir, not args.no_run_tests
        )
        print(f"{master.name}: student notebook -> {nb_path}; autograder -> {zip_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
