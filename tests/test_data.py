"""The data layer: rebuild reproduces data/, loaders are typed, bad files give clear errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from multipolar import catalog, data
from multipolar.data import DataFileError


def test_rebuild_reproduces_committed_files(sources, tmp_path):
    out = tmp_path / "rebuilt"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_data.py"),
            "--sources",
            str(sources),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    committed = sorted(p.name for p in (ROOT / "data").iterdir() if p.is_file())
    rebuilt = sorted(p.name for p in out.iterdir())
    assert rebuilt == committed, "data/ holds files the build script does not make (or misses some)"
    for name in committed:
        assert (out / name).read_bytes() == (ROOT / "data" / name).read_bytes(), (
            f"data/{name} differs from a fresh rebuild"
        )


def test_build_reports_missing_sources_clearly(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_data.py"),
            "--sources",
            str(tmp_path / "nowhere"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "raw source not found" in run.stderr and "Traceback" not in run.stderr


def test_datapackage_matches_catalogue():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == list(catalog.RESOURCES)
    for res in package["resources"]:
        assert res["sources"] and res["licenses"], (
            f"{res['name']} must say where it came from and its licence"
        )
        for field in res["schema"]["fields"]:
            assert field.get("description"), f"{res['name']}.{field['name']} has no description"


@pytest.mark.parametrize("name", list(catalog.RESOURCES))
def test_every_file_loads_with_declared_types(name):
    df = data.load(name)
    assert len(df) > 0
    for field in catalog.RESOURCES[name]["fields"]:
        col = df[field["name"]]
        if field["type"] == "number":
            assert pd.api.types.is_float_dtype(col)
        elif field["type"] == "integer":
            assert pd.api.types.is_integer_dtype(col)
        else:
            assert pd.api.types.is_string_dtype(col)


def test_vintages_and_aggregates():
    df = data.gdp_population()
    assert set(df["vintage"]) == set(catalog.VINTAGES)
    assert df.groupby("vintage")["year"].max().to_dict() == {
        "wdi-2015-08": 2014,
        "wdi-2026-07": 2025,
    }
    eco = data.economies().set_index("code")["kind"]
    assert eco["WLD"] == "aggregate" and eco["CHN"] == "economy" and eco["XKX"] == "economy"
    assert set(df["code"]) <= set(eco.index)


def test_table2_has_the_printed_shape():
    t2 = data.paper_table2()
    assert t2["row"].nunique() == 9 and set(t2["year"]) == {2000, 2005, 2010, 2013}
    blank = t2[t2["gdp_usd_bn"].isna()]
    assert sorted(blank["label"]) == ["Germany", "Japan"] and set(blank["year"]) == {2000}
    # the BRICS row is (nearly) the sum of its five members as printed
    wide = t2.pivot(index="year", columns="label", values="gdp_usd_bn")
    parts = wide[["China (with Hong Kong)", "Brazil", "Russia", "India", "South Africa"]].sum(
        axis=1
    )
    assert ((wide["BRICS total"] - parts).abs() <= 2).all()


def test_factbook_rows():
    fb = data.factbook_2015().set_index("code")
    assert list(fb[fb["group"] == "member"].index) == ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"]
    assert set(fb[fb["group"] == "observer"].index) == {"AFG", "IND", "IRN", "MNG", "PAK"}
    assert fb.loc["WLD", "area_km2"] > fb.loc["WLD", "land_km2"] > fb.loc["RUS", "area_km2"]


def test_unknown_vintage_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown vintage 'wdi-1999'"):
        data.gdp_population("wdi-1999")


# ------------------------------------------------------------------ corrupted files
def _rewrite(path, fn):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(fn(lines)), encoding="utf-8")


def test_missing_file(data_copy):
    (data_copy / "paper_table2.csv").unlink()
    with pytest.raises(
        DataFileError,
        match=r"paper_table2\.csv: file not found\. Expected the course data file "
        r"'paper_table2\.csv' in the data folder; rebuild it with "
        r"`python scripts/build_data\.py` or set MULTIPOLAR_DATA\.$",
    ):
        data.paper_table2()


def test_empty_file(data_copy):
    (data_copy / "paper_table2.csv").write_text("", encoding="utf-8")
    with pytest.raises(
        DataFileError, match=r"paper_table2\.csv: the file is empty; expected a header row"
    ):
        data.paper_table2()


def test_missing_column(data_copy):
    _rewrite(
        data_copy / "factbook_2015.csv",
        lambda ls: [ls[0].replace("gdp_ppp_usd", "gdp_ppp")] + ls[1:],
    )
    with pytest.raises(
        DataFileError,
        match=r"factbook_2015\.csv: missing column\(s\) \['gdp_ppp_usd'\]; unexpected column\(s\) \['gdp_ppp'\]",
    ):
        data.factbook_2015()


def test_bad_number_names_row_and_column(data_copy):
    _rewrite(
        data_copy / "wb_gdp_population.csv",
        lambda ls: ls[:5]
        + [ls[5].replace("wdi-2015-08,ABW,1964,", "wdi-2015-08,ABW,1964,lots")]
        + ls[6:],
    )
    with pytest.raises(
        DataFileError,
        match=r"wb_gdp_population\.csv, row 6, column 'gdp_usd': expected a number \(current US\$\), found 'lots'",
    ):
        data.gdp_population()


def test_value_out_of_range(data_copy):
    _rewrite(
        data_copy / "paper_table2.csv",
        lambda ls: ls[:1] + [ls[1].replace(",31.3", ",131.3")] + ls[2:],
    )
    with pytest.raises(
        DataFileError, match=r"row 2, column 'share_pct': expected a value at most 100"
    ):
        data.paper_table2()


def test_bad_enum(data_copy):
    _rewrite(
        data_copy / "wb_economies.csv",
        lambda ls: ls[:3] + [ls[3].replace(",economy,", ",country,")] + ls[4:],
    )
    with pytest.raises(
        DataFileError,
        match=r"row 4, column 'kind': expected one of \['aggregate', 'economy'\], found 'country'",
    ):
        data.economies()


def test_required_cell_empty(data_copy):
    _rewrite(
        data_copy / "factbook_2015.csv", lambda ls: ls[:1] + [ls[1].replace(",CHN,", ",,")] + ls[2:]
    )
    with pytest.raises(
        DataFileError, match=r"row 2, column 'code': expected a value, found an empty cell"
    ):
        data.factbook_2015()


def test_duplicate_key(data_copy):
    _rewrite(data_copy / "paper_growth_multiples.csv", lambda ls: ls + [ls[1]])
    with pytest.raises(DataFileError, match=r"duplicate key \(start=1980, end=2013\)"):
        data.paper_growth_multiples()


def test_ragged_row(data_copy):
    _rewrite(
        data_copy / "paper_growth_multiples.csv",
        lambda ls: ls[:2] + ["1990,2000,3.8,quote,extra,cells\n"] + ls[3:],
    )
    with pytest.raises(
        DataFileError, match=r"paper_growth_multiples\.csv: not a well-formed CSV file"
    ):
        data.paper_growth_multiples()


def test_not_utf8(data_copy):
    (data_copy / "paper_growth_multiples.csv").write_bytes(
        b"start,end,multiple,quote\n1980,2013,50,\xff\xfe\n"
    )
    with pytest.raises(DataFileError, match=r"expected UTF-8 text"):
        data.paper_growth_multiples()


def test_results_are_copies():
    a = data.paper_table2()
    a.loc[0, "label"] = "changed"
    assert data.paper_table2().loc[0, "label"] == "United States"


# ---------------------------------------------------------------- Frictionless Data Package
def _frictionless_errors(package: Path) -> list[str]:
    """Every error `frictionless validate` finds in a package (its metadata and its files)."""
    from frictionless import validate

    report = validate(str(package))
    return [
        " | ".join(str(x) for x in row)
        for row in report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])
    ]


def test_datapackage_is_a_valid_frictionless_data_package():
    errors = _frictionless_errors(ROOT / "data" / "datapackage.json")
    assert not errors, "frictionless validate data/datapackage.json:\n" + "\n".join(errors[:20])


def test_frictionless_catches_a_value_outside_an_enum(tmp_path):
    """The validation above can fail: a role the catalogue does not allow."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    _rewrite(
        tmp_path / "data" / "argument_map.csv",
        lambda ls: ls[:2] + [ls[2].replace(",premise,", ",hunch,", 1)] + ls[3:],
    )
    errors = _frictionless_errors(tmp_path / "data" / "datapackage.json")
    assert len(errors) == 1 and "constraint-error" in errors[0] and "role" in errors[0], errors


