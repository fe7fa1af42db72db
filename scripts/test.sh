#!/usr/bin/env bash
# The test command of the README: installs what the tests need (Python packages, Debian's
# PostgreSQL and Chromium), starts PostgreSQL, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --with-test-tools
NKMONITOR_TEST_PG_URL=$(bash scripts/start-postgres.sh)
export NKMONITOR_TEST_PG_URL
export NKMONITOR_CHROMIUM=${NKMONITOR_CHROMIUM:-/usr/bin/chromium}
exec python -m pytest -q "$@"
