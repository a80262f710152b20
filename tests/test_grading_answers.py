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


# --------------------------------------------------------------------------- each kind, exactly

from multipolar.grade import answers as ans  # noqa: E402


class MyInt(int):
    pass


class Thing:
    pass


@pytest.mark.parametrize(
    "value, data",
    [
        (None, None),
        (True, True),
        (False, False),
        (np.True_, True),
        (np.False_, False),
        (np.int32(3), 3),
        (np.float32(1.5), 1.5),
        (np.complex64(1 + 2j), {"kind": "complex", "re": 1.0, "im": 2.0}),
        (complex(0, -1), {"kind": "complex", "re": 0.0, "im": -1.0}),
        (..., {"kind": "Ellipsis"}),
        ("x" * ans.MAX_TEXT, "x" * ans.MAX_TEXT),
        ("y" * (ans.MAX_TEXT + 5), {"kind": "str", "value": "y" * ans.MAX_TEXT}),
        (Fraction(-1, 3), {"kind": "Fraction", "n": -1, "d": 3}),
        (__import__("decimal").Decimal("1.25"), {"kind": "Decimal", "value": "1.25"}),
        ((1, "a"), {"kind": "tuple", "items": [1, "a"]}),
        ([(1,)], [{"kind": "tuple", "items": [1]}]),
        ({"b", "a"}, {"kind": "set", "items": ["a", "b"]}),
        (frozenset({2, 1}), {"kind": "frozenset", "items": [1, 2]}),
        # iterates 8 then 1 (small ints sit in the slot of their value): sorting must reorder it;
        # a string set's order changes with each process's hash seed, so it cannot show this
        ({8, 1}, {"kind": "set", "items": [1, 8]}),
        ({1: "x", "k": [2]}, {"kind": "dict", "items": [[1, "x"], ["k", [2]]]}),
        (
            np.array([[1, 2], [3, 4]]),
            {"kind": "ndarray", "dtype": "int64", "shape": [2, 2], "data": [1, 2, 3, 4]},
        ),
        (
            np.array(["a", None], dtype=object),
            {"kind": "ndarray", "dtype": "object", "shape": [2], "data": ["a", None]},
        ),
        (__import__("datetime").date(2020, 1, 2), {"kind": "date", "iso": "2020-01-02"}),
        (
            __import__("datetime").datetime(2020, 1, 2, 3),
            {"kind": "datetime", "iso": "2020-01-02T03:00:00"},
        ),
        (pd.Timestamp("2020-01-02"), {"kind": "Timestamp", "iso": "2020-01-02T00:00:00"}),
        (
            pd.Series([1.5, 2.5], index=pd.RangeIndex(1, 5, 2, name="i"), name="s"),
            {
                "kind": "Series",
                "name": "s",
                "index": {"kind": "RangeIndex", "start": 1, "stop": 5, "step": 2, "name": "i"},
                "dtype": "float64",
                "data": [1.5, 2.5],
            },
        ),
        (
            pd.Index([3, 4], name="n"),
            {"kind": "Index", "name": "n", "dtype": "int64", "data": [3, 4]},
        ),
        (
            pd.MultiIndex.from_tuples([(1, "a")], names=["x", "y"]),
            {
                "kind": "MultiIndex",
                "names": ["x", "y"],
                "tuples": [{"kind": "tuple", "items": [1, "a"]}],
            },
        ),
        (
            pd.DataFrame({"a": [1], "b": ["x"]}),
            {
                "kind": "DataFrame",
                "columns": {"kind": "Index", "name": None, "dtype": "str", "data": ["a", "b"]},
                "index": {"kind": "RangeIndex", "start": 0, "stop": 1, "step": 1, "name": None},
                "data": [{"dtype": "int64", "data": [1]}, {"dtype": "str", "data": ["x"]}],
            },
        ),
        (
            pd.Series(pd.to_datetime(["2020-01-01", None]), name=None),
            {
                "kind": "Series",
                "name": None,
                "index": {"kind": "RangeIndex", "start": 0, "stop": 2, "step": 1, "name": None},
                "dtype": str(pd.Series(pd.to_datetime(["2020-01-01", None])).dtype),
                "data": ["2020-01-01T00:00:00", None],
            },
        ),
        (len, {"kind": "function"}),
        (lambda x: x, {"kind": "function"}),
        ("a".upper, {"kind": "function"}),
    ],
)
def test_each_kind_of_answer_is_encoded_as_the_data_phase_2_reads(value, data):
    assert encode(value) == data


