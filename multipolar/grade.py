"""Grade a folder of submitted exercise notebooks into a gradebook, in one command.

    python -m multipolar.grade SUBMISSIONS_DIR --assignment ch02 --out gradebook.csv

For every file in SUBMISSIONS_DIR this writes one gradebook row (student id = file name
without extension): points per question, the autograded total, and the reason for every lost
point.  It also draws a chart of the class's results per question (``gradebook.png`` beside
the CSV unless ``--chart`` says otherwise).

How a submission is graded
--------------------------
1. The notebook is read and checked here, in the grader (empty file, not JSON, not a notebook,
   a notebook for another assignment: each gets a row with the reason, and is not run).
2. Its code is scanned without running it for attempts to tamper with grading (redefining
   ``grader`` or the answer checks, importing otter internals, touching the test or result
   files).  Such a submission gets 0 autograded points and is flagged for review; looser
   patterns (``exec``, ``importlib``, shell commands ...) only flag it.
3. A copy is graded with otter-grader's own grading mode (as ``otter run`` does, no Docker),
   using the tests of the autograder zip built from ``solutions/<assignment>.ipynb``, in its own
   fresh temporary folder, inside a bubblewrap sandbox: the whole file system read-only except
   that folder, the tests read-only too, a private /tmp, no network, a time limit (the whole
   sandbox is killed when it runs out), and caps on memory and file size.  Several submissions
   are graded at once (``--workers``).

Nothing is written outside one temporary folder (deleted at the end) and the gradebook and
chart you ask for; the submissions folder is only read.
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import math
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"

#: Okabe–Ito colours (colour-blind safe), with hatching so the chart does not rely on colour.
RESULT_STYLES = {
    "full marks": ("#009E73", ""),
    "part marks": ("#E69F00", "//"),
    "no marks": ("#D55E00", "xx"),
}

BWRAP_MISSING = (
    "bubblewrap (`bwrap`) is not installed, so submissions cannot be run in a sandbox.\n"
    "Install it (Debian/Ubuntu: `sudo apt-get install bubblewrap`; Fedora: `sudo dnf install "
    "bubblewrap`; or run `bash scripts/setup_system.sh` as root) and run this command again.\n"
    "Only if you trust every submission, you may grade without a sandbox by adding "
    "--unsafe-no-sandbox: student code then runs with your own permissions."
)


class GradingError(Exception):
    """A problem with the grader's own inputs (not with a submission): reported, then exit 2."""


# --------------------------------------------------------------------------- assignment

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
            [sys.executable, "-m", "otter", "assign", "--no-run-tests", str(master), str(Path(tmp) / "dist")],
            capture_output=True, text=True, cwd=tmp,
        )
        zips = sorted((Path(tmp) / "dist" / "autograder").glob("*.zip"))
        if proc.returncode != 0 or len(zips) != 1:
            raise GradingError(f"could not build the autograder from {master}:\n{proc.stderr[-2000:]}")
        target = dest / f"{assignment}-autograder.zip"
        shutil.copyfile(zips[0], target)
    return target


# --------------------------------------------------------------------------- audit

#: Names whose attributes the grading relies on: changing one is tampering.
PROTECTED_ROOTS = {"grader", "otter", "multipolar"}
#: Packages the tests run on; any name a submission binds to them is protected too.
GRADING_PACKAGES = {"otter", "multipolar"}
#: Names from otter's internals a student notebook has no reason to touch.
OTTER_INTERNALS = {"Checker", "GradingResults", "test_case", "TestFile", "ExceptionTestFile",
                   "OKTestFile", "TestCaseResult", "init_grading_mode"}
SUSPICIOUS_CALLS = {"exec", "eval", "compile", "__import__", "globals", "setattr", "delattr", "breakpoint"}
SUSPICIOUS_MODULES = {"importlib", "builtins", "ctypes", "subprocess", "pickle", "dill", "inspect",
                      "gc", "signal", "socket", "multiprocessing", "threading", "pty"}
