"""A township named bare as someone's hometown.

A township printed without its county (`家乡泥溪镇`) is read as a place only where the text
says it is one: right after 家乡, 故乡 or 老家 (a person's hometown), a name of two or three
characters and 镇 or 乡, not a common word (城镇, 小镇, 乡镇). Elsewhere a bare X镇 is too
often part of a word. `place.hometown` 0.75, level `township`, no code.
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
