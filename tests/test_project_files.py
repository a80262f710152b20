"""The release named in CITATION.cff, pyproject.toml and CHANGELOG.md is one and the same."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_citation_pyproject_and_changelog_name_the_same_release():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    releases = re.findall(
        r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$",
        (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
        flags=re.M,
    )
    assert releases, "CHANGELOG.md names no release"
    newest, date = releases[0]
    assert cff["version"] == project["version"] == newest
    assert str(cff["date-released"]) == date
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"[{newest}]: " in changelog, "the newest release has no link at the end of CHANGELOG.md"