@pytest.mark.parametrize(
    "value, type_name",
    [
        (MyInt(3), "MyInt"),
        (Thing(), "Thing"),
        (Thing, "type"),
        (__import__("datetime").time(1, 2), "time"),
        (pd.Categorical(["a"]), "Categorical"),
        (type("N" * 70, (), {})(), "N" * 60),
    ],
)
def test_anything_else_keeps_its_type_name_and_a_short_repr(value, type_name):
    out = encode(value)
    assert out == {"kind": "object", "type": type_name, "repr": object.__repr__(value)[:80]}


def test_an_object_whose_repr_fails_is_still_named(monkeypatch):
    class Broken:
        pass

    monkeypatch.setattr(
        ans.object, "__repr__", lambda self: 1 / 0, raising=False
    ) if False else None
    enc = ans._Encoder()
    original = object.__repr__

    def boom(value):
        raise RuntimeError("no repr")

    import builtins

    monkeypatch.setattr(builtins, "object", type("O", (), {"__repr__": staticmethod(boom)}))
    try:
        assert enc.opaque(Broken()) == {"kind": "object", "type": "Broken", "repr": ""}
    finally:
        monkeypatch.undo()
    assert original(Broken()).startswith("<")


def test_limits_on_items_and_depth_are_exact(monkeypatch):
    monkeypatch.setattr(ans, "MAX_ITEMS", 5)
    assert encode([1, 2, 3, 4]) == [1, 2, 3, 4]  # the list and its 4 items: 5
    with pytest.raises(ans.TooLarge):
        encode([1, 2, 3, 4, 5])
    with pytest.raises(ans.TooLarge):
        encode(np.zeros(5))
    assert encode(np.zeros(4))["data"] == [0.0] * 4
    with pytest.raises(ans.TooLarge):
        encode(pd.Series([1.0, 2.0, 3.0, 4.0]))
    monkeypatch.setattr(ans, "MAX_ITEMS", 10**6)
    monkeypatch.setattr(ans, "MAX_DEPTH", 2)
    assert encode([[1]]) == [[1]]
    with pytest.raises(ans.TooLarge):
        encode([[[1]]])
    assert decode([[1]]) == [[1]]
    deep = decode([[[1]]])
    assert repr(deep[0][0][0]) == "<too deeply nested value>"


