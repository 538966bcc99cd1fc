"""Numbered headings: the numbering schemes of Chinese official documents, and the heading
a block opens with.

Documents number their headings `一、` > `（一）` > `1．` > `（1）`, or `第一章`, but a given
document may skip a level or start at `1．`; a yearbook excerpt may start at `十二、` with
items `51.`. The level of a scheme is decided per document by the tree (`tree.py`), from
the order in which schemes nest.

A heading may stand on its own line (the block becomes kind `heading`) or run on into its
paragraph (`1．慎终如始抓好疫情防控。疫情发生后，…`): then the section title is the heading
sentence and the paragraph stays one body block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.dates import CN_DIGITS
from ..documents.text import plain, remove_layout_spaces
from ..model import Block

_CN_NUM = "一二三四五六七八九十百零〇"

# (scheme name, pattern); the label is group 1, the number group 2.
_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^\s*(第([{_CN_NUM}]+)章)\s*")),
    ("jie", re.compile(rf"^\s*(第([{_CN_NUM}]+)节)\s*")),
    ("part", re.compile(rf"^\s*(第([{_CN_NUM}]+)部分)\s*")),
    ("cn", re.compile(rf"^\s*(([{_CN_NUM}]+)\s*、)\s*")),
    ("paren_cn", re.compile(rf"^\s*([（(]([{_CN_NUM}]+)[）)])\s*")),
    ("arabic", re.compile(r"^\s*((\d{1,3})\s*[．.](?!\d))\s*")),
    ("paren_arabic", re.compile(r"^\s*([（(](\d{1,2})[）)])\s*")),
    ("circled", re.compile(r"^\s*(([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\s*")),
    ("bullet", re.compile(r"^\s*(●)()\s*")),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

#: longest heading sentence accepted for a run-in heading
RUNIN_MAX = 70
#: a top-level heading (`一、`, `第一章`) that the reflow glued to its paragraph keeps its
#: place in the tree even when its sentence runs long (its title then holds body words)
RUNIN_MAX_TOP = 160
#: longest stand-alone heading line
STANDALONE_MAX = 80
_STOPS = "。！？；"
_DANGLING = "用的和与在对把将以及为从向"


@dataclass
class ParsedHeading:
    """The numbered heading a block opens with."""

    scheme: str
    label: str
    number: int | None
    title: str
    standalone: bool


def cn_to_int(text: str) -> int | None:
    """`十二` -> 12, `一百零三` -> 103; None when not a Chinese numeral."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _number(scheme: str, raw: str) -> int | None:
    if scheme == "circled":
        return _CIRCLED.index(raw) + 1 if raw in _CIRCLED else None
    if scheme == "bullet":
        return None
    return int(raw) if raw.isdigit() else cn_to_int(raw)


def parse_heading(block: Block) -> ParsedHeading | None:
    """The numbered (or markdown, or ● bullet) heading a block opens with, or None (false
    positives filtered: `1. 2020年…`, `3.5%`, a long numbered sentence)."""
    if block.kind not in {"body", "heading"}:
        return None
    text = plain(block.text)
    if block.md_level is not None:
        title = text.lstrip("#").strip()
        return (
            ParsedHeading(f"md{block.md_level}", "#" * block.md_level, None, title, True)
            if title
            else None
        )
    for scheme, pattern in _SCHEMES:
        m = pattern.match(text)
        if m:
            return _numbered(scheme, m, text)
    return None


def _numbered(scheme: str, m: re.Match[str], text: str) -> ParsedHeading | None:
    label = m.group(1).replace(" ", "")
    number = _number(scheme, m.group(2))
    rest = text[m.end() :].strip()
    if not rest or (number is None and scheme != "bullet"):
        return None
    if scheme == "arabic" and (number is None or number == 0 or number > 200):
        return None
    if scheme in {"arabic", "paren_arabic"} and re.match(r"^[\d%％年月日万亿元]", rest):
        # `1. 2020年…`, `3.5%`: a number in a sentence, not a heading
        return None
    flat = remove_layout_spaces(rest)
    stop = min((flat.find(c) for c in _STOPS if c in flat), default=-1)
    if stop == -1:
        if len(flat) > STANDALONE_MAX or flat[-1:] in "，、：":
            return None
        return ParsedHeading(scheme, label, number, flat.rstrip("：:"), True)
    if stop == len(flat) - 1 and len(flat) <= STANDALONE_MAX:
        return ParsedHeading(scheme, label, number, flat[:stop], True)
    limit = RUNIN_MAX_TOP if scheme in {"cn", "chapter", "part"} else RUNIN_MAX
    if stop > limit or stop < 2:
        return None
    return ParsedHeading(scheme, label, number, flat[:stop], False)


def completed_title(title: str, next_text: str | None) -> str:
    """A heading line cut by the extraction (`（二）坚持不懈用` / `新时代…凝心铸魂。…`):
    its title ends on a preposition, so the next paragraph's first words finish it."""
    if not title or title[-1] not in _DANGLING or next_text is None:
        return title
    nxt = remove_layout_spaces(plain(next_text))
    stop = min((nxt.find(c) for c in _STOPS if c in nxt), default=-1)
    return title + nxt[:stop] if 0 < stop <= 40 else title


def plausible(
    scheme: str,
    number: int | None,
    standalone: bool,
    levels: dict[str, int],
    last_number: dict[str, int],
) -> bool:
    """Numbers must continue their sequence: a stray `1.` inside a list is not a heading."""
    if number is None:
        return True
    prev = last_number.get(scheme)
    if prev is not None:
        return number == prev + 1
    if scheme not in levels:
        # a scheme first met: it opens at 1, or (an excerpt) anywhere when it is the
        # first scheme of the document or a stand-alone line
        return number == 1 or not levels or standalone or scheme in {"cn", "arabic"}
    return number == 1
