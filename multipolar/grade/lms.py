"""Turn a course gradebook into a file that Canvas or Moodle imports.

    python -m multipolar.grade.lms gradebook.csv --roster canvas-export.csv --platform canvas \\
        --key "SIS Login ID" --assignment "Chapter 2 exercises" --out canvas-import.csv

The gradebook written by ``python -m multipolar.grade`` has one row per submitted file, named
after the file.  A learning platform imports grades keyed to its own roster, so this command
joins the two: the file name (``student_id`` column of the gradebook) must equal, exactly, the
value of the roster column you name with ``--key`` (for example the login id that students
were asked to name their notebooks by).  It never guesses: a submission with no roster row, a
roster row matching two submissions, and every rostered student with no submission are all
listed, and only exact matches are written.

The formats followed (the column headers and the id column):

- Canvas: the Gradebook's CSV import, which reads the columns of Canvas's own Gradebook
  export -- ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section`` -- and one
  column per assignment; a student is identified by ``ID`` (or ``SIS User ID``), and a column
  whose name matches no assignment creates a new one.  Documented in the Canvas Instructor
  Guide, "How do I import grades in the Gradebook?"
  (https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807)
  and, with the same required columns, in Ohio State's guide "Import a CSV File into Carmen
  Grades" (https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades).
- Moodle: "Import grades" from a CSV file (https://docs.moodle.org/en/Grade_import): one
  column identifies the user and is mapped, on the import page, to a user field ("Map from"
  the column, "Map to" ``useridnumber``, ``username`` or ``useremail``), and one column per
  grade item is mapped to that item.  We write the roster's identity columns as Moodle's own
  export names them (``First name``, ``Last name``, ``ID number``, ``Email address``) and one
  grade column.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "LmsError",
    "Match",
    "read_csv",
    "match_roster",
    "question_columns",
    "total_points",
    "import_table",
    "export",
    "main",
    "report",
]

#: The identity columns of each platform's own gradebook export, in its order.
CANVAS_ID_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_ID_COLUMNS = ["First name", "Last name", "ID number", "Email address"]
PLATFORMS = {"canvas": CANVAS_ID_COLUMNS, "moodle": MOODLE_ID_COLUMNS}
#: Columns the gradebook of ``multipolar.grade`` always has.
GRADEBOOK_COLUMNS = [
    "student_id",
    "file",
    "status",
    "autograded_points",
    "autograded_possible",
    "manual_possible",
]


class LmsError(Exception):
    """A problem with the inputs (file missing, wrong columns): reported, then exit 2."""


@dataclass
class Match:
    """The result of joining a gradebook to a roster."""

    pairs: list[tuple[dict, dict]] = field(default_factory=list)  # (roster row, gradebook row)
    unmatched_submissions: list[str] = field(default_factory=list)
    missing_students: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    manual_missing: list[str] = field(default_factory=list)
    to_review: list[str] = field(default_factory=list)


def read_csv(path: Path, what: str, required: list[str]) -> list[dict]:
    """Rows of a CSV file as dicts; a clear LmsError if it is missing or lacks a column."""
    path = Path(path)
    if not path.is_file():
        raise LmsError(f"the {what} {path} does not exist")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LmsError(f"the {what} {path} is not UTF-8 text; save it as CSV (UTF-8)") from None
    try:
        reader = csv.DictReader(io.StringIO(text))
        rows = [dict(r) for r in reader]
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise LmsError(f"the {what} {path} is not a readable CSV file ({exc})") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise LmsError(f"the {what} {path} has no column {missing[0]!r}; its columns are {header}")
    # Header names are trimmed; values are kept exactly as written (ids are matched exactly).
    return [{(k or "").strip(): (v or "") for k, v in r.items() if k is not None} for r in rows]


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def question_columns(header: list[str]) -> list[str]:
    """The per-question columns: between ``status`` and ``autograded_points`` in the gradebook."""
    try:
        return header[header.index("status") + 1 : header.index("autograded_points")]
    except ValueError:
        return []


def total_points(row: dict, questions: list[str]) -> tuple[float, bool]:
    """The sum of the question columns, and whether every one was filled in.

    Autograded questions always hold a number; a hand-graded one is blank until the instructor
    enters its points in the gradebook.
    """
    total, complete = 0.0, True
    for column in questions:
        value = _number(row.get(column, ""))
        if value is None:
            complete = False
        else:
            total += value
    return total, complete


def match_roster(roster: list[dict], gradebook: list[dict], key: str) -> Match:
    """Join on ``roster[key] == gradebook['student_id']`` exactly; list everything unmatched."""
    result = Match()
    by_key: dict[str, list[dict]] = {}
    for row in roster:
        by_key.setdefault(row.get(key, ""), []).append(row)
    seen: dict[str, list[dict]] = {}
    for row in gradebook:
        seen.setdefault(row.get("student_id", ""), []).append(row)
    for sid, rows in sorted(seen.items()):
        people = by_key.get(sid, []) if sid else []
        if len(people) != 1:
            result.unmatched_submissions.extend(r.get("file", sid) for r in rows)
            if len(people) > 1:
                result.ambiguous.append(f"{sid} (matches {len(people)} roster rows)")
            continue
        if len(rows) > 1:
            result.ambiguous.append(
                f"{sid} ({len(rows)} submissions: "
                + ", ".join(r.get("file", "") for r in rows)
                + ")"
            )
            result.unmatched_submissions.extend(r.get("file", sid) for r in rows)
            continue
        result.pairs.append((people[0], rows[0]))
        if rows[0].get("status", "graded") != "graded":
            result.to_review.append(f"{sid}: {rows[0].get('status')}")
    matched = {id(p) for p, _ in result.pairs}
    for row in roster:
        if id(row) not in matched and row.get(key, "") not in seen:
            result.missing_students.append(_person(row, key))
    return result


def _person(row: dict, key: str) -> str:
    name = row.get("Student") or " ".join(
        x for x in (row.get("First name", ""), row.get("Last name", "")) if x
    )
    return f"{row.get(key, '')} ({name})" if name else row.get(key, "")


def import_table(
    m: Match,
    assignment: str,
    questions: list[str],
    id_columns: list[str],
    points_possible: float | None = None,
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of an import file: the platform's identity columns, then the total.

    ``points_possible`` adds Canvas's "Points Possible" row under the header (Moodle has none).
    Students whose manually graded questions are still blank are listed in ``m.manual_missing``.
    """
    header = id_columns + [assignment]
    rows = []
    if points_possible is not None:
        rows.append(["Points Possible"] + [""] * (len(id_columns) - 1) + [_fmt(points_possible)])
    for person, grade in m.pairs:
        total, complete = total_points(grade, questions)
        if not complete:
            m.manual_missing.append(grade.get("student_id", ""))
        rows.append([person.get(c, "") for c in id_columns] + [_fmt(total)])
    return header, rows


