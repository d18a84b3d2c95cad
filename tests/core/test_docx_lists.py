"""Word lists: every number format printed as Word prints it, and in a document that is no resolution,
lists read as lists of the model (labels derived, an inserted item one insertion).

The files are in tests/data/word/lists (README.md there): written by python-docx with numbering.xml
made with lxml, by LibreOffice from HTML and flat ODF, and by Word (python-mammoth's and python-docx's
test files). LibreOffice's own reading of some of them as text (*.libreoffice.txt) is a second,
independent reading of the labels.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import drafter
from drafter.compare import compare
from drafter.importers.docx import read_docx
from drafter.importers.plain_lists import Entry, plain_blocks
from drafter.model import Paragraph, Text, sub_labels
from tests.corpus import DATA, model_text, words

LISTS = DATA / "word" / "lists"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AT = (1, 2, 3, 10, 11, 15, 20, 21, 30)  # the counter values each format is checked at

# What Word prints for 1, 2, 3, 10, 11, 15, 20, 21 and 30 in each format ([MS-DOCX] 2.4 gives the first
# values, [MS-OI29500] Word's departures from ECMA-376).
EXPECTED = {
    "decimal": "1 2 3 10 11 15 20 21 30",
    "decimalHalfWidth": "1 2 3 10 11 15 20 21 30",
    "bahtText": "1 2 3 10 11 15 20 21 30",
    "upperRoman": "I II III X XI XV XX XXI XXX",
    "lowerRoman": "i ii iii x xi xv xx xxi xxx",
    "upperLetter": "A B C J K O T U DD",
    "lowerLetter": "a b c j k o t u dd",
    "ordinal": "1st 2nd 3rd 10th 11th 15th 20th 21st 30th",
    "cardinalText": "One Two Three Ten Eleven Fifteen Twenty Twenty-one Thirty",
    "ordinalText": "First Second Third Tenth Eleventh Fifteenth Twentieth Twenty-first Thirtieth",
    "hex": "1 2 3 A B F 14 15 1E",
    "chicago": "* † ‡ ††† ‡‡‡ ‡‡‡‡ §§§§§ ****** ††††††††",
    "decimalZero": "01 02 03 10 11 15 20 21 30",
    "decimalFullWidth": "１ ２ ３ １０ １１ １５ ２０ ２１ ３０",
    "decimalFullWidth2": "１ ２ ３ １０ １１ １５ ２０ ２１ ３０",
    "decimalEnclosedCircle": "① ② ③ ⑩ ⑪ ⑮ ⑳ 21 30",
    "decimalEnclosedCircleChinese": "① ② ③ ⑩ ⑪ ⑮ ⑳ 21 30",
    "decimalEnclosedFullstop": "⒈ ⒉ ⒊ ⒑ ⒒ ⒖ ⒛ 21 30",
    "decimalEnclosedParen": "⑴ ⑵ ⑶ ⑽ ⑾ ⒂ ⒇ 21 30",
    "ideographEnclosedCircle": "㈠ ㈡ ㈢ ㈩ 11 15 20 21 30",
    "numberInDash": "- 1 - - 2 - - 3 - - 10 - - 11 - - 15 - - 20 - - 21 - - 30 -",
    "russianLower": "а б в к л п ф х аа",
    "russianUpper": "А Б В К Л П Ф Х АА",
    "hebrew1": "א ב ג י יא טו כ כא ל",
    "hebrew2": "א ב ג י כ ס ר ש אח",
    "arabicAlpha": "أ ب ت ر ز ض ف ق أب",
    "arabicAbjad": "أ ب ج ي ك س ر ش أب",
    "thaiLetters": "ก ข ค ญ ฎ ฒ ท ธ ม",
    "thaiNumbers": "๑ ๒ ๓ ๑๐ ๑๑ ๑๕ ๒๐ ๒๑ ๓๐",
    "thaiCounting": "หนึ่ง สอง สาม สิบ สิบเอ็ด สิบห้า ยี่สิบ ยี่สิบเอ็ด สามสิบ",
    "hindiVowels": "क ख ग ञ ट ण न प श",  # Word prints consonants for this value ([MS-OI29500])
    "hindiNumbers": "१ २ ३ १० ११ १५ २० २१ ३०",
    "vietnameseCounting": "một|hai|ba|mười|mười một|mười lăm|hai mươi|hai mươi mốt|ba mươi",
    "aiueo": "ｱ ｲ ｳ ｺ ｻ ｿ ﾄ ﾅ ﾎ",
    "aiueoFullWidth": "ア イ ウ コ サ ソ ト ナ ホ",
    "iroha": "ｲ ﾛ ﾊ ﾇ ﾙ ﾖ ﾈ ﾅ ﾏ",
    "irohaFullWidth": "イ ロ ハ ヌ ル ヨ ネ ナ マ",
    "ganada": "가 나 다 차 카 가 바 사 나",
    "chosung": "ㄱ ㄴ ㄷ ㅊ ㅋ ㄱ ㅂ ㅅ ㄴ",
    "ideographDigital": "一 二 三 一〇 一一 一五 二〇 二一 三〇",
    "japaneseDigitalTenThousand": "一 二 三 一〇 一一 一五 二〇 二一 三〇",
    "taiwaneseDigital": "一 二 三 一〇 一一 一五 二〇 二一 三〇",
    "japaneseCounting": "一 二 三 十 十一 十五 二十 二十一 三十",
    "taiwaneseCounting": "一 二 三 十 十一 十五 二十 二十一 三十",
    "taiwaneseCountingThousand": "一 二 三 十 十一 十五 二十 二十一 三十",
    "chineseCounting": "一 二 三 十 十一 十五 二十 二十一 三十",
    "chineseCountingThousand": "一 二 三 十 十一 十五 二十 二十一 三十",
    "chineseLegalSimplified": "壹 贰 叁 壹拾 壹拾壹 壹拾伍 贰拾 贰拾壹 叁拾",
    "ideographLegalTraditional": "壹 貳 參 壹拾 壹拾壹 壹拾伍 貳拾 貳拾壹 參拾",
    "japaneseLegal": "壱 弐 参 壱拾 壱拾壱 壱拾伍 弐拾 弐拾壱 参拾",
    "ideographTraditional": "甲 乙 丙 癸 11 15 20 21 30",
    "ideographZodiac": "子 丑 寅 酉 戌 15 20 21 30",
    "ideographZodiacTraditional": "甲子 乙丑 丙寅 癸酉 甲戌 戊寅 癸未 甲申 癸巳",
    "koreanDigital": "일 이 삼 일영 일일 일오 이영 이일 삼영",
    "koreanDigital2": "一 二 三 一零 一一 一五 二零 二一 三零",
    "koreanCounting": "일 이 삼 십 십일 십오 이십 이십일 삼십",
    "koreanLegal": "하나 둘 셋 열 열하나 열다섯 스물 스물하나 서른",
}
NOT_PRINTED = ("hindiConsonants", "hindiCounting", "dollarText")  # read as digits, with a warning
# the formats LibreOffice prints as Word does (it prints the others in digits or its own way: "Аа" for
# russianUpper 30, where Word doubles the capital as it does "DD")
LIBREOFFICE_AGREES = (
    "decimal upperRoman lowerRoman upperLetter lowerLetter ordinal cardinalText ordinalText chicago decimalZero "
    "russianLower hebrew1 hebrew2 arabicAlpha thaiLetters hindiVowels aiueo aiueoFullWidth iroha "
    "irohaFullWidth ganada chosung japaneseCounting chineseCounting chineseCountingThousand chineseLegalSimplified "
    "ideographLegalTraditional ideographTraditional ideographZodiac koreanDigital koreanCounting koreanLegal "
    "koreanDigital2 taiwaneseCounting").split()


def _by_heading(path: Path) -> tuple[dict[str, list[str]], list[str]]:
    """The labels the reader gives the items under each "Format X" paragraph, and its warnings."""
    raw = read_docx(str(path))
    out: dict[str, list[str]] = {}
    current = ""
    for block in raw.blocks:
        text = "".join(getattr(item, "text", "") for item in block.content)
        if text.startswith("Format "):
            current = text.removeprefix("Format ")
            out[current] = []
        elif current:
            out[current].append(block.label or "")
    return out, raw.warnings


def _libreoffice_labels(path: Path) -> dict[str, list[str]]:
    """LibreOffice's labels, from its text rendering: "    ①. decimalEnclosedCircle item 1"."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("Format "):
            current = line.removeprefix("Format ")
            out[current] = []
        elif line.strip() and current:
            out[current].append(line.strip().rpartition(f" {current} item ")[0])
    return out


