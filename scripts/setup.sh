#!/usr/bin/env bash
# Set up a fresh machine for the course: a virtual environment in .venv with every pinned
# dependency and the course package, plus the system tools the tests and the grader use.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
if [ -f scripts/setup_system.sh ]; then
  bash scripts/setup_system.sh
fi
echo "setup: ready (.venv)"
