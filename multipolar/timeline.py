"""One timeline, 1991-2025: every dated event the course uses, from its sourced tables.

:func:`combined_events` reads the course's dated tables (``data/sco_timeline.csv``,
``data/network_events.csv``, ``data/epilogue_events.csv``, the dated figures of
``data/rapprochement_figures.csv`` and ``data/us_order_institutions.csv``), gives each row one of
:data:`THEMES`, and returns them in one table, sorted by date, each with its source. A row
without a date is left out (it cannot be placed), and so is anything outside 1991-2025.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import data
from .charts import MARKERS, OKABE_ITO, timeline_chart
from .events import decimal_year

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "THEMES",
    "TABLES",
    "combined_events",
    "theme_counts",
    "overview_chart",
    "overview_alt_text",
    "theme_chart",
    "theme_widget",
]

FIRST_YEAR, LAST_YEAR = 1991, 2025

#: The themes of the timeline, in the order the chart stacks them.
THEMES = [
    "SCO and regional institutions",
    "Security, unrest and crises in Central Asia",
    "US bases and US policy",
    "Sino-Russian relations",
    "Russia under sanctions and at home",
    "Belt and Road and new banks",
    "Global institutions",
]

#: For each table: its column that classifies a row, and the theme of each value.
_THEME_OF = {
    "sco_timeline": (
        "kind",
        {
            "institution": THEMES[0],
            "enlargement": THEMES[0],
            "security": THEMES[1],
            "crisis": THEMES[1],
            "belt and road": THEMES[5],
        },
    ),
    "network_events": (
        "category",
        {
            "collective backing": THEMES[0],
            "unrest": THEMES[1],
            "domestic politics": THEMES[1],
            "base": THEMES[2],
            "host decision": THEMES[2],
            "US pressure": THEMES[2],
        },
    ),
    "epilogue_events": (
        "topic",
        {
            "IMF reform": THEMES[6],
            "AIIB": THEMES[5],
            "NDB": THEMES[5],
            "US policy": THEMES[2],
            "Sino-Russian relations": THEMES[3],
            "Belt and Road": THEMES[5],
            # topics the epilogue's post-2015 rows added
            "BRICS": THEMES[6],
            "Central Asian security": THEMES[1],
            "Trade pacts": THEMES[6],
        },
    ),
    "rapprochement_figures": (
        "figure",
        {
            "gas_negotiation_years": THEMES[3],
            "gas_contract_value": THEMES[3],
            "gas_contract_years": THEMES[3],
            "power_of_siberia_capacity": THEMES[3],
            "altai_capacity": THEMES[3],
            "contracts_may_2015": THEMES[3],
            "chinese_capital_share_before": THEMES[3],
            "chinese_capital_share_2015": THEMES[3],
            "chinese_capital_share_future": THEMES[3],
            "sco_strategy_years": THEMES[0],
            "rouble_recovery": THEMES[4],
            "ust_holdings_jan_2014": THEMES[4],
            "ust_holdings_mar_2015": THEMES[4],
            "media_foreign_capital_cap": THEMES[4],
            "foreign_agents_2014": THEMES[4],
            # Power of Siberia after the paper (chapter 6's model against the record)
            **{
                key: THEMES[3]
                for key in (
                    "pos_contract_plateau",
                    "pos_design_capacity",
                    "pos_first_deliveries",
                    "pos_deliveries_2020",
                    "pos_deliveries_2021",
                    "pos_deliveries_2022",
                    "pos_deliveries_2023",
                    "pos_deliveries_2024",
                    "pos_plateau_reached",
                )
            },
        },
    ),
    "us_order_institutions": (None, THEMES[6]),
}
#: The tables read, with the chapter that uses each.
TABLES = {
    "sco_timeline": "chapter 4",
    "network_events": "chapter 5",
    "epilogue_events": "epilogue",
    "rapprochement_figures": "chapter 6",
    "us_order_institutions": "chapter 1",
}
COLUMNS = [
    "date",
    "year",
    "precision",
    "theme",
    "label",
    "event",
    "source",
    "url",
    "table",
    "chapter",
]


def _precision(date: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(str(date).split("-"))]


def _rows(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """One table's dated rows in the common shape (no filtering by year yet)."""
    column, themes = _THEME_OF[name]
    df = df[df["date"].notna() & (df["date"].astype(str).str.strip() != "")].copy()
    if column is None:
        theme = pd.Series(themes, index=df.index)
    else:
        unknown = sorted(set(df[column]) - set(themes))
        if unknown:
            raise ValueError(
                f"data/{name}.csv: no timeline theme for {column} {unknown}; add it to "
                "multipolar.timeline._THEME_OF"
            )
        theme = df[column].map(themes)
    out = pd.DataFrame({"date": df["date"].astype(str), "theme": theme}, index=df.index)
    if name == "rapprochement_figures":
        value = df["value"].map(lambda v: "" if pd.isna(v) else f": {v:g}")
        out["label"] = df["claim"]
        out["event"] = (
            df["claim"] + value + " " + df["unit"].fillna("") + " (a figure Sahara gives)"
        )
        out["source"] = "Sahara (2015), chapter 6 figures; the paper cites: " + df[
            "cited_as"
        ].astype(str)
        out["url"] = ""
    elif name == "us_order_institutions":
        out["label"] = df["institution"] + ": founding document " + df["date_event"]
        out["event"] = df["full_name"] + ": founding document " + df["date_event"]
        out["source"], out["url"] = df["source"], ""
    else:
        out["label"], out["event"], out["source"] = df["label"], df["event"], df["source"]
        out["url"] = df["url"].fillna("") if "url" in df else ""
    out["year"] = out["date"].str[:4].astype(int)
    out["precision"] = out["date"].map(_precision)
    out["table"], out["chapter"] = name, TABLES[name]
    return out


