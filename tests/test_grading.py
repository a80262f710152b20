"""The instructor's grader: one run over a corpus of good and bad submissions.

The corpus is generated here from the real student and solution notebooks (so it never drifts
from the exercise set): the solution, the unanswered notebook, and every kind of bad submission
the grader must survive.  All of it is graded in ONE run of ``multipolar.grade.grade`` (two
workers, a short time limit), then each row of the gradebook is checked.
"""

import csv
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from multipolar import grade as grader_module
from multipolar import tables

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "ch02"
TIMEOUT = 25  # seconds per notebook in the test run (the infinite loop costs this much)
QUESTIONS = grader_module.master_questions(ROOT / "solutions" / f"{ASSIGNMENT}.ipynb")
AUTO = [q for q in QUESTIONS if not q.manual]
POSSIBLE = sum(q.points for q in AUTO)
POINTS = {q.name: q.points for q in QUESTIONS}
MARK = "HACKED_BY_SUBMISSION"

# The grading tests must run in CI (they prove the grader); without bubblewrap they fail with
# a clear message.  Only an explicit opt-out skips them.
if os.environ.get("MULTIPOLAR_SKIP_SANDBOX_TESTS") == "1":
    pytestmark = pytest.mark.skip(reason="MULTIPOLAR_SKIP_SANDBOX_TESTS=1")


@pytest.fixture(scope="module", autouse=True)
def _bubblewrap_is_installed():
    ok, why = grader_module.sandbox_available()
    if not ok:
        pytest.fail("the grading tests need bubblewrap: run `bash scripts/setup_system.sh` as root "
                    "(or set MULTIPOLAR_SKIP_SANDBOX_TESTS=1 to skip them knowingly).\n" + why, pytrace=False)


# --------------------------------------------------------------------------- corpus

def _code(src):
    return nbformat.v4.new_code_cell(src)


