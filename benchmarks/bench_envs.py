"""Print the installed size of the two environments: the student one (binder/install.sh:
binder/requirements.txt, then binder/postBuild, as on Binder) and the full one for building the
book and testing (requirements.txt).

    python benchmarks/bench_envs.py            # builds both in a temporary folder (a few minutes)

Each is a fresh virtual environment made with this Python, measured on disk and then deleted; the
student one is also searched for test tooling. It needs the package index (as `scripts/setup.sh`).
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


#: Distributions that must not be in the student environment (tests/test_launch.py checks the
#: requirement files; this checks what pip really installed).
TOOLING = {"pytest", "playwright", "sphinx", "jupyter-book", "nbval", "jupyter-repo2docker"}


def build(kind: str, where: Path) -> tuple[int, float, list[str]]:
    """(bytes installed, seconds, distributions) for the 'student' or the 'full' environment."""
    t0 = time.monotonic()
    if kind == "student":
        cmd = ["bash", str(ROOT / "binder" / "install.sh"), str(where)]
        env = os.environ | {"PYTHON": sys.executable}
    else:
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
        cmd = [
            str(where / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            str(ROOT / "requirements.txt"),
        ]
        env = None
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    if run.returncode != 0:
        raise SystemExit(f"building the {kind} environment failed:\n{run.stderr[-3000:]}")
    seconds = time.monotonic() - t0
    listed = subprocess.run(
        [str(where / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return size_of(where), seconds, listed


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-envs-") as tmp:
        for kind, label in [
            ("student", "student (binder/install.sh)"),
            ("full", "build and test (requirements.txt)"),
        ]:
            size, seconds, listed = build(kind, Path(tmp) / kind)
            rows.append((label, size, seconds, listed))
    print(f"{'environment':<36} {'installed':>10} {'packages':>9} {'install time':>13}")
    for label, size, seconds, listed in rows:
        print(f"{label:<36} {size / 2**20:>7.0f} MB {len(listed):>9} {seconds:>11.0f} s")
    print(f"the student environment is {rows[0][1] / rows[1][1]:.0%} of the full one")
    names = {line.split("==")[0].split(" @ ")[0].lower().replace("_", "-") for line in rows[0][3]}
    found = sorted(names & TOOLING)
    print("test tooling in the student environment: " + (", ".join(found) if found else "none"))
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
