"""An exercise set as the grader sees it: questions, tests, answer names, the solution's code.

Everything here reads our own files (the otter master notebook in ``solutions/`` and the
autograder that ``otter assign`` builds from it), never a submission.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ROOT",
    "SOLUTIONS",
    "GradingError",
    "Question",
    "master_questions",
    "build_autograder",
    "extract_tests",
    "names_per_question",
    "code_cells",
    "solution_cells",
    "computed_answers",
]

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "solutions"


class GradingError(Exception):
    """A problem with the grader's own inputs (not with a submission): reported, then exit 2."""


@dataclass
class Question:
    name: str
    points: float
    manual: bool


def master_questions(master: Path) -> list[Question]:
    """Questions, points and kind (manual or autograded) from an otter master notebook."""
    import nbformat
    import yaml

    nb = nbformat.read(master, as_version=4)
    out = []
    for cell in nb.cells:
        src = cell.source.lstrip()
        if cell.cell_type == "raw" and re.match(r"#\s*BEGIN\s+QUESTION", src, re.IGNORECASE):
            conf = yaml.safe_load(src.split("\n", 1)[1] if "\n" in src else "") or {}
            pts = conf.get("points", 1)
            if isinstance(pts, list):
                pts = sum(pts)
            elif isinstance(pts, dict):
                pts = pts.get("each", 1)
            out.append(Question(str(conf["name"]), float(pts), bool(conf.get("manual", False))))
    return out


def build_autograder(assignment: str, dest: Path) -> Path:
    """Build the autograder zip for ``assignment`` from solutions/ into ``dest``."""
    master = SOLUTIONS / f"{assignment}.ipynb"
    with tempfile.TemporaryDirectory(prefix="otter-assign-", dir=dest) as tmp:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "otter",
                "assign",
                "--no-run-tests",
                str(master),
                str(Path(tmp) / "dist"),
            ],
            capture_output=True,
            text=True,
            cwd=tmp,
        )
        zips = sorted((Path(tmp) / "dist" / "autograder").glob("*.zip"))
        if proc.returncode != 0 or len(zips) != 1:
            raise GradingError(
                f"could not build the autograder from {master}:\n{proc.stderr[-2000:]}"
            )
        target = dest / f"{assignment}-autograder.zip"
        shutil.copyfile(zips[0], target)
    return target


def extract_tests(autograder: Path, dest: Path) -> Path:
    """The autograder's test files (``tests/qN.py``), copied into ``dest/tests``."""
    tests = dest / "tests"
    tests.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(autograder) as zf:
        for member in zf.namelist():
            if member.startswith("tests/") and member.endswith(".py") and "/" not in member[6:]:
                (dest / member).write_bytes(zf.read(member))
    if not any(tests.glob("*.py")):
        raise GradingError(f"the autograder {autograder} has no tests/ folder")
    return tests


def names_per_question(tests: Path) -> dict[str, list[str]]:
    """For each question, the answer names its tests read (the test functions' parameters)."""
    out: dict[str, list[str]] = {}
    for path in sorted(tests.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        question = path.stem
        names: list[str] = []
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "name" for t in node.targets)
                and isinstance(node.value, ast.Constant)
            ):
                question = str(node.value.value)
            if isinstance(node, ast.FunctionDef):
                names += [a.arg for a in node.args.args if a.arg != "env" and a.arg not in names]
        out[question] = names
    return out


def code_cells(nb) -> list[str]:
    """A notebook's code cells as otter grades them (cells tagged to be ignored left out)."""
    cells = []
    for c in nb.cells:
        meta = c.get("metadata", {})
        if (
            c.get("cell_type") != "code"
            or "otter_ignore" in meta.get("tags", [])
            or (meta.get("otter") or {}).get("ignore", False)
        ):
            continue
        src = c.get("source", "")
        cells.append("".join(src) if isinstance(src, list) else str(src))
    return cells


def solution_cells(master: Path) -> list[str]:
    """The master notebook's code without its test cells: the solution, as a student would run it."""
    import nbformat

    nb = nbformat.read(master, as_version=4)
    keep, in_tests = [], False
    for c in nb.cells:
        src = c.source.strip()
        if c.cell_type == "raw" and re.match(r"#\s*BEGIN\s+TESTS", src, re.IGNORECASE):
            in_tests = True
        elif c.cell_type == "raw" and re.match(r"#\s*END\s+TESTS", src, re.IGNORECASE):
            in_tests = False
        elif c.cell_type == "code" and not in_tests and "BEGIN TEST CONFIG" not in src:
            keep.append(c)
    nb.cells = keep
    return code_cells(nb)


def computed_answers(master: Path, names: set[str]) -> set[str]:
    """The answer names the solution computes (not those it sets to a typed-in value)."""
    from multipolar.grade.audit import literal_assignments, parse_cell

    computed, typed = set(), set()
    for src in solution_cells(master):
        tree = parse_cell(src)
        if tree is None:
            continue
        literal = {name for name, _ in literal_assignments(tree)}
        for node in ast.walk(tree):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, (ast.AugAssign, ast.AnnAssign))
                else []
            )
            for t in targets:
                for sub in ast.walk(t):
                    if isinstance(sub, ast.Name) and sub.id in names:
                        (typed if sub.id in literal else computed).add(sub.id)
    return computed - typed
