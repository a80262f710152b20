"""Read a submission's code without running it: review flags, and typed-in answers.

Nothing here decides a grade on its own.  Since the tests run in a process that holds no
student code (see :mod:`multipolar.grade.phase2`), code that tampers with grading can only
change its own answers; the patterns below are listed in the gradebook's ``review_flags`` so
that an instructor can look.  One rule does cost points, and it is documented in
``book/instructors.md``: an answer that the question asks to *compute*, but that the notebook
sets to a typed-in number or text (``q1_multiple_2015 = 50.04``), earns no points for its
question, and the row says "typed-in value; review by hand".

    >>> [name for name, _ in literal_assignments(parse_cell("a = 50.04\\nb = -float('3.5')\\nc = f(2)"))]
    ['a', 'b']
"""

from __future__ import annotations

import ast
import re

__all__ = [
    "PROTECTED_ROOTS",
    "GRADING_PACKAGES",
    "OTTER_INTERNALS",
    "SUSPICIOUS_CALLS",
    "SUSPICIOUS_MODULES",
    "RISKY_METHODS",
    "RISKY_OS_FUNCTIONS",
    "TAMPER_STRING",
    "INIT_CELL",
    "LITERAL_CALLS",
    "audit",
    "parse_cell",
    "is_literal",
    "literal_assignments",
    "typed_in",
]

#: Names whose attributes the grading relies on: changing one is tampering.
PROTECTED_ROOTS = {"grader", "otter", "multipolar"}
#: Packages the tests run on; any name a submission binds to them is protected too.
GRADING_PACKAGES = {"otter", "multipolar"}
#: Names from otter's internals a student notebook has no reason to touch.
OTTER_INTERNALS = {
    "Checker",
    "GradingResults",
    "test_case",
    "TestFile",
    "ExceptionTestFile",
    "OKTestFile",
    "TestCaseResult",
    "init_grading_mode",
}
SUSPICIOUS_CALLS = {
    "exec",
    "eval",
    "compile",
    "__import__",
    "globals",
    "setattr",
    "delattr",
    "breakpoint",
}
SUSPICIOUS_MODULES = {
    "importlib",
    "builtins",
    "ctypes",
    "subprocess",
    "pickle",
    "dill",
    "inspect",
    "gc",
    "signal",
    "socket",
    "multiprocessing",
    "threading",
    "pty",
}
#: Methods that change files or processes, whatever object they are called on ...
RISKY_METHODS = {
    "system",
    "popen",
    "_exit",
    "rmtree",
    "unlink",
    "chmod",
    "kill",
    "write_text",
    "write_bytes",
}
#: ... and names that are risky only as os/shutil functions (pandas and lists have .rename/.replace/.remove).
RISKY_OS_FUNCTIONS = {
    "remove",
    "rename",
    "replace",
    "removedirs",
    "rmdir",
    "move",
    "copy",
    "copyfile",
}
TAMPER_STRING = re.compile(
    r"(^|[/\\])tests[/\\]|[/\\]tests$|\.pkl\b|results\.json|OTTER_LOG|autograder", re.IGNORECASE
)
INIT_CELL = re.compile(
    r"^\s*(#.*\n)*\s*(import otter\s*\ngrader\s*=\s*otter\.Notebook\([^)]*\)"
    r"|from multipolar\.feedback import notebook\s*\n\s*grader\s*=\s*notebook\([^)]*\))\s*$"
)


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
        elif (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] in GRADING_PACKAGES
        ):
            names.update(a.asname or a.name for a in node.names)
    return names


