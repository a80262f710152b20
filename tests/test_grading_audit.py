"""Fast unit tests of the grader's pieces that run no student code: audit, results, notebook checks."""

import json

import nbformat
import pytest

from multipolar import grade


def nb(*sources):
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])


INIT = 'import otter\ngrader = otter.Notebook("ch02.ipynb")'


def test_ordinary_answers_raise_no_flags():
    tamper, suspicious = grade.audit(
        nb(
            INIT,
            "from multipolar import data, tables\nchecks = [1, 2]\ntables_list = 3",
            "def us_share(v, y):\n    return 100 * tables.series('USA', v)[y] / tables.series('WLD', v)[y]",
            "label = 'tests of the hypothesis'.replace('tests', 'checks')",
            'grader.check("q1")',
        )
    )
    assert tamper == [] and suspicious == []


@pytest.mark.parametrize(
    "source, words",
    [
        ("grader.check = lambda *a: None", "grader.check"),
        ("import multipolar.checks as mc\nmc.expect_number = print", "mc.expect_number"),
        ("from multipolar import tables as t\nt.world_shares = None", "t.world_shares"),
        ("import otter\notter.Notebook.check = None", "otter.Notebook.check"),
        ("from otter.execute import Checker", "otter internals"),
        ("open('../tests/q1.py', 'w')", "grader's files"),
        ("!rm -rf ../tests", "grader's files"),
        ("class GradingResults: pass", "GradingResults"),
    ],
)
def test_tampering_is_found(source, words):
    tamper, _ = grade.audit(nb(INIT, source))
    assert any(words in t for t in tamper), tamper


@pytest.mark.parametrize(
    "source, words",
    [
        ("exec('x = 1')", "exec()"),
        ("import importlib", "importlib"),
        ("import os\nos.remove('x')", ".remove()"),
        ("grader = None", "rebinds `grader`"),
        ("setattr(object(), 'a', 1)", "setattr()"),
    ],
)
def test_suspicious_patterns_are_only_flagged(source, words):
    tamper, suspicious = grade.audit(nb(INIT, source))
    assert tamper == [] and any(words in s for s in suspicious), suspicious


def test_results_are_clamped_and_reasons_kept():
    questions = [
        grade.Question("q1", 3, False),
        grade.Question("q2", 3, False),
        grade.Question("q3", 2, True),
    ]
    results = {
        "q1": {"score": 99, "cases": []},  # forged: more than the question is worth
        "q2": {
            "score": 1,
            "cases": [
                {
                    "passed": False,
                    "message": "❌ Test case failed\nError at line 3:\n  x\nAssertionError: too small",
                },
                {"passed": True, "message": "ok"},
            ],
        },
    }
    scores, reasons = grade.parse_results(results, questions)
    assert scores == {"q1": 3.0, "q2": 1.0}
    assert reasons == ["q2 (-2): too small"]
    scores, reasons = grade.parse_results({"q1": "junk"}, questions)
    assert scores == {"q1": 0.0, "q2": 0.0} and len(reasons) == 2


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[1, 2]", "not a Jupyter notebook"),
        (b'{"cells": 3}', "not a valid Jupyter notebook"),
    ],
)
def test_unreadable_files_are_described(tmp_path, content, words):
    path = tmp_path / "s.ipynb"
    path.write_bytes(content)
    notebook, why = grade.check_notebook(path, "ch02", max_mb=50)
    assert notebook is None and words in why


def test_notebook_without_assignment_metadata_is_accepted(tmp_path):
    path = tmp_path / "s.ipynb"
    path.write_text(json.dumps(nbformat.v4.new_notebook()), encoding="utf-8")
    notebook, why = grade.check_notebook(path, "ch02", max_mb=50)
    assert notebook is not None and why == ""


def test_pandas_and_list_methods_are_not_mistaken_for_file_operations():
    tamper, suspicious = grade.audit(
        nb(
            INIT,
            "import pandas as pd\ndf = pd.DataFrame({'a': [1]}).rename(columns={'a': 'b'}).replace(1, 2)\n"
            "xs = [1, 2]\nxs.remove(1)\nname = 'ab'.replace('a', 'c')",
        )
    )
    assert tamper == [] and suspicious == []


# --------------------------------------------------------------------------- typed-in values

import re  # noqa: E402
from pathlib import Path  # noqa: E402

from multipolar.grade.assignment import (  # noqa: E402
    computed_answers,
    names_per_question,
    solution_cells,
)
from multipolar.grade.audit import is_literal, typed_in  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SETS = sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb"))


def _answer_names(master: Path) -> set[str]:
    """The answer names the tests read: the parameters of the test functions in the master."""
    names = set()
    for cell in nbformat.read(master, as_version=4).cells:
        if cell.cell_type == "code" and "BEGIN TEST CONFIG" in cell.source:
            for m in re.finditer(r"def test_\w+\(([^)]*)\)", cell.source):
                names |= {a.strip() for a in m.group(1).split(",") if a.strip()}
    return names


