"""Regions of pull-quote boxes: a ■ line and the lines after it that repeat body text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...params import PULL_QUOTE_WIDE_LINE, REPEAT_GRAM_CHARS, REPEAT_SCAN_BUDGET
from ...passes import rule
from ...patterns import SENTENCE_FINAL
from ..state import LineItem, region_pass

BOX_LINE = rule(
    "layout.regions.pull_quotes.box_line",
    "a line of a ■ pull-quote box that repeats body text",
    "pull_quote",
)


class TextIndex:
    """All non-whitespace text of the source, to ask whether a line repeats text elsewhere.

    Occurrences are found by scanning the source with `str.find` until the scans have read
    `REPEAT_SCAN_BUDGET` times the source; then a k-gram index is built once and used for
    the rest (both give every occurrence, so the answers are the same)."""

    K = REPEAT_GRAM_CHARS

    def __init__(self, items: list[LineItem], scan_budget: int = REPEAT_SCAN_BUDGET) -> None:
        parts: list[str] = []
        self.spans: list[tuple[int, int]] = []
        pos = 0
        for it in items:
            s = "".join(it.text.split()).lstrip("■")
            parts.append(s)
            self.spans.append((pos, pos + len(s)))
            pos += len(s)
        self.full = "".join(parts)
        self.grams: dict[str, list[int]] | None = None
        self._scan_left = scan_budget * len(self.full)

    def _index(self) -> dict[str, list[int]]:
        if self.grams is None:
            self.grams = {}
            f = self.full
            for p in range(0, max(0, len(f) - self.K + 1)):
                self.grams.setdefault(f[p : p + self.K], []).append(p)
        return self.grams

    def occurrences(self, s: str) -> Iterator[int]:
        """Where `s` (at least K characters) starts in the source, overlapping
        occurrences included; with the index, looked up by the rarest k-gram of `s`, so
        that a common opening does not make every line scan the source."""
        f = self.full
        if self.grams is None and self._scan_left > 0:
            start = 0
            while (p := f.find(s, start)) >= 0:
                self._scan_left -= p + len(s) - start
                start = p + 1
                yield p
            self._scan_left -= len(f) - start
            return
        grams = self._index()
        offset, found = min(
            ((j, grams.get(s[j : j + self.K], ())) for j in range(len(s) - self.K + 1)),
            key=lambda pair: len(pair[1]),
        )
        for q in found:
            p = q - offset
            if p >= 0 and f.startswith(s, p):
                yield p

    def repeated_elsewhere(
        self, text: str, own: tuple[int, int], excluded: tuple[int, int]
    ) -> bool:
        """Does `text` occur in the source outside its own span and outside the excluded
        span (the lines of the box so far)?"""
        s = "".join(text.split()).lstrip("■")
        if len(s) < self.K:
            return False
        lo, hi = excluded
        for p in self.occurrences(s):
            if own[0] - len(s) < p < own[1]:
                continue
            if lo <= p < hi or lo < p + len(s) <= hi:
                continue  # (inside the box)
            return True
        return False


@region_pass("layout.regions.pull_quotes.boxes")
def boxes(items: list[LineItem]) -> None:
    """A ■ line opens a pull-quote box; the OCR lines after it that repeat body text
    (or are wider than any column) belong to it, and so does the short line that ends the
    sentence a wide line of the box left open."""
    starts = [i for i, it in enumerate(items) if it.removed_kind == "pull_quote"]
    if not starts:
        return
    index = TextIndex(items)
    n = len(items)
    for s in starts:
        gid = items[s].line.number
        items[s] = replace(items[s], group=gid)
        j = s + 1
        while j < n:
            it = items[j]
            if it.removed_kind == "pull_quote" or it.kind != "text":
                break
            wide = it.width >= PULL_QUOTE_WIDE_LINE
            before = items[j - 1]
            ends_box = (
                before.width >= PULL_QUOTE_WIDE_LINE
                and before.text.rstrip()[-1:] not in SENTENCE_FINAL
                and it.text.rstrip()[-1:] in SENTENCE_FINAL
            )
            box = (index.spans[s][0], index.spans[j - 1][1])  # the box's lines so far
            if not (wide or ends_box or index.repeated_elsewhere(it.text, index.spans[j], box)):
                break
            items[j] = it.set_aside(BOX_LINE, gid)
            j += 1
