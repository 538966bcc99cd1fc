"""Input-quality warnings: a file that decodes, but whose text is damaged or not Chinese.

Such a file is still ingested (its text may be all the user has, and the rows keep their
provenance), but `sources.warnings` says what was seen, so that one query finds the files to
check: `select file_name, warnings from sources where len(warnings) > 0`.

Each detector takes the decoded text of a source (before normalisation, which would remove
the C1 controls and soft hyphens that Latin-1 mojibake is made of) and returns a warning
sentence or None. The mojibake detectors undo the suspected mistake on the suspicious runs
and count the common Chinese characters that come back: text that really is what it looks
like gives back none, or rare ones.
"""

import re
from collections.abc import Callable

import regex

#: A detector: normalised text -> warning sentence, or None.
Detector = Callable[[str], str | None]

#: Fewest characters a mojibake detector must recover before it warns: one pair of bytes
#: that reads back by chance is no sign.
MIN_RECOVERED = 3
#: Below this share of Chinese characters among its letters a text is not Chinese. An
#: English page has none; a bilingual Chinese-English one about a fifth (a word is one or
#: two characters in Chinese, five or six letters in English), and is not warned about.
MIN_HAN_SHARE = 0.15
#: Above this share of kana among its letters a text is Japanese, whatever its kanji.
MAX_KANA_SHARE = 0.05


def _single_byte_table() -> dict[str, int]:
    """Character -> byte of the Windows-1252 code page, extended by Latin-1 for the five
    bytes 1252 leaves undefined: what a program that read bytes as 'ANSI' produced."""
    table = {chr(b): b for b in range(0x80, 0x100)}
    for b in range(0x80, 0xA0):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            continue
    return table


_SINGLE_BYTE = _single_byte_table()
# Runs of two or more characters that a single-byte code page gives for bytes >= 0x80:
# `å…³äºŽ` is `关于` (UTF-8 bytes E5 85 B3 E4 BA 8E) read as Windows-1252.
_SINGLE_BYTE_RUN = regex.compile("[" + regex.escape("".join(_SINGLE_BYTE)) + "]{2,}")
_NOT_HAN = regex.compile(r"\P{Han}+")
_NOT_LETTER = regex.compile(r"\P{L}+")
_NOT_KANA = regex.compile(r"[^\p{Hiragana}\p{Katakana}]+")
_HAN_RUN = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]{2,}")
#: The two ways bytes >= 0x80 can be read back: (name in warnings, Python codec).
_CODECS = {"UTF-8": "utf-8", "GBK": "gbk"}
#: Scripts named when a text is not Chinese, in the order they are tried.
_SCRIPTS = ("Latin", "Cyrillic", "Hangul", "Arabic", "Greek", "Hebrew", "Thai", "Devanagari")


def _common_characters() -> frozenset[str]:
    """The 3,755 first-level characters of GB 2312, its punctuation and its full-width forms
    (rows 0xA1, 0xA3 and 0xB0-0xD7): the characters of everyday Chinese text."""
    chars = set()
    for lead in [0xA1, 0xA3, *range(0xB0, 0xD8)]:
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


_COMMON = _common_characters()
# (the stdlib engine: `regex` is some fifty times slower on a class this large)
_NOT_COMMON = re.compile("[^" + re.escape("".join(sorted(_COMMON))) + "]+")


def _count(others: "re.Pattern[str] | regex.Pattern[str]", text: str) -> int:
    """How many characters of `text` are left once `others` (runs of the rest) are cut out."""
    return len(others.sub("", text))


def _common(text: str) -> int:
    return _count(_NOT_COMMON, text)


def _clean_common(back: str) -> int:
    """The common characters of a reading if nearly all it gives back is common, else 0."""
    others = [c for c in back if not c.isascii()]
    common = _common(back)
    return common if 5 * common >= 4 * len(others) else 0


def source_warnings(text: str) -> list[str]:
    """The warnings on one source, from its decoded text; empty if none. The language is
    judged only on undamaged text: mojibake or lost characters leave few Chinese characters
    in a Chinese file, and that is already said."""
    warnings = [warning for detect in DAMAGE_DETECTORS if (warning := detect(text))]
    if not warnings and (warning := not_chinese(text)):
        warnings.append(warning)
    return warnings


def _shown(text: str) -> str:
    """A piece of text quoted in a warning, its invisible characters as escapes."""
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in text)