@pytest.mark.parametrize("assignment", SETS)
def test_the_typed_in_example_each_notebook_gives_is_caught(assignment):
    """Each exercise notebook tells students that its example of a typed-in number earns no
    points; the grader's rule must catch exactly that example, and not the solution itself."""
    master = ROOT / "solutions" / f"{assignment}.ipynb"
    intro = next(
        c.source
        for c in nbformat.read(master, as_version=4).cells
        if c.cell_type == "markdown" and "grader reads your code" in c.source
    )
    example = re.search(r"typed in by hand \(for example\s+`([^`]+)`\)", intro).group(1)
    computed = computed_answers(master, _answer_names(master))
    name = example.split("=")[0].strip()
    assert name in computed
    assert list(typed_in(["x = 1", example], computed)) == [name]
    assert typed_in(solution_cells(master), computed) == {}


@pytest.mark.parametrize(
    "source, typed",
    [
        ("q = 50.04", True),
        ("q = -3.5", True),
        ("q = '22.0'", True),
        ("q = float('50.04')", True),
        ("q = 50 + 0.04", True),
        ("q, r = 1.5, f(x)", True),
        ("q = round(abs(-2.5), 1)", True),
        ("q = f(50.04)", False),
        ("q = x * 100", False),
        ("q = ...", False),
        ("q = None", False),
        ("q = True", False),
        ("q = [1, x]", False),
        ("q = float(x)", False),
        ("r = 50.04", False),
    ],
)
def test_what_counts_as_a_typed_in_value(source, typed):
    assert bool(typed_in([source], {"q"})) is typed


def test_a_typed_in_value_says_where(tmp_path):
    found = typed_in(["import math", "for i in range(2):\n    q = 4.5"], {"q"})
    assert found == {"q": "`q = 4.5` in code cell 2"}
    assert not is_literal(__import__("ast").parse("f'{x}'").body[0].value)


def test_test_names_are_the_test_functions_parameters(tmp_path):
    (tmp_path / "q1.py").write_text(
        "from otter.test_files import test_case\nname = 'q1'\npoints = 2\n"
        "@test_case(points=None, hidden=False)\ndef test_a(x, y, env):\n    pass\n"
        "@test_case(points=None, hidden=True)\ndef test_b(y, f):\n    pass\n"
    )
    assert names_per_question(tmp_path) == {"q1": ["x", "y", "f"]}


# --------------------------------------------------------------------------- every flag, word for word


def _flags(*sources):
    return grade.audit(nb(INIT, *sources))


@pytest.mark.parametrize(
    "source, tamper, suspicious",
    [
        (
            "import otter.execute as oe\noe.x = 1",
            [
                "code cell 2 imports otter internals (`import otter.execute as oe`)",
                "code cell 2 assigns to `oe.x`, which redefines the grader or its checks",
            ],
            [],
        ),
        ("import otter", [], []),
        (
            "from otter import Notebook",
            ["code cell 2 imports otter internals (`from otter import Notebook`)"],
            [],
        ),
        ("x = Checker", ["code cell 2 uses otter's internal `Checker`"], []),
        ("x = otter.test_case", ["code cell 2 uses otter's internal `test_case`"], []),
        (
            "otter = 3\ngrader = 4",
            [],
            ["code cell 2 rebinds `otter`", "code cell 2 rebinds `grader`"],
        ),
        (
            "grader.x += 1",
            ["code cell 2 assigns to `grader.x`, which redefines the grader or its checks"],
            [],
        ),
        (
            "otter.y: int = 1",
            ["code cell 2 assigns to `otter.y`, which redefines the grader or its checks"],
            [],
        ),
        (
            "del multipolar.checks",
            [
                "code cell 2 assigns to `multipolar.checks`, which redefines the grader or its checks"
            ],
            [],
        ),
        (
            "from multipolar.tables import x\nx.y = 1",
            ["code cell 2 assigns to `x.y`, which redefines the grader or its checks"],
            [],
        ),
        (
            "import multipolar.data.sub\nmultipolar.z = 1",
            ["code cell 2 assigns to `multipolar.z`, which redefines the grader or its checks"],
            [],
        ),
        (
            "def Checker(): pass",
            [
                "code cell 2 defines `Checker`, a name otter's grading uses",
            ],
            [],
        ),
        (
            "import multipolar.checks",
            [],
            ["code cell 2 imports the answer checks (`import multipolar.checks`)"],
        ),
        (
            "from multipolar.checks import expect_number",
            [],
            [
                "code cell 2 imports the answer checks (`from multipolar.checks import expect_number`)"
            ],
        ),
        (
            "from multipolar import checks",
            [],
            ["code cell 2 imports the answer checks (`from multipolar import checks`)"],
        ),
        ("from multipolar import tables", [], []),
        ("from .checks import x", [], []),
        ("from multipolar.data import checks", [], []),
        ("import os, subprocess.run", [], ["code cell 2 imports `subprocess`"]),
        (
            "x = __builtins__",
            [],
            ["code cell 2 uses `__builtins__` (shell commands or magics included)"],
        ),
        (
            "!ls",
            [],
            [
                "code cell 2 calls `.system()`",
                "code cell 2 uses `get_ipython` (shell commands or magics included)",
            ],
        ),
        ("import shutil\nshutil.move('a', 'b')", [], ["code cell 2 calls `.move()`"]),
        ("import os\nos.path.rename('a', 'b')", [], ["code cell 2 calls `.rename()`"]),
        ("x.y.kill()", [], ["code cell 2 calls `.kill()`"]),
        ("eval('1')", [], ["code cell 2 calls `eval()`"]),
        ("s = 'results.json'", ["code cell 2 refers to the grader's files ('results.json')"], []),
        (
            "s = 'a/very/long/path/that/goes/on/and/on/tests/q1.py'",
            [
                f"code cell 2 refers to the grader's files ({'a/very/long/path/that/goes/on/and/on/tests/q1.py'[:40]!r})"
            ],
            [],
        ),
    ],
)
def test_each_flag_says_what_it_found_and_where(source, tamper, suspicious):
    assert _flags(source) == (tamper, suspicious)


