"""The shape of a printed line: its width, how it ends, what it opens with.

Widths are in ems: a CJK character or full-width sign is 1, a digit or Latin letter one
half, so that a line of a magazine column (14–18 ems) and one of a report (~40) compare.
"""

from __future__ import annotations

import re

from ..params import HEADING_MAX_CHARS, HEADING_MAX_WIDTH
from ..patterns import (
    CJK,
    CJK_RE,
    CLOSING_MARKS,
    CN_NUMERALS,
    DATE_ALONE_RE,
    FULL_WIDTH_SIGNS,
    LINE_LABEL_RE,
    RUN_ON_ENDS,
    SENTENCE_FINAL,
    YEAR_LINE_RE,
)

_CJKISH = re.compile(f"[{CJK}{FULL_WIDTH_SIGNS}]")
_LONG_NUMBER = re.compile(r"\d{7,}")


_NARROW = re.compile(r"[^\s\u2000-\U0010ffff]")  # visible characters below U+2000
_LATIN_EXTENDED_TO_GREEK_EXTENDED = re.compile(r"[\u0100-\u1fff]")


def width(text: str) -> float:
    """Printed width in ems: CJK and full-width signs 1, ASCII (digits, Latin) one half; a
    space one half, an ideographic space 1, other whitespace nothing. Visible characters
    below U+2000 are narrow, the others wide. (This runs on every line of every source:
    the narrow ones are counted in C, by encoding, where no character of U+0100–U+1FFF
    makes a pattern necessary.)"""
    visible = "".join(text.split())
    if visible.isascii():
        narrow = len(visible)
    elif _LATIN_EXTENDED_TO_GREEK_EXTENDED.search(visible) is None:
        narrow = len(visible.encode("latin-1", "ignore"))  # those below U+0100
    else:
        narrow = len(_NARROW.findall(visible))
    return 0.5 * (narrow + text.count(" ")) + (len(visible) - narrow) + text.count("\u3000")


def cjk_count(text: str) -> int:
    return len(CJK_RE.findall(text))


def clean_spaces(text: str) -> str:
    """Drop whitespace that only came from layout.

    Characters spaced out by the printer (`杨 晨`, `经 济`, `（袁  云  摄）`) are joined;
    a space between two words of several characters (`同日 越城区`, `杨 晨 沈佳薇`) and any
    space next to Latin letters or digits is kept as one space.
    """
    tokens = text.split()
    if not tokens:
        return ""
    out = tokens[0]
    prev = tokens[0]
    for tok in tokens[1:]:
        between_cjk = _CJKISH.match(prev[-1]) is not None and _CJKISH.match(tok[0]) is not None
        spaced = cjk_count(prev) <= 1 and cjk_count(tok) <= 1
        out += "" if between_cjk and spaced else " "
        out += tok
        prev = tok
    return out


def join_lines(parts: list[str]) -> str:
    """The lines of one paragraph joined: no space between CJK lines, one between two
    Latin words or numbers (`open` / `dataset`)."""
    out = ""
    for p in parts:
        p = p.strip()
        if (
            out
            and p
            and out[-1].isascii()
            and out[-1].isalnum()
            and p[0].isascii()
            and p[0].isalnum()
        ):
            out += " "
        out += p
    return clean_spaces(out)


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (closing quotes/brackets looked through)."""
    t = text.rstrip()
    while t and t[-1] in CLOSING_MARKS:
        if len(t) >= 2 and t[-2] in SENTENCE_FINAL:
            return True
        t = t[:-1]
    return bool(t) and t[-1] in SENTENCE_FINAL


def ends_colon(text: str) -> bool:
    """`…工作：`: the line announces what follows."""
    return text.endswith(("：", ":"))


def runs_on(text: str) -> bool:
    """`…全面推进各项`, `…加强，`: the line's sentence runs on into the next line."""
    return text.endswith(RUN_ON_ENDS)


#: What a heading number of `LINE_LABEL_RE` opens with, but a digit: on a line opening with
#: anything else, the pattern is not tried.
_LABEL_OPENERS = frozenset(CN_NUMERALS + "（(同第—-")


def is_label_start(text: str) -> bool:
    """Does the line start with a heading number (`一、`, `（一）`, `1．`, `51. `, `第一章`, `——`)?"""
    t = text.strip()
    if t[:1] not in _LABEL_OPENERS and not t[:1].isdecimal():
        return False
    return bool(LINE_LABEL_RE.match(t))


def is_date_line(text: str) -> bool:
    """A full date alone on its line: it never runs on from, or into, another line."""
    return "日" in text and bool(DATE_ALONE_RE.match(text.strip()))


def looks_like_heading(text: str) -> bool:
    """A short kept paragraph that does not end a sentence: an obvious title or heading."""
    t = text.strip()
    if not t or len(t) > HEADING_MAX_CHARS or width(t) > HEADING_MAX_WIDTH:
        return False
    if t[-1] in SENTENCE_FINAL or t[-1] in "，、：:,;；" or t.endswith(RUN_ON_ENDS):
        return False
    if len(t) >= 2 and t[-1] in CLOSING_MARKS and t[-2] in SENTENCE_FINAL:
        return False
    if YEAR_LINE_RE.match(t) or _LONG_NUMBER.search(t):
        return False  # a date line, a line with a telephone or account number
    return CJK_RE.search(t) is not None
