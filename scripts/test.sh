#!/usr/bin/env bash
# Command 2: the whole test suite: unit tests, integration tests and nbval over notebooks/*.ipynb.
source "$(dirname "$0")/_venv.sh"
exec .venv/bin/python -m pytest "$@"
