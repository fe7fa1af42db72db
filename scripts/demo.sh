#!/usr/bin/env bash
# The main job of the README: install, build the demo database on the embedded default
# (SQLite, bundled pack, bundled sample corpus) and show it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec nkmonitor demo "$@"