@pytest.mark.parametrize(
    "text",
    [
        "tests/q1.py",
        "..\\tests\\q1.py",
        "/grader/tests",
        "model.pkl",
        "RESULTS.JSON",
        "OTTER_LOG",
        "/autograder/x",
    ],
)
def test_every_tamper_pattern_is_found(text):
    tamper, _ = _flags(f"s = {text!r}")
    assert tamper == [f"code cell 2 refers to the grader's files ({text!r})"]


@pytest.mark.parametrize(
    "text", ["contests/a", "tests", "my_tests/x", "pickle_jar", "results_json"]
)
def test_words_like_the_tamper_patterns_are_not_flagged(text):
    assert _flags(f"s = {text!r}") == ([], [])


def test_flags_name_the_code_cell_counting_the_first_and_a_list_source_is_read():
    cells = [nbformat.v4.new_markdown_cell("grader.check = 1")]
    cells += [nbformat.v4.new_code_cell(s) for s in ["x = 1", "grader.check = 1"]]
    cells[2]["source"] = ["x = 2\n", "eval('x')\n"]
    notebook = nbformat.v4.new_notebook(cells=cells)
    assert grade.audit(notebook) == ([], ["code cell 2 calls `eval()`"])
    del notebook.cells[2]["source"]
    assert grade.audit(notebook) == ([], [])
    assert grade.audit(nb("eval(", "exec('')")) == ([], ["code cell 2 calls `exec()`"])


def test_the_same_flag_is_listed_once_and_aliases_anywhere_are_protected():
    tamper, suspicious = _flags(
        "c.x = 1\nc.x = 2\neval('1')\neval('2')", "import multipolar.checks as c"
    )
    assert tamper == ["code cell 2 assigns to `c.x`, which redefines the grader or its checks"]
    assert suspicious == [
        "code cell 2 calls `eval()`",
        "code cell 3 imports the answer checks (`import multipolar.checks as c`)",
    ]


@pytest.mark.parametrize(
    "source, names",
    [
        ("x += 1.5", ["x"]),
        ("x: float = 2", ["x"]),
        ("x: float", []),
        ("(x := 3)", ["x"]),
        ("a, b = 1, 2", ["a", "b"]),
        ("z = 0\na, b = 1, 2", ["z", "a", "b"]),
        ("a, b = 1, f()", ["a"]),
        ("a, b = [1, 2, 3]", []),
        ("a.b, c = 1, 2", ["c"]),
        ("a = b = 4", ["a", "b"]),
        ("t = (1, 2.5)", ["t"]),
        ("t = ()", []),
        ("t = [1, x]", []),
        ("x[0] = 1", []),
    ],
)
def test_literal_assignments_find_each_typed_in_name(source, names):
    from multipolar.grade.audit import literal_assignments, parse_cell

    assert [n for n, _ in literal_assignments(parse_cell(source))] == names


def test_typed_in_keeps_the_first_place_and_reads_every_cell():
    long = "q = " + " + ".join(["1.5"] * 30)
    found = typed_in(["q = (1", "r = 2", long, "q = 3", "s = 4"], {"q", "s"})
    assert found == {"q": f"`{long[:80]}` in code cell 3", "s": "`s = 4` in code cell 5"}