def _expected(fmt: str) -> list[str]:
    values = EXPECTED[fmt]
    if fmt == "numberInDash":
        return [f"- {n} -" for n in AT]
    return values.split("|") if "|" in values else values.split()


# --- every number format ----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", sorted(EXPECTED))
def test_each_number_format_gives_the_label_word_prints(fmt: str) -> None:
    labels, _ = _by_heading(LISTS / "formats-python-docx.docx")
    assert len(labels[fmt]) == 30
    assert [labels[fmt][n - 1] for n in AT] == [f"{label}." for label in _expected(fmt)]


def test_the_none_format_prints_only_the_label_text() -> None:
    labels, _ = _by_heading(LISTS / "formats-python-docx.docx")
    assert labels["none"] == ["."] * 30  # lvlText "%1." with the number left out


@pytest.mark.parametrize("fmt", NOT_PRINTED)
def test_a_format_drafter_cannot_print_reads_as_digits_with_a_warning(fmt: str) -> None:
    labels, warnings = _by_heading(LISTS / "formats-python-docx.docx")
    assert labels[fmt] == [f"{n}." for n in range(1, 31)]
    said = [warning for warning in warnings if f"\"{fmt}\"" in warning]
    assert said == [f"list number format \"{fmt}\" is not one Drafter can print: its numbers were read as "
                    f"digits, from \"{fmt} item 1…\" on"]  # once per list, naming its first paragraph


