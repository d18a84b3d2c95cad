"""The Word exports as LibreOffice lays them out: sub-sub-paragraphs one level in from their parent,
footnote text right after its number. Word positions come from the rendered PDF (pdftotext -bbox)."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_tracked import write_tracked
from drafter.model import Resolution, Text
from tests.corpus import CORPUS, load

SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                reason="LibreOffice and poppler render the exports; .ci/run installs them")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def words(data: bytes, tmp_path: Path, name: str) -> list[tuple[float, float, float, str]]:
    """(x, y, right edge, text) of every word LibreOffice prints, page after page (y grows with pages)."""
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(data)
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    html = subprocess.run([str(PDFTOTEXT), "-bbox", str(tmp_path / f"{name}.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    out = []
    for page, chunk in enumerate(html.split("<page ")[1:]):
        for x, y, right, text in _WORD.findall(chunk):
            out.append((float(x), float(y) + 10000 * page, float(right), text))
    return out


def starts(found: list[tuple[float, float, float, str]], label: str) -> list[float]:
    """x of each line that opens with `label` (the first word on its line)."""
    lines: dict[float, tuple[float, str]] = {}
    for x, y, _right, text in found:
        key = round(y)
        if key not in lines or x < lines[key][0]:
            lines[key] = (x, text)
    return [x for x, text in lines.values() if text == label]


def with_one_change(res: Resolution) -> Resolution:
    base = copy.deepcopy(res)
    first = base.operatives()[0]
    first.content = [Text("Recalls " + first.text)]
    return base


@pytest.mark.parametrize("kind", ["clean", "tracked"])
def test_sub_sub_paragraphs_stand_one_level_in(kind: str, tmp_path: Path) -> None:
    res = load(CORPUS / "A-RES-80-11.txt")  # OP1(b)(i), (ii) under OP1(a) … (d)
    data = write_clean(res) if kind == "clean" else write_tracked(with_one_change(res), res)[0]
    found = words(data, tmp_path, kind)
    a_labels, i_labels = starts(found, "(a)"), starts(found, "(ii)")
    assert a_labels and i_labels
    # "(ii)" (not "(i)", which also opens lists directly under an operative paragraph in this text)
    assert min(i_labels) - max(a_labels) > 15  # a level is 475 twips, 23.75 pt


@pytest.mark.parametrize("kind", ["clean", "tracked"])
def test_footnote_text_follows_its_number(kind: str, tmp_path: Path) -> None:
    res = load(CORPUS / "A-RES-80-11.txt")
    data = write_clean(res) if kind == "clean" else write_tracked(with_one_change(res), res)[0]
    found = words(data, tmp_path, kind)
    pairs = [(number, text) for text in found if text[3].startswith("A/79/552")
             for number in found if number[3] == "2" and abs(number[1] - text[1]) < 3 and number[2] <= text[0]]
    assert pairs, "footnote 2 (A/79/552-S/2024/767) is printed with its number"
    for number, text in pairs:
        assert 0 < text[0] - number[2] < 15  # the text a tab's width after the number, not an inch away
