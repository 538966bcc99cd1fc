"""Regions of a table of contents: a magazine's contents page, a programme's contents
run into one line."""

from __future__ import annotations

import re
from bisect import bisect_left

from ...params import (
    INLINE_TOC_MIN_FOUND,
    INLINE_TOC_MIN_SHARE,
    TOC_ENTRY_MAX_WIDTH,
    TOC_GAP_LINE_MAX_WIDTH,
    TOC_MAX_LINES_BETWEEN,
    TOC_MIN_ENTRIES,
)
from ...passes import rule
from ...patterns import CJK_RE, ITEM_NUMBER, SENTENCE_FINAL
from ..lines import md_parts
from ..state import LineItem, region_pass

ENTRY = rule("layout.regions.toc.entry", "an entry of the issue's table of contents", "toc")
INLINE = rule(
    "layout.regions.toc.inline",
    "the contents of the programme or issue: its numbered entries are the "
    "headings of the items that follow",
    "toc",
)

_TOC_ENTRY = re.compile(r"^[\d０-９]{1,3}\s+(?![日月年号至起])\S.{1,60}$")
#: An author line of a contents entry (`/张志炜`).
TOC_AUTHOR = re.compile(r"^/\s*\S")


def is_toc_entry(it: LineItem) -> bool:
    """`26 湖州市：深学细悟见实效/张志炜`: a page number, a title, no sentence end."""
    t = it.text
    return (
        it.kind == "text"
        and bool(_TOC_ENTRY.match(t))
        and t[-1] not in SENTENCE_FINAL
        and CJK_RE.search(t) is not None
        and it.width <= TOC_ENTRY_MAX_WIDTH
    )


@region_pass("layout.regions.toc.contents")
def contents(items: list[LineItem]) -> None:
    """A run of `26 湖州市：…/张志炜` entries, with the rubrics and author lines between."""
    n = len(items)
    i = 0
    while i < n:
        if not is_toc_entry(items[i]):
            i += 1
            continue
        last_entry, entries, with_slash = _grow(items, i)
        if entries >= TOC_MIN_ENTRIES and with_slash >= 1:
            end = last_entry + 1
            # an author line right after the last entry belongs to it
            while end < n and TOC_AUTHOR.match(items[end].text) and items[end].kind == "text":
                end += 1
            for k in range(i, end):
                if items[k].kind == "text" or items[k].removed_kind == "page_furniture":
                    items[k] = items[k].set_aside(ENTRY)
            i = end
        else:
            i = last_entry + 1


def _grow(items: list[LineItem], i: int) -> tuple[int, int, int]:
    """(last entry, entries, entries with an author) of the region of entries from `i`,
    with the short non-sentence lines between entries."""
    j = i
    last_entry = i
    entries = 0
    with_slash = 0
    while j < len(items):
        it = items[j]
        if is_toc_entry(it):
            entries += 1
            with_slash += "/" in it.text
            last_entry = j
        elif it.kind in ("text", "removed") and (
            it.width <= TOC_GAP_LINE_MAX_WIDTH and it.text[-1] not in SENTENCE_FINAL
        ):
            if j - last_entry > TOC_MAX_LINES_BETWEEN:
                break
        else:
            break
        j += 1
    return last_entry, entries, with_slash


_INLINE_ENTRY = re.compile(r"(?:^|(?<=[；;：:\s]))(\d{1,2})\s*[.．、]\s*")
_HEAD_NUMBER = re.compile("^" + ITEM_NUMBER)


class _Headings:
    """The headings of a source, to ask whether an entry opens one or one opens it."""

    def __init__(self, keys: list[str]) -> None:
        self.sorted = sorted(set(keys))
        self.keys = set(keys)

    def confirm(self, entry: str) -> bool:
        """Is there a heading that starts with the entry, or that the entry starts with?"""
        k = bisect_left(self.sorted, entry)
        if k < len(self.sorted) and self.sorted[k].startswith(entry):
            return True
        return any(entry[:n] in self.keys for n in range(1, len(entry) + 1))


#: A line that opens an entry of a contents list set one entry a line (`8.…：`, `（1）…；`).
_LIST_ENTRY = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)])")


@region_pass("layout.regions.toc.inline_contents")
def inline_contents(items: list[LineItem]) -> None:
    """A programme's or issue's contents (`本期节目主要内容： 1.…； 2.…； 3.…`) whose numbered
    entries are the markdown headings that follow (`## 1. …`): a table of contents, set
    aside. Run into one line, or set one entry a line between two headings (its opening
    and closing lines with it: `本期节目主要内容：` / `1.…；` / `（1）…；` / … /
    `（《新闻联播》 20210610 19:00）`). The headings confirm it: at least three entries,
    and most of them, must open a heading of the source."""
    keys = []
    for it in items:
        parts = md_parts(it.text) if it.kind == "md" else None
        if parts:
            key = "".join(_HEAD_NUMBER.sub("", parts[2]).split())
            if len(key) >= 4:
                keys.append(key)
    if len(keys) < INLINE_TOC_MIN_FOUND:
        return
    heads = _Headings(keys)
    for k, it in enumerate(items):
        if it.kind == "text" and _is_contents(it.text, heads):
            items[k] = it.set_aside(INLINE)
    for run in _runs_between_headings(items):
        inner = run[1:-1]
        entries = sum(1 for k in run if _LIST_ENTRY.match(items[k].text))
        if entries < INLINE_TOC_MIN_FOUND or not all(
            _LIST_ENTRY.match(items[k].text) for k in inner
        ):
            continue
        if _is_contents("\n".join(items[k].text for k in run), heads):
            for k in run:
                items[k] = items[k].set_aside(INLINE)


def _is_contents(text: str, heads: _Headings) -> bool:
    """Does `text` hold numbered entries 1, 2, 3… that open headings of the source?"""
    marks = list(_INLINE_ENTRY.finditer(text))
    numbers = [int(m.group(1)) for m in marks]
    if len(marks) < 3 or numbers[:3] != [1, 2, 3]:
        return False
    ends = [m.start() for m in marks[1:]] + [len(text)]
    entries = [
        "".join(text[m.end() : e].split()).rstrip("；;。") for m, e in zip(marks, ends, strict=True)
    ]
    found = sum(heads.confirm(e) for e in entries if len(e) >= 4)
    return found >= INLINE_TOC_MIN_FOUND and found >= INLINE_TOC_MIN_SHARE * len(entries)


def _runs_between_headings(items: list[LineItem]) -> list[list[int]]:
    """The text lines between two markdown headings, run by run (a run with a line
    another rule decided is none)."""
    runs: list[list[int]] = []
    current: list[int] | None = []
    for k, it in enumerate(items):
        if it.kind == "md":
            if current:
                runs.append(current)
            current = []
        elif it.kind == "text" and current is not None:
            current.append(k)
        else:
            current = None  # a line set aside or decided inside: not a plain list
    if current:
        runs.append(current)
    return runs