def test_every_format_of_the_standard_is_in_the_file() -> None:
    labels, _ = _by_heading(LISTS / "formats-python-docx.docx")
    assert set(labels) == set(EXPECTED) | set(NOT_PRINTED) | {"none"}


def test_labels_agree_with_libreoffices_reading_of_the_same_file() -> None:
    ours, _ = _by_heading(LISTS / "formats-python-docx.docx")
    theirs = _libreoffice_labels(LISTS / "formats-python-docx.libreoffice.txt")
    for fmt in LIBREOFFICE_AGREES:
        assert ours[fmt] == theirs[fmt], fmt


def test_word_formats_written_by_libreoffice_read_as_libreoffice_prints_them() -> None:
    """LibreOffice's "1st", "One", "First" lists, saved as Word's ordinal, cardinalText and ordinalText."""
    ours, warnings = _by_heading(LISTS / "words-libreoffice.docx")
    theirs = _libreoffice_labels(LISTS / "words-libreoffice.libreoffice.txt")
    assert ours == theirs
    assert ours["One"][:3] == ["One.", "Two.", "Three."] and ours["1st"][10] == "11th."
    assert not [warning for warning in warnings if "format" in warning]


def test_level_texts_legal_numbering_starts_overrides_restarts_custom_formats_and_bullets() -> None:
    raw = read_docx(str(LISTS / "numbering-python-docx.docx"))
    assert [block.label for block in raw.blocks if block.label] == [
        "I.", "I.1.", "1.1.1)", "1.1.2)", "I.2.", "II.", "II.1.",  # %1.%2.%3) with isLgl on the third level
        "5.", "(a)", "6.", "(b)",  # starts at 5; lvlRestart 0: the letters never restart
        "1.", "2.",  # a second w:num with startOverride 1
        "3.",  # a third w:num of the same list goes on counting
        "001.", "002.",  # custom "001, 002, 003, ..." (Word 2010's mc:AlternateContent)
        "•", "◦", "▪", "➢", "✓", "–",  # Symbol, Courier New "o", Wingdings §, Ø, ü, a plain en dash
        "1.", "2.",  # hindiCounting, not printed: digits and a warning
    ]
    assert [block.level for block in raw.blocks if block.label][:7] == [0, 1, 2, 2, 1, 0, 1]
    assert [w for w in raw.warnings if "hindiCounting" in w] == [
        "list number format \"hindiCounting\" is not one Drafter can print: its numbers were read as digits, "
        "from \"Hindi one.…\" on"]