def _insert_after_imports(nb, *cells):
    """Put cells right after the notebook's first import cell (so they run before the answers)."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    idx = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "from multipolar import" in c.source)
    nb.cells[idx + 1:idx + 1] = list(cells)
    return nb


def _replace_answer(nb, contains, new_source):
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    hits = [c for c in nb.cells if c.cell_type == "code" and contains in c.source]
    assert len(hits) == 1, f"expected one cell containing {contains!r}"
    hits[0].source = new_source
    return nb


def build_corpus(folder: Path, student: Path, solution: Path, outside: Path) -> dict[str, str]:
    """Write the corpus; return {file name: what it is}."""
    stu = nbformat.read(student, as_version=4)
    sol = nbformat.read(solution, as_version=4)
    files: dict[str, object] = {}
    files["solution.ipynb"] = sol
    files["unanswered.ipynb"] = stu
    files["empty.ipynb"] = b""
    files["invalid_json.ipynb"] = b'{"cells": [{"cell_type": "code", "source": "x = 1"'
    other = nbformat.from_dict(json.loads(json.dumps(stu)))
    other.metadata["otter"]["assignment_name"] = "ch03"
    files["other_chapter.ipynb"] = other
    files["not_a_notebook.py"] = b"print('I handed in a script')\n"
    files["infinite_loop.ipynb"] = _insert_after_imports(sol, _code("while True:\n    pass"))
    files["sys_exit.ipynb"] = _insert_after_imports(sol, _code("import sys\nsys.exit('bye')"))
    files["kernel_exit.ipynb"] = _insert_after_imports(sol, _code("import os\nos._exit(1)"))
    files["raises.ipynb"] = _replace_answer(sol, "q1_multiple_2015 =", "raise RuntimeError('I give up')")
    files["enormous_output.ipynb"] = _insert_after_imports(
        sol, _code("for i in range(200):\n    print('x' * 100_000)"))
    files["redefines_grader.ipynb"] = _insert_after_imports(stu, _code(
        "from otter.test_files import abstract_test, exception_test\n"
        "def _all_pass(self, env):\n"
        "    self.test_case_results = [abstract_test.TestCaseResult(test_case=tc, message='ok', passed=True)\n"
        "                              for tc in self.test_cases]\n"
        "exception_test.ExceptionTestFile.run = _all_pass\n"
        "grader.check = lambda *args, **kwargs: None\n"
        "import multipolar.checks\n"
        "multipolar.checks.expect_number = lambda *args, **kwargs: 1.0"))
    files["edits_tests.ipynb"] = _insert_after_imports(stu, _code(
        # the path is spelled so that the static audit does not see it: the sandbox must stop it
        "import glob, os\n"
        "where = os.path.join('..', 'te' + 'sts', '*.py')\n"
        "for path in glob.glob(where):\n"
        "    with open(path, 'w') as f:\n"
        "        f.write('OK_FORMAT = False\\nname = \"q1\"\\npoints = 3\\n')\n"
        "for path in glob.glob(where):\n"
        "    os.remove(path)"))
    files["writes_outside.ipynb"] = _insert_after_imports(
        sol,
        _code(f"open({str(ROOT / (MARK + '.txt'))!r}, 'w').write('x')"),
        _code(f"open('/root/{MARK}.txt', 'w').write('x')"),
        _code(f"open({str(outside / (MARK + '.txt'))!r}, 'w').write('x')"),
    )
    # Hard-coded answers: right for the years asked, so the public check and 2013 values pass;
    # the hidden test that calls the function for other years must catch it.
    typed = {v: float(tables.world_shares({"US": "USA"}, v, [2013])["share_pct"].iloc[0])
             for v in ("wdi-2015-08", "wdi-2026-07")}
    hard = _replace_answer(sol, "def us_share(", (
        f"def us_share(vintage, year):\n    return {typed!r}[vintage]\n\n"
        "q2_share_2015 = us_share('wdi-2015-08', 2013)\nq2_share_latest = us_share('wdi-2026-07', 2013)"))
    files["hardcoded.ipynb"] = hard
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            nbformat.write(content, folder / name)
    return {name: name for name in files}


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercise-build")
    spec = importlib.util.spec_from_file_location("make_exercises", ROOT / "scripts" / "make_exercises.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--no-run-tests", "--exercises-dir", str(out), "--autograder-dir", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def graded(generated, tmp_path_factory):
    """Grade the whole corpus once; return what the tests need to check."""
    base = tmp_path_factory.mktemp("grading")
    subs, results, outside, tmp = (base / "submissions", base / "results", base / "outside", base / "tmp")
    for d in (subs, results, outside, tmp):
        d.mkdir()
    corpus = build_corpus(subs, ROOT / "exercises" / f"{ASSIGNMENT}.ipynb",
                          generated / f"{ASSIGNMENT}-solution.ipynb", outside)
    before = _fingerprint(subs)
    old_tempdir = tempfile.tempdir
    tempfile.tempdir = str(tmp)  # everything the grader writes must go here, and be gone after
    try:
        rows = grader_module.grade(subs, ASSIGNMENT, results / "gradebook.csv", workers=2, timeout=TIMEOUT,
                                   autograder=generated / f"{ASSIGNMENT}-autograder.zip", quiet=True)
    finally:
        tempfile.tempdir = old_tempdir
    with open(results / "gradebook.csv", newline="", encoding="utf-8") as f:
        csv_rows = {r["file"]: r for r in csv.DictReader(f)}
    return {"rows": {r["file"]: r for r in rows}, "csv": csv_rows, "corpus": corpus, "subs": subs,
            "before": before, "results": results, "outside": outside, "tmp": tmp, "generated": generated}


def total(row) -> float:
    return float(row["autograded_points"])


# --------------------------------------------------------------------------- the run as a whole

def test_every_submission_gets_exactly_one_row(graded):
    assert sorted(graded["csv"]) == sorted(graded["corpus"])
    for name, row in graded["csv"].items():
        assert row["student_id"] == name.rsplit(".", 1)[0] if name.endswith(".ipynb") else name
        assert row["reasons"] or row["notes"], f"{name}: no reason given"


def test_submissions_folder_is_byte_identical_after_grading(graded):
    assert _fingerprint(graded["subs"]) == graded["before"]


def test_nothing_written_outside_the_temporary_folder_and_outputs(graded):
    assert sorted(p.name for p in graded["results"].iterdir()) == ["gradebook.csv", "gradebook.png"]
    assert list(graded["tmp"].iterdir()) == [], "the grader left temporary files behind"
    assert list(graded["outside"].iterdir()) == []
    assert not (ROOT / f"{MARK}.txt").exists()
    assert not Path(f"/root/{MARK}.txt").exists()


def test_gradebook_columns(graded):
    row = graded["csv"]["solution.ipynb"]
    for col in ["student_id", "file", "status", *POINTS, "autograded_points", "autograded_possible",
                "manual_possible", "reasons", "notes", "review_flags"]:
        assert col in row
    manual = [q for q in QUESTIONS if q.manual]
    assert manual and all(row[q.name] == "" for q in manual)
    assert float(row["manual_possible"]) == sum(q.points for q in manual)
    assert "to grade by hand" in row["reasons"]


def test_chart_is_written(graded):
    png = graded["results"] / "gradebook.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


# --------------------------------------------------------------------------- each submission

def test_solution_scores_full_marks(graded):
    row = graded["csv"]["solution.ipynb"]
    assert row["status"] == "graded", row
    assert total(row) == POSSIBLE
    assert all(float(row[q.name]) == q.points for q in AUTO)


def test_unanswered_scores_zero_with_reasons(graded):
    row = graded["csv"]["unanswered.ipynb"]
    assert row["status"] == "graded" and total(row) == 0
    for q in AUTO:
        assert f"{q.name} (-{q.points:g})" in row["reasons"]
    assert "Traceback" not in row["reasons"]


@pytest.mark.parametrize("name, words", [
    ("empty.ipynb", "empty"),
    ("invalid_json.ipynb", "not valid JSON"),
    ("other_chapter.ipynb", "'ch03'"),
    ("not_a_notebook.py", ".ipynb"),
])
def test_unreadable_or_wrong_files_are_not_run(graded, name, words):
    row = graded["csv"][name]
    assert row["status"] == "not graded" and total(row) == 0
    assert words in row["reasons"]


def test_infinite_loop_is_stopped_at_the_time_limit(graded):
    row = graded["csv"]["infinite_loop.ipynb"]
    assert row["status"] == "timed out" and total(row) == 0
    assert f"within {TIMEOUT} s" in row["reasons"]
    assert float(row["seconds"]) < TIMEOUT + 15


def test_sys_exit_does_not_stop_grading(graded):
    row = graded["csv"]["sys_exit.ipynb"]
    assert row["status"] == "graded" and total(row) == POSSIBLE
    assert "SystemExit" in row["notes"]


def test_killing_the_kernel_gets_a_reason(graded):
    row = graded["csv"]["kernel_exit.ipynb"]
    assert row["status"] == "not graded" and total(row) == 0
    assert "stopped before it could be graded" in row["reasons"]


def test_a_raising_cell_costs_only_its_question(graded):
    row = graded["csv"]["raises.ipynb"]
    assert float(row["q1"]) == 0 and total(row) == POSSIBLE - POINTS["q1"]
    assert row["reasons"].startswith("q1 (-")
    assert "RuntimeError: I give up" in row["notes"]


def test_enormous_output_is_graded(graded):
    row = graded["csv"]["enormous_output.ipynb"]
    assert row["status"] == "graded" and total(row) == POSSIBLE


def test_redefining_the_grader_is_flagged_and_scores_zero(graded):
    row = graded["csv"]["redefines_grader.ipynb"]
    assert row["status"] == "flagged" and total(row) == 0
    assert "tampers with grading" in row["reasons"]
    assert "grader.check" in row["review_flags"] and "multipolar.checks.expect_number" in row["review_flags"]


def test_editing_test_files_is_stopped_by_the_sandbox(graded):
    row = graded["csv"]["edits_tests.ipynb"]
    assert row["status"] == "graded" and total(row) == 0, row
    assert "Read-only file system" in row["notes"]
    assert ".remove()" in row["review_flags"]


def test_writing_outside_the_working_folder_fails(graded):
    row = graded["csv"]["writes_outside.ipynb"]
    assert row["status"] == "graded" and total(row) == POSSIBLE
    assert row["notes"].count("code cell") >= 3


def test_hidden_tests_catch_hard_coded_answers(graded):
    row = graded["csv"]["hardcoded.ipynb"]
    assert 0 < float(row["q2"]) < POINTS["q2"]
    assert "q2 (-" in row["reasons"] and "any year" in row["reasons"]
    assert total(row) == POSSIBLE - (POINTS["q2"] - float(row["q2"]))


def test_scores_agree_with_otter_run(graded, tmp_path):
    """The grader's driver uses otter's grading mode; `otter run` must give the same points."""
    shutil.copy(graded["subs"] / "hardcoded.ipynb", tmp_path / "hardcoded.ipynb")
    (tmp_path / "out").mkdir()
    subprocess.run([sys.executable, "-m", "otter", "run", "--no-logo", "-a",
                    str(graded["generated"] / f"{ASSIGNMENT}-autograder.zip"), "-o", "out", "hardcoded.ipynb"],
                   cwd=tmp_path, capture_output=True, timeout=120, check=True)
    otter = {t["name"]: t["score"] for t in json.loads((tmp_path / "out" / "results.json").read_text())["tests"]
             if "score" in t}
    ours = graded["csv"]["hardcoded.ipynb"]
    assert {q.name: float(ours[q.name]) for q in AUTO} == {q.name: float(otter[q.name]) for q in AUTO}


# --------------------------------------------------------------------------- command line (fast)

def _main(argv, capsys):
    code = grader_module.main(argv)
    return code, capsys.readouterr().err


def test_refuses_to_overwrite_an_existing_gradebook(tmp_path, capsys):
    (tmp_path / "subs").mkdir()
    out = tmp_path / "gradebook.csv"
    out.write_text("precious")
    code, err = _main([str(tmp_path / "subs"), "--assignment", ASSIGNMENT, "--out", str(out)], capsys)
    assert code == 2 and "already exists" in err and "--force" in err and "Traceback" not in err
    assert out.read_text() == "precious"


def test_refuses_without_bubblewrap_and_says_how_to_install(tmp_path, capsys, monkeypatch):
    (tmp_path / "subs").mkdir()
    monkeypatch.setattr(grader_module.shutil, "which", lambda name: None)
    code, err = _main([str(tmp_path / "subs"), "--assignment", ASSIGNMENT, "--out", str(tmp_path / "g.csv")], capsys)
    assert code == 2 and "apt-get install bubblewrap" in err and "--unsafe-no-sandbox" in err
    assert not (tmp_path / "g.csv").exists()


@pytest.mark.parametrize("args, words", [
    (["missing-folder", "--assignment", ASSIGNMENT], "does not exist"),
    (["SUBS", "--assignment", "ch99"], "no exercise set called 'ch99'"),
    (["SUBS", "--assignment", ASSIGNMENT, "--workers", "0"], "--workers"),
])
def test_bad_arguments_get_a_plain_message(tmp_path, capsys, args, words):
    (tmp_path / "SUBS").mkdir()
    argv = [str(tmp_path / a) if a in ("SUBS", "missing-folder") else a for a in args]
    code, err = _main(argv + ["--out", str(tmp_path / "g.csv")], capsys)
    assert code == 2 and words in err and "Traceback" not in err


# --------------------------------------------------------------------------- every other exercise set

OTHER_SETS = sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb") if p.stem != ASSIGNMENT)


@pytest.mark.parametrize("assignment", OTHER_SETS)
def test_every_exercise_set_solution_full_marks_unanswered_zero(assignment, generated, tmp_path):
    """(chapter 2 is covered by the corpus above)"""
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copy(generated / f"{assignment}-solution.ipynb", subs / "solution.ipynb")
    shutil.copy(ROOT / "exercises" / f"{assignment}.ipynb", subs / "unanswered.ipynb")
    rows = {r["file"]: r for r in grader_module.grade(
        subs, assignment, tmp_path / "gradebook.csv", workers=2, timeout=60, quiet=True,
        autograder=generated / f"{assignment}-autograder.zip")}
    questions = grader_module.master_questions(ROOT / "solutions" / f"{assignment}.ipynb")
    possible = sum(q.points for q in questions if not q.manual)
    assert possible > 0
    assert rows["solution.ipynb"]["status"] == "graded", rows["solution.ipynb"]
    assert float(rows["solution.ipynb"]["autograded_points"]) == possible, rows["solution.ipynb"]["reasons"]
    assert float(rows["unanswered.ipynb"]["autograded_points"]) == 0
    assert rows["solution.ipynb"]["review_flags"] == "", "the solution should not look like tampering"