#: Methods that change files or processes, whatever object they are called on ...
RISKY_METHODS = {"system", "popen", "_exit", "rmtree", "unlink", "chmod", "kill", "write_text", "write_bytes"}
#: ... and names that are risky only as os/shutil functions (pandas and lists have .rename/.replace/.remove).
RISKY_OS_FUNCTIONS = {"remove", "rename", "replace", "removedirs", "rmdir", "move", "copy", "copyfile"}
TAMPER_STRING = re.compile(r"(^|[/\\])tests[/\\]|[/\\]tests$|\.pkl\b|results\.json|OTTER_LOG|autograder",
                           re.IGNORECASE)
INIT_CELL = re.compile(r"^\s*(#.*\n)*\s*(import otter\s*\ngrader\s*=\s*otter\.Notebook\([^)]*\)"
                       r"|from multipolar\.feedback import notebook\s*\n\s*grader\s*=\s*notebook\([^)]*\))\s*$")


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _python_source(cell_source: str) -> str:
    """IPython cell source (magics, !shell) as plain Python, for parsing."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
        return TransformerManager().transform_cell(cell_source)
    except Exception:  # noqa: BLE001 - fall back to the raw text
        return cell_source


def _grading_aliases(tree: ast.AST) -> set[str]:
    """Names a cell binds to otter or the course package (``import multipolar.checks as c`` -> c)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in GRADING_PACKAGES:
                    names.add(a.asname or a.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in GRADING_PACKAGES:
            names.update(a.asname or a.name for a in node.names)
    return names


def audit(nb) -> tuple[list[str], list[str]]:
    """Scan a notebook's code without running it: (tampering found, suspicious patterns).

    Tampering: changing an attribute of the grader, of otter or of the course package (the
    tests use them), defining otter's internal names, importing otter's internals, or naming
    the grader's test and result files.  Suspicious: ways to do the same out of sight
    (``exec``, ``setattr``, ``importlib``, shell commands, deleting files ...).
    """
    tamper: list[str] = []
    suspicious: list[str] = []
    cells = [c for c in nb.cells if c.get("cell_type") == "code"]
    sources = []
    for cell in cells:
        src = cell.get("source", "")
        sources.append("".join(src) if isinstance(src, list) else str(src))
    trees = []
    for src in sources:
        try:
            trees.append(None if INIT_CELL.match(src) else ast.parse(_python_source(src)))
        except SyntaxError:
            trees.append(None)  # it cannot run either; the error shows in the notes
    protected = set(PROTECTED_ROOTS)
    for tree in trees:
        if tree is not None:
            protected |= _grading_aliases(tree)
    for number, tree in enumerate(trees, start=1):
        if tree is None:
            continue
        where = f"code cell {number}"
        for node in ast.walk(tree):
            targets: list[ast.AST] = []
            if isinstance(node, (ast.Assign, ast.Delete)):
                targets = list(node.targets)
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if node.name in OTTER_INTERNALS:
                    tamper.append(f"{where} defines `{node.name}`, a name otter's grading uses")
            for t in targets:
                for sub in ast.walk(t):
                    if isinstance(sub, (ast.Attribute, ast.Subscript)) and _root_name(sub) in protected:
                        tamper.append(f"{where} assigns to `{ast.unparse(sub)}`, which redefines the grader or its checks")
                        break
                    if isinstance(sub, ast.Name) and sub.id in {"grader", "otter"}:
                        suspicious.append(f"{where} rebinds `{sub.id}`")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for m in mods:
                    top = m.split(".")[0]
                    if top == "otter" and (m != "otter" or isinstance(node, ast.ImportFrom)):
                        tamper.append(f"{where} imports otter internals (`{ast.unparse(node)}`)")
                    elif m.startswith("multipolar.checks") or (isinstance(node, ast.ImportFrom) and m == "multipolar"
                                                               and any(a.name == "checks" for a in node.names)):
                        suspicious.append(f"{where} imports the answer checks (`{ast.unparse(node)}`)")
                    elif top in SUSPICIOUS_MODULES:
                        suspicious.append(f"{where} imports `{top}`")
            if isinstance(node, ast.Name) and node.id in OTTER_INTERNALS:
                tamper.append(f"{where} uses otter's internal `{node.id}`")
            if isinstance(node, ast.Attribute) and node.attr in OTTER_INTERNALS:
                tamper.append(f"{where} uses otter's internal `{node.attr}`")
            if isinstance(node, ast.Name) and node.id in {"__builtins__", "get_ipython"}:
                suspicious.append(f"{where} uses `{node.id}` (shell commands or magics included)")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SUSPICIOUS_CALLS:
                suspicious.append(f"{where} calls `{node.func.id}()`")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                    node.func.attr in RISKY_METHODS
                    or (node.func.attr in RISKY_OS_FUNCTIONS and _root_name(node.func) in {"os", "shutil"})):
                suspicious.append(f"{where} calls `.{node.func.attr}()`")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and TAMPER_STRING.search(node.value):
                tamper.append(f"{where} refers to the grader's files ({node.value[:40]!r})")
    return _dedupe(tamper), _dedupe(suspicious)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------- sandbox

