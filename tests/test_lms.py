"""LMS exports: a gradebook and a platform roster become a Canvas or Moodle import file.

The formats followed (headers and id columns) are cited in multipolar/grade/lms.py's docstring:
Canvas Instructor Guide, "How do I import grades in the Gradebook?"; Moodle Docs, "Grade import".
"""

import csv
from pathlib import Path

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


# --------------------------------------------------------------------------- each piece, exactly


def test_read_csv_says_what_is_wrong_with_the_file(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(lms.LmsError) as err:
        lms.read_csv(missing, "canvas roster", [])
    assert str(err.value) == f"the canvas roster {missing} does not exist"
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Student\nJosé\n".encode("latin-1"))
    with pytest.raises(lms.LmsError) as err:
        lms.read_csv(latin, "gradebook", [])
    assert str(err.value) == f"the gradebook {latin} is not UTF-8 text; save it as CSV (UTF-8)"
    huge = tmp_path / "huge.csv"
    huge.write_text("a\n" + "x" * (csv.field_size_limit() + 10) + "\n")
    with pytest.raises(lms.LmsError) as err:
        lms.read_csv(huge, "gradebook", [])
    assert str(err.value).startswith(
        f"the gradebook {huge} is not a readable CSV file (field larger"
    )
    short = _write(tmp_path / "short.csv", [" a ", "b"], [["1", "2"]])
    with pytest.raises(lms.LmsError) as err:
        lms.read_csv(short, "roster", ["a", "c", "d"])
    assert str(err.value) == f"the roster {short} has no column 'c'; its columns are ['a', 'b']"


def test_read_csv_trims_headers_keeps_values_and_reads_excel_utf8(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes("\ufeff Student ,ID\n José , 7\nshort\nx,y,extra\n".encode())
    rows = lms.read_csv(path, "roster", ["Student", "ID"])
    assert rows == [
        {"Student": " José ", "ID": " 7"},
        {"Student": "short", "ID": ""},
        {"Student": "x", "ID": "y"},
    ]
    blank = tmp_path / "blank.csv"
    blank.write_text("ID,,x\n1,2,3\n")
    assert lms.read_csv(blank, "roster", ["ID"]) == [{"ID": "1", "": "2", "x": "3"}]
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert lms.read_csv(empty, "roster", []) == []
    with pytest.raises(lms.LmsError, match="its columns are \\[\\]"):
        lms.read_csv(empty, "roster", ["ID"])


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "-inf", None])
def test_a_cell_that_is_not_a_finite_number_is_not_a_number(text):
    assert lms._number(text) is None


def test_question_columns_and_totals():
    header = ["student_id", "file", "status", "q1", "q2", "autograded_points", "notes"]
    assert lms.question_columns(header) == ["q1", "q2"]
    assert lms.question_columns(["student_id", "autograded_points"]) == []
    assert lms.total_points({"q1": "1.5", "q2": "2"}, ["q1", "q2"]) == (3.5, True)
    assert lms.total_points({"q1": "1.5", "q2": " "}, ["q1", "q2"]) == (1.5, False)
    assert lms.total_points({"q1": "1.5"}, ["q1", "q2"]) == (1.5, False)


def test_one_student_with_two_submissions_is_not_exported():
    roster = [{"Student": "Lee, Alice", "SIS Login ID": "alice"}]
    book = [
        {"student_id": "alice", "file": "alice.ipynb"},
        {"student_id": "alice", "file": "alice"},
        {"student_id": "", "file": ".ipynb"},
        {"file": "nobody.ipynb"},
    ]
    m = lms.match_roster(roster, book, "SIS Login ID")
    assert m.pairs == [] and m.missing_students == []
    assert m.ambiguous == ["alice (2 submissions: alice.ipynb, alice)"]
    assert m.unmatched_submissions == [".ipynb", "nobody.ipynb", "alice.ipynb", "alice"]
    roster.append({"Student": "Khan, Bob", "SIS Login ID": "bob"})
    m = lms.match_roster(
        roster, book + [{"student_id": "bob", "file": "bob.ipynb"}], "SIS Login ID"
    )
    assert [(p["Student"], g["file"]) for p, g in m.pairs] == [("Khan, Bob", "bob.ipynb")]


def test_a_student_whose_id_two_submissions_share_is_not_also_missing():
    roster = [{"ID": "a"}, {"ID": "b"}]
    m = lms.match_roster(
        roster, [{"student_id": "a", "file": "1"}, {"student_id": "a", "file": "2"}], "ID"
    )
    assert m.missing_students == ["b"] and m.pairs == []


def test_an_empty_roster_cell_stays_empty_in_the_import():
    m = lms.Match(pairs=[({"ID": "7"}, {"q1": "1"})])
    _, rows = lms.import_table(m, "Ch2", ["q1", "q2"], ["Student", "ID"])
    assert rows == [["", "7", "1"]] and m.manual_missing == [""]