def test_frictionless_catches_required_outside_constraints(tmp_path):
    """The validation can fail: 'required' where the old build put it (outside constraints)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    field = package["resources"][0]["schema"]["fields"][0]
    field["required"] = field["constraints"].pop("required")
    path.write_text(json.dumps(package), encoding="utf-8")
    errors = _frictionless_errors(path)
    assert errors and all("constraints.required" in e for e in errors), errors


# ---------------------------------------------------------------- issue 17: every bound is enforced
def _line_of(path, prefix: str) -> int:
    """The file's line number (1 = header) of the first row starting with ``prefix``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(prefix))


def test_a_fractional_year_is_refused_not_truncated(data_copy):
    """start=1980.7 must not load silently as 1980."""
    path = data_copy / "paper_growth_multiples.csv"
    line = _line_of(path, "1980,2013,")
    _rewrite(path, lambda ls: [ln.replace("1980,2013,", "1980.7,2013,", 1) for ln in ls])
    with pytest.raises(
        DataFileError,
        match=rf"paper_growth_multiples\.csv, row {line}, column 'start': "
        r"expected an integer, found '1980\.7'",
    ):
        data.paper_growth_multiples()


def test_a_fractional_count_in_an_optional_integer_column_is_refused(data_copy):
    path = data_copy / "wb_gdp_population.csv"
    line = _line_of(path, "wdi-2015-08,USA,2013,")
    _rewrite(
        path,
        lambda ls: [
            ln.replace(",316497531", ",316497531.5")
            if ln.startswith("wdi-2015-08,USA,2013,")
            else ln
            for ln in ls
        ],
    )
    with pytest.raises(
        DataFileError,
        match=rf"row {line}, column 'population': expected an integer \(persons\), "
        r"found '316497531\.5'",
    ):
        data.gdp_population()