def sandbox_available() -> tuple[bool, str]:
    """Whether bubblewrap exists and works here; if not, why."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False, BWRAP_MISSING
    try:
        proc = subprocess.run([bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                               "--unshare-net", "--unshare-pid", "true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bubblewrap is installed but could not start a sandbox ({exc}).\n" + BWRAP_MISSING
    if proc.returncode != 0:
        return False, (f"bubblewrap is installed but could not start a sandbox here: {proc.stderr.strip()}\n"
                       "(user namespaces may be disabled; see `man bwrap`).\n" + BWRAP_MISSING)
    return True, ""


def _under_tmp(path: Path) -> bool:
    try:
        return path.resolve().is_relative_to("/tmp")
    except OSError:
        return False


def sandbox_command(work: Path, command: list[str], read_only: list[Path] = ()) -> list[str]:
    """Wrap ``command`` in bubblewrap: read-only system, writable ``work`` only, no network."""
    cmd = [shutil.which("bwrap") or "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    # Tools that live under /tmp (a venv, the course package, its data) are hidden by the
    # private /tmp: bind them back read-only.
    back = {Path(sys.prefix), Path(sys.executable).resolve().parent, ROOT}
    data = os.environ.get("MULTIPOLAR_DATA")
    if data:
        back.add(Path(data))
    for p in sorted(back):
        if _under_tmp(p) and p.exists() and not work.resolve().is_relative_to(p.resolve()):
            cmd += ["--ro-bind", str(p.resolve()), str(p.resolve())]
    cmd += ["--bind", str(work), str(work)]
    for p in read_only:
        cmd += ["--ro-bind", str(p), str(p)]
    cmd += ["--chdir", str(work),
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
            "--new-session", "--clearenv"]
    for key, value in _child_env(work).items():
        cmd += ["--setenv", key, value]
    return cmd + ["--"] + command


def _child_env(work: Path) -> dict[str, str]:
    env = {
        "HOME": str(work),
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(work / ".config" / "matplotlib"),
        "IPYTHONDIR": str(work / ".ipython"),
        "JUPYTER_RUNTIME_DIR": str(work / ".jupyter-runtime"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(ROOT),
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "TMPDIR": "/tmp",
    }
    if os.environ.get("MULTIPOLAR_DATA"):
        env["MULTIPOLAR_DATA"] = os.environ["MULTIPOLAR_DATA"]
    if os.environ.get("VIRTUAL_ENV"):
        env["VIRTUAL_ENV"] = os.environ["VIRTUAL_ENV"]
    return env


#: Runs a command under memory and file-size caps (a tiny exec wrapper, so no preexec_fn in threads).
LIMIT_WRAPPER = (
    "import os, resource, sys\n"
    "mem, fsize = int(sys.argv[1]), int(sys.argv[2])\n"
    "for lim, val in ((resource.RLIMIT_AS, mem), (resource.RLIMIT_FSIZE, fsize)):\n"
    "    try:\n"
    "        resource.setrlimit(lim, (val, val))\n"
    "    except (ValueError, OSError):\n"
    "        pass\n"
    "os.execv(sys.argv[3], sys.argv[3:])\n"
)


def limited(command: list[str], memory_mb: int, file_mb: int = 512) -> list[str]:
    """``command`` run with a cap on memory (per process) and on the size of any file written."""
    return [sys.executable, "-c", LIMIT_WRAPPER, str(memory_mb * 2**20), str(file_mb * 2**20), *command]


#: The program run inside the sandbox for one submission.  It does what ``otter run`` does --
#: otter's own grading mode (``Notebook.init_grading_mode``, then ``Checker`` runs every test
#: file the notebook did not check itself) -- but the parent process imports only nbformat and
#: nbclient (about 2 s less CPU per notebook than the ``otter run`` command line), the tests sit
#: in a read-only folder, and the results go, as plain JSON, to a random file name.
DRIVER = r'''
import json, sys
import nbformat
from nbclient import NotebookClient

sub_dir, nb_name, tests_dir, results_path = sys.argv[1:5]
nb = nbformat.read(sub_dir + "/" + nb_name, as_version=4)
nb.cells = [c for c in nb.cells if "otter_ignore" not in c.get("metadata", {}).get("tags", [])
            and not (c.get("metadata", {}).get("otter") or {}).get("ignore", False)]
init = "\n".join([
    "import sys as _sys, types as _types",
    # otter's PDF/HTML export (nbconvert) is never used while grading: a stub in its place
    # saves about 0.8 s of CPU per notebook.
    "if 'otter.export' not in _sys.modules:",
    "    _stub = _types.ModuleType('otter.export')",
    "    def _no_export(*args, **kwargs):",
    "        raise RuntimeError('exporting is switched off while grading')",
    "    _stub.export_notebook = _stub.main = _no_export",
    "    _sys.modules['otter.export'] = _stub",
    "    del _stub, _no_export",
    "del _types",
    "_sys.path.append(%r)" % sub_dir,
    "from otter import Notebook as _otter_nb",
    "_otter_nb.init_grading_mode(%r)" % tests_dir,
    "del _sys, _otter_nb",
])
export = "\n".join([
    "import glob as _glob, json as _json",
    "from otter.execute import Checker as _Checker",
    "for _t in sorted(_glob.glob(%r)):" % (tests_dir + "/*.py"),
    "    _Checker.check_if_not_already_checked(_t)",
    "_out = {}",
    "for _tf in _Checker.get_results():",
    "    _out[str(_tf.name)] = {'score': float(_tf.score), 'possible': float(_tf.possible),",
    "        'cases': [{'hidden': bool(r.test_case.hidden), 'passed': bool(r.passed),",
    "                   'message': str(r.message)} for r in _tf.test_case_results]}",
    "with open(%r, 'w', encoding='utf-8') as _f:" % results_path,
    "    _json.dump(_out, _f)",
])
nb.cells = [nbformat.v4.new_code_cell(init)] + nb.cells + [nbformat.v4.new_code_cell(export)]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
client = NotebookClient(nb, allow_errors=True, kernel_name="python3", timeout=None,
                        resources={"metadata": {"path": sub_dir}})
status = 0
try:
    client.execute()
except Exception as exc:
    text = str(exc).strip().splitlines()
    print(type(exc).__name__ + ": " + (text[-1] if text else ""), file=sys.stderr)
    status = 3
errors, number = [], 0
for cell in nb.cells[1:-1]:
    if cell.cell_type != "code":
        continue
    number += 1
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            value = str(out.get("evalue", "")).strip().splitlines()
            errors.append("code cell %d: %s%s" % (number, out.get("ename", "Error"),
                                                  (": " + value[0][:150]) if value else ""))
with open(results_path[:-len(".json")] + ".errors.json", "w", encoding="utf-8") as f:
    json.dump(errors, f)
sys.exit(status)
'''


# --------------------------------------------------------------------------- one submission

@dataclass
class Result:
    student_id: str
    file: str
    status: str = "graded"
    scores: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    seconds: float = 0.0


def student_id(path: Path) -> str:
    name = path.name
    return name[: -len(".ipynb")] if name.lower().endswith(".ipynb") else name


def check_notebook(path: Path, assignment: str, max_mb: float):
    """Read and validate a submission here, without running it: (notebook or None, reason)."""
    import nbformat

    size = path.stat().st_size
    if not path.name.lower().endswith(".ipynb"):
        return None, f"not a notebook file: '{path.name}' does not end in .ipynb"
    if size == 0:
        return None, "the file is empty (0 bytes); the student should re-save and resubmit the notebook"
    if size > max_mb * 2**20:
        return None, f"the file is {size / 2**20:.0f} MB, more than the {max_mb:g} MB limit (--max-mb); clear the outputs and resubmit"
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "the file is not UTF-8 text, so it is not a Jupyter notebook"
    try:
        content = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}), so it is not a readable notebook; it may have been truncated or edited as text"
    if not isinstance(content, dict) or "cells" not in content:
        return None, "the file is JSON but not a Jupyter notebook (it has no 'cells')"
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - any malformed notebook
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return None, f"the file is not a valid Jupyter notebook ({first[:200]})"
    got = (nb.metadata.get("otter") or {}).get("assignment_name")
    if got is not None and got != assignment:
        return None, f"this is the notebook for assignment '{got}', not '{assignment}'; the student may have handed in the wrong file"
    return nb, ""


def parse_results(results: dict, questions: list[Question]) -> tuple[dict[str, float], list[str]]:
    """Points per autograded question, and the reasons for lost points, from the driver's JSON.

    The JSON was written inside the sandbox, so it is treated as untrusted: each score is
    clamped to the question's points as the master notebook sets them.
    """
    scores: dict[str, float] = {}
    reasons: list[str] = []
    for q in questions:
        if q.manual:
            continue
        entry = results.get(q.name)
        if not isinstance(entry, dict):
            scores[q.name] = 0.0
            reasons.append(f"{q.name} (-{q.points:g}): the question's tests did not run")
            continue
        try:
            score = float(entry.get("score", 0))
        except (TypeError, ValueError):
            score = 0.0
        score = min(max(score if math.isfinite(score) else 0.0, 0.0), q.points)
        scores[q.name] = score
        if score < q.points:
            cases = entry.get("cases") if isinstance(entry.get("cases"), list) else []
            msgs = _dedupe([failure_message(str(c.get("message", ""))) for c in cases
                            if isinstance(c, dict) and not c.get("passed")])
            reasons.append(f"{q.name} (-{q.points - score:g}): " + (" / ".join(msgs) if msgs else "tests failed"))
    return scores, reasons


def failure_message(message: str) -> str:
    """The one-line reason from an otter test-case failure message."""
    lines = [ln.strip() for ln in message.strip().splitlines() if ln.strip()]
    # The feedback's own sentence, not otter's framing ("❌ Test case failed", "(test q2, line 33)").
    lines = [ln for ln in lines if not ln.startswith(("(", "❌ Test case failed"))] or lines
    last = lines[-1] if lines else "failed"
    return re.sub(r"^AssertionError:\s*", "", last)[:300]


def grade_one(path: Path, *, assignment: str, autograder: Path, questions: list[Question], base: Path,
              index: int, sandbox: bool, timeout: float, memory_mb: int, max_mb: float) -> Result:
    """Grade one submission; never raises (every problem becomes a reason in the row)."""
    start = time.monotonic()
    res = Result(student_id(path), path.name)
    try:
        _grade_into(res, path, assignment=assignment, autograder=autograder, questions=questions, base=base,
                    index=index, sandbox=sandbox, timeout=timeout, memory_mb=memory_mb, max_mb=max_mb)
    except Exception as exc:  # noqa: BLE001 - the grader must not crash on any submission
        res.status = "not graded"
        res.reasons.append(f"the grader could not process this file ({type(exc).__name__}: {str(exc)[:200]})")
    for q in questions:
        if not q.manual:
            res.scores.setdefault(q.name, 0.0)
    res.seconds = round(time.monotonic() - start, 1)
    return res


def _grade_into(res: Result, path: Path, *, assignment, autograder, questions, base, index, sandbox,
                timeout, memory_mb, max_mb) -> None:
    nb, why = check_notebook(path, assignment, max_mb)
    if nb is None:
        res.status = "not graded"
        res.reasons.append(why)
        return
    tamper, suspicious = audit(nb)
    res.flags = [*tamper, *suspicious]
    work = base / f"sub{index:04d}"
    (work / "submission").mkdir(parents=True)
    (work / "out").mkdir()
    # Named as the student's copy was: its first cell opens it by that name (`otter.Notebook("ch02.ipynb")`).
    sub = work / "submission" / f"{assignment}.ipynb"
    shutil.copyfile(path, sub)
    with zipfile.ZipFile(autograder) as zf:  # only the tests; they are mounted read-only below
        for member in zf.namelist():
            if member.startswith("tests/") and member.endswith(".py") and "/" not in member[6:]:
                (work / "tests").mkdir(exist_ok=True)
                (work / member).write_bytes(zf.read(member))
    if not (work / "tests").is_dir():
        raise GradingError(f"the autograder {autograder} has no tests/ folder")
    mpl_cache = base / "matplotlib-cache"
    if mpl_cache.is_dir():  # a warm font cache saves each run ~3 s of font scanning
        shutil.copytree(mpl_cache, work / ".config" / "matplotlib")
    results_file = work / "out" / f"results-{secrets.token_hex(8)}.json"
    command = limited([sys.executable, "-c", DRIVER, str(work / "submission"), sub.name, str(work / "tests"),
                       str(results_file)], memory_mb)
    if sandbox:
        command = sandbox_command(work, command, read_only=[work / "tests"])
    else:
        for f in (work / "tests").iterdir():
            f.chmod(0o444)
    with open(work / "driver.stdout", "wb") as so, open(work / "driver.stderr", "wb") as se:
        proc = subprocess.Popen(command, cwd=work, stdout=so, stderr=se, stdin=subprocess.DEVNULL,
                                env=_child_env(work), start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            res.status = "timed out"
            res.reasons.append(
                f"the notebook did not finish within {timeout:g} s (an endless loop or a very slow cell?); "
                "it was stopped and no points could be awarded automatically")
            return
        _kill_group(proc)  # nothing the submission started may outlive its grading
    errors_file = results_file.with_name(results_file.stem + ".errors.json")
    try:
        errors = json.loads(errors_file.read_text(encoding="utf-8")) if errors_file.is_file() else []
        if isinstance(errors, list) and errors:
            shown = [str(e)[:200] for e in errors[:5]]
            more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
            res.notes.append("errors while running: " + "; ".join(shown) + more)
    except (OSError, ValueError):
        pass
    if not results_file.is_file():
        res.status = "not graded"
        res.reasons.append("the notebook stopped before it could be graded (did it end the Python "
                           "process, e.g. with os._exit, or run out of memory?): " + _tail(work / "driver.stderr"))
        return
    try:
        results = json.loads(results_file.read_text(encoding="utf-8"))
        if not isinstance(results, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        res.status = "not graded"
        res.reasons.append(f"the grading results could not be read ({exc})")
        return
    res.scores, reasons = parse_results(results, questions)
    res.reasons.extend(reasons)
    if tamper:
        res.status = "flagged"
        res.scores = {k: 0.0 for k in res.scores}
        res.reasons.insert(0, "autograded points set to 0 because the code tampers with grading ("
                           + "; ".join(tamper) + "); review by hand")


def warm_matplotlib_cache(folder: Path) -> None:
    """Build matplotlib's font cache once, in the grader's temporary folder, to copy into each run."""
    folder.mkdir(parents=True, exist_ok=True)
    env = _child_env(folder) | {"MPLCONFIGDIR": str(folder)}
    try:
        subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], env=env, cwd=folder,
                       capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        pass


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.kill()
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _tail(path: Path, n: int = 300) -> str:
    try:
        text = path.read_bytes()[-4000:].decode("utf-8", "replace")
    except OSError:
        return "(no log)"
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return (lines[-1] if lines else "(no error message)")[:n]


# --------------------------------------------------------------------------- outputs

def gradebook_rows(results: list[Result], questions: list[Question]) -> tuple[list[str], list[dict]]:
    auto = [q for q in questions if not q.manual]
    manual = [q for q in questions if q.manual]
    possible = sum(q.points for q in auto)
    columns = (["student_id", "file", "status"] + [q.name for q in questions]
               + ["autograded_points", "autograded_possible", "manual_possible", "reasons", "notes", "review_flags",
                  "seconds"])
    rows = []
    for r in sorted(results, key=lambda r: (r.student_id, r.file)):
        row = {"student_id": r.student_id, "file": r.file, "status": r.status}
        for q in auto:
            row[q.name] = _fmt(r.scores.get(q.name, 0.0))
        for q in manual:
            row[q.name] = ""  # graded by hand
        total = sum(r.scores.get(q.name, 0.0) for q in auto)
        row["autograded_points"] = _fmt(total)
        row["autograded_possible"] = _fmt(possible)
        row["manual_possible"] = _fmt(sum(q.points for q in manual))
        reasons = list(r.reasons)
        if manual:
            reasons.append("to grade by hand: " + ", ".join(f"{q.name} ({q.points:g} pt)" for q in manual))
        row["reasons"] = " | ".join(reasons)
        row["notes"] = " | ".join(r.notes)
        row["review_flags"] = " | ".join(r.flags)
        row["seconds"] = f"{r.seconds:.1f}"
        rows.append(row)
    return columns, rows


def _fmt(x: float) -> str:
    return f"{x:g}"


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tmp, path)


def draw_chart(path: Path, results: list[Result], questions: list[Question], assignment: str) -> str:
    """Stacked bars per question: how many submissions got full, part or no marks. Returns alt text."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    auto = [q for q in questions if not q.manual]
    counts = {k: [] for k in RESULT_STYLES}
    for q in auto:
        got = [r.scores.get(q.name, 0.0) for r in results]
        counts["full marks"].append(sum(math.isclose(g, q.points) or g > q.points for g in got))
        counts["no marks"].append(sum(g <= 0 for g in got))
        counts["part marks"].append(len(got) - counts["full marks"][-1] - counts["no marks"][-1])
    n = len(results)
    title = f"{assignment}: how many of {n} submissions earned full, part or no marks on each autograded question"
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.6 * max(1, len(auto))))
    left = [0] * len(auto)
    labels = [f"{q.name} ({q.points:g} pt)" for q in auto]
    for kind, (colour, hatch) in RESULT_STYLES.items():
        vals = counts[kind]
        bars = ax.barh(labels, vals, left=left, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6, label=kind)
        for bar, v in zip(bars, vals):
            if v:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, f"{v}",
                        ha="center", va="center", fontsize=9,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        left = [a + b for a, b in zip(left, vals)]
    ax.invert_yaxis()
    ax.set_xlabel("Number of submissions")
    ax.set_xlim(0, max(1, n))
    ax.set_title(title, fontsize=10, wrap=True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35 if len(auto) < 3 else -0.18), ncol=3, frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    summary = "; ".join(
        f"{q.name}: {counts['full marks'][i]} full, {counts['part marks'][i]} part, {counts['no marks'][i]} none"
        for i, q in enumerate(auto))
    alt = f"{title}. {summary}."
    fig.tight_layout()
    tmp = path.with_name(f".{path.name}.partial.png")
    fig.savefig(tmp, dpi=120, metadata={"Title": title, "Description": alt})
    plt.close(fig)
    os.replace(tmp, path)
    return alt


