"""Fast unit tests of the grader's pieces that phase 2 and the grader's own process use directly.

- ``axes.rebuild``: the chart a student drew, rebuilt from the data phase 1 recorded, so that the
  answer checks read the same lines, bars, points, labels, ticks, limits and scales;
- ``assignment``: the questions, tests and answer names read from our own master notebooks.
"""

from __future__ import annotations

import zipfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from multipolar.grade import assignment as asg  # noqa: E402
from multipolar.grade.answers import decode, encode  # noqa: E402
from multipolar.grade.axes import _style, rebuild  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


# --------------------------------------------------------------------------- axes.rebuild


def test_a_line_comes_back_with_its_data_label_style_colour_and_marker():
    ax = rebuild(
        {
            "lines": [
                {
                    "x": [1980, 1990],
                    "y": [1.5, 2.5],
                    "label": "China",
                    "linestyle": ":",
                    "color": "#0072b2",
                    "marker": "o",
                },
                {"x": [1, 2], "y": [3, 4], "linestyle": "bogus", "marker": "None"},
                {"x": [1, 2], "y": [3, 4], "marker": "$x$"},
                {"x": [1, 2], "y": [3], "label": "Broken"},
            ]
        }
    )
    china, plain, odd, broken = ax.get_lines()
    assert list(china.get_xdata()) == [1980, 1990] and list(china.get_ydata()) == [1.5, 2.5]
    assert china.get_label() == "China" and china.get_linestyle() == ":"
    assert to_hex(china.get_color()) == "#0072b2" and china.get_marker() == "o"
    assert plain.get_linestyle() == "-" and plain.get_marker() == "None"
    assert plain.get_label().startswith("_") and to_hex(plain.get_color()) != "#0072b2"
    assert odd.get_marker() == "None"
    assert list(broken.get_xdata()) == [] and broken.get_label() == "Broken"


@pytest.mark.parametrize(
    "style", ["-", "--", "-.", ":", "None", " ", "", "solid", "dashed", "dashdot", "dotted"]
)
def test_every_line_style_matplotlib_knows_is_kept(style):
    assert _style(style) == style


@pytest.mark.parametrize("style", ["bogus", None, 3, "-- "])
def test_an_unknown_line_style_becomes_solid(style):
    assert _style(style) == "-"


def test_vertical_and_horizontal_bars_come_back_where_they_were():
    fig, ax = plt.subplots()
    ax.bar([0, 1], [20.5, 30.0], width=0.5, bottom=[1, 2], label="members", color="#e69f00")
    ax.barh([0, 1, 2], [3, 4, 5], height=0.4, left=1, label="side")
    back = decode(encode(ax))
    vertical, horizontal = back.containers
    assert vertical.get_label() == "members" and list(vertical.datavalues) == [20.5, 30.0]
    assert [(b.get_x(), b.get_y(), b.get_width(), b.get_height()) for b in vertical] == [
        (b.get_x(), b.get_y(), b.get_width(), b.get_height()) for b in ax.containers[0]
    ]
    assert to_hex(vertical[0].get_facecolor()) == "#e69f00"
    assert horizontal.orientation == "horizontal" and list(horizontal.datavalues) == [3, 4, 5]
    assert horizontal.get_label() == "side"
    assert [(b.get_x(), b.get_y(), b.get_width(), b.get_height()) for b in horizontal] == [
        (b.get_x(), b.get_y(), b.get_width(), b.get_height()) for b in ax.containers[1]
    ]


def test_bars_whose_values_do_not_fit_take_their_heights_from_the_rectangles():
    ax = rebuild(
        {
            "bars": [
                {"rects": [[0, 0, 1, 5], [1, 0, 1, 7], "junk", [1, 2]], "values": [1]},
                {"rects": [[0, 0, 2, 1], [0, 1, 3, 1]], "values": "x", "orientation": "horizontal"},
            ]
        }
    )
    up, side = ax.containers
    assert list(up.datavalues) == [5, 7] and [b.get_height() for b in up] == [5, 7]
    assert [b.get_x() for b in up] == [0, 1] and up.get_label().startswith("_")
    assert list(side.datavalues) == [2, 3] and [b.get_width() for b in side] == [2, 3]
    assert [b.get_y() for b in side] == [0, 1] and [b.get_height() for b in side] == [1, 1]


