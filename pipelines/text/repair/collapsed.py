"""Repair a web scrape whose paragraph breaks were collapsed: a whole report on a few lines
of many thousand characters, headings running into the text.

`split_run_in` finds the safe paragraph breaks of such a text; `split_long_blocks` cuts the
layout's body blocks longer than any real paragraph at them. Every rule is a generic
convention of Chinese official texts, never a string of one source.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Block
from ..params import CREDIT_CAPTION_MAX_WIDTH, ENUM_ITEM_MIN_CHARS, RUN_IN_MIN_CHARS
from ..passes import Counters, rule, stage_pass
from ..patterns import (
    CREDIT_CAPTION_RE,
    ESCAPE,
    ESCAPE_RE,
    FULL_STOP_CLOSED,
    FULL_WIDTH_STOPS,
    RUN_IN_CREDIT_RE,
    RUN_IN_DELIVERED_RE,
    RUN_IN_HEADING_NUMBERS,
    RUN_IN_SALUTATION_RE,
    SEPARATOR,
    WIRE_DATELINE,
)

if TYPE_CHECKING:
    from ..layout.state import LayoutState

__all__ = ["split_long_blocks", "split_run_in"]

ESCAPES = rule(
    "repair.collapsed.escapes",
    "literal character escapes (<U+00A0>) left by the web scraper",
    "web_chrome",
)
CREDIT_CAPTION = rule(
    "repair.collapsed.credit_caption",
    "a piece of a collapsed paragraph closed by a photo credit is a caption",
)
HEADING = rule(
    "repair.collapsed.heading",
    "a short piece of a collapsed paragraph that ends no sentence is a heading",
)

_END = re.compile(FULL_STOP_CLOSED)
_ENDS = re.compile(FULL_STOP_CLOSED + "$")
_SEP = re.compile(SEPARATOR)
# what starts a new paragraph when it follows a sentence end: a numbered heading or a
# dash bullet (`——经济运行稳中向好。`). Not `一是` / `第一，`: those run on inside
# ordinary paragraphs (seen in the seeds and in several corpus reports).
_PARA_START = re.compile("|".join((*RUN_IN_HEADING_NUMBERS, "——")))
# a numbered heading title followed by a separator: `三、2014年重点工作<U+00A0>做好…`
_HEAD_THEN_SEP = re.compile(
    rf"(?:{'|'.join(RUN_IN_HEADING_NUMBERS)})[^\s。！？!?；;，,：:<]{{2,40}}?(?=\s|{ESCAPE})"
)
# a salutation is not a paragraph of its own after these (it is inside a clause/quote)
_NO_BREAK_AFTER = frozenset("，、：:,“‘「『（(《—-")
_TRAILING_SEP = re.compile(SEPARATOR + "$")
_DATELINE = re.compile(WIRE_DATELINE)
_TITLE_PUNCT = re.compile(r"[，。；：！？、,;:!?]")


def split_run_in(text: str, min_chars: int = RUN_IN_MIN_CHARS) -> list[tuple[int, int]]:
    """Split a paragraph whose breaks were collapsed into (start, end) spans of `text`.

    Why: a scrape that lost its line breaks holds a whole report in one "paragraph";
    headings, bullets and salutations must become paragraphs again. Only safe breaks are
    used: after a sentence end followed by a separator (whitespace, `<U+00A0>` escapes),
    a numbered heading (`一、`, `（一）`, `第一章`, `1．`) or a dash bullet (`——`); around
    a salutation (`各位代表！`, `同志们：`); and between a numbered heading title and a
    separator. A run-in heading with no such cue (`一、2013年工作回顾过去一年…`) stays
    with its body. Texts shorter than `min_chars` are not split.

    Spans are trimmed of whitespace, in order, do not overlap, and together cover every
    non-whitespace character of `text` (a whitespace-only text gives []). Escapes such
    as `<U+00A0>` that stood between two paragraphs start the following span.
    """
    try:
        return _split_run_in(text, min_chars)
    except Exception:  # never raise: degrade to "one paragraph"
        return _trimmed(text, [0, len(text)])


def _trimmed(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    spans = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _split_run_in(text: str, min_chars: int) -> list[tuple[int, int]]:
    n = len(text)
    if n < min_chars:
        return _trimmed(text, [0, n])
    breaks: set[int] = set()
    _sentence_end_breaks(text, breaks)
    _salutation_breaks(text, breaks)
    _title_block_breaks(text, breaks)
    _long_enumeration_breaks(text, breaks)
    _heading_title_breaks(text, breaks)
    return _trimmed(text, [0, *sorted(b for b in breaks if 0 < b < n), n])


def _sentence_end_breaks(text: str, breaks: set[int]) -> None:
    """After a sentence end: a separator, a numbered heading or a salutation opens a
    paragraph."""
    n = len(text)
    for m in _END.finditer(text):
        e = m.end()
        if e >= n:
            continue
        sep = _SEP.match(text, e)
        if sep is not None:
            if sep.end() < n:
                breaks.add(e)
        elif _PARA_START.match(text, e) or RUN_IN_SALUTATION_RE.match(text, e):
            breaks.add(e)


def _salutation_breaks(text: str, breaks: set[int]) -> None:
    """A salutation (`各位代表：`) is a paragraph of its own, unless a clause runs into it."""
    n = len(text)
    for m in RUN_IN_SALUTATION_RE.finditer(text):
        before = _TRAILING_SEP.sub("", text[max(0, m.start() - 200) : m.start()])
        if m.start() > 0 and (not before or before[-1] not in _NO_BREAK_AFTER):
            breaks.add(m.start())
        if m.end() < n:
            breaks.add(m.end())


def _heading_title_breaks(text: str, breaks: set[int]) -> None:
    """A numbered heading title set off by a separator from the text after it."""
    n = len(text)
    cuts = sorted(b for b in breaks if 0 < b < n)
    for s in [0, *cuts]:
        t = s
        while t < n and text[t].isspace():
            t += 1
        m = _HEAD_THEN_SEP.match(text, t)
        if m is None:
            continue
        nxt = bisect_right(cuts, s)
        limit = cuts[nxt] if nxt < len(cuts) else n
        sep = _SEP.match(text, m.end())
        if sep is not None and sep.end() < limit:
            breaks.add(m.end())


_ORDINAL_ITEM = re.compile(rf"(?<=[{FULL_WIDTH_STOPS}])([一二三四五六七八九十])是")
_ORDINALS = "一二三四五六七八九十"


def _long_enumeration_breaks(text: str, breaks: set[int]) -> None:
    """`一是…` / `二是…` items each of paragraph length (every one at least
    ENUM_ITEM_MIN_CHARS) after a sentence end: each item opens a paragraph. The short
    enumerations that run on inside a paragraph (`一是加强学习。二是狠抓落实。`) stay."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2 and all(b - a >= ENUM_ITEM_MIN_CHARS for a, b in itertools.pairwise(run)):
            breaks.update(run)

    for m in _ORDINAL_ITEM.finditer(text):
        k = _ORDINALS.index(m.group(1))
        if run and k == len(run):
            run.append(m.start())
        else:
            close()
            run = [m.start()] if k == 0 else []
    close()