# --------------------------------------------------------------------------- command line

def grade(submissions: Path, assignment: str, out: Path, *, chart: Path | None = None, workers: int = 2,
          timeout: float = 60.0, force: bool = False, sandbox: bool = True, autograder: Path | None = None,
          memory_mb: int = 4096, max_mb: float = 50.0, quiet: bool = False) -> list[dict]:
    """Grade every file in ``submissions``; write the gradebook CSV and chart; return the rows."""
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr))
    submissions = Path(submissions)
    out = Path(out)
    chart = Path(chart) if chart else out.with_suffix(".png")
    if not submissions.is_dir():
        raise GradingError(f"the submissions folder {submissions} does not exist or is not a folder")
    master = SOLUTIONS / f"{assignment}.ipynb"
    if not master.is_file():
        have = sorted(p.stem for p in SOLUTIONS.glob("*.ipynb"))
        raise GradingError(f"no exercise set called '{assignment}' (no {master}); known: {have}")
    for target in (out, chart):
        if target.exists() and not force:
            raise GradingError(f"{target} already exists; choose another --out/--chart or add --force to overwrite it")
        if not target.parent.is_dir():
            raise GradingError(f"the folder for {target} does not exist; create it first")
        if target.resolve().is_relative_to(submissions.resolve()):
            raise GradingError(f"{target} is inside the submissions folder; write the gradebook somewhere else")
    if workers < 1:
        raise GradingError("--workers must be at least 1")
    if timeout <= 0:
        raise GradingError("--timeout must be a positive number of seconds")
    if sandbox:
        ok, why = sandbox_available()
        if not ok:
            raise GradingError(why)
    else:
        say("WARNING: --unsafe-no-sandbox: student code runs with your permissions, with only a time limit.")
    if autograder is not None and not zipfile.is_zipfile(autograder):
        raise GradingError(f"{autograder} is not an autograder zip file (build one with scripts/make_exercises.py)")
    questions = master_questions(master)
    files = sorted(p for p in submissions.iterdir() if p.is_file() and not p.name.startswith("."))
    skipped = sorted(p.name for p in submissions.iterdir() if not p.is_file() or p.name.startswith("."))
    if skipped:
        say(f"skipping {len(skipped)} hidden file(s) or folder(s): {', '.join(skipped[:10])}")
    with tempfile.TemporaryDirectory(prefix=f"grade-{assignment}-") as tmp:
        base = Path(tmp)
        if autograder is None:
            say(f"building the {assignment} autograder from {master.relative_to(ROOT)} ...")
            autograder = build_autograder(assignment, base)
        warm_matplotlib_cache(base / "matplotlib-cache")
        say(f"grading {len(files)} file(s) with {workers} worker(s), {timeout:g} s each, "
            f"{'in a bubblewrap sandbox' if sandbox else 'WITHOUT a sandbox'}")
        t0 = time.monotonic()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(grade_one, p, assignment=assignment, autograder=Path(autograder),
                                   questions=questions, base=base, index=i, sandbox=sandbox, timeout=timeout,
                                   memory_mb=memory_mb, max_mb=max_mb) for i, p in enumerate(files)]
            results = []
            for f in futures:
                r = f.result()
                results.append(r)
                say(f"  {r.file}: {r.status}, {sum(r.scores.values()):g} points ({r.seconds:.1f} s)")
        elapsed = time.monotonic() - t0
    columns, rows = gradebook_rows(results, questions)
    write_csv(out, columns, rows)
    alt = draw_chart(chart, results, questions, assignment)
    say(f"graded {len(files)} file(s) in {elapsed:.1f} s; gradebook: {out}; chart: {chart}")
    say(f"chart description (alt text): {alt}")
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m multipolar.grade",
        description="Grade a folder of submitted exercise notebooks into a gradebook CSV and a chart.")
    p.add_argument("submissions", type=Path, help="folder of submitted notebooks (student id = file name)")
    p.add_argument("--assignment", required=True, help="exercise set, e.g. ch02 (solutions/ch02.ipynb)")
    p.add_argument("--out", type=Path, default=Path("gradebook.csv"), help="gradebook CSV to write (default: gradebook.csv)")
    p.add_argument("--chart", type=Path, help="chart PNG to write (default: the --out path with .png)")
    p.add_argument("--workers", type=int, default=2, help="submissions graded at once (default: 2)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per notebook (default: 60)")
    p.add_argument("--force", action="store_true", help="overwrite an existing gradebook/chart")
    p.add_argument("--autograder", type=Path, help="use this autograder zip instead of building one from solutions/")
    p.add_argument("--memory-mb", type=int, default=4096, help="memory cap per process, MB (default: 4096)")
    p.add_argument("--max-mb", type=float, default=50.0, help="largest submission file accepted, MB (default: 50)")
    p.add_argument("--unsafe-no-sandbox", action="store_true",
                   help="run student code WITHOUT bubblewrap (only for submissions you trust)")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = p.parse_args(argv)
    try:
        grade(args.submissions, args.assignment, args.out, chart=args.chart, workers=args.workers,
              timeout=args.timeout, force=args.force, sandbox=not args.unsafe_no_sandbox,
              autograder=args.autograder, memory_mb=args.memory_mb, max_mb=args.max_mb, quiet=args.quiet)
    except GradingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; no gradebook written", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
