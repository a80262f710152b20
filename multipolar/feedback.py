"""How a check learns that an answer is missing, and how its message reaches the student.

Otter calls a test function such as ``def test_q1(q1_days): ...`` with the value of each
parameter taken from the student's namespace, and ``None`` for a name that is not there, so a
check cannot tell "never set" (a typo, a cell that stopped with an error) from "set to None".
:func:`install` changes that, in whichever process runs the tests: a missing name arrives as a
:class:`NotSet`, which the checks in :mod:`multipolar.checks` turn into "``q1_days`` is not set"
or "the cell that sets ``q1_days`` stopped with ValueError: ...".  It also puts our sentence
first in what otter shows for a failed check, with otter's framing kept short and below.

It is installed by the first cell of every exercise notebook (:func:`notebook`, for
``grader.check``; it also registers an IPython hook that remembers which cell failed for which
names) and by the grader's second phase, which runs the tests on the answers recorded from a
submission and passes the cell errors it saw (``{name: "ValueError: ..."}``).

    >>> from multipolar.feedback import assigned_names, names_in_cell
    >>> sorted(assigned_names("q1_days = 5\\nq1_rent_ratio = q1_days / 2"))
    ['q1_days', 'q1_rent_ratio']
    >>> sorted(names_in_cell("q1_days = (5\\nq1_rent_ratio = 2"))  # a SyntaxError
    ['q1_days', 'q1_rent_ratio']
"""

from __future__ import annotations

import ast
import html
import inspect
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "NotSet",
    "install",
    "assigned_names",
    "names_in_cell",
    "record_cell",
    "install_hook",
    "find_notebook",
    "notebook",
    "cell_errors",
    "error_line",
]


class NotSet:
    """Stands in for an answer name that the student's namespace does not have.

    ``error`` is the one-line error of the cell that should have set it, if that cell failed.
    """

    __slots__ = ("name", "error", "stale")

    def __init__(self, name: str, error: str | None = None, stale: bool = False) -> None:
        self.name = name
        self.error = error
        #: True when the name does hold a value, left over from before its cell failed (only
        #: known in the student's own session, from the cell hook).
        self.stale = stale

    def __repr__(self) -> str:
        return f"NotSet({self.name!r}, error={self.error!r})"

    def __bool__(self) -> bool:
        return False


#: Cell errors known to the running tests: {answer name: "ValueError: ..."} (from the grader).
_cell_errors: dict[str, str] = {}
#: Cell errors seen by the hook in the student's own session, forgotten when a later cell sets
#: the name: these also flag a name that still holds a value from before its cell failed.
_session_errors: dict[str, str] = {}


def cell_errors() -> dict[str, str]:
    """A copy of the cell errors known now ({answer name: "ValueError: ..."})."""
    return {**_cell_errors, **_session_errors}


def install(cell_errors: Mapping[str, str] | None = None) -> None:
    """Make otter pass :class:`NotSet` for missing names, and show our sentence first.

    Idempotent.  ``cell_errors`` replaces the known cell errors (the grader passes those it
    recorded; the notebook's own hook keeps them up to date while a student works).  A test
    parameter that is missing or still the ``...`` placeholder fails its test with the
    sentence of :func:`multipolar.checks.guard` before the test's own code runs, so no test
    ever sees (or trips over) a placeholder.
    """
    from otter.test_files.exception_test import ExceptionTestFile, test_case

    if cell_errors is not None:
        _cell_errors.clear()
        _session_errors.clear()
        _cell_errors.update({str(k): str(v) for k, v in cell_errors.items()})
    if getattr(test_case.call_func, "_multipolar", False):
        return

    def call_func(self, global_environment):
        from multipolar import checks

        kwargs = {}
        for arg in self._get_func_params():
            if arg == "env":
                kwargs[arg] = global_environment
            elif arg in global_environment and arg in _session_errors:
                kwargs[arg] = NotSet(arg, _session_errors[arg], stale=True)
            elif arg in global_environment:
                kwargs[arg] = global_environment[arg]
            else:
                kwargs[arg] = NotSet(arg, _cell_errors.get(arg) or _session_errors.get(arg))
        for arg, value in kwargs.items():
            if arg != "env" and (isinstance(value, NotSet) or value is Ellipsis):
                checks.guard(value, arg)
        self.test_func(**kwargs)

    call_func._multipolar = True
    test_case.call_func = call_func
    ExceptionTestFile._generate_error_message = _error_message
    ExceptionTestFile.summary = _summary
    ExceptionTestFile._repr_html_ = _repr_html


#: What a student sees when a test itself stops with an error that is not a check's sentence.
UNREADABLE = (
    "this check could not read your answer (it stopped with {kind}). Make sure each "
    "answer is the kind of value the question asks for (a number, a table, a "
    "function, a chart), run its cell, then run this check again."
)


