"""Maps (chapters 4 and 5): SCO membership through time, and the places the chapters name.

Pure functions over ``data/map_countries.csv`` (Natural Earth outlines, simplified by
``scripts/build_maps.py``), ``data/map_places.csv`` and the course's SCO tables:

* members by year come from the dated rows of ``data/sco_timeline.csv`` (the Shanghai Five's
  founders and Uzbekistan's admission in 2001 as the paper states them, later admissions from
  news reports);
* observers and dialogue partners come from the CIA World Factbook's 2015 and 2025 editions
  (``data/factbook_sco_status.csv``), so the course knows them for those two years only and
  shows them for no other year. Nothing is filled in between.

Maps are drawn with matplotlib alone, in a simple equidistant conic projection.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

from . import data
from .charts import OKABE_ITO

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "SNAPSHOT_YEARS",
    "STATUS_STYLE",
    "BOUNDARY_CAPTION",
    "project",
    "parse_ring",
    "admissions",
    "members_in",
    "status_in",
    "membership_alt_text",
    "membership_map",
    "membership_widget",
    "places",
    "places_alt_text",
    "places_map",
]

FIRST_YEAR, LAST_YEAR = 1996, 2025
#: Years for which the course holds observers and dialogue partners (Factbook editions).
SNAPSHOT_YEARS = {2015: "status_2015", 2025: "status_2025"}

#: Timeline rows (by label) that name founders or admissions in words, not in ``admitted``.
_WORDED_ADMISSIONS = ("Shanghai Five formed", "SCO founded (Uzbekistan joins)")

#: status -> (legend label, face colour, hatch). Hatching and labels tell statuses apart
#: without colour.
STATUS_STYLE = {
    "member": ("member (name in bold)", OKABE_ITO[0], ""),
    "observer": ("observer (hatched //)", OKABE_ITO[4], "//"),
    "dialogue member": (
        "dialogue partner ('dialogue member' in the Factbook; dotted)",
        OKABE_ITO[3],
        "..",
    ),
}
_OTHER = "#eeeeee"
_EDGE = "#777777"

BOUNDARY_CAPTION = (
    "Boundaries: Natural Earth 4.1.0 (1:50m admin-0, via world-atlas 2.0.2; public domain), "
    "simplified. Borders are de facto lines, not a position on any dispute."
)


# ---------------------------------------------------------------- geometry
def project(
    lon, lat, lon0: float = 80.0, lat1: float = 30.0, lat2: float = 60.0, lat0: float = 45.0
):
    """Equidistant conic projection (degrees in, plane units out; 1 unit = 1 radian of arc).

    Meridians are straight lines through a common apex and parallels are evenly spaced arcs,
    which keeps Russia and Central Asia less distorted than a plain latitude-longitude grid.
    """
    lon, lat = np.radians(np.asarray(lon, float)), np.radians(np.asarray(lat, float))
    p1, p2, p0, l0 = map(math.radians, (lat1, lat2, lat0, lon0))
    n = (math.cos(p1) - math.cos(p2)) / (p2 - p1)
    g = math.cos(p1) / n + p1
    rho, rho0 = g - lat, g - p0
    theta = n * (lon - l0)
    return rho * np.sin(theta), rho0 - rho * np.cos(theta)


def parse_ring(text: str) -> np.ndarray:
    """A ring written 'lon lat, lon lat, ...' as an (n, 2) array."""
    try:
        return np.array([[float(v) for v in pair.split()] for pair in text.split(",")])
    except ValueError as exc:
        raise ValueError(f"not a ring of 'lon lat' pairs: {text[:40]!r}...") from exc


def _shapes(proj: tuple) -> dict[str, list]:
    """{country name: [(code, [projected rings of one part])]} (cached per projection and state of
    the borders file)."""
    return _shapes_of(proj, data.stamp("map_countries"))


@lru_cache(maxsize=4)
def _shapes_of(proj: tuple, _stamp: tuple) -> dict[str, list]:
    df = data.map_countries()
    out: dict[str, list] = {}
    for (name, _part), rows in df.groupby(["name", "part"], sort=True):
        rings = []
        for text in rows.sort_values("ring")["coordinates"]:
            ring = parse_ring(text)
            x, y = project(ring[:, 0], ring[:, 1], *proj)
            rings.append(np.column_stack([x, y]))
        out.setdefault(name, []).append((rows["code"].iloc[0], rings))
    return out


def _path(rings: list[np.ndarray]) -> MplPath:
    verts, codes = [], []
    for ring in rings:
        verts += list(ring)
        codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(verts, codes)


def _area_centroid(ring: np.ndarray) -> tuple[float, float, float]:
    x, y = ring[:, 0], ring[:, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    a = cross.sum() / 2
    if a == 0:
        return 0.0, float(x.mean()), float(y.mean())
    return (
        abs(a),
        float(((x[:-1] + x[1:]) * cross).sum() / (6 * a)),
        float(((y[:-1] + y[1:]) * cross).sum() / (6 * a)),
    )


def _label_point(parts: list) -> tuple[float, float]:
    """Centroid of a country's largest part (its outer ring)."""
    best = max((_area_centroid(rings[0]) for _, rings in parts), key=lambda t: t[0])
    return best[1], best[2]