def test_the_checks_read_the_values_the_chart_recorded():
    ax = rebuild({"bars": [{"rects": [[0, 0, 1, 5], [1, 0, 1, 7]], "values": [6, 8]}]})
    assert list(ax.containers[0].datavalues) == [6, 8]


def test_a_bar_set_without_rectangles_is_empty_and_the_chart_still_comes_back():
    ax = rebuild({"bars": [{"values": [1], "label": "none"}], "title": "kept"})
    assert len(ax.containers) == 1 and len(ax.containers[0]) == 0 and ax.get_title() == "kept"


def test_a_chart_without_labels_has_empty_labels():
    ax = rebuild({})
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("", "", "")


def test_points_come_back_and_unreadable_points_are_left_out():
    ax = rebuild(
        {"points": [{"xy": [[1, 2], [3, 4]], "label": "members"}, {"xy": 5}, {"xy": [[1, 2]]}]}
    )
    first, second = ax.collections
    assert first.get_offsets().tolist() == [[1, 2], [3, 4]] and first.get_label() == "members"
    assert second.get_label().startswith("_")


def test_scales_limits_ticks_labels_title_and_legend_come_back():
    ax = rebuild(
        {
            "lines": [{"x": [1, 10], "y": [1, 100], "label": "a"}],
            "xscale": "log",
            "yscale": "linear",
            "xlim": [1, 10],
            "ylim": [0, 120],
            "ticks": {
                "x": {"at": [1, 10], "labels": ["one", "ten"]},
                "y": {"at": [0], "labels": []},
            },
            "xlabel": "Year",
            "ylabel": "Share (%)",
            "title": "A title",
            "legend": ["a"],
        }
    )
    assert ax.get_xscale() == "log" and ax.get_yscale() == "linear"
    assert ax.get_xlim() == (1.0, 10.0) and ax.get_ylim() == (0.0, 120.0)
    assert list(ax.get_xticks()) == [1.0, 10.0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["one", "ten"]
    assert list(ax.get_yticks()) != [0.0]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("Year", "Share (%)", "A title")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a"]


@pytest.mark.parametrize("scale", ["symlog", "logit"])
def test_every_scale_matplotlib_offers_comes_back(scale):
    assert rebuild({"yscale": scale}).get_yscale() == scale


def test_limits_a_log_scale_refuses_still_leave_the_ticks_and_labels():
    ax = rebuild(
        {
            "yscale": "log",
            "ylim": [-1, "x"],
            "xlim": [1, 2, 3],
            "ticks": {"y": {"at": [1, 10], "labels": ["1", "10"]}, "x": None},
            "ylabel": "log",
        }
    )
    assert ax.get_yscale() == "log" and [t.get_text() for t in ax.get_yticklabels()] == ["1", "10"]
    assert ax.get_ylabel() == "log" and ax.get_xlim() == (0.0, 1.0)
    ax = rebuild({"xscale": "weird", "xlim": [2, 3]})
    assert ax.get_xscale() == "linear" and ax.get_xlim() == (2.0, 3.0)


def test_no_legend_unless_there_was_one():
    assert (
        rebuild({"lines": [{"x": [1], "y": [1], "label": "a"}], "legend": None}).get_legend()
        is None
    )


def test_a_figure_comes_back_with_each_of_its_axes():
    fig = rebuild(
        {
            "kind": "Figure",
            "axes": [{"title": "left"}, "junk", {"title": "right", "ylabel": "y"}],
        }
    )
    assert [a.get_title() for a in fig.axes] == ["left", "right"]
    assert fig.axes[1].get_ylabel() == "y"
    assert rebuild({"kind": "Figure", "axes": []}).axes == []
    assert rebuild({"kind": "Figure"}).axes == []
    many = rebuild({"kind": "Figure", "axes": [{"title": str(i)} for i in range(25)]})
    assert [a.get_title() for a in many.axes] == [str(i) for i in range(20)]


def test_an_axes_comes_back_as_an_axes_not_a_figure():
    ax = rebuild({"kind": "Axes", "title": "t"})
    assert type(ax).__name__ == "Axes" and ax.get_title() == "t" and len(ax.figure.axes) == 1


# --------------------------------------------------------------------------- assignment


def _master(tmp_path, cells):
    import nbformat

    nb = nbformat.v4.new_notebook()
    for kind, src, *meta in cells:
        cell = {
            "raw": nbformat.v4.new_raw_cell,
            "code": nbformat.v4.new_code_cell,
            "markdown": nbformat.v4.new_markdown_cell,
        }[kind](src)
        if meta:
            cell.metadata.update(meta[0])
        nb.cells.append(cell)
    path = tmp_path / "master.ipynb"
    nbformat.write(nb, path)
    return path


def test_master_questions_read_points_and_kind(tmp_path):
    path = _master(
        tmp_path,
        [
            ("raw", "# BEGIN QUESTION\nname: q1\npoints: 3"),
            ("raw", "  #begin question\nname: q2\npoints: [1, 0.5, 2]"),
            ("raw", "# BEGIN QUESTION\nname: q3\npoints:\n  each: 2.5"),
            ("raw", "# BEGIN QUESTION\nname: 4\nmanual: true"),
            ("raw", "# BEGIN QUESTION\nname: q5\npoints: {}"),
            ("code", "# BEGIN QUESTION\nname: q9"),
            ("raw", "# END QUESTION"),
        ],
    )
    assert asg.master_questions(path) == [
        asg.Question("q1", 3.0, False),
        asg.Question("q2", 3.5, False),
        asg.Question("q3", 2.5, False),
        asg.Question("4", 1.0, True),
        asg.Question("q5", 1.0, False),
    ]
    assert isinstance(asg.master_questions(path)[0].points, float)


def test_a_question_header_without_its_settings_is_an_error(tmp_path):
    with pytest.raises((KeyError, TypeError)):
        asg.master_questions(_master(tmp_path, [("raw", "# BEGIN QUESTION")]))


def _zip(tmp_path, members):
    path = tmp_path / "ag.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def test_extract_tests_copies_only_the_test_files(tmp_path):
    ag = _zip(
        tmp_path,
        {
            "tests/q1.py": "a = 1",
            "tests/q2.py": "b = 2",
            "tests/sub/q3.py": "no",
            "tests//q5.py": "no",
            "tests/notes.txt": "no",
            "other/q4.py": "no",
        },
    )
    tests = asg.extract_tests(ag, tmp_path / "dest")
    assert tests == tmp_path / "dest" / "tests"
    assert sorted(p.name for p in tests.iterdir()) == ["q1.py", "q2.py"]
    assert (tests / "q1.py").read_text() == "a = 1"
    again = asg.extract_tests(ag, tmp_path / "dest")  # an existing folder is fine
    assert again == tests


def test_an_autograder_without_tests_is_an_error(tmp_path):
    ag = _zip(tmp_path, {"other/q1.py": "x"})
    with pytest.raises(asg.GradingError) as err:
        asg.extract_tests(ag, tmp_path / "dest")
    assert str(err.value) == f"the autograder {ag} has no tests/ folder"


def test_names_per_question_uses_the_files_name_unless_it_sets_one(tmp_path):
    (tmp_path / "q1.py").write_text("def test_a(x, env):\n    pass\n")
    (tmp_path / "q2.py").write_text(
        "name = 'second'\nother = 'x'\nname2 = 3\ndef test_b(y, y2):\n    pass\n"
    )
    (tmp_path / "q3.py").write_text(
        "name = f'{1}'\nx, name = 1, 2\ndef test(z):\n    pass\nz = 1\n"
    )
    assert asg.names_per_question(tmp_path) == {"q1": ["x"], "second": ["y", "y2"], "q3": ["z"]}


def test_code_cells_leave_out_what_otter_ignores():
    import nbformat

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("a = 1"),
            nbformat.v4.new_markdown_cell("text"),
            nbformat.v4.new_code_cell("b = 2", metadata={"tags": ["otter_ignore"]}),
            nbformat.v4.new_code_cell("c = 3", metadata={"otter": {"ignore": True}}),
            nbformat.v4.new_code_cell(
                "d = 4", metadata={"otter": {"ignore": False}, "tags": ["x"]}
            ),
            nbformat.v4.new_code_cell("e = 5", metadata={"otter": None}),
        ]
    )
    nb.cells[0]["source"] = ["a = 1\n", "a += 1"]
    del nb.cells[5]["source"]
    nb.cells.append({"cell_type": "code", "source": "f = 6"})
    assert asg.code_cells(nb) == ["a = 1\na += 1", "d = 4", "", "f = 6"]


