"""Word reader speed on a 1 MB .docx: target under 1 s, peak memory under 150 MB.

The document is written with python-docx from the corpus texts (every paragraph of every text, lead words
in italics), with what a long delegation file carries besides: a footnote every tenth paragraph, an endnote
every fiftieth, a table every hundredth, a text box and an equation every two hundredth. It is as long as it
takes for the file to weigh 1 MB. Each measurement runs in a fresh process, as in bench_import.py.

    .venv/bin/python tests/benchmarks/bench_docx.py [--runs 5] [--keep big.docx] [--file other.docx]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
TARGET_BYTES = 1_000_000
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_BOX = ('<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wp:extent cx="2000000" cy="500000"/><wp:docPr id="{n}" '
        'name="Text Box {n}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>'
        '<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}'
        '</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>')


def corpus_paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for chunk in re.split(r"\n\s*\n", body):
            text = " ".join(chunk.split())
            if len(text.split()) > 3:
                out.append(text)
    return out


def _notes(kind: str, texts: list[str]) -> bytes:
    items = "".join(f'<w:{kind} w:id="{n}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
                    f"</w:{kind}>" for n, text in enumerate(texts, 1))
    return f'<w:{kind}s {nsdecls("w")}>{items}</w:{kind}s>'.encode()


def _math(text: str) -> str:
    words = text.split()[:2] or ["x"]
    return (f'<m:oMath {nsdecls("w")} xmlns:m="{_MATH}"><m:f><m:num><m:r><m:t>{words[0]}</m:t></m:r></m:num>'
            f'<m:den><m:r><m:t>{words[-1]}</m:t></m:r></m:den></m:f></m:oMath>')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def big_docx(path: Path) -> Path:
    """A delegation's long Word file of about `TARGET_BYTES`, built from the corpus."""
    source = corpus_paragraphs()
    wanted = len(source)
    for _ in range(3):  # the size grows a little faster than the count of paragraphs: aim again
        _write(path, [source[index % len(source)] for index in range(wanted)])
        wanted = int(wanted * TARGET_BYTES / path.stat().st_size) + 1
    return path


def _write(path: Path, source: list[str]) -> Path:
    document = docx.Document()
    footnotes: list[str] = []
    endnotes: list[str] = []
    for count, text in enumerate(source, 1):
        lead, _, rest = text.partition(" ")
        paragraph = document.add_paragraph()
        paragraph.add_run(lead).italic = True
        paragraph.add_run(f" {rest}")
        if count % 10 == 0:
            footnotes.append(_escape(text[:120]))
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference '
                                          f'w:id="{len(footnotes)}"/></w:r>'))
        if count % 50 == 0:
            endnotes.append(_escape(text[:80]))
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:endnoteReference '
                                          f'w:id="{len(endnotes)}"/></w:r>'))
        if count % 100 == 0:
            table = document.add_table(rows=3, cols=3)
            for index, cell in enumerate(table._cells):
                cell.text = text.split()[index % len(text.split())]
        if count % 200 == 0:
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{_BOX.format(n=count, text=_escape(text[:60]))}'
                                          "</w:r>"))
            paragraph._p.append(parse_xml(_math(_escape(text))))
    for kind, texts, content_type, relation in (
            ("footnote", footnotes, CONTENT_TYPE.WML_FOOTNOTES, RELATIONSHIP_TYPE.FOOTNOTES),
            ("endnote", endnotes, CONTENT_TYPE.WML_ENDNOTES, RELATIONSHIP_TYPE.ENDNOTES)):
        part = Part(PackURI(f"/word/{kind}s.xml"), content_type, _notes(kind, texts), document.part.package)
        document.part.relate_to(part, relation)
    document.save(str(path))
    return path


_CHILD = """
import json, resource, statistics, sys, time, tracemalloc
import drafter
from drafter.importers.docx import read_docx
path = sys.argv[1]
drafter.load(path)  # warm the imports
walls, cpus, readers = [], [], []
for _ in range(int(sys.argv[2])):
    wall, cpu = time.perf_counter(), time.process_time()
    drafter.load(path)
    walls.append(time.perf_counter() - wall)
    cpus.append(time.process_time() - cpu)
    start = time.process_time()
    read_docx(path)
    readers.append(time.process_time() - start)
tracemalloc.start()
drafter.load(path)
traced = tracemalloc.get_traced_memory()[1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus),
                  "reader": statistics.median(readers), "traced": traced, "rss": rss}))
"""


def measure(path: Path, runs: int) -> dict[str, float]:
    """Medians of a fresh process's imports: wall time, processor time, and the Word reader's share."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(runs)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", help="also save the generated .docx here")
    parser.add_argument("--file", help="measure this .docx instead of generating one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.file) if args.file else big_docx(Path(folder) / "big.docx")
        if args.keep:
            Path(args.keep).write_bytes(path.read_bytes())
        result = measure(path, args.runs)
        verdict = "ok" if result["wall"] < 1.0 and result["rss"] < 150e6 else "SLOW"
        print(f"{'document':24} {'wall':>9} {'processor':>10} {'reader':>9} {'target':>7} {'peak RSS':>9}")
        print(f"{f'Word, {path.stat().st_size / 1e6:.2f} MB':24} {result['wall'] * 1000:7.0f}ms "
              f"{result['cpu'] * 1000:8.0f}ms {result['reader'] * 1000:7.0f}ms {1000:5.0f}ms "
              f"{result['rss'] / 1e6:7.1f}MB  {verdict}")


if __name__ == "__main__":
    main()
