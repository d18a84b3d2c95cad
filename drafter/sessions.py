"""Session ordinals, dates and resolution citations in the six UN official languages.

Running text writes sessions out ("at its seventy-fourth session"); the titles of
the Official Records capitalize them in English ("Seventy-second Session"). Dates
follow each language's UN form ("1 November 2017", "1er novembre 2017",
"1 de noviembre de 2017", "1 ноября 2017 года", "1 تشرين الثاني/نوفمبر 2017",
"2017年11月1日"). num2words gives the ordinals of English, French, Spanish and
Russian; Arabic and Chinese session ordinals are built here (num2words 0.5 has no
Chinese and its Arabic ordinals are not the feminine forms that "الدورة" takes).

>>> session_words(74, "en")
'seventy-fourth session'
>>> ordinal_value("septuagésimo primer", "es")
71
"""

from __future__ import annotations

import datetime
import re
from functools import cache

from num2words import num2words

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
MAX_SESSION = 130
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": "", "ё": "е"})
_RU_CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")

# --- ordinals ------------------------------------------------------------
_AR_UNITS = ["", "الحادية", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
             "الثامنة", "التاسعة"]
_AR_ALONE = ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
             "الثامنة", "التاسعة", "العاشرة"]
_AR_TENS = ["", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون",
            "التسعون"]
_ZH_DIGITS = "零一二三四五六七八九"


def _arabic(n: int, variant: str) -> str:
    """Feminine ordinal agreeing with الدورة; `variant` "gen" gives the genitive tens (-ين)."""
    if n >= 100:
        raise ValueError("Arabic session ordinals are built up to 99")
    tens, unit = divmod(n, 10)
    if n <= 10:
        return _AR_ALONE[n]
    if n < 20:
        return f"{_AR_UNITS[unit]} عشرة"
    ten = _AR_TENS[tens]
    if variant == "gen":
        ten = ten[:-2] + "ين"
    return ten if unit == 0 else f"{_AR_UNITS[unit]} و{ten}"


