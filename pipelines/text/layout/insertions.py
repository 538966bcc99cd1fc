"""Lines a flattened page set in the middle of a paragraph: titles printed over a place
label, display titles, running labels, captions. The paragraph they cut goes on after
them (`resumption`), and they stand alone."""

from __future__ import annotations

import re
from collections import Counter

from ..params import (
    COLUMN_TOLERANCE,
    FULL_LINE_MARGIN,
    JUSTIFIED_MIN_SPACES,
    MAX_INSERTED_LINES,
    OPEN_LINE_MARGIN,
    PRINTED_LABEL_MAX_CHARS,
    RESUME_LOOKAHEAD,
    SHORT_LINE_MARGIN,
    TITLE_LABEL_LOOKAHEAD,
    TITLE_OVER_LABEL_MIN_CJK,
)
from ..patterns import (
    CJK_RE,
    HAN,
    ORG_LINE_RE,
    PLACE_LABEL_RE,
    SENTENCE_MARKS_OR_QUOTES_RE,
    SENTENCE_MARKS_RE,
)
from .breaks import LineShape
from .shape import cjk_count, ends_sentence, is_label_start
from .state import LineItem

#: A label word: two to six Chinese characters alone on a line (`特别报道`).
LABEL_WORD = re.compile(f"[{HAN}]{{2,6}}")
_DIGIT_OR_QUOTE = re.compile(r"[\d０-９“”‘’\"]")


def titles_over_labels(items: list[LineItem]) -> set[int]:
    """Indices of title lines printed over a place label (`…新篇章` / `温州市`): a line of
    six or more characters without punctuation, followed within three lines (a photo
    caption or an OCR glyph between) by a line that is only a place label; and of
    `——…` subtitle lines without punctuation that cut a sentence. A magazine that
    flattens its pages drops such lines in the middle of a paragraph; they stand alone,
    and the paragraph does not continue through them."""
    out: set[int] = set()
    prev: LineItem | None = None
    for i, it in enumerate(items):
        if it.kind != "text":
            continue
        before, prev = prev, it
        if (
            SENTENCE_MARKS_OR_QUOTES_RE.search(it.text)
            or cjk_count(it.text) < TITLE_OVER_LABEL_MIN_CJK
        ):
            continue
        if (
            it.text.startswith("——")
            and before is not None
            and not ends_sentence(before.text)
            and not before.text.endswith(("：", ":", "——"))
        ):
            out.add(i)  # a `——…` subtitle dropped into a sentence cut by the page
            continue
        for nxt in items[i + 1 : i + 1 + TITLE_LABEL_LOOKAHEAD]:
            if nxt.kind == "text" and PLACE_LABEL_RE.match(nxt.text.strip()):
                out.add(i)
                break
            if nxt.kind == "text" and CJK_RE.search(nxt.text):
                break  # more text before any label: not a title over a label
    return out


def printed_twice(items: list[LineItem]) -> frozenset[str]:
    """Short lines the source prints more than once, layout spaces and `>>` marks left out
    (`特别报道` and `>>特别报道` in the contents, `经 济` and `经济`): labels of the layout."""
    counts = Counter(
        flat
        for it in items
        if len(flat := "".join(it.text.lstrip(">》＞").split())) <= PRINTED_LABEL_MAX_CHARS
        and it.text.strip()
    )
    return frozenset(t for t, n in counts.items() if n >= 2)


def open_line(a: LineShape, col: float, *, first: bool = False) -> bool:
    """A full column line (a first line: less its lost indent) that does not end its
    sentence: the paragraph must go on."""
    margin = SHORT_LINE_MARGIN if first else OPEN_LINE_MARGIN
    return a.width >= col - margin and not a.final


def body_like(current: list[LineItem], col: float, titles: set[int]) -> bool:
    """Lines of running text, not a title: sentence punctuation, or lines about a column
    wide; never a title printed over a place label."""
    if any(id(c) in titles for c in current):
        return False
    if any(SENTENCE_MARKS_RE.search(c.text) for c in current):
        return True
    return all(col - SHORT_LINE_MARGIN <= c.width <= col + COLUMN_TOLERANCE for c in current)


def is_insertion(it: LineItem, col: float) -> bool:
    """A title, label or display line without sentence punctuation: short, or wider than
    the column (a display title), never a numbered heading."""
    if it.kind != "text" or SENTENCE_MARKS_RE.search(it.text) or not CJK_RE.search(it.text):
        return False
    if is_label_start(it.text) or it.text.startswith(("■", "/", "／", "——")):
        return False  # (a `——` subtitle inside a sentence is found with its title)
    if it.text.count(" ") >= JUSTIFIED_MIN_SPACES:
        return False  # a line justified with a space between every character: text
    if ORG_LINE_RE.match("".join(it.text.split())):
        return True  # an organisation's name alone: a running head (`国家税务总局浙江省税务局`)
    return it.width <= col - SHORT_LINE_MARGIN or it.width > col + COLUMN_TOLERANCE


def resumption(
    items: list[LineItem], i: int, col: float, alone: set[int], labels: frozenset[str]
) -> int | None:
    """Index of the line where a paragraph cut at `i` by titles, labels, captions or
    furniture that a flattened page set in its middle goes on, or None.

    The paragraph goes on only with a line that is a full column wide or ends the
    sentence (a new paragraph's first line is shorter: its indent is lost), that opens no
    numbered item, byline or subtitle, after at most three inserted text lines. What was
    inserted must look like page layout, not like a short line of the text itself: a
    caption or furniture among it, a title over a place label, a label word the source
    prints more than once (a running rubric, a column named in the contents), or a display
    title wider than the column."""
    inserted = 0
    layout = False
    for j in range(i, min(len(items), i + RESUME_LOOKAHEAD)):
        it = items[j]
        if it.group is not None or it.kind == "md":
            return None
        if it.kind != "text":
            layout = True  # removed furniture, a caption or a source line
            continue
        if j in alone or is_insertion(it, col):
            inserted += 1
            if inserted > MAX_INSERTED_LINES:
                return None
            label = bool(LABEL_WORD.fullmatch(it.text)) and it.text in labels
            layout = layout or j in alone or label
            layout = layout or (
                it.width > col + COLUMN_TOLERANCE and not _DIGIT_OR_QUOTE.search(it.text)
            )
            continue
        if is_label_start(it.text) or it.text.startswith(("■", "——", "/", "／")):
            return None
        if it.width >= col - FULL_LINE_MARGIN or ends_sentence(it.text):
            return j if inserted and layout else None
        return None
    return None
