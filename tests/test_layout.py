"""The package is laid out by role, and its docstring's module map says so."""

import ast
import pkgutil
from pathlib import Path

import pytest

import multipolar

PACKAGE = Path(multipolar.__file__).parent
CORE = sorted(m.name for m in pkgutil.iter_modules([str(PACKAGE)]) if not m.ispkg)
SUBPACKAGES = {"chapters", "grade", "site"}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        yield ".".join(rel.with_suffix("").parts), path


def test_the_package_has_the_core_and_three_subpackages():
    found = {m.name for m in pkgutil.iter_modules([str(PACKAGE)]) if m.ispkg}
    assert found == SUBPACKAGES


@pytest.mark.parametrize("name, path", list(_modules()))
def test_every_module_is_in_the_module_map(name, path):
    if name.endswith("__init__") or name.endswith("__main__"):
        return
    short = name.rsplit(".", 1)[-1]
    assert f"``{short}``" in multipolar.__doc__, (
        f"{name} is missing from multipolar/__init__.py's map"
    )


@pytest.mark.parametrize("name", CORE)
def test_the_core_never_imports_a_chapter_the_grader_or_the_site(name):
    tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        mods = []
        if isinstance(node, ast.ImportFrom):
            mods = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            mods = [a.name for a in node.names]
        for mod in mods:
            parts = mod.replace("multipolar.", "").split(".")
            assert not (mod.startswith("multipolar.") and parts[0] in SUBPACKAGES), (
                f"{name} imports {mod}"
            )


@pytest.mark.parametrize(
    "name, path", [m for m in _modules() if not m[0].endswith(("__init__", "__main__"))]
)
def test_every_public_name_is_in_all(name, path):
    """``__all__`` lists every public function and class a module defines (and nothing else)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = {
        n.name
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_")
    }
    listed = set()
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id == "__all__":
                listed |= {e.value for e in node.value.elts}
    entry_points = {"grade.phase1", "grade.phase2", "grade.calibrate"}  # run with python -m only
    if name in entry_points:
        assert not defined - {
            "main",
            "run_cells",
            "call_functions",
            "Recorder",
            "CellTimeout",
            "light_imports",
            "environment",
            "run_tests",
            "grade_answers",
        }
        return
    assert listed, f"{name} has no __all__"
    assert defined <= listed, f"{name}: not in __all__: {sorted(defined - listed)}"
    top = {
        t.id
        for n in tree.body
        if isinstance(n, (ast.Assign, ast.AnnAssign))
        for target in (n.targets if isinstance(n, ast.Assign) else [n.target])
        for t in ast.walk(target)
        if isinstance(t, ast.Name)
    }
    assert listed <= defined | top | {
        n.names[0].asname or n.names[0].name for n in tree.body if isinstance(n, ast.ImportFrom)
    }, f"{name}: __all__ names missing things"


@pytest.mark.parametrize("name, path", list(_modules()))
def test_a_module_that_names_the_repository_root_finds_it(name, path):
    import importlib

    if "ROOT =" not in path.read_text(encoding="utf-8") or name.endswith("__main__"):
        return
    module = importlib.import_module(f"multipolar.{name}".removesuffix(".__init__"))
    assert (module.ROOT / "_config.yml").is_file(), f"multipolar.{name}.ROOT = {module.ROOT}"
