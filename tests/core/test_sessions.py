"""Session ordinals, dates and citations in the UN official languages."""

from __future__ import annotations

import datetime

import pytest

from drafter.sessions import (
    LANGUAGES,
    cite,
    format_date,
    ordinal,
    ordinal_regex,
    ordinal_value,
    parse_date,
    replace_ordinal,
    session_heading,
    session_words,
)


@pytest.mark.parametrize(("n", "lang", "running", "records"), [
    (74, "en", "seventy-fourth session", "Seventy-fourth Session"),
    (72, "en", "seventy-second session", "Seventy-second Session"),
    (80, "en", "eightieth session", "Eightieth Session"),
    (74, "fr", "soixante-quatorzième session", "soixante-quatorzième session"),
    (71, "fr", "soixante et onzième session", "soixante et onzième session"),
    (80, "fr", "quatre-vingtième session", "quatre-vingtième session"),
    (74, "es", "septuagésimo cuarto período de sesiones", "septuagésimo cuarto período de sesiones"),
    (71, "es", "septuagésimo primer período de sesiones", "septuagésimo primer período de sesiones"),
    (74, "ru", "семьдесят четвертой сессии", "семьдесят четвертая сессия"),
    (75, "ar", "الدورة الخامسة والسبعين", "الدورة الخامسة والسبعون"),
    (75, "zh", "第七十五届会议", "第七十五届会议"),
])
def test_session_words(n: int, lang: str, running: str, records: str) -> None:
    assert session_words(n, lang) == running
    assert session_words(n, lang, records=True) == records


def test_headings() -> None:
    assert session_heading(76, "en") == "Seventy-sixth session"
    assert session_heading(76, "fr") == "Soixante-seizième session"
    assert session_heading(76, "ru") == "Семьдесят шестая сессия"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_ordinal_reads_back(lang: str) -> None:
    top = 99 if lang == "ar" else 130
    for n in range(1, top + 1):
        word = ordinal(n, lang)
        assert ordinal_value(word, lang) == n, (lang, n, word)
        assert ordinal_value(word.upper() if lang == "en" else word, lang) == n
        assert ordinal_regex(lang).fullmatch(word), (lang, word)


def test_ordinal_variants_and_case() -> None:
    assert ordinal_value("Seventy\u2011third", "en") == 73
    assert ordinal_value("septuagésimo primer", "es") == 71
    assert ordinal_value("семьдесят пятой", "ru") == 75
    assert replace_ordinal("Seventy-fifth", 76) == "Seventy-sixth"
    assert replace_ordinal("septuagésimo primer", 73, "es") == "septuagésimo tercer"
    assert replace_ordinal("семьдесят пятой", 77, "ru") == "семьдесят седьмой"
    assert ordinal_regex("en").findall("at its seventy-sixth session, the 2030 Agenda") == ["seventy-sixth"]


@pytest.mark.parametrize(("lang", "written"), [
    ("en", "1 November 2017"), ("fr", "1er novembre 2017"), ("es", "1 de noviembre de 2017"),
    ("ru", "1 ноября 2017 года"), ("ar", "1 تشرين الثاني/نوفمبر 2017"), ("zh", "2017年11月1日"),
])
def test_dates_round_trip(lang: str, written: str) -> None:
    day = datetime.date(2017, 11, 1)
    assert format_date(day, lang) == written
    assert parse_date(f"adopted on {written}.", lang) == day


def test_citations() -> None:
    day = datetime.date(2020, 12, 16)
    assert cite("75/180", day) == "75/180 of 16 December 2020"
    assert cite("75/180", day, "fr") == "75/180 du 16 décembre 2020"
    assert cite("75/180", day, "es") == "75/180, de 16 de diciembre de 2020"
    assert cite("75/180", None) == "75/180"
    assert parse_date("Resolution adopted by the General Assembly on 16 December 2020") == day
    assert parse_date("no date here") is None
