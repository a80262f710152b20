#!/usr/bin/env python3
"""Write the hand-curated tables that used to be Python literals as data files (one-off migration).

    python scripts/extract_curated.py OLD_BUILD_DATA_PY OLD_CLAIMS_PY OUT_DIR

OLD_BUILD_DATA_PY and OLD_CLAIMS_PY are the versions of ``scripts/build_data.py`` and
``multipolar/claims.py`` that still hold the rows as literals (any version, e.g. one written out
with ``git show BRANCH:scripts/build_data.py > /tmp/old_build_data.py``). The script evaluates
them and writes, into OUT_DIR (normally ``curated/``), one file per table: CSV with a header of
named fields, or TOML for the claims, whose checks carry nested arguments. It is the only way
the curated files got their first content; it stays in the repository until the migration of
every branch that still edits the old literals is done.

Standard library only. It fails loudly, naming the table and row, on a row it does not
understand (an unexpected keyword or a tuple of the wrong length), so a changed literal is never
silently dropped.

Merging a branch that still edits the old literals (main holds them, this branch removed them)::

    git show main:scripts/build_data.py > /tmp/old_build_data.py
    git show main:multipolar/claims.py > /tmp/old_claims.py
    git merge BRANCH_WITH_CURATED            # conflicts in those two files:
    git checkout --theirs scripts/build_data.py multipolar/claims.py   # keep the new code
    python scripts/extract_curated.py /tmp/old_build_data.py /tmp/old_claims.py curated
    python scripts/build_data.py
    git diff main -- data/ ':!data/datapackage.json' ':!data/README.md'   # must be empty

(Port by hand any non-literal change the other branch made to those two files.)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class ExtractError(RuntimeError):
    """An old literal is not in the shape this script knows."""


# ---------------------------------------------------------------- writing
def cell(value) -> str:
    """One CSV cell: '' for None, ints plain, floats shortest-repr, strings as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise ExtractError(f"unexpected boolean {value!r}")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    for row in rows:
        unknown = set(row) - set(fields)
        if unknown:
            raise ExtractError(f"{path.name}: fields {sorted(unknown)} have no column")
        writer.writerow([cell(row.get(f)) for f in fields])
    path.write_text(buf.getvalue(), encoding="utf-8")
    print(f"wrote {path}: {len(rows)} rows")


