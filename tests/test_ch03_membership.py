"""Chapter 3: the mechanisms and membership data, the overlap computations, charts and the classifier.

Expected values are derived from the raw Factbook text or from first principles, never typed in.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from pathlib import Path

import numpy as np
import pytest

from multipolar import charts, classify, data
from multipolar.chapters import ch03_membership as membership

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT.parent / "shared" / "paper" / "000_0e512c34e4ebd900.txt"


@pytest.fixture
def sources() -> Path:
    path = ROOT.parent / "shared" / "sources"
    if not (path / "SOURCES.md").is_file():
        pytest.skip(f"raw sources not found at {path}")
    return path


def paper_text() -> str:
    if not PAPER.is_file():
        pytest.skip("paper text not available")
    return " ".join(PAPER.read_text(encoding="utf-8").split())


def _build_module():
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts" / "build_data.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ------------------------------------------------------------------ data
def test_vision_names_are_verbatim_in_the_paper():
    text = paper_text()
    m = data.vision_mechanisms()
    listed = m[m["in_vision"] == "yes"]
    assert len(listed) == 10
    for name in listed["paper_name"]:
        assert name in text


def test_not_covered_mechanisms_have_no_memberships():
    m = data.vision_mechanisms()
    uncovered = m[m["coverage"] == "not covered"]
    assert set(uncovered["mechanism"]) and (uncovered["factbook_abbrev"] == "").all()
    members = data.mechanism_membership()
    assert not set(members["mechanism"]) & set(uncovered["mechanism"])


def test_memberships_match_the_raw_factbook_text(sources):
    """Every row's printed text occurs in that entity's raw 2015 field, and vice versa for SCO."""
    fb = sources / "cia-factbook-archive" / "data"
    names = {}
    for line in (
        (fb / "reference_tables" / "countries.csv").read_text(encoding="utf-8").splitlines()[1:]
    ):
        parts = line.split(",")
        if parts[1] == "2015":
            names[parts[0]] = parts[2].lower()
    fields = {}
    row = re.compile(r"^\s*\((\d+), (\d+), (\d+), N'((?:[^']|'')*)', N'((?:[^']|'')*)'\)")
    with gzip.open(fb / "fields" / "country_fields_2015.sql.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            m = row.match(line)
            if m and m.group(4) == "International organization participation":
                fields[names[m.group(3)]] = m.group(5).replace("''", "'")
    df = data.mechanism_membership()
    for r in df.itertuples():
        for token in r.printed.split("; "):
            assert re.search(r"(^|, )" + re.escape(token) + r"(,|$)", fields[r.fips]), (
                r.country,
                token,
            )
    sco_raw = {f for f, text in fields.items() if re.search(r"(^|, )SCO(,| \(|$)", text)}
    assert sco_raw == membership.participants("SCO", include_partners=True)


def test_status_parsing_and_duplicates():
    b = _build_module()
    assert b.split_orgs("ADB, CIS (associate member, has not ratified), SCO") == [
        "ADB",
        "CIS (associate member, has not ratified)",
        "SCO",
    ]
    df = data.mechanism_membership()
    assert not df.duplicated(["fips", "mechanism"]).any()
    odd = df[df["note"] != ""]
    assert (odd["printed"].str.contains("; ")).all()


def test_self_other_quotes_are_verbatim():
    text = paper_text()
    st = data.self_other_statements()
    assert set(st["answer"]) == set(classify.SELF_OTHER_TYPES)
    for q in st["paper_quote"]:
        assert q in text


# ------------------------------------------------------------------ computations
def test_jaccard_first_principles():
    assert membership.jaccard({1, 2}, {2, 3}) == pytest.approx(1 / 3)
    assert membership.jaccard({1}, {1}) == 1
    assert membership.jaccard({1}, {2}) == 0
    assert math.isnan(membership.jaccard(set(), set()))


def test_participants_count_statuses():
    df = data.mechanism_membership()
    sco = df[df["mechanism"] == "SCO"]
    assert len(membership.participants("SCO")) == (sco["status"] == "member").sum()
    assert len(membership.participants("SCO", True)) == len(sco)
    with pytest.raises(ValueError, match="not a mechanism the course's sources cover"):
        membership.participants("CAREC")


def test_overlap_agrees_with_sets():
    ov = membership.overlap(["SCO", "CICA"])
    a, b = membership.participants("SCO"), membership.participants("CICA")
    row = ov.iloc[0]
    assert (row["shared"], row["union"]) == (len(a & b), len(a | b))
    assert row["jaccard"] == pytest.approx(len(a & b) / len(a | b))
    mat = membership.overlap_matrix(["SCO", "CICA"], value="shared")
    assert mat.loc["SCO", "SCO"] == len(a) and mat.loc["SCO", "CICA"] == mat.loc[
        "CICA", "SCO"
    ] == len(a & b)
    with pytest.raises(ValueError):
        membership.overlap_matrix(value="size")


def test_layers_cover_every_mechanism_and_say_not_covered():
    lay = membership.layers("China")
    m = data.vision_mechanisms()
    assert list(lay["mechanism"]) == list(m.sort_values("order")["mechanism"])
    uncovered = lay[lay["coverage"] == "not covered"]
    assert (uncovered["status"] == membership.NOT_COVERED).all() and uncovered[
        "members"
    ].isna().all()
    df = data.mechanism_membership()
    china = df[df["country"] == "China"].set_index("mechanism")["status"]
    for r in lay[lay["coverage"] != "not covered"].itertuples():
        assert r.status == china.get(r.factbook_abbrev, membership.NONE)


def test_membership_matrix_rows_and_columns():
    mat = membership.membership_matrix("GCC")
    assert set(mat.index) == set(data.mechanism_membership().query("mechanism == 'GCC'")["country"])
    assert len(mat.columns) == len(data.vision_mechanisms())
    assert (mat.filter(like="CAREC") == membership.NOT_COVERED).all().all()


def test_co_participants_counts_shared_mechanisms():
    co = membership.co_participants("Kazakhstan")
    df = data.mechanism_membership().query("status == 'member'")
    kz = set(df[df["country"] == "Kazakhstan"]["mechanism"])
    for r in co.head(5).itertuples():
        theirs = set(df[df["fips"] == r.fips]["mechanism"])
        assert r.shared == len(kz & theirs)
    with pytest.raises(ValueError, match="none of the covered mechanisms"):
        membership.fips_of("Atlantis")


# ------------------------------------------------------------------ charts and classifier
def test_layers_chart_alt_text_and_fallback():
    lay = membership.layers("Mongolia")
    fig = charts.layers_chart(
        lay, membership.overlap_matrix(), membership.overlap_matrix(value="shared"), "Mongolia"
    )
    for r in lay.itertuples():
        assert f"{r.mechanism}: {r.status}" in fig.alt_text
    jac = membership.overlap_matrix()
    keep = [
        a
        for a in jac.index
        if a
        in set(
            lay.loc[
                (lay["coverage"] != "not covered") & (lay["status"] == "member"), "factbook_abbrev"
            ]
        )
    ]
    if len(keep) >= 2:
        shown = fig.axes[1].images[0].get_array()
        np.testing.assert_allclose(np.asarray(shown), jac.loc[keep, keep].astype(float).to_numpy())
        pairs = [(jac.loc[a, b], a, b) for i, a in enumerate(keep) for b in keep[i + 1 :]]
        lo, hi = min(pairs), max(pairs)
        assert (
            f"Jaccard index from {lo[0]:.2f} ({lo[1]} and {lo[2]}) to {hi[0]:.2f} ({hi[1]} and {hi[2]})"
            in fig.alt_text
        )
    else:
        assert "Jaccard" not in fig.alt_text and not fig.axes[1].images


def test_matrix_chart_alt_text_names_every_row():
    mat = membership.membership_matrix("BRICS")
    fig = charts.membership_matrix_chart(mat, "BRICS")
    for name in mat.index:
        assert name in fig.alt_text
    assert "Not covered by the course's sources" in fig.alt_text


def test_check_and_quiz():
    st = data.self_other_statements()
    row = st.iloc[0]
    assert classify.check(row, row["answer"])[0] is True
    wrong = next(k for k in classify.SELF_OTHER_TYPES if k != row["answer"])
    ok, text = classify.check(row, wrong)
    assert ok is False and row["explanation"] in text
    assert classify.check(row, "")[0] is None
    with pytest.raises(ValueError):
        classify.check(row, "enemy")
    qs = classify.as_quiz(st)
    assert len(qs) == len(st)
    assert all(sum(a["correct"] for a in q["answers"]) == 1 for q in qs)


def test_classifier_scores_choices():
    st = data.self_other_statements()
    c = classify.classifier(st)
    assert c.correct() == 0
    for (pick, _), (_, r) in zip(c.rows, st.iterrows()):
        pick.value = r["answer"]
    assert c.correct() == len(st)
    assert f"{len(st)} of {len(st)}" in c.score.value
    assert "text/html" in c._repr_mimebundle_()


# ------------------------------------------------------------------ prose findings of chapter 3
def test_chapter_prose_findings_hold():
    """Statements the chapter makes in words (no number typed) that the data must support."""
    pairs = membership.overlap().sort_values("jaccard", ascending=False)
    asian = {"ASEAN", "ARF", "EAS", "APEC"}
    assert all({r.a, r.b} <= asian for r in pairs.head(6).itertuples())
    sco, cica = membership.participants("SCO"), membership.participants("CICA")
    assert sco <= cica
    sco_cica = membership.jaccard(sco, cica)
    for x in ("SCO", "CICA"):
        for y in ("LAS", "GCC"):
            other = membership.participants(y)
            assert membership.jaccard(membership.participants(x), other) < sco_cica
    assert membership.co_participants("China").iloc[0]["country"] == "Russia"
    full = data.mechanism_membership().query("status == 'member'")
    for name in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan"):
        assert set(full.loc[full["country"] == name, "mechanism"]) == {"SCO", "CICA"}
    china = set(full.loc[full["country"] == "China", "mechanism"])
    mech = data.vision_mechanisms()
    comparison = set(mech.loc[mech["in_vision"] == "no", "factbook_abbrev"])
    assert len(china) > len(membership.covered()) / 2
    assert 2 * len(china & comparison) == len(china)
    assert (mech.query("in_vision == 'yes'")["coverage"] == "not covered").sum() == 4


def test_factbook_afghanistan_quirks(sources):
    """Chapter 3: Afghanistan is an SCO observer and a CICA member in 2014, neither in 2015."""
    fb = sources / "cia-factbook-archive" / "data"
    ids = {}
    table = (fb / "reference_tables" / "countries.csv").read_text(encoding="utf-8")
    for line in table.splitlines()[1:]:
        parts = line.split(",")
        if parts[3] == "Afghanistan":
            ids[parts[1]] = parts[0]
    b = _build_module()
    tokens = {}
    for year in ("2014", "2015"):
        path = fb / "fields" / f"country_fields_{year}.sql.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if (
                    "International organization participation" in line
                    and f", {ids[year]}, N'" in line
                ):
                    field = line.split("N'")[2].rsplit("'", 1)[0]
                    tokens[year] = b.split_orgs(field)
    assert "SCO (observer)" in tokens["2014"] and "CICA" in tokens["2014"]
    assert "SCO (dialogue member)" in tokens["2015"] and "CICA" not in tokens["2015"]


@pytest.mark.parametrize("include_partners", [False, True])
def test_layers_chart_alt_text_exactly(include_partners):
    # Mongolia: a member of CICA and ARF, an observer of SCO, listed in none of APEC, BRICS ...
    lay = membership.layers("Mongolia")
    jac = membership.overlap_matrix()
    fig = charts.layers_chart(
        lay, jac, membership.overlap_matrix(value="shared"), "Mongolia", include_partners
    )
    taking_part = lay["status"] != "none listed"
    if not include_partners:
        taking_part &= lay["status"] == "member"
    keep = [a for a in jac.index if a in set(lay.loc[taking_part, "factbook_abbrev"])]
    assert len(keep) >= 2
    pairs = [(jac.loc[a, b], a, b) for i, a in enumerate(keep) for b in keep[i + 1 :]]
    lo, hi = min(pairs), max(pairs)
    counted = "members, observers and partners" if include_partners else "full members"
    statuses = "; ".join(f"{r.mechanism}: {r.status}" for r in lay.itertuples())
    assert fig.alt_text == (
        f"Chart of Mongolia's layers of membership, Factbook 2015. {statuses}. Overlap of its "
        f"mechanisms counting {counted}: Jaccard index from {lo[0]:.2f} ({lo[1]} and {lo[2]}) "
        f"to {hi[0]:.2f} ({hi[1]} and {hi[2]})."
    )
    assert f"shared {counted} below" in fig.axes[1].get_title(loc="left")