def single_byte_mojibake(text: str) -> str | None:
    """Text read as Windows-1252 or Latin-1 and saved again: UTF-8 `关于进一步` became
    `å…³äºŽè¿›ä¸€æ­¥` (and `“` became `â€œ`), GBK `关于` became `¹ØÓÚ`. Each run of such
    characters is turned back into bytes and read as UTF-8 and as GBK; the reading that
    gives back more common characters wins the run (reading bytes the wrong way gives rare
    ones: `涓`, `鍏`, or Cyrillic)."""
    found = {"UTF-8": 0, "GBK": 0}
    examples: dict[str, tuple[str, str]] = {}
    for run in _SINGLE_BYTE_RUN.findall(text):
        data = bytes(_SINGLE_BYTE[c] for c in run)
        readings = {name: data.decode(codec, errors="replace") for name, codec in _CODECS.items()}
        scores = {name: _clean_common(back) for name, back in readings.items()}
        reading = max(scores, key=lambda name: scores[name])
        if scores[reading]:
            found[reading] += scores[reading]
            examples.setdefault(reading, (run[:12], readings[reading][:4]))
    warnings = [
        f"mojibake: {n:,} characters are {reading} text read as Latin-1/Windows-1252 "
        f"(`{_shown(examples[reading][0])}` reads `{_shown(examples[reading][1])}`)"
        for reading, n in found.items()
        if n >= MIN_RECOVERED
    ]
    return "; ".join(warnings) or None


def utf8_read_as_gbk(text: str) -> str | None:
    """UTF-8 text read as GBK and saved again: `鍏充簬杩涗竴姝` for `关于进一步`. The Chinese
    runs are turned back into GBK bytes and read as UTF-8; a run counts when it gives back
    common characters for at least a third of its length (real text gives back one by
    chance, never a run)."""
    recovered, example = 0, None
    for run in _HAN_RUN.findall(text):
        if 3 * _common(run) > 2 * len(run):
            continue  # mostly common characters: real text (mojibake is mostly rare ones)
        back = run.encode("gb18030").decode("utf-8", errors="replace")
        found = _common(back)
        if found >= 2 and 3 * found >= len(run) and found >= back.count("\ufffd"):
            recovered += found
            example = example or (run[:8], back[:6])
    if recovered < MIN_RECOVERED or example is None:
        return None
    return (
        f"mojibake: {recovered:,} characters are UTF-8 text read as GBK "
        f"(`{_shown(example[0])}` reads `{_shown(example[1])}`)"
    )


def lost_characters(text: str) -> str | None:
    """Characters lost before the file reached us: U+FFFD replacement characters (GBK read as
    UTF-8 with errors replaced) and `锟斤拷`, those replacement characters' UTF-8 bytes read
    as GBK in turn."""
    replaced = text.count("\ufffd")
    kunjinkao = text.count("锟斤")
    if not replaced and not kunjinkao:
        return None
    parts = []
    if replaced:
        parts.append(f"{replaced:,} replacement characters (U+FFFD)")
    if kunjinkao:
        parts.append(f"{kunjinkao:,} `锟斤拷` (replacement characters read as GBK)")
    return (
        "lost text: "
        + " and ".join(parts)
        + " stand for characters an earlier wrong decoding threw away"
    )


def not_chinese(text: str) -> str | None:
    """A text whose letters are mostly not Chinese characters: an English page, a Japanese
    one (its kana give it away, however many kanji it has)."""
    letters = _count(_NOT_LETTER, text)
    if not letters:
        return None
    han = _count(_NOT_HAN, text)
    kana = _count(_NOT_KANA, text)
    if han >= MIN_HAN_SHARE * letters and kana <= MAX_KANA_SHARE * letters:
        return None
    script = "Japanese kana" if kana > MAX_KANA_SHARE * letters else _main_other_script(text)
    return (
        f"not Chinese: {han / letters:.0%} of its {letters:,} letters are Chinese characters; "
        f"most others are {script}"
    )


def _main_other_script(text: str) -> str:
    counts = {name: _count(regex.compile(rf"\P{{{name}}}+"), text) for name in _SCRIPTS}
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count else "of other scripts"


#: The detectors of damaged text, in the order their warnings are listed.
DAMAGE_DETECTORS: tuple[Detector, ...] = (single_byte_mojibake, utf8_read_as_gbk, lost_characters)
