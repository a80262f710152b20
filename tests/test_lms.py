"""LMS exports: a gradebook and a platform roster become a Canvas or Moodle import file.

The formats followed (headers and id columns) are cited in multipolar/grade/lms.py's docstring:
Canvas Instructor Guide, "How do I import grades in the Gradebook?"; Moodle Docs, "Grade import".
"""

import csv

import pytest

from multipolar.grade import Question, Result, gradebook_rows, write_csv
from multipolar.grade import lms as lms

QUESTIONS = [Question("q1", 3, False), Question("q2", 3, False), Question("q5", 4, True)]


def _gradebook(tmp_path, results, name="gradebook.csv"):
    columns, rows = gradebook_rows(results, QUESTIONS)
    path = tmp_path / name
    write_csv(path, columns, rows)
    return path


def _result(sid, q1, q2, status="graded"):
    r = Result(sid, f"{sid}.ipynb", status=status)
    r.scores = {"q1": q1, "q2": q2}
    return r


def _write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.fixture
def canvas_roster(tmp_path):
    # As Canvas's own Gradebook export lays it out, "Points Possible" row included.
    return _write(
        tmp_path / "canvas.csv",
        lms.CANVAS_ID_COLUMNS + ["Chapter 2 exercises (4411)"],
        [
            ["Points Possible", "", "", "", "", "10"],
            ["Lee, Alice", "101", "S001", "alice", "IR 201 A", ""],
            ["Khan, Bob", "102", "S002", "bob", "IR 201 A", ""],
            ["Ito, Chen", "103", "S003", "chen", "IR 201 B", ""],
        ],
    )


def test_canvas_export_has_canvas_columns_and_ids(tmp_path, canvas_roster):
    book = _gradebook(
        tmp_path, [_result("alice", 3, 1.5), _result("bob", 0, 3), _result("zed", 3, 3)]
    )
    out = tmp_path / "canvas-import.csv"
    m = lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Chapter 2 exercises (4411)", out)
    rows = _read(out)
    assert rows[0] == [
        "Student",
        "ID",
        "SIS User ID",
        "SIS Login ID",
        "Section",
        "Chapter 2 exercises (4411)",
    ]
    assert rows[1][0] == "Points Possible" and rows[1][-1] == "10"
    body = {r[1]: r for r in rows[2:]}  # keyed by Canvas's ID column
    assert set(body) == {"101", "102"}
    assert body["101"][:5] == ["Lee, Alice", "101", "S001", "alice", "IR 201 A"]
    assert body["101"][-1] == "4.5" and body["102"][-1] == "3"
    assert m.unmatched_submissions == ["zed.ipynb"]
    assert m.missing_students == ["chen (Ito, Chen)"]
    # q5 is hand-graded and still blank: exported, but listed for the instructor.
    assert sorted(m.manual_missing) == ["alice", "bob"]


def test_hand_graded_points_are_added_once_filled_in(tmp_path, canvas_roster):
    book = _gradebook(tmp_path, [_result("alice", 3, 1.5)])
    rows = list(csv.DictReader(open(book, encoding="utf-8")))
    rows[0]["q5"] = "3.5"
    _write(book, list(rows[0].keys()), [list(r.values()) for r in rows])
    out = tmp_path / "c.csv"
    m = lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", out)
    assert _read(out)[2][-1] == "8"
    assert m.manual_missing == []


def test_no_guessing_case_or_spacing_differences_are_not_matched(tmp_path, canvas_roster):
    book = _gradebook(tmp_path, [_result("Alice", 3, 3), _result("bob ", 3, 3)])
    out = tmp_path / "c.csv"
    m = lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", out)
    assert len(_read(out)) == 2  # header and Points Possible only
    assert sorted(m.unmatched_submissions) == ["Alice.ipynb", "bob .ipynb"]
    assert len(m.missing_students) == 3


def test_ambiguous_roster_ids_are_not_exported(tmp_path):
    roster = _write(
        tmp_path / "r.csv",
        lms.CANVAS_ID_COLUMNS,
        [["A", "1", "S1", "same", "X"], ["B", "2", "S2", "same", "X"]],
    )
    book = _gradebook(tmp_path, [_result("same", 3, 3)])
    m = lms.export(book, roster, "canvas", "SIS Login ID", "Ch2", tmp_path / "o.csv")
    assert m.pairs == [] and m.unmatched_submissions == ["same.ipynb"]
    assert m.ambiguous and "2 roster rows" in m.ambiguous[0]


def test_moodle_export_has_moodle_columns(tmp_path):
    roster = _write(
        tmp_path / "moodle.csv",
        ["First name", "Last name", "ID number", "Institution", "Department", "Email address"],
        [
            ["Alice", "Lee", "S001", "U", "IR", "alice@uni.example"],
            ["Bob", "Khan", "S002", "U", "IR", "bob@uni.example"],
        ],
    )
    book = _gradebook(tmp_path, [_result("S001", 2, 3), _result("S009", 3, 3, status="flagged")])
    out = tmp_path / "moodle-import.csv"
    m = lms.export(book, roster, "moodle", "ID number", "Chapter 2 exercises", out)
    rows = _read(out)
    assert rows[0] == [
        "First name",
        "Last name",
        "ID number",
        "Email address",
        "Chapter 2 exercises",
    ]
    assert rows[1] == ["Alice", "Lee", "S001", "alice@uni.example", "5"]
    assert len(rows) == 2
    assert m.unmatched_submissions == ["S009.ipynb"]
    assert m.missing_students == ["S002 (Bob Khan)"]


def test_flagged_rows_are_listed_for_review(tmp_path, canvas_roster):
    book = _gradebook(tmp_path, [_result("alice", 0, 0, status="timed out")])
    m = lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", tmp_path / "o.csv")
    assert m.to_review == ["alice: timed out"]
    assert "rows the grader marked for review: 1" in lms.report(m, "canvas", tmp_path / "o.csv")


@pytest.mark.parametrize(
    "problem, args, message",
    [
        ("no roster", {"roster": "missing.csv"}, "does not exist"),
        ("bad key", {"key": "Login"}, "has no column 'Login'"),
        ("bad platform", {"platform": "blackboard"}, "unknown platform"),
    ],
)
def test_bad_inputs_get_a_sentence(tmp_path, canvas_roster, problem, args, message):
    book = _gradebook(tmp_path, [_result("alice", 3, 3)])
    kwargs = {"roster": canvas_roster, "platform": "canvas", "key": "SIS Login ID"} | args
    if kwargs["roster"] == "missing.csv":
        kwargs["roster"] = tmp_path / "missing.csv"
    with pytest.raises(lms.LmsError, match=message):
        lms.export(
            book, kwargs["roster"], kwargs["platform"], kwargs["key"], "Ch2", tmp_path / "o.csv"
        )


def test_command_line_refuses_to_overwrite_and_passes_options(tmp_path, canvas_roster, capsys):
    book = _gradebook(tmp_path, [_result("bob", 3, 3)])
    out = tmp_path / "o.csv"
    out.write_text("keep me")
    argv = [
        str(book),
        "--roster",
        str(canvas_roster),
        "--platform",
        "canvas",
        "--key",
        "SIS Login ID",
        "--assignment",
        "Week 2",
        "--out",
        str(out),
    ]
    assert lms.main(argv) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert lms.main(argv + ["--force"]) == 0
    assert _read(out)[0][-1] == "Week 2"
    assert _read(out)[2][1] == "102"
    assert "wrote 1 student(s)" in capsys.readouterr().out
