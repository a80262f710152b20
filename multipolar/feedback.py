"""How a check learns that an answer is missing, and how its message reaches the student.

Otter calls a test function such as ``def test_q1(q1_days): ...`` with the value of each
parameter taken from the student's namespace, and ``None`` for a name that is not there, so a
check cannot tell "never set" (a typo, a cell that stopped with an error) from "set to None".
:func:`install` changes that, in whichever process runs the tests: a missing name arrives as a
:class:`NotSet`, which the checks in :mod:`multipolar.checks` turn into "``q1_days`` is not set"
or "the cell that sets ``q1_days`` stopped with ValueError: ...".

It is installed by the first cell of every exercise notebook (for ``grader.check``) and by the
grader's second phase, which runs the tests on the answers recorded from a submission and
passes the cell errors it saw (``{name: "ValueError: ..."}``).
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

__all__ = ["NotSet", "install", "assigned_names"]


class NotSet:
    """Stands in for an answer name that the student's namespace does not have.

    ``error`` is the one-line error of the cell that should have set it, if that cell failed.
    """

    __slots__ = ("name", "error")

    def __init__(self, name: str, error: str | None = None) -> None:
        self.name = name
        self.error = error

    def __repr__(self) -> str:
        return f"NotSet({self.name!r}, error={self.error!r})"

    def __bool__(self) -> bool:
        return False


#: Cell errors known to the running tests: {answer name: "ValueError: ..."}.
_cell_errors: dict[str, str] = {}


def install(cell_errors: Mapping[str, str] | None = None) -> None:
    """Make otter pass :class:`NotSet` for missing names (idempotent).

    ``cell_errors`` replaces the known cell errors (the grader passes those it recorded; the
    notebook's own hook keeps them up to date while a student works).
    """
    from otter.test_files.exception_test import test_case

    if cell_errors is not None:
        _cell_errors.clear()
        _cell_errors.update({str(k): str(v) for k, v in cell_errors.items()})
    if getattr(test_case.call_func, "_multipolar", False):
        return

    def call_func(self, global_environment):
        kwargs = {}
        for arg in self._get_func_params():
            if arg == "env":
                kwargs[arg] = global_environment
            elif arg in global_environment:
                kwargs[arg] = global_environment[arg]
            else:
                kwargs[arg] = NotSet(arg, _cell_errors.get(arg))
        self.test_func(**kwargs)

    call_func._multipolar = True
    test_case.call_func = call_func


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
