"""Mutation testing of the course's core modules with mutmut (pinned in requirements-dev.txt).

A mutant is the module with one small change (``<`` for ``<=``, ``+`` for ``-``, a string or a
number altered, an argument dropped ...). A mutant is *killed* when one of the module's fast unit
tests fails on it; one that *survives* is a change no test notices: either a missing test, or an
equivalent mutant (one that cannot change what the code does, listed in ALLOWLIST with why).

Usage (from the repository root; not part of CI)::

    .venv/bin/python scripts/mutation.py                      # every module in DEFAULT
    .venv/bin/python scripts/mutation.py checks data          # some of them
    .venv/bin/python scripts/mutation.py multipolar/grade/audit.py=tests/test_grading_audit.py
    .venv/bin/python scripts/mutation.py --rerun ledger         # after adding tests: survivors only

A module is a name from MODULES, or a path ``multipolar/x.py`` (``=`` then a comma-separated list
of test files to use; default ``tests/test_x.py``). For ``charts`` only the code that builds the
alt text is mutated (see :func:`alt_text_lines`): the rest draws pixels, which the tests do not read.

The grader (``multipolar/grade/``) is scored on the modules whose code runs in the grader's own
process or in phase 2's reading of the answers: ``grade.audit``, ``grade.answers``, ``grade.axes``,
``grade.assignment``, ``grade.lms`` and ``grade.cli``; their fast tests replace the sandboxed runs
with stubs that write what those processes write (tests/test_grading_cli.py). Not mutated, and
not in the score: ``sandbox.py``, ``phase1.py``, ``phase2.py`` and ``calibrate.py``. Their code runs
in the grading subprocesses (``python -m multipolar.grade.phase1`` inside bubblewrap), which
mutmut's trampolines do not reach, and it changes process-wide state (signal handlers,
``sys.stdout``, ``sys.modules["otter"]``, resource limits) that a test in pytest's own process must
not; what it does (what the sandbox shows, the time and memory limits, every attack) is tested
end to end by the slow corpus in tests/test_grading.py and the bubblewrap tests of
tests/test_grading_answers.py. Their pure helpers (the bubblewrap argument list, the seccomp
program) would be tested only by restating their constants.

Each module is run in its own copy of the repository under ``_build/mutation/<module>/`` (mutmut
writes its ``mutants/`` there and a ``[tool.mutmut]`` section of its own), with the module's test
files minus the tests marked ``slow``. The report gives, per module, the mutants killed out of
those generated, and every survivor with its diff and the ALLOWLIST reason (or "NO REASON: add a
test"). Exit status 1 if a module scores below --min-score (default 90) or a survivor has no reason.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Module -> its fast unit tests (files; tests marked slow are left out when mutmut runs them).
MODULES = {
    "data": ("multipolar/data.py", ["tests/test_data.py", "tests/test_doctests.py"]),
    "tables": (
        "multipolar/tables.py",
        ["tests/test_tables.py", "tests/test_ch01.py", "tests/test_epilogue.py"],
    ),
    "checks": ("multipolar/checks.py", ["tests/test_checks.py", "tests/test_doctests.py"]),
    "ledger": ("multipolar/ledger.py", ["tests/test_ledger.py", "tests/test_ledger_issue14.py"]),
    "charts": (
        "multipolar/charts.py",
        [
            "tests/test_charts_widgets.py",
            "tests/test_argmap.py",
            "tests/test_ch01.py",
            "tests/test_ch03_membership.py",
            "tests/test_ch05_network.py",
            "tests/test_ch06_rapprochement.py",
            "tests/test_epilogue.py",
            "tests/test_ledger.py",
            "tests/test_sco.py",
        ],
    ),
    # The grader: the modules whose code runs in the grader's own process or in phase 2's reading
    # of the answers, each with its fast unit tests (sandbox, phase1, phase2 and calibrate: see
    # the docstring).
    "grade.audit": ("multipolar/grade/audit.py", ["tests/test_grading_audit.py"]),
    "grade.answers": (
        "multipolar/grade/answers.py",
        ["tests/test_grading_answers.py", "tests/test_grading_units.py", "tests/test_doctests.py"],
    ),
    "grade.axes": (
        "multipolar/grade/axes.py",
        ["tests/test_grading_units.py", "tests/test_grading_answers.py"],
    ),
    "grade.assignment": (
        "multipolar/grade/assignment.py",
        ["tests/test_grading_units.py", "tests/test_grading_audit.py"],
    ),
    "grade.lms": ("multipolar/grade/lms.py", ["tests/test_lms.py"]),
    "grade.cli": (
        "multipolar/grade/cli.py",
        ["tests/test_grading_cli.py", "tests/test_lms.py", "tests/test_grading_audit.py"],
    ),
}
GRADE = ["grade.audit", "grade.answers", "grade.axes", "grade.assignment", "grade.lms", "grade.cli"]
DEFAULT = ["data", "tables", "checks", "ledger", "charts", *GRADE]
#: Modules of which only the alt-text code is mutated.
ALT_TEXT_ONLY = {"multipolar/charts.py"}

#: What the copy holds besides multipolar/ and tests/ (the tests read these).
ALSO_COPY = [
    "data",
    "scripts",
    "curated",
    "book",
    "solutions",
    "exercises",
    "binder",
    "_config.yml",
    "_toc.yml",
    "requirements.txt",
    "runtime.txt",
    "environment.yml",
    "README.md",
    "CONTRIBUTING.md",
    "CITATION.cff",
]

#: Survivors accepted as equivalent (no test can tell them apart from the original), keyed by
#: "module.function: original line -> mutated line" (whitespace collapsed), as the report prints them.
#: Equivalent mutants accepted as survivors, each with why: scripts/mutation_allowlist.toml.
ALLOWLIST: dict[str, str] = tomllib.loads(
    (Path(__file__).with_name("mutation_allowlist.toml")).read_text(encoding="utf-8")
)


# ---------------------------------------------------------------- which mutants: charts' alt text
def _loads(node: ast.AST) -> set[str]:
    """Names ``node`` reads, less the variables of the comprehensions inside it."""
    local = {
        n.id
        for c in ast.walk(node)
        if isinstance(c, ast.comprehension)
        for n in ast.walk(c.target)
        if isinstance(n, ast.Name)
    }
    return {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    } - local


def _stores(stmt: ast.stmt) -> tuple[set[str], bool]:
    """Names a simple statement defines, and whether it only changes them (x += ..., x.append(...))."""
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        names = {
            n.id
            for t in targets
            for n in ast.walk(t)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        changed = {
            n.value.id
            for t in targets
            for n in ast.walk(t)
            if isinstance(n, (ast.Subscript, ast.Attribute)) and isinstance(n.value, ast.Name)
        }
        return names | changed, not names
    if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
        return {stmt.target.id}, True
    if (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Call)
        and isinstance(stmt.value.func, ast.Attribute)
        and stmt.value.func.attr in ("append", "extend", "update", "insert")
        and isinstance(stmt.value.func.value, ast.Name)
    ):
        return {stmt.value.func.value.id}, True
    return set(), False


def alt_text_lines(source: str) -> set[int]:
    """Lines of the code that computes each chart's ``fig.alt_text``: the assignment, and back from it
    every statement that defines a name it reads (the nearest definition before the use, and the
    appends and ``+=`` that build it up), with the headers of the loops and ifs around them and the
    ``if ...: continue`` that skip an item."""
    tree = ast.parse(source)
    lines: set[int] = set()
    for func in tree.body:
        if not isinstance(func, ast.FunctionDef):
            continue
        parents: dict[ast.AST, ast.AST] = {}
        simple: list[ast.stmt] = []
        for node in ast.walk(func):
            for child in ast.iter_child_nodes(node):
                parents[child] = node
            if isinstance(node, ast.stmt) and not isinstance(
                node, (ast.For, ast.If, ast.While, ast.With, ast.FunctionDef, ast.Try)
            ):
                simple.append(node)
        defs = defaultdict(list)  # name -> [(line, stmt, only_changes)]
        for stmt in simple:
            names, changes = _stores(stmt)
            for n in names:
                defs[n].append((stmt.lineno, stmt, changes))
        for node in ast.walk(func):
            if isinstance(node, ast.For) and node is not func:
                for n in {x.id for x in ast.walk(node.target) if isinstance(x, ast.Name)}:
                    defs[n].append((node.lineno, node, False))
        seeds = [
            s
            for s in simple
            if isinstance(s, (ast.Assign, ast.AugAssign))
            and any(
                isinstance(t, ast.Attribute)
                and t.attr == "alt_text"
                or isinstance(t, ast.Name)
                and t.id == "alt"
                for t in (s.targets if isinstance(s, ast.Assign) else [s.target])
            )
        ]
        if not seeds:
            continue
        done: set[ast.AST] = set()
        todo: list[ast.AST] = list(seeds)
        while todo:
            stmt = todo.pop()
            if stmt in done:
                continue
            done.add(stmt)
            if isinstance(stmt, (ast.For, ast.If, ast.While)):
                header = stmt.iter if isinstance(stmt, ast.For) else stmt.test
                skip = isinstance(stmt, ast.If) and all(
                    isinstance(b, (ast.Continue, ast.Break)) for b in stmt.body
                )
                end = stmt.end_lineno + 1 if skip else max(stmt.body[0].lineno, stmt.lineno + 1)
                lines.update(range(stmt.lineno, end))
                reads = _loads(header)
            else:
                lines.update(range(stmt.lineno, stmt.end_lineno + 1))
                reads = _loads(stmt)
                if stmt not in seeds and _stores(stmt)[1]:
                    reads |= _stores(stmt)[0]  # x += ..., x.append(...): the earlier x matters too
                if stmt in seeds:
                    reads -= {
                        "fig"
                    }  # fig.alt_text = ...: the figure itself is not part of the text
            for parent in _ancestors(stmt, parents, func):
                todo.append(parent)
                if isinstance(parent, (ast.For, ast.While)):  # items the loop skips
                    todo += [
                        s
                        for s in ast.walk(parent)
                        if isinstance(s, ast.If)
                        and any(isinstance(b, (ast.Continue, ast.Break)) for b in s.body)
                    ]
            for name in reads:
                earlier = sorted(
                    (d for d in defs.get(name, []) if d[0] < stmt.lineno or d[1] is stmt),
                    key=lambda d: d[0],
                    reverse=True,
                )
                for _line, d, only_changes in earlier:
                    if d is stmt:
                        continue
                    todo.append(d)
                    if not only_changes:
                        break
    return lines


def _ancestors(node, parents, func):
    out = []
    while node in parents and parents[node] is not func:
        node = parents[node]
        if isinstance(node, (ast.For, ast.If, ast.While)):
            out.append(node)
    return out


def mutant_lines(path: Path) -> dict[str, int]:
    """mutmut's name of every mutant of a file -> the line it changes (mutmut 3.8's own generator)."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider
    from mutmut.mutation.file_mutation import MutationVisitor
    from mutmut.mutation.mutators import mutation_operators
    from mutmut.mutation.pragma_handling import get_ignored_lines
    from mutmut.mutation.trampoline_templates import mangle_function_name

    code = path.read_text(encoding="utf-8")
    wrapper = MetadataWrapper(cst.parse_module(code))
    visitor = MutationVisitor(mutation_operators, get_ignored_lines(str(path), code, wrapper))
    wrapper.visit(visitor)
    positions = wrapper.resolve(PositionProvider)
    module = ".".join(path.with_suffix("").parts[-2:])
    count: dict[str, int] = defaultdict(int)
    out = {}
    for m in visitor.mutations:
        func = m.contained_by_top_level_function
        if func is None:
            continue
        key = mangle_function_name(name=func.name.value, class_name=None) + "__mutmut"
        count[key] += 1
        out[f"{module}.{key}_{count[key]}"] = positions[m.original_node].start.line
    return out