def audit(nb) -> tuple[list[str], list[str]]:
    """Scan a notebook's code without running it: (tampering found, suspicious patterns).

    Tampering: changing an attribute of the grader, of otter or of the course package (the
    tests use them), defining otter's internal names, importing otter's internals, or naming
    the grader's test and result files.  Suspicious: ways to do the same out of sight
    (``exec``, ``setattr``, ``importlib``, shell commands, deleting files ...).  Both are
    review flags only: the tests run where no student code is, so such code can only spoil
    its own answers.
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
                    if (
                        isinstance(sub, (ast.Attribute, ast.Subscript))
                        and _root_name(sub) in protected
                    ):
                        tamper.append(
                            f"{where} assigns to `{ast.unparse(sub)}`, which redefines the grader or its checks"
                        )
                        break
                    if isinstance(sub, ast.Name) and sub.id in {"grader", "otter"}:
                        suspicious.append(f"{where} rebinds `{sub.id}`")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                mods = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                for m in mods:
                    top = m.split(".")[0]
                    if top == "otter" and (m != "otter" or isinstance(node, ast.ImportFrom)):
                        tamper.append(f"{where} imports otter internals (`{ast.unparse(node)}`)")
                    elif m.startswith("multipolar.checks") or (
                        isinstance(node, ast.ImportFrom)
                        and m == "multipolar"
                        and any(a.name == "checks" for a in node.names)
                    ):
                        suspicious.append(
                            f"{where} imports the answer checks (`{ast.unparse(node)}`)"
                        )
                    elif top in SUSPICIOUS_MODULES:
                        suspicious.append(f"{where} imports `{top}`")
            if isinstance(node, ast.Name) and node.id in OTTER_INTERNALS:
                tamper.append(f"{where} uses otter's internal `{node.id}`")
            if isinstance(node, ast.Attribute) and node.attr in OTTER_INTERNALS:
                tamper.append(f"{where} uses otter's internal `{node.attr}`")
            if isinstance(node, ast.Name) and node.id in {"__builtins__", "get_ipython"}:
                suspicious.append(f"{where} uses `{node.id}` (shell commands or magics included)")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in SUSPICIOUS_CALLS
            ):
                suspicious.append(f"{where} calls `{node.func.id}()`")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and (
                    node.func.attr in RISKY_METHODS
                    or (
                        node.func.attr in RISKY_OS_FUNCTIONS
                        and _root_name(node.func) in {"os", "shutil"}
                    )
                )
            ):
                suspicious.append(f"{where} calls `.{node.func.attr}()`")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and TAMPER_STRING.search(node.value)
            ):
                tamper.append(f"{where} refers to the grader's files ({node.value[:40]!r})")
    return _dedupe(tamper), _dedupe(suspicious)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


#: Calls that only turn a typed-in value into another typed-in value.
LITERAL_CALLS = {"float", "int", "str", "round", "abs", "Decimal", "Fraction", "complex"}


def parse_cell(source: str) -> ast.AST | None:
    """A cell's code as a syntax tree (IPython magics made plain Python); None if it does not parse."""
    try:
        return ast.parse(_python_source(source))
    except (SyntaxError, ValueError):
        return None


def is_literal(node: ast.AST) -> bool:
    """A number or text typed in: a constant, maybe signed, combined or converted (``-float('3.5')``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float, complex, str)) and not isinstance(
            node.value, bool
        )
    if isinstance(node, ast.UnaryOp):
        return is_literal(node.operand)
    if isinstance(node, ast.BinOp):
        return is_literal(node.left) and is_literal(node.right)
    if isinstance(node, (ast.Tuple, ast.List)):
        return bool(node.elts) and all(is_literal(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
        fname = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        return (
            fname in LITERAL_CALLS
            and bool(node.args)
            and all(is_literal(a) for a in node.args)
            and not node.keywords
        )
    return False


def literal_assignments(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    """(name, statement) for every name a cell sets to a typed-in value, anywhere in the cell."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            pairs = [(t, node.value) for t in node.targets]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            pairs = [(node.target, node.value)]
        elif isinstance(node, ast.NamedExpr):
            pairs = [(node.target, node.value)]
        else:
            continue
        for target, value in pairs:
            if isinstance(target, ast.Name) and is_literal(value):
                out.append((target.id, node))
            elif (
                isinstance(target, (ast.Tuple, ast.List))
                and isinstance(value, (ast.Tuple, ast.List))
                and len(target.elts) == len(value.elts)
            ):
                out += [
                    (t.id, node)
                    for t, v in zip(target.elts, value.elts)
                    if isinstance(t, ast.Name) and is_literal(v)
                ]
    return out


def typed_in(cells: list[str], computed: set[str]) -> dict[str, str]:
    """{answer name: where and how it is typed in} for the computed answers a notebook types in."""
    found: dict[str, str] = {}
    for number, source in enumerate(cells, start=1):
        tree = parse_cell(source)
        if tree is None:
            continue
        for name, node in literal_assignments(tree):
            if name in computed and name not in found:
                found[name] = f"`{ast.unparse(node)[:80]}` in code cell {number}"
    return found
