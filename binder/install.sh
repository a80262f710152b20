#!/usr/bin/env bash
# The student environment on your own computer, as Binder builds it:
#   bash binder/install.sh .venv && .venv/bin/jupyter lab
# Makes a virtual environment in the folder given (default .venv) with python3 (or $PYTHON),
# installs binder/requirements.txt, then runs binder/postBuild in it. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt
PYTHON="$VENV/bin/python" bash binder/postBuild
echo "student environment ready: $VENV/bin/jupyter lab"
