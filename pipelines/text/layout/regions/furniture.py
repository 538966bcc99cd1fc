"""Regions of page furniture: headings printed one character a line, sponsor lists, rubric
labels with spaced characters, running heads."""

from __future__ import annotations

import re
from collections import Counter

from ...params import (
    RUNNING_HEAD_MAX_WIDTH,
    RUNNING_HEAD_MIN_COUNT,
    SPONSOR_LINE_MAX_WIDTH,
    SPONSOR_RUN_MIN,
    VERTICAL_MIN_LINES,
)
from ...passes import rule
from ...patterns import CJK_RE, NOTICE_WORDS, SENTENCE_FINAL, load_words
from ..lines import is_spaced_rubric
from ..state import LineItem, region_pass

VERTICAL_REPEAT = rule(
    "layout.regions.furniture.vertical_repeat",
    "a heading printed one character a line that repeats text found elsewhere",
    "duplicate",
)
VERTICAL_HEADING = rule(
    "layout.regions.furniture.vertical_heading",
    "a heading printed one character a line, joined into one heading",
)
SPONSOR_LIST = rule(
    "layout.regions.furniture.sponsor_list",
    "a list of sponsoring or co-organising units",
    "sponsor_list",
)
SPACED_RUBRIC = rule(
    "layout.regions.furniture.spaced_rubric",
    "a rubric label printed with spaced characters",
    "page_furniture",
)
SPACED_NOTICE_TITLE = rule(
    "layout.regions.furniture.spaced_notice_title",
    "a notice's one-word title printed with spaced characters (`公 示`): a heading",
)
RUNNING_HEAD = rule(
    "layout.regions.furniture.running_head",
    "a running head repeated on many pages",
    "page_furniture",
)


def _single_char(it: LineItem) -> bool:
    return it.kind == "text" and len(it.text) == 1 and CJK_RE.match(it.text) is not None


@region_pass("layout.regions.furniture.vertical_headings")
def vertical_headings(items: list[LineItem]) -> None:
    """Headings printed one character a line: join them; a repeat of other text is dropped."""
    i = 0
    n = len(items)
    full = None
    while i < n:
        if not _single_char(items[i]):
            i += 1
            continue
        j = i
        while j < n and _single_char(items[j]):
            j += 1
        if j - i >= VERTICAL_MIN_LINES:
            joined = "".join(items[k].text for k in range(i, j))
            if full is None:
                full = "".join(it.text for it in items if not _single_char(it))
            gid = items[i].line.number
            repeats = joined in full
            for k in range(i, j):
                if repeats:
                    items[k] = items[k].set_aside(VERTICAL_REPEAT, gid)
                else:
                    items[k] = items[k].decide("heading", VERTICAL_HEADING, gid)
        i = j


#: How an organisation's name ends (`…委`, `…人民政府`, `…有限公司`): plain words, so that a
#: name is tested with `str.endswith`.
_ORG_ENDINGS = load_words("organization_endings")
_CLAUSE_MARKS = re.compile("[，。：；、！？]")


def _org_line(it: LineItem) -> bool:
    t = it.text
    if it.kind != "text" or it.width > SPONSOR_LINE_MAX_WIDTH or _CLAUSE_MARKS.search(t):
        return False
    return all(p.endswith(_ORG_ENDINGS) for p in t.split()) and CJK_RE.search(t) is not None


@region_pass("layout.regions.furniture.sponsor_lists")
def sponsor_lists(items: list[LineItem]) -> None:
    """Runs of organisation names one or two a line: the sponsors of a magazine issue."""
    n = len(items)
    i = 0
    while i < n:
        if not _org_line(items[i]):
            i += 1
            continue
        j = i
        while j < n and _org_line(items[j]):
            j += 1
        if j - i >= SPONSOR_RUN_MIN:
            for k in range(i, j):
                items[k] = items[k].set_aside(SPONSOR_LIST)
        i = j


@region_pass("layout.regions.furniture.spaced_rubrics")
def spaced_rubrics(items: list[LineItem]) -> None:
    """`经 济`, `党 的 建 设`: rubric labels printed with spaced characters. A notice's
    one-word title printed the same way (`公 示`) is a heading of its own."""
    for k, it in enumerate(items):
        if it.kind == "text" and is_spaced_rubric(it.text):
            if "".join(it.text.split()) in NOTICE_WORDS:
                items[k] = it.decide("heading", SPACED_NOTICE_TITLE, it.line.number)
                continue
            items[k] = it.set_aside(SPACED_RUBRIC)


@region_pass("layout.regions.furniture.running_heads")
def running_heads(items: list[LineItem]) -> None:
    """A short line printed again and again (a running head): all but the first go."""
    counts = Counter(it.text for it in items if it.kind == "text")
    seen: set[str] = set()
    for k, it in enumerate(items):
        t = it.text
        if (
            it.kind != "text"
            or counts[t] < RUNNING_HEAD_MIN_COUNT
            or it.width > RUNNING_HEAD_MAX_WIDTH
            or t[-1] in SENTENCE_FINAL
        ):
            continue
        if t in seen:
            items[k] = it.set_aside(RUNNING_HEAD)
        seen.add(t)
