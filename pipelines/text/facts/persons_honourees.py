"""Honourees in a `；` list: each item describes a person and ends with the name.

An announcement of model workers or moral examples lists them with a description each,
separated by `；` (`他们是扎根山区的乡村教师王某某；…的“好军嫂”李某；…的护林员张某某等十人`).
No title marks the names, but the list does: a sentence of three items or more of which at
least three, and three in five, end with a name (the last item before 等 or `，`). A name is
a listed surname (single, double or a role-only one: 于) and one or two characters that are no
function words, where no word of the segmenter crosses its start (`模范|张某`: 范 is a surname
too, but 模范 is a word, so the name is the two characters), and which is no ordinary word of
the dictionary (`加强管理；`: 管理 is a verb); a dotted name ends an item too (`…·…等`).
`person.honouree` 0.75, the name alone (the description is no title).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from ._common import cut_window, load_list
from .persons_document import token_edges

_SURNAMES = frozenset(
    s
    for name in ("facts_surnames.txt", "facts_surnames_role_only.txt")
    for line in load_list(name)
    for s in line.split()
)
_SENTENCE_RE = re.compile(r"[^。！？]+")
_LAST_END_RE = re.compile(r"等|，|$")
_DOTTED_END_RE = re.compile(r"[\u4e00-\u9fff]·[\u4e00-\u9fff]{1,8}$")
#: Characters that are no part of a given name (function words, organ and count words).
_NOT_GIVEN = set(
    "的了在是和与及或对把被从为以于由将也都而且就还要会等各该这那其我你他她们说省市县区委党"
)
#: What cannot end an item's name: a conjunction or a preposition ending at `；` needs no
#: complement there (王某和 is a name), these do not end a name.
_NOT_LAST = set("的了们等说是也都就还要会省市县区委党")
_MIN_ITEMS = 3


def honouree_names(folded: str, plausible: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of the names ending the items of a `；` list of honourees."""
    if folded.count("；") < _MIN_ITEMS - 1:
        return
    for sentence in _SENTENCE_RE.finditer(folded):
        if sentence.group(0).count("；") < _MIN_ITEMS - 1:
            continue
        yield from _list_names(folded, sentence.start(), sentence.end(), plausible)


def _list_names(
    folded: str, start: int, end: int, plausible: Callable[[str], bool]
) -> list[tuple[int, int]]:
    items = folded[start:end].split("；")
    names: list[tuple[int, int]] = []
    dotted = 0
    pos = start
    for k, item in enumerate(items):
        item_end = pos + len(item)
        if k == len(items) - 1:
            item_end = pos + _LAST_END_RE.search(item).start()
        if _DOTTED_END_RE.search(folded, pos, item_end):
            dotted += 1
        else:
            span = _name_before(folded, pos, item_end, plausible)
            if span is not None:
                names.append(span)
        pos += len(item) + 1
    found = len(names) + dotted
    if found < _MIN_ITEMS or found * 5 < len(items) * 3:
        return []
    return names


def _name_before(
    folded: str, lo: int, end: int, plausible: Callable[[str], bool]
) -> tuple[int, int] | None:
    """The name (three characters, then two) that ends at `end`, not before `lo`."""
    for size in (3, 2):
        s = end - size
        name = folded[s:end]
        if s < lo or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        surname = name[:2] if name[:2] in _SURNAMES and size == 3 else name[:1]
        given = name[len(surname) :]
        if surname not in _SURNAMES or not given or given[-1] in _NOT_LAST:
            continue
        if any(c in _NOT_GIVEN for c in given[:-1]):
            continue
        if plausible(name) and _a_word_start(folded, max(lo, s - 4), s, end) and not _word(name):
            return s, end
    return None


def _a_word_start(folded: str, lo: int, s: int, end: int) -> bool:
    """Whether no token of the segmenter crosses `s` (a window from `lo` to `end`)."""
    return s - lo in token_edges(folded[lo:end])


@lru_cache(maxsize=4096)
def _word(name: str) -> bool:
    """Whether the name is an ordinary word of the dictionary (管理: a verb), no name."""
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    if not segmenter.has_word(name):
        return False
    tokens, tags = cut_window(name)
    return len(tokens) == 1 and not tags[0].startswith("nr")
