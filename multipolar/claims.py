"""The claims ledger's specification: every quantitative or dated factual claim of the paper.

The claims themselves are hand-curated rows in ``curated/claims.toml`` (one ``[[claim]]`` each);
:func:`load` reads and checks them. Standard library only (``scripts/build_data.py`` reads them
before anything else is installed). Each claim names the paper's section, says what it claims in
the course's words, quotes the paper verbatim (the build checks the quote, that it lies in the
named section, and that the source given is the one the paper gives), and either names a
registered check in :mod:`multipolar.ledger` that recomputes it from ``data/`` (the status is
then *computed*), or gives a typed status with its reason or named source.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from . import catalog

__all__ = [
    "SECTIONS",
    "STATUSES",
    "NOT_CHECKABLE",
    "COMPUTED_ONLY",
    "FALLBACKS",
    "SOURCED",
    "NO_CITATION",
    "CLAIMS_FILE",
    "ClaimsFileError",
    "load",
]

#: The paper's seven sections, in order: (chapter, title, first words of the section in the paper).
SECTIONS = [
    (1, "Introduction (untitled)", ""),
    (2, "Did the China's rise cause the US decline?", "Did the China’s rise cause the US decline?"),
    (
        3,
        "US Dichotomy vs. China's Multilayer Approaches",
        "US Dichotomy vs. China’s Multilayer Approaches",
    ),
    (
        4,
        "The SCO as a testing ground for the 'Belt and Road' initiative",
        "The SCO as a testing ground for the “Belt and Road” initiative",
    ),
    (
        5,
        "The networking effect to fend off external intervention",
        "The networking effect to fend off external intervention",
    ),
    (
        6,
        "The US role in the Sino-Russian rapprochement",
        "The US role in the Sino-Russian rapprochement",
    ),
    (7, "Conclusion (untitled)", "As unipolar globalization has already gone"),
]

#: The ledger's statuses, in the order tables and charts show them (from the catalogue).
STATUSES = catalog.enum("claims_ledger", "status")
REPRODUCED, REVISED, CORROBORATED = "reproduced", "revised", "corroborated"
NOT_REPRODUCED, CONTRADICTED, CONTESTED = "not reproduced", "contradicted", "contested"
NOT_CHECKABLE = "not checkable with the course's data"
# reproduced / revised / not reproduced: a recomputation from the course's data (computed).
# corroborated / contradicted / contested: a comparison with a dated row of the course's event
# tables, whose named source it carries (computed), or a typed verdict that names its sources
# (contradicted, contested). not checkable: typed, with the reason.
#: Statuses only a registered check may give (never typed).
COMPUTED_ONLY = (REPRODUCED, REVISED, NOT_REPRODUCED, CORROBORATED)
#: Statuses a check may fall back on when its rule fails, and typed statuses that need a named source.
FALLBACKS = (NOT_REPRODUCED, CONTRADICTED, CONTESTED)
SOURCED = (CONTRADICTED, CONTESTED)
if set(STATUSES) != {
    REPRODUCED,
    REVISED,
    CORROBORATED,
    NOT_REPRODUCED,
    CONTRADICTED,
    CONTESTED,
    NOT_CHECKABLE,
}:
    raise ImportError(
        "multipolar.catalog: the claims_ledger statuses are not those claims.py knows"
    )
NO_CITATION = "no citation in the paper"

#: Where the curated claims live (the repository's ``curated/`` folder).
CLAIMS_FILE = Path(__file__).resolve().parents[1] / "curated" / catalog.CURATED["claims"]["path"]

_CHECKED = {
    "check": "",
    "args": {},
    "rule": "",
    "on_mismatch": "",
    "data_source": "",
    "reason": "",
    "note": "",
}
_TYPED = {"status": "", "reason": "", "named_source": "", "note": ""}
_BASE = {
    "key": "",
    "chapter": None,
    "claim": "",
    "stated": "",
    "value": None,
    "unit": "",
    "date": "",
    "quote": "",
    "source": "",
}


#: Fields that are not strings, and their Python types once read from TOML.
_TYPES = {"args": dict, "value": (int, float), "chapter": int}


class ClaimsFileError(ValueError):
    """``curated/claims.toml`` is missing or a claim in it is malformed."""


def _claim(i: int, raw: dict) -> dict:
    """One claim with every field present (empty ones filled in), its types checked."""
    where = f"curated/claims.toml, claim {i} ({raw.get('key', '?')})"
    rest = _CHECKED if "check" in raw else _TYPED
    unknown = set(raw) - set(_BASE) - set(rest)
    if unknown:
        raise ClaimsFileError(f"{where}: unknown fields {sorted(unknown)}")
    for name in catalog.CURATED["claims"]["required"]:
        if raw.get(name) in (None, ""):
            raise ClaimsFileError(f"{where}: '{name}' may not be empty")
    for name, value in raw.items():
        expected = _TYPES.get(name, str)
        if isinstance(value, bool) or not isinstance(value, expected):
            raise ClaimsFileError(f"{where}: '{name}' has the wrong type ({value!r})")
    chapter = catalog.field("claims_ledger", "chapter")
    if not chapter["minimum"] <= raw["chapter"] <= chapter["maximum"]:
        raise ClaimsFileError(f"{where}: chapter {raw['chapter']} is not a section of the paper")
    status = raw.get("on_mismatch") if "check" in raw else raw.get("status")
    if status not in STATUSES:
        raise ClaimsFileError(f"{where}: status {status!r} is not one of {STATUSES}")
    return {**_BASE, **rest, **raw}


def load(path: Path | None = None) -> list[dict]:
    """Every claim of ``curated/claims.toml``, in the paper's order (a fresh list each call)."""
    path = Path(path or CLAIMS_FILE)
    mtime = path.stat().st_mtime_ns if path.is_file() else -1  # an edited file is read again
    return [dict(c) for c in _load(str(path), mtime)]


@functools.lru_cache(maxsize=4)
def _load(path: str, _mtime: int = -1) -> tuple[dict, ...]:
    try:
        with open(path, "rb") as fh:
            doc = tomllib.load(fh)
    except FileNotFoundError:
        raise ClaimsFileError(f"curated/claims.toml: file not found ({path})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ClaimsFileError(f"curated/claims.toml: not valid TOML: {exc}") from None
    if set(doc) != {"claim"} or not isinstance(doc["claim"], list):
        raise ClaimsFileError("curated/claims.toml: expected only [[claim]] tables")
    return tuple(_claim(i, c) for i, c in enumerate(doc["claim"], start=1))
