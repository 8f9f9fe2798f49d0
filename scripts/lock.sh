#!/usr/bin/env bash
# Refresh requirements/constraints.txt: resolve the newest versions allowed by pyproject.toml in a
# throw-away venv and record them.  Commit the result with the test run that used it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"${PYTHON:-python3}" -m venv "$TMP/venv"
"$TMP/venv/bin/python" -m pip install --quiet --upgrade pip
"$TMP/venv/bin/python" -m pip install --quiet "$ROOT[test]"
{
  echo "# Exact versions CI ran with. Regenerate with: bash scripts/lock.sh"
  "$TMP/venv/bin/python" -m pip freeze --exclude cantho-analysis | LC_ALL=C sort
} > "$ROOT/requirements/constraints.txt"
echo "wrote requirements/constraints.txt"