def test_solution_cells_leave_out_the_tests_and_the_test_config(tmp_path):
    path = _master(
        tmp_path,
        [
            ("code", "x = 1"),
            ("raw", "# BEGIN TESTS"),
            ("code", "assert x == 1"),
            ("raw", " # end tests "),
            ("code", "y = 2"),
            ("raw", "#begin tests"),
            ("raw", "a raw cell among the tests"),
            ("code", "assert y"),
            ("raw", "# END TESTS"),
            ("code", "# BEGIN TEST CONFIG\nx"),
            ("markdown", "z = 3"),
            ("code", "w = 4", {"tags": ["otter_ignore"]}),
        ],
    )
    assert asg.solution_cells(path) == ["x = 1", "y = 2"]


def test_computed_answers_are_those_the_solution_does_not_type_in(tmp_path):
    path = _master(
        tmp_path,
        [
            ("code", "a = f(1)\nb = 2.5\nc = 1\nc += g()\nd: int = h()\n(e, f2) = (k(), 3)"),
            ("code", "x = (1"),
            ("code", "other = f()\ng2 = k()"),
            ("code", "obj.a = 5"),
        ],
    )
    names = {"a", "b", "c", "d", "e", "f2", "g2", "unused"}
    assert asg.computed_answers(path, names) == {"a", "d", "e", "g2"}


