#!/usr/bin/env bash
# ci-tests/test.sh: tests of the GitHub Actions workflows (schema + the rules that matter).
# Installs the pinned tools from the lockfile when missing or stale, then runs node's test runner.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
stamp=node_modules/.install-stamp
if [[ ! -f $stamp || package-lock.json -nt $stamp || package.json -nt $stamp ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
exec node --test --test-reporter=spec test/
