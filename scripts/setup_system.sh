#!/usr/bin/env bash
# System tools the course's tests and grader need, beyond Python packages.
#   bubblewrap (`bwrap`): the sandbox `python -m multipolar.grade` runs student notebooks in.
# Idempotent: installs only what is missing, and only when it can (as root, with apt-get).
set -euo pipefail

if command -v bwrap >/dev/null 2>&1; then
  echo "setup_system: bubblewrap present ($(bwrap --version 2>/dev/null || echo bwrap))"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup_system: installing bubblewrap (sandbox for grading student notebooks)"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null && command -v bwrap >/dev/null 2>&1; then
    echo "setup_system: bubblewrap installed"
    exit 0
  fi
  echo "setup_system: ERROR - could not install bubblewrap with apt-get (see the messages above)" >&2
  exit 1
fi

cat >&2 <<'NOTE'
setup_system: NOTE - bubblewrap (`bwrap`) is not installed and this script cannot install it
(it needs root and apt-get). Install it yourself, e.g.
    sudo apt-get install bubblewrap      (Debian/Ubuntu)
    sudo dnf install bubblewrap          (Fedora)
Without it, `python -m multipolar.grade` refuses to run student code (unless given
--unsafe-no-sandbox) and the grading tests are skipped.
NOTE
exit 0
