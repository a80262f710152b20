"""Unit tests for multipolar.checks: every wrong kind of answer gives a sentence, not a traceback."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from multipolar import checks  # noqa: E402


def message(func, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as info:
        func(*args, **kwargs)
    text = str(info.value)
    assert "Traceback" not in text and text.strip(), text
    return text


def test_fraction_given_for_a_percentage_is_explained():
    text = message(checks.expect_number, 0.224, "us_share_2013", lo=1, hi=100, unit="%")
    assert "percentage between 1 and 100" in text and "0.224" in text and "multiply by 100" in text


@pytest.mark.parametrize("value, words", [
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
])
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
    assert "missing the column(s) ['gdp_usd_bn']" in message(checks.expect_frame, df, "t", ["year", "gdp_usd_bn"])
    assert "should have 4 row(s)" in message(checks.expect_frame, df, "t", ["year"], n_rows=4)
    assert ".to_frame()" in message(checks.expect_frame, df["year"], "t", ["year"])
    checks.expect_frame(df, "t", ["year", "share_pct"], n_rows=2)


def test_expect_column_close_names_the_year_not_the_value():
    df = pd.DataFrame({"year": [2000, 2005], "v": [1.0, 2.5]})
    text = message(checks.expect_column_close, df, "v", [1.0, 2.0], "t", "year", [2000, 2005])
    assert "2005" in text and "2.5" in text and "2.0" not in text
    assert "no row for year [2010]" in message(checks.expect_column_close, df, "v", [1, 2, 3], "t", "year",
                                               [2000, 2005, 2010])
    checks.expect_column_close(df, "v", [1.0, 2.5], "t", "year", [2000, 2005])


def test_axes_checks_read_the_data_behind_the_chart():
    fig, ax = plt.subplots()
    try:
        assert "at least 2 line(s)" in message(checks.expect_axes, ax, "ax", min_lines=2)
        ax.plot([1980, 1981], [1.0, 2.0], label="China")
        ax.plot([1980, 1981], [3.0, 4.0], label="United States")
        line = checks.line_labelled(ax, "china", "ax")
        assert list(line.get_ydata()) == [1.0, 2.0]
        assert "exactly one line whose label contains 'Japan'" in message(checks.line_labelled, ax, "Japan", "ax")
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
        assert list(checks.bars_labelled(ax, "Members and observers", "ax").datavalues) == [1.0, 2.0, 3.0]
        assert "exactly one set of bars labelled 'Observers'" in message(checks.bars_labelled, ax, "Observers", "ax")
        assert "should be 3; there are 2" in message(checks.bars_labelled, ax, "Members", "ax", n_bars=3)
        assert "population" in checks.axis_texts(ax) and "gdp" in checks.axis_texts(ax)
        assert "matplotlib Axes" in message(checks.bars_labelled, "bars", "Members", "ax")
    finally:
        plt.close(fig)
