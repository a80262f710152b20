"""Find out which calls the tests make to the students' functions, from the solution.

    python -m multipolar.grade.calibrate TESTS_FOLDER < spec.json > calls.json

Run once per assignment, on our own solution (trusted code).  It runs the solution's cells,
wraps every function answer in a recorder, runs the tests and writes, as data, the arguments
of every call the tests made, so that phase 1 can make the same calls on a student's function
without seeing the tests.  It also reports the solution's scores: the grader refuses to grade
with tests that the solution itself does not pass.
"""

from __future__ import annotations

import json
import sys
import time
import types
from pathlib import Path
from typing import Any


class Recorder:
    """Calls a function and remembers its arguments, as data."""

    def __init__(self, func: Any, log: list) -> None:
        self.func = func
        self.log = log
        self.__name__ = getattr(func, "__name__", "function")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from multipolar.grade.answers import encode

        self.log.append({"args": encode(list(args)), "kwargs": encode(dict(kwargs))})
        return self.func(*args, **kwargs)


def main() -> None:
    from multipolar import feedback
    from multipolar.grade.answers import canonical
    from multipolar.grade.phase1 import _SilentGrader, _Sink, run_cells
    from multipolar.grade.phase2 import light_imports, run_tests

    light_imports()
    tests = Path(sys.argv[1])
    spec = json.loads(sys.stdin.read())
    real_stdout, sys.stdout = sys.stdout, _Sink()
    feedback.notebook = lambda *args, **kwargs: _SilentGrader()
    namespace, records, _ = run_cells(spec["cells"], 120, time.monotonic() + 600, Path("progress"))
    logs: dict[str, list] = {}
    env = {}
    for name in spec["names"]:
        if name in namespace:
            value = namespace[name]
            if isinstance(value, types.FunctionType):
                logs[name] = []
                value = Recorder(value, logs[name])
            env[name] = value
    feedback.install({})
    results = run_tests(tests, env)
    calls = {}
    for name, log in logs.items():
        seen = {}
        for call in log:
            seen.setdefault(canonical([call["args"], call["kwargs"]]), call)
        calls[name] = list(seen.values())
    real_stdout.write(json.dumps({"functions": calls, "results": results, "cell_errors": records}))


if __name__ == "__main__":
    main()
