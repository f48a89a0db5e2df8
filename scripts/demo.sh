#!/usr/bin/env bash
# Install xlcapital into .venv and run the demo on the bundled sample company.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
exec .venv/bin/xlcapital demo "$@"