def _chinese(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    out = f"{_ZH_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _ZH_DIGITS[tens]) + "十"
    elif hundreds and unit:
        out += "零"
    if unit:
        out += _ZH_DIGITS[unit]
    return out


def _variants(lang: str) -> tuple[str, ...]:
    if lang == "ru":
        return tuple(f"{case}:{gender}" for case in _RU_CASES for gender in ("f", "m", "n"))
    if lang == "es":
        return ("", "apocope")
    if lang == "ar":
        return ("", "gen")
    return ("",)


def ordinal(n: int, lang: str = "en", variant: str = "") -> str:
    """The ordinal of `n` in lower case as running text writes it ("seventy-third").

    `variant` selects a form: Spanish "apocope" ("septuagésimo primer" before a noun), Russian
    "case:gender" ("prepositional:f" → "семьдесят третьей"), Arabic "gen". Chinese gives "第七十三".
    """
    if n < 1:
        raise ValueError(f"no ordinal for {n}")
    if lang == "zh":
        return f"第{_chinese(n)}"
    if lang == "ar":
        return _arabic(n, variant)
    if lang == "ru":
        case, _, gender = (variant or "nominative:f").partition(":")
        word = str(num2words(n, to="ordinal", lang="ru", case=case, gender=gender or "f"))
        return word.replace("ё", "е")
    word = str(num2words(n, to="ordinal", lang=lang))
    if lang == "fr":
        word = word.replace("vingtsième", "vingtième").replace("centsième", "centième")
    if lang == "es" and variant == "apocope" and word.endswith(("primero", "tercero")):
        word = word[:-1]
    return word


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def session_words(n: int, lang: str = "en", *, records: bool = False) -> str:
    """The session in running text ("seventy-fourth session"), or as the Official Records title it.

    Official Records: "Seventy-second Session" (en), "soixante-douzième session" (fr),
    "septuagésimo segundo período de sesiones" (es), "семьдесят вторая сессия" (ru),
    "الدورة الثانية والسبعون" (ar), "第七十二届会议" (zh).
    """
    if lang == "en":
        text = f"{ordinal(n, 'en')} session"
        return _capitalize(text).replace(" session", " Session") if records else text
    if lang == "fr":
        return f"{ordinal(n, 'fr')} session"
    if lang == "es":
        return f"{ordinal(n, 'es', 'apocope')} período de sesiones"
    if lang == "ru":
        return f"{ordinal(n, 'ru', 'nominative:f' if records else 'prepositional:f')} сессии".replace(
            "ая сессии", "ая сессия")
    if lang == "ar":
        return f"الدورة {ordinal(n, 'ar', '' if records else 'gen')}"
    if lang == "zh":
        return f"{ordinal(n, 'zh')}届会议"
    raise ValueError(f"unknown language {lang!r}")


def session_heading(n: int, lang: str = "en") -> str:
    """The session line of a document header: "Seventy-sixth session", "Семьдесят шестая сессия"."""
    if lang in ("ru", "ar", "zh"):
        return _capitalize(session_words(n, lang, records=True))
    return _capitalize(session_words(n, lang))


@cache
def _table(lang: str) -> dict[str, tuple[int, str]]:
    """Every written form of the ordinals 1..MAX_SESSION → (number, variant)."""
    out: dict[str, tuple[int, str]] = {}
    for variant in reversed(_variants(lang)):
        for n in range(1, MAX_SESSION + 1):
            if lang == "ar" and n >= 100:
                break
            out[ordinal(n, lang, variant).lower()] = (n, variant)
    return out


def _normal(text: str) -> str:
    return " ".join(text.translate(_HYPHENS).lower().split())


def ordinal_value(text: str, lang: str = "en") -> int | None:
    """The number an ordinal stands for ("Seventy-third" → 73), or None."""
    found = _table(lang).get(_normal(text))
    return found[0] if found else None


def ordinal_variant(text: str, lang: str = "en") -> str:
    found = _table(lang).get(_normal(text))
    return found[1] if found else ""


@cache
def ordinal_regex(lang: str = "en") -> re.Pattern[str]:
    """A pattern matching any session ordinal of the language (longest forms first)."""
    forms = sorted(_table(lang), key=len, reverse=True)
    alternatives = "|".join(re.escape(form).replace("\\-", "[-\u2010\u2011]") for form in forms)
    edge = "" if lang == "zh" else r"(?<![\w-])"
    tail = "" if lang == "zh" else r"(?![\w-])"
    return re.compile(f"{edge}(?:{alternatives}){tail}", re.IGNORECASE)


def recase(word: str, like: str) -> str:
    """`word` with the capitalization of `like` ("seventy-sixth", "Seventy-fifth" → "Seventy-sixth")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return _capitalize(word)
    return word


def replace_ordinal(found: str, n: int, lang: str = "en") -> str:
    """The ordinal `n` written in the same form and case as `found`."""
    return recase(ordinal(n, lang, ordinal_variant(found, lang)), found)


# --- dates -------------------------------------------------------------
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"),
    "ar": ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
           "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
           "كانون الأول/ديسمبر"),
}


def format_date(date: datetime.date, lang: str = "en") -> str:
    """A date in the UN form of the language."""
    if lang == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    month = MONTHS[lang][date.month - 1]
    if lang == "fr":
        day = "1er" if date.day == 1 else str(date.day)
        return f"{day} {month} {date.year}"
    if lang == "es":
        return f"{date.day} de {month} de {date.year}"
    if lang == "ru":
        return f"{date.day} {month} {date.year} года"
    return f"{date.day} {month} {date.year}"


@cache
def date_regex(lang: str = "en") -> re.Pattern[str]:
    """A pattern for a date in the UN form of the language; groups day, month, year."""
    if lang == "zh":
        return re.compile(r"(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日")
    months = "|".join(re.escape(m) for m in MONTHS[lang])
    day = r"(?P<day>[1-3]?\d)(?:er)?"
    space = r"[ \u00a0]+"
    if lang == "es":
        return re.compile(rf"\b{day}{space}de{space}(?P<month>{months}){space}de{space}(?P<year>\d{{4}})\b",
                          re.IGNORECASE)
    suffix = rf"(?:{space}года)?" if lang == "ru" else ""
    return re.compile(rf"(?<!\d){day}{space}(?P<month>{months}){space}(?P<year>\d{{4}})\b{suffix}",
                      re.IGNORECASE)


def parse_date(text: str, lang: str = "en") -> datetime.date | None:
    """The first date written in `text` in the UN form of the language, or None."""
    match = date_regex(lang).search(text)
    if match is None:
        return None
    return date_of(match, lang)


def date_of(match: re.Match[str], lang: str = "en") -> datetime.date | None:
    if lang == "zh":
        month = int(match.group("month"))
    else:
        names = [m.lower() for m in MONTHS[lang]]
        month = names.index(match.group("month").lower()) + 1
    try:
        return datetime.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


# --- citations of resolutions -------------------------------------------
def cite(number: str, date: datetime.date | None, lang: str = "en") -> str:
    """A General Assembly resolution as running text cites it, after the word "resolution".

    "75/180 of 16 December 2020" (en), "75/180 du 16 décembre 2020" (fr),
    "75/180, de 16 de diciembre de 2020" (es), "75/180 от 16 декабря 2020 года" (ru),
    "75/180 المؤرخ 16 كانون الأول/ديسمبر 2020" (ar); Chinese puts the date first: "2020年12月16日第75/180号".
    """
    if date is None:
        return number if lang != "zh" else f"第{number}号"
    written = format_date(date, lang)
    joiner = {"en": " of ", "fr": " du ", "es": ", de ", "ru": " от ", "ar": " المؤرخ "}
    if lang == "zh":
        return f"{written}第{number}号"
    if lang == "fr" and date.day == 1:
        return f"{number} du {written}"
    return f"{number}{joiner[lang]}{written}"


# The joiner between a resolution number and its date, per language, as a pattern.
DATE_JOINER = {"en": r" of ", "fr": r" (?:du|en date du) ", "es": r",? de ", "ru": r" от ", "ar": r" المؤرخ "}