def test_a_chart_is_encoded_with_its_lines_bars_points_and_labels():
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4], label="China", linestyle="--", color="#0072b2", marker="o")
    ax.bar([0], [5], label="GDP", color="#e69f00")
    ax.scatter([1], [2], label="dots")
    ax.set_xlabel("Year")
    ax.set_ylabel("Share")
    ax.set_title("T")
    ax.set_yscale("log")
    ax.legend()
    data = encode(ax)
    line = data["lines"][0]
    assert line == {
        "x": {"kind": "ndarray", "dtype": "int64", "shape": [2], "data": [1, 2]},
        "y": {"kind": "ndarray", "dtype": "int64", "shape": [2], "data": [3, 4]},
        "label": "China",
        "linestyle": "--",
        "color": "#0072b2",
        "marker": "o",
    }
    (bar,) = data["bars"]
    assert bar["label"] == "GDP" and bar["orientation"] == "vertical" and bar["color"] == "#e69f00"
    assert bar["rects"] == [[-0.4, 0.0, 0.8, 5.0]] and decode(bar["values"]).tolist() == [5]
    assert data["points"] == [
        {
            "label": "dots",
            "xy": {"kind": "ndarray", "dtype": "float64", "shape": [1, 2], "data": [1.0, 2.0]},
        }
    ]
    assert (data["kind"], data["xlabel"], data["ylabel"], data["title"]) == (
        "Axes",
        "Year",
        "Share",
        "T",
    )
    assert data["xscale"] == "linear" and data["yscale"] == "log"
    assert data["xlim"] == [float(v) for v in ax.get_xlim()] and data["ylim"] == [
        float(v) for v in ax.get_ylim()
    ]
    assert data["ticks"]["x"]["at"] == [float(t) for t in ax.get_xticks()]
    assert data["ticks"]["y"]["labels"] == [t.get_text() for t in ax.get_yticklabels()]
    assert data["legend"] == [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(data["legend"]) == ["China", "GDP", "dots"]
    assert encode(fig) == {"kind": "Figure", "axes": [data]}
    fig2, ax2 = plt.subplots()
    assert encode(ax2)["legend"] is None and encode(ax2)["bars"] == []
    plt.close("all")


def test_encode_safely_names_what_could_not_be_encoded():
    class Bad:
        def __iter__(self):
            raise ValueError("x")

    class Loud(float):
        pass

    assert encode_safely([1]) == [1]
    nasty = pd.DataFrame({"a": [1]})
    nasty.attrs = {}
    assert encode_safely(Loud(1.0))["type"] == "Loud"

    def bad_encode(value):
        raise KeyError("k")

    import multipolar.grade.answers as module

    real = module.encode
    module.encode = bad_encode
    try:
        assert module.encode_safely(Thing()) == {
            "kind": "object",
            "type": "Thing",
            "repr": "(unreadable: KeyError)",
        }

        def recurse(value):
            raise RecursionError

        module.encode = recurse
        assert module.encode_safely(Thing()) == {"kind": "too large"}
    finally:
        module.encode = real


def test_canonical_keys_are_stable_and_compact():
    assert ans.canonical({"b": [1, 2], "a": float("nan")}) == '{"a":NaN,"b":[1,2]}'
    assert ans.loads('{"a": NaN}')["a"] != ans.loads('{"a": NaN}')["a"]


@pytest.mark.parametrize(
    "data, value",
    [
        ({"kind": "str", "value": "abc"}, "abc"),
        ({"kind": "Decimal", "value": "1.5"}, __import__("decimal").Decimal("1.5")),
        ({"kind": "date", "iso": "2020-01-02"}, __import__("datetime").date(2020, 1, 2)),
        (
            {"kind": "datetime", "iso": "2020-01-02T03:00:00"},
            __import__("datetime").datetime(2020, 1, 2, 3),
        ),
        ({"kind": "Timestamp", "iso": "2020-01-02"}, pd.Timestamp("2020-01-02")),
        ({"kind": "frozenset", "items": [1, 2]}, frozenset({1, 2})),
        ({"kind": "set", "items": [1, 2]}, {1, 2}),
        ({"kind": "complex", "re": 1, "im": -2}, complex(1, -2)),
    ],
)
def test_each_kind_is_decoded_to_its_type(data, value):
    back = decode(data)
    assert back == value and type(back) is type(value)


@pytest.mark.parametrize(
    "data, name, shown",
    [
        ({"kind": "too large"}, "value too large to grade", ""),
        ({"kind": "object", "type": "My Thing!", "repr": "<x>"}, "My Thing!", "<x>"),
        ({"kind": "object"}, "object", ""),
        ({"kind": "nope"}, "unreadable value", ""),
        ({"kind": "Fraction", "n": 1, "d": 0}, "unreadable value", ""),
        (object(), "unreadable value", ""),
    ],
)
def test_what_cannot_be_decoded_becomes_a_named_unreadable_value(data, name, shown):
    back = decode(data)
    assert isinstance(back, ans.Unreadable)
    assert back.type_name == name and back.shown == shown and repr(back) == f"<{name}>"
    assert type(back).__module__ == "submission"


@pytest.mark.parametrize(
    "type_name, class_name",
    [
        ("My Thing!", "My_Thing_"),
        ("3d", "_3d"),
        ("", "object"),
        ("x" * 70, "x" * 60),
        ("ok_1", "ok_1"),
    ],
)
def test_a_stand_in_class_is_named_like_the_students_type(type_name, class_name):
    assert type(ans.opaque(type_name)).__name__ == class_name


@pytest.mark.parametrize(
    "dtype, data, expect",
    [
        ("int8", [1, 2], pd.Series([1, 2], dtype="int8")),
        ("unknown", [1, 2], pd.Series([1, 2])),
        ("int64", ["a", "b"], pd.Series(["a", "b"], dtype=object).infer_objects()),
        ("category", ["a", "b", "a"], pd.Series(["a", "b", "a"], dtype="category")),
        ("Int64", [1, None], pd.Series([1, None], dtype="Int64")),
        ("boolean", [True, None], pd.Series([True, None], dtype="boolean")),
        ("Float64", [1.5, None], pd.Series([1.5, None], dtype="Float64")),
        ("string", ["a", None], pd.Series(["a", None], dtype="string")),
        (
            "datetime64[ns]",
            ["2020-01-01", None],
            pd.Series(pd.to_datetime(["2020-01-01", None]), dtype="datetime64[ns]"),
        ),
        ("datetime64[us]", ["2020-01-01"], pd.Series(pd.to_datetime(["2020-01-01"]))),
    ],
)
def test_a_column_comes_back_with_its_type(dtype, data, expect):
    back = ans._column({"dtype": dtype, "data": data}, 0)
    pd.testing.assert_series_equal(back, expect)


def test_a_column_without_a_type_is_inferred_and_a_column_must_be_a_list():
    pd.testing.assert_series_equal(ans._column({"data": [1.5]}, 0), pd.Series([1.5], dtype=object))
    with pytest.raises(ValueError, match="column data is not a list"):
        ans._column({"dtype": "int64", "data": "x"}, 0)
    nested = ans._column({"dtype": "object", "data": [{"kind": "tuple", "items": [1]}]}, 0)
    assert nested.tolist() == [(1,)]


def test_arrays_come_back_with_their_shape_and_a_safe_type():
    arr = decode({"kind": "ndarray", "dtype": "float32", "shape": [2, 1], "data": [1, 2]})
    assert arr.dtype == np.float32 and arr.shape == (2, 1) and arr.tolist() == [[1.0], [2.0]]
    odd = decode({"kind": "ndarray", "dtype": "<U1", "shape": [2], "data": ["a", "b"]})
    assert odd.dtype == object and odd.tolist() == ["a", "b"]
    mixed = decode(
        {"kind": "ndarray", "dtype": "object", "shape": [2], "data": [{"kind": "Ellipsis"}, 1]}
    )
    assert mixed.tolist() == [Ellipsis, 1]
    assert decode({"kind": "ndarray", "dtype": "bool", "shape": [1], "data": [True]}).dtype == bool


def test_indexes_and_tables_come_back():
    empty = decode({"kind": "MultiIndex", "names": ["a", "b"], "tuples": []})
    assert isinstance(empty, pd.MultiIndex) and list(empty.names) == ["a", "b"] and len(empty) == 0
    rng = decode({"kind": "RangeIndex", "start": 2, "stop": 8, "step": 3, "name": "k"})
    assert list(rng) == [2, 5] and rng.name == "k"
    idx = decode({"kind": "Index", "name": "n", "dtype": "int64", "data": [4]})
    assert list(idx) == [4] and idx.name == "n"
    no_cols = decode(
        {
            "kind": "DataFrame",
            "columns": {"kind": "Index", "dtype": "object", "data": []},
            "index": {"kind": "RangeIndex", "start": 0, "stop": 3, "step": 1},
            "data": [],
        }
    )
    assert no_cols.shape == (3, 0)
    wrong = decode(
        {
            "kind": "DataFrame",
            "columns": {"kind": "Index", "dtype": "object", "data": ["a", "b"]},
            "index": {"kind": "RangeIndex", "start": 0, "stop": 1, "step": 1},
            "data": [{"dtype": "int64", "data": [1]}],
        }
    )
    assert repr(wrong) == "<unreadable value>"
    frame = pd.DataFrame({"a": [1, 2]}, index=pd.Index(["x", "y"], name="k"))
    pd.testing.assert_frame_equal(decode(encode(frame)), frame)
    series = pd.Series([1, 2], index=pd.Index([5, 6]), name=("a", 1))
    pd.testing.assert_series_equal(decode(encode(series)), series)


def test_a_recorded_function_raises_its_named_error_and_has_a_name():
    calls = [
        {"args": encode([1]), "kwargs": encode({})},
        {"args": encode([2]), "kwargs": encode({})},
    ]
    f = function("share", calls, [{"raised": "Bad Error", "message": "m" * 400}, {"raised": None}])
    assert f.__name__ == "share" and repr(f) == "<function share>"
    with pytest.raises(Exception) as err:
        f(1)
    assert type(err.value).__name__ == "Bad_Error" and str(err.value) == "m" * 300
    with pytest.raises(Exception) as err:
        f(2)
    assert type(err.value).__name__ == "Exception" and str(err.value) == ""
    with pytest.raises(RuntimeError) as err:
        f(3)
    assert str(err.value) == "this call was not recorded when the notebook ran"
    g = function("g", calls, "not a list")
    with pytest.raises(RuntimeError):
        g(1)
    h = function("h", calls, [5, {"result": encode((1, 2))}])
    with pytest.raises(RuntimeError):
        h(1)
    assert h(2) == (1, 2)
    k = function("k", [{"args": encode([1]), "kwargs": encode({"y": 2})}], [{"result": 7}])
    assert k(1, y=2) == 7
    with pytest.raises(RuntimeError):
        k(1)


def test_more_kinds_are_encoded_exactly(monkeypatch):
    assert encode({(2,), (1,)}) == {
        "kind": "set",
        "items": [{"kind": "tuple", "items": [1]}, {"kind": "tuple", "items": [2]}],
    }
    arr = np.empty(2, dtype=object)
    arr[0], arr[1] = (1, 2), None
    assert encode(arr)["data"] == [{"kind": "tuple", "items": [1, 2]}, None]
    assert encode(np.datetime64("2020-01-01"))["type"] == "datetime64"
    big = __import__("decimal").Decimal("1" * 300)
    assert encode(big) == {"kind": "Decimal", "value": "1" * 200}
    series = pd.Series(["a", "b"], name="s")
    pd.testing.assert_series_equal(decode(encode(series)), series)
    assert ans.Unreadable("x").shown == ""
    monkeypatch.setattr(ans, "MAX_ITEMS", 3)
    assert encode_safely([1, 2, 3, 4]) == {"kind": "too large"}
    long = type("L" * 70, (), {})()

    def broken(value):
        raise KeyError("k")

    monkeypatch.setattr(ans, "encode", broken)
    assert ans.encode_safely(long)["type"] == "L" * 60


def test_a_charts_texts_and_counts_are_capped():
    fig, ax = plt.subplots()
    for i in range(201):
        ax.plot([0], [i], label="l" * 300 if i == 0 else f"l{i}")
    ax.errorbar([0], [1], yerr=[0.1])
    ax.bar([], [])
    ax.bar([0], [1], label="b" * 300)
    for _ in range(51):
        ax.scatter([0], [0], label="p" * 300)
    ax.set_xticks(range(501), ["t" * 150] * 501)
    ax.set_title("T" * 600)
    ax.set_xlabel("X" * 600)
    ax.set_ylabel("Y" * 600)
    ax.legend(ax.get_lines()[:101], ["g" * 300] * 101)
    data = encode(ax)
    assert len(data["lines"]) == 200 and data["lines"][0]["label"] == "l" * 200
    assert [b["label"] for b in data["bars"]] == ["_nolegend_", "b" * 200] or len(data["bars"]) == 2
    assert data["bars"][0]["color"] is None and data["bars"][-1]["label"] == "b" * 200
    assert len(data["points"]) == 49  # the first 50 collections: the error bar and 49 dots
    assert data["points"][0]["label"] == "p" * 200
    assert len(data["ticks"]["x"]["at"]) == 500 and data["ticks"]["x"]["labels"][0] == "t" * 100
    assert len(data["ticks"]["x"]["labels"]) == 500
    assert (
        data["title"] == "T" * 500 and data["xlabel"] == "X" * 500 and data["ylabel"] == "Y" * 500
    )
    assert len(data["legend"]) == 100 and data["legend"][0] == "g" * 200
    plt.close("all")


def test_methods_subfigures_and_legends_are_encoded_as_what_they_are():
    class Box:
        def size(self):
            return 1

    assert encode(Box().size) == {"kind": "function"}
    fig = plt.figure()
    sub = fig.subfigures(1, 2)[0]
    sub.add_subplot().set_title("left")
    assert encode(sub)["kind"] == "Figure" and encode(sub)["axes"][0]["title"] == "left"
    fig2, ax = plt.subplots()
    ax.plot([1], [1], label="a")
    legend = ax.legend()
    assert encode_safely(legend)["type"] == "Legend" and "kind" in encode_safely(legend)
    assert encode(legend) == {
        "kind": "object",
        "type": "Legend",
        "repr": object.__repr__(legend)[:80],
    }
    many, _ = plt.subplots(3, 7)
    assert len(encode(many)["axes"]) == 20
    plt.close("all")


def test_a_chart_keeps_its_first_100_bar_sets():
    fig, ax = plt.subplots()
    for i in range(101):
        ax.bar([i], [1], label=f"b{i}")
    bars = encode(ax)["bars"]
    assert [b["label"] for b in bars] == [f"b{i}" for i in range(100)]
    plt.close("all")
