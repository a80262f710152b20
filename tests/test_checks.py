"""Unit tests for multipolar.checks: every wrong kind of answer gives a sentence, not a traceback."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from multipolar import checks, feedback  # noqa: E402
from multipolar.feedback import NotSet  # noqa: E402


def message(func, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as info:
        func(*args, **kwargs)
    text = str(info.value)
    assert "Traceback" not in text and text.strip(), text
    return text


def test_fraction_given_for_a_percentage_is_explained():
    text = message(checks.expect_number, 0.224, "us_share_2013", lo=1, hi=100, unit="%")
    assert "percentage between 1 and 100" in text and "0.224" in text and "multiply by 100" in text


@pytest.mark.parametrize(
    "value, words",
    [
        (..., "placeholder"),
        (None, "None"),
        ("22.4", "text"),
        (pd.Series([1.0, 2.0]), "Series"),
        (pd.DataFrame({"a": [1]}), "DataFrame"),
        (np.array([1.0, 2.0]), "numpy array"),
        ([22.4], "list"),
        (True, "True/False"),
        (float("nan"), "nan"),
        (math.inf, "inf"),
    ],
)
def test_wrong_types_get_a_plain_message(value, words):
    text = message(checks.expect_number, value, "answer", lo=0, hi=100, unit="%")
    assert "answer" in text and words in text


def test_good_numbers_pass_and_come_back_as_float():
    assert checks.expect_number(np.float64(22.4), "x", 0, 100, "%") == pytest.approx(22.4)
    assert checks.expect_number(np.array(3.0), "x") == 3.0
    assert checks.expect_number(7, "x", lo=1, unit="times") == 7.0


def test_one_sided_bounds():
    assert "at least 1" in message(checks.expect_number, 0.5, "m", lo=1, unit="times")
    assert "at most 5" in message(checks.expect_number, 6, "m", hi=5)


def test_expect_close_never_reveals_the_expected_value():
    expected = 44.694829
    text = message(checks.expect_close, 50.0, expected, "q1", rel=1e-3, hint="Use CHN.")
    assert "50" in text and "Use CHN." in text
    assert "44.69" not in text and "44.7" not in text
    checks.expect_close(expected * (1 + 5e-4), expected, "q1", rel=1e-3)  # within tolerance


def test_call_student_turns_errors_into_one_line():
    def broken(vintage, year):
        raise KeyError(year)

    text = message(checks.call_student, broken, "us_share", "wdi-2026-07", 2020)
    assert "us_share('wdi-2026-07', 2020) raised KeyError" in text
    assert checks.call_student(lambda a: a + 1, "f", 1) == 2
    assert "should be a function" in message(checks.call_student, 3.0, "f")


def test_expect_frame_names_missing_columns_and_rows():
    df = pd.DataFrame({"year": [2000, 2005], "share_pct": [1.0, 2.0]})
    assert "missing the column(s) ['gdp_usd_bn']" in message(
        checks.expect_frame, df, "t", ["year", "gdp_usd_bn"]
    )
    assert "should have 4 row(s)" in message(checks.expect_frame, df, "t", ["year"], n_rows=4)
    assert ".to_frame()" in message(checks.expect_frame, df["year"], "t", ["year"])
    checks.expect_frame(df, "t", ["year", "share_pct"], n_rows=2)


def test_expect_column_close_names_the_year_not_the_value():
    df = pd.DataFrame({"year": [2000, 2005], "v": [1.0, 2.5]})
    text = message(checks.expect_column_close, df, "v", [1.0, 2.0], "t", "year", [2000, 2005])
    assert "2005" in text and "2.5" in text and "2.0" not in text
    assert "no row for the year [2010]" in message(
        checks.expect_column_close, df, "v", [1, 2, 3], "t", "year", [2000, 2005, 2010]
    )
    checks.expect_column_close(df, "v", [1.0, 2.5], "t", "year", [2000, 2005])


def test_axes_checks_read_the_data_behind_the_chart():
    fig, ax = plt.subplots()
    try:
        assert "at least 2 line(s)" in message(checks.expect_axes, ax, "ax", min_lines=2)
        ax.plot([1980, 1981], [1.0, 2.0], label="China")
        ax.plot([1980, 1981], [3.0, 4.0], label="United States")
        line = checks.line_labelled(ax, "china", "ax")
        assert list(line.get_ydata()) == [1.0, 2.0]
        assert "exactly one line whose label contains 'Japan'" in message(
            checks.line_labelled, ax, "Japan", "ax"
        )
        assert "not the whole Figure" in message(checks.expect_axes, fig, "ax")
        assert "matplotlib Axes" in message(checks.expect_axes, "a chart", "ax")
        text = message(checks.expect_series_close, [1.0, 9.0], [1.0, 2.0], "line", [1980, 1981])
        assert "1981" in text
    finally:
        plt.close(fig)


def test_bar_checks_find_a_set_of_bars_by_its_exact_label():
    fig, ax = plt.subplots()
    try:
        ax.bar([0, 1], [5.0, 6.0], label="Members")
        ax.barh([0, 1, 2], [1.0, 2.0, 3.0], label="Members and observers")
        ax.set_xticks([0, 1], ["Population", "GDP"])
        bars = checks.bars_labelled(ax, "members", "ax", n_bars=2)
        assert list(bars.datavalues) == [5.0, 6.0]
        assert list(checks.bars_labelled(ax, "Members and observers", "ax").datavalues) == [
            1.0,
            2.0,
            3.0,
        ]
        assert "exactly one set of bars labelled 'Observers'" in message(
            checks.bars_labelled, ax, "Observers", "ax"
        )
        assert "should be 3; there are 2" in message(
            checks.bars_labelled, ax, "Members", "ax", n_bars=3
        )
        assert "population" in checks.axis_texts(ax) and "gdp" in checks.axis_texts(ax)
        assert "matplotlib Axes" in message(checks.bars_labelled, "bars", "Members", "ax")
    finally:
        plt.close(fig)


def test_guard_tells_not_set_failed_cell_placeholder_and_none_apart():
    assert "`q1_days` is not set: check the spelling" in message(
        checks.guard, NotSet("q1_days"), "q1_days"
    )
    text = message(checks.guard, NotSet("q3_totals", "ValueError: bad"), "q3_totals")
    assert text.startswith("the cell that sets `q3_totals` stopped with ValueError: bad.")
    assert "placeholder" in message(checks.guard, ..., "x")
    assert "is None (nothing)" in message(checks.guard, None, "x")
    assert "gave None" in message(checks.guard, None, "f(1)")
    checks.guard(0.0, "x")  # a real answer, even a falsy one, passes
    for check in (checks.expect_number, checks.expect_function, checks.expect_axes):
        assert "is not set" in message(check, NotSet("q"), "q")
    assert "is not set" in message(checks.expect_frame, NotSet("q"), "q", ["a"])


@pytest.mark.parametrize(
    "value, kw, words",
    [
        (0.2203, dict(lo=1, hi=100, unit="%"), "looks like a fraction"),
        (1.5e12, dict(lo=10, hi=1e5, unit="billion US$"), "looks like US$, not billions"),
        (1.5e6, dict(lo=10, hi=1e5, unit="billion US$"), "looks like millions of US$"),
        (4558.0, dict(lo=1e11, hi=1e14, unit="US$"), "looks like billions of US$"),
        (1.57e9, dict(lo=10, hi=1e4, unit="million persons"), "looks like persons"),
        (3.02e7, dict(lo=100, hi=1e5, unit="thousand km²"), "looks like km²"),
        (1.14, dict(lo=100, hi=1e5, unit="bcm"), "tcm"),
        (0.38, dict(lo=10, hi=1e4, unit="US$ per thousand m³"), "price per cubic metre"),
        (0.624, dict(lo=-100, hi=-1, unit="% change"), "looks like a ratio"),
        (-0.376, dict(lo=-100, hi=-1, unit="% change"), "looks like a fraction"),
        (37.6, dict(lo=-100, hi=-1, unit="% change"), "wrong sign"),
        (0.937, dict(magnitude=(1, 100), unit="% change"), "looks like a ratio"),
        (0.02, dict(lo=1, hi=1000, unit="times"), "inverse"),
        (353.0, dict(lo=1, hi=50, unit="times"), "looks like a percentage"),
        (26.1, dict(lo=0, hi=1, unit="fraction"), "looks like a percentage"),
        (0.0557, dict(magnitude=(0.5, 50), unit="percentage points"), "difference of fractions"),
        (1.9e11, dict(lo=0.5, hi=100, unit="%"), "an amount, not a share"),
    ],
)
def test_unit_slips_are_named(value, kw, words):
    text = message(checks.expect_number, value, "answer", **kw)
    assert words in text, text


def test_values_in_their_band_pass_and_unexplained_ones_get_no_false_slip():
    assert checks.expect_number(-37.6, "x", lo=-100, hi=-1, unit="% change") == -37.6
    assert checks.expect_number(-6.3, "x", magnitude=(1, 100), unit="% change") == -6.3
    text = message(checks.expect_number, 500.0, "x", lo=1, hi=100, unit="%")
    assert "looks like" not in text and "between 1 and 100" in text
    assert ".days" in message(checks.expect_number, pd.Timedelta(days=3), "x", unit="days")


def test_exact_counts_are_not_described_with_a_tolerance():
    text = message(checks.expect_close, 24, 23, "q1_cica_members", rel=0)
    assert (
        "is not the value computed" in text
        and "%" not in text
        and "23" not in text.replace("q1", "")
    )


def test_rows_are_called_what_they_are():
    df = pd.DataFrame({"economy": ["A", "B"], "x": [1.0, 2.0]})
    assert "one per economy" in message(
        checks.expect_frame, df, "t", ["economy"], n_rows=4, row="economy"
    )
    assert "has no rows" in message(checks.expect_frame, df.iloc[:0], "t", ["economy"])
    text = message(
        checks.expect_series_close, [1, 2], [1, 2, 3], "bars", ["a", "b", "c"], key_word="measure"
    )
    assert "one per measure: a, b, c" in text and "year" not in text


def test_years_as_dates_or_wrong_years_get_a_sentence():
    dates = pd.Series(pd.to_datetime(["2000", "2005"]))
    assert ".dt.year" in message(checks.expect_years, dates, "t['year']", [2000, 2005])
    assert "one row for each year 2000-2002" in message(
        checks.expect_years, [2000, 2001], "t", [2000, 2001, 2002]
    )
    assert "in order" in message(checks.expect_years, [2001, 2000], "t", [2000, 2001], ordered=True)
    checks.expect_years(np.array([2000.0, 2001.0]), "t", [2000, 2001])


def test_expect_raises_goes_through_call_student():
    def strict(x):
        if x != "ok":
            raise ValueError("no")
        return 1

    checks.expect_raises(strict, "strict", "ValueError", "bad")
    assert "should raise ValueError; it gave a result" in message(
        checks.expect_raises, strict, "strict", "ValueError", "ok"
    )
    assert "should raise KeyError; it raised ValueError" in message(
        checks.expect_raises, strict, "strict", "KeyError", "bad"
    )


def test_install_puts_our_sentence_first_and_hides_raw_errors(tmp_path):
    from otter.test_files.exception_test import ExceptionTestFile

    feedback.install({"q1_rate": "ValueError: could not convert"})
    source = (
        "from otter.test_files import test_case\nname = 'q1'\npoints = 2\n"
        "@test_case(points=None, hidden=False)\ndef test_a(q1_days):\n"
        "    from multipolar import checks\n    checks.expect_number(q1_days, 'q1_days', lo=1)\n"
        "@test_case(points=None, hidden=False)\ndef test_b(q1_rate):\n    q1_rate['x']\n"
        "@test_case(points=None, hidden=False)\ndef test_c(q1_text):\n    q1_text['x']\n"
    )
    path = tmp_path / "q1.py"
    path.write_text(source)
    test = ExceptionTestFile.from_file(str(path))
    test.run({"q1_text": "'quoted'"})
    a, b, c = (r.message for r in test.test_case_results)
    assert "`q1_days` is not set" in a and "None" not in a
    assert "the cell that sets `q1_rate` stopped with ValueError: could not convert" in b
    assert "could not read your answer (it stopped with TypeError)" in c
    for text in (a, b, c):
        assert "Traceback" not in text and "Error at line" not in text
    summary = test.summary()
    assert summary.startswith("❌ `q1_days` is not set") and summary.endswith(
        "(q1: 3 of 3 checks failed)"
    )
    assert "<p>❌ `q1_days` is not set" in test._repr_html_()
    feedback.install({})


def test_quotes_are_not_clipped():
    from otter.test_files.exception_test import ExceptionTestFile

    feedback.install()
    test = ExceptionTestFile.from_string(
        "from otter.test_files import test_case\nname = 'q9'\n"
        "@test_case(points=1)\ndef test_q(x):\n    assert False, \"'quoted' end'\"\n"
    )
    test.run({"x": 1})
    assert test.test_case_results[0].message.splitlines()[1] == "'quoted' end'"


def test_session_hook_records_and_forgets_cell_errors():
    feedback.install({})
    from otter.test_files.exception_test import ExceptionTestFile

    feedback.record_cell("q3_totals = pd.DataFrame(rows)", KeyError("rows"))
    test = ExceptionTestFile.from_string(
        "from otter.test_files import test_case\nname = 'q3'\n@test_case(points=1)\n"
        "def test_q3(q3_totals):\n    pass\n"
    )
    test.run({"q3_totals": "an old value"})
    assert "stopped with KeyError: 'rows', so `q3_totals` still holds its value from before" in (
        test.test_case_results[0].message
    )
    assert feedback.cell_errors() == {"q3_totals": "KeyError: 'rows'"}
    feedback.record_cell("q3_totals = 1", None)
    assert feedback.cell_errors() == {}
    feedback.record_cell("q1_days = (5\n", SyntaxError("'(' was never closed"))
    assert feedback.cell_errors()["q1_days"].startswith("SyntaxError")
    feedback.install({})


def _write_nb(path, assignment):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["otter"] = {"assignment_name": assignment}
    nbformat.write(nb, path)


def test_find_notebook_finds_a_renamed_copy_of_its_own_assignment(tmp_path, monkeypatch):
    import os
    import time

    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert feedback.find_notebook("ch02", tmp_path) is None
    _write_nb(tmp_path / "ch03.ipynb", "ch03")
    _write_nb(tmp_path / "alice.ipynb", "ch02")
    assert feedback.find_notebook("ch02", tmp_path).name == "alice.ipynb"
    _write_nb(tmp_path / "ch02 (1).ipynb", "ch02")
    later = time.time() + 10
    os.utime(tmp_path / "ch02 (1).ipynb", (later, later))
    assert feedback.find_notebook("ch02", tmp_path).name == "ch02 (1).ipynb"  # newest first
    session = str(tmp_path / "alice.ipynb")
    assert feedback.find_notebook("ch02", tmp_path, session=session).name == "alice.ipynb"
    (tmp_path / "broken.ipynb").write_text("{not json")
    assert feedback.find_notebook("ch03", tmp_path).name == "ch03.ipynb"


def test_notebook_opens_a_renamed_copy_and_never_raises(tmp_path, monkeypatch, capsys):
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(tmp_path)
    lost = feedback.notebook("ch02")  # no notebook file here at all
    assert "Could not find this notebook's file" in capsys.readouterr().out
    assert "was not found" in str(lost.check("q1", {}))
    shutil.copy(root / "exercises" / "ch02.ipynb", tmp_path / "ch02 (1).ipynb")
    grader = feedback.notebook("ch02")
    assert Path(grader._notebook).name == "ch02 (1).ipynb"
    result = grader.check("q1", {"q1_multiple_2015": 0.5, "q1_multiple_latest": 50.9})
    assert "looks like a fraction" not in result.summary()  # a multiple, not a percentage
    assert result.summary().startswith("❌ q1_multiple_2015 should be a multiple")

    def refuse(*args, **kwargs):
        raise ValueError("Tests directory ./tests does not exist")

    monkeypatch.setattr(feedback, "_FriendlyNotebook", refuse)
    stand_in = feedback.notebook("ch02")
    assert "cannot run here" in capsys.readouterr().out
    assert "cannot run here (ValueError" in str(stand_in.check("q1"))
    feedback.install({})


# ---------------------------------------------------------------- issue 17: tolerance and units
def test_expect_close_applies_the_tolerance_it_is_given():
    """0.5% off fails a 0.1% tolerance and passes a 1% one; the message quotes the tolerance."""
    expected = 22.4
    text = message(checks.expect_close, expected * 1.005, expected, "q1", rel=1e-3)
    assert "by more than 0.1%" in text and "q1 (22.512)" in text
    text = message(checks.expect_close, expected * 0.995, expected, "q1", rel=1e-3)
    assert "by more than 0.1%" in text
    checks.expect_close(expected * 1.005, expected, "q1", rel=1e-2)
    checks.expect_close(expected * 1.0009, expected, "q1", rel=1e-3)
    checks.expect_close(expected, expected, "q1", rel=0)
    assert "by more than 1%" in message(
        checks.expect_close, expected * 1.02, expected, "q1", rel=1e-2
    )


def test_expect_close_on_a_wrong_kind_of_answer_names_the_unit():
    text = message(checks.expect_close, "22.4", 22.4, "q1", unit="%")
    assert text.startswith("q1 should be a percentage; you gave text ('22.4')")


def _solution_units() -> set[str]:
    import json
    import re
    from pathlib import Path

    units = set()
    for path in (Path(__file__).resolve().parents[1] / "solutions").glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            units |= {
                m.group(2)
                for m in re.finditer(r"unit\s*=\s*([\"'])(.*?)\1", "".join(cell["source"]))
            }
    return units


#: What a student reads for each unit the exercise sets use.
UNIT_PHRASES = {
    "%": "should be a percentage",
    "% change": "should be a percentage change",
    "percentage points": "should be a difference in percentage points",
    "times": "should be a multiple (how many times larger)",
    "fraction": "should be a fraction",
    "score": "should be a score",
    "year": "should be a year",
    "days": "should be a number of days",
    "entities": "should be a number of entities",
    "claims": "should be a number of claims",
    "mechanisms": "should be a number of mechanisms",
    "events": "should be a number of events",
    "backers": "should be a number of backers",
    "bcm": "should be a number in bcm",
    "US$": "should be a number in US$",
    "billion US$": "should be a number in billion US$",
    "US$ per thousand m³": "should be a number in US$ per thousand m³",
    "model units": "should be a number in model units",
    "": "should be a number;",
}


def test_every_unit_the_exercise_sets_use_has_its_words():
    used = _solution_units()
    assert used, "no unit= found in solutions/: the test would check nothing"
    assert used <= set(UNIT_PHRASES), f"units without a tested phrase: {used - set(UNIT_PHRASES)}"


@pytest.mark.parametrize("unit", sorted(UNIT_PHRASES))
def test_messages_carry_the_unit(unit):
    assert UNIT_PHRASES[unit] in message(checks.expect_number, "12", "answer", unit=unit)
    band = message(checks.expect_number, -5.0, "answer", lo=1, hi=9, unit=unit)
    assert band.startswith(f"answer {UNIT_PHRASES[unit].rstrip(';')} between 1 and 9; you gave -5")


def test_band_wording():
    assert "should be a number of at least 2; you gave 1," in message(
        checks.expect_number, 1, "x", lo=2
    )
    assert "should be a number of at most 2; you gave 3," in message(
        checks.expect_number, 3, "x", hi=2
    )
    text = message(checks.expect_number, 0.5, "x", magnitude=(1, 100))
    assert "x should be a number between 1 and 100 in size (plus or minus); you gave 0.5" in text
    text = message(checks.expect_number, 200.0, "x", lo=-100, hi=100, magnitude=(1, 100))
    assert (
        "between -100 and 100, and between 1 and 100 in size (plus or minus); you gave 200" in text
    )
    assert checks.expect_number(-50, "x", magnitude=(1, 100)) == -50.0
    assert checks.expect_number(1, "x", lo=1, hi=1) == 1.0


def test_a_factor_of_ten_slip_is_named_when_no_unit_slip_fits():
    assert "is off by a factor of 10^3: check its unit (days)" in message(
        checks.expect_number, 5000, "x", lo=1, hi=10, unit="days"
    )
    assert "is off by a factor of 10^2: check its unit (see the question)" in message(
        checks.expect_number, 0.05, "x", lo=1, hi=10
    )
    assert "looks like" not in message(checks.expect_number, 0, "x", lo=1, hi=10)


# ---------------------------------------------------------------- issue 17: the exact sentences
# Each message is what a student reads: the whole sentence is checked, so a changed word, a lost
# unit or a swapped name shows (mutation testing found many changes the substring checks missed).
def _bars_axes():
    fig, ax = plt.subplots()
    ax.bar([0], [1.0])
    ax.bar([0], [2.0], label="Members")
    return fig, ax


def _raise(exc):
    def f(x, k=0):
        raise exc

    return f


EXACT = [
    (
        checks.expect_number,
        ("22.4", "q"),
        dict(unit="%"),
        "q should be a percentage; you gave text ('22.4'). Give a number, not text: remove the quotation marks.",
    ),
    (
        checks.expect_number,
        ("a" * 31, "q"),
        {},
        "q should be a number; you gave text ('aaaaaaaaaaaaaaaaaaaaaaaaaaa...'). Give a number, not text: remove the "
        "quotation marks.",
    ),
    (
        checks.expect_number,
        ("a" * 30, "q"),
        {},
        "q should be a number; you gave text ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'). Give a number, not text: remove the "
        "quotation marks.",
    ),
    (
        checks.expect_number,
        (pd.Series([1.0]), "q"),
        {},
        "q should be a number; you gave a pandas Series with 1 value(s). Pick out the single number you need "
        "(e.g. with `.loc[...]` or `float(...)`).",
    ),
    (
        checks.expect_number,
        (np.array([1.0, 2.0]), "q"),
        {},
        "q should be a number; you gave a numpy array of shape (2,). Pick out the single number you need "
        "(e.g. with `.loc[...]` or `float(...)`).",
    ),
    (
        checks.expect_number,
        (pd.DataFrame({"a": [1, 2], "b": [3, 4], "c": [5, 6]}), "q"),
        {},
        "q should be a number; you gave a pandas DataFrame with 2 row(s) and 3 column(s). Pick out the single number "
        "you need (e.g. with `.loc[...]` or `float(...)`).",
    ),
    (
        checks.expect_number,
        ([1.0], "q"),
        {},
        "q should be a number; you gave a list with 1 item(s). Give one number, not a collection.",
    ),
    (
        checks.expect_number,
        ({1.0}, "q"),
        {},
        "q should be a number; you gave a set with 1 item(s). Give one number, not a collection.",
    ),
    (
        checks.expect_number,
        ({"a": 1}, "q"),
        {},
        "q should be a number; you gave a dict with 1 item(s).",
    ),
    (
        checks.expect_number,
        (pd.Timedelta(days=3), "q"),
        dict(unit="days"),
        "q should be a number of days; you gave an object of type Timedelta. Take the number of days with `.days`.",
    ),
    (
        checks.expect_number,
        (pd.Timestamp("2015-07-10"), "q"),
        dict(unit="year"),
        "q should be a year; you gave a date (2015-07-10 00:00:00).",
    ),
    (
        checks.expect_number,
        (True, "q"),
        {},
        "q should be a number; you gave a True/False value (True).",
    ),
    (
        checks.expect_number,
        (float("nan"), "q"),
        dict(unit="%"),
        "q should be a percentage; you gave nan. Check for missing years or a division by zero.",
    ),
    (
        checks.expect_number,
        (-math.inf, "q"),
        {},
        "q should be a number; you gave -inf. Check for missing years or a division by zero.",
    ),
    (
        checks.expect_number,
        (500.0, "q"),
        dict(lo=1, hi=100, unit="%"),
        "q should be a percentage between 1 and 100; you gave 500, which is off by a factor of 10^2: check its unit (%).",
    ),
    (checks.expect_numbers, ([], "ys"), {}, "ys has no values."),
    (checks.expect_numbers, (5, "ys"), {}, "ys should be several numbers; you gave the number 5."),
    (
        checks.expect_numbers,
        ([np.float64(50.0), 0.2], "ys"),
        dict(lo=1, hi=100, unit="%"),
        "each value in ys should be a percentage between 1 and 100; you gave 0.2, which looks like a fraction: "
        "multiply by 100.",
    ),
    (
        checks.expect_numbers,
        ([30.0, -0.5], "ys"),
        dict(magnitude=(10, 80), unit="% change"),
        "each value in ys should be a percentage change between 10 and 80 in size (plus or minus); you gave -0.5, "
        "which looks like a fraction: multiply by 100.",
    ),
    (
        checks.expect_numbers,
        (["5"], "ys"),
        {},
        "each value in ys should be a number; you gave text ('5'). Give a "
        "number, not text: remove the quotation marks.",
    ),
    (
        checks.expect_numbers,
        (None, "ys"),
        {},
        "`ys` is None (nothing). If it is the result of your function, the function should end with `return ...`; "
        "`ys = print(...)` also gives None.",
    ),
    (
        checks.expect_years,
        ([2000, 2001.5], "t", [2000, 2001]),
        {},
        "t should hold years as whole numbers (e.g. 2005); it holds the number 2001.5.",
    ),
    (
        checks.expect_years,
        ([2000, "x"], "t", [2000, 2001]),
        {},
        "t should hold years as whole numbers (e.g. 2005); it holds text ('x').",
    ),
    (
        checks.expect_years,
        ([2000, float("nan")], "t", [2000, 2001]),
        {},
        "t should hold years as whole numbers (e.g. 2005); it holds the number nan.",
    ),
    (
        checks.expect_years,
        (list(range(1990, 2004)), "t", list(range(1990, 2003))),
        {},
        "t should have one row for each year 1990-2002; its years are 1990-2003 (14 rows).",
    ),
    (
        checks.expect_years,
        (list(range(1990, 2002)), "t", list(range(1990, 2003))),
        {},
        "t should have one row for each year 1990-2002; its years are [1990, 1991, 1992, 1993, 1994, 1995, 1996, "
        "1997, 1998, 1999, 2000, 2001].",
    ),
    (
        checks.expect_years,
        ([2000, 2005], "t", [2000, 2005, 2010]),
        {},
        "t should have one row for each year 2000, 2005, 2010; its years are [2000, 2005].",
    ),
    (
        checks.expect_years,
        ([2005, 2000], "t", [2000, 2005]),
        dict(ordered=True),
        "t should list the years 2000, 2005 in order (sort by year).",
    ),
    (
        checks.expect_years,
        (None, "t", [2000]),
        {},
        "`t` is None (nothing). If it is the result of your function, the function should end with `return ...`; "
        "`t = print(...)` also gives None.",
    ),
    (
        checks.expect_close,
        (50.0, 44.7, "q1"),
        dict(hint="Use CHN."),
        "q1 (50) differs from the value computed from the course data by more than 0.1%. Use CHN.",
    ),
    (
        checks.expect_close,
        (44.7 * 1.002, 44.7, "q1"),
        {},
        "q1 (44.7894) differs from the value computed from the course data by more than 0.1%.",
    ),
    (
        checks.expect_close,
        (24, 23, "q1"),
        dict(rel=0, hint="Count again."),
        "q1 (24) is not the value computed from the course data. Count again.",
    ),
    (
        checks.expect_close,
        (24, 23, "q1"),
        dict(rel=1e-6),
        "q1 (24) differs from the value computed from the course data by more than 0.0001%.",
    ),
    (
        checks.expect_close,
        ("24", 23, "q1"),
        {},
        "q1 should be a number; you gave text ('24'). Give a number, not text: remove the quotation marks.",
    ),
    (
        checks.expect_function,
        (3, "f"),
        {},
        "f should be a function (defined with `def f(...)`); you gave the number 3.",
    ),
    (
        checks.expect_function,
        (np.float64(2.5), "f"),
        {},
        "f should be a function (defined with `def f(...)`); you gave the number 2.5.",
    ),
    (
        checks.call_student,
        (lambda x: 1 / 0, "f", 2),
        {},
        "calling f(2) raised ZeroDivisionError: division by zero. Run it yourself in a cell to see why.",
    ),
    (
        checks.call_student,
        (_raise(ValueError("")), "f", 2),
        {},
        "calling f(2) raised ValueError. Run it yourself in a cell to see why.",
    ),
    (
        checks.call_student,
        (_raise(ValueError("first line\nsecond line")), "f", 2),
        dict(k=3),
        "calling f(2, k=3) raised ValueError: first line. Run it yourself in a cell to see why.",
    ),
    (
        checks.call_student,
        (5, "f", 2),
        {},
        "f should be a function (defined with `def f(...)`); you gave the number 5.",
    ),
    (
        checks.expect_raises,
        (lambda x, k=0: 1, "f", "ValueError", 2),
        dict(k=3),
        "f(2, k=3) should raise ValueError; it gave a result instead.",
    ),
    (
        checks.expect_raises,
        (lambda x, k=0: int("a"), "f", "KeyError", 2),
        dict(k=3),
        "f(2, k=3) should raise KeyError; it raised ValueError.",
    ),
    (
        checks.expect_raises,
        (5, "f", "ValueError", 2),
        {},
        "f should be a function (defined with `def f(...)`); you gave the number 5.",
    ),
    (
        checks.expect_frame,
        (pd.Series([1]), "t", ["a"]),
        {},
        "t should be a pandas DataFrame; you gave a pandas Series with 1 value(s). Use `.to_frame()` or "
        "`pd.DataFrame(...)`.",
    ),
    (
        checks.expect_frame,
        ([1], "t", ["a"]),
        {},
        "t should be a pandas DataFrame; you gave a list with 1 item(s).",
    ),
    (
        checks.expect_frame,
        (pd.DataFrame({"a": []}), "t", ["a"]),
        dict(n_rows=3, row="year"),
        "t has no rows; it should have 3 row(s), one per year.",
    ),
    (
        checks.expect_frame,
        (pd.DataFrame({"a": []}), "t", ["a"]),
        dict(row="country"),
        "t has no rows; it should have one row per country.",
    ),
    (
        checks.expect_frame,
        (pd.DataFrame({"a": []}), "t", ["a"]),
        {},
        "t has no rows; it should have one row per item.",
    ),
    (
        checks.expect_frame,
        (pd.DataFrame({"a": [1]}), "t", ["a"]),
        dict(n_rows=3),
        "t should have 3 row(s); it has 1.",
    ),
    (
        checks.expect_frame,
        (pd.DataFrame({"a": [1]}), "t", ["a", "b"]),
        {},
        "t is missing the column(s) ['b']; it should have the columns ['a', 'b'] (it has ['a']). If a column is in "
        "the index, use `.reset_index()`.",
    ),
    (
        checks.expect_column_close,
        (
            pd.DataFrame({"year": ["2000", "2005"], "v": [1.0, None]}),
            "v",
            [1.0, 2.0],
            "t",
            "year",
            [2000, 2005],
        ),
        dict(hint="Divide."),
        "t['v'] for the year 2005 is missing or not a number. Divide.",
    ),
    (
        checks.expect_column_close,
        (
            pd.DataFrame({"country": ["A", "B"], "v": [1.0, 3.0]}),
            "v",
            [1.0, 2.0],
            "t",
            "country",
            ["A", "B"],
        ),
        {},
        "t['v'] for the country B (3) differs from the value computed from the course data by more than 0.1%.",
    ),
    (
        checks.expect_column_close,
        (
            pd.DataFrame({"country": ["A", "B"], "v": [1.0, 3.0]}),
            "v",
            [1.0, 2.0],
            "t",
            "country",
            ["A", "B"],
        ),
        dict(rel=0),
        "t['v'] for the country B (3) is not the value computed from the course data.",
    ),
    (
        checks.expect_column_close,
        (pd.DataFrame({"country": ["A"], "v": [1.0]}), "v", [1.0, 2.0], "t", "country", ["A", "B"]),
        {},
        "t has no row for the country ['B']; it should have one row for each of ['A', 'B'].",
    ),
    (
        checks.expect_column_close,
        (pd.DataFrame({"year": [], "v": []}), "v", [1.0], "t", "year", [2000]),
        {},
        "t has no rows; it should have one row per year.",
    ),
    (
        checks.expect_column_close,
        (pd.DataFrame({"year": [2000], "w": [1.0]}), "v", [1.0], "t", "year", [2000]),
        {},
        "t is missing the column(s) ['v']; it should have the columns ['year', 'v'] (it has ['year', 'w']). If a "
        "column is in the index, use `.reset_index()`.",
    ),
    (
        checks.expect_series_close,
        (5, [1.0], "line", [2000]),
        {},
        "line should be several numbers; you gave the number 5.",
    ),
    (
        checks.expect_series_close,
        ([1.0], [1.0, 2.0], "line", [2000, 2001, 2002]),
        {},
        "line has 1 value(s); it should have 2 (one per year: 2000-2002).",
    ),
    (
        checks.expect_series_close,
        (["x", 2.0], [1.0, 2.0], "line", [2000, 2001]),
        {},
        "line for the year 2000 is missing or not a number.",
    ),
    (
        checks.expect_series_close,
        ([None, 2.0], [1.0, 2.0], "line", [2000, 2001]),
        {},
        "line for the year 2000 is missing or not a number.",
    ),
    (
        checks.expect_series_close,
        ([1.0, 2.003], [1.0, 2.0], "line", [2000, 2001]),
        dict(hint="Sum."),
        "line for the year 2001 (2.003) differs from the value computed from the course data by more than 0.1%. Sum.",
    ),
    (
        checks.expect_series_close,
        ([1.0, 3.0], [1.0, 2.0], "bars", ["a", "b"]),
        dict(rel=0, key_word="measure"),
        "bars for the measure b (3) is not the value computed from the course data.",
    ),
    (
        checks.expect_answered,
        (None, "q"),
        {},
        "`q` is None (nothing). If it is the result of your function, the function should end with `return ...`; "
        "`q = print(...)` also gives None.",
    ),
    (
        checks.expect_answered,
        (NotSet("q"), "q"),
        {},
        "`q` is not set: check the spelling of its name and run its cell, then run this check again.",
    ),
    (
        checks.guard,
        (NotSet("q", "KeyError: 'x'", stale=True), "q"),
        {},
        "the cell that sets `q` stopped with KeyError: 'x', so `q` still holds its value from before. Fix that "
        "error, run the cell again, then run this check.",
    ),
    (
        checks.guard,
        (..., "q"),
        {},
        "`q` is still the placeholder `...`: replace it with your answer and run the cell.",
    ),
    (
        checks.guard,
        (None, "f(1)"),
        {},
        "f(1) gave None (nothing): your function should end with `return ...` to give back its result.",
    ),
    (
        checks.expect_axes,
        ("chart", "ax"),
        {},
        "ax should be a matplotlib Axes (e.g. from `fig, ax = plt.subplots()`); you gave text ('chart').",
    ),
]


@pytest.mark.parametrize(
    "func, args, kwargs, expected", EXACT, ids=[f"{i}-{c[0].__name__}" for i, c in enumerate(EXACT)]
)
def test_the_exact_sentence(func, args, kwargs, expected):
    assert message(func, *args, **kwargs) == expected


def test_the_exact_sentences_about_charts():
    fig, ax = _bars_axes()
    try:
        assert (
            message(checks.expect_axes, ax, "ax")
            == "ax should show at least 1 line(s) (drawn with `ax.plot`); it has 0."
        )
        assert message(checks.expect_axes, fig, "ax") == (
            "ax should be the Axes (the plotting area), not the whole Figure: use `fig, ax = plt.subplots()` and "
            "give back `ax`."
        )
        assert message(checks.bars_labelled, ax, "Observers", "ax") == (
            "ax should have exactly one set of bars labelled 'Observers' (draw it with `ax.bar(..., "
            "label='Observers')` or let pandas name it after a column); it has 2 set(s) of bars, labelled "
            "['Members']."
        )
        assert (
            message(checks.bars_labelled, ax, " members ", "ax", n_bars=2)
            == "the bars labelled ' members ' in ax should be 2; there are 1."
        )
        assert checks.bars_labelled(ax, "MEMBERS", "ax", n_bars=1).datavalues[0] == 2.0
        ax.plot([0, 1], [1, 2], label="China")
        ax.plot([0, 1], [1, 2])
        checks.expect_axes(ax, "ax", min_lines=2)
        assert "at least 3 line(s) (drawn with `ax.plot`); it has 2." in message(
            checks.expect_axes, ax, "ax", 3
        )
        assert message(checks.line_labelled, ax, "Japan", "ax") == (
            "ax should have exactly one line whose label contains 'Japan' (set it with `ax.plot(..., "
            "label='Japan')`); the labels are ['China']."
        )
        ax.set_xlabel("Year")
        ax.set_title("GDP")
        ax.set_xticks([0, 1], ["Population", "Area"])
        ax.set_yticks([1, 2], ["one", "two"])
        assert checks.axis_texts(ax) == "year  gdp population area one two"
    finally:
        plt.close(fig)
    empty, ax2 = plt.subplots()
    try:
        assert (
            message(checks.line_labelled, ax2, "x", "ax")
            == "ax should show at least 1 line(s) (drawn with `ax.plot`); it has 0."
        )
        ax2.plot([0], [1])
        assert message(checks.line_labelled, ax2, "x", "ax").endswith("the labels are no labels.")
        assert message(checks.bars_labelled, ax2, "x", "ax").endswith(
            "it has 0 set(s) of bars, labelled no labels."
        )
    finally:
        plt.close(empty)


def test_describe_names_every_kind_of_value():
    assert checks.describe(NotSet("x")) == "nothing (the name is not set)"
    assert checks.describe(...) == "the placeholder `...`"
    assert checks.describe(None) == "None (nothing; did your function forget to `return`?)"
    assert checks.describe(np.array([[1.0, 2.0]])) == "a numpy array of shape (1, 2)"
    assert checks.describe(np.float64(2.5)) == "the number 2.5"
    assert checks.describe((1, 2)) == "a tuple with 2 item(s)"
    assert checks.describe(object()) == "an object of type object"
    assert checks.describe(pd.Index([1])) == "an object of type Index"


@pytest.mark.parametrize(
    "value, kw, words",
    [
        (
            3.5,
            dict(lo=200, hi=400, unit="% change"),
            "looks like a fraction",
        ),  # not a ratio: 3.5 is no new/old
        (3.0, dict(lo=200, hi=400, unit="% change"), "looks like a fraction"),
        (0.01, dict(lo=-99.5, hi=-1, unit="% change"), "looks like a ratio"),
        (0.02, dict(lo=1, hi=60, unit="times"), "looks like the inverse"),
        (1.0005e5, dict(lo=1, hi=100, unit="%"), "looks like an amount"),
        (1e5, dict(lo=1, hi=100, unit="%"), "off by a factor of 10^3"),
        (0.05, dict(lo=4.9, hi=5.1), "off by a factor of 10^2"),
        (0.005, dict(lo=1, hi=10), "off by a factor of 10^3"),
        (5e-6, dict(lo=1, hi=10), "off by a factor of 10^6"),
        (5e-9, dict(lo=1, hi=10), "off by a factor of 10^9"),
        (500, dict(lo=1, hi=10), "off by a factor of 10^2"),
        (5e6, dict(lo=1, hi=10), "off by a factor of 10^6"),
        (5e9, dict(lo=1, hi=10), "off by a factor of 10^9"),
    ],
)
def test_slips_at_their_edges(value, kw, words):
    assert words in message(checks.expect_number, value, "x", **kw)


@pytest.mark.parametrize(
    "value, kw",
    [
        (0.0, dict(lo=-100, hi=-1, unit="% change")),  # 0 is not a ratio of 0
        (0.0, dict(lo=1, hi=10, unit="times")),  # no inverse of 0 (and no ZeroDivisionError)
        (0.5, dict(lo=1, hi=10)),  # 0.5 x 10^k is never in 1-10 for the k tried
        (0.5, dict(magnitude=(1, 10))),
    ],
)
def test_no_slip_is_invented(value, kw):
    text = message(checks.expect_number, value, "x", **kw)
    assert "looks like" not in text and "factor" not in text, text


def test_magnitude_bounds_are_inclusive_and_tolerances_exact():
    assert checks.expect_number(1, "x", magnitude=(1, 5)) == 1.0
    assert checks.expect_number(-5, "x", magnitude=(1, 5)) == -5.0
    checks.expect_close(0.0, 0.0, "x")
    checks.expect_close(1e-13, 0.0, "x")  # an absolute tolerance for zero
    checks.expect_series_close([0.0, 1e-10], [0.0, 0.0], "s", [1, 2])
    assert "more than 0.1%" in message(
        checks.expect_series_close, [1.0, 2.01], [1.0, 2.0], "s", [1, 2]
    )
    checks.expect_series_close([1.0, 2.01], [1.0, 2.0], "s", [1, 2], rel=1e-2)
    checks.expect_series_close(np.array([1.0, 2.0]), pd.Series([1.0, 2.0]), "s", [1, 2])
    assert checks.call_student(lambda a, k=1: a * k, "f", 2, k=5) == 10


def test_more_exact_sentences_from_mutation_testing():
    assert (
        message(checks.expect_number, 0.5, "x", lo=1, hi=10)
        == "x should be a number between 1 and 10; you gave 0.5."
    )
    assert (
        message(checks.expect_number, np.array("abc"), "q")
        == "q should be a number; you gave an object of type ndarray."
    )
    assert message(checks.expect_number, np.array([2.0]), "q") == (
        "q should be a number; you gave a numpy array of shape (1,). Pick out the single number you need (e.g. with "
        "`.loc[...]` or `float(...)`)."
    )
    none = "is None (nothing). If it is the result of your function, the function should end with `return ...`;"
    assert message(checks.expect_frame, None, "t", ["a"]).startswith(f"`t` {none}")
    assert message(checks.expect_axes, None, "ax").startswith(f"`ax` {none}")
    assert message(checks.expect_function, None, "f").startswith(f"`f` {none}")
    assert message(checks.expect_series_close, None, [1.0], "line", [2000]).startswith(
        f"`line` {none}"
    )
    assert message(checks.bars_labelled, "bars", "Members", "ax") == (
        "ax should be a matplotlib Axes (e.g. from `fig, ax = plt.subplots()`); you gave text ('bars')."
    )
    assert (
        message(checks.expect_raises, lambda x, k=0: 1 / k, "f", "ZeroDivisionError", 1, k=1)
        == "f(1, k=1) should raise ZeroDivisionError; it gave a result instead."
    )
    assert "by more than 0.0001%" in message(
        checks.expect_series_close, [1.0, 3.0], [1.0, 2.0], "s", [1, 2], rel=1e-6
    )
    checks.expect_years([2001, 2000], "t", [2000, 2001])  # any order unless ordered=True
    assert message(checks.expect_years, list(range(1990, 2003)), "t", [2000]).endswith(
        "its years are 1990-2002 (13 rows)."
    )

    class OnlyLines:
        def get_lines(self):
            return []

    class FakeFrame:
        columns = ["a"]

    assert "should be a matplotlib Axes" in message(checks.expect_axes, OnlyLines(), "ax")
    assert (
        message(checks.expect_frame, FakeFrame(), "t", ["a"])
        == "t should be a pandas DataFrame; you gave an object of type FakeFrame."
    )


# ---------------------------------------------------------------- mutation survivors (issue 17)
def test_a_value_no_slip_explains_gets_the_band_and_nothing_more():
    # 50 is outside 20-30 and no power of ten or % slip brings it in: no ", which ..." clause
    text = message(checks.expect_number, 50, "share", lo=20, hi=30, unit="%")
    assert text == "share should be a percentage between 20 and 30; you gave 50."


@pytest.mark.parametrize(
    "call",
    [
        lambda v: checks.expect_axes(v, "my_answer"),
        lambda v: checks.bars_labelled(v, "GDP", "my_answer"),
        lambda v: checks.expect_frame(v, "my_answer", ["year"]),
        lambda v: checks.expect_function(v, "my_answer"),
        lambda v: checks.expect_series_close(v, [1.0], "my_answer", [2000]),
    ],
    ids=["expect_axes", "bars_labelled", "expect_frame", "expect_function", "expect_series_close"],
)
def test_every_check_names_the_students_variable_when_it_is_not_answered(call):
    text = message(call, ...)
    assert text.startswith("`my_answer` is still the placeholder `...`"), text


def test_a_legend_given_for_the_axes_is_refused():
    # ax.legend() returns a Legend, which has get_lines() but is not a plotting area
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4], label="US")
    text = message(checks.expect_axes, ax.legend(), "ax")
    plt.close(fig)
    assert text == (
        "ax should be a matplotlib Axes (e.g. from `fig, ax = plt.subplots()`); "
        "you gave an object of type Legend."
    )


def test_a_styled_table_is_not_a_dataframe():
    # df.style has .columns but is a Styler: it has no rows to check
    styled = pd.DataFrame({"year": [2005]}).style
    text = message(checks.expect_frame, styled, "table", ["year"])
    assert text == "table should be a pandas DataFrame; you gave an object of type Styler."


def test_a_numpy_date_is_not_told_to_pick_one_number():
    # a 0-d numpy value that is not a number: no hint about .loc (it is already one value)
    text = message(checks.expect_number, np.datetime64("2005-01-01"), "start", unit="year")
    assert text == "start should be a year; you gave an object of type datetime64."


def test_expect_raises_passes_the_keyword_arguments_on():
    def share(value, strict=False):
        if strict and value < 0:
            raise ValueError("negative")
        return value

    checks.expect_raises(share, "share", "ValueError", -1, strict=True)
    text = message(checks.expect_raises, share, "share", "ValueError", -1)
    assert text == "share(-1) should raise ValueError; it gave a result instead."


def test_a_tolerance_of_exactly_1e6_is_still_quoted():
    # below 1e-6 the value is an exact count; at 1e-6 the message still gives the tolerance
    text = message(checks.expect_series_close, [1.0], [1.1], "x", [2000], rel=1e-6)
    assert text.endswith(
        "differs from the value computed from the course data by more than 0.0001%."
    )
    text = message(checks.expect_series_close, [1.0], [1.1], "x", [2000], rel=1e-7)
    assert text.endswith("(1) is not the value computed from the course data.")


def test_years_in_any_order_pass_unless_order_is_asked():
    checks.expect_years([2002, 2000, 2001], "df.year", [2000, 2001, 2002])
    text = message(checks.expect_years, [2002, 2000, 2001], "df.year", [2000, 2001, 2002], True)
    assert text == "df.year should list the years 2000-2002 in order (sort by year)."


def test_up_to_twelve_wrong_years_are_listed_and_more_are_a_span():
    twelve = list(range(2000, 2012))
    text = message(checks.expect_years, twelve, "df.year", [y + 1 for y in twelve])
    assert text.endswith(f"its years are {twelve}.")
    thirteen = list(range(2000, 2013))
    text = message(checks.expect_years, thirteen, "df.year", [y + 1 for y in thirteen])
    assert text.endswith("its years are 2000-2012 (13 rows).")
