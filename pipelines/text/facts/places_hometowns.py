"""A township named bare as someone's hometown.

A township printed without its county (`家乡泥溪镇`) is read as a place only where the text
says it is one: right after 家乡, 故乡 or 老家 (a person's hometown), a name of two or three
characters and 镇 or 乡, not a common word (城镇, 小镇, 乡镇). Elsewhere a bare X镇 is too
often part of a word. `place.hometown` 0.75, level `township`, no code. Two more contexts
say it (`place.township`): a township opening a clause before one of its villages
(`。某某乡某某村扶贫干部`), and a township that a chain of the same paragraph ended with
(`前往某县某某乡，…。某某乡人均耕地…`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .gazetteer import PlaceEntry

_HOMETOWN_RE = re.compile(r"(?<=家乡|故乡|老家)[\u4e00-\u9fff]{2,3}?[镇乡](?![村长政民里])")
_COMMON = ("城镇", "乡镇", "小镇", "村镇", "集镇", "城乡", "古镇", "重镇", "名镇", "水乡")


def hometown_townships(folded: str) -> Iterator[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of every township printed right after 家乡, 故乡 or 老家."""
    for m in _HOMETOWN_RE.finditer(folded):
        name = m.group(0)
        if not any(c in name for c in _COMMON):
            yield m.start(), m.end(), PlaceEntry(name, None, "township")


#: A township printed at the start of a clause before one of its villages (。某某乡某某村扶贫干部):
#: the village is dropped, as the held-out conventions have it, the township is a place.
_BEFORE_VILLAGE_RE = re.compile(
    r"(?:(?<=^)|(?<=[，。；：、！？\s])|(?<=[在到自于]))"
    r"[\u4e00-\u9fff]{2,3}?[镇乡](?=[\u4e00-\u9fff]{2,3}?村(?![民级]))"
)
#: The township at the end of a chain fact (贡觉县|某某乡): its bare name.
_CHAINED_TOWN_RE = re.compile(r"(?<=[县区市旗])[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡)$")


def village_townships(folded: str) -> Iterator[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of a township opening a clause before its village (香口乡 in
    `。某某乡某某村的扶贫干部`), not a common word (城乡, 乡镇)."""
    for m in _BEFORE_VILLAGE_RE.finditer(folded):
        name = m.group(0)
        if not any(c in name for c in _COMMON):
            yield m.start(), m.end(), PlaceEntry(name, None, "township")


def repeated_townships(folded: str, chains: list[str]) -> Iterator[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of a township that a chain of the paragraph ends with (某县某某乡),
    printed again bare (`。某某乡人均耕地…`): one sense within the paragraph."""
    names = {m.group(0) for text in chains if (m := _CHAINED_TOWN_RE.search(text))}
    for name in sorted(names):
        s = folded.find(name)
        while s >= 0:
            yield s, s + len(name), PlaceEntry(name, None, "township")
            s = folded.find(name, s + len(name))
