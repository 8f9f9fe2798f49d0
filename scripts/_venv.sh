# Sourced by the other scripts: make .venv (Python >= 3.10) and install the package with its
# test extra, pinned by requirements/constraints.txt.  Idempotent; a second call is fast.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "creating .venv with $($PYTHON --version)" >&2
  "$PYTHON" -m venv .venv
fi
STAMP=.venv/.installed-$(cat pyproject.toml requirements/constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$STAMP" ]; then
  echo "installing cantho-analysis and its pinned dependencies into .venv" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -c requirements/constraints.txt -e ".[test]"
  rm -f .venv/.installed-* && touch "$STAMP"
fi