def toml_value(value) -> str:
    """A TOML scalar or inline table (JSON string escapes are valid TOML basic-string escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        if "\x7f" in value:
            raise ExtractError(f"string with a DEL character: {value!r}")
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise ExtractError(f"cannot write {value!r} as TOML")


# ---------------------------------------------------------------- tables
def tuples(name: str, rows: list, fields: list[str]) -> list[dict]:
    """Positional tuples -> dicts with named fields, each tuple of exactly len(fields) items."""
    out = []
    for i, row in enumerate(rows, start=1):
        if len(row) != len(fields):
            raise ExtractError(
                f"{name} row {i}: {len(row)} items, expected {len(fields)} ({fields})"
            )
        out.append(dict(zip(fields, row)))
    return out


def us_order_institutions(bd: dict) -> list[dict]:
    return tuples(
        "US_ORDER_INSTITUTIONS", bd["US_ORDER_INSTITUTIONS"], CSV_FIELDS["us_order_institutions"]
    )


def sco_timeline(bd: dict) -> list[dict]:
    rows, labels = bd["SCO_TIMELINE"], bd["SCO_TIMELINE_LABELS"]
    if len(rows) != len(labels):
        raise ExtractError(
            f"SCO_TIMELINE has {len(rows)} rows but SCO_TIMELINE_LABELS {len(labels)}"
        )
    old = tuples(
        "SCO_TIMELINE",
        rows,
        ["date", "precision", "kind", "event", "admitted", "source_type", "source", "evidence"],
    )
    out = []
    for row, label in zip(old, labels):
        evidence = row.pop("evidence")
        paper = row["source_type"] == "paper"
        out.append(
            {
                **row,
                "label": label,
                "quote": evidence if paper else "",
                "url": "" if paper else evidence,
            }
        )
    return out


def vision_mechanisms(bd: dict) -> list[dict]:
    full = bd.get("VISION_FULL_NAMES", {})
    old = tuples(
        "VISION_MECHANISMS",
        bd["VISION_MECHANISMS"],
        ["mechanism", "name", "in_vision", "factbook_abbrev", "coverage", "note"],
    )
    unknown = set(full) - {r["mechanism"] for r in old}
    if unknown:
        raise ExtractError(f"VISION_FULL_NAMES names unknown mechanisms {sorted(unknown)}")
    return [{**r, "full_name": full.get(r["mechanism"], "")} for r in old]


def self_other_statements(bd: dict) -> list[dict]:
    return tuples(
        "SELF_OTHER_STATEMENTS", bd["SELF_OTHER_STATEMENTS"], CSV_FIELDS["self_other_statements"]
    )


def epilogue_events(bd: dict) -> list[dict]:
    return tuples(
        "EPILOGUE_EVENTS",
        bd["EPILOGUE_EVENTS"],
        [
            "date",
            "precision",
            "topic",
            "label",
            "event",
            "source_type",
            "source",
            "url",
            "quote",
            "factbook_fips",
            "factbook_field",
        ],
    )


def network_events(bd: dict) -> list[dict]:
    """The dict(...) rows: exactly one of paper=, factbook=(fips, field, quote) or
    report=(source, url, quote)."""
    known = {
        "date",
        "precision",
        "category",
        "label",
        "event",
        "actors",
        "base",
        "milestone",
        "paper",
        "dated_by",
        "factbook",
        "report",
    }
    out = []
    for i, spec in enumerate(bd["NETWORK_EVENTS"], start=1):
        unknown = set(spec) - known
        if unknown:
            raise ExtractError(f"NETWORK_EVENTS row {i}: unknown keywords {sorted(unknown)}")
        kinds = [k for k in ("paper", "factbook", "report") if k in spec]
        if len(kinds) != 1:
            raise ExtractError(
                f"NETWORK_EVENTS row {i}: exactly one of paper=, factbook=, report= is needed"
            )
        row = {
            k: spec.get(k, "")
            for k in (
                "date",
                "precision",
                "category",
                "label",
                "event",
                "actors",
                "base",
                "milestone",
            )
        }
        row.update(
            source_type=kinds[0],
            date_quote=spec.get("dated_by", ""),
            factbook_fips="",
            factbook_field="",
            url="",
        )
        if kinds[0] == "paper":
            row.update(source=bd["_PAPER_S5"], quote=spec["paper"])
        elif kinds[0] == "factbook":
            fips, field, quote = spec["factbook"]
            source = (
                bd["_FB15_KG"]
                if (fips, field) == ("kg", "Background")
                else f"CIA World Factbook 2015, {fips}, {field}"
            )
            row.update(source=source, quote=quote, factbook_fips=fips, factbook_field=field)
        else:
            source, url, quote = spec["report"]
            row.update(source=source, url=url, quote=quote)
        out.append(row)
    return out


def network_figures(bd: dict) -> list[dict]:
    return tuples("NETWORK_FIGURES", bd["NETWORK_FIGURES"], CSV_FIELDS["network_figures"])


def rapprochement_figures(bd: dict) -> list[dict]:
    return tuples(
        "RAPPROCHEMENT_FIGURES", bd["RAPPROCHEMENT_FIGURES"], CSV_FIELDS["rapprochement_figures"]
    )


def argument_map(bd: dict) -> list[dict]:
    return tuples("ARGUMENT_MAP", bd["ARGUMENT_MAP"], CSV_FIELDS["argument_map"])


#: The curated CSV files: name -> columns, in the order written.
CSV_FIELDS = {
    "us_order_institutions": [
        "institution",
        "full_name",
        "pillar",
        "paper_snippet",
        "founding_document",
        "place",
        "date",
        "date_event",
        "source",
    ],
    "vision_mechanisms": [
        "mechanism",
        "name",
        "full_name",
        "in_vision",
        "factbook_abbrev",
        "coverage",
        "note",
    ],
    "self_other_statements": ["id", "statement", "paper_quote", "speaker", "answer", "explanation"],
    "sco_timeline": [
        "date",
        "precision",
        "kind",
        "label",
        "event",
        "admitted",
        "source_type",
        "source",
        "quote",
        "url",
    ],
    "epilogue_events": [
        "date",
        "precision",
        "topic",
        "label",
        "event",
        "source_type",
        "source",
        "url",
        "quote",
        "factbook_fips",
        "factbook_field",
    ],
    "network_events": [
        "date",
        "precision",
        "category",
        "label",
        "event",
        "actors",
        "base",
        "milestone",
        "source_type",
        "source",
        "quote",
        "date_quote",
        "factbook_fips",
        "factbook_field",
        "url",
    ],
    "network_figures": ["figure", "description", "value", "unit", "kind", "source", "quote", "url"],
    "rapprochement_figures": [
        "figure",
        "claim",
        "value",
        "unit",
        "date",
        "cited_as",
        "quote",
        "note",
    ],
    "argument_map": [
        "node",
        "role",
        "chapter",
        "label",
        "claim",
        "quote",
        "bears_on",
        "evidence",
        "evidence_metric",
        "counter",
        "counter_source",
        "counter_metric",
    ],
}
def claim_events(bd: dict) -> list[dict]:
    """The ledger's dated events (dict rows); value, unit and note are optional."""
    fields = CSV_FIELDS["claim_events"]
    out = []
    for i, row in enumerate(bd["CLAIM_EVENTS"], start=1):
        unknown = set(row) - set(fields)
        if unknown:
            raise ExtractError(f"CLAIM_EVENTS row {i}: unknown keywords {sorted(unknown)}")
        out.append({f: row.get(f) for f in fields})
    return out