def test_a_roster_row_with_an_empty_id_never_matches_an_empty_id():
    roster = [{"ID": "", "Student": "Blank"}, {"ID": "7", "Student": "Seven"}]
    m = lms.match_roster(roster, [{"student_id": "", "file": "x"}, {"student_id": "7"}], "ID")
    assert [p["Student"] for p, _ in m.pairs] == ["Seven"]
    assert m.unmatched_submissions == ["x"] and m.ambiguous == []
    assert m.to_review == [] and m.missing_students == []


def test_rows_not_graded_in_full_are_listed_for_review():
    roster = [{"ID": "1"}, {"ID": "2"}, {"ID": "3"}]
    book = [
        {"student_id": "1", "status": "flagged"},
        {"student_id": "2", "status": "graded"},
        {"student_id": "3"},
    ]
    m = lms.match_roster(roster, book, "ID")
    assert m.to_review == ["1: flagged"] and len(m.pairs) == 3


@pytest.mark.parametrize(
    "row, shown",
    [
        ({"ID": "7", "Student": "Lee, Alice"}, "7 (Lee, Alice)"),
        ({"ID": "7", "First name": "Alice", "Last name": "Lee"}, "7 (Alice Lee)"),
        ({"ID": "7", "First name": "", "Last name": "Lee"}, "7 (Lee)"),
        ({"ID": "7", "Student": ""}, "7"),
        ({"Student": "Lee"}, " (Lee)"),
        ({}, ""),
    ],
)
def test_a_missing_student_is_named_by_id_and_name(row, shown):
    assert lms._person(row, "ID") == shown


def test_import_table_has_the_points_possible_row_only_when_asked():
    m = lms.Match(pairs=[({"ID": "7", "Student": "A"}, {"student_id": "a", "q1": "2.5", "q2": ""})])
    header, rows = lms.import_table(m, "Ch2", ["q1", "q2"], ["Student", "ID"], 12.5)
    assert header == ["Student", "ID", "Ch2"]
    assert rows == [["Points Possible", "", "12.5"], ["A", "7", "2.5"]]
    assert m.manual_missing == ["a"]
    _, rows = lms.import_table(m, "Ch2", ["q1"], ["Student", "ID"])
    assert rows == [["A", "7", "2.5"]]