def test_whole_numbers_written_with_a_decimal_point_load_as_integers(data_copy):
    path = data_copy / "paper_growth_multiples.csv"
    _rewrite(path, lambda ls: [ln.replace("1980,2013,", "1980.0,2013,", 1) for ln in ls])
    df = data.paper_growth_multiples()
    assert pd.api.types.is_integer_dtype(df["start"]) and 1980 in set(df["start"])


def test_a_negative_gdp_is_refused(data_copy):
    """A negative US GDP would make the US share of world GDP negative: the loader must stop it."""
    path = data_copy / "wb_gdp_population.csv"
    line = _line_of(path, "wdi-2015-08,USA,2013,")
    row = path.read_text(encoding="utf-8").splitlines()[line - 1]
    gdp = row.split(",")[3]
    _rewrite(
        path,
        lambda ls: [
            ln.replace(f",{gdp},", f",-{gdp},") if ln.startswith("wdi-2015-08,USA,2013,") else ln
            for ln in ls
        ],
    )
    with pytest.raises(
        DataFileError,
        match=rf"wb_gdp_population\.csv, row {line}, column 'gdp_usd': "
        rf"expected a value at least 0, found '-{gdp}'",
    ):
        data.gdp_population()


@pytest.mark.parametrize(
    "value, ok", [("1960", True), ("1959", False), ("2100", True), ("2101", False)]
)
def test_year_bounds_are_inclusive(data_copy, value, ok):
    """minimum and maximum are inclusive: the bound itself loads, one past it does not."""
    path = data_copy / "paper_growth_multiples.csv"
    _rewrite(path, lambda ls: [ln.replace("1980,2013,", f"{value},2013,", 1) for ln in ls])
    if ok:
        assert int(value) in set(data.paper_growth_multiples()["start"])
    else:
        word = "at least 1960" if value < "2000" else "at most 2100"
        with pytest.raises(
            DataFileError, match=rf"column 'start': expected a value {word}, found '{value}'"
        ):
            data.paper_growth_multiples()


def test_a_zero_share_and_a_full_share_load(data_copy):
    path = data_copy / "paper_table2.csv"
    _rewrite(
        path,
        lambda ls: ls[:1]
        + [ls[1].replace(",31.3", ",100.0")]
        + [ls[2].rsplit(",", 1)[0] + ",0\n"]
        + ls[3:],
    )
    t2 = data.paper_table2()
    assert t2["share_pct"].iloc[0] == 100.0 and t2["share_pct"].iloc[1] == 0.0


def test_empty_optional_cells_stay_missing_and_are_not_range_checked(data_copy):
    df = data.gdp_population("wdi-2015-08")
    abw = df[(df["code"] == "ABW") & (df["year"] == 1960)].iloc[0]
    assert pd.isna(abw["gdp_usd"]) and abw["population"] > 0
    assert df["population"].dtype == "Int64" and df["gdp_usd"].dtype == "float64"


def test_required_integer_columns_load_as_plain_int64(data_copy):
    # a fresh copy of data/: the files are read and typed here, not served from the loader's cache
    import numpy as np

    df = data.paper_growth_multiples()
    for col in ("start", "end"):
        assert isinstance(df[col].dtype, np.dtype) and str(df[col].dtype) == "int64", df[col].dtype
    pop = data.gdp_population()["population"]
    assert not isinstance(pop.dtype, np.dtype) and str(pop.dtype) == "Int64", (
        "an optional integer column keeps its gaps"
    )