def _error_message(self, excp: Exception, context: int = 0) -> str:
    """Our sentence first (never a traceback, no clipped quotes); where it failed below."""
    if isinstance(excp, AssertionError) and str(excp).strip():
        text = str(excp).strip()
    elif isinstance(excp, AssertionError):
        text = "this answer does not pass the check yet."
    else:
        text = UNREADABLE.format(kind=type(excp).__name__)
    line = None
    tb = excp.__traceback__
    while tb is not None:  # the last frame inside the test file's own code
        if tb.tb_frame.f_code.co_filename == getattr(self, "path", None):
            line = tb.tb_lineno
        tb = tb.tb_next
    where = f"test {self.name}" + (f", line {line}" if line else "")
    return f"{text}\n({where})"


def _failed(self, public_only: bool) -> list:
    results = self.test_case_results
    if public_only:
        results = [r for r in results if not r.test_case.hidden]
    return [r for r in results if not r.passed]


def _message_of(result) -> str:
    """A failed check's sentence as a student sees it (without the location line)."""
    text = (result.message or "").replace("❌ Test case failed\n", "", 1).strip()
    return re.sub(r"\n\(test [^\n]*\)$", "", text)


def _summary(self, public_only: bool = False) -> str:
    """What ``grader.check`` prints: each failed check's sentence, then one short line."""
    failed = _failed(self, public_only)
    if not failed:
        return f"{self.name} results: All test cases passed!"
    total = len([r for r in self.test_case_results if not (public_only and r.test_case.hidden)])
    lines = [f"❌ {_message_of(r)}" for r in failed]
    return "\n\n".join(lines) + f"\n\n({self.name}: {len(failed)} of {total} checks failed)"


def _repr_html(self) -> str:
    """The same as :func:`_summary`, as HTML (Jupyter shows this one)."""
    failed = _failed(self, False)
    if not failed:
        return f"<p><strong><code>{self.name}</code> results:</strong> All test cases passed!</p>"
    parts = [f"<p>❌ {html.escape(_message_of(r)).replace(chr(10), '<br>')}</p>" for r in failed]
    parts.append(
        f"<p style='font-size: smaller'>({self.name}: {len(failed)} of "
        f"{len(self.test_case_results)} checks failed)</p>"
    )
    return "".join(parts)


def assigned_names(source: str) -> set[str]:
    """The names a cell's code binds at the top level (``x = ...``, ``def f``, ``import m``).

    Used to say which answers a failed cell should have set.  A cell that cannot be parsed
    binds nothing.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            targets = [node.target]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        for t in targets:
            for sub in ast.walk(t):
                if isinstance(sub, ast.Name):
                    names.add(sub.id)
    return names


# --------------------------------------------------------------------------------------------
# The student's own Jupyter session: remember which cell failed, and for which names.
# --------------------------------------------------------------------------------------------

_ASSIGN_LINE = re.compile(
    r"^([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*=(?!=)", re.MULTILINE
)
_DEF_LINE = re.compile(r"^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


def names_in_cell(source: str) -> set[str]:
    """The names a cell binds, also when it cannot be parsed (a SyntaxError).

    :func:`assigned_names` when the code parses; otherwise the names on the left of a
    top-level ``name = ...`` line and after a top-level ``def``, read line by line.
    """
    names = assigned_names(source)
    if names:
        return names
    try:
        ast.parse(source)
        return names
    except SyntaxError:
        pass
    found: set[str] = set()
    for match in _ASSIGN_LINE.finditer(source):
        found.update(n.strip() for n in match.group(1).split(","))
    found.update(_DEF_LINE.findall(source))
    return found


def error_line(error: BaseException) -> str:
    """``"ValueError: first line of the message"``: one line, never a traceback."""
    if isinstance(error, SyntaxError) and error.msg:
        where = f" (line {error.lineno})" if error.lineno else ""
        return f"{type(error).__name__}: {error.msg}{where}"
    text = str(error).strip()
    first = text.splitlines()[0] if text else ""
    if len(first) > 150:
        first = first[:147] + "..."
    return type(error).__name__ + (f": {first}" if first else "")


def record_cell(source: str, error: BaseException | None) -> None:
    """Note the outcome of one cell: an error for each name it binds, or forget them."""
    names = names_in_cell(source)
    if error is None:
        for name in names:
            _session_errors.pop(name, None)
    else:
        line = error_line(error)
        for name in names:
            _session_errors[name] = line


def _post_run_cell(result) -> None:
    """IPython ``post_run_cell`` hook: record the cell's error for the names it binds."""
    try:
        source = getattr(result.info, "raw_cell", "") or ""
        error = result.error_before_exec or result.error_in_exec
        record_cell(source, error)
    except Exception:  # noqa: BLE001 - a feedback hook must never break the student's cell
        pass


