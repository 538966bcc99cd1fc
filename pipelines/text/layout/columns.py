"""What the page's columns look like around each line: the local column width, whether the
file (or the region) holds one paragraph per line, how many blank lines part the lines of
one paragraph."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter

from ..params import (
    INTERLEAVED_MAX_SHARE,
    LOCAL_WINDOW_RADIUS,
    LONG_LINE_WIDTH,
    PER_LINE_MIN_LONG,
    PER_LINE_MIN_SHARE,
)
from .shape import ends_colon, ends_sentence
from .state import LineItem


def local_widths(items: list[LineItem]) -> list[float]:
    """Column width around each text line: the median of the neighbours' widths (the
    sorted window slides along the lines: one width comes in, one goes out)."""
    idx = [i for i, it in enumerate(items) if it.kind == "text"]
    ws = [items[i].width for i in idx]
    out = [0.0] * len(items)
    radius = LOCAL_WINDOW_RADIUS
    window = sorted(ws[:radius])  # the widths of ws[lo:hi], sorted
    lo, hi = 0, min(len(ws), radius)
    for k, i in enumerate(idx):
        if k + radius < len(ws):  # hi grows to k + radius + 1
            insort(window, ws[hi])
            hi += 1
        if k - radius > 0:  # lo grows to k - radius
            del window[bisect_left(window, ws[lo])]
            lo += 1
        out[i] = window[len(window) // 2]
    return out


def _closes(it: LineItem) -> bool:
    return ends_sentence(it.text) or ends_colon(it.text)


def paragraph_per_line(items: list[LineItem]) -> bool:
    """Files whose long lines nearly all end a sentence hold one paragraph per line."""
    longs = [it for it in items if it.kind == "text" and it.width > LONG_LINE_WIDTH]
    if len(longs) < PER_LINE_MIN_LONG:
        return False
    ends = sum(_closes(it) for it in longs)
    return ends / len(longs) >= PER_LINE_MIN_SHARE


def per_line_here(items: list[LineItem], per_line: bool) -> list[bool]:
    """Per item: does it sit in a one-paragraph-per-line region of a one-paragraph-per-line
    file? A report whose long paragraphs each fill one line may still print many short
    lines (run-in headings `（二）…`, `大力提振消费。`, an end-note glossary `［15］两新：`),
    so that the local median width is that of a narrow column; what marks the region is
    that it has long lines (three or more among the 25 text lines around) and that they
    nearly all end a sentence. A narrow-column region of the same file (a magazine page
    with a few long lines elsewhere) has no long lines and keeps the column rules."""
    out = [False] * len(items)
    if not per_line:
        return out
    idx = [i for i, it in enumerate(items) if it.kind == "text"]
    longs = [0]
    ends = [0]
    for i in idx:
        it = items[i]
        is_long = it.width > LONG_LINE_WIDTH
        longs.append(longs[-1] + is_long)
        ends.append(ends[-1] + (is_long and _closes(it)))
    radius = LOCAL_WINDOW_RADIUS
    for k, i in enumerate(idx):
        lo, hi = max(0, k - radius), min(len(idx), k + radius + 1)
        n_long = longs[hi] - longs[lo]
        out[i] = (
            n_long >= PER_LINE_MIN_LONG and (ends[hi] - ends[lo]) / n_long >= PER_LINE_MIN_SHARE
        )
    return out


def base_gap(items: list[LineItem]) -> int:
    """Blank lines that separate lines of one paragraph (0 normally, 1 when interleaved)."""
    gaps = Counter(it.gap for it in items[1:] if it.kind == "text")
    if not gaps:
        return 0
    total = sum(gaps.values())
    zero = gaps.get(0, 0)
    if zero / total >= INTERLEAVED_MAX_SHARE:
        return 0
    return min(g for g, _ in gaps.most_common(2) if g > 0) if gaps else 0