def test_the_shipped_solutions_compute_what_their_tests_read():
    master = asg.SOLUTIONS / "ch02.ipynb"
    assert asg.SOLUTIONS == asg.ROOT / "solutions" and master.is_file()
    questions = asg.master_questions(master)
    assert [q.name for q in questions] == ["q1", "q2", "q3", "q4", "q5"]
    assert [q.manual for q in questions] == [False, False, False, False, True]


def test_build_autograder_reports_otters_error(tmp_path, monkeypatch):
    import subprocess
    from pathlib import Path

    calls = []

    def fake_run(cmd, **kw):
        calls.append((cmd, kw))
        return subprocess.CompletedProcess(cmd, 1, "", "x" * 3000 + "otter: no such notebook")

    monkeypatch.setattr(asg.subprocess, "run", fake_run)
    with pytest.raises(asg.GradingError) as err:
        asg.build_autograder("ch02", tmp_path)
    master = asg.SOLUTIONS / "ch02.ipynb"
    text = str(err.value)
    assert text.startswith(f"could not build the autograder from {master}:\n")
    assert text.endswith("otter: no such notebook") and len(text.split("\n", 1)[1]) == 2000
    cmd, kw = calls[0]
    assert cmd[1:5] == ["-m", "otter", "assign", "--no-run-tests"] and cmd[5] == str(master)
    assert cmd[6].endswith("/dist") and kw["cwd"] == cmd[6][: -len("/dist")]
    assert Path(kw["cwd"]).parent == tmp_path  # inside the grader's own temporary folder
    assert kw["capture_output"] is True and kw["text"] is True
    assert list(tmp_path.iterdir()) == []


def test_build_autograder_copies_the_one_zip_otter_makes(tmp_path, monkeypatch):
    import subprocess
    from pathlib import Path

    def fake_run(cmd, **kw):
        out = Path(cmd[6]) / "autograder"
        out.mkdir(parents=True)
        (out / "ch02-autograder_2026.zip").write_bytes(b"PK zip")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(asg.subprocess, "run", fake_run)
    target = asg.build_autograder("ch02", tmp_path)
    assert target == tmp_path / "ch02-autograder.zip" and target.read_bytes() == b"PK zip"
    assert [p.name for p in tmp_path.iterdir()] == ["ch02-autograder.zip"]

    def two_zips(cmd, **kw):
        out = Path(cmd[6]) / "autograder"
        out.mkdir(parents=True)
        for n in ("a.zip", "b.zip"):
            (out / n).write_bytes(b"PK")
        return subprocess.CompletedProcess(cmd, 0, "", "two")

    monkeypatch.setattr(asg.subprocess, "run", two_zips)
    with pytest.raises(asg.GradingError, match="could not build the autograder"):
        asg.build_autograder("ch03", tmp_path)
