"""Notebook hygiene: no outputs in git, every page in the table of contents, one launch URL."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

NOTEBOOKS = sorted(
    p
    for d in ("book", "exercises", "solutions")
    for p in (ROOT / d).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))
    ]
    assert not dirty, f"{path.name}: cells {dirty} have saved outputs; clear them before committing"


def test_toc_files_exist():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for f in re.findall(r"(?:root|file):\s*(\S+)", toc):
        assert any((ROOT / f).with_suffix(s).is_file() for s in (".md", ".ipynb")), (
            f"_toc.yml lists {f}, which does not exist"
        )


def test_book_notebooks_are_all_in_the_toc():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for p in (ROOT / "book").glob("*.ipynb"):
        assert str(p.relative_to(ROOT).with_suffix("")) in toc, (
            f"{p.name} is not in _toc.yml, so the book never shows it"
        )


def test_colab_cell_uses_the_configured_repository():
    url = re.search(
        r"^\s*url:\s*(\S+)", (ROOT / "_config.yml").read_text(encoding="utf-8"), re.M
    ).group(1)
    for p in (ROOT / "book").glob("*.ipynb"):
        cells = json.loads(p.read_text(encoding="utf-8"))["cells"]
        setup = [c for c in cells if "colab-setup" in c.get("metadata", {}).get("tags", [])]
        assert len(setup) == 1, f"{p.name}: expected one Colab set-up cell"
        assert url in "".join(setup[0]["source"]), (
            f"{p.name}: Colab cell does not clone {url} (_config.yml)"
        )
