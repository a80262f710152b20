"""Answers as data (phase 1 -> phase 2) and the sandbox, piece by piece (fast, no notebooks)."""

import json
import math
import subprocess
import sys
from fractions import Fraction

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from multipolar import checks  # noqa: E402
from multipolar.grade import sandbox as sb  # noqa: E402
from multipolar.grade.answers import decode, encode, encode_safely, function  # noqa: E402


def roundtrip(value):
    return decode(json.loads(json.dumps(encode(value))))


@pytest.mark.parametrize(
    "value",
    [
        3,
        -2.5,
        "text",
        True,
        None,
        [1, "a", None],
        (1, 2.5),
        {"a", "b"},
        frozenset({1}),
        {1: "one", "two": (2,)},
        Fraction(1, 3),
        complex(1, 2),
        10**30,
        [[1, [2, [3]]]],
    ],
)
def test_plain_values_come_back_equal_and_of_the_same_type(value):
    back = roundtrip(value)
    assert back == value and type(back) is type(value)


def test_nan_and_ellipsis_come_back():
    assert math.isnan(roundtrip(float("nan"))) and roundtrip(...) is Ellipsis
    assert roundtrip(np.float64(2.5)) == 2.5 and type(roundtrip(np.int64(3))) is int


def test_tables_come_back_with_their_columns_index_and_types():
    df = pd.DataFrame(
        {"year": [2000, 2013], "share": [3.5, np.nan], "name": ["a", None], "ok": [True, False]},
        index=pd.Index(["x", "y"], name="k"),
    )
    back = roundtrip(df)
    pd.testing.assert_frame_equal(back, df)
    s = pd.Series([1.5, 2.5], index=pd.RangeIndex(1990, 1992, name="year"), name="gdp")
    pd.testing.assert_series_equal(roundtrip(s), s)
    wide = df.set_index(["year", "name"])
    pd.testing.assert_frame_equal(roundtrip(wide), wide)
    arr = np.arange(6.0).reshape(2, 3)
    assert np.array_equal(roundtrip(arr), arr) and roundtrip(arr).shape == (2, 3)


def test_a_chart_comes_back_as_the_data_the_checks_read():
    fig, ax = plt.subplots()
    ax.plot([1980, 1990, 2000], [1.0, 2.0, 4.0], label="China", linestyle="--")
    ax.bar(["Population", "GDP"], [20.5, 30.0], label="members")
    ax.set_ylabel("Share (%)")
    ax.set_title("A title")
    ax.legend()
    back = roundtrip(ax)
    line = checks.line_labelled(back, "china", "ax")
    assert list(line.get_xdata()) == [1980, 1990, 2000] and list(line.get_ydata()) == [
        1.0,
        2.0,
        4.0,
    ]
    assert line.get_linestyle() == "--"
    bars = checks.bars_labelled(back, "members", "ax", n_bars=2)
    assert list(bars.datavalues) == [20.5, 30.0]
    assert "population" in checks.axis_texts(back) and back.get_ylabel() == "Share (%)"
    assert back.get_title() == "A title" and back.get_legend() is not None
    fig_back = roundtrip(fig)
    with pytest.raises(AssertionError, match="not the whole Figure"):
        checks.expect_axes(fig_back, "ax")
    plt.close("all")


def test_other_objects_keep_their_type_name_for_the_message():
    class Mystery:
        def __repr__(self):
            raise RuntimeError("no")

    back = roundtrip(Mystery())
    assert "an object of type Mystery" == checks.describe(back)
    with pytest.raises(AssertionError, match="should be a number"):
        checks.expect_number(back, "q1")


def test_subclasses_cannot_carry_their_own_behaviour_across():
    class AlwaysEqual(float):
        def __eq__(self, other):
            return True

    back = roundtrip(AlwaysEqual(1.0))
    assert type(back).__name__ == "AlwaysEqual" and back != 2.0
    assert roundtrip(type("S", (str,), {})("plain")) == "plain"


@pytest.mark.parametrize(
    "data",
    [
        "[" * 5000 + "]" * 5000,
        '{"kind": "DataFrame", "columns": 3}',
        '{"kind": "ndarray", "dtype": "object", "shape": [99], "data": [1]}',
        '{"kind": "dict", "items": [[[1], 2]]}',
        '{"kind": "Axes", "lines": 5}',
        '{"kind": "Series", "data": "x"}',
        '{"kind": "__import__", "value": "os"}',
    ],
)
def test_broken_or_crafted_data_never_raises(data):
    try:
        parsed = json.loads(data)
    except RecursionError:
        return
    value = decode(parsed)
    assert checks.describe(value)