def test_export_writes_points_possible_from_the_gradebook_and_leaves_no_partial_file(
    tmp_path, canvas_roster
):
    book = _gradebook(tmp_path, [_result("alice", 3, 1)])
    out = tmp_path / "o.csv"
    lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", out)
    assert _read(out)[1] == ["Points Possible", "", "", "", "", "10"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["canvas.csv", "gradebook.csv", "o.csv"]
    assert b"\r" not in out.read_bytes()  # lines end as the gradebook's do
    rows = list(csv.DictReader(open(book, encoding="utf-8")))
    rows[0]["manual_possible"] = ""
    _write(book, list(rows[0]), [list(r.values()) for r in rows])
    lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", out, force=True)
    assert _read(out)[1][-1] == "6"
    rows[0]["autograded_possible"] = "x"
    rows[0]["manual_possible"] = "4"
    _write(book, list(rows[0]), [list(r.values()) for r in rows])
    lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", out, force=True)
    assert _read(out)[1][-1] == "4"


def test_export_of_an_empty_gradebook_lists_every_student_as_missing(tmp_path, canvas_roster):
    book = _write(tmp_path / "g.csv", lms.GRADEBOOK_COLUMNS, [])
    out = tmp_path / "o.csv"
    m = lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", out)
    assert _read(out) == [lms.CANVAS_ID_COLUMNS + ["Ch2"]]
    assert m.missing_students == ["alice (Lee, Alice)", "bob (Khan, Bob)", "chen (Ito, Chen)"]


def test_a_points_possible_row_with_spaces_is_not_a_student(tmp_path):
    roster = _write(
        tmp_path / "r.csv",
        lms.CANVAS_ID_COLUMNS,
        [[" Points Possible ", "", "", "", ""], ["Lee, Alice", "101", "S001", "alice", "A"]],
    )
    book = _gradebook(tmp_path, [])
    m = lms.export(book, roster, "canvas", "SIS Login ID", "Ch2", tmp_path / "o.csv")
    assert m.missing_students == ["alice (Lee, Alice)"]
    moodle = _write(
        tmp_path / "m.csv",
        lms.MOODLE_ID_COLUMNS + ["Student"],
        [["A", "B", "Points Possible", "e", "Points Possible"]],
    )
    m = lms.export(book, moodle, "moodle", "ID number", "Ch2", tmp_path / "p.csv")
    assert m.missing_students == ["Points Possible (Points Possible)"]
    assert _read(tmp_path / "p.csv") == [lms.MOODLE_ID_COLUMNS + ["Ch2"]]


@pytest.mark.parametrize("assignment", ["", "   "])
def test_the_assignment_must_be_named(tmp_path, canvas_roster, assignment):
    book = _gradebook(tmp_path, [_result("alice", 3, 3)])
    with pytest.raises(lms.LmsError) as err:
        lms.export(book, canvas_roster, "canvas", "SIS Login ID", assignment, tmp_path / "o.csv")
    assert str(err.value) == "--assignment must name the assignment as the platform should show it"


def test_refusals_name_the_file_and_the_choices(tmp_path, canvas_roster):
    book = _gradebook(tmp_path, [_result("alice", 3, 3)])
    with pytest.raises(lms.LmsError) as err:
        lms.export(book, canvas_roster, "blackboard", "ID", "Ch2", tmp_path / "o.csv")
    assert str(err.value) == "unknown platform 'blackboard'; choose one of ['canvas', 'moodle']"
    with pytest.raises(lms.LmsError) as err:
        lms.export(book, canvas_roster, "canvas", "SIS Login ID", "Ch2", canvas_roster)
    assert str(err.value) == (
        f"{canvas_roster} already exists; choose another --out or add --force to overwrite it"
    )
    with pytest.raises(lms.LmsError) as err:
        lms.export(book, tmp_path / "none.csv", "moodle", "Login", "Ch2", tmp_path / "o.csv")
    assert str(err.value) == f"the moodle roster {tmp_path / 'none.csv'} does not exist"
    bad = _write(tmp_path / "bad.csv", ["student_id"], [["a"]])
    with pytest.raises(lms.LmsError) as err:
        lms.export(bad, canvas_roster, "canvas", "SIS Login ID", "Ch2", tmp_path / "o.csv")
    assert str(err.value).startswith(f"the gradebook {bad} has no column 'file'")


def test_report_lists_every_section_with_its_count():
    m = lms.Match(
        pairs=[({}, {}), ({}, {})],
        unmatched_submissions=["zed.ipynb"],
        ambiguous=["same (matches 2 roster rows)"],
        missing_students=["chen (Ito, Chen)", "dan"],
        manual_missing=["alice"],
        to_review=["bob: flagged"],
    )
    assert lms.report(m, "canvas", Path("o.csv")) == "\n".join(
        [
            "canvas: wrote 2 student(s) to o.csv",
            "submissions with no roster match (not exported): 1",
            "  - zed.ipynb",
            "ambiguous ids (not exported): 1",
            "  - same (matches 2 roster rows)",
            "rostered students with no submission: 2",
            "  - chen (Ito, Chen)",
            "  - dan",
            "hand-graded questions still blank (exported autograded points only): 1",
            "  - alice",
            "rows the grader marked for review: 1",
            "  - bob: flagged",
        ]
    )
    assert lms.report(lms.Match(), "moodle", Path("x.csv")) == "moodle: wrote 0 student(s) to x.csv"


def test_command_line_help_and_errors(tmp_path, canvas_roster, capsys):
    with pytest.raises(SystemExit):
        lms.main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert text.startswith("usage: python -m multipolar.grade.lms ")
    for words in [
        "Write a Canvas or Moodle grade-import CSV from a course gradebook and the platform's "
        "roster, matching ids exactly and listing everything unmatched.",
        "gradebook CSV written by python -m multipolar.grade",
        "the platform's roster or gradebook export (CSV)",
        "{canvas,moodle}",
        "roster column whose value equals the submission's file name (e.g. 'SIS Login ID' on "
        "Canvas, 'ID number' or 'Email address' on Moodle)",
        "assignment (Canvas) or grade item (Moodle) column name",
        "import file to write",
        "overwrite --out if it exists",
    ]:
        assert f" {words} " in f" {text} "
    book = _gradebook(tmp_path, [_result("bob", 3, 3)])
    base = [str(book), "--roster", str(canvas_roster), "--key", "SIS Login ID"]
    base += ["--assignment", "W2", "--out", str(tmp_path / "o.csv")]
    for missing in ("--roster", "--key", "--assignment", "--out"):
        i = base.index(missing)
        with pytest.raises(SystemExit):
            lms.main(base[:i] + base[i + 2 :] + ["--platform", "canvas"])
        assert missing in capsys.readouterr().err
    with pytest.raises(SystemExit):
        lms.main(base)
    assert "--platform" in capsys.readouterr().err
    assert lms.main(base + ["--platform", "moodle"]) == 2
    assert capsys.readouterr().err == (
        f"error: the moodle roster {canvas_roster} has no column 'First name'; its columns are "
        f"{lms.CANVAS_ID_COLUMNS + ['Chapter 2 exercises (4411)']}\n"
    )
    assert lms.main(base + ["--platform", "canvas"]) == 0
    assert capsys.readouterr().out == (
        f"canvas: wrote 1 student(s) to {tmp_path / 'o.csv'}\n"
        "rostered students with no submission: 2\n  - alice (Lee, Alice)\n  - chen (Ito, Chen)\n"
        "hand-graded questions still blank (exported autograded points only): 1\n  - bob\n"
    )
