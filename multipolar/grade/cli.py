"""Grade a folder of submitted exercise notebooks into a gradebook, in one command.

    python -m multipolar.grade SUBMISSIONS_DIR --assignment ch02 --out gradebook.csv

For every file in SUBMISSIONS_DIR this writes one gradebook row (student id = file name
without extension): points per question, the autograded total, and the reason for every lost
point.  It also draws a chart of the class's results per question (``gradebook.png`` beside
the CSV unless ``--chart`` says otherwise).  How a submission is graded, and what it can and
cannot do, is in the package's docstring (:mod:`multipolar.grade`).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from multipolar.grade import sandbox as sb
from multipolar.grade.assignment import (
    SOLUTIONS,
    GradingError,
    Question,
    build_autograder,
    code_cells,
    computed_answers,
    extract_tests,
    master_questions,
    names_per_question,
    solution_cells,
)
from multipolar.grade.audit import _dedupe, audit, typed_in

__all__ = [
    "ROOT",
    "RESULT_STYLES",
    "MAX_TEXT",
    "clean",
    "Prepared",
    "prepare",
    "Result",
    "student_id",
    "check_notebook",
    "parse_results",
    "failure_message",
    "check_and_run",
    "phase2",
    "finish",
    "warm_matplotlib_cache",
    "gradebook_rows",
    "write_csv",
    "draw_chart",
    "grade",
    "main",
]

ROOT = Path(__file__).resolve().parents[2]

#: Okabe–Ito colours (colour-blind safe), with hatching so the chart does not rely on colour.
RESULT_STYLES = {
    "full marks": ("#009E73", ""),
    "part marks": ("#E69F00", "//"),
    "no marks": ("#D55E00", "xx"),
}

#: Longest text from a submission that reaches the gradebook (an error message, say).
MAX_TEXT = 200
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]+")


def clean(text: str, limit: int = MAX_TEXT) -> str:
    """Text from a submission, safe for the gradebook: no control characters, one line, short."""
    text = " ".join(_CONTROL.sub(" ", _ANSI.sub("", str(text))).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- the assignment


@dataclass
class Prepared:
    """What grading an assignment needs, computed once from our own files."""

    questions: list[Question]
    tests: Path
    names: dict[str, list[str]]  # question -> answer names its tests read
    functions: dict[str, list[dict]]  # function answer -> the tests' calls (arguments only)
    computed: set[str]  # answers the question asks to compute


def prepare(
    assignment: str,
    base: Path,
    autograder: Path | None,
    *,
    sandbox: bool,
    memory_mb: int,
    say=lambda *a: None,
) -> Prepared:
    """Build the autograder (unless given), extract its tests, and calibrate on the solution."""
    master = SOLUTIONS / f"{assignment}.ipynb"
    if autograder is None:
        say(f"building the {assignment} autograder from {master.relative_to(ROOT)} ...")
        autograder = build_autograder(assignment, base)
    (base / "assignment").mkdir()
    tests = extract_tests(Path(autograder), base / "assignment")
    for f in tests.iterdir():
        f.chmod(0o444)
    names = names_per_question(tests)
    all_names = sorted({n for ns in names.values() for n in ns})
    work = base / "calibrate"
    (work / "out").mkdir(parents=True)
    spec = {"cells": solution_cells(master), "names": all_names}
    _run_module(
        "calibrate",
        [str(tests)],
        spec,
        work,
        sandbox=sandbox,
        timeout=600,
        memory_mb=memory_mb,
        read_only=[tests.parent],
    )
    try:
        calibration = json.loads((work / "stdout").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise GradingError(
            f"could not run the {assignment} solution to calibrate the grader: "
            + _tail(work / "stderr")
        ) from None
    short = [
        f"{q}: {r['score']:g}/{r['possible']:g}"
        for q, r in calibration["results"].items()
        if r["score"] < r["possible"]
    ]
    if short:
        raise GradingError(
            f"the solution {master.name} does not pass its own tests ({', '.join(short)}); "
            "fix the master notebook before grading"
        )
    return Prepared(
        master_questions(master),
        tests,
        names,
        calibration["functions"],
        computed_answers(master, set(all_names)),
    )


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
    typed_in: dict[str, str] = field(default_factory=dict)


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
        return (
            None,
            "the file is empty (0 bytes); the student should re-save and resubmit the notebook",
        )
    if size > max_mb * 2**20:
        return (
            None,
            f"the file is {size / 2**20:.0f} MB, more than the {max_mb:g} MB limit (--max-mb); clear the outputs and resubmit",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "the file is not UTF-8 text, so it is not a Jupyter notebook"
    try:
        content = json.loads(text)
    except json.JSONDecodeError as exc:
        return (
            None,
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}), so it is not a readable notebook; it may have been truncated or edited as text",
        )
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
        return (
            None,
            f"this is the notebook for assignment '{got}', not '{assignment}'; the student may have handed in the wrong file",
        )
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
            msgs = _dedupe(
                [
                    failure_message(str(c.get("message", "")))
                    for c in cases
                    if isinstance(c, dict) and not c.get("passed")
                ]
            )
            reasons.append(
                f"{q.name} (-{q.points - score:g}): "
                + (" / ".join(msgs) if msgs else "tests failed")
            )
    return scores, reasons


def failure_message(message: str) -> str:
    """The one-line reason from an otter test-case failure message."""
    lines = [ln.strip() for ln in message.strip().splitlines() if ln.strip()]
    # The feedback's own sentence, not otter's framing ("❌ Test case failed", "(test q2, line 33)").
    lines = [ln for ln in lines if not ln.startswith(("(", "❌ Test case failed"))] or lines
    last = lines[-1] if lines else "failed"
    return re.sub(r"^AssertionError:\s*", "", last)[:300]


def check_and_run(
    path: Path,
    *,
    index: int,
    assignment: str,
    prep: Prepared,
    base: Path,
    sandbox: bool,
    timeout: float,
    cell_timeout: float,
    memory_mb: int,
    max_mb: float,
) -> tuple[Result, Path | None]:
    """Phase 1 for one submission: (its row so far, its answers file or None).  Never raises."""
    start = time.monotonic()
    res = Result(student_id(path), path.name)
    answers = None
    try:
        answers = _phase1(
            res,
            path,
            index=index,
            assignment=assignment,
            prep=prep,
            base=base,
            sandbox=sandbox,
            timeout=timeout,
            cell_timeout=cell_timeout,
            memory_mb=memory_mb,
            max_mb=max_mb,
        )
    except Exception as exc:  # noqa: BLE001 - the grader must not crash on any submission
        res.status = "not graded"
        res.reasons.append(
            f"the grader could not process this file ({type(exc).__name__}: {clean(exc)})"
        )
    res.seconds = time.monotonic() - start
    return res, answers


def _phase1(
    res: Result,
    path: Path,
    *,
    index,
    assignment,
    prep,
    base,
    sandbox,
    timeout,
    cell_timeout,
    memory_mb,
    max_mb,
) -> Path | None:
    nb, why = check_notebook(path, assignment, max_mb)
    if nb is None:
        res.status = "not graded"
        res.reasons.append(why)
        return None
    tamper, suspicious = audit(nb)
    res.flags = [*tamper, *suspicious]
    cells = code_cells(nb)
    res.typed_in = typed_in(cells, prep.computed)
    work = base / f"sub{index:04d}"
    (work / "out").mkdir(parents=True)
    # The notebook's first cell looks for its own file; give it one, under the assignment's name.
    shutil.copyfile(path, work / f"{assignment}.ipynb")
    mpl_cache = base / "matplotlib-cache"
    if mpl_cache.is_dir():  # a warm font cache saves each run ~1 s of font scanning
        shutil.copytree(mpl_cache, work / ".matplotlib")
    spec = {
        "cells": cells,
        "names": sorted({n for ns in prep.names.values() for n in ns}),
        "functions": prep.functions,
        "notebook_seconds": timeout,
        "cell_seconds": cell_timeout,
        "call_seconds": 5,
    }
    timed_out = _run_module(
        "phase1",
        [str(work / "out")],
        spec,
        work,
        sandbox=sandbox,
        timeout=timeout + 5,
        memory_mb=memory_mb,
    )
    answers = work / "out" / "answers.json"
    progress = _read(work / "out" / "progress")
    if not answers.is_file():
        res.status = "timed out" if timed_out else "not graded"
        where = f" while running code cell {progress}" if progress.isdigit() else ""
        if timed_out:
            res.reasons.append(
                f"the notebook did not finish within {timeout:g} s and was stopped{where}, "
                "so no points could be awarded automatically (an endless loop that ignores the "
                "per-cell time limit?)"
            )
        else:
            res.reasons.append(
                f"the notebook ended its own Python process{where} before its answers could be "
                "read (os._exit, a crash, or running out of memory), so no points could be "
                "awarded automatically"
            )
        return None
    # Phase 2 reads a copy, in a folder phase 1 never saw.
    copy = base / "answers" / f"{index:04d}.json"
    shutil.copyfile(answers, copy)
    return copy


def phase2(
    items: list[tuple[Result, Path]],
    *,
    prep: Prepared,
    base: Path,
    sandbox: bool,
    timeout: float,
    memory_mb: int,
    batch: str,
) -> None:
    """Run the tests on these answers, in a fresh process (per batch); fill in scores and reasons.

    If the process dies (one submission's answers could exhaust its memory), the submissions it
    did not finish are graded again one by one, so one submission never costs another its grade.
    """
    work = base / f"phase2-{batch}"
    (work / "out").mkdir(parents=True)
    job = {
        "tests": str(prep.tests),
        "functions": prep.functions,
        "seconds_per_item": timeout,
        "items": [{"id": str(i), "answers": str(p)} for i, (_, p) in enumerate(items)],
    }
    _run_module(
        "phase2",
        [],
        job,
        work,
        sandbox=sandbox,
        timeout=timeout * len(items) + 60,
        memory_mb=memory_mb,
        read_only=[prep.tests.parent, base / "answers"],
    )
    try:
        scores = json.loads((work / "stdout").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        scores = {}
    unfinished = [i for i in range(len(items)) if not isinstance(scores.get(str(i)), dict)]
    if len(items) > 1:
        for i in unfinished:
            phase2(
                [items[i]],
                prep=prep,
                base=base,
                sandbox=sandbox,
                timeout=timeout,
                memory_mb=memory_mb,
                batch=f"{batch}-{i}",
            )
    for i, (res, _) in enumerate(items):
        if len(items) > 1 and i in unfinished:
            continue  # graded on its own above
        entry = scores.get(str(i))
        if not isinstance(entry, dict) or "results" not in entry:
            res.status = "not graded"
            why = (
                entry.get("error")
                if isinstance(entry, dict)
                else f"the tests did not finish ({_tail(work / 'stderr')})"
            )
            res.reasons.append(f"the answers could not be graded: {why}")
            continue
        res.scores, reasons = parse_results(entry["results"], prep.questions)
        res.reasons.extend(reasons)


def finish(res: Result, answers: Path | None, prep: Prepared) -> None:
    """Notes about cells that failed or were stopped, and the typed-in rule."""
    if answers is not None:
        try:
            data = json.loads(answers.read_text(encoding="utf-8"))
            cells = [c for c in data.get("cells", []) if isinstance(c, dict)]
        except (OSError, ValueError, AttributeError, TypeError, RecursionError, MemoryError):
            cells = []  # the answers were written in the sandbox: {"cells": 5} must not stop grading
        stopped = [
            f"code cell {c.get('cell')}: {clean(c.get('error', ''), 150)}"
            for c in cells
            if c.get("status") in {"timeout", "not run"}
        ]
        failed = [
            f"code cell {c.get('cell')}: {clean(c.get('error', ''), 150)}"
            for c in cells
            if c.get("status") == "error"
        ]
        if stopped:
            res.notes.append(
                "stopped: "
                + "; ".join(stopped[:5])
                + (f" (and {len(stopped) - 5} more)" if len(stopped) > 5 else "")
            )
        if failed:
            res.notes.append(
                "errors while running: "
                + "; ".join(failed[:5])
                + (f" (and {len(failed) - 5} more)" if len(failed) > 5 else "")
            )
    for q in prep.questions:
        if q.manual:
            continue
        res.scores.setdefault(q.name, 0.0)
        typed = [where for name in prep.names.get(q.name, []) if (where := res.typed_in.get(name))]
        if typed and res.scores[q.name] > 0:
            lost = res.scores[q.name]
            res.scores[q.name] = 0.0
            res.status = "flagged"
            res.reasons.append(
                f"{q.name} (-{lost:g} withheld): typed-in value; review by hand ("
                + "; ".join(clean(t, 120) for t in typed)
                + ")"
            )
    res.reasons = [clean(r, 600) for r in res.reasons]
    res.notes = [clean(n, 900) for n in res.notes]
    res.flags = [clean(f, 200) for f in res.flags]


def warm_matplotlib_cache(folder: Path) -> None:
    """Build matplotlib's font cache once, in the grader's temporary folder, to copy into each run."""
    folder.mkdir(parents=True, exist_ok=True)
    env = sb.child_env(folder) | {"MPLCONFIGDIR": str(folder)}
    try:
        import subprocess

        subprocess.run(
            [sys.executable, "-c", "import matplotlib.font_manager"],
            env=env,
            cwd=folder,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        pass


def _run_module(
    name: str,
    args: list[str],
    job: dict,
    work: Path,
    *,
    sandbox: bool,
    timeout: float,
    memory_mb: int,
    read_only: list[Path] = (),
) -> bool:
    """Run ``python -m multipolar.grade.<name> ARGS`` in ``work`` (sandboxed unless told otherwise),
    ``job`` as JSON on its stdin, its output in ``work/stdout`` and ``work/stderr``; True if it
    ran out of time."""
    command = sb.limited([sys.executable, "-m", f"multipolar.grade.{name}", *args], memory_mb)
    _, timed_out = sb.run(
        command,
        work,
        sandbox=sandbox,
        timeout=timeout,
        read_only=list(read_only),
        stdout=work / "stdout",
        stderr=work / "stderr",
        stdin=json.dumps(job).encode(),
    )
    return timed_out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")[:20].strip()
    except (OSError, UnicodeDecodeError):
        return ""


def _tail(path: Path, n: int = 300) -> str:
    try:
        text = path.read_bytes()[-4000:].decode("utf-8", "replace")
    except OSError:
        return "(no log)"
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return clean(lines[-1] if lines else "(no error message)", n)


# --------------------------------------------------------------------------- outputs


def gradebook_rows(
    results: list[Result], questions: list[Question]
) -> tuple[list[str], list[dict]]:
    auto = [q for q in questions if not q.manual]
    manual = [q for q in questions if q.manual]
    possible = sum(q.points for q in auto)
    columns = (
        ["student_id", "file", "status"]
        + [q.name for q in questions]
        + [
            "autograded_points",
            "autograded_possible",
            "manual_possible",
            "reasons",
            "notes",
            "review_flags",
            "seconds",
        ]
    )
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
            reasons.append(
                "to grade by hand: " + ", ".join(f"{q.name} ({q.points:g} pt)" for q in manual)
            )
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


def draw_chart(
    path: Path, results: list[Result], questions: list[Question], assignment: str
) -> str:
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
        bars = ax.barh(
            labels,
            vals,
            left=left,
            color=colour,
            hatch=hatch,
            edgecolor="black",
            linewidth=0.6,
            label=kind,
        )
        for bar, v in zip(bars, vals):
            if v:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    f"{v}",
                    ha="center",
                    va="center",
                    fontsize=9,
                    bbox={
                        "boxstyle": "round,pad=0.15",
                        "facecolor": "white",
                        "edgecolor": "none",
                        "alpha": 0.85,
                    },
                )
        left = [a + b for a, b in zip(left, vals)]
    ax.invert_yaxis()
    ax.set_xlabel("Number of submissions")
    ax.set_xlim(0, max(1, n))
    ax.set_title(title, fontsize=10, wrap=True)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.35 if len(auto) < 3 else -0.18),
        ncol=3,
        frameon=False,
    )
    ax.xaxis.get_major_locator().set_params(integer=True)
    summary = "; ".join(
        f"{q.name}: {counts['full marks'][i]} full, {counts['part marks'][i]} part, {counts['no marks'][i]} none"
        for i, q in enumerate(auto)
    )
    alt = f"{title}. {summary}."
    fig.tight_layout()
    tmp = path.with_name(f".{path.name}.partial.png")
    fig.savefig(tmp, dpi=120, metadata={"Title": title, "Description": alt})
    plt.close(fig)
    os.replace(tmp, path)
    return alt


# --------------------------------------------------------------------------- command line


def grade(
    submissions: Path,
    assignment: str,
    out: Path,
    *,
    chart: Path | None = None,
    workers: int = 2,
    timeout: float = 60.0,
    cell_timeout: float = 20.0,
    force: bool = False,
    sandbox: bool = True,
    autograder: Path | None = None,
    memory_mb: int = 4096,
    max_mb: float = 50.0,
    quiet: bool = False,
) -> list[dict]:
    """Grade every file in ``submissions``; write the gradebook CSV and chart; return the rows."""
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr))
    submissions = Path(submissions)
    out = Path(out)
    chart = Path(chart) if chart else out.with_suffix(".png")
    if not submissions.is_dir():
        raise GradingError(
            f"the submissions folder {submissions} does not exist or is not a folder"
        )
    master = SOLUTIONS / f"{assignment}.ipynb"
    if not master.is_file():
        have = sorted(p.stem for p in SOLUTIONS.glob("*.ipynb"))
        raise GradingError(f"no exercise set called '{assignment}' (no {master}); known: {have}")
    for target in (out, chart):
        if target.exists() and not force:
            raise GradingError(
                f"{target} already exists; choose another --out/--chart or add --force to overwrite it"
            )
        if not target.parent.is_dir():
            raise GradingError(f"the folder for {target} does not exist; create it first")
        if target.resolve().is_relative_to(submissions.resolve()):
            raise GradingError(
                f"{target} is inside the submissions folder; write the gradebook somewhere else"
            )
    if workers < 1:
        raise GradingError("--workers must be at least 1")
    if not (timeout > 0 and math.isfinite(timeout)):
        raise GradingError("--timeout must be a positive number of seconds")
    if not (cell_timeout > 0 and math.isfinite(cell_timeout)):
        raise GradingError("--cell-timeout must be a positive number of seconds")
    if memory_mb < 512:
        raise GradingError(
            "--memory-mb must be at least 512 (pandas and matplotlib need about 400 MB)"
        )
    if sandbox:
        ok, why = sb.sandbox_available()
        if not ok:
            raise GradingError(why)
    else:
        say(
            "WARNING: --unsafe-no-sandbox: student code runs with your permissions, with only a time limit."
        )
    if autograder is not None and not zipfile.is_zipfile(autograder):
        raise GradingError(
            f"{autograder} is not an autograder zip file (build one with scripts/make_exercises.py)"
        )
    files = sorted(p for p in submissions.iterdir() if p.is_file() and not p.name.startswith("."))
    skipped = sorted(
        p.name for p in submissions.iterdir() if not p.is_file() or p.name.startswith(".")
    )
    if skipped:
        say(f"skipping {len(skipped)} hidden file(s) or folder(s): {', '.join(skipped[:10])}")
    with tempfile.TemporaryDirectory(prefix=f"grade-{assignment}-") as tmp:
        base = Path(tmp)
        (base / "answers").mkdir()
        warm_matplotlib_cache(base / "matplotlib-cache")
        prep = prepare(assignment, base, autograder, sandbox=sandbox, memory_mb=memory_mb, say=say)
        questions = prep.questions
        say(
            f"grading {len(files)} file(s) with {workers} worker(s), at most {timeout:g} s per notebook "
            f"and {cell_timeout:g} s per cell, {'in a bubblewrap sandbox' if sandbox else 'WITHOUT a sandbox'}"
        )
        t0 = time.monotonic()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            ran = list(
                pool.map(
                    lambda ip: check_and_run(
                        ip[1],
                        index=ip[0],
                        assignment=assignment,
                        prep=prep,
                        base=base,
                        sandbox=sandbox,
                        timeout=timeout,
                        cell_timeout=cell_timeout,
                        memory_mb=memory_mb,
                        max_mb=max_mb,
                    ),
                    enumerate(files),
                )
            )
            answered = [(r, a) for r, a in ran if a is not None]
            batches = [answered[i::workers] for i in range(workers) if answered[i::workers]]
            list(
                pool.map(
                    lambda ib: phase2(
                        ib[1],
                        prep=prep,
                        base=base,
                        sandbox=sandbox,
                        timeout=timeout,
                        memory_mb=memory_mb,
                        batch=str(ib[0]),
                    ),
                    enumerate(batches),
                )
            )
        results = []
        for r, a in ran:
            finish(r, a, prep)
            results.append(r)
            say(
                f"  {r.file}: {r.status}, {sum(r.scores.values()):g} points (phase 1: {r.seconds:.1f} s)"
            )
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
        description="Grade a folder of submitted exercise notebooks into a gradebook CSV and a chart.",
    )
    p.add_argument(
        "submissions", type=Path, help="folder of submitted notebooks (student id = file name)"
    )
    p.add_argument(
        "--assignment", required=True, help="exercise set, e.g. ch02 (solutions/ch02.ipynb)"
    )
    p.add_argument(
        "--out",
        type=Path,
        default=Path("gradebook.csv"),
        help="gradebook CSV to write (default: gradebook.csv)",
    )
    p.add_argument(
        "--chart", type=Path, help="chart PNG to write (default: the --out path with .png)"
    )
    p.add_argument("--workers", type=int, default=2, help="submissions graded at once (default: 2)")
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="time limit per notebook, in seconds (default: 60)",
    )
    p.add_argument(
        "--cell-timeout",
        type=float,
        default=20.0,
        help="time limit per code cell, in seconds; a cell that runs longer is stopped and the "
        "next one runs (default: 20)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing gradebook/chart")
    p.add_argument(
        "--autograder",
        type=Path,
        help="use this autograder zip instead of building one from solutions/",
    )
    p.add_argument(
        "--memory-mb", type=int, default=4096, help="memory cap per process, MB (default: 4096)"
    )
    p.add_argument(
        "--max-mb",
        type=float,
        default=50.0,
        help="largest submission file accepted, MB (default: 50)",
    )
    p.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="run student code WITHOUT bubblewrap (only for submissions you trust)",
    )
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = p.parse_args(argv)
    try:
        grade(
            args.submissions,
            args.assignment,
            args.out,
            chart=args.chart,
            workers=args.workers,
            timeout=args.timeout,
            cell_timeout=args.cell_timeout,
            force=args.force,
            sandbox=not args.unsafe_no_sandbox,
            autograder=args.autograder,
            memory_mb=args.memory_mb,
            max_mb=args.max_mb,
            quiet=args.quiet,
        )
    except GradingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; no gradebook written", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