def test_the_first_bad_row_is_named_when_several_are_bad(data_copy):
    path = data_copy / "paper_growth_multiples.csv"
    _rewrite(
        path,
        lambda ls: ls[:2] + [ls[2].replace(",", ",x", 1)] + [ls[3].replace(",", ",y", 1)] + ls[4:],
    )
    with pytest.raises(DataFileError, match=r"row 3, column 'end': expected an integer, found 'x"):
        data.paper_growth_multiples()


def test_header_only_and_wrong_columns_are_told_apart(data_copy):
    path = data_copy / "paper_growth_multiples.csv"
    _rewrite(path, lambda ls: ls[:1])
    with pytest.raises(
        DataFileError, match=r"paper_growth_multiples\.csv: no data rows after the header"
    ):
        data.paper_growth_multiples()
    _rewrite(path, lambda ls: [ls[0].replace("quote", "quote,page")] + ["1980,2013,50,q,1\n"])
    with pytest.raises(
        DataFileError,
        match=r"unexpected column\(s\) \['page'\]; expected the columns "
        r"\['start', 'end', 'multiple', 'quote'\]$",
    ):
        data.paper_growth_multiples()
    _rewrite(path, lambda ls: ["start,end,multiple\n", "1980,2013,50\n"])
    with pytest.raises(
        DataFileError, match=r": missing column\(s\) \['quote'\]; expected the columns"
    ):
        data.paper_growth_multiples()


def test_duplicate_key_names_its_row(data_copy):
    path = data_copy / "paper_growth_multiples.csv"
    n = len(path.read_text(encoding="utf-8").splitlines())
    _rewrite(path, lambda ls: ls + [ls[2]])
    with pytest.raises(
        DataFileError,
        match=rf"row {n + 1}: duplicate key \(start=1980, end=1990\); "
        r"expected one row per \('start', 'end'\)",
    ):
        data.paper_growth_multiples()


def test_unknown_name_and_data_dir(monkeypatch, tmp_path):
    with pytest.raises(KeyError, match=r"no data file called 'nope'; known: \['"):
        data.load("nope")
    monkeypatch.delenv("MULTIPOLAR_DATA", raising=False)
    assert data.data_dir() == ROOT / "data"
    monkeypatch.setenv("MULTIPOLAR_DATA", str(tmp_path))
    assert data.data_dir() == tmp_path


def test_an_edited_file_is_read_again(data_copy):
    """The cache is keyed on the file's modification time: an edit is seen at once."""
    import os

    before = data.paper_growth_multiples()
    path = data_copy / "paper_growth_multiples.csv"
    _rewrite(path, lambda ls: ls[:2])
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert len(data.paper_growth_multiples()) == 1 < len(before)


def test_vintage_filter_gives_one_vintage_reindexed():
    df = data.gdp_population("wdi-2015-08")
    assert list(df.columns) == ["vintage", "code", "year", "gdp_usd", "population"]
    assert set(df["vintage"]) == {"wdi-2015-08"} and list(df.index) == list(range(len(df)))
    assert len(df) < len(data.gdp_population())


#: Each named loader and the catalogue file it reads.
LOADERS = {
    "economies": "wb_economies",
    "paper_table2": "paper_table2",
    "paper_growth_multiples": "paper_growth_multiples",
    "factbook_2015": "factbook_2015",
    "gdp_ppp": "wb_gdp_ppp",
    "us_order_institutions": "us_order_institutions",
    "surface_area": "wb_surface_area",
    "factbook_sco_status": "factbook_sco_status",
    "sco_timeline": "sco_timeline",
    "vision_mechanisms": "vision_mechanisms",
    "mechanism_membership": "mechanism_membership",
    "self_other_statements": "self_other_statements",
    "epilogue_events": "epilogue_events",
    "network_events": "network_events",
    "network_figures": "network_figures",
    "rapprochement_figures": "rapprochement_figures",
    "claim_events": "claim_events",
    "claims_ledger": "claims_ledger",
    "argument_map": "argument_map",
    "map_countries": "map_countries",
    "map_places": "map_places",
    "gdp_population": "wb_gdp_population",
}


@pytest.mark.parametrize("loader, name", sorted(LOADERS.items()))
def test_each_loader_reads_its_own_file(loader, name):
    got = getattr(data, loader)()
    pd.testing.assert_frame_equal(got, data.load(name))
    assert list(got.columns) == [f["name"] for f in catalog.RESOURCES[name]["fields"]]


def test_every_catalogue_file_has_a_loader():
    assert set(LOADERS.values()) == set(catalog.RESOURCES)
