#!/usr/bin/env bash
# Install what the browser and SARIF tests need beside Python: Debian's chromium, and the npm
# packages pinned in package-lock.json (axe-core and its TypeScript result types, the SARIF
# 2.1.0 schema, typescript to check -f axe output against axe-core's types). Idempotent: each
# step runs only when its result is missing. `playwright install` is not used; the tests drive /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "install-browser-deps: installing chromium (apt)"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
fi

if [ ! -f node_modules/axe-core/axe.min.js ] \
   || [ ! -f node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json ] \
   || [ ! -f node_modules/typescript/bin/tsc ]; then
  echo "install-browser-deps: installing axe-core, the SARIF schema and typescript (npm ci)"
  npm ci --no-audit --no-fund
fi

# Python playwright comes with the test extras (pyproject.toml), installed by scripts/dev.py.
echo "install-browser-deps: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'),"\
" axe-core $(node -p "require('./node_modules/axe-core/package.json').version")"