# ---------------------------------------------------------------- running mutmut
def _toml_list(items) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def prepare(root: Path, work: Path, source: str, tests: list[str]) -> list[str]:
    """A copy of the repository in ``work`` with a pyproject.toml for mutmut; returns the test files used."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "_build", ".ipynb_checkpoints", "*.egg-info")
    shutil.copytree(root / "multipolar", work / "multipolar", ignore=ignore)
    shutil.copytree(root / "tests", work / "tests", ignore=ignore)
    copied = []
    for name in ALSO_COPY:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=ignore)
        elif src.is_file():
            shutil.copy2(src, work / name)
        else:
            continue
        copied.append(name)
    # Some tests read the paper and the raw sources beside the repository (../shared): so does the copy.
    shared = next((p for p in (root.parent / "shared", ROOT.parent / "shared") if p.is_dir()), None)
    if shared is not None:
        (work / "shared").symlink_to(shared.resolve(), target_is_directory=True)
    tests = [t for t in tests if (root / t).is_file()]
    if not tests:
        raise SystemExit(f"{source}: none of its test files exist in {root}")
    (work / "pyproject.toml").write_text(
        f"""[tool.mutmut]
source_paths = ["multipolar"]
only_mutate = ["{source}"]
also_copy = {_toml_list(copied)}
pytest_add_cli_args_test_selection = {_toml_list(tests)}
pytest_add_cli_args = ["-m", "not slow", "-p", "no:cacheprovider", "-p", "no:nbval", "-W", "ignore::DeprecationWarning"]