def combined_events(tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Every dated event in :data:`TABLES`, 1991-2025, sorted by date (ties keep table order).

    ``tables`` maps table names to DataFrames (for tests); by default they are read from data/.
    """
    tables = tables if tables is not None else {name: data.load(name) for name in TABLES}
    missing = sorted(set(TABLES) - set(tables))
    if missing:
        raise ValueError(f"combined_events needs the tables {missing}")
    parts = [_rows(name, tables[name]) for name in TABLES]
    out = pd.concat(parts, ignore_index=True)
    out = out[(out["year"] >= FIRST_YEAR) & (out["year"] <= LAST_YEAR)]
    out["_when"] = out["date"].map(decimal_year)
    out = out.sort_values("_when", kind="stable").drop(columns="_when")
    return out[COLUMNS].reset_index(drop=True)


def theme_counts(events: pd.DataFrame) -> pd.Series:
    """Number of events per theme, in :data:`THEMES` order (0 where a theme has none)."""
    return events["theme"].value_counts().reindex(THEMES, fill_value=0)


_SOURCE = (
    "Sources: the course's tables in data/ (sco_timeline, network_events, epilogue_events,\n"
    "rapprochement_figures, us_order_institutions); each event's own source is in the page's table."
)


def overview_alt_text(events: pd.DataFrame) -> str:
    """What the overview chart shows: how many events, per theme, and their span."""
    parts = []
    for theme, n in theme_counts(events).items():
        if n:
            sub = events[events["theme"] == theme]
            parts.append(f"{theme}: {n} ({sub['year'].min()}-{sub['year'].max()})")
    return (
        f"Timeline of {len(events)} dated events the course uses, {events['year'].min()} to "
        f"{events['year'].max()}, one row per theme: " + "; ".join(parts) + "."
    )


def overview_chart(
    events: pd.DataFrame, title: str = "Every dated event in the course, 1991-2025"
) -> Figure:
    """One row per theme, a marker per event (shape and colour by theme; hollow = year or month)."""
    fig = Figure(figsize=(9, 4.2), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    for i, theme in enumerate(THEMES):
        sub = events[events["theme"] == theme]
        colour, marker = OKABE_ITO[i % len(OKABE_ITO)], MARKERS[i % len(MARKERS)]
        for exact, group in sub.groupby(sub["precision"] == "day"):
            ax.plot(
                group["date"].map(decimal_year),
                [i] * len(group),
                linestyle="none",
                marker=marker,
                markersize=8,
                color=colour,
                markerfacecolor=colour if exact else "white",
                markeredgewidth=1.5,
                alpha=0.85,
            )
        ax.text(LAST_YEAR + 1.4, i, f"{len(sub)}", va="center", fontsize=9)
    ax.set_yticks(range(len(THEMES)), THEMES, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(FIRST_YEAR - 0.5, LAST_YEAR + 2.2)
    ax.set_xlabel(
        "Year. Hollow markers: dated to the year or month only. Right: events per row.", fontsize=9
    )
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(title, x=0.01, ha="left", fontsize=12)
    fig.supxlabel(_SOURCE, x=0.01, ha="left", fontsize=7.5, color="#444444")
    fig.alt_text = overview_alt_text(events)
    return fig


_LABEL_CHARS = 46  # longer labels are shortened in the chart; the table gives them in full


def theme_chart(theme: str = THEMES[0], events: pd.DataFrame | None = None) -> Figure:
    """The events of one theme, one row per event, labelled; marker shape and colour by chapter."""
    events = combined_events() if events is None else events
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {THEMES}, not {theme!r}")
    sub = events[events["theme"] == theme]
    short = sub["label"].map(
        lambda t: t if len(t) <= _LABEL_CHARS else t[: _LABEL_CHARS - 1].rstrip() + "…"
    )
    fig = timeline_chart(sub.assign(kind=sub["chapter"], label=short), theme, _SOURCE)
    fig.alt_text = fig.alt_text.replace(
        "Timeline, ", f"Timeline of the {len(sub)} events in the theme ", 1
    )
    return fig


def theme_widget(theme: str = THEMES[0]):
    """A theme dropdown wired to :func:`theme_chart`; its default view is a complete chart."""
    from .widgets import (
        dropdown,
        explore,
    )  # imported here: ipywidgets is needed only for the widget

    events = combined_events()
    return explore(
        lambda theme: theme_chart(theme, events),
        theme=dropdown(THEMES, value=theme, description="Theme"),
    )
