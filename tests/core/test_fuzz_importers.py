"""Malformed input never escapes as anything but ImportFailed (bounded here; longer: tests/benchmarks/fuzz.py)."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies

import drafter
from drafter.errors import ImportFailed
from drafter.exporters.akn import to_akn
from drafter.serialize import dumps
from tests.corpus import CORPUS, load

SAMPLE = CORPUS / "A-RES-72-169-clean.txt"
PDF = CORPUS / "pdf" / "S_2018_95-EN.pdf"
# DRAFTER_FUZZ_EXAMPLES raises the budget for long runs (tests/benchmarks/fuzz.sh)
FUZZ = settings(max_examples=int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def load_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            res = drafter.load(str(path))
        except ImportFailed as exc:
            assert exc.reason and "\n" not in exc.reason
            return
        assert isinstance(res, drafter.Resolution)


def mutate(data: bytes, seed: int, edits: int) -> bytes:
    rng = random.Random(seed)
    buffer = bytearray(data)
    for _ in range(edits):
        action = rng.random()
        at = rng.randrange(len(buffer)) if buffer else 0
        if action < 0.5 and buffer:
            buffer[at] = rng.randrange(256)
        elif action < 0.75:
            del buffer[at: at + rng.randrange(1, 64)]
        else:
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
    return bytes(buffer)


_FRAGMENTS = [
    *SAMPLE.read_text(encoding="utf-8").split("\n"),
    "____________", "20-17321 (E) 050121", "*2017321*", "2/4", "1.", "(a)", "(i)", "[^1]: note", "¹ note",
    "The General Assembly,", "73rd plenary meeting", "Annex", "***", "*", "[", "]", ":", "A/RES/75/180",
]


@FUZZ
@given(strategies.lists(strategies.one_of(strategies.sampled_from(_FRAGMENTS), strategies.text(max_size=40)),
                        max_size=80))
def test_text_reader_never_crashes(lines: list[str]) -> None:
    load_bytes("\n".join(lines).encode("utf-8", "surrogatepass"), ".txt")


@FUZZ
@given(strategies.integers(0, 2**32), strategies.integers(1, 40))
def test_pdf_reader_only_raises_import_failed(seed: int, edits: int) -> None:
    load_bytes(mutate(PDF.read_bytes(), seed, edits), ".pdf")


@FUZZ
@given(strategies.integers(0, 2**32), strategies.integers(1, 30))
def test_akn_reader_only_raises_import_failed(seed: int, edits: int) -> None:
    load_bytes(mutate(to_akn(load(CORPUS / "A-RES-80-1.txt")), seed, edits), ".xml")


@FUZZ
@given(strategies.integers(0, 2**32), strategies.integers(1, 30))
def test_json_reader_only_raises_import_failed(seed: int, edits: int) -> None:
    load_bytes(mutate(dumps(load(CORPUS / "A-RES-80-1.txt")).encode(), seed, edits), ".json")


def _docx_bytes() -> bytes:
    from tests.docx_fixtures import resolution_72_169

    with tempfile.TemporaryDirectory() as folder:
        return resolution_72_169(Path(folder) / "base.docx").read_bytes()


_DOCX = _docx_bytes()


@FUZZ
@given(strategies.integers(0, 2**32), strategies.integers(1, 30))
def test_docx_reader_only_raises_import_failed(seed: int, edits: int) -> None:
    load_bytes(mutate(_DOCX, seed, edits), ".docx")
