"""Phase 2: run the tests on answers that phase 1 wrote.  No student code is here.

    python -m multipolar.grade.phase2 < job.json > scores.json

A fresh process, started by the grader inside the sandbox with the tests mounted read-only.
For each submission in the job it reads ``answers.json`` (data only, see
:mod:`multipolar.grade.answers`), rebuilds the values the tests take (a DataFrame, an Axes
drawn from the recorded data, a stand-in for each function that gives back the recorded
results), and runs every test file with otter's own exception-based test runner, with the
course's feedback installed (so a missing answer or a failed cell gets its sentence).  The
scores go to stdout, as JSON: a channel phase 1 never had.  Several submissions can share one
process: nothing of one submission's code is ever in it, only its data.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

#: Largest answers file read (bytes); phase 1 also writes under a file-size cap.
MAX_ANSWERS_BYTES = 64 * 2**20


def light_imports() -> None:
    """Import otter's test runner without what grading never uses (saves seconds per process).

    otter's PDF/HTML export (nbconvert) is replaced by a stub, and jsonschema's IRI format
    checker (``rfc3987_syntax``, which compiles dozens of grammars when nbformat is imported)
    is left out: no notebook is validated here.
    """
    import types

    if "otter.export" not in sys.modules:
        stub = types.ModuleType("otter.export")

        def no_export(*args, **kwargs):
            raise RuntimeError("exporting is switched off while grading")

        stub.export_notebook = stub.main = no_export
        sys.modules["otter.export"] = stub
    sys.modules.setdefault("rfc3987_syntax", None)


def environment(answers: dict, functions: dict) -> dict[str, Any]:
    """The names the tests read, rebuilt from the answers (missing names stay missing)."""
    from multipolar.grade.answers import decode, function

    env: dict[str, Any] = {}
    values = answers.get("values") if isinstance(answers.get("values"), dict) else {}
    outcomes = answers.get("functions") if isinstance(answers.get("functions"), dict) else {}
    for name, data in values.items():
        if not isinstance(name, str):
            continue
        if isinstance(data, dict) and data.get("kind") == "function":
            env[name] = function(name, functions.get(name, []), outcomes.get(name, []))
        else:
            env[name] = decode(data)
    return env


def run_tests(tests: Path, env: dict[str, Any]) -> dict:
    """Every test file in ``tests`` against ``env``: {question: score, possible, cases}."""
    from otter.test_files.exception_test import ExceptionTestFile

    out = {}
    for path in sorted(tests.glob("*.py")):
        tf = ExceptionTestFile.from_file(str(path))
        tf.run(dict(env))
        out[str(tf.name)] = {
            "score": float(tf.score),
            "possible": float(tf.possible),
            "cases": [
                {
                    "hidden": bool(r.test_case.hidden),
                    "passed": bool(r.passed),
                    "message": str(r.message),
                }
                for r in tf.test_case_results
            ],
        }
    return out


def grade_answers(path: Path, tests: Path, functions: dict) -> dict:
    """Scores for one answers file; a file that cannot be read gets ``{"error": ...}``."""
    import matplotlib.pyplot as plt

    from multipolar import feedback

    try:
        if path.stat().st_size > MAX_ANSWERS_BYTES:
            return {"error": f"its answers take more than {MAX_ANSWERS_BYTES // 2**20} MB"}
        answers = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(answers, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError, RecursionError) as exc:
        return {"error": f"its answers could not be read ({type(exc).__name__})"}
    errors = answers.get("cell_errors") if isinstance(answers.get("cell_errors"), dict) else {}
    feedback.install({str(k)[:100]: str(v)[:300] for k, v in errors.items()})
    try:
        return {"results": run_tests(tests, environment(answers, functions))}
    finally:
        plt.close("all")


def main() -> None:
    job = json.loads(sys.stdin.read())
    light_imports()
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # only the scores go to stdout
    os.environ["MPLBACKEND"] = "Agg"
    tests = Path(job["tests"])
    functions = job.get("functions", {})
    limit = float(job.get("seconds_per_item", 60))
    scores = {}

    def too_slow(signum, frame):
        raise TimeoutError()

    signal.signal(signal.SIGALRM, too_slow)
    for item in job["items"]:
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            scores[item["id"]] = grade_answers(Path(item["answers"]), tests, functions)
        except TimeoutError:
            scores[item["id"]] = {
                "error": f"running the tests on its answers took more than {limit:g} s"
            }
        except Exception as exc:  # noqa: BLE001 - one submission's data never stops the others
            scores[item["id"]] = {
                "error": f"its answers could not be graded ({type(exc).__name__})"
            }
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    real_stdout.write(json.dumps(scores))
    real_stdout.flush()


if __name__ == "__main__":
    main()
