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
# axe-core, the accessibility engine the browser tests inject into each page, from the npm
# registry, pinned, into the git-ignored .cache/npm (tests/test_browser.py reads it there).
AXE_CORE_VERSION=4.14.1
AXE_DIR=.cache/npm/node_modules/axe-core
if [ "$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$AXE_DIR/package.json" 2>/dev/null | head -1)" != "$AXE_CORE_VERSION" ]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --prefix .cache/npm --no-save --no-audit --no-fund --loglevel=error "axe-core@$AXE_CORE_VERSION" >/dev/null
    echo "setup: axe-core $AXE_CORE_VERSION installed in .cache/npm"
  else
    echo "setup: WARNING - npm not found: cannot install axe-core $AXE_CORE_VERSION; the accessibility tests will fail." >&2
    echo "       Install Node.js and npm (e.g. sudo apt-get install npm) and run this script again." >&2
  fi
fi
echo "setup: ready (.venv)"
