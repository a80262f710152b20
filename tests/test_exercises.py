"""exercises/ is generated from solutions/ and in sync; the student notebook is honest and friendly.

(nbval runs the notebooks themselves: the unanswered student notebook and the master must run
top to bottom without an error.  Scores are tested in test_grading.py.)
"""

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
MASTERS = sorted((ROOT / "solutions").glob("*.ipynb"))


def _make_exercises():
    spec = importlib.util.spec_from_file_location(
        "make_exercises", ROOT / "scripts" / "make_exercises.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Regenerate every exercise set into a temporary folder (the repository is not touched)."""
    out = tmp_path_factory.mktemp("generated")
    code = _make_exercises().main(
        [
            "--no-run-tests",
            "--exercises-dir",
            str(out / "exercises"),
            "--autograder-dir",
            str(out / "autograder"),
        ]
    )
    assert code == 0
    return out


def _essence(path: Path):
    nb = nbformat.read(path, as_version=4)
    cells = [(c.cell_type, c.source) for c in nb.cells]
    return cells, nb.metadata.get("otter", {})


def test_there_is_at_least_one_exercise_set():
    assert MASTERS, "no master notebooks in solutions/"


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_exercises_are_in_sync_with_solutions(master, generated):
    committed = ROOT / "exercises" / master.name
    assert committed.is_file(), (
        f"exercises/{master.name} is missing: run `python scripts/make_exercises.py`"
    )
    fresh = generated / "exercises" / master.name
    assert _essence(committed) == _essence(fresh), (
        f"exercises/{master.name} is out of date with solutions/{master.name}: "
        "run `python scripts/make_exercises.py` and commit the result"
    )


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_generation_is_deterministic(master, generated):
    """Regenerating gives the committed bytes, so git never shows spurious changes."""
    assert (ROOT / "exercises" / master.name).read_bytes() == (
        generated / "exercises" / master.name
    ).read_bytes()


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_student_notebook_has_no_solutions_outputs_or_hidden_tests(master):
    nb = nbformat.read(ROOT / "exercises" / master.name, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for marker in (
        "# BEGIN SOLUTION",
        "# SOLUTION",
        "BEGIN TESTS",
        "ASSIGNMENT CONFIG",
        "BEGIN QUESTION\nname",
    ):
        assert marker not in text, f"{marker!r} leaked into exercises/{master.name}"
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        "outputs must not be committed"
    )
    tests = nb.metadata["otter"]["tests"]
    assert tests, "public tests should be embedded in the notebook metadata"
    assert all("hidden=True" not in src for src in tests.values()), (
        "hidden tests leaked to students"
    )
    # the master's solution code must not appear in the student version
    master_nb = nbformat.read(master, as_version=4)
    solution_lines = {
        ln.strip()
        for c in master_nb.cells
        if c.cell_type == "code"
        for ln in c.source.splitlines()
        if ln.strip().endswith("# SOLUTION")
    }
    for ln in solution_lines:
        assert ln.removesuffix("# SOLUTION").strip() not in text


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_student_notebook_is_honest_about_grading_near_the_top(master):
    nb = nbformat.read(ROOT / "exercises" / master.name, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), (
        "title first"
    )
    top = " ".join(" ".join(c.source for c in nb.cells[:3]).lower().split())
    assert "hidden tests" in top
    assert "graded by hand" in top
    assert 'grader.check("q1")' in top


def _public_tests(master_name: str):
    from otter.test_files.exception_test import ExceptionTestFile

    nb = nbformat.read(ROOT / "exercises" / master_name, as_version=4)
    return {
        q: ExceptionTestFile.from_metadata(src, str(ROOT / "exercises" / master_name))
        for q, src in nb.metadata["otter"]["tests"].items()
    }


BAD_ANSWERS = {
    "q1": {"q1_multiple_2015": "50", "q1_multiple_latest": None},
    "q2": {"us_share": lambda v, y: 0.22, "q2_share_2015": 0.2203, "q2_share_latest": 0.2159},
    "q3": {"q3_china": [1370, 2438]},
    "q4": {"q4_shares": ..., "q4_ax": "chart"},
}


@pytest.mark.parametrize("question", sorted(BAD_ANSWERS))
def test_public_checks_answer_wrong_kinds_with_a_sentence(question):
    """Instant feedback: a wrong type gives one specific sentence first, no traceback, no answer."""
    from multipolar import feedback

    feedback.install({})
    test_file = _public_tests("ch02.ipynb")[question]
    test_file.run(dict(BAD_ANSWERS[question]))
    failed = [r for r in test_file.test_case_results if not r.passed]
    assert failed, f"the public check for {question} accepted a wrong answer"
    for r in failed:
        assert "Traceback" not in r.message and "Error at line" not in r.message
        sentence = r.message.removeprefix("❌ Test case failed\n").splitlines()[0]
        assert len(sentence) > 40 and not sentence.startswith("("), r.message
    assert test_file.summary().startswith("❌ "), test_file.summary()


def test_fraction_instead_of_percentage_is_explained():
    from multipolar import feedback

    feedback.install({})
    test_file = _public_tests("ch02.ipynb")["q2"]
    test_file.run(dict(BAD_ANSWERS["q2"]))
    msg = test_file.test_case_results[0].message
    assert "percentage" in msg and "0.2203" in msg and "multiply by 100" in msg


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_first_code_cell_finds_the_notebook_even_when_renamed(master):
    """The master holds the first cell, `grader = notebook("chXX")`; otter writes none."""
    nb = nbformat.read(master, as_version=4)
    assert "init_cell: false" in nb.cells[0].source
    student = nbformat.read(ROOT / "exercises" / master.name, as_version=4)
    _make_exercises().check_first_cell(student, master.stem)  # raises SystemExit if not
    text = "\n".join(c.source for c in student.cells)
    assert "otter.Notebook(" not in text


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_grading_box_states_the_hard_coding_rule(master):
    nb = nbformat.read(ROOT / "exercises" / master.name, as_version=4)
    box = " ".join(nb.cells[0].source.split())
    rule = re.search(
        r"The grader reads your code too: a number typed in by hand \(for example "
        r"`(q\d_\w+) = [\d.]+`\) instead of computed earns no points for that "
        r"question, and your instructor is asked to review it\.",
        box,
    )
    assert rule, "the grading box should state the hard-coding rule"
    assert rule.group(1) in nb.metadata["otter"]["tests"]["q1"], "use a variable of this set"
    assert "will not earn those points" not in box


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_public_checks_pass_the_solution_values(master):
    """The public checks accept answers computed the way the solution does (no false alarms)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from multipolar import feedback

    feedback.install({})
    env = {}
    nb = nbformat.read(master, as_version=4)
    for cell in nb.cells:
        if (
            cell.cell_type == "code"
            and "BEGIN TEST CONFIG" not in cell.source
            and "import notebook" not in cell.source
        ):
            exec(compile(cell.source.replace("plt.show()", ""), "<master>", "exec"), env)  # noqa: S102
    try:
        for q, test_file in _public_tests(master.name).items():
            test_file.run(env)
            assert test_file.passed_all, f"{q}: " + " ".join(
                r.message for r in test_file.test_case_results
            )
    finally:
        plt.close("all")
