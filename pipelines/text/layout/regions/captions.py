"""Regions of photo captions: a caption in bold type read twice, a caption closed by an
unbracketed credit, a caption or source line broken over two lines."""

from __future__ import annotations

from dataclasses import replace

from ...params import (
    CAPTION_OPENER_MAX_WIDTH,
    CREDIT_CAPTION_MAX_WIDTH,
    DOUBLED_CAPTION_MIN_CHARS,
    DOUBLED_CAPTION_MIN_CJK,
    DOUBLED_CAPTION_MIN_CJK_WITH_CREDIT,
    DOUBLED_MAX_CHARS,
    WIDE_CAPTION_LINE,
)
from ...passes import rule
from ...patterns import CREDIT_CAPTION_RE, SENTENCE_FINAL, SPACED_CREDIT_RE, unescape
from ..shape import cjk_count, width
from ..state import LineItem, region_pass
from .toc import TOC_AUTHOR, is_toc_entry

DOUBLED = rule(
    "layout.regions.captions.doubled",
    "a photo caption in bold type that the OCR read twice: a caption, read once",
)
SECOND_COPY = rule(
    "layout.regions.captions.second_copy",
    "second copy of a bold photo caption that the OCR extracted twice",
    "duplicate",
)
CREDIT_CAPTION = rule(
    "layout.regions.captions.credit_caption",
    "a short paragraph closed by an unbracketed photo credit (`…新华社记者刘建生摄`)",
)
MULTILINE = rule(
    "layout.regions.captions.multiline",
    "a caption or source line broken over two lines by the column",
)


def split_doubled(token: str) -> str | None:
    """The token read once when it is a sequence of runs each printed twice
    (`长兴县开展长兴县开展““我为…` -> `长兴县开展“我为…`, `许许` -> `许`), else None; the
    second copies are the same text."""
    n = len(token)
    if n > DOUBLED_MAX_CHARS:
        return None  # no caption line is this long (and the recursion stays shallow)
    if n < 2 or token.find(token[0], 1, n // 2 + 1) < 0:
        return None  # its first character is not printed again: no run from it is doubled
    memo: dict[int, tuple[str, ...] | None] = {}

    def go(i: int) -> tuple[str, ...] | None:
        if i == n:
            return ()
        if i in memo:
            return memo[i]
        memo[i] = None
        # the runs from i, shortest first: a run's copy starts where its first character
        # is printed again (found by `str.find`, not by comparing every length)
        last = i + (n - i) // 2
        j = token.find(token[i], i + 1, last + 1)
        while j >= 0:
            if token.startswith(token[i:j], j):
                rest = go(2 * j - i)
                if rest is not None:
                    memo[i] = (token[i:j], *rest)
                    break
            j = token.find(token[i], j + 1, last + 1)
        return memo[i]

    runs = go(0)
    if runs is None:
        return None
    return "".join(runs)


def undouble_line(text: str) -> tuple[str, str] | None:
    """(the line read once, the second copies) when every word of it was read twice."""
    tokens = text.split()
    parts = []
    for token in tokens:
        part = split_doubled(token)
        if part is None:
            return None
        parts.append(part)
    if not tokens:
        return None
    return " ".join(p for p in parts if p), "".join(p for p in parts if p)


def _doubled_caption(text: str) -> tuple[str, str] | None:
    """A line every word of which was read twice, that reads as a photo caption: with its
    credit (`… 许 旭 摄`), or a long description (twelve characters or more; the title
    lines a magazine prints in such art are shorter)."""
    found = undouble_line(text) if len(text) >= DOUBLED_CAPTION_MIN_CHARS else None
    if not found:
        return None
    cjk = cjk_count(found[0])
    if cjk >= DOUBLED_CAPTION_MIN_CJK_WITH_CREDIT and SPACED_CREDIT_RE.search(found[0]):
        return found
    if cjk >= DOUBLED_CAPTION_MIN_CJK and not any(c in found[0] for c in "。；，"):
        return found
    return None


@region_pass("layout.regions.captions.doubled_captions")
def doubled_captions(items: list[LineItem]) -> None:
    """A photo caption whose bold type the OCR extracted twice (`…活动主题实践活动 许许
    旭旭 摄摄`): a caption, read once; the second copy is kept aside on the item and
    becomes a removed `duplicate` block. A line that the contents page or a byline marks
    as a title is left alone."""
    toc = None  # the contents' text, read when a first caption is found
    for k, it in enumerate(items):
        if it.kind != "text":
            continue
        found = _doubled_caption(it.text)
        if not found:
            continue
        if toc is None:
            toc = "".join(
                "".join(x.text.split())
                for x in items
                if is_toc_entry(x) or TOC_AUTHOR.match(x.text)
            )
        flat = "".join(found[0].split())
        nxt = items[k + 1].text if k + 1 < len(items) else ""
        if (toc and flat in toc) or nxt.startswith(("■", "/", "／")):
            continue
        text, doubled = found
        items[k] = replace(
            it.decide("caption", DOUBLED), text=text, doubled=doubled, width=width(text)
        )


@region_pass("layout.regions.captions.credit_captions")
def credit_captions(items: list[LineItem]) -> None:
    """A short paragraph of its own closed by an unbracketed photo credit (`3月5日，…开幕。
    新华社记者刘建生摄`) is a caption. Not the last line of a paragraph that runs on from
    the line before (a photo story whose text ends with the credit): the line before ends
    a sentence, or is a short line without a comma or full stop (a title, a byline)."""
    prev = None
    for k, it in enumerate(items):
        if (
            it.kind == "text"
            and "摄" in it.text  # (what a credit ends with: the pattern needs it)
            and it.width <= CREDIT_CAPTION_MAX_WIDTH
            and _opens_caption(prev)
            and CREDIT_CAPTION_RE.search(unescape(it.text))
        ):
            it = items[k] = it.decide("caption", CREDIT_CAPTION)
        prev = it


def _opens_caption(prev: LineItem | None) -> bool:
    """Can a caption start after this line? (It ends a sentence, or is a title or byline:
    short, without a comma or full stop; or no text line is before.)"""
    return (
        prev is None
        or prev.kind != "text"
        or prev.text[-1] in SENTENCE_FINAL
        or (prev.width <= CAPTION_OPENER_MAX_WIDTH and not any(c in prev.text for c in "，。；,"))
    )


@region_pass("layout.regions.captions.multiline_captions")
def multiline_captions(items: list[LineItem]) -> None:
    """`（…领导` + `小组办公室 提供）`: a source line broken by the column; and a caption
    whose first line is wider than the column."""
    for i, it in enumerate(items):
        if it.kind not in ("caption", "note") or it.group is not None:
            continue
        k = _caption_start(items, i)
        if k < i:
            gid = items[k].line.number
            for m in range(k, i + 1):
                items[m] = items[m].decide(it.kind, MULTILINE, gid)


def _caption_start(items: list[LineItem], i: int) -> int:
    """The first line of the caption or source line that item `i` closes."""
    it = items[i]
    # an opening bracket on an earlier line (a source line closed by its bracket)
    if "（" not in it.text and "(" not in it.text and it.text[-1] in "）)":
        for back in (1, 2):
            if (
                i - back >= 0
                and items[i - back].kind == "text"
                and items[i - back].text[0] in "（("
            ):
                return i - back
    # a wide caption line just before (photo captions run across the page)
    if i > 0 and it.kind == "caption":
        prev = items[i - 1]
        if (
            prev.kind == "text"
            and prev.width >= WIDE_CAPTION_LINE
            and prev.text[-1] not in SENTENCE_FINAL
        ):
            return i - 1
    return i
