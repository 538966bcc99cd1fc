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
_TITLE = alternation(list(_TITLES))
_RUN = rf"[{_CHARS}]{{2,6}}"
#: What may follow a name: punctuation, a digit (普京9日), a verb or word that ends a name.
_END = r"(?=[\s\d，。；：、！？”）)]|$|表示|说|称|指出|强调|认为|在|于|与|和|同|会见|会谈|举行|出席|签署|发表|宣布|的|当天|此前|日前|近日)"
BEFORE_RE = re.compile(rf"(?P<title>{_TITLE})(?P<name>{_RUN}?){_END}")
AFTER_RE = re.compile(
    rf"(?:^|(?<=[\s，。；：、！？“（(]|同|与|和|见|及))(?P<name>{_RUN}?)(?P<title>{_TITLE})"
)
_PLACES = set(place_index())


def _is_place(run: str) -> bool:
    return any(run[i:] in _PLACES or run[:j] in _PLACES for i in range(len(run)) for j in (2, 3))


def foreign_names(folded: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, title) of every foreign name printed next to a foreign title."""
    if not any(t in folded for t in ("总", "长", "使", "王", "相", "卿", "督", "事", "言")):
        return
    for m in BEFORE_RE.finditer(folded):
        if not _is_place(m["name"]):
            yield m.start(), m.end(), m["name"], m["title"]
    for m in AFTER_RE.finditer(folded):
        if not _is_place(m["name"]):
            yield m.start(), m.end(), m["name"], m["title"]