[tool.pytest.ini_options]
testpaths = ["tests"]
markers = ["slow: see tests/conftest.py"]
""",
        encoding="utf-8",
    )
    return tests


def refresh(root: Path, work: Path, source: str) -> list[str]:
    """Copy the current tests (and what they read) and the package's other modules into an earlier
    run's ``work``; return the mutants that survived that run, for mutmut to try again. The mutated
    module itself must be unchanged since that run (it is checked)."""
    ignore = shutil.ignore_patterns("__pycache__", "_build", ".ipynb_checkpoints", "*.egg-info")
    if (work / source).read_bytes() != (root / source).read_bytes():
        raise SystemExit(f"{source} changed since the run in {work}: run it again without --rerun")
    for module in (root / "multipolar").rglob("*.py"):
        rel = module.relative_to(root)
        if rel.as_posix() != source and "__pycache__" not in rel.parts:
            for dest in (work / rel, work / "mutants" / rel):
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(module, dest)
    for name in ["tests", *ALSO_COPY]:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=ignore, dirs_exist_ok=True)
        elif src.is_file():
            shutil.copy2(src, work / name)
    return sorted(
        n
        for n, s in results(work).items()
        if s not in ("killed", "timeout", "caught by type check")
    )


def run_mutmut(work: Path, names: list[str] | None, max_children: int) -> None:
    env = _mutmut_env()
    mutmut = Path(sys.executable).with_name("mutmut")
    cmd = [str(mutmut), "run", "--max-children", str(max_children)] + (names or [])
    with open(work / "mutmut.log", "w", encoding="utf-8") as out:
        run = subprocess.run(cmd, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    if run.returncode != 0:
        tail = (work / "mutmut.log").read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"mutmut failed in {work} (exit {run.returncode}):\n{tail}")


def _mutmut_env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MULTIPOLAR_DATA")}


def results(work: Path) -> dict[str, str]:
    """mutmut's status of every mutant it ran: killed, survived, no tests, timeout, ..."""
    mutmut = Path(sys.executable).with_name("mutmut")
    out = subprocess.run(
        [str(mutmut), "results", "--all", "true"],
        cwd=work,
        env=_mutmut_env(),
        capture_output=True,
        text=True,
    )
    found = {}
    for line in out.stdout.splitlines():
        m = re.match(r"\s+(\S+): (.+)$", line)
        if m:
            found[m.group(1)] = m.group(2).strip()
    return found


