"""The text Word prints for a list counter in each number format (`w:numFmt`, ECMA-376 ST_NumberFormat).

`format_number(n, fmt, language)` gives the label core ("iv", "Third", "⑤", "יא") or None where Drafter
does not know what Word prints; the caller then prints digits and says so in a warning. The first values
of each format follow Microsoft's own table of them ([MS-DOCX] 2.4 "numFmt Extensions") and Word's
departures from the standard ([MS-OI29500] on ST_NumberFormat: `hindiVowels` prints consonants, `aiueo`
starts again after 46, `bahtText` prints digits, `ideographEnclosedCircle` prints parenthesised
ideographs). Words ("One", "First") come from num2words in the document's language, with the first letter
capitalised as Word does. Alphabets and ideographs are tables here; where Word stops (an enclosed number
past 20, a stem past 10) it goes on in digits, and so does this.

Not printed (a warning, digits instead): `hindiConsonants` (Word's Hindi vowels), `hindiCounting`,
`dollarText`, `custom` formats other than zero-padded digits ("001, 002, 003, ..."), and any value this
module does not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from num2words import num2words

from drafter.model import letters, roman


def _table(chars: str) -> list[str]:
    return chars.split() if " " in chars else list(chars)


RUSSIAN = _table("абвгдежзиклмнопрстуфхцчшщыэюя")
HEBREW = _table("אבגדהוזחטיכלמנסעפצקרשת")
ARABIC_ALPHA = _table("أ ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ى")
ARABIC_ABJAD = _table("أ ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ")
THAI = _table("กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ")
DEVANAGARI_CONSONANTS = _table("कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह")
AIUEO = _table("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ")
AIUEO_FULL = _table("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン")
IROHA = _table("ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳヰﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼヱﾋﾓｾｽﾝ")
IROHA_FULL = _table("イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン")
GANADA = _table("가나다라마바사아자차카타파하")
CHOSUNG = _table("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ")
STEMS = _table("甲乙丙丁戊己庚辛壬癸")
BRANCHES = _table("子丑寅卯辰巳午未申酉戌亥")
CHICAGO = _table("*†‡§")
KOREAN_NATIVE_UNITS = ["", *_table("하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉")]
KOREAN_NATIVE_TENS = ["", *_table("열 스물 서른 마흔 쉰 예순 일흔 여든 아흔")]

# digits 0-9, then the markers of ten, hundred and thousand
_IDEOGRAPHS = "〇一二三四五六七八九十百千"
_CHINESE_LEGAL = "零壹贰叁肆伍陆柒捌玖拾佰仟"
_TRADITIONAL_LEGAL = "零壹貳參肆伍陸柒捌玖拾佰仟"
_JAPANESE_LEGAL = "〇壱弐参四伍六七八九拾百阡"
_KOREAN = "영일이삼사오육칠팔구십백천"
_CIRCLE_ZERO = "○一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _repeated(table: list[str], n: int) -> str:
    """a … z, aa … zz: the letter for n, written once more for each pass through the alphabet."""
    return table[(n - 1) % len(table)] * ((n - 1) // len(table) + 1)


def _cycled(table: list[str], n: int) -> str:
    """The alphabet starting again after its last letter (Word's aiueo, ganada)."""
    return table[(n - 1) % len(table)]


def _bijective(table: list[str], n: int) -> str:
    """א … ת, אא, אב …: the alphabet as the digits of a number without zero."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, len(table))
        out = table[rest] + out
    return out


def _limited(table: list[str], n: int) -> str:
    """A short series (ten stems, twelve branches) that goes on in digits past its end."""
    return table[n - 1] if n <= len(table) else str(n)


def _digits(n: int, digits: str) -> str:
    """Digit by digit in another script: 10 → 一〇, ১০."""
    return "".join(digits[int(d)] for d in str(n))


def _counted(n: int, chars: str, style: str = "japanese") -> str:
    """Ideographic counting below 10,000, digit by digit beyond. "japanese" (and Korean) leaves out the
    one before every marker (十一, 百十); "chinese" only before a leading ten (十一, 一百一十) and writes the
    zero between digits (一百零一); "legal" never leaves the one out (壹拾, 壹佰零壹)."""
    if n >= 10_000:
        return _digits(n, chars)
    parts: list[str] = []
    gap = False  # a zero digit after a non-zero one
    for power, marker in ((1000, chars[12]), (100, chars[11]), (10, chars[10]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            gap = gap or bool(parts)
            continue
        if gap and style != "japanese":
            parts.append(chars[0])
        gap = False
        silent_one = digit == 1 and power > 1 and (style == "japanese" or (style == "chinese" and power == 10
                                                                           and not parts))
        parts.append(("" if silent_one else chars[digit]) + marker)
    return "".join(parts)


def _hebrew(n: int) -> str:
    """Hebrew numerals (gematria): יא for 11, and טו, טז for 15 and 16."""
    if n >= 1000:
        return str(n)
    out = "ת" * (n // 400)
    n %= 400
    hundreds = {1: "ק", 2: "ר", 3: "ש"}
    if n >= 100:
        out += hundreds[n // 100]
        n %= 100
    if n in (15, 16):
        return out + ("טו" if n == 15 else "טז")
    tens = "יכלמנסעפצ"
    if n >= 10:
        out += tens[n // 10 - 1]
        n %= 10
    return out + ("" if n == 0 else HEBREW[n - 1])


def _korean_native(n: int) -> str | None:
    return KOREAN_NATIVE_TENS[n // 10] + KOREAN_NATIVE_UNITS[n % 10] if n < 100 else None


def _enclosed(first: int, last: int, n: int) -> str:
    """Unicode's enclosed numbers (①, ⒈, ⑴) as far as Word prints them, then digits."""
    return chr(first + n - 1) if n <= last else str(n)


def _words(n: int, language: str, to: str, capital: bool = True) -> str | None:
    """"One", "First": num2words in the document's language, first letter capitalised as Word does."""
    try:
        text = str(num2words(n, lang=language, to=to))
    except (NotImplementedError, OverflowError):
        try:
            text = str(num2words(n, lang="en", to=to))
        except (NotImplementedError, OverflowError):
            return None
    return text[:1].upper() + text[1:] if capital else text


def _ordinal(n: int, language: str) -> str:
    """1st, 2nd, 3rd, 11th in English; 1er, 2e in French; num2words' short ordinal in the languages it
    has one for (1º in Spanish); English elsewhere."""
    if language == "fr":
        return "1er" if n == 1 else f"{n}e"
    if language != "en":
        try:
            return str(num2words(n, lang=language, to="ordinal_num"))
        except (NotImplementedError, OverflowError):
            pass
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_FORMATS: dict[str, Callable[[int, str], str | None]] = {
    "decimal": lambda n, _: str(n),
    "decimalHalfWidth": lambda n, _: str(n),
    "bahtText": lambda n, _: str(n),  # Word prints digits ([MS-OI29500])
    "decimalZero": lambda n, _: f"{n:02d}",
    "decimalFullWidth": lambda n, _: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n, _: str(n).translate(_FULL_WIDTH),
    "numberInDash": lambda n, _: f"- {n} -",
    "upperRoman": lambda n, _: roman(n).upper() if n < 4000 else str(n),
    "lowerRoman": lambda n, _: roman(n) if n < 4000 else str(n),
    "upperLetter": lambda n, _: letters(n).upper(),
    "lowerLetter": lambda n, _: letters(n),
    "ordinal": lambda n, language: _ordinal(n, language),
    "cardinalText": lambda n, language: _words(n, language, "cardinal"),
    "ordinalText": lambda n, language: _words(n, language, "ordinal"),
    "hex": lambda n, _: f"{n:X}",
    "chicago": lambda n, _: _repeated(CHICAGO, n),
    "decimalEnclosedCircle": lambda n, _: _enclosed(0x2460, 20, n),
    "decimalEnclosedCircleChinese": lambda n, _: _enclosed(0x2460, 20, n),
    "decimalEnclosedFullstop": lambda n, _: _enclosed(0x2488, 20, n),
    "decimalEnclosedParen": lambda n, _: _enclosed(0x2474, 20, n),
    "ideographEnclosedCircle": lambda n, _: _enclosed(0x3220, 10, n),
    "russianLower": lambda n, _: _repeated(RUSSIAN, n),
    "russianUpper": lambda n, _: _repeated(RUSSIAN, n).upper(),
    "hebrew1": lambda n, _: _hebrew(n),
    "hebrew2": lambda n, _: _bijective(HEBREW, n),
    "arabicAlpha": lambda n, _: _bijective(ARABIC_ALPHA, n),
    "arabicAbjad": lambda n, _: _bijective(ARABIC_ABJAD, n),
    "thaiLetters": lambda n, _: _bijective(THAI, n),
    "thaiNumbers": lambda n, _: _digits(n, "๐๑๒๓๔๕๖๗๘๙"),
    "thaiCounting": lambda n, _: _words(n, "th", "cardinal", capital=False),
    "hindiNumbers": lambda n, _: _digits(n, "०१२३४५६७८९"),
    "hindiVowels": lambda n, _: _repeated(DEVANAGARI_CONSONANTS, n),  # Word prints consonants ([MS-OI29500])
    "vietnameseCounting": lambda n, _: _words(n, "vi", "cardinal", capital=False),
    "aiueo": lambda n, _: _cycled(AIUEO, n),
    "aiueoFullWidth": lambda n, _: _cycled(AIUEO_FULL, n),
    "iroha": lambda n, _: _cycled(IROHA, n),
    "irohaFullWidth": lambda n, _: _cycled(IROHA_FULL, n),
    "ganada": lambda n, _: _cycled(GANADA, n),
    "chosung": lambda n, _: _cycled(CHOSUNG, n),
    "ideographDigital": lambda n, _: _digits(n, _IDEOGRAPHS),
    "japaneseDigitalTenThousand": lambda n, _: _digits(n, _IDEOGRAPHS),
    "taiwaneseDigital": lambda n, _: _digits(n, _IDEOGRAPHS),
    "koreanDigital2": lambda n, _: _digits(n, "零一二三四五六七八九"),
    "koreanDigital": lambda n, _: _digits(n, _KOREAN),
    "japaneseCounting": lambda n, _: _counted(n, _IDEOGRAPHS),
    "koreanCounting": lambda n, _: _counted(n, _KOREAN),
    # below 100 counted; from 100 on digit by digit with ○ ([MS-DOCX]: 一, 十, 一○○)
    "chineseCounting": lambda n, _: _counted(n, _IDEOGRAPHS, "chinese") if n < 100 else _digits(n, _CIRCLE_ZERO),
    "taiwaneseCounting": lambda n, _: _counted(n, _IDEOGRAPHS, "chinese") if n < 100 else _digits(n, _CIRCLE_ZERO),
    "chineseCountingThousand": lambda n, _: _counted(n, _IDEOGRAPHS, "chinese"),
    "taiwaneseCountingThousand": lambda n, _: _counted(n, _IDEOGRAPHS, "chinese"),
    "koreanLegal": lambda n, _: _korean_native(n),
    "chineseLegalSimplified": lambda n, _: _counted(n, _CHINESE_LEGAL, "legal"),
    "ideographLegalTraditional": lambda n, _: _counted(n, _TRADITIONAL_LEGAL, "legal"),
    "japaneseLegal": lambda n, _: _counted(n, _JAPANESE_LEGAL, "legal"),
    "ideographTraditional": lambda n, _: _limited(STEMS, n),
    "ideographZodiac": lambda n, _: _limited(BRANCHES, n),
    "ideographZodiacTraditional": lambda n, _: STEMS[(n - 1) % 10] + BRANCHES[(n - 1) % 12],
    "none": lambda n, _: "",
}
_PADDED = re.compile(r"(0*)1\s*,")  # a custom format "001, 002, 003, ..."


def format_number(n: int, fmt: str, language: str = "en", custom: str | None = None) -> str | None:
    """Word's text for the counter value `n` in the number format `fmt`; None where it is not known.

    `custom` is the w:format of a `custom` numFmt (Word 2010's "001, 002, 003, ..."). A value below 1
    (a list started at 0) is printed in digits by every format that counts from 1."""
    if fmt == "custom":
        padded = _PADDED.match(custom or "")
        return f"{n:0{len(padded.group(1)) + 1}d}" if padded else None
    if fmt == "bullet":
        return ""
    make = _FORMATS.get(fmt)
    if make is None:
        return None
    if n < 1 and fmt not in ("decimal", "decimalZero", "decimalHalfWidth", "none"):
        return str(n)
    return make(n, language.split("-")[0].lower() or "en")


# --- bullets -----------------------------------------------------------------
# The bullets Word's gallery offers, in the symbol fonts that hold them (Word stores the font's code,
# often in the private-use area U+F0xx) and their Unicode look-alikes.
_SYMBOL = {0xB7: "•", 0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xB0: "°", 0xAE: "→", 0x2D: "−",
           0xE0: "◊"}
_WINGDINGS = {0xA7: "▪", 0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x75: "◆", 0x76: "❖", 0xD8: "➢",
              0xFC: "✓", 0xFB: "✗", 0xE8: "➔"}
_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}


def bullet_text(text: str, font: str | None) -> str:
    """The Unicode text of a bullet level's lvlText: Symbol and Wingdings codes mapped, Word's "o" (set
    in Courier New for the second level) read as the white bullet it shows; "•" where nothing is left."""
    table = _FONTS.get((font or "").strip().lower(), {})
    out = []
    for ch in text:
        code = ord(ch) - 0xF000 if 0xF000 <= ord(ch) <= 0xF0FF else ord(ch)
        if table and code in table:
            out.append(table[code])
        elif 0xE000 <= ord(ch) <= 0xF8FF or (table and ch.isalnum()):
            out.append("•")  # a symbol font's glyph with no common look-alike
        else:
            out.append(ch)
    result = "".join(out).strip()
    if result == "o":
        return "◦"
    return result or "•"
