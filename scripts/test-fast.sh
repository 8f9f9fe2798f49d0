#!/usr/bin/env bash
# The fast tests: unit tests and doctests, without nbval, the browser or the slow integration
# tests (about 20 s on a 2-core machine).  Run the whole suite with scripts/test.sh before a commit lands.
source "$(dirname "$0")/_venv.sh"
exec .venv/bin/python -m pytest -m "not slow and not browser" tests/unit cantho_analysis "$@"