def describe(work: Path, source: str, names: list[str]) -> dict[str, tuple[str, str]]:
    """name -> ('module.function: original -> mutated', diff), read from mutmut's mutants/ file."""
    import difflib

    import libcst as cst
    from mutmut.mutation.diff_apply import read_mutant_function, read_original_function

    module = cst.parse_module((work / "mutants" / source).read_text(encoding="utf-8"))
    out = {}
    for name in names:
        orig, mutant = (
            cst.Module([f]).code.strip().split("\n")
            for f in (read_original_function(module, name), read_mutant_function(module, name))
        )
        diff = [
            ln
            for ln in difflib.unified_diff(orig, mutant, lineterm="", n=0)
            if not ln.startswith(("---", "+++", "@@"))
        ]
        squash = lambda ls: " ".join(" ".join(ls).split())
        minus, plus = (
            squash(ln[1:] for ln in diff if ln[0] == "-"),
            squash(ln[1:] for ln in diff if ln[0] == "+"),
        )
        func = re.sub(r"^x_|__mutmut_\d+$", "", name.rsplit(".", 1)[1])
        label = name.rsplit(".", 1)[0].removeprefix("multipolar.")
        out[name] = (f"{label}.{func}: {minus} -> {plus}", "\n".join(diff))
    return out