def _fmt(x: float) -> str:
    return f"{x:g}"


def export(
    gradebook_path: Path,
    roster_path: Path,
    platform: str,
    key: str,
    assignment: str,
    out: Path,
    *,
    force: bool = False,
) -> Match:
    """Write ``out`` for ``platform``; return the match with everything left unmatched."""
    if platform not in PLATFORMS:
        raise LmsError(f"unknown platform {platform!r}; choose one of {sorted(PLATFORMS)}")
    id_columns = PLATFORMS[platform]
    needed = id_columns + ([key] if key not in id_columns else [])
    roster = read_csv(roster_path, f"{platform} roster", needed)
    if platform == "canvas":  # Canvas's export has a "Points Possible" row under the header
        roster = [r for r in roster if r.get("Student", "").strip() != "Points Possible"]
    gradebook = read_csv(gradebook_path, "gradebook", GRADEBOOK_COLUMNS)
    header = list(gradebook[0].keys()) if gradebook else GRADEBOOK_COLUMNS
    questions = question_columns(header)
    out = Path(out)
    if out.exists() and not force:
        raise LmsError(f"{out} already exists; choose another --out or add --force to overwrite it")
    if not assignment.strip():
        raise LmsError("--assignment must name the assignment as the platform should show it")
    m = match_roster(roster, gradebook, key)
    possible = None
    if platform == "canvas" and gradebook:
        possible = (_number(gradebook[0].get("autograded_possible", "")) or 0.0) + (
            _number(gradebook[0].get("manual_possible", "")) or 0.0
        )
    columns, rows = import_table(m, assignment, questions, id_columns, possible)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    tmp = out.with_name(f".{out.name}.partial")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tmp, out)
    return m


def report(m: Match, platform: str, out: Path) -> str:
    """What was written and everything an instructor must look at, as plain text."""
    lines = [f"{platform}: wrote {len(m.pairs)} student(s) to {out}"]
    sections = [
        ("submissions with no roster match (not exported)", m.unmatched_submissions),
        ("ambiguous ids (not exported)", m.ambiguous),
        ("rostered students with no submission", m.missing_students),
        ("hand-graded questions still blank (exported autograded points only)", m.manual_missing),
        ("rows the grader marked for review", m.to_review),
    ]
    for title, items in sections:
        if items:
            lines.append(f"{title}: {len(items)}")
            lines.extend(f"  - {x}" for x in items)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m multipolar.grade.lms",
        description="Write a Canvas or Moodle grade-import CSV from a course gradebook and the "
        "platform's roster, matching ids exactly and listing everything unmatched.",
    )
    p.add_argument(
        "gradebook", type=Path, help="gradebook CSV written by python -m multipolar.grade"
    )
    p.add_argument(
        "--roster", type=Path, required=True, help="the platform's roster or gradebook export (CSV)"
    )
    p.add_argument("--platform", required=True, choices=sorted(PLATFORMS))
    p.add_argument(
        "--key",
        required=True,
        help="roster column whose value equals the submission's file name "
        "(e.g. 'SIS Login ID' on Canvas, 'ID number' or 'Email address' on Moodle)",
    )
    p.add_argument(
        "--assignment", required=True, help="assignment (Canvas) or grade item (Moodle) column name"
    )
    p.add_argument("--out", type=Path, required=True, help="import file to write")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    args = p.parse_args(argv)
    try:
        m = export(
            args.gradebook,
            args.roster,
            args.platform,
            args.key,
            args.assignment,
            args.out,
            force=args.force,
        )
    except LmsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report(m, args.platform, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
