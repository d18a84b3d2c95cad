#!/usr/bin/env bash
# The long run of the crash test: the real app (offscreen) typing a seeded random key script, killed with
# SIGKILL at a random moment, restarted, its draft recovered and its undo history walked back
# (tests/ui/test_recovery.py), 100 times. KILLS changes the number; pytest's -x stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
export QT_QPA_PLATFORM=offscreen
export KILLS="${KILLS:-100}"
python="${PYTHON:-.venv/bin/python}"
start=$(date +%s)
"$python" -m pytest -p no:cacheprovider -q tests/ui/test_recovery.py -k "kill_at_any_moment" "$@"
echo "$KILLS kills, each recovered with its undo history, in $(( $(date +%s) - start )) s"