def _frame(ax, west, south, east, north, proj) -> None:
    lons = np.r_[
        np.linspace(west, east, 60),
        np.full(30, east),
        np.linspace(east, west, 60),
        np.full(30, west),
    ]
    lats = np.r_[
        np.full(60, south),
        np.linspace(south, north, 30),
        np.full(60, north),
        np.linspace(north, south, 30),
    ]
    x, y = project(lons, lats, *proj)
    ax.set_xlim(x.min(), x.max())
    ax.set_ylim(y.min(), y.max())
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_color("#bbbbbb")
    ax.set_facecolor("#f4f8fb")


def _draw_countries(ax, proj, fill: dict[str, str] | None = None) -> dict[str, list]:
    """Draw every outline; ``fill`` maps ISO alpha-3 codes to a status (styled by STATUS_STYLE)."""
    fill = fill or {}
    shapes = _shapes(proj)
    for parts in shapes.values():
        for code, rings in parts:
            status = fill.get(code)
            face, hatch = (
                (STATUS_STYLE[status][1], STATUS_STYLE[status][2]) if status else (_OTHER, "")
            )
            ax.add_patch(
                PathPatch(
                    _path(rings),
                    facecolor=face,
                    edgecolor="white" if status else _EDGE,
                    linewidth=0.5,
                    hatch=hatch,
                    hatchcolor="#222222" if hatch else None,
                )
            )
    return shapes


# ---------------------------------------------------------------- membership through time
def _names() -> dict[str, str]:
    """{ISO alpha-3: name} for every state the Factbook lists with an SCO status."""
    st = data.factbook_sco_status()
    return dict(zip(st["code"], st["name"]))


def admissions() -> pd.DataFrame:
    """One row per state that became a member: code, name, year, date, source (from the timeline).

    The founders of 1996 and Uzbekistan (2001) are named in the words of two timeline rows; the
    states named there are matched against the Factbook's SCO list. Later admissions are the
    codes in the timeline's ``admitted`` column.
    """
    tl = data.sco_timeline()
    names = _names()
    rows = []
    for label in _WORDED_ADMISSIONS:
        hit = tl[tl["label"] == label]
        if hit.empty:
            raise ValueError(
                f"data/sco_timeline.csv has no row labelled {label!r}; "
                "the map reads the founding members from it"
            )
        r = hit.iloc[0]
        named = [c for c, n in names.items() if n in r["event"]]
        if not named:
            raise ValueError(
                f"the timeline row {label!r} names no state of the Factbook's SCO list"
            )
        rows += [
            {"code": c, "year": int(r["year"]), "date": r["date"], "source": r["source"]}
            for c in named
        ]
    for _, r in tl[tl["admitted"].fillna("") != ""].iterrows():
        rows += [
            {"code": c, "year": int(r["year"]), "date": r["date"], "source": r["source"]}
            for c in r["admitted"].split("+")
        ]
    out = pd.DataFrame(rows).sort_values(["year", "code"], kind="stable").drop_duplicates("code")
    out.insert(1, "name", [names.get(c, c) for c in out["code"]])
    return out.reset_index(drop=True)