def test_too_large_or_too_deep_values_become_a_note():
    assert encode_safely(list(range(3_000_000))) == {"kind": "too large"}
    deep = []
    for _ in range(100):
        deep = [deep]
    assert encode_safely(deep) == {"kind": "too large"}
    cyclic = []
    cyclic.append(cyclic)
    assert encode_safely(cyclic) == {"kind": "too large"}


def test_a_function_gives_back_what_phase_1_recorded():
    calls = [
        {"args": encode(["wdi", 2020]), "kwargs": encode({})},
        {"args": encode([{1, 2}, {2}]), "kwargs": encode({"k": 1})},
    ]
    f = function(
        "share", calls, [{"result": encode(21.5)}, {"raised": "ValueError", "message": "bad\nmore"}]
    )
    assert f("wdi", 2020) == 21.5
    with pytest.raises(AssertionError, match=r"raised ValueError: bad\. Run it"):
        checks.call_student(f, "share", {2, 1}, {2}, k=1)
    checks.expect_raises(f, "share", "ValueError", {1, 2}, {2}, k=1)
    with pytest.raises(RuntimeError, match="not recorded"):
        f("wdi", 2021)
    assert checks.expect_function(f, "share") is f


# --------------------------------------------------------------------------- the sandbox

needs_bwrap = pytest.mark.skipif(not sb.sandbox_available()[0], reason="bubblewrap cannot run here")

PROBE = r"""
import json, os, socket, threading
out = {"uid": os.getuid(), "root": sorted(os.listdir("/")), "pids": [p for p in os.listdir("/proc") if p.isdigit()]}
t = threading.Thread(target=lambda: None); t.start(); t.join(); out["thread"] = True
for name, act in {"fork": os.fork, "write_usr": lambda: open("/usr/x", "w"), "write_root": lambda: open("/x", "w"),
                  "net": lambda: socket.create_connection(("1.1.1.1", 53), timeout=2),
                  "home": lambda: os.listdir("/home"), "etc": lambda: open("/etc/passwd").read(),
                  "repo": lambda: os.listdir(os.path.dirname(os.environ["PYTHONPATH"] + "/x") + "/solutions")}.items():
    try:
        act(); out[name] = "allowed"
    except OSError as exc:
        out[name] = type(exc).__name__
open("probe.json", "w").write(json.dumps(out))
"""


@needs_bwrap
def test_the_sandbox_shows_only_what_grading_needs(tmp_path):
    code, timed_out = sb.run(
        [sys.executable, "-c", PROBE],
        tmp_path,
        sandbox=True,
        timeout=60,
        stdout=tmp_path / "o",
        stderr=tmp_path / "e",
    )
    assert code == 0 and not timed_out, (tmp_path / "e").read_text()
    out = json.loads((tmp_path / "probe.json").read_text())
    assert out["uid"] == 65534 and out["thread"] is True
    assert len(out["pids"]) <= 3, "processes outside the sandbox are visible"
    assert out["fork"] == "PermissionError"
    for name in ("write_usr", "write_root", "net", "home", "etc", "repo"):
        assert out[name] != "allowed", name
    assert "home" not in out["root"] and "etc" not in out["root"]


@needs_bwrap
def test_the_time_limit_kills_everything(tmp_path):
    code, timed_out = sb.run(
        [sys.executable, "-c", "while True: pass"],
        tmp_path,
        sandbox=True,
        timeout=3,
        stdout=tmp_path / "o",
        stderr=tmp_path / "e",
    )
    assert timed_out
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert "while True: pass" not in ps


@needs_bwrap
def test_memory_and_file_size_are_capped(tmp_path):
    code = (
        "import numpy\ntry:\n    numpy.ones(2**31)\nexcept MemoryError:\n    print('memory capped')\n"
        "try:\n    open('big', 'wb').write(b'x' * (70 * 2**20))\nexcept OSError:\n    print('file capped')\n"
    )
    sb.run(
        sb.limited([sys.executable, "-c", code], memory_mb=1024),
        tmp_path,
        sandbox=True,
        timeout=60,
        stdout=tmp_path / "o",
        stderr=tmp_path / "e",
    )
    assert (tmp_path / "o").read_text().split() == ["memory", "capped", "file", "capped"]