CSV_FIELDS["claim_events"] = ['key', 'date', 'precision', 'chapter', 'label', 'event', 'value', 'unit', 'source_type', 'source', 'url', 'note']

EXTRACTORS = {
    "us_order_institutions": us_order_institutions,
    "vision_mechanisms": vision_mechanisms,
    "self_other_statements": self_other_statements,
    "sco_timeline": sco_timeline,
    "epilogue_events": epilogue_events,
    "network_events": network_events,
    "network_figures": network_figures,
    "rapprochement_figures": rapprochement_figures,
    "argument_map": argument_map,
    "claim_events": claim_events,
}

# ---------------------------------------------------------------- the claims (TOML)
CLAIM_BASE = ["key", "chapter", "claim", "stated", "value", "unit", "date", "quote", "source"]
CLAIM_CHECKED = ["check", "args", "rule", "on_mismatch", "data_source", "reason", "note"]
CLAIM_TYPED = ["status", "reason", "named_source", "note"]
CLAIMS_HEADER = """\
# The claims ledger's specification: every quantitative or dated factual claim of the paper.
# Hand-curated; read by multipolar/claims.py and checked by scripts/build_data.py (see README.md).
# One [[claim]] per claim, in the paper's order. A claim either names a registered check of
# multipolar/ledger.py (check, args, rule, on_mismatch, data_source: its status is computed from
# data/) or gives a typed status (with a reason, or a named_source for 'contradicted').
# Empty fields are left out.
"""


def claims_toml(claims: list[dict]) -> str:
    out = [CLAIMS_HEADER]
    for i, c in enumerate(claims, start=1):
        order = CLAIM_BASE + (CLAIM_CHECKED if "check" in c else CLAIM_TYPED)
        unknown = set(c) - set(order)
        if unknown:
            raise ExtractError(f"claims row {i} ({c.get('key')}): unknown fields {sorted(unknown)}")
        missing = {"key", "chapter", "claim", "quote", "source"} - set(c)
        if missing:
            raise ExtractError(f"claims row {i}: missing fields {sorted(missing)}")
        out.append("[[claim]]")
        for f in order:
            v = c.get(f)
            if v is None or v == "" or v == {}:
                continue
            out.append(f"{f} = {toml_value(v)}")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- main
def load(path: Path) -> dict:
    """Evaluate an old module's source file and return its globals."""
    if not path.is_file():
        raise ExtractError(f"no such file: {path}")
    return runpy.run_path(str(path), run_name="extract_curated_old_module")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "build_data", type=Path, help="an old scripts/build_data.py holding the literals"
    )
    ap.add_argument("claims", type=Path, help="an old multipolar/claims.py holding CLAIMS")
    ap.add_argument("out", type=Path, help="output folder (normally curated/)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # the old build_data imports multipolar.catalog
    try:
        bd = load(args.build_data)
        old_claims = load(args.claims)
        tables = {name: fn(bd) for name, fn in EXTRACTORS.items()}
        toml = claims_toml(old_claims["CLAIMS"])
        args.out.mkdir(parents=True, exist_ok=True)
        for name, rows in tables.items():
            write_csv(args.out / f"{name}.csv", CSV_FIELDS[name], rows)
        (args.out / "claims.toml").write_text(toml, encoding="utf-8")
        print(f"wrote {args.out / 'claims.toml'}: {len(old_claims['CLAIMS'])} claims")
    except (ExtractError, KeyError, ValueError, TypeError) as exc:
        print(f"extract_curated: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