# --- lists of a document that is no resolution -----------------------------------------------------
def _document_words(path: Path) -> Counter[str]:
    """The words of a .docx read with zipfile and lxml alone: every w:t of the main part."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return Counter(words(" ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p"))))


@pytest.mark.parametrize("name", ["tasks-v1-python-docx", "tasks-v2-python-docx", "tasks-v1-libreoffice",
                                  "tasks-v2-libreoffice", "simple-list", "num-having-numbering-part"])
def test_the_models_words_are_the_documents_words_without_the_list_labels(name: str) -> None:
    path = LISTS / f"{name}.docx"
    res = drafter.load(str(path))
    assert Counter(words(model_text(res))) == _document_words(path)
    assert not [warning for warning in res.warnings if "list" in warning]


@pytest.mark.parametrize("writer", ["python-docx", "libreoffice"])
def test_a_numbered_list_with_bullets_becomes_sub_paragraphs_with_derived_labels(writer: str) -> None:
    res = drafter.load(str(LISTS / f"tasks-v1-{writer}.docx"))
    title, chapeau, source = res.preamble
    assert (title.text, source.text) == ("Priority tasks of AMISOM", "Source: S/2020/445, operative paragraph 12.")
    assert isinstance(chapeau, Paragraph)
    assert chapeau.text == ("Decides to authorise AMISOM to carry out the following priority tasks to achieve "
                            "these objectives:")
    assert chapeau.list_style == "decimal" and len(chapeau.children) == 9
    assert chapeau.children[0].text.startswith("Maintain a presence in the sectors")
    mentor = chapeau.children[2]
    assert mentor.text == "Mentor, and assist Somali security forces, including:"
    assert mentor.list_style == "bullet"
    assert [child.text for child in mentor.children] == [
        "combat readiness mentoring for Somali military forces",
        "mentoring and training where necessary for Somali police;"]
    assert [label for label, _ in sub_labels("PP2", chapeau)][:5] == [
        "PP2(1)", "PP2(2)", "PP2(3)", "PP2(3)(i)", "PP2(3)(ii)"]
    assert not any(re.match(r"\d+\.|•", para.text) for para in chapeau.children)  # no label left as text


@pytest.mark.parametrize("writer", ["python-docx", "libreoffice"])
def test_an_item_inserted_in_the_middle_of_a_list_is_one_insertion(writer: str) -> None:
    old = drafter.load(str(LISTS / f"tasks-v1-{writer}.docx"))
    new = drafter.load(str(LISTS / f"tasks-v2-{writer}.docx"))
    changes = compare(old, new)
    shown = changes.visible(hide_renumbering=True)
    assert [(change.kind, change.new_label) for change in shown] == [("inserted", "PP2(5)")]
    assert changes.counts["modified"] == 0
    blocks = {block.id: block for block in new.blocks()}
    assert [blocks[change.new_ids[0]].text for change in shown] == [
        "Support the Somali security forces in the protection of civilians, as appropriate;"]


def test_a_list_that_opens_a_word_document_hangs_under_an_empty_paragraph() -> None:
    res = drafter.load(str(LISTS / "simple-list.docx"))  # Word's own file: two bullets and nothing else
    (owner,) = res.preamble
    assert isinstance(owner, Paragraph) and owner.text == "" and owner.list_style == "bullet"
    assert [child.text for child in owner.children] == ["Apple", "Banana"]


def test_a_paragraph_numbered_by_its_style_is_a_list_item() -> None:
    res = drafter.load(str(LISTS / "num-having-numbering-part.docx"))  # "List Number" style, Word's file
    (owner,) = res.preamble
    assert isinstance(owner, Paragraph) and owner.list_style == "decimal"
    assert [child.text for child in owner.children] == ["Paragraph having List Number style."]


def test_nested_html_lists_keep_their_levels_and_letters_or_numerals() -> None:
    res = drafter.load(str(LISTS / "lists-libreoffice.docx"))
    by_text = {block.text: block for block in res.preamble if isinstance(block, Paragraph)}
    nested = by_text["Nested"]
    assert nested.list_style == "decimal"
    outer = nested.children[0]
    assert outer.text == "Outer one:" and outer.list_style == "alpha."
    assert [child.text for child in outer.children] == ["Inner a.", "Inner b:"]
    assert outer.children[1].list_style == "roman." and len(outer.children[1].children) == 2
    assert [child.text for child in by_text["Type a"].children] == [f"a {w}." for w in
                                                                     ("Alpha", "Bravo", "Charlie", "Delta")]
    assert by_text["Type i"].list_style == "roman."


def test_labels_the_model_cannot_derive_stay_text_with_a_warning_naming_the_list() -> None:
    res = drafter.load(str(LISTS / "lists-libreoffice.docx"))
    texts = [block.text for block in res.preamble]
    assert "A. A Alpha." in texts and "IV. I Delta." in texts and "4. Four." in texts
    warned = [warning for warning in res.warnings if warning.startswith("list labels kept as text")]
    assert [warning.split("\"")[1] for warning in warned] == ["A Alpha.…", "I Alpha.…", "Four.…"]
    assert "\"A.\", \"B.\", \"C.\"" in warned[0] and "\"4.\", \"5.\"" in warned[2]


def test_typed_labels_of_a_plain_text_nest_by_their_kind(tmp_path: Path) -> None:
    path = tmp_path / "steps.txt"
    path.write_text("The facilitator proposes the following steps:\n\n1. Circulate the zero draft.\n\n"
                    "2. Hold two readings of the text:\n\n(a) a first reading paragraph by paragraph;\n\n"
                    "(b) a second reading of the open paragraphs.\n\n3. Table the draft in the Committee.\n\n"
                    "Points raised by delegations:\n\n- the timeline is short;\n\n- the draft is long.\n",
                    encoding="utf-8")
    res = drafter.load(str(path))
    steps, points = res.preamble
    assert isinstance(steps, Paragraph) and isinstance(points, Paragraph)
    assert [label for label, _ in res.labelled()] == [
        "PP1", "PP1(1)", "PP1(2)", "PP1(2)(a)", "PP1(2)(b)", "PP1(3)", "PP2", "PP2(a)", "PP2(b)"]
    assert (steps.list_style, steps.children[1].list_style, points.list_style) == ("decimal", "alpha", "bullet")
    assert steps.children[1].children[0].text == "a first reading paragraph by paragraph;"


def test_lists_numbered_on_across_a_long_document_are_named_then_counted() -> None:
    """Word numbers a list on across the paragraphs between its parts; the model cannot, so each part
    after the first keeps its labels, the first five named in a warning each and the rest counted."""
    chapeau, items = tasks_of_s_2020_445()
    entries: list[Entry] = []
    for part in range(8):
        entries.append(Entry((Text(f"Part {part + 1}. {chapeau}"),)))
        entries += [Entry((Text(item),), f"{part * 3 + n}.", 0) for n, item in enumerate(items[:3], 1)]
    blocks, warnings = plain_blocks(entries, "en")
    assert len(blocks) == 1 + 7 * 4  # the first part's list is sub-paragraphs, the others text
    assert isinstance(blocks[0], Paragraph) and len(blocks[0].children) == 3
    assert blocks[2].text.startswith("4. Maintain a presence")
    assert len(warnings) == 6 and all(w.startswith("list labels kept as text from \"Maintain") for w in warnings[:5])
    assert "\"4.\", \"5.\", \"6.\"" in warnings[0]
    assert warnings[5] == ("2 more lists keep their labels as text, from \"Maintain a presence in the sectors "
                           "set o…\" on")


def tasks_of_s_2020_445() -> tuple[str, list[str]]:
    """The chapeau and sub-paragraphs of S/2020/445 OP12, as the fixtures' script reads them."""
    text = (DATA / "corpus" / "S-2020-445.txt").read_text(encoding="utf-8")
    block = text[text.index("12. Decides to authorise"):text.index("13. Requests the African Union")]
    parts = re.split(r"\n\([a-i]\) ", re.sub(r"\n\d+/9\s+20-07254\s+S/2020/445\s*\n", "\n", block))
    return " ".join(parts[0].split())[4:], [" ".join(part.split()) for part in parts[1:]]
