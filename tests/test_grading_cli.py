"""Fast unit tests of the grader's own process (multipolar/grade/cli.py): no sandbox, no student code.

What runs in the sandbox (phase 1, phase 2, the calibration) is replaced by stubs that write what
those processes write; the slow corpus in tests/test_grading.py grades real notebooks end to end.
Here: the command line's options reach ``grade()``, every refusal is a sentence, each gradebook
column and reason is what the instructor reads, and ``clean()`` keeps a submission's text safe.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import nbformat
import pytest
from matplotlib.colors import to_hex

from multipolar.grade import cli
from multipolar.grade.assignment import SOLUTIONS, GradingError, Question, master_questions

ASSIGNMENT = "ch02"
MASTER = SOLUTIONS / f"{ASSIGNMENT}.ipynb"
QUESTIONS = master_questions(MASTER)
AUTO = [q for q in QUESTIONS if not q.manual]
MANUAL = [q for q in QUESTIONS if q.manual]


# --------------------------------------------------------------------------- clean()


def test_clean_removes_colour_codes_and_control_characters_and_joins_lines():
    text = "\x1b[31mValueError\x1b[0m:\tbad\r\nvalue\x00 here\x1bM\u202eevil\u200b!"
    assert cli.clean(text) == "ValueError: bad value here evil !"


def test_clean_keeps_text_up_to_the_limit_and_cuts_longer_text_with_an_ellipsis():
    exact = "x" * cli.MAX_TEXT
    assert cli.clean(exact) == exact
    longer = cli.clean("y" * (cli.MAX_TEXT + 1))
    assert len(longer) == cli.MAX_TEXT and longer == "y" * (cli.MAX_TEXT - 1) + "…"
    assert cli.clean("abcdef", 4) == "abc…"
    assert cli.clean("abcd", 4) == "abcd"
    assert cli.clean(ValueError("not a string")) == "not a string"


def test_student_id_is_the_file_name_without_ipynb():
    assert cli.student_id(Path("subs/alice.ipynb")) == "alice"
    assert cli.student_id(Path("Bob.IPYNB")) == "Bob"
    assert cli.student_id(Path("notes.txt")) == "notes.txt"


# --------------------------------------------------------------------------- check_notebook()


def _nb(assignment=ASSIGNMENT, cells=("x = 1",)):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    if assignment is not None:
        nb.metadata["otter"] = {"assignment_name": assignment}
    return nb


def _write_nb(path, nb):
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("a.txt", b"{}", "not a notebook file: 'a.txt' does not end in .ipynb"),
        ("a.ipynb", b"", "the file is empty (0 bytes); the student should re-save and resubmit"),
        ("a.ipynb", b"\xff\xfe{", "the file is not UTF-8 text, so it is not a Jupyter notebook"),
        (
            "a.ipynb",
            b'{"cells": [\n  1,',
            "the file is not valid JSON (line 2, column 5: Expecting value), so it is not a "
            "readable notebook; it may have been truncated or edited as text",
        ),
        ("a.ipynb", b"[1, 2]", "the file is JSON but not a Jupyter notebook (it has no 'cells')"),
        ("a.ipynb", b'{"a": 1}', "the file is JSON but not a Jupyter notebook (it has no 'cells')"),
        (
            "a.ipynb",
            b'{"cells": 3, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
            "the file is not a valid Jupyter notebook (",
        ),
    ],
)
def test_files_that_are_not_notebooks_get_a_reason(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    nb, why = cli.check_notebook(path, ASSIGNMENT, 50)
    assert nb is None and why.startswith(words)


def test_an_invalid_notebook_names_its_first_problem_only(tmp_path):
    path = tmp_path / "a.ipynb"
    path.write_text(
        json.dumps(
            {"cells": [{"cell_type": "nope"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        )
    )
    nb, why = cli.check_notebook(path, ASSIGNMENT, 50)
    assert nb is None and why.startswith("the file is not a valid Jupyter notebook (")
    assert why.endswith(")") and "\n" not in why and len(why) < 260


def test_a_file_above_the_size_limit_is_not_read(tmp_path):
    path = _write_nb(tmp_path / "big.ipynb", _nb(cells=["x = '" + "a" * 300_000 + "'"]))
    size_mb = path.stat().st_size / 2**20
    nb, why = cli.check_notebook(path, ASSIGNMENT, 0.25)
    assert nb is None
    assert why == (
        f"the file is {size_mb:.0f} MB, more than the 0.25 MB limit (--max-mb); "
        "clear the outputs and resubmit"
    )
    limit = path.stat().st_size / 2**20  # exactly at the limit is accepted
    assert cli.check_notebook(path, ASSIGNMENT, limit)[0] is not None


def test_the_notebook_of_another_assignment_is_refused(tmp_path):
    path = _write_nb(tmp_path / "a.ipynb", _nb("ch05"))
    nb, why = cli.check_notebook(path, ASSIGNMENT, 50)
    assert nb is None and why == (
        "this is the notebook for assignment 'ch05', not 'ch02'; the student may have handed "
        "in the wrong file"
    )


@pytest.mark.parametrize("assignment", [ASSIGNMENT, None])
def test_a_good_notebook_is_read(tmp_path, assignment):
    path = _write_nb(tmp_path / "a.ipynb", _nb(assignment, ["y = 2"]))
    nb, why = cli.check_notebook(path, ASSIGNMENT, 50)
    assert why == "" and nb.cells[0].source == "y = 2"


# --------------------------------------------------------------------------- parse_results()

Q = [Question("q1", 3.0, False), Question("q2", 2.0, False), Question("q3", 4.0, True)]


def test_scores_are_clamped_to_the_questions_points():
    scores, reasons = cli.parse_results({"q1": {"score": 7}, "q2": {"score": -1}}, Q)
    assert scores == {"q1": 3.0, "q2": 0.0}
    assert reasons == ["q2 (-2): tests failed"]


@pytest.mark.parametrize("bad", ["abc", None, [1], float("nan"), float("inf")])
def test_a_score_that_is_not_a_number_counts_zero(bad):
    scores, reasons = cli.parse_results({"q1": {"score": bad}, "q2": {"score": 2}}, Q)
    assert scores == {"q1": 0.0, "q2": 2.0} and reasons == ["q1 (-3): tests failed"]


def test_a_missing_score_counts_zero():
    scores, _ = cli.parse_results({"q1": {}, "q2": {"score": "1.5"}}, Q)
    assert scores == {"q1": 0.0, "q2": 1.5}


def test_a_question_whose_tests_did_not_run_loses_its_points_with_a_reason():
    scores, reasons = cli.parse_results({"q1": "not a dict", "q3": {"score": 4}}, Q)
    assert scores == {"q1": 0.0, "q2": 0.0}
    assert reasons == [
        "q1 (-3): the question's tests did not run",
        "q2 (-2): the question's tests did not run",
    ]


def test_reasons_are_the_failed_cases_messages_once_each():
    cases = [
        {"passed": False, "message": "❌ Test case failed\nAssertionError: q1 should be a number"},
        {"passed": True, "message": "fine"},
        {"passed": False, "message": "AssertionError: q1 should be a number"},
        {"passed": False, "message": "(test q1, line 3)\nthe year is wrong"},
        "not a case",
    ]
    scores, reasons = cli.parse_results(
        {"q1": {"score": 1.5, "cases": cases}, "q2": {"score": 2}}, Q
    )
    assert scores == {"q1": 1.5, "q2": 2.0}
    assert reasons == ["q1 (-1.5): q1 should be a number / the year is wrong"]
    _, reasons = cli.parse_results({"q1": {"score": 0, "cases": "x"}, "q2": {"score": 2}}, Q)
    assert reasons == ["q1 (-3): tests failed"]


def test_failure_message_is_the_feedbacks_own_sentence():
    assert (
        cli.failure_message(
            "❌ Test case failed\n(test q2, line 33)\n  AssertionError:  too low \n"
        )
        == "too low"
    )
    assert cli.failure_message("(only framing)") == "(only framing)"
    assert cli.failure_message("   ") == "failed"
    assert cli.failure_message("x" * 400) == "x" * 300


# --------------------------------------------------------------------------- finish()


def _prep(tmp_path, questions=Q, names=None, functions=None, computed=()):
    return cli.Prepared(
        questions,
        tmp_path / "tests",
        names if names is not None else {"q1": ["a1"], "q2": ["a2", "a3"]},
        functions or {},
        set(computed),
    )


def _answers(tmp_path, cells):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"cells": cells}))
    return path


def test_stopped_and_failed_cells_become_notes(tmp_path):
    cells = [
        {"cell": i, "status": "timeout", "error": f"stopped after 20 s ({i})"} for i in range(1, 8)
    ]
    cells += [{"cell": 9, "status": "not run", "error": "\x1b[31mnot run\x1b[0m"}]
    cells += [{"cell": 10, "status": "error", "error": "NameError: name 'x' is not defined"}]
    cells += [{"cell": 11, "status": "ok"}, "junk"]
    res = cli.Result("alice", "alice.ipynb", scores={"q1": 3.0})
    cli.finish(res, _answers(tmp_path, cells), _prep(tmp_path))
    stopped = "; ".join(f"code cell {i}: stopped after 20 s ({i})" for i in range(1, 6))
    assert res.notes == [
        f"stopped: {stopped} (and 3 more)",
        "errors while running: code cell 10: NameError: name 'x' is not defined",
    ]
    assert res.scores == {"q1": 3.0, "q2": 0.0} and res.status == "graded" and res.reasons == []


def test_five_failed_cells_are_all_listed_and_the_sixth_is_counted(tmp_path):
    cells = [{"cell": i, "status": "error", "error": f"E{i}"} for i in range(1, 6)]
    res = cli.Result("a", "a.ipynb")
    cli.finish(res, _answers(tmp_path, cells), _prep(tmp_path))
    assert res.notes == [
        "errors while running: " + "; ".join(f"code cell {i}: E{i}" for i in range(1, 6))
    ]
    res = cli.Result("a", "a.ipynb")
    cli.finish(
        res,
        _answers(tmp_path, cells + [{"cell": 6, "status": "error", "error": "E6"}]),
        _prep(tmp_path),
    )
    assert res.notes[0].endswith("code cell 5: E5 (and 1 more)")
    res = cli.Result("a", "a.ipynb")
    stopped = [{"cell": i, "status": "timeout", "error": f"T{i}"} for i in range(1, 6)]
    cli.finish(res, _answers(tmp_path, stopped), _prep(tmp_path))
    assert res.notes == ["stopped: " + "; ".join(f"code cell {i}: T{i}" for i in range(1, 6))]


def test_a_long_cell_error_is_cut_in_the_note(tmp_path):
    res = cli.Result("a", "a.ipynb")
    cli.finish(
        res,
        _answers(tmp_path, [{"cell": 1, "status": "error", "error": "e" * 400}]),
        _prep(tmp_path),
    )
    assert res.notes == ["errors while running: code cell 1: " + "e" * 149 + "…"]


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"cells": 5}'])
def test_unreadable_answers_give_no_notes(tmp_path, content):
    path = tmp_path / "answers.json"
    path.write_text(content)
    res = cli.Result("a", "a.ipynb")
    cli.finish(res, path, _prep(tmp_path))
    assert res.notes == [] and res.scores == {"q1": 0.0, "q2": 0.0}


def test_a_typed_in_answer_withholds_its_questions_points(tmp_path):
    res = cli.Result("a", "a.ipynb", scores={"q1": 3.0, "q2": 1.5})
    res.typed_in = {"a3": "`a3 = 50.04` in code cell 4", "a9": "elsewhere"}
    cli.finish(res, None, _prep(tmp_path))
    assert res.scores == {"q1": 3.0, "q2": 0.0} and res.status == "flagged"
    assert res.reasons == [
        "q2 (-1.5 withheld): typed-in value; review by hand (`a3 = 50.04` in code cell 4)"
    ]


def test_a_typed_in_answer_of_a_question_with_no_points_changes_nothing(tmp_path):
    res = cli.Result("a", "a.ipynb", scores={"q1": 0.0})
    res.typed_in = {"a1": "`a1 = 3` in code cell 2"}
    cli.finish(res, None, _prep(tmp_path))
    assert res.status == "graded" and res.reasons == [] and "q3" not in res.scores


def test_finish_keeps_each_gradebook_cell_short(tmp_path):
    res = cli.Result("a", "a.ipynb", reasons=["r" * 700], notes=["n" * 1000], flags=["f" * 300])
    cli.finish(res, None, _prep(tmp_path, names={}))
    assert [len(res.reasons[0]), len(res.notes[0]), len(res.flags[0])] == [600, 900, 200]


# --------------------------------------------------------------------------- gradebook, chart


def test_gradebook_rows_give_points_totals_and_the_hand_graded_questions(tmp_path):
    late = cli.Result("bob", "bob.ipynb", status="timed out", reasons=["slow"], notes=["n1", "n2"])
    late.seconds = 61.26
    good = cli.Result("alice", "alice.ipynb", scores={"q1": 3.0, "q2": 0.5}, flags=["f1", "f2"])
    columns, rows = cli.gradebook_rows([late, good], Q)
    assert columns == [
        "student_id",
        "file",
        "status",
        "q1",
        "q2",
        "q3",
        "autograded_points",
        "autograded_possible",
        "manual_possible",
        "reasons",
        "notes",
        "review_flags",
        "seconds",
    ]
    assert [r["student_id"] for r in rows] == ["alice", "bob"]
    alice, bob = rows
    assert alice == {
        "student_id": "alice",
        "file": "alice.ipynb",
        "status": "graded",
        "q1": "3",
        "q2": "0.5",
        "q3": "",
        "autograded_points": "3.5",
        "autograded_possible": "5",
        "manual_possible": "4",
        "reasons": "to grade by hand: q3 (4 pt)",
        "notes": "",
        "review_flags": "f1 | f2",
        "seconds": "0.0",
    }
    assert bob["reasons"] == "slow | to grade by hand: q3 (4 pt)" and bob["notes"] == "n1 | n2"
    assert bob["seconds"] == "61.3" and bob["q1"] == "0" and bob["autograded_points"] == "0"
    _, rows = cli.gradebook_rows([good], Q[:2])
    assert rows[0]["reasons"] == "" and rows[0]["manual_possible"] == "0"


def test_gradebook_rows_sort_by_file_when_ids_are_equal():
    a, b = cli.Result("x", "x.ipynb"), cli.Result("x", "x")
    _, rows = cli.gradebook_rows([a, b], Q)
    assert [r["file"] for r in rows] == ["x", "x.ipynb"]


def test_write_csv_writes_the_rows_and_leaves_no_partial_file(tmp_path):
    path = tmp_path / "g.csv"
    cli.write_csv(path, ["a", "b"], [{"a": "1", "b": "x, y"}])
    assert path.read_bytes() == b'a,b\n1,"x, y"\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv"]


@pytest.fixture
def captured(monkeypatch):
    """The figure draw_chart saves (kept open), and the metadata it writes into the PNG."""
    import matplotlib.pyplot as plt

    seen = {}
    real_close = plt.close
    monkeypatch.setattr(plt, "close", lambda fig: seen.setdefault("fig", fig))
    yield seen
    if "fig" in seen:
        real_close(seen["fig"])


def test_chart_counts_full_part_and_no_marks_and_says_so_in_its_alt_text(tmp_path, captured):
    results = [
        cli.Result("a", "a", scores={"q1": 3.0, "q2": 2.0}),
        cli.Result("b", "b", scores={"q1": 1.0, "q2": 2.5}),
        cli.Result("c", "c", scores={"q1": 0.0}),
        cli.Result("d", "d", scores={"q1": 3.0 - 1e-12, "q2": -1.0}),
    ]
    path = tmp_path / "g.png"
    alt = cli.draw_chart(path, results, Q, "ch02")
    title = (
        "ch02: how many of 4 submissions earned full, part or no marks on each autograded question"
    )
    assert alt == f"{title}. q1: 2 full, 1 part, 1 none; q2: 2 full, 0 part, 2 none."
    from PIL import Image

    meta = Image.open(path).info
    assert meta["Title"] == title and meta["Description"] == alt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.png"]
    ax = captured["fig"].axes[0]
    assert ax.get_title() == title and ax.get_xlabel() == "Number of submissions"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["q1 (3 pt)", "q2 (2 pt)"]
    assert ax.yaxis_inverted() and ax.get_xlim() == (0, 4)
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == list(cli.RESULT_STYLES)
    from matplotlib.colors import to_hex

    for container, (kind, (colour, hatch)) in zip(ax.containers, cli.RESULT_STYLES.items()):
        assert container.get_label() == kind
        for bar in container:
            assert (
                to_hex(bar.get_facecolor()) == colour.lower() and (bar.get_hatch() or "") == hatch
            )
            assert to_hex(bar.get_edgecolor()) == "#000000"
    widths = [[bar.get_width() for bar in c] for c in ax.containers]
    lefts = [[bar.get_x() for bar in c] for c in ax.containers]
    assert widths == [[2, 2], [1, 0], [1, 2]] and lefts == [[0, 0], [2, 2], [3, 2]]
    labels = sorted(
        (round(t.get_position()[0], 6), round(t.get_position()[1], 6), t.get_text())
        for t in ax.texts
    )
    assert labels == sorted(
        (
            round(b.get_x() + b.get_width() / 2, 6),
            round(b.get_y() + b.get_height() / 2, 6),
            f"{w:g}",
        )
        for c in ax.containers
        for b, w in zip(c, [bb.get_width() for bb in c])
        if w
    )
    assert all(t.get_ha() == "center" and t.get_va() == "center" for t in ax.texts)


@pytest.fixture
def no_png(monkeypatch):
    """Figure.savefig writes a stand-in file (the PNG itself is checked in one test above)."""
    from matplotlib.figure import Figure

    monkeypatch.setattr(Figure, "savefig", lambda self, path, **kw: Path(path).write_bytes(b"png"))


def test_chart_of_no_submissions_still_has_a_scale(tmp_path, captured, no_png):
    alt = cli.draw_chart(tmp_path / "g.png", [], Q, "ch02")
    assert alt.startswith("ch02: how many of 0 submissions") and alt.endswith(
        "q1: 0 full, 0 part, 0 none; q2: 0 full, 0 part, 0 none."
    )
    assert captured["fig"].axes[0].get_xlim() == (0, 1)


# --------------------------------------------------------------------------- grade() and main()


@pytest.fixture
def subs(tmp_path):
    folder = tmp_path / "subs"
    folder.mkdir()
    return folder


def _grade(subs, tmp_path, **kw):
    return cli.grade(
        subs, kw.pop("assignment", ASSIGNMENT), kw.pop("out", tmp_path / "g.csv"), **kw
    )


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"workers": 0}, "--workers must be at least 1"),
        ({"timeout": 0}, "--timeout must be a positive number of seconds"),
        ({"timeout": float("inf")}, "--timeout must be a positive number of seconds"),
        ({"cell_timeout": 0}, "--cell-timeout must be a positive number of seconds"),
        ({"cell_timeout": float("nan")}, "--cell-timeout must be a positive number of seconds"),
        (
            {"memory_mb": 511},
            "--memory-mb must be at least 512 (pandas and matplotlib need about 400 MB)",
        ),
        ({"assignment": "ch99"}, "no exercise set called 'ch99' (no "),
    ],
)
def test_grade_refuses_bad_options_with_a_sentence(subs, tmp_path, kwargs, message):
    with pytest.raises(GradingError) as err:
        _grade(subs, tmp_path, sandbox=False, quiet=True, **kwargs)
    assert str(err.value).startswith(message)
    if "ch99" in message:
        known = sorted(p.stem for p in SOLUTIONS.glob("*.ipynb"))
        assert str(err.value).endswith(f"); known: {known}") and str(
            SOLUTIONS / "ch99.ipynb"
        ) in str(err.value)


def test_grade_refuses_a_missing_submissions_folder(tmp_path):
    with pytest.raises(GradingError) as err:
        cli.grade(tmp_path / "nope", ASSIGNMENT, tmp_path / "g.csv", sandbox=False)
    assert (
        str(err.value)
        == f"the submissions folder {tmp_path / 'nope'} does not exist or is not a folder"
    )
    (tmp_path / "file").write_text("x")
    with pytest.raises(GradingError, match="does not exist or is not a folder"):
        cli.grade(tmp_path / "file", ASSIGNMENT, tmp_path / "g.csv", sandbox=False)


def test_grade_refuses_to_overwrite_the_gradebook_or_the_chart(subs, tmp_path):
    for existing in ("g.csv", "g.png", "c.png"):
        (tmp_path / existing).write_text("keep")
        chart = tmp_path / "c.png" if existing == "c.png" else None
        with pytest.raises(GradingError) as err:
            _grade(subs, tmp_path, chart=chart, sandbox=False)
        assert str(err.value) == (
            f"{tmp_path / existing} already exists; choose another --out/--chart or add --force "
            "to overwrite it"
        )
        (tmp_path / existing).unlink()


def test_grade_refuses_a_missing_folder_or_a_gradebook_among_the_submissions(subs, tmp_path):
    out = tmp_path / "no" / "g.csv"
    with pytest.raises(GradingError) as err:
        _grade(subs, tmp_path, out=out, sandbox=False)
    assert str(err.value) == f"the folder for {out} does not exist; create it first"
    with pytest.raises(GradingError) as err:
        _grade(subs, tmp_path, chart=tmp_path / "no" / "c.png", sandbox=False)
    assert (
        str(err.value)
        == f"the folder for {tmp_path / 'no' / 'c.png'} does not exist; create it first"
    )
    with pytest.raises(GradingError) as err:
        _grade(subs, tmp_path, out=subs / "g.csv", sandbox=False)
    assert str(err.value) == (
        f"{subs / 'g.csv'} is inside the submissions folder; write the gradebook somewhere else"
    )


def test_grade_without_bubblewrap_says_why(subs, tmp_path, monkeypatch):
    monkeypatch.setattr(cli.sb, "sandbox_available", lambda: (False, "no bwrap here: install it"))
    with pytest.raises(GradingError) as err:
        _grade(subs, tmp_path)
    assert str(err.value) == "no bwrap here: install it"


def test_grade_refuses_an_autograder_that_is_not_a_zip(subs, tmp_path):
    bad = tmp_path / "a.zip"
    bad.write_text("not a zip")
    with pytest.raises(GradingError) as err:
        _grade(subs, tmp_path, autograder=bad, sandbox=False, quiet=True)
    assert str(err.value) == (
        f"{bad} is not an autograder zip file (build one with scripts/make_exercises.py)"
    )


@pytest.fixture
def stubbed(monkeypatch, tmp_path):
    """grade() with the sandboxed work replaced: records what each step was given."""
    seen = {"run": [], "phase2": [], "finish": []}
    prep = _prep(tmp_path, questions=QUESTIONS, names={q.name: [] for q in AUTO})
    monkeypatch.setattr(
        cli, "warm_matplotlib_cache", lambda folder: seen.setdefault("cache", folder)
    )

    def prepare(assignment, base, autograder, *, sandbox, memory_mb, say):
        seen["prepare"] = dict(
            assignment=assignment, autograder=autograder, sandbox=sandbox, memory_mb=memory_mb
        )
        seen["answers_dir"] = (base / "answers").is_dir()
        seen["base"] = base
        say("preparing the assignment")
        return prep

    def check_and_run(path, **kw):
        seen["run"].append((path.name, kw))
        res = cli.Result(cli.student_id(path), path.name)
        return res, (None if path.name.startswith("bad") else path)

    def phase2(items, **kw):
        seen["phase2"].append(([r.file for r, _ in items], kw))
        for r, _ in items:
            r.scores = {AUTO[0].name: AUTO[0].points}

    monkeypatch.setattr(cli, "prepare", prepare)
    monkeypatch.setattr(cli, "check_and_run", check_and_run)
    monkeypatch.setattr(cli, "phase2", phase2)
    monkeypatch.setattr(cli.sb, "sandbox_available", lambda: (True, ""))

    def draw_chart(path, results, questions, assignment):  # tested on its own above
        seen["chart"] = (path, [r.file for r in results], questions, assignment)
        path.write_bytes(b"chart")
        return "ALT TEXT"

    monkeypatch.setattr(cli, "draw_chart", draw_chart)
    return seen


def test_grade_passes_its_options_to_every_step_and_writes_the_gradebook(
    subs, tmp_path, stubbed, capsys
):
    for name in ("a.ipynb", "b.ipynb", "c.ipynb", "bad.ipynb", ".hidden"):
        (subs / name).write_text("{}")
    (subs / "folder").mkdir()
    zip_path = tmp_path / "ag.zip"
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.writestr("tests/q1.py", "")
    rows = _grade(
        subs,
        tmp_path,
        workers=2,
        timeout=33.0,
        cell_timeout=7.0,
        memory_mb=1024,
        max_mb=3.0,
        autograder=zip_path,
    )
    assert stubbed["prepare"] == dict(
        assignment="ch02", autograder=zip_path, sandbox=True, memory_mb=1024
    )
    assert stubbed["answers_dir"] and stubbed["cache"].name == "matplotlib-cache"
    assert [n for n, _ in stubbed["run"]] == ["a.ipynb", "b.ipynb", "bad.ipynb", "c.ipynb"]
    for _, kw in stubbed["run"] + stubbed["phase2"]:
        assert kw["base"] == stubbed["base"] and kw["prep"].questions == QUESTIONS
        assert kw["base"].name.startswith("grade-ch02-")
    for i, (_, kw) in enumerate(stubbed["run"]):
        assert {k: v for k, v in kw.items() if k not in ("prep", "base")} == dict(
            index=i,
            assignment="ch02",
            sandbox=True,
            timeout=33.0,
            cell_timeout=7.0,
            memory_mb=1024,
            max_mb=3.0,
        )
    batches = sorted(stubbed["phase2"], key=lambda b: b[1]["batch"])
    assert [files for files, _ in batches] == [["a.ipynb", "c.ipynb"], ["b.ipynb"]]
    for i, (_, kw) in enumerate(batches):
        assert {k: v for k, v in kw.items() if k not in ("prep", "base")} == dict(
            sandbox=True, timeout=33.0, memory_mb=1024, batch=str(i)
        )
    assert [r["student_id"] for r in rows] == ["a", "b", "bad", "c"]
    q = AUTO[0].name
    assert [r[q] for r in rows] == [
        f"{AUTO[0].points:g}",
        f"{AUTO[0].points:g}",
        "0",
        f"{AUTO[0].points:g}",
    ]
    with open(tmp_path / "g.csv", newline="", encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == rows
    assert stubbed["chart"] == (
        tmp_path / "g.png",
        ["a.ipynb", "b.ipynb", "bad.ipynb", "c.ipynb"],
        QUESTIONS,
        "ch02",
    )
    err = capsys.readouterr().err
    assert "skipping 2 hidden file(s) or folder(s): .hidden, folder" in err
    lines = err.splitlines()
    assert "preparing the assignment" in lines
    assert (
        "grading 4 file(s) with 2 worker(s), at most 33 s per notebook and 7 s per cell, in a "
        "bubblewrap sandbox" in lines
    )
    took = float(err.split("graded 4 file(s) in ")[1].split(" s;")[0])
    assert 0 <= took < 60
    assert f"  a.ipynb: graded, {AUTO[0].points:g} points (phase 1: 0.0 s)" in err
    assert f"; gradebook: {tmp_path / 'g.csv'}; chart: {tmp_path / 'g.png'}" in err
    assert "graded 4 file(s) in " in err
    assert "chart description (alt text): ALT TEXT" in err


def test_grade_without_a_sandbox_warns_and_quiet_prints_nothing(subs, tmp_path, stubbed, capsys):
    (subs / "a.ipynb").write_text("{}")
    _grade(subs, tmp_path, sandbox=False, workers=1, chart=tmp_path / "c.png")
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert (
        "WARNING: --unsafe-no-sandbox: student code runs with your permissions, with only a time "
        "limit." in lines
    )
    assert (
        "grading 1 file(s) with 1 worker(s), at most 60 s per notebook and 20 s per cell, WITHOUT "
        "a sandbox" in lines
    )
    assert "skipping" not in err
    assert stubbed["prepare"]["sandbox"] is False and stubbed["run"][0][1]["sandbox"] is False
    assert stubbed["prepare"]["autograder"] is None
    assert (tmp_path / "c.png").is_file() and not (tmp_path / "g.png").exists()
    _grade(subs, tmp_path, out=tmp_path / "h.csv", sandbox=False, quiet=True)
    assert capsys.readouterr().err == ""


def test_grade_with_force_overwrites_and_uses_the_default_options(subs, tmp_path, stubbed):
    (subs / "a.ipynb").write_text("{}")
    (tmp_path / "g.csv").write_text("old")
    (tmp_path / "g.png").write_text("old")
    _grade(subs, tmp_path, force=True, quiet=True)
    assert (tmp_path / "g.csv").read_text().startswith("student_id,file,status,")
    kw = stubbed["run"][0][1]
    assert (kw["timeout"], kw["cell_timeout"], kw["memory_mb"], kw["max_mb"]) == (
        60.0,
        20.0,
        4096,
        50.0,
    )
    assert stubbed["phase2"][0][1]["batch"] == "0" and len(stubbed["phase2"]) == 1


def test_main_passes_every_option_to_grade(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr(cli, "grade", lambda *a, **k: seen.update(args=a, kwargs=k) or [])
    argv = [str(tmp_path), "--assignment", "ch05", "--out", "x.csv", "--chart", "c.png"]
    argv += ["--workers", "3", "--timeout", "77", "--cell-timeout", "9", "--memory-mb", "1500"]
    argv += ["--max-mb", "7", "--autograder", "a.zip", "--force", "--unsafe-no-sandbox", "--quiet"]
    assert cli.main(argv) == 0
    assert seen["args"] == (tmp_path, "ch05", Path("x.csv"))
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
    assert cli.main([str(tmp_path), "--assignment", "ch05"]) == 0
    assert seen["args"] == (tmp_path, "ch05", Path("gradebook.csv"))
    assert seen["kwargs"] == {
        "chart": None,
        "workers": 2,
        "timeout": 60.0,
        "cell_timeout": 20.0,
        "force": False,
        "sandbox": True,
        "autograder": None,
        "memory_mb": 4096,
        "max_mb": 50.0,
        "quiet": False,
    }


def test_main_prints_the_error_or_the_interruption_and_exits(tmp_path, monkeypatch, capsys):
    def refuse(*a, **k):
        raise GradingError("the folder is wrong")

    monkeypatch.setattr(cli, "grade", refuse)
    assert cli.main([str(tmp_path), "--assignment", "ch02"]) == 2
    assert capsys.readouterr().err == "error: the folder is wrong\n"

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "grade", interrupt)
    assert cli.main([str(tmp_path), "--assignment", "ch02"]) == 130
    assert capsys.readouterr().err == "interrupted; no gradebook written\n"


def test_help_names_the_command_and_every_default(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert text.startswith("usage: python -m multipolar.grade ")
    for words in [
        "Grade a folder of submitted exercise notebooks into a gradebook CSV and a chart.",
        "folder of submitted notebooks (student id = file name)",
        "exercise set, e.g. ch02 (solutions/ch02.ipynb)",
        "gradebook CSV to write (default: gradebook.csv)",
        "chart PNG to write (default: the --out path with .png)",
        "submissions graded at once (default: 2)",
        "time limit per notebook, in seconds (default: 60)",
        "time limit per code cell, in seconds; a cell that runs longer is stopped and the next one runs (default: 20)",
        "overwrite an existing gradebook/chart",
        "use this autograder zip instead of building one from solutions/",
        "memory cap per process, MB (default: 4096)",
        "largest submission file accepted, MB (default: 50)",
        "run student code WITHOUT bubblewrap (only for submissions you trust)",
        "print nothing but errors",
    ]:
        assert f" {words} " in f" {text} "


def test_the_assignment_is_required(capsys):
    with pytest.raises(SystemExit):
        cli.main(["subs"])
    assert "--assignment" in capsys.readouterr().err


# --------------------------------------------------------------------------- the steps, with the sandbox stubbed


def _autograder(tmp_path):
    path = tmp_path / "ag.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("tests/q1.py", "name = 'q1'\ndef test_a(q1_multiple_2015, env):\n    pass\n")
        zf.writestr("tests/q2.py", "def test_b(q2_share_2015, q1_multiple_2015):\n    pass\n")
    return path


@pytest.fixture
def runs(monkeypatch):
    """_run_module replaced: records each call; ``runs.write`` says what each 'process' writes."""

    class Runs(list):
        write = {}
        timed_out = False

    calls = Runs()

    def fake(name, args, job, work, *, sandbox, timeout, memory_mb, read_only=()):
        calls.append(
            dict(
                name=name,
                args=args,
                job=job,
                work=work,
                sandbox=sandbox,
                timeout=timeout,
                memory_mb=memory_mb,
                read_only=list(read_only),
            )
        )
        for rel, text in calls.write.get(name, {}).items():
            (work / rel).write_text(text(job) if callable(text) else text, encoding="utf-8")
        return calls.timed_out

    monkeypatch.setattr(cli, "_run_module", fake)
    return calls


def _calibration(score=3.0, functions=None):
    results = {q.name: {"score": score, "possible": q.points} for q in AUTO}
    return json.dumps({"results": results, "functions": functions or {"f": [{"args": [1]}]}})


def test_prepare_calibrates_on_the_solution_and_returns_what_grading_needs(tmp_path, runs):
    base = tmp_path / "base"
    base.mkdir()
    runs.write = {"calibrate": {"stdout": _calibration(functions={"f": [{"args": [2]}]})}}
    said = []
    prep = cli.prepare(
        ASSIGNMENT, base, _autograder(tmp_path), sandbox=False, memory_mb=999, say=said.append
    )
    assert said == []
    assert prep.questions == QUESTIONS and prep.tests == base / "assignment" / "tests"
    assert prep.names == {"q1": ["q1_multiple_2015"], "q2": ["q2_share_2015", "q1_multiple_2015"]}
    assert prep.functions == {"f": [{"args": [2]}]}
    assert prep.computed == {"q1_multiple_2015", "q2_share_2015"}
    assert sorted(p.name for p in prep.tests.iterdir()) == ["q1.py", "q2.py"]
    assert all(p.stat().st_mode & 0o777 == 0o444 for p in prep.tests.iterdir())
    (call,) = runs
    assert call["name"] == "calibrate" and call["args"] == [str(prep.tests)]
    assert call["job"] == {
        "cells": cli.solution_cells(MASTER),
        "names": ["q1_multiple_2015", "q2_share_2015"],
    }
    assert call["work"] == base / "calibrate" and (base / "calibrate" / "out").is_dir()
    assert (call["sandbox"], call["timeout"], call["memory_mb"]) == (False, 600, 999)
    assert call["read_only"] == [prep.tests.parent]


def test_prepare_builds_the_autograder_when_none_is_given(tmp_path, runs, monkeypatch):
    base = tmp_path / "base"
    base.mkdir()
    built = []
    monkeypatch.setattr(
        cli, "build_autograder", lambda a, d: built.append((a, d)) or _autograder(tmp_path)
    )
    runs.write = {"calibrate": {"stdout": _calibration()}}
    said = []
    cli.prepare(ASSIGNMENT, base, None, sandbox=True, memory_mb=512, say=said.append)
    assert built == [(ASSIGNMENT, base)]
    assert said == ["building the ch02 autograder from solutions/ch02.ipynb ..."]
    assert runs[0]["sandbox"] is True


def test_prepare_refuses_a_solution_that_fails_or_does_not_run(tmp_path, runs):
    base = tmp_path / "base"
    base.mkdir()
    runs.write = {"calibrate": {"stdout": _calibration(score=1.5), "stderr": ""}}
    with pytest.raises(GradingError) as err:
        cli.prepare(ASSIGNMENT, base, _autograder(tmp_path), sandbox=False, memory_mb=999)
    short = ", ".join(f"{q.name}: 1.5/{q.points:g}" for q in AUTO)
    assert str(err.value) == (
        f"the solution ch02.ipynb does not pass its own tests ({short}); fix the master notebook "
        "before grading"
    )
    base = tmp_path / "base2"
    base.mkdir()
    runs.write = {"calibrate": {"stdout": "Traceback", "stderr": "line one\nNameError: x\n\n"}}
    with pytest.raises(GradingError) as err:
        cli.prepare(ASSIGNMENT, base, _autograder(tmp_path), sandbox=False, memory_mb=999)
    assert str(err.value) == "could not run the ch02 solution to calibrate the grader: NameError: x"
    base = tmp_path / "base3"
    base.mkdir()
    runs.write = {}
    with pytest.raises(GradingError, match="calibrate the grader: \\(no log\\)"):
        cli.prepare(ASSIGNMENT, base, _autograder(tmp_path), sandbox=False, memory_mb=999)


def _run_one(tmp_path, path, prep=None, **kw):
    base = tmp_path / "base"
    (base / "answers").mkdir(parents=True, exist_ok=True)
    options = (
        dict(
            index=7,
            assignment=ASSIGNMENT,
            prep=prep or _prep(tmp_path, computed={"a1"}),
            base=base,
            sandbox=False,
            timeout=30.0,
            cell_timeout=4.0,
            memory_mb=800,
            max_mb=50.0,
        )
        | kw
    )
    return cli.check_and_run(path, **options), base


def test_phase_1_runs_the_notebooks_cells_and_hands_a_copy_of_its_answers_on(tmp_path, runs):
    path = _write_nb(tmp_path / "alice.ipynb", _nb(cells=["a1 = 2.5", "eval('1')"]))
    runs.write = {"phase1": {"out/answers.json": '{"cells": []}', "out/progress": "2"}}
    prep = _prep(
        tmp_path, names={"q1": ["a2", "a1"]}, functions={"f": [{"args": [1]}]}, computed={"a1"}
    )
    (res, answers), base = _run_one(tmp_path, path, prep)
    assert (res.student_id, res.file, res.status, res.reasons) == (
        "alice",
        "alice.ipynb",
        "graded",
        [],
    )
    assert res.flags == ["code cell 2 calls `eval()`"]
    assert res.typed_in == {"a1": "`a1 = 2.5` in code cell 1"}
    assert answers == base / "answers" / "0007.json" and answers.read_text() == '{"cells": []}'
    work = base / "sub0007"
    assert (work / "ch02.ipynb").read_bytes() == path.read_bytes()
    (call,) = runs
    assert call["name"] == "phase1" and call["args"] == [str(work / "out")] and call["work"] == work
    assert call["job"] == {
        "cells": ["a1 = 2.5", "eval('1')"],
        "names": ["a1", "a2"],
        "functions": {"f": [{"args": [1]}]},
        "notebook_seconds": 30.0,
        "cell_seconds": 4.0,
        "call_seconds": 5,
    }
    assert (call["sandbox"], call["timeout"], call["memory_mb"], call["read_only"]) == (
        False,
        35.0,
        800,
        [],
    )
    assert res.seconds > 0


def test_phase_1_copies_the_warm_font_cache_into_each_run(tmp_path, runs):
    path = _write_nb(tmp_path / "a.ipynb", _nb())
    base = tmp_path / "base"
    (base / "matplotlib-cache").mkdir(parents=True)
    (base / "matplotlib-cache" / "fontlist.json").write_text("{}")
    _run_one(tmp_path, path, index=0)
    assert (base / "sub0000" / ".matplotlib" / "fontlist.json").read_text() == "{}"


def test_a_notebook_that_is_not_read_is_not_run(tmp_path, runs):
    path = tmp_path / "x.ipynb"
    path.write_bytes(b"")
    (res, answers), _ = _run_one(tmp_path, path)
    assert answers is None and runs == [] and res.status == "not graded"
    assert res.reasons == [cli.check_notebook(path, ASSIGNMENT, 50)[1]]


def test_a_notebook_that_runs_out_of_time_says_where(tmp_path, runs):
    path = _write_nb(tmp_path / "a.ipynb", _nb())
    runs.write = {"phase1": {"out/progress": "3\n"}}
    runs.timed_out = True
    (res, answers), _ = _run_one(tmp_path, path, timeout=12.5)
    assert answers is None and res.status == "timed out"
    assert res.reasons == [
        "the notebook did not finish within 12.5 s and was stopped while running code cell 3, so no "
        "points could be awarded automatically (an endless loop that ignores the per-cell time limit?)"
    ]


def test_a_notebook_that_ends_its_own_process_says_so(tmp_path, runs):
    path = _write_nb(tmp_path / "a.ipynb", _nb())
    runs.write = {"phase1": {"out/progress": "x2"}}
    (res, answers), _ = _run_one(tmp_path, path)
    assert answers is None and res.status == "not graded"
    assert res.reasons == [
        "the notebook ended its own Python process before its answers could be read (os._exit, a "
        "crash, or running out of memory), so no points could be awarded automatically"
    ]


def test_the_grader_never_crashes_on_a_submission(tmp_path, monkeypatch):
    path = _write_nb(tmp_path / "a.ipynb", _nb())

    def boom(*a, **k):
        raise OSError("disk \x1b[31mfull\x1b[0m")

    monkeypatch.setattr(cli, "_run_module", boom)
    (res, answers), _ = _run_one(tmp_path, path)
    assert answers is None and res.status == "not graded"
    assert res.reasons == ["the grader could not process this file (OSError: disk full)"]


def _items(tmp_path, n):
    folder = tmp_path / "base" / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        (folder / f"{i:04d}.json").write_text("{}")
        out.append((cli.Result(f"s{i}", f"s{i}.ipynb"), folder / f"{i:04d}.json"))
    return out


def test_phase_2_scores_every_answer_in_one_process(tmp_path, runs):
    items = _items(tmp_path, 2)
    base = tmp_path / "base"
    prep = _prep(tmp_path, functions={"f": []})
    scores = {
        "0": {"results": {"q1": {"score": 3}, "q2": {"score": 0, "cases": []}}},
        "1": {"results": {"q1": {"score": 1}, "q2": {"score": 2}}},
    }
    runs.write = {"phase2": {"stdout": json.dumps(scores)}}
    cli.phase2(items, prep=prep, base=base, sandbox=True, timeout=9.0, memory_mb=700, batch="b")
    (call,) = runs
    assert call["name"] == "phase2" and call["args"] == [] and call["work"] == base / "phase2-b"
    assert call["job"] == {
        "tests": str(prep.tests),
        "functions": {"f": []},
        "seconds_per_item": 9.0,
        "items": [
            {"id": "0", "answers": str(items[0][1])},
            {"id": "1", "answers": str(items[1][1])},
        ],
    }
    assert (call["sandbox"], call["timeout"], call["memory_mb"]) == (True, 9.0 * 2 + 60, 700)
    assert call["read_only"] == [prep.tests.parent, base / "answers"]
    (r0, _), (r1, _) = items
    assert r0.scores == {"q1": 3.0, "q2": 0.0} and r0.reasons == ["q2 (-2): tests failed"]
    assert r1.scores == {"q1": 1.0, "q2": 2.0} and r1.reasons == ["q1 (-2): tests failed"]
    assert r0.status == r1.status == "graded"


def test_phase_2_grades_again_one_by_one_what_a_dying_process_did_not_finish(tmp_path, runs):
    items = _items(tmp_path, 3)
    base = tmp_path / "base"

    def answer(job):
        if len(job["items"]) > 1:
            return json.dumps({"0": {"results": {"q1": {"score": 3}, "q2": {"score": 2}}}})
        return json.dumps({"0": {"error": "the answers file is not readable"}})

    runs.write = {"phase2": {"stdout": answer, "stderr": "MemoryError\n"}}
    cli.phase2(
        items, prep=_prep(tmp_path), base=base, sandbox=False, timeout=5.0, memory_mb=600, batch="1"
    )
    assert [c["work"].name for c in runs] == ["phase2-1", "phase2-1-1", "phase2-1-2"]
    assert [len(c["job"]["items"]) for c in runs] == [3, 1, 1]
    assert runs[1]["job"]["items"] == [{"id": "0", "answers": str(items[1][1])}]
    assert runs[1]["timeout"] == 5.0 + 60 and runs[1]["memory_mb"] == 600
    (r0, _), (r1, _), (r2, _) = items
    assert r0.scores == {"q1": 3.0, "q2": 2.0} and r0.reasons == [] and r0.status == "graded"
    for r in (r1, r2):
        assert r.status == "not graded"
        assert r.reasons == ["the answers could not be graded: the answers file is not readable"]


def test_phase_2_that_writes_nothing_says_why(tmp_path, runs):
    items = _items(tmp_path, 1)
    runs.write = {"phase2": {"stdout": "", "stderr": "\x1b[31mKilled\x1b[0m\n"}}
    cli.phase2(
        items,
        prep=_prep(tmp_path),
        base=tmp_path / "base",
        sandbox=False,
        timeout=5.0,
        memory_mb=600,
        batch="0",
    )
    assert len(runs) == 1
    ((r, _),) = items
    assert r.status == "not graded"
    assert r.reasons == ["the answers could not be graded: the tests did not finish (Killed)"]
    items = _items(tmp_path, 1)
    runs.write = {"phase2": {"stdout": json.dumps({"0": {"no": "results"}})}}
    cli.phase2(
        items,
        prep=_prep(tmp_path),
        base=tmp_path / "base",
        sandbox=False,
        timeout=5.0,
        memory_mb=600,
        batch="1",
    )
    assert items[0][0].reasons == ["the answers could not be graded: None"]


def test_run_module_runs_the_grading_module_capped_and_feeds_it_the_job(tmp_path, monkeypatch):
    seen = {}

    def run(command, work, **kw):
        seen.update(command=command, work=work, **kw)
        return 0, True

    monkeypatch.setattr(cli.sb, "run", run)
    timed_out = cli._run_module(
        "phase2",
        ["a"],
        {"k": 1},
        tmp_path,
        sandbox=True,
        timeout=8.0,
        memory_mb=1024,
        read_only=(tmp_path / "ro",),
    )
    assert timed_out is True
    assert seen["command"] == cli.sb.limited(
        [cli.sys.executable, "-m", "multipolar.grade.phase2", "a"], 1024
    )
    assert seen["work"] == tmp_path and seen["sandbox"] is True and seen["timeout"] == 8.0
    assert seen["read_only"] == [tmp_path / "ro"]
    assert seen["stdout"] == tmp_path / "stdout" and seen["stderr"] == tmp_path / "stderr"
    assert json.loads(seen["stdin"]) == {"k": 1}
    cli._run_module("calibrate", [], {}, tmp_path, sandbox=False, timeout=1.0, memory_mb=512)
    assert seen["read_only"] == [] and seen["sandbox"] is False


def test_read_and_tail_give_a_short_clean_line(tmp_path):
    assert cli._read(tmp_path / "none") == ""
    (tmp_path / "p").write_text("  12  \n" + "x" * 50)
    assert cli._read(tmp_path / "p") == "12  \n" + "x" * 13
    (tmp_path / "b").write_bytes(b"\xff\xfe")
    assert cli._read(tmp_path / "b") == ""
    assert cli._tail(tmp_path / "none") == "(no log)"
    (tmp_path / "e").write_text("")
    assert cli._tail(tmp_path / "e") == "(no error message)"
    (tmp_path / "t").write_bytes(b"first\n" + b"y" * 5000 + b"\nlast \xff line\n\n")
    assert cli._tail(tmp_path / "t") == "last \ufffd line"
    (tmp_path / "l").write_text("z" * 400)
    assert (
        cli._tail(tmp_path / "l") == "z" * 299 + "…"
        and cli._tail(tmp_path / "l", 10) == "z" * 9 + "…"
    )


def test_the_font_cache_is_built_once_in_the_given_folder(tmp_path, monkeypatch):
    import subprocess

    seen = {}

    def run(cmd, **kw):
        seen.update(cmd=cmd, **kw)
        raise subprocess.TimeoutExpired(cmd, 120)

    monkeypatch.setattr(subprocess, "run", run)
    folder = tmp_path / "cache" / "mpl"
    cli.warm_matplotlib_cache(folder)
    assert folder.is_dir()
    assert seen["cmd"] == [cli.sys.executable, "-c", "import matplotlib.font_manager"]
    assert seen["env"] == cli.sb.child_env(folder) | {"MPLCONFIGDIR": str(folder)}
    assert seen["cwd"] == folder and seen["capture_output"] is True and seen["timeout"] == 120
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: (_ for _ in ()).throw(OSError("no")))
    cli.warm_matplotlib_cache(folder)  # an existing folder, and an error: both fine


def test_chart_counts_are_whole_numbers_and_each_count_is_readable_over_the_hatching(
    tmp_path, captured, no_png
):
    results = [cli.Result(s, s, scores={"q1": 3.0, "q2": 1.0}) for s in "abc"]
    cli.draw_chart(tmp_path / "g.png", results, Q, "ch02")
    ax = captured["fig"].axes[0]
    ticks = [t for t in ax.get_xticks() if 0 <= t <= 3]
    assert ticks and all(float(t).is_integer() for t in ticks)
    for text in ax.texts:
        box = text.get_bbox_patch()
        assert to_hex(box.get_facecolor()) == "#ffffff" and box.get_alpha() > 0.5


# --------------------------------------------------------------------------- more exact cases


def test_the_size_in_the_message_is_in_mebibytes(tmp_path):
    path = _write_nb(tmp_path / "big.ipynb", _nb(cells=["x = '" + "a" * 1_700_000 + "'"]))
    _, why = cli.check_notebook(path, ASSIGNMENT, 1)
    assert why.startswith(f"the file is {path.stat().st_size / 2**20:.0f} MB, more than the 1 MB")
    assert why.startswith("the file is 2 MB")


@pytest.mark.parametrize(
    "error, shown",
    [(ValueError(""), "ValueError"), (ValueError("v" * 300 + "\nmore"), "v" * 200)],
)
def test_an_invalid_notebook_shows_the_first_line_of_the_error_or_its_kind(
    tmp_path, monkeypatch, error, shown
):
    def invalid(nb, *args, **kwargs):
        raise error

    path = _write_nb(tmp_path / "a.ipynb", _nb())
    monkeypatch.setattr(nbformat, "validate", invalid)
    assert cli.check_notebook(path, ASSIGNMENT, 50) == (
        None,
        f"the file is not a valid Jupyter notebook ({shown})",
    )


def test_an_invalid_notebook_names_the_validators_first_line(tmp_path):
    path = tmp_path / "a.ipynb"
    path.write_text('{"cells": 3, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    try:
        nbformat.validate(nbformat.reads(path.read_text(), as_version=4))
    except Exception as exc:  # noqa: BLE001
        first = str(exc).strip().splitlines()[0]
    assert cli.check_notebook(path, ASSIGNMENT, 50)[1] == (
        f"the file is not a valid Jupyter notebook ({first[:200]})"
    )


@pytest.mark.parametrize(
    "message, reason",
    [
        ("too low\n(test q2, line 33)", "too low"),
        ("too high\n❌ Test case failed", "too high"),
    ],
)
def test_otters_framing_is_left_out_wherever_it_is(message, reason):
    assert cli.failure_message(message) == reason


def test_a_failed_case_without_a_message_says_failed_and_manual_questions_come_first_too():
    questions = [Question("q0", 2.0, True), *Q]
    results = {"q1": {"score": 0, "cases": [{"passed": False}]}, "q2": {"score": 2}}
    scores, reasons = cli.parse_results(results, questions)
    assert scores == {"q1": 0.0, "q2": 2.0} and reasons == ["q1 (-3): failed"]


def test_finish_with_a_manual_question_first_and_part_points_typed_in(tmp_path):
    questions = [Question("q0", 2.0, True), *Q]
    res = cli.Result("a", "a.ipynb", scores={"q1": 0.5, "q2": 2.0})
    long = "`a1 = " + "1" * 200 + "` in code cell 1"
    res.typed_in = {"a1": long, "a2": "`a2 = 3` in code cell 2", "a3": "`a3 = 4` in code cell 3"}
    cli.finish(res, None, _prep(tmp_path, questions=questions))
    assert res.scores == {"q1": 0.0, "q2": 0.0} and res.status == "flagged"
    assert res.reasons == [
        f"q1 (-0.5 withheld): typed-in value; review by hand ({cli.clean(long, 120)})",
        "q2 (-2 withheld): typed-in value; review by hand (`a2 = 3` in code cell 2; `a3 = 4` in "
        "code cell 3)",
    ]
    assert len(cli.clean(long, 120)) == 120


def test_notes_cut_long_errors_show_missing_ones_empty_and_count_past_five(tmp_path):
    cells = [{"cell": i, "status": "timeout", "error": f"T{i}"} for i in range(1, 7)]
    cells += [{"cell": 7, "status": "not run", "error": "s" * 400}, {"cell": 8, "status": "error"}]
    res = cli.Result("a", "a.ipynb")
    cli.finish(res, _answers(tmp_path, cells), _prep(tmp_path))
    assert res.notes == [
        "stopped: " + "; ".join(f"code cell {i}: T{i}" for i in range(1, 6)) + " (and 2 more)",
        "errors while running: code cell 8:",
    ]
    res = cli.Result("a", "a.ipynb")
    cli.finish(res, _answers(tmp_path, cells[:6]), _prep(tmp_path))
    assert res.notes[0].endswith("code cell 5: T5 (and 1 more)")
    res = cli.Result("a", "a.ipynb")
    cli.finish(res, _answers(tmp_path, [cells[6]]), _prep(tmp_path))
    assert res.notes == ["stopped: code cell 7: " + "s" * 149 + "…"]


def test_two_hand_graded_questions_are_listed_together():
    questions = [Question("q1", 3.0, False), Question("q8", 2.0, True), Question("q9", 1.5, True)]
    _, rows = cli.gradebook_rows([cli.Result("a", "a")], questions)
    assert rows[0]["reasons"] == "to grade by hand: q8 (2 pt), q9 (1.5 pt)"


def test_grade_accepts_the_smallest_limits_and_lists_ten_hidden_files(
    subs, tmp_path, stubbed, capsys
):
    cells = [{"cell": 1, "status": "error", "error": "E"}]
    (subs / "a.ipynb").write_text(json.dumps({"cells": cells}))
    for i in range(11):
        (subs / f".h{i:02d}").write_text("")
    rows = _grade(subs, tmp_path, timeout=0.5, cell_timeout=0.5, memory_mb=512)
    assert rows[0]["notes"] == "errors while running: code cell 1: E"
    err = capsys.readouterr().err
    hidden = ", ".join(f".h{i:02d}" for i in range(10))
    assert f"skipping 11 hidden file(s) or folder(s): {hidden}\n" in err
    assert (
        "grading 1 file(s) with 2 worker(s), at most 0.5 s per notebook and 0.5 s per cell" in err
    )


def test_phase_2_goes_on_after_a_submission_it_could_not_grade(tmp_path, runs):
    items = _items(tmp_path, 2)
    scores = {
        "0": {"error": "unreadable"},
        "1": {"results": {"q1": {"score": 3}, "q2": {"score": 2}}},
    }
    runs.write = {"phase2": {"stdout": json.dumps(scores)}}
    cli.phase2(
        items,
        prep=_prep(tmp_path),
        base=tmp_path / "base",
        sandbox=True,
        timeout=5.0,
        memory_mb=600,
        batch="0",
    )
    assert items[0][0].reasons == ["the answers could not be graded: unreadable"]
    assert items[1][0].scores == {"q1": 3.0, "q2": 2.0} and len(runs) == 1


def test_phase_2_regrades_in_the_sandbox_and_keeps_the_others(tmp_path, runs):
    items = _items(tmp_path, 2)

    def answer(job):
        if len(job["items"]) > 1:
            return json.dumps({"1": {"results": {"q1": {"score": 3}, "q2": {"score": 2}}}})
        return json.dumps({"0": {"results": {"q1": {"score": 1}, "q2": {"score": 1}}}})

    runs.write = {"phase2": {"stdout": answer}}
    cli.phase2(
        items,
        prep=_prep(tmp_path),
        base=tmp_path / "base",
        sandbox=True,
        timeout=5.0,
        memory_mb=600,
        batch="0",
    )
    assert [c["work"].name for c in runs] == ["phase2-0", "phase2-0-0"]
    assert all(c["sandbox"] is True for c in runs)
    assert items[0][0].scores == {"q1": 1.0, "q2": 1.0}
    assert items[0][0].status == "graded" and items[0][0].reasons == [
        "q1 (-2): tests failed",
        "q2 (-1): tests failed",
    ]
    assert items[1][0].scores == {"q1": 3.0, "q2": 2.0}


def test_the_tail_of_a_long_log_is_its_last_4000_bytes(tmp_path):
    line = "".join(str(i % 7) for i in range(5000))
    (tmp_path / "log").write_text(line)
    assert cli._tail(tmp_path / "log") == line[-4000:][:299] + "…"


def test_phase_1_time_is_the_time_it_took(tmp_path, runs):
    path = _write_nb(tmp_path / "a.ipynb", _nb())
    (res, _), _ = _run_one(tmp_path, path)
    assert 0 < res.seconds < 60


def test_a_stopped_cell_without_an_error_text_is_still_listed(tmp_path):
    res = cli.Result("a", "a.ipynb")
    cli.finish(res, _answers(tmp_path, [{"cell": 9, "status": "timeout"}]), _prep(tmp_path))
    assert res.notes == ["stopped: code cell 9:"]
