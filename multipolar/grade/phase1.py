"""Phase 1: run a student's notebook and write its answers as data.  No test code is here.

    python -m multipolar.grade.phase1 OUT_FOLDER < spec.json

Run by the grader inside the sandbox (see :mod:`multipolar.grade.sandbox`).  The spec, read
from stdin before any student code runs, holds the notebook's code cells, the names of the
answers the tests read, the calls the tests make to the student's functions (with their
arguments, not their results) and the time limits.  Each cell runs in one IPython shell, as
in Jupyter; a cell that runs longer than the per-cell limit is interrupted and the next cell
runs; after the notebook's own time is used up no further cell starts.  Then each answer is
written with :mod:`multipolar.grade.answers` to ``OUT_FOLDER/answers.json`` and the process
ends (threads the notebook started end with it).

Everything here runs beside the student's code and can be changed by it.  That is fine: the
tests run in another process (phase 2) that reads only ``answers.json``, so the worst a
notebook can do here is give wrong answers.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import types
from pathlib import Path


class CellTimeout(KeyboardInterrupt):
    """Raised in a cell (by a timer signal) when it has run longer than its limit."""


class _Sink:
    """Where the notebook's printed output goes (nowhere: the tests read answers, not output)."""

    def write(self, text):  # noqa: D102
        return len(text) if isinstance(text, str) else 0

    def flush(self):  # noqa: D102
        pass

    def isatty(self):  # noqa: D102
        return False


class _SilentGrader:
    """``grader`` while grading: ``grader.check(...)`` and friends do nothing here."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def _stub_otter() -> None:
    """The notebook's first cell creates ``grader``: give it one that does nothing."""
    otter = types.ModuleType("otter")
    otter.Notebook = _SilentGrader
    sys.modules["otter"] = otter
    from multipolar import feedback

    feedback.notebook = lambda *args, **kwargs: _SilentGrader()


def _alarm(seconds: float) -> None:
    """Interrupt the running code after ``seconds``, then every second until disarmed."""
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.01), 1.0)


def _disarm() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


def _on_alarm(signum, frame):
    raise CellTimeout()


def _error_line(exc: BaseException, limit: float) -> str:
    from multipolar.feedback import error_line

    if isinstance(exc, CellTimeout):
        return f"TimeoutError: it ran longer than the {limit:g} s allowed per cell and was stopped"
    return error_line(exc)


def run_cells(
    cells: list[str], cell_limit: float, deadline: float, progress: Path
) -> tuple[dict, list[dict], dict]:
    """Run the cells in one IPython shell: (namespace, one record per cell, cell errors by name)."""
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    from multipolar.feedback import names_in_cell

    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config)
    records, errors = [], {}
    for number, source in enumerate(cells, start=1):
        left = deadline - time.monotonic()
        if left <= 0:
            records.append(
                {"cell": number, "status": "not run", "error": "the notebook's time was used up"}
            )
            for name in names_in_cell(source):
                errors.setdefault(
                    name, "TimeoutError: the notebook's time was used up before this cell ran"
                )
            continue
        progress.write_text(str(number))
        limit = min(cell_limit, left)
        signal.signal(signal.SIGALRM, _on_alarm)
        _alarm(limit)
        try:
            result = shell.run_cell(source, store_history=False, silent=False)
            error = result.error_before_exec or result.error_in_exec
        except BaseException as exc:  # noqa: BLE001 - a timer firing between IPython's steps
            error = exc
        finally:
            _disarm()
        if error is not None:
            records.append(
                {
                    "cell": number,
                    "status": "timeout" if isinstance(error, CellTimeout) else "error",
                    "error": _error_line(error, limit),
                }
            )
            for name in names_in_cell(source):
                errors[name] = _error_line(error, limit)
        else:
            for name in names_in_cell(source):
                errors.pop(name, None)
    return shell.user_ns, records, errors


def call_functions(namespace: dict, functions: dict, call_limit: float, deadline: float) -> dict:
    """Call each function answer on the tests' inputs; record each result or error, as data."""
    from multipolar.grade.answers import decode, encode_safely

    out = {}
    for name, calls in functions.items():
        func = namespace.get(name)
        if not callable(func):
            continue
        outcomes = []
        for call in calls:
            if time.monotonic() > deadline:
                outcomes.append(
                    {
                        "raised": "TimeoutError",
                        "message": "not run: the notebook's time was used up",
                    }
                )
                continue
            args, kwargs = decode(call.get("args")), decode(call.get("kwargs"))
            signal.signal(signal.SIGALRM, _on_alarm)
            _alarm(call_limit)
            try:
                result = func(*args, **kwargs)
                _disarm()
                outcomes.append({"result": encode_safely(result)})
            except CellTimeout:
                _disarm()
                outcomes.append(
                    {"raised": "TimeoutError", "message": f"it ran longer than {call_limit:g} s"}
                )
            except BaseException as exc:  # noqa: BLE001 - SystemExit included
                _disarm()
                text = str(exc).strip().splitlines()
                outcomes.append(
                    {"raised": type(exc).__name__[:60], "message": (text[0] if text else "")[:300]}
                )
        out[name] = outcomes
    return out


def main() -> None:
    out = Path(sys.argv[1])
    spec = json.loads(sys.stdin.read())
    start = time.monotonic()
    total = float(spec["notebook_seconds"])
    reserve = min(15.0, total / 4)  # kept for calling the functions and writing the answers
    progress = out / "progress"
    real_stdout = os.dup(1)
    sys.stdout = sys.stderr = _Sink()
    os.environ["MPLBACKEND"] = "Agg"
    _stub_otter()
    namespace, records, errors = run_cells(
        list(spec["cells"]), float(spec["cell_seconds"]), start + total - reserve, progress
    )
    progress.write_text("answers")
    signal.signal(signal.SIGALRM, _on_alarm)
    from multipolar.grade.answers import encode_safely

    values, missing = {}, []
    for name in spec["names"]:
        if name not in namespace:
            missing.append(name)
            continue
        _alarm(5)
        try:
            values[name] = encode_safely(namespace[name])
        except CellTimeout:
            values[name] = {"kind": "object", "type": "value too slow to read", "repr": ""}
        finally:
            _disarm()
    functions = call_functions(
        namespace, spec.get("functions", {}), float(spec.get("call_seconds", 5)), start + total - 2
    )
    answers = {
        "values": values,
        "missing": missing,
        "cell_errors": errors,
        "cells": records,
        "functions": functions,
    }
    tmp = out / "answers.json.partial"
    tmp.write_text(json.dumps(answers, allow_nan=True), encoding="utf-8")
    os.replace(tmp, out / "answers.json")
    progress.write_text("done")
    os.write(real_stdout, b"ok\n")
    os._exit(0)


if __name__ == "__main__":
    main()
