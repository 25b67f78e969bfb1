#!/usr/bin/env bash
# policy/build.sh: makes the pack runnable. Installs dependencies only when node_modules is
# missing or older than package-lock.json (npm ci), compiles only when a source changed (tsc ->
# dist/). All output goes to stderr so callers keep a clean stdout. Exit 3 if either step fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "policy: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2 || { echo "policy: npm ci failed" >&2; exit 3; }
fi

stamp=dist/.build-stamp
if [[ ! -f $stamp ]] || [[ -n "$(find index.ts rules checker generator deployability tests tsconfig.json package-lock.json taggable-types.json \
      -newer "$stamp" \( -name '*.ts' -o -name '*.json' \) -print -quit 2>/dev/null)" ]]; then
  echo "policy: compiling (tsc)" >&2
  rm -rf dist
  node_modules/.bin/tsc -p tsconfig.json >&2 || { echo "policy: tsc failed" >&2; exit 3; }
  touch "$stamp"
fi