def _check_year(year) -> int:
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
        raise ValueError(
            f"year must be a whole number between {FIRST_YEAR} and {LAST_YEAR}, not {year!r}"
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"year must be between {FIRST_YEAR} and {LAST_YEAR}; "
            f"the course has no SCO data for {year}"
        )
    return int(year)


def members_in(year: int) -> list[str]:
    """ISO alpha-3 codes of the members (of the Shanghai Five before 2001) in ``year``."""
    year = _check_year(year)
    adm = admissions()
    return list(adm.loc[adm["year"] <= year, "code"])


def status_in(year: int) -> pd.DataFrame:
    """Every state with a status in ``year``: code, name, status and basis (its source).

    Members from the timeline; observers and dialogue partners only in :data:`SNAPSHOT_YEARS`,
    as the Factbook edition of that year prints them (a state the timeline shows as a member by
    then is a member, whatever the edition prints).
    """
    year = _check_year(year)
    names = _names()
    adm = admissions().set_index("code")
    rows = [
        {
            "code": c,
            "name": names.get(c, c),
            "status": "member",
            "basis": f"admitted {adm.loc[c, 'date']} ({adm.loc[c, 'source']})",
        }
        for c in members_in(year)
    ]
    column = SNAPSHOT_YEARS.get(year)
    if column:
        st = data.factbook_sco_status()
        for _, r in st.iterrows():
            if r["code"] not in adm.index[adm["year"] <= year] and r[column] in (
                "observer",
                "dialogue member",
            ):
                rows.append(
                    {
                        "code": r["code"],
                        "name": r["name"],
                        "status": r[column],
                        "basis": f"CIA World Factbook, {year} edition: "
                        f"'{r['printed_' + str(year)]}'",
                    }
                )
    order = {s: i for i, s in enumerate(STATUS_STYLE)}
    out = pd.DataFrame(rows, columns=["code", "name", "status", "basis"])
    return out.sort_values(
        ["status", "name"], key=lambda s: s.map(order) if s.name == "status" else s, kind="stable"
    ).reset_index(drop=True)


def _join(names: list[str]) -> str:
    return (
        ", ".join(names[:-1]) + " and " + names[-1]
        if len(names) > 1
        else (names[0] if names else "none")
    )


def membership_alt_text(year: int, table: pd.DataFrame | None = None) -> str:
    """What the membership map for ``year`` shows, in words, computed from :func:`status_in`."""
    year = _check_year(year)
    table = status_in(year) if table is None else table
    group = "Shanghai Five" if year < 2001 else "Shanghai Cooperation Organisation (SCO)"
    parts = []
    for status, word in (
        ("member", "member"),
        ("observer", "observer"),
        ("dialogue member", "dialogue partner"),
    ):
        names = list(table.loc[table["status"] == status, "name"])
        if names or status == "member":
            parts.append(f"{len(names)} {word}{'' if len(names) == 1 else 's'}: {_join(names)}")
    text = f"Map of Eurasia in {year} showing the {group}'s " + "; ".join(parts) + "."
    if year in SNAPSHOT_YEARS:
        text += (
            " Observers and dialogue partners as printed by the CIA World Factbook's "
            f"{year} edition."
        )
    else:
        text += (
            " Observers and dialogue partners are not shown for this year: "
            "the course holds them only "
            f"for {' and '.join(map(str, SNAPSHOT_YEARS))} (CIA World Factbook editions)."
        )
    return text + " Borders are Natural Earth's de facto lines."


_SHORT = {"United States of America": "USA"}
#: States too small to label on the whole map: labelled in the Central Asia inset instead.
_INSET_ONLY = {"Uzbekistan", "Kyrgyzstan", "Tajikistan", "Afghanistan"}
_INSET = (55.0, 32.5, 81.0, 46.0)  # west, south, east, north


