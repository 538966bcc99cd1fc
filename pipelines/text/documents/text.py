"""Small text helpers of the documents stage: layout spaces, doubled OCR text, titles.

Printed titles and bylines carry spaces that only come from typesetting (`杨 晨`, `经 济`,
`2024年 1月23日`) and overlaid title art that OCR reads twice (`先行探索先行探索`). The
helpers here undo that without touching the spaces a title really has between two phrases
(`心中有信仰 脚下有力量`).

The stage's rules read a block's text many times over (a title candidate is tried by the
start rules, the title group, the metadata, the sections): the helpers that make a new
text remember the last `TEXT_MEMO_ENTRIES` they made.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..params import TEXT_MEMO_ENTRIES
from ..patterns import DOCUMENT_FINAL, HAN_EXT_A, unescape

_HAN_RE = re.compile(f"[{HAN_EXT_A}]")


@lru_cache(maxsize=TEXT_MEMO_ENTRIES)
def plain(text: str) -> str:
    """Text for classification: literal `<U+00A0>` escapes of bad scrapes become spaces."""
    return unescape(text).strip()


@lru_cache(maxsize=TEXT_MEMO_ENTRIES)
def flat(text: str) -> str:
    """The text without any whitespace (`经 济` -> `经济`), to compare and match."""
    return "".join(text.split())


def ends_sentence(text: str) -> bool:
    """True when text ends like a finished sentence (a paragraph can close there)."""
    t = text.rstrip()
    return bool(t) and t[-1] in DOCUMENT_FINAL


def cjk_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


def remove_layout_spaces(text: str) -> str:
    """Drop spaces that only come from typesetting; keep one space between two phrases.

    A space next to a one-character token (`杨 晨`, `经 济`) or next to a digit or a date
    character (`2024年 1月`) is layout; a space between two words of two or more
    characters (`心中有信仰 脚下有力量`) is printed and kept as one ASCII space.
    """
    tokens = text.replace("\u3000", " ").split()
    if not tokens:
        return ""
    out = tokens[0]
    prev = tokens[0]
    for tok in tokens[1:]:
        glue = " "
        if (
            len(prev) == 1
            or len(tok) == 1
            or prev[-1].isdigit()
            or tok[0].isdigit()
            or prev[-1] in "年月日"
            or tok[0] in "年月日"
        ):
            glue = ""
        elif not (_HAN_RE.match(prev[-1]) or prev[-1] in "”」》）") or not (
            _HAN_RE.match(tok[0]) or tok[0] in "“「《（"
        ):
            glue = " " if prev[-1].isalnum() and tok[0].isalnum() else ""
        out += glue + tok
        prev = tok
    return out


_DOUBLED_RE = re.compile(r"(.{3,}?)\1")


@lru_cache(maxsize=TEXT_MEMO_ENTRIES)
def undouble(text: str) -> str:
    """Collapse title art read twice by OCR (`先行探索先行探索` -> `先行探索`).

    Only runs of three or more characters are collapsed; when that happened, a doubled
    first character (`让让文学之花…`) is collapsed too (the same overlay).
    """
    if not _repeats_a_trigram(text):
        return text  # (a run read twice repeats its first three characters)
    new = text
    for _ in range(5):
        nxt = _DOUBLED_RE.sub(r"\1", new)
        if nxt == new:
            break
        new = nxt
    if new != text and len(new) > 2 and new[0] == new[1] and _HAN_RE.match(new[0]):
        new = new[1:]
    new = re.sub(r"([“”「」])\1", r"\1", new) if new != text else new
    return new


def _repeats_a_trigram(text: str) -> bool:
    """Could the text hold a run of three characters or more printed twice in a row? Only
    if three characters in a row occur twice, three apart or more (so that three of its
    characters occur twice): both counted in C."""
    if len(set(text)) > len(text) - 3:
        return False
    return len(set(zip(text, text[1:], text[2:], strict=False))) < len(text) - 2


def doubled(text: str) -> bool:
    """Title art read twice (`先行探索先行探索`)."""
    squeezed = flat(text)
    return undouble(squeezed) != squeezed


@lru_cache(maxsize=TEXT_MEMO_ENTRIES)
def clean_title(text: str) -> str:
    """A title as printed: joined lines, no layout spaces, no doubled OCR art."""
    lines = [plain(ln) for ln in text.splitlines() if plain(ln)]
    joined = "".join(remove_layout_spaces(ln) for ln in lines)
    return undouble(joined).strip()
