#!/usr/bin/env bash
# Build the one-folder Linux bundle into dist/drafter/ (the executable is dist/drafter/drafter).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q -e . pyinstaller
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging/drafter.spec
echo "built: dist/drafter/drafter ($(du -sh dist/drafter | cut -f1))"