def _label_states(ax, shapes, fill, skip=frozenset(), fontsize=8.5) -> None:
    """Write the name of every state with a status on its largest part (members in bold)."""
    for name, parts in shapes.items():
        code = parts[0][0]
        if code not in fill or name in skip:
            continue
        x, y = _label_point(parts)
        member = fill[code] == "member"
        ax.text(
            x,
            y,
            _SHORT.get(name, name),
            ha="center",
            va="center",
            fontsize=fontsize,
            clip_on=True,
            fontweight="bold" if member else "normal",
            color="black",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
        )


def _status_handles(statuses) -> list:
    return [
        PathPatch(
            MplPath([(0, 0), (1, 0), (1, 1), (0, 0)]),
            facecolor=STATUS_STYLE[s][1],
            hatch=STATUS_STYLE[s][2],
            hatchcolor="#222222",
            edgecolor="white",
            label=STATUS_STYLE[s][0],
        )
        for s in STATUS_STYLE
        if s in set(statuses)
    ]


def _status_patch(patch, status) -> None:
    """Style one country outline for ``status`` (None: no status), as in :data:`STATUS_STYLE`."""
    face, hatch = (STATUS_STYLE[status][1], STATUS_STYLE[status][2]) if status else (_OTHER, "")
    patch.set_facecolor(face)
    patch.set_edgecolor("white" if status else _EDGE)
    patch.set_hatch(hatch or None)
    patch.set_hatchcolor("#222222" if hatch else _EDGE)


class _MembershipFigure:
    """The membership map's figure, drawn once and then repainted for any year by :meth:`paint`.

    The outlines, the inset and the captions never change; a year sets the fills and hatches, which
    names are written (every state with a status in some year has its label, hidden when it has
    none), the legend, the note on observers and the titles.
    """

    PROJ = (80.0, 30.0, 60.0, 45.0)

    def __init__(self):
        proj = self.PROJ
        fig = self.fig = Figure(figsize=(9, 8.0), dpi=100, layout="constrained")
        grid = fig.add_gridspec(2, 2, height_ratios=[5.2, 2.6], width_ratios=[1.2, 1])
        ax = fig.add_subplot(grid[0, :])
        _frame(ax, 22, 5, 180, 80, proj)
        self.shapes = _draw_countries(ax, proj)
        inset = fig.add_subplot(grid[1, 0])
        _frame(inset, *_INSET, proj)
        _draw_countries(inset, proj)
        # one outline per (code, part) in each map, in drawing order
        self.patches = [
            (code, p) for a in (ax, inset) for (code, _), p in zip(self._parts(), a.patches)
        ]
        named = set(_names()) | set(admissions()["code"])
        self.labels = {}
        for target, skip, only in ((ax, _INSET_ONLY, None), (inset, (), _INSET_ONLY)):
            for name, parts in self.shapes.items():
                code = parts[0][0]
                if code not in named or name in skip or (only is not None and name not in only):
                    continue
                x, y = _label_point(parts)
                self.labels.setdefault(code, []).append(
                    target.text(
                        x,
                        y,
                        _SHORT.get(name, name),
                        ha="center",
                        va="center",
                        fontsize=8.5,
                        clip_on=True,
                        color="black",
                        visible=False,
                        bbox={
                            "boxstyle": "round,pad=0.15",
                            "fc": "white",
                            "ec": "none",
                            "alpha": 0.85,
                        },
                    )
                )
        inset.set_title("Central Asia, enlarged (dashed box above)", fontsize=9, loc="left")
        corners = project(
            [_INSET[0], _INSET[2], _INSET[2], _INSET[0], _INSET[0]],
            [_INSET[1], _INSET[1], _INSET[3], _INSET[3], _INSET[1]],
            *proj,
        )
        ax.plot(*corners, color="#333333", linewidth=0.9, linestyle="--")
        key = self.key = fig.add_subplot(grid[1, 1])
        key.axis("off")
        self.note = key.text(
            0.0,
            0.35,
            "Observers and dialogue partners:\nthe course holds them for 2015\nand 2025 only "
            "(CIA World Factbook),\nso none are shown for this year.",
            fontsize=8.5,
            va="top",
            transform=key.transAxes,
        )
        fig.supxlabel(
            f"{BOUNDARY_CAPTION}\nMembers: data/sco_timeline.csv (Sahara 2015; TASS; Trend). "
            "Observers and dialogue partners: CIA World Factbook 2015 and 2025 editions, as printed.",
            x=0.01,
            ha="left",
            fontsize=7.5,
            color="#444444",
        )

    def _parts(self):
        return [(code, rings) for parts in self.shapes.values() for code, rings in parts]

    def paint(self, year: int, table: pd.DataFrame | None = None) -> Figure:
        """Show ``year``'s statuses (``table``: :func:`status_in` of that year, if computed)."""
        year = _check_year(year)
        table = status_in(year) if table is None else table
        fill = dict(zip(table["code"], table["status"]))
        missing = sorted(set(fill) - {code for code, _ in self._parts()})
        if missing:
            raise ValueError(f"no outline in data/map_countries.csv for {missing}")
        for code, patch in self.patches:
            _status_patch(patch, fill.get(code))
        for code, texts in self.labels.items():
            for text in texts:
                text.set_visible(code in fill)
                text.set_fontweight("bold" if fill.get(code) == "member" else "normal")
        group = "Shanghai Five" if year < 2001 else "SCO"
        self.key.legend(
            handles=_status_handles(table["status"]) or _status_handles(["member"]),
            loc="upper left",
            fontsize=9,
            frameon=False,
            title=f"{group} status in {year}",
            title_fontsize=10,
            alignment="left",
        )
        self.note.set_visible(year not in SNAPSHOT_YEARS)
        members = int((table["status"] == "member").sum())
        self.fig.suptitle(
            f"The {group} in {year}: {members} members", x=0.01, ha="left", fontsize=12
        )
        self.fig.alt_text = membership_alt_text(year, table)
        return self.fig


