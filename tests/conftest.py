"""Shared fixtures: where the raw sources are, and a scratch copy of data/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture
def sources() -> Path:
    if not (SOURCES / "SOURCES.md").is_file():
        pytest.skip(f"raw sources not found at {SOURCES}: the rebuild check needs ../shared/sources/")
    return SOURCES


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ that the loaders read (via MULTIPOLAR_DATA) for this test only."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    monkeypatch.setenv("MULTIPOLAR_DATA", str(target))
    return target
