#!/usr/bin/env bash
# The long run of the consistency state machine: 200 sequences of 30 steps through the real window
# (tests/ui/test_consistency.py), every view checked against a fresh computation after each step.
# DRAFTER_STATEFUL_RUNS / DRAFTER_STATEFUL_STEPS change the numbers.
set -euo pipefail
cd "$(dirname "$0")/../.."
export QT_QPA_PLATFORM=offscreen
export DRAFTER_STATEFUL_RUNS="${DRAFTER_STATEFUL_RUNS:-200}" DRAFTER_STATEFUL_STEPS="${DRAFTER_STATEFUL_STEPS:-30}"
start=$(date +%s)
.venv/bin/python -m pytest -p no:cacheprovider -q tests/ui/test_consistency.py "$@"
echo "$DRAFTER_STATEFUL_RUNS sequences of up to $DRAFTER_STATEFUL_STEPS steps in $(( $(date +%s) - start )) s"