def parse_target(arg: str) -> tuple[str, str, list[str]]:
    """'checks' or 'multipolar/grade/audit.py[=tests/a.py,tests/b.py]' -> (label, source, tests)."""
    if arg in MODULES:
        return (arg, *MODULES[arg])
    source, _, tests = arg.partition("=")
    if not source.endswith(".py"):
        raise SystemExit(
            f"unknown module {arg!r}: give one of {sorted(MODULES)} or a path multipolar/....py"
        )
    stem = Path(source).stem
    label = source.removeprefix("multipolar/").removesuffix(".py").replace("/", ".")
    return label, source, tests.split(",") if tests else [f"tests/test_{stem}.py"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", default=DEFAULT, help=f"default: {' '.join(DEFAULT)}")
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="repository to test (default: this one)"
    )
    parser.add_argument(
        "--work", type=Path, default=ROOT / "_build" / "mutation", help="where the copies go"
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--min-score", type=float, default=90.0)
    parser.add_argument(
        "--report-only", action="store_true", help="report the last run's results, run nothing"
    )
    parser.add_argument(
        "--rerun",
        action="store_true",
        help="keep the last run's mutants, refresh the tests and run only its survivors again "
        "(minutes instead of the full run; the module's own source must not have changed)",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    failed = False
    summary = []
    for arg in args.modules:
        label, source, tests = parse_target(arg)
        work = args.work / label
        start = time.monotonic()
        rerun = None
        if args.rerun and (work / "mutants").is_dir():
            rerun = refresh(root, work, source)
        elif not args.report_only:
            tests = prepare(root, work, source, tests)
        names = None
        if source in ALT_TEXT_ONLY:
            wanted = alt_text_lines((root / source).read_text(encoding="utf-8"))
            if not (work / "pyproject.toml").is_file():
                raise SystemExit(
                    f"{label}: no earlier run in {work} (run it without --report-only)"
                )
            here = Path.cwd()
            os.chdir(
                work
            )  # mutmut reads its settings (where the code is) from the folder it runs in
            try:
                lines = mutant_lines(root / source)
            finally:
                os.chdir(here)
            names = sorted(n for n, line in lines.items() if line in wanted)
        print(
            f"== {label} ({source}) with {', '.join(tests)}"
            + (f": {len(names)} alt-text mutants" if names is not None else ""),
            flush=True,
        )
        if rerun is not None:
            if names is not None:
                rerun = [n for n in rerun if n in set(names)]
            if rerun:
                run_mutmut(work, rerun, args.max_children)
        elif not args.report_only:
            run_mutmut(work, names, args.max_children)
        status = results(work)
        if names is not None:
            missing = set(names) - set(status)
            if missing:
                raise SystemExit(
                    f"{label}: mutmut did not generate {len(missing)} expected mutant(s), e.g. "
                    f"{sorted(missing)[:3]}: its numbering differs from mutant_lines()"
                )
            status = {n: status[n] for n in names}
        killed = sum(s in ("killed", "timeout", "caught by type check") for s in status.values())
        total = len(status)
        score = 100 * killed / total if total else 100.0
        minutes = (time.monotonic() - start) / 60
        print(
            f"{label}: {killed} of {total} mutants killed, score {score:.1f}% ({minutes:.1f} min)"
        )
        unexplained = 0
        survivors = sorted(
            n for n, s in status.items() if s not in ("killed", "timeout", "caught by type check")
        )
        for name, (key, _diff) in describe(work, source, survivors).items():
            reason = ALLOWLIST.get(key)
            if reason is None:
                unexplained += 1
            print(
                f"  {status[name]}: {name}\n    {key}\n    -> {reason or 'NO REASON: add a test or a reason'}"
            )
        summary.append((label, killed, total, score, unexplained, minutes))
        failed |= score < args.min_score or unexplained > 0
    print("\nmodule        killed  total  score  unexplained survivors  minutes")
    for label, killed, total, score, unexplained, minutes in summary:
        print(
            f"{label:<12} {killed:>7} {total:>6} {score:>5.1f}% {unexplained:>12} {minutes:>17.1f}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