def install_hook(shell: Any = None) -> bool:
    """Register :func:`_post_run_cell` with the running IPython (once); False outside IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython is a dependency of Jupyter
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "events"):
        return False
    callbacks = shell.events.callbacks.get("post_run_cell", [])
    if not any(
        getattr(cb, "__name__", "") == _post_run_cell.__name__
        and getattr(cb, "__module__", "") == __name__
        for cb in callbacks
    ):
        shell.events.register("post_run_cell", _post_run_cell)
    return True


# --------------------------------------------------------------------------------------------
# The first cell of every exercise notebook.
# --------------------------------------------------------------------------------------------


def _assignment_of(path: Path) -> str | None:
    """The otter assignment name stored in a notebook's metadata (None if unreadable)."""
    try:
        with open(path, encoding="utf-8") as f:
            meta = json.load(f).get("metadata", {})
        return meta.get("otter", {}).get("assignment_name")
    except (OSError, ValueError, AttributeError):
        return None


def find_notebook(
    assignment: str, folder: str | os.PathLike | None = None, session: str | None = None
) -> Path | None:
    """The file of the running notebook of exercise set ``assignment``, or None.

    First the path Jupyter gives the kernel (``JPY_SESSION_NAME``, ``__session__``, VS Code's
    ``__vsc_ipynb_file__``) when it is a notebook of this assignment; otherwise the ``*.ipynb``
    files in ``folder`` (default: the working folder) whose metadata names this assignment,
    the most recently saved first.  So a renamed copy ("alice.ipynb", "ch02 (1).ipynb") is
    found, and under nbclient (no session name) the notebook being run is found too.
    """
    here = Path(folder) if folder is not None else Path.cwd()
    given = [session] if session else []
    given.append(os.environ.get("JPY_SESSION_NAME", ""))
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            given += [
                str(shell.user_ns.get("__session__", "")),
                str(shell.user_ns.get("__vsc_ipynb_file__", "")),
            ]
    except ImportError:  # pragma: no cover
        pass
    for name in given:
        if name and name.lower().endswith(".ipynb"):
            path = Path(name) if Path(name).is_absolute() else here / name
            if path.is_file() and _assignment_of(path) == assignment:
                return path
    ours = [p for p in here.glob("*.ipynb") if _assignment_of(p) == assignment]
    if not ours:
        return None
    return max(ours, key=lambda p: (p.stat().st_mtime, p.name == f"{assignment}.ipynb"))


def notebook(assignment: str):
    """Create the ``grader`` of an exercise notebook; install the friendly feedback.

    Finds the notebook's own file (:func:`find_notebook`, so renaming it breaks nothing),
    creates ``otter.Notebook`` on it, installs the cell-error hook and :func:`install`.  Never
    raises: if the file cannot be found, ``grader.check`` says so in a sentence.
    """
    import otter

    install()
    install_hook()
    grading = getattr(otter.Notebook, "_grading_mode", False)
    path = find_notebook(assignment)
    if grading:
        return otter.Notebook(str(path) if path else None)
    try:
        grader = _FriendlyNotebook(str(path) if path else None)
    except Exception as exc:  # noqa: BLE001 - e.g. otter refusing to run on Colab
        print(
            f"grader.check cannot run here ({error_line(exc)}); your answers are graded all "
            "the same when you hand in the notebook."
        )
        return _NoChecks(error_line(exc))
    grader._multipolar_assignment = assignment
    grader._multipolar_found = path is not None
    if path is None:
        print(
            f"Could not find this notebook's file (an exercise notebook of {assignment}) "
            "in the folder it runs in: save the notebook (File > Save), then run this cell "
            "again. Your answers are graded all the same."
        )
    return grader


def _friendly_notebook_class():
    import otter

    class FriendlyNotebook(otter.Notebook):
        """``otter.Notebook`` whose ``check`` explains a missing notebook file in a sentence."""

        def check(self, question, global_env=None):
            if global_env is None:
                global_env = inspect.currentframe().f_back.f_globals
            if not getattr(self, "_multipolar_found", True):
                path = find_notebook(getattr(self, "_multipolar_assignment", ""))
                if path is None:
                    return _Sentence(
                        f"{question}: this check needs the notebook's own file, which was not "
                        "found in the folder the notebook runs in. Save the notebook "
                        "(File > Save), then run the first code cell again."
                    )
                self.__init__(str(path))
                self._multipolar_found = True
            return super().check(question, global_env)

    return FriendlyNotebook


class _Sentence(str):
    """A plain message shown as the output of a cell (no quotes around it)."""

    def __repr__(self) -> str:
        return str(self)


class _NoChecks:
    """Stands in for the grader where otter cannot run: ``check`` answers with a sentence."""

    def __init__(self, why: str) -> None:
        self.why = why

    def check(self, question, global_env=None):
        return _Sentence(f"{question}: grader.check cannot run here ({self.why}).")


class _LazyClass:
    def __call__(self, *args, **kwargs):
        global _FriendlyNotebook
        _FriendlyNotebook = _friendly_notebook_class()
        return _FriendlyNotebook(*args, **kwargs)


_FriendlyNotebook: Any = _LazyClass()
