#!/usr/bin/env bash
# policy/test.sh: every test of the policy pack (node's built-in test runner over the compiled
# tests). Installs and compiles first if needed. Exit non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./build.sh
exec node --test --test-reporter=spec dist/tests/*.test.js
