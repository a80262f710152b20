"""Print the installed size of the two environments: the student one (binder/requirements.txt)
and the full one for building the book and testing (requirements.txt).

    python benchmarks/bench_envs.py            # builds both in a temporary folder (a few minutes)

Each is a fresh virtual environment made with this Python and `pip install -r`, measured on disk
and then deleted. It needs the package index (as `scripts/setup.sh` does).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def size_of(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def build(requirements: Path, where: Path) -> tuple[int, float, int]:
    """(bytes installed, seconds, number of distributions) for one requirements file."""
    t0 = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    pip = [str(where / "bin" / "python"), "-m", "pip", "install", "--quiet",
           "--disable-pip-version-check", "-r", str(requirements)]
    run = subprocess.run(pip, cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"pip install -r {requirements} failed:\n{run.stderr[-3000:]}")
    seconds = time.monotonic() - t0
    listed = subprocess.run([str(where / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
                            capture_output=True, text=True, check=True).stdout.split()
    return size_of(where), seconds, len(listed)


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-envs-") as tmp:
        for label, req in [("student (binder/requirements.txt)", ROOT / "binder" / "requirements.txt"),
                           ("build and test (requirements.txt)", ROOT / "requirements.txt")]:
            size, seconds, count = build(req, Path(tmp) / label.split()[0])
            rows.append((label, size, seconds, count))
    print(f"{'environment':<36} {'installed':>10} {'packages':>9} {'install time':>13}")
    for label, size, seconds, count in rows:
        print(f"{label:<36} {size / 2**20:>7.0f} MB {count:>9} {seconds:>11.0f} s")
    print(f"the student environment is {rows[0][1] / rows[1][1]:.0%} of the full one")

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