def membership_map(year: int = LAST_YEAR) -> Figure:
    """The SCO's members (and, in 2015 and 2025, observers and dialogue partners) in ``year``.

    Central Asia's smaller members are labelled in an inset (lower left) drawn at a larger scale.
    """
    year = _check_year(year)
    return _MembershipFigure().paint(year)


class _LiveMap:
    """:func:`membership_map` for the year slider. The first call (the static image) draws a new
    map; later calls repaint one figure in place, whose layout is computed at its first render and
    then kept (nothing that moves changes size), with each year's table computed once."""

    __name__ = "membership_map"

    def __init__(self):
        self.live: _MembershipFigure | None = None
        self.tables: dict[int, pd.DataFrame] = {}

    def _table(self, year: int) -> pd.DataFrame:
        if year not in self.tables:
            self.tables[year] = status_in(year)
        return self.tables[year]

    def __call__(self, year: int) -> Figure:
        year = _check_year(year)
        if self.live is None and not self.tables.keys() - {year}:
            return _MembershipFigure().paint(year, self._table(year))  # the default view
        if self.live is None:
            # Lay the figure out once, with the most it can show (a year of the Factbook editions,
            # the longest legend, and the note on observers), then keep that layout for every year.
            self.live = _MembershipFigure()
            widest = max(SNAPSHOT_YEARS, key=lambda y: self._table(y)["status"].nunique())
            self.live.paint(widest, self._table(widest))
            self.live.note.set_visible(True)
            self.live.fig.draw_without_rendering()
            self.live.fig.set_layout_engine("none")
        return self.live.paint(year, self._table(year))


def membership_widget(year: int = LAST_YEAR):
    """A year slider (1996-2025) wired to :func:`membership_map`; its default view is a full map.

    Moving the slider repaints one map in place (see :class:`_LiveMap`).
    """
    from .widgets import explore, slider  # imported here: ipywidgets is needed only for the widget

    return explore(
        _LiveMap(), year=slider(FIRST_YEAR, LAST_YEAR, _check_year(year), description="Year")
    )


