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
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

from multipolar import grade as grader_module
from multipolar import tables

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "ch02"
TIMEOUT = (
    40  # seconds per notebook in the test run (the loop that ignores interrupts costs this much)
)
CELL_TIMEOUT = 8  # seconds per cell (the endless loop in one question costs this much)
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
        pytest.fail(
            "the grading tests need bubblewrap: run `bash scripts/setup_system.sh` as root "
            "(or set MULTIPOLAR_SKIP_SANDBOX_TESTS=1 to skip them knowingly).\n" + why,
            pytrace=False,
        )


# --------------------------------------------------------------------------- corpus


def _code(src):
    return nbformat.v4.new_code_cell(src)


def _insert_after_imports(nb, *cells):
    """Put cells right after the notebook's first import cell (so they run before the answers)."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    idx = next(
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and "from multipolar import" in c.source
    )
    nb.cells[idx + 1 : idx + 1] = list(cells)
    return nb


def _replace_answer(nb, contains, new_source):
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    hits = [c for c in nb.cells if c.cell_type == "code" and contains in c.source]
    assert len(hits) == 1, f"expected one cell containing {contains!r}"
    hits[0].source = new_source
    return nb


#: Each attack: (base notebook, cells inserted after the imports, the score it deserves).
#: "unanswered" is the real student notebook of the set, so every attack on it deserves 0;
#: attacks on the solution must not cost it its honest points.
SECRET = "SECRET-" + "8d1f3a"  # written outside the sandbox; must never reach the gradebook
ATTACKS = {
    # forging the results, by every path the notebook can discover
    "forge_results_everywhere": (
        "unanswered",
        [
            "import json, os\n"
            "full = {q: {'score': 99.0, 'possible': 3.0, 'cases': []} for q in ['q1', 'q2', 'q3', 'q4']}\n"
            "paths = {os.getcwd(), os.path.expanduser('~'), '/tmp'}\n"
            "for pid in os.listdir('/proc'):\n"
            "    try:\n"
            "        args = open(f'/proc/{pid}/cmdline', 'rb').read().split(b'\\0')\n"
            "    except OSError:\n"
            "        continue\n"
            "    paths |= {a.decode(errors='ignore') for a in args if a.startswith(b'/')}\n"
            "for p in sorted(paths):\n"
            "    for folder in {p, os.path.dirname(p)}:\n"
            "        for name in ['results.json', 'answers.json', 'scores.json']:\n"
            "            try:\n"
            "                json.dump(full, open(os.path.join(folder, name), 'w'))\n"
            "            except OSError:\n"
            "                pass\n"
            "os.write(1, json.dumps({str(i): {'results': full} for i in range(50)}).encode())",
            # the answers file itself: written by code that runs beside the notebook
            "import json\n"
            "_real_dumps = json.dumps\n"
            "json.dumps = lambda obj, **kw: _real_dumps({'values': {}, 'results': {'q1': {'score': 3}}})",
        ],
        0,
    ),
    "poisons_the_answers_file": (
        "unanswered",
        [
            "import json\njson.dumps = lambda obj, **kw: '[' * 200000",
        ],
        0,
    ),
    # reading the solutions, tests or autograder and running them
    "runs_the_solutions": (
        "unanswered",
        [
            "import glob, json, os\n"
            "import multipolar\n"
            "root = os.path.dirname(os.path.dirname(multipolar.__file__))\n"
            "found = glob.glob(root + '/solutions/*.ipynb') + glob.glob(root + '/tests/*.py')\n"
            "for top in [root, '/tmp', os.getcwd(), '/work', '/home', '/root', '/']:\n"
            "    for folder, dirs, files in os.walk(top):\n"
            "        dirs[:] = [d for d in dirs if d not in {'usr', 'proc', 'sys', 'dev', 'lib', 'site-packages'}]\n"
            "        found += [os.path.join(folder, f) for f in files if f.endswith(('.ipynb', '.zip'))\n"
            "                  or (f.startswith('q') and f.endswith('.py'))]\n"
            "for path in found:\n"
            "    if os.path.dirname(os.path.abspath(path)) == os.getcwd():\n"
            "        continue  # this notebook itself\n"
            "    try:\n"
            "        cells = json.load(open(path))['cells']\n"
            "    except Exception:\n"
            "        continue\n"
            "    for cell in cells:\n"
            "        if cell['cell_type'] == 'code' and 'SOLUTION' in ''.join(cell['source']):\n"
            "            try:\n"
            "                exec(''.join(cell['source']), globals())\n"
            "            except Exception:\n"
            "                pass",
        ],
        0,
    ),
    # replacing the answer checks
    "replaces_the_checks": (
        "unanswered",
        [
            "import gc, sys\n"
            "name = 'multi' + 'polar'\n"
            "checks = vars(__import__(name, fromlist=['checks']))['checks']\n"
            "for attr in [a for a in dir(checks) if a.startswith(('expect', 'guard', 'call', 'line', 'bars'))]:\n"
            "    setattr(checks, attr, lambda *a, **k: None)\n"
            "sys.modules[name + '.checks'].__dict__['guard'] = lambda *a, **k: None\n"
            "for obj in gc.get_objects():\n"
            "    if isinstance(obj, dict) and 'expect_close' in obj:\n"
            "        obj['expect_close'] = lambda *a, **k: None\n"
            "sys.modules['otter'] = checks",
        ],
        0,
    ),
    "patches_the_libraries": (
        "unanswered",
        [
            "import builtins, math, numpy, pandas.testing\n"
            "math.isclose = lambda *a, **k: True\n"
            "numpy.isclose = numpy.allclose = lambda *a, **k: True\n"
            "pandas.testing.assert_frame_equal = lambda *a, **k: None\n"
            "builtins.abs = lambda x: 0\n"
            "builtins.isinstance = lambda *a: True",
        ],
        0,
    ),
    # reading files outside the working folder, to print them into the gradebook
    "prints_secrets_into_the_gradebook": (
        "unanswered",
        [
            "import glob, os\n"
            "leaks = ['PIDS=%d' % len([p for p in os.listdir('/proc') if p.isdigit()])]\n"
            "for path in (SECRET_PATHS + ['/etc/passwd', '/etc/shadow', '/root/.bash_history']\n"
            "             + glob.glob('/home/*/*') + glob.glob('/root/*')):\n"
            "    try:\n"
            "        leaks.append(open(path).read())\n"
            "    except Exception:\n"
            "        pass\n"
            "leaks.append(repr(dict(os.environ)))\n"
            "for pid in os.listdir('/proc'):\n"
            "    try:\n"
            "        leaks.append(open(f'/proc/{pid}/cmdline').read())\n"
            "    except OSError:\n"
            "        pass\n"
            "raise ValueError('\\x1b[31m' + ' | '.join(leaks).replace('\\n', ' '))",
            "def us_share(vintage, year):\n"
            "    raise ValueError('\\n'.join(open(p).read() for p in SECRET_PATHS))\n"
            "q2_share_2015 = open(SECRET_PATHS[0]).read()",
        ],
        0,
    ),
    # processes, memory and threads
    "fork_bomb": (
        "solution",
        [
            "import os, subprocess\n"
            "refused = []\n"
            "for i in range(10_000):\n"
            "    try:\n"
            "        if os.fork() == 0:\n"
            "            while True:\n"
            "                pass\n"
            "    except OSError as exc:\n"
            "        refused.append(exc)\n"
            "        break\n"
            "try:\n"
            "    subprocess.Popen(['sleep', '1000'])\n"
            "except OSError as exc:\n"
            "    refused.append(exc)",
        ],
        "full",
    ),
    "memory_hog": (
        "solution",
        [
            "import numpy\nhog = []\nwhile True:\n    hog.append(numpy.empty(2**30, dtype='uint8'))",
            "del hog",
        ],
        "full",
    ),
    "thread_that_never_ends": (
        "solution",
        [
            "import threading, time\n"
            "def _forever():\n"
            "    while True:\n"
            "        time.sleep(0.01)\n"
            "threading.Thread(target=_forever).start()",
        ],
        "full",
    ),
    # ending the process
    "kills_the_kernel": (
        "unanswered",
        ["import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"],
        0,
    ),
    "os_exit": ("unanswered", ["import os\nos._exit(0)"], 0),
    "sys_exit": ("solution", ["import sys\nsys.exit('bye')"], "full"),
    # enormous output
    "enormous_output": (
        "solution",
        [
            "for i in range(300):\n    print('x' * 100_000)",
            "import os\nfor i in range(100):\n    os.write(1, b'y' * 1_000_000)",
        ],
        "full",
    ),
    # loops
    "endless_loop_in_one_question": ("solution", "q1_loop", "full-q1"),
    "loop_that_ignores_interrupts": (
        "unanswered",
        [
            "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass",
        ],
        0,
    ),
}


def _attack(base, cells, secret_paths):
    nb = _insert_after_imports(
        base, *[_code(c.replace("SECRET_PATHS", repr(secret_paths))) for c in cells]
    )
    return nb


def build_corpus(
    folder: Path, student: Path, solution: Path, outside: Path, secret_paths: list[str]
) -> dict[str, str]:
    """Write the corpus from the real student and solution notebooks; return {file: expected}."""
    stu = nbformat.read(student, as_version=4)
    sol = nbformat.read(solution, as_version=4)
    bases = {"unanswered": stu, "solution": sol}
    files: dict[str, object] = {}
    expected: dict[str, object] = {}
    files["solution.ipynb"], expected["solution.ipynb"] = sol, "full"
    files["unanswered.ipynb"], expected["unanswered.ipynb"] = stu, 0
    files["Alice Smith (1).ipynb"], expected["Alice Smith (1).ipynb"] = (
        sol,
        "full",
    )  # a renamed notebook
    for name, (base, cells, deserved) in ATTACKS.items():
        if cells == "q1_loop":  # the loop sits in the cell that computes q1's answers
            q1 = next(
                c.source
                for c in sol.cells
                if c.cell_type == "code" and "q1_multiple_2015 =" in c.source
            )
            nb = _replace_answer(sol, "q1_multiple_2015 =", "while True:\n    pass\n" + q1)
        else:
            nb = _attack(bases[base], cells, secret_paths)
        files[f"{name}.ipynb"], expected[f"{name}.ipynb"] = nb, deserved
    for name, content in {
        "empty.ipynb": b"",
        "invalid_json.ipynb": b'{"cells": [{"cell_type": "code"',
        "not_a_notebook.py": b"print('I handed in a script')\n",
    }.items():
        files[name], expected[name] = content, 0
    other = nbformat.from_dict(json.loads(json.dumps(stu)))
    other.metadata["otter"]["assignment_name"] = "ch03"
    files["other_chapter.ipynb"], expected["other_chapter.ipynb"] = other, 0
    files["raises.ipynb"] = _replace_answer(
        sol, "q1_multiple_2015 =", "raise RuntimeError('I give up')"
    )
    expected["raises.ipynb"] = "full-q1"
    files["redefines_grader.ipynb"], expected["redefines_grader.ipynb"] = (
        _insert_after_imports(
            stu,
            _code(
                "from otter.test_files import abstract_test, exception_test\n"
                "def _all_pass(self, env):\n"
                "    self.test_case_results = [abstract_test.TestCaseResult(test_case=tc, message='ok', passed=True)\n"
                "                              for tc in self.test_cases]\n"
                "exception_test.ExceptionTestFile.run = _all_pass\n"
                "grader.check = lambda *args, **kwargs: None\n"
                "import multipolar.checks\n"
                "multipolar.checks.expect_number = lambda *args, **kwargs: 1.0"
            ),
        ),
        0,
    )
    files["edits_tests.ipynb"], expected["edits_tests.ipynb"] = (
        _insert_after_imports(
            stu,
            _code(
                "import glob, os\n"
                "for where in ['../te' + 'sts/*.py', '/tmp/**/*.py', os.path.expanduser('~/../**/*.py')]:\n"
                "    for path in glob.glob(where, recursive=True):\n"
                "        try:\n"
                "            open(path, 'w').write('OK_FORMAT = False\\nname = \"q1\"\\npoints = 3\\n')\n"
                "        except OSError:\n"
                "            pass"
            ),
        ),
        0,
    )
    files["writes_outside.ipynb"] = _insert_after_imports(
        sol,
        _code(f"open({str(ROOT / (MARK + '.txt'))!r}, 'w').write('x')"),
        _code(f"open('/root/{MARK}.txt', 'w').write('x')"),
        _code(f"open({str(outside / (MARK + '.txt'))!r}, 'w').write('x')"),
    )
    expected["writes_outside.ipynb"] = "full"
    # Hard-coded answers: right for the years asked, so the public check and 2013 values pass;
    # the hidden test that calls the function for other years must catch it.
    typed = {
        v: float(tables.world_shares({"US": "USA"}, v, [2013])["share_pct"].iloc[0])
        for v in ("wdi-2015-08", "wdi-2026-07")
    }
    files["hardcoded.ipynb"] = _replace_answer(
        sol,
        "def us_share(",
        (
            f"def us_share(vintage, year):\n    return {typed!r}[vintage]\n\n"
            "q2_share_2015 = us_share('wdi-2015-08', 2013)\nq2_share_latest = us_share('wdi-2026-07', 2013)"
        ),
    )
    expected["hardcoded.ipynb"] = "hidden-q2"
    # Typed-in numbers: the values the question asks to compute, typed in (rounded as a student
    # copying them from a printout would).
    multiples = {
        v: round(float(tables.growth_multiple(tables.series("CHN", v), 1980, 2013)), 2)
        for v in ("wdi-2015-08", "wdi-2026-07")
    }
    files["typed_in.ipynb"] = _replace_answer(
        sol,
        "q1_multiple_2015 =",
        (
            f"q1_multiple_2015 = {multiples['wdi-2015-08']!r}\nq1_multiple_latest = {multiples['wdi-2026-07']!r}"
        ),
    )
    expected["typed_in.ipynb"] = "full-q1"
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            nbformat.write(content, folder / name)
    return expected


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "dir"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercise-build")
    spec = importlib.util.spec_from_file_location(
        "make_exercises", ROOT / "scripts" / "make_exercises.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (
        module.main(["--no-run-tests", "--exercises-dir", str(out), "--autograder-dir", str(out)])
        == 0
    )
    return out


def _grading_processes() -> list[str]:
    """Command lines of grading processes still running (there must be none after a run)."""
    out = []
    for pid in os.listdir("/proc"):
        try:
            cmd = (
                Path(f"/proc/{pid}/cmdline")
                .read_bytes()
                .replace(b"\0", b" ")
                .decode(errors="replace")
            )
        except OSError:
            continue
        if "multipolar.grade.phase" in cmd or "multipolar.grade.calibrate" in cmd:
            out.append(cmd)
    return out


@pytest.fixture(scope="module")
def graded(generated, tmp_path_factory):
    """Grade the whole corpus once; return what the tests need to check."""
    base = tmp_path_factory.mktemp("grading")
    subs, results, outside, tmp = (
        base / "submissions",
        base / "results",
        base / "outside",
        base / "tmp",
    )
    for d in (subs, results, outside, tmp):
        d.mkdir()
    secret_file = base / "instructor-secret.txt"
    secret_file.write_text(SECRET)
    secret_paths = [
        str(secret_file),
        str(ROOT / "solutions" / f"{ASSIGNMENT}.ipynb"),
        str(ROOT / "README.md"),
    ]
    expected = build_corpus(
        subs,
        ROOT / "exercises" / f"{ASSIGNMENT}.ipynb",
        generated / f"{ASSIGNMENT}-solution.ipynb",
        outside,
        secret_paths,
    )
    before = _fingerprint(subs)
    old_tempdir = tempfile.tempdir
    old_env = os.environ.get("MULTIPOLAR_TEST_SECRET")
    tempfile.tempdir = str(tmp)  # everything the grader writes must go here, and be gone after
    os.environ["MULTIPOLAR_TEST_SECRET"] = (
        SECRET  # the grader's environment must not reach a submission
    )
    try:
        rows = grader_module.grade(
            subs,
            ASSIGNMENT,
            results / "gradebook.csv",
            workers=2,
            timeout=TIMEOUT,
            cell_timeout=CELL_TIMEOUT,
            memory_mb=2048,
            quiet=True,
            autograder=generated / f"{ASSIGNMENT}-autograder.zip",
        )
    finally:
        tempfile.tempdir = old_tempdir
        if old_env is None:
            os.environ.pop("MULTIPOLAR_TEST_SECRET", None)
        else:
            os.environ["MULTIPOLAR_TEST_SECRET"] = old_env
    left = _grading_processes()
    text = (results / "gradebook.csv").read_text(encoding="utf-8")
    with open(results / "gradebook.csv", newline="", encoding="utf-8") as f:
        csv_rows = {r["file"]: r for r in csv.DictReader(f)}
    return {
        "rows": {r["file"]: r for r in rows},
        "csv": csv_rows,
        "text": text,
        "expected": expected,
        "subs": subs,
        "before": before,
        "results": results,
        "outside": outside,
        "tmp": tmp,
        "generated": generated,
        "left": left,
    }


def total(row) -> float:
    return float(row["autograded_points"])


def deserved(what) -> dict[str, float]:
    """The points per question an honest notebook of this kind earns."""
    if what == 0:
        return {q.name: 0.0 for q in AUTO}
    full = {q.name: q.points for q in AUTO}
    if isinstance(what, str) and what.startswith("full-"):
        full[what[5:]] = 0.0
    return full


# --------------------------------------------------------------------------- the run as a whole


def test_every_submission_gets_exactly_one_row(graded):
    assert sorted(graded["csv"]) == sorted(graded["expected"])
    for name, row in graded["csv"].items():
        assert row["student_id"] == (name.rsplit(".", 1)[0] if name.endswith(".ipynb") else name)
        assert row["reasons"] or row["notes"], f"{name}: no reason given"


@pytest.mark.parametrize(
    "name",
    sorted(n for n, e in ATTACKS.items())
    + [
        "solution",
        "unanswered",
        "Alice Smith (1)",
        "redefines_grader",
        "edits_tests",
        "writes_outside",
        "raises",
        "typed_in",
        "empty",
        "invalid_json",
        "other_chapter",
    ],
)
def test_every_attack_scores_what_its_honest_answers_deserve(graded, name):
    file = name + ".ipynb"
    row = graded["csv"][file]
    want = deserved(graded["expected"][file])
    got = {q.name: float(row[q.name]) for q in AUTO}
    assert got == want, (
        f"{file}: {row['status']}; {row['reasons'][:600]}; notes: {row['notes'][:300]}"
    )


def test_submissions_folder_is_byte_identical_after_grading(graded):
    assert _fingerprint(graded["subs"]) == graded["before"]


def test_nothing_written_outside_the_temporary_folder_and_outputs(graded):
    assert sorted(p.name for p in graded["results"].iterdir()) == ["gradebook.csv", "gradebook.png"]
    assert list(graded["tmp"].iterdir()) == [], "the grader left temporary files behind"
    assert list(graded["outside"].iterdir()) == []
    assert not (ROOT / f"{MARK}.txt").exists()
    assert not Path(f"/root/{MARK}.txt").exists()


def test_no_process_outlives_the_run(graded):
    assert graded["left"] == []


def test_the_gradebook_carries_no_secrets(graded):
    text = graded["text"]
    assert SECRET not in text, "a file or variable from outside the sandbox reached the gradebook"
    assert "BEGIN SOLUTION" not in text and "otter assign" not in text.lower()
    row = graded["csv"]["prints_secrets_into_the_gradebook.ipynb"]
    assert "ValueError" in row["notes"]  # the student's own error is still reported ...
    visible = int(re.search(r"PIDS=(\d+)", row["notes"]).group(1))
    assert 1 <= visible <= 3, "processes outside the sandbox were visible in /proc"
    for field_ in (
        "reasons",
        "notes",
        "review_flags",
    ):  # ... cut short, on one line, without control characters
        for r in graded["csv"].values():
            assert not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in r[field_]), (
                r["file"],
                field_,
            )
            assert len(r[field_]) <= 4000, (r["file"], field_)


def test_gradebook_columns(graded):
    row = graded["csv"]["solution.ipynb"]
    for col in [
        "student_id",
        "file",
        "status",
        *POINTS,
        "autograded_points",
        "autograded_possible",
        "manual_possible",
        "reasons",
        "notes",
        "review_flags",
    ]:
        assert col in row
    manual = [q for q in QUESTIONS if q.manual]
    assert manual and all(row[q.name] == "" for q in manual)
    assert float(row["manual_possible"]) == sum(q.points for q in manual)
    assert "to grade by hand" in row["reasons"]


def test_chart_shows_the_class_results(graded):
    from PIL import Image

    png = graded["results"] / "gradebook.png"
    info = Image.open(png).info
    n = len(graded["csv"])
    assert f"how many of {n} submissions" in info["Description"]
    full_q1 = sum(float(r["q1"]) == POINTS["q1"] for r in graded["csv"].values())
    assert f"q1: {full_q1} full" in info["Description"]


# --------------------------------------------------------------------------- what each row says


def test_solution_and_unanswered(graded):
    sol, una = graded["csv"]["solution.ipynb"], graded["csv"]["unanswered.ipynb"]
    assert sol["status"] == "graded" and total(sol) == POSSIBLE and sol["review_flags"] == ""
    assert una["status"] == "graded" and total(una) == 0
    for q in AUTO:
        assert f"{q.name} (-{q.points:g})" in una["reasons"]
    assert "Traceback" not in una["reasons"]


@pytest.mark.parametrize(
    "name, words",
    [
        ("empty.ipynb", "empty"),
        ("invalid_json.ipynb", "not valid JSON"),
        ("other_chapter.ipynb", "'ch03'"),
        ("not_a_notebook.py", ".ipynb"),
    ],
)
def test_unreadable_or_wrong_files_are_not_run(graded, name, words):
    row = graded["csv"][name]
    assert row["status"] == "not graded" and total(row) == 0
    assert words in row["reasons"]


def test_an_endless_loop_costs_only_its_question(graded):
    row = graded["csv"]["endless_loop_in_one_question.ipynb"]
    assert row["status"] == "graded"
    assert "allowed per cell" in row["notes"] and "stopped" in row["notes"]
    assert "q1 (-3)" in row["reasons"] and "stopped with TimeoutError" in row["reasons"]


def test_a_loop_that_ignores_interrupts_is_stopped_at_the_notebook_limit(graded):
    row = graded["csv"]["loop_that_ignores_interrupts.ipynb"]
    assert row["status"] == "timed out" and total(row) == 0
    assert f"within {TIMEOUT:g} s" in row["reasons"] and "code cell" in row["reasons"]


@pytest.mark.parametrize("name", ["kills_the_kernel.ipynb", "os_exit.ipynb"])
def test_ending_the_process_gets_a_reason(graded, name):
    row = graded["csv"][name]
    assert row["status"] == "not graded" and total(row) == 0
    assert "ended its own Python process" in row["reasons"]


def test_sys_exit_is_a_cell_error(graded):
    assert "SystemExit" in graded["csv"]["sys_exit.ipynb"]["notes"]


def test_a_raising_cell_costs_only_its_question(graded):
    row = graded["csv"]["raises.ipynb"]
    assert row["reasons"].startswith("q1 (-")
    assert "RuntimeError: I give up" in row["notes"]


def test_tampering_is_flagged_for_review(graded):
    row = graded["csv"]["redefines_grader.ipynb"]
    assert (
        "grader.check" in row["review_flags"]
        and "multipolar.checks.expect_number" in row["review_flags"]
    )
    assert "setattr" in graded["csv"]["replaces_the_checks.ipynb"]["review_flags"]


def test_writing_outside_the_working_folder_fails(graded):
    """Writing to /root or to another folder fails inside the sandbox. (Writing into the
    repository's path fails too, unless the repository lives under /tmp: the write then lands in
    the sandbox's own private /tmp, which is gone at the end; the real file is never made, as
    test_nothing_written_outside_the_temporary_folder_and_outputs checks.)"""
    row = graded["csv"]["writes_outside.ipynb"]
    assert "Read-only file system: '/root/" in row["notes"], row["notes"]
    assert "outside/HACKED_BY_SUBMISSION.txt" in row["notes"], row["notes"]
    assert row["notes"].count("code cell") == (2 if ROOT.is_relative_to("/tmp") else 3), row[
        "notes"
    ]


def test_fork_bomb_and_memory_hog_are_stopped(graded):
    assert "MemoryError" in graded["csv"]["memory_hog.ipynb"]["notes"]


def test_hidden_tests_catch_hard_coded_answers(graded):
    row = graded["csv"]["hardcoded.ipynb"]
    assert 0 < float(row["q2"]) < POINTS["q2"]
    assert "q2 (-" in row["reasons"] and "any year" in row["reasons"]
    assert total(row) == POSSIBLE - (POINTS["q2"] - float(row["q2"]))


def test_typed_in_values_are_withheld_for_review(graded):
    row = graded["csv"]["typed_in.ipynb"]
    assert row["status"] == "flagged"
    assert "q1 (-3 withheld): typed-in value; review by hand" in row["reasons"]
    assert "q1_multiple_2015 = " in row["reasons"]


# --------------------------------------------------------------------------- command line (fast)


def _main(argv, capsys):
    code = grader_module.main(argv)
    return code, capsys.readouterr().err


def test_refuses_to_overwrite_an_existing_gradebook(tmp_path, capsys):
    (tmp_path / "subs").mkdir()
    out = tmp_path / "gradebook.csv"
    out.write_text("precious")
    code, err = _main(
        [str(tmp_path / "subs"), "--assignment", ASSIGNMENT, "--out", str(out)], capsys
    )
    assert code == 2 and "already exists" in err and "--force" in err and "Traceback" not in err
    assert out.read_text() == "precious"


def test_refuses_without_bubblewrap_and_says_how_to_install(tmp_path, capsys, monkeypatch):
    (tmp_path / "subs").mkdir()
    monkeypatch.setattr("shutil.which", lambda name: None)
    code, err = _main(
        [str(tmp_path / "subs"), "--assignment", ASSIGNMENT, "--out", str(tmp_path / "g.csv")],
        capsys,
    )
    assert code == 2 and "apt-get install bubblewrap" in err and "--unsafe-no-sandbox" in err
    assert not (tmp_path / "g.csv").exists()


def test_command_line_options_reach_grade(tmp_path, monkeypatch):
    from multipolar.grade import cli

    seen = {}
    monkeypatch.setattr(cli, "grade", lambda *a, **k: seen.update(args=a, kwargs=k) or [])
    code = cli.main(
        [
            str(tmp_path),
            "--assignment",
            "ch05",
            "--out",
            "x.csv",
            "--chart",
            "c.png",
            "--workers",
            "3",
            "--timeout",
            "77",
            "--cell-timeout",
            "9",
            "--memory-mb",
            "1500",
            "--max-mb",
            "7",
            "--autograder",
            "a.zip",
            "--force",
            "--unsafe-no-sandbox",
            "--quiet",
        ]
    )
    assert code == 0 and seen["args"] == (tmp_path, "ch05", Path("x.csv"))
    assert seen["kwargs"] == {
        "chart": Path("c.png"),
        "workers": 3,
        "timeout": 77.0,
        "cell_timeout": 9.0,
        "force": True,
        "sandbox": False,
        "autograder": Path("a.zip"),
        "memory_mb": 1500,
        "max_mb": 7.0,
        "quiet": True,
    }
    cli.main([str(tmp_path), "--assignment", "ch05"])
    assert seen["kwargs"]["sandbox"] is True and seen["kwargs"]["timeout"] == 60.0
    assert seen["kwargs"]["cell_timeout"] == 20.0 and seen["kwargs"]["force"] is False


@pytest.mark.parametrize(
    "args, words",
    [
        (["missing-folder", "--assignment", ASSIGNMENT], "does not exist"),
        (["SUBS", "--assignment", "ch99"], "no exercise set called 'ch99'"),
        (["SUBS", "--assignment", ASSIGNMENT, "--workers", "0"], "--workers"),
        (["SUBS", "--assignment", ASSIGNMENT, "--timeout", "0"], "--timeout"),
        (["SUBS", "--assignment", ASSIGNMENT, "--cell-timeout", "nan"], "--cell-timeout"),
        (["SUBS", "--assignment", ASSIGNMENT, "--memory-mb", "10"], "--memory-mb"),
    ],
)
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
    rows = {
        r["file"]: r
        for r in grader_module.grade(
            subs,
            assignment,
            tmp_path / "gradebook.csv",
            workers=2,
            timeout=60,
            quiet=True,
            autograder=generated / f"{assignment}-autograder.zip",
        )
    }
    questions = grader_module.master_questions(ROOT / "solutions" / f"{assignment}.ipynb")
    possible = sum(q.points for q in questions if not q.manual)
    assert possible > 0
    assert rows["solution.ipynb"]["status"] == "graded", rows["solution.ipynb"]
    assert float(rows["solution.ipynb"]["autograded_points"]) == possible, rows["solution.ipynb"][
        "reasons"
    ]
    assert float(rows["unanswered.ipynb"]["autograded_points"]) == 0
    assert rows["solution.ipynb"]["review_flags"] == "", (
        "the solution should not look like tampering"
    )
