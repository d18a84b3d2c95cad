#!/usr/bin/env bash
# A long fuzzing run of every importer: DRAFTER_FUZZ_EXAMPLES examples per target (default 3000).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DRAFTER_FUZZ_EXAMPLES="${DRAFTER_FUZZ_EXAMPLES:-3000}"
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests/core/test_fuzz_importers.py "$@"
