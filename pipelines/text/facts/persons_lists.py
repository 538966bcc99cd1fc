"""Names printed in lists and bylines (facts/persons.py): a `、` list of names
(授予赵奇、梅建明、李茂荣…, an item joining two names with 和 read as two), a paragraph of names only (`■杨永昌 樊昕旖`) or a photo credit
(`… 许旭摄`). The tests of a name are persons.py's (`is_name`, `plausible`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

LIST_RE = re.compile(r"[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff·]{2,10}){2,}")
_LIST_END_RE = re.compile(r"[等为和在是的]")
_FOREIGN_RE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,5}")
_ITEM_RE = re.compile(r"[^、]+")
_TOKEN_RE = re.compile(r"\S+")
BYLINE_RE = re.compile(r"\s*[■●◆▲]?\s*")
CREDIT_RE = re.compile(r"(?:^|\s)(?P<name>\S{2,4}?)\s?摄\s*$")


def byline_names(folded: str, _is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the names of a byline paragraph (`■杨永昌 樊昕旖`) or a photo credit."""
    m = BYLINE_RE.match(folded)
    if m and len(folded) <= 40:
        spans = [(t.start(), t.end()) for t in _TOKEN_RE.finditer(folded, m.end())]
        if (len(spans) >= 2 or m.group(0).strip()) and all(_is_name(folded[s:e]) for s, e in spans):
            return spans
    c = CREDIT_RE.search(folded) if "摄" in folded else None
    if c and _is_name(c["name"]):
        return [c.span("name")]
    return []


def _list_matches(folded: str) -> Iterator[re.Match[str]]:
    """`LIST_RE.finditer(folded)`, trying the pattern only before a `、`: its first item is
    two to eight CJK characters right before one, so a match starts at the earliest of them
    (the rest of the match does not depend on where the first item starts)."""
    pos = 0  # where the next match may start
    comma = folded.find("、", 2)
    while comma >= 0:
        start = comma
        floor = max(pos, comma - 8)
        while start > floor and "\u4e00" <= folded[start - 1] <= "\u9fff":
            start -= 1
        m = LIST_RE.match(folded, start) if comma - start >= 2 else None
        if m is None:
            comma = folded.find("、", comma + 1)
        else:
            yield m
            pos = m.end()
            comma = folded.find("、", pos + 2)


def list_names(
    folded: str, _is_name: Callable[[str], bool], _plausible: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Names in a `、` list of names (授予赵奇、梅建明、李茂荣、前谷达男、尼拉杰·帕瓦尼…)."""
    out: list[tuple[int, int]] = []
    if folded.count("、") < 2:
        return out  # a list has three items or more
    for m in _list_matches(folded):
        items = [(i.start(), i.end()) for i in _ITEM_RE.finditer(folded, m.start(), m.end())]
        out.extend(_names_of_list(folded, items, _is_name, _plausible))
    return out


def _names_of_list(
    folded: str,
    items: list[tuple[int, int]],
    _is_name: Callable[[str], bool],
    _plausible: Callable[[str], bool],
) -> list[tuple[int, int]]:
    """The names of a `、` list if three, and three in five, of its items are names."""
    # more items that are no name than this and the list is none (改革、发展、稳定)
    misses_allowed = len(items) - max(3, -(-len(items) * 3 // 5))
    strict: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(items):
        if k == len(items) - 1:
            cut = _LIST_END_RE.search(folded, s + 2, e)
            if cut:
                e = cut.start()  # 陈澄等, 欧噶为绍兴市荣誉市民
        item = folded[s:e]
        if _is_name(item):
            strict.append((s, e))
        elif k == 0:
            for n in (3, 2):  # 市领导马卫光, 授予赵奇: the name ends the first item
                if e - s > n and _is_name(folded[e - n : e]):
                    strict.append((e - n, e))
                    break
        elif _FOREIGN_RE.fullmatch(item) and _plausible(item):
            other.append((s, e))  # 前谷达男, 尼拉杰·帕瓦尼: names without a listed surname
        elif pair := _joined_pair(folded, s, e, _is_name):
            strict.extend(pair)  # 王某和李某某: two names joined inside one item
        if k + 1 - len(strict) > misses_allowed:
            return []
    return strict + other


def _joined_pair(
    folded: str, s: int, e: int, _is_name: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The two names of a list item that joins them with 和, 与 or 及 (`…、王某和李某某、…`: the
    list goes on after the conjunction), or nothing."""
    for k in range(s + 2, min(e - 2, s + 4) + 1):
        if folded[k] in "和与及" and _is_name(folded[s:k]) and _is_name(folded[k + 1 : e]):
            return [(s, k), (k + 1, e)]
    return []
