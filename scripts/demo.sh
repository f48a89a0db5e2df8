#!/usr/bin/env bash
# Install xlcapital into .venv and run the demo on the bundled sample company.
# Quiet: each install step is one line (with the seconds it has taken, on a terminal); pip's own
# output is shown only when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() {  # step "what it does" command...
  local what=$1 pid start=$SECONDS
  shift
  "$@" >"$log" 2>&1 &
  pid=$!
  if [ -t 1 ]; then
    while kill -0 "$pid" 2>/dev/null; do
      printf '\r%s ... %ds' "$what" $((SECONDS - start))
      sleep 1
    done
    printf '\r'
  fi
  if wait "$pid"; then
    printf '%s ... done (%ds)\n' "$what" $((SECONDS - start))
  else
    printf '%s ... failed:\n' "$what"
    cat "$log" >&2
    exit 1
  fi
}

[ -x .venv/bin/python ] || step "creating .venv" "$PY" -m venv .venv
step "updating pip" .venv/bin/python -m pip install -q --upgrade pip
step "installing xlcapital and its dependencies into .venv (1-2 minutes the first time)" \
  .venv/bin/python -m pip install -q .
echo
exec .venv/bin/xlcapital demo "$@"
