"""Foreign persons: a transliterated name printed next to a foreign title.

Transliterated names (普京, 拉夫罗夫, 拉马福萨) have no Chinese surname, so the surname tests of
facts/persons.py never find them. A run of two to six transliteration characters (data/
facts_transliteration.txt) is a name when a foreign title is printed right before it
(`总统普京`, `外长拉夫罗夫`, `副总统马布扎`, `特使彼得森`) and its end is clear (punctuation, a
digit, a speech verb or a boundary word: `普京9日表示`), or right after it (`拉马福萨总统`,
after punctuation or a word that ends before a name: 同, 与, 和, 会见…). A run that is a place
or ends with one (`俄罗斯总统`) is no name. `person.foreign` 0.8; the span takes the title
(as for Chinese names), `normalized` is the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._common import alternation, load_list
from .gazetteer import place_index

_CHARS = "".join(c for line in load_list("facts_transliteration.txt") for c in line.split())
_TITLES = (
    "总统",
    "副总统",
    "总理",
    "副总理",
    "首相",
    "副首相",
    "外长",
    "外交部长",
    "国务卿",
    "特使",
    "国王",
    "女王",
    "王储",
    "议长",
    "总督",
    "财长",
    "防长",
    "国防部长",
    "秘书长",
    "副秘书长",
    "总干事",
    "发言人",
)
_TITLE_RE = re.compile(alternation(list(_TITLES)))
_RUN_RE = re.compile(rf"[{_CHARS}]{{2,6}}")
_CHAR_SET = set(_CHARS)
#: What may follow a name: punctuation, a digit (普京9日), a verb or word that ends a name.
_END_RE = re.compile(
    r"[\s\d，。；：、！？”）)]|$|表示|说|称|指出|强调|认为|在|于|与|和|同|会见|会谈|举行|出席|签署"
    r"|发表|宣布|的|当天|此前|日前|近日"
)
#: What may precede a name printed before its title: punctuation or a word that ends there.
_OPENS = set(" \t，。；：、！？“（(同与和见及")
_PLACES = set(place_index())


def _is_place(run: str) -> bool:
    return any(run[i:] in _PLACES or run[:j] in _PLACES for i in range(len(run)) for j in (2, 3))


def _name_after(folded: str, pos: int) -> str | None:
    """The shortest run of transliteration characters at `pos` whose end is clear."""
    run = _RUN_RE.match(folded, pos)
    if run is None:
        return None
    for end in range(pos + 2, run.end() + 1):
        if _END_RE.match(folded, end):
            return folded[pos:end]
    return None


def _name_before(folded: str, pos: int) -> str | None:
    """The run of two to six transliteration characters ending at `pos`, opened by
    punctuation, the start of the paragraph or a word that ends before a name."""
    s = pos
    while s > 0 and pos - s < 6 and folded[s - 1] in _CHAR_SET:
        s -= 1
    if pos - s < 2 or (s > 0 and folded[s - 1] not in _OPENS):
        return None
    return folded[s:pos]


def foreign_names(folded: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, title) of every foreign name printed next to a foreign title."""
    for t in _TITLE_RE.finditer(folded):
        name = _name_after(folded, t.end())
        if name and not _is_place(name):
            yield t.start(), t.end() + len(name), name, t.group(0)
        name = _name_before(folded, t.start())
        if name and not _is_place(name):
            yield t.start() - len(name), t.end(), name, t.group(0)
