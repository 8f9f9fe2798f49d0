#!/usr/bin/env bash
# Command 1: build everything (tables, figures, executed notebooks, HTML report) into build/.
# Extra arguments go to `cantho-analysis run` (e.g. --corpus DIR --out DIR -p lang vi).
source "$(dirname "$0")/_venv.sh"
exec .venv/bin/cantho-analysis run "$@"