def _opens(text: str, at: int, breaks: set[int]) -> bool:
    """Does a paragraph-like unit start at `at`: the text's start, a break, or a separator
    or sentence end right before it?"""
    before = _TRAILING_SEP.sub("", text[:at])
    return (
        not before or len(before) in breaks or len(before) < at or _ENDS.search(before) is not None
    )


def _title_block_breaks(text: str, breaks: set[int]) -> None:
    """Breaks of a collapsed title block (`…开幕。<U+00A0>新华社记者某某摄<U+00A0>新华社北京
    3月14日电政府工作报告——2014年3月5日在…会议上国务院总理<U+00A0>某某各位代表：`): a
    photo caption keeps its credit and ends after it; a wire dateline stands alone; a short
    title and its `——…在…上` delivery subtitle part, and the subtitle ends before the
    byline that follows it."""
    n = len(text)
    for m in RUN_IN_CREDIT_RE.finditer(text):
        if not _opens(text, m.start(), set()):
            continue
        after = _SEP.match(text, m.end())
        if m.end() < n and after is None and not _DATELINE.match(text, m.end()):
            continue  # a credit runs on into more text: not the end of a caption
        breaks.discard(len(_TRAILING_SEP.sub("", text[: m.start()])))  # caption + credit
        if m.end() < n:
            breaks.add(m.end())
    for m in _DATELINE.finditer(text):
        if _opens(text, m.start(), breaks):
            breaks.add(len(_TRAILING_SEP.sub("", text[: m.start()])))  # escapes go with it
            breaks.add(m.end())
    for m in RUN_IN_DELIVERED_RE.finditer(text):
        start = max((b for b in breaks if b <= m.start()), default=0)
        title = _TRAILING_SEP.sub("", _SEP.sub(" ", text[start : m.start()])).strip()
        if 2 <= len(title) <= 40 and not _TITLE_PUNCT.search(title):
            breaks.add(m.start())
            breaks.add(m.end())


@stage_pass("repair.collapsed.split_long_blocks", requires=("blocks",), assigns=("blocks",))
def split_collapsed(state: LayoutState, counters: Counters) -> LayoutState:
    """Body blocks longer than any real paragraph (a scrape whose breaks were collapsed)
    are cut at their safe paragraph breaks."""
    return replace(state, blocks=tuple(split_long_blocks(list(state.blocks))))


def split_long_blocks(blocks: list[Block]) -> list[Block]:
    """Cut body blocks longer than any real paragraph at `split_run_in`'s spans.

    The pieces keep the raw line range of the block they came from (the line held them
    all). Literal `<U+00A0>` escapes go to a removed block, as layout does for escapes at a
    line's start: those that stood between two paragraphs, and those inside a piece, which
    stood for a space (`国务院总理<U+00A0>李克强` reads `国务院总理 李克强`). A piece
    closed by a photo credit (`…开幕。 新华社记者某某摄`) is a caption."""
    from ..layout.shape import clean_spaces, looks_like_heading  # (layout imports repair)

    out: list[Block] = []
    for block in blocks:
        if block.removed or block.kind != "body" or len(block.text) < RUN_IN_MIN_CHARS:
            out.append(block)
            continue
        for start, end in split_run_in(block.text):
            piece = block.text[start:end]
            escapes = ESCAPE_RE.findall(piece)
            if escapes:
                out.append(_escapes_block("".join(escapes), block))
                piece = clean_spaces(ESCAPE_RE.sub(" ", piece))
                if not piece:
                    continue
            kind, found = "body", None
            if CREDIT_CAPTION_RE.search(piece) and len(piece) <= CREDIT_CAPTION_MAX_WIDTH:
                kind, found = "caption", CREDIT_CAPTION.id
            elif looks_like_heading(piece):
                kind, found = "heading", HEADING.id
            out.append(
                Block(
                    text=piece,
                    line_start=block.line_start,
                    line_end=block.line_end,
                    kind=kind,
                    lines=block.lines,
                    rule=found,
                )
            )
    return out


def _escapes_block(text: str, block: Block) -> Block:
    return Block(
        text=text.strip(),
        line_start=block.line_start,
        line_end=block.line_end,
        kind="removed",
        removed_kind=ESCAPES.removed_kind,
        reason=ESCAPES.reason,
        lines=block.lines,
        rule=ESCAPES.id,
    )
