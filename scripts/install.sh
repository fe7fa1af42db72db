#!/usr/bin/env bash
# Install nkmonitor and what it needs. With --with-test-tools also the test extras and the
# Debian packages the tests use (PostgreSQL server, Chromium, poppler for PDF checks).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ "${1:-}" = "--with-test-tools" ]; then
  need=()
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
  # Hangul in PDF briefings needs a Korean font (WeasyPrint falls back to Nanum or Noto CJK).
  fc-list 2>/dev/null | grep -qi -e nanum -e "noto sans cjk" || need+=(fonts-nanum)
  if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  $PY -m pip install -q -e ".[dev]"
else
  $PY -m pip install -q -e .
fi
