"""A municipality printed by its one-character abbreviation after a verb of place.

News items write `在京举行`, `来沪考察`, `抵津`, `返京`: 京, 沪, 津, 渝 (data/
places_abbreviations.tsv) after 在, 来, 赴, 抵, 离, 进, 返, 回 and before a verb of meeting or
staying, of settling (`在京落地`, `在沪落户`, `在津设立`), of living or working there (`在京务工`)
or punctuation, a space or the end of a headline (`某某号抵京 某某`) are places. Elsewhere the character is part of a word (京东, 沪深股市,
津贴) and no place. `place.abbreviation` 0.8, with the municipality's full name and code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._common import load_list
from .gazetteer import PlaceEntry

_ENTRIES = {
    abbr: PlaceEntry(name, code, "province")
    for abbr, name, code in (line.split("\t") for line in load_list("places_abbreviations.tsv"))
}
_ABBR_RE = re.compile(
    rf"(?<=[在来赴抵离进返回])[{''.join(_ENTRIES)}]"
    r"(?=举行|召开|开幕|闭幕|出席|会见|会谈|逝世|成立|发布|主持|考察|访问|调研|期间|工作|参加"
    r"|落地|落户|设立|揭牌|启动|举办|签署|签约|亮相|居住|生活|就医|就业|务工|求学|[，。；、）]|\s|$)"
)


def abbreviated_places(folded: str) -> Iterator[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of every abbreviated municipality after a verb of place."""
    for m in _ABBR_RE.finditer(folded):
        yield m.start(), m.end(), _ENTRIES[m.group(0)]