# ---------------------------------------------------------------- places
def places() -> pd.DataFrame:
    """The places table (``data/map_places.csv``), each row with its source."""
    return data.map_places()


_KIND_MARK = {
    "town": ("o", "black", "town (GeoNames)"),
    "air base": ("^", OKABE_ITO[1], "US air base (cited page)"),
    "region": ("P", OKABE_ITO[2], "region: label point only (cited page)"),
}
#: Label offsets in points (x, y) so nearby places do not overlap; regions are labelled in italics.
_OFFSETS = {
    "Andijan": (-75, 4),
    "Osh": (30, -28),
    "Ferghana Valley": (-30, 48),
    "Karshi-Khanabad (K2) air base": (0, -30),
    "Manas air base": (0, 24),
    "Xinjiang": (0, 26),
}


def places_alt_text(table: pd.DataFrame | None = None) -> str:
    """What the places map shows, from the places table."""
    table = places() if table is None else table
    items = [f"{r['name']} ({r['kind']}, {r['country']})" for _, r in table.iterrows()]
    return (
        "Map of Central Asia and western China marking the places chapters 4 and 5 name: "
        + "; ".join(items)
        + ". Regions are labels, not boundaries; the pipelines of chapter 6 are not drawn "
        "(no sourced routes). Borders are Natural Earth's de facto lines."
    )


def places_map() -> Figure:
    """Central Asia and western China with the places of chapters 4-5 (towns, bases, regions)."""
    table = places()
    proj = (75.0, 30.0, 50.0, 42.0)
    fig = Figure(figsize=(9, 5.2), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    _frame(ax, 52, 33, 96, 50, proj)
    shapes = _draw_countries(ax, proj)
    for name in (
        "Kazakhstan",
        "Uzbekistan",
        "Turkmenistan",
        "Kyrgyzstan",
        "Tajikistan",
        "Afghanistan",
        "China",
        "Pakistan",
        "Iran",
        "Mongolia",
    ):
        if name in shapes:
            x, y = _label_point(shapes[name])
            if name == "China":
                x, y = project(92.0, 37.0, *proj)
            ax.text(
                x,
                y,
                name.upper(),
                ha="center",
                va="center",
                fontsize=8,
                color="#555555",
                clip_on=True,
            )
    x, y = project(table["lon"].to_numpy(), table["lat"].to_numpy(), *proj)
    used = set()
    for (_, r), px, py in zip(table.iterrows(), x, y):
        off = _OFFSETS.get(r["name"], (8, 8))
        marker, colour, legend = _KIND_MARK[r["kind"]]
        region = r["kind"] == "region"
        ax.plot(
            [px],
            [py],
            marker=marker,
            color=colour,
            markersize=7 if region else 8,
            markeredgecolor="black",
            linestyle="none",
            label=None if legend in used else legend,
            zorder=5,
        )
        used.add(legend)
        ax.annotate(
            r["name"],
            (px, py),
            xytext=off,
            textcoords="offset points",
            fontsize=10 if region else 9.5,
            style="italic" if region else "normal",
            ha="center",
            va="center",
            zorder=6,
            bbox={
                "boxstyle": "round,pad=0.2",
                "fc": "white",
                "ec": "#999999" if region else "none",
            },
            arrowprops={
                "arrowstyle": "-",
                "color": "#333333",
                "linewidth": 0.8,
                "linestyle": ":" if region else "-",
            },
        )
    ax.legend(loc="upper left", fontsize=8.5, framealpha=0.95)
    fig.suptitle("Places of chapters 4 and 5", x=0.01, ha="left", fontsize=12)
    fig.supxlabel(
        f"{BOUNDARY_CAPTION}\nPlaces: data/map_places.csv (towns: GeoNames, CC BY 4.0; bases and "
        "region label points: the page named in each row). "
        "Pipelines of chapter 6 not drawn: no sourced route.",
        x=0.01,
        ha="left",
        fontsize=7.5,
        color="#444444",
    )
    fig.alt_text = places_alt_text(table)
    return fig
