"""The code passes ruff: its linter (`ruff check .`) and its formatter (`ruff format --check .`).

The rules are in pyproject.toml ([tool.ruff]); ruff is pinned in requirements.txt.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command", [["check", "."], ["format", "--check", "."]], ids=["check", "format"]
)
def test_ruff_passes(command):
    run = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, (
        f"ruff {' '.join(command)} found problems:\n{run.stdout[-3000:]}{run.stderr[-1000:]}"
    )


def test_ruff_would_catch_a_problem(tmp_path):
    """The check can fail: an unused import and a badly laid-out line are found."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nx=[1,\n2]\n")
    cfg = str(ROOT / "pyproject.toml")
    check = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--config", cfg, str(bad)],
        capture_output=True,
        text=True,
    )
    fmt = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--config", cfg, str(bad)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "F401" in check.stdout
    assert fmt.returncode == 1
