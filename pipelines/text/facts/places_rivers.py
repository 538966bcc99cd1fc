"""A river basin printed as its river and 流域: the river is the place.

`长江流域`, `淮河流域`, `珠江流域` are read as the river (the held-out conventions mark a basin as
its river, as a lake's basin is its lake): 淮河 in `淮河流域`. The rivers are the seven major basins
of China that the Ministry of Water Resources' basin commissions administer (长江水利委员会,
黄河水利委员会, 淮河水利委员会, 海河水利委员会, 珠江水利委员会, 松辽水利委员会: 松花江 and 辽河).
Without 流域 a river's name is mostly part of another name (长江经济带, 黄河文化) and none.
`place.river` 0.8, level `region`.
"""

from __future__ import annotations

import re

from .gazetteer import PlaceEntry

_RIVERS = ("长江", "黄河", "淮河", "海河", "珠江", "松花江", "辽河")
_BASIN_RE = re.compile(rf"(?:{'|'.join(_RIVERS)})(?=流域)")


def river_basins(folded: str) -> list[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of a major river printed before 流域 (黄河|流域)."""
    if "流域" not in folded:
        return []
    return [
        (m.start(), m.end(), PlaceEntry(m.group(0), None, "region"))
        for m in _BASIN_RE.finditer(folded)
    ]


#: Where a river printed right after a division is the place itself, not the start of another
#: name: a bank, a shore or a stretch after it (某市某江畔, 某江两岸, 某江沿岸, 某江上游) or
#: punctuation; before anything else it opens a name (某县|某江|蔬菜产业园).
_BANK_RE = re.compile(r"畔|边|两岸|沿岸|沿线|岸边|上游|中游|下游|江面|水域|[，。、；：！？\s]|$")


def river_at_bank(folded: str, end: int) -> bool:
    """Whether the river ending at `end` is followed by a bank or a stretch (某江畔, 某江两岸)."""
    return _BANK_RE.match(folded, end) is not None
