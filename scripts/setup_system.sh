#!/usr/bin/env bash
# System tools the course's tests and grader need, beyond Python packages.
#   bubblewrap (`bwrap`): the sandbox `python -m multipolar.grade` runs student notebooks in.
#   chromium (/usr/bin/chromium): the browser the book's browser tests drive with Playwright
#     (tests/test_browser.py); Playwright's own browser download is never used.
# Idempotent: installs only what is missing, and only when it can (as root, with apt-get).
set -euo pipefail

missing=()          # Debian packages to install
command -v bwrap >/dev/null 2>&1 && echo "setup_system: bubblewrap present" || missing+=(bubblewrap)
[ -x /usr/bin/chromium ] && echo "setup_system: chromium present ($(/usr/bin/chromium --version 2>/dev/null | head -1))" || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup_system: installing ${missing[*]} (grading sandbox / browser tests)"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    ok=1
    for pkg in "${missing[@]}"; do
      case "$pkg" in
        bubblewrap) command -v bwrap >/dev/null 2>&1 || ok=0 ;;
        chromium) [ -x /usr/bin/chromium ] || ok=0 ;;
      esac
    done
    if [ $ok -eq 1 ]; then
      echo "setup_system: installed ${missing[*]}"
      exit 0
    fi
  fi
  echo "setup_system: ERROR - could not install ${missing[*]} with apt-get (see the messages above)" >&2
  exit 1
fi

cat >&2 <<NOTE
setup_system: NOTE - missing system packages: ${missing[*]}
This script cannot install them (it needs root and apt-get). Install them yourself, e.g.
    sudo apt-get install ${missing[*]}      (Debian/Ubuntu)
Without bubblewrap, \`python -m multipolar.grade\` refuses to run student code (unless given
--unsafe-no-sandbox) and the grading tests are skipped. Without /usr/bin/chromium the browser
tests of the book (tests/test_browser.py) fail and say so.
NOTE
exit 0
