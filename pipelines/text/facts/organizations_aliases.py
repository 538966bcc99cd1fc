"""Guards for the organs read by a listed short name (an alias of data/organs_*.tsv): where the
alias is cut out of a word, and where a place before it makes it another organ.

Called from facts/organizations.py (`_organs`, `_after_place`).
- A foreign outlet or party printed bare (organs_foreign.tsv: 某某报, 工党) is cut out of a
  word before 道, 告 (某某报|道: 报道) or, a party, before 派, 内, 组, 支, 小… (职工党|小组,
  党|内): `outlet_cut`; so is a national organ's alias after 苏联 or 苏 (苏联红军: the Soviet
  army, no 中国工农红军). National names are not so guarded (中国共产党内部, 人民日报刊文).
- A country before a party's or an outlet's alias that names another country (澳大利亚|工党,
  where 工党 alone is 英国工党) is one organisation with it, canonical the printed name
  (`other_country_alias`); a Chinese province, city or county before a national organ's
  alias (宁波市|贸促会, 浙江|海警局) is its local body, canonical the printed name, no
  national one (`local_alias`); an alias holding the place (香港|中联办) stays national.
"""

from __future__ import annotations

import re

from ._common import NAME_STOPS
from .gazetteer import Hit, PlaceEntry, foreign_outlets, national_organs

_OUTLETS = foreign_outlets()
#: A bare foreign outlet or party cut out of a word by the character after it.
_OUTLET_CUT = re.compile(r"(?<=报)[道告]|(?<=党)[派内外组支建性风校史课小]")
#: The same after any national organ: its offices (民政部门), members (共青团员), its head's
#: contracted title (外交部长), a meeting of it is kept (某会议); a broadcaster at the head of its
#: channel's name, of channel-name characters only (某台新闻频道: a channel; 某台|在综合频道: no).
NOT_AFTER_NATIONAL = re.compile(
    rf"门|员|会(?!议)|(?<=[部局厅署])长|(?:(?![{NAME_STOPS}])[\u4e00-\u9fff]){{0,4}}?频道"
)


def outlet_cut(folded: str, h: Hit) -> bool:
    """Whether the foreign outlet or party of `h` is cut out of a word (报道, 党小组), or the
    national organ's alias of `h` belongs to the Soviet Union printed before it (苏联红军, 苏红军:
    no 中国工农红军)."""
    if h.name in _OUTLETS and _OUTLET_CUT.match(folded, h.end) is not None:
        return True
    return (
        folded[: h.start].endswith(("苏联", "苏"))
        and national_organs().get(h.name, h.name) != h.name
    )


def other_country_alias(country: str, h: Hit) -> bool:
    """Whether the outlet or party of `h`, printed after `country`, is an alias whose canonical
    name belongs to another country (澳大利亚|工党: 英国工党): the two then are one name."""
    canonical = national_organs().get(h.name, h.name)
    return h.name in _OUTLETS and canonical != h.name and country not in canonical


def local_alias(place: str, h: Hit) -> bool:
    """Whether the national organ of `h`, printed after the Chinese place `place` (short
    name), is an alias read as the place's own body (宁波市|贸促会, 浙江|海警局)."""
    canonical = national_organs().get(h.name, h.name)
    return h.kind == "organ" and canonical != h.name and place not in canonical


def joins_place(
    folded: str, hits: tuple[Hit, ...], j: int, entry: PlaceEntry, code: str | None
) -> bool:
    """Whether the alias of hits[j], printed right after the place hits[j - 1] (`entry` its entry,
    `code` the division code of the chain), is one name with it, the printed one (澳大利亚|工党, 宁波市|贸促会); not
    when the alias is cut out of a word (北京市|交通部门: 部门 an office)."""
    h, place = hits[j], hits[j - 1].name
    if NOT_AFTER_NATIONAL.match(folded, h.end) or outlet_cut(folded, h):
        return False
    if entry.level == "country":
        return other_country_alias(entry.canonical, h)
    return code is not None and local_alias(place, h)
