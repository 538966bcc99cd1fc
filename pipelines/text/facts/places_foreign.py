"""Foreign places below the gazetteer's level: districts, islands and towns of a foreign
country, printed after it or with a level word.

The world gazetteer lists countries, capitals, major cities and first-level divisions; news
items name smaller places after them. A foreign place (a country, or a city or division
printed with its level word) is extended by:
- a run of transliteration characters (data/facts_transliteration.txt) and a level or
  feature word (地区, 群岛, 省, 州, 邦, 市, 县, 区, 岛): `丹麦|博恩霍尔姆岛`,
  `旁遮普省|拉希姆亚尔汗地区`;
- after a level word, one to three characters and such a word (Japanese and Korean names are
  no transliteration): `冲绳县|琉球岛`, `光州市|东区`;
- after a country, a run of three or more transliteration characters whose end is clear
  (punctuation, 或, 和, 与, 等): `乌克兰|哈尔科夫或…`, or a run of two or more before a plant,
  a base or an airport (`某国|某某兹|核电站`: the facility's site).
Alone, a run of two to seven transliteration characters before 州, 邦 or 大区 is a foreign state
or region (`比哈尔邦`, `西弗吉尼亚州`, the regions of Italy, France and Greece: `某某第大区`;
not a listed place before 大区: `华东|大区经理`),
`place.world` 0.7: a listed place of the same span wins.
A run of three to six transliteration characters right before an expo or a festival it hosts
(`萨拉戈萨国际博览会`, `第5届普罗夫迪夫博览会`, `戛纳电影节`) is its host city, `place.world` too;
a listed region of the same span wins (东南亚博览会), two characters are too few (亚欧博览会).
A run before 省 or 州 and 省会 or 首府, and a run after it, are a province and its capital.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._common import WORD_MIN_FREQ, load_list
from .gazetteer import Hit, PlaceEntry

_CHARS = "".join(c for line in load_list("facts_transliteration.txt") for c in line.split())
_LEVEL = r"(?:地区|群岛|[省州邦市县区岛])"
_RUN_LEVEL_RE = re.compile(rf"[{_CHARS}]{{2,8}}?{_LEVEL}")
_SHORT_LEVEL_RE = re.compile(rf"[\u4e00-\u9fff]{{1,3}}?{_LEVEL}")
_RUN_END_RE = re.compile(rf"[{_CHARS}]{{3,8}}?(?=[，。；、！？）)]|或|和|与|等|$)")
STATE_RE = re.compile(rf"[{_CHARS}]{{2,7}}(?:[州邦]|大区)")
EVENT_HOST_RE = re.compile(
    rf"(?<![{_CHARS}])[{_CHARS}]{{3,6}}(?=(?:国际)?(?:博览会|展览会|电影节|艺术节|音乐节))"
)


#: After a country, the site of a facility: a run of two to six transliteration characters
#: right before a plant, a base or an airport (某国|某某兹|核电站, 某国|某某尔|空军基地): the
#: site is a place of the country, the facility none.
_RUN_SITE_RE = re.compile(
    rf"[{_CHARS}]{{2,6}}?(?=核电站|核电厂|核设施|核反应堆|铀浓缩|空军基地|海军基地|军事基地|机场)"
)


def _site(folded: str, e: int) -> re.Match[str] | None:
    """A facility's site after a country (see _RUN_SITE_RE); not a common word (海外, 本土:
    the segmenter's dictionary knows them, a transliterated site it mostly does not)."""
    m = _RUN_SITE_RE.match(folded, e)
    if m is None:
        return None
    from pipelines.text.segment import get_segmenter

    return None if get_segmenter().frequency(m.group(0)) >= WORD_MIN_FREQ else m


#: After a country, a city named in translation with its 市 (某国|某田市, 某国|某谷市): two or three
#: characters, no function word, 市 not opening a word (市场, 市民).
_CITY_RE = re.compile(
    r"(?:(?![各个多等和与及的在了其该])[\u4e00-\u9fff]){2,3}?市(?![场民值面况委长政区])"
)


#: A market's goods before 市 (车市, 房市, 楼市, 股市, 债市, 菜市, 汇市): a market, no city.
_MARKETS = set("车房楼股债菜汇")


def _city(folded: str, e: int) -> re.Match[str] | None:
    """A translated city after a country (see _CITY_RE): neither its name, nor the name with
    市, nor its last character with 市 a common word (大城市, 各大城市, 超市, 夜市 are none); no
    market (某国二手车市) and no time word first (某国上周|车市: the segmenter's tag t)."""
    m = _CITY_RE.match(folded, e)
    if m is None:
        return None
    from pipelines.text.segment import get_segmenter

    seg = get_segmenter()
    freq, city = seg.frequency, m.group(0)
    if city[-2] in _MARKETS or seg.postokenizer.word_tag_tab.get(city[:2]) == "t":
        return None
    words = (city[:-1], city, city[-2:])
    return None if max(freq(w) for w in words) >= WORD_MIN_FREQ else m


def extend_foreign(folded: str, e: int, *, after_level: bool, country: bool) -> int:
    """The end of a foreign place ending at `e` with the smaller place printed after it."""
    m = _RUN_LEVEL_RE.match(folded, e)
    if m is None and after_level:
        m = _SHORT_LEVEL_RE.match(folded, e)
    if m is None and country:
        m = _RUN_END_RE.match(folded, e) or _site(folded, e) or _city(folded, e)
    return m.end() if m else e


#: A foreign province or state and its capital (某某尔省省会某某迪, 某某州首府某某): two runs of
#: transliteration characters, the capital ended by a character that is none.
_CAPITAL_RE = re.compile(
    rf"(?<![{_CHARS}])(?P<p>[{_CHARS}]{{2,7}}[省州])(?:省会|首府)(?P<c>[{_CHARS}]{{2,6}})(?![{_CHARS}])"
)


def provincial_capitals(folded: str) -> Iterator[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of a foreign province printed with its capital and of the capital
    (`安巴尔省省会拉马迪附近`: two places); a listed place of the same span wins."""
    if "省会" not in folded and "首府" not in folded:
        return
    for m in _CAPITAL_RE.finditer(folded):
        yield m.start("p"), m.end("p"), PlaceEntry(m["p"], None, "foreign_division")
        yield m.start("c"), m.end("c"), PlaceEntry(m["c"], None, "foreign_city")


def foreign_states(folded: str, hits: tuple[Hit, ...]) -> Iterator[tuple[int, int]]:
    """Spans of the runs of `STATE_RE` (比哈尔邦, 某某大区) no listed name runs across (让|泰州市);
    before 大区 a listed place is read alone (华东|大区经理, 巴西利亚|大区: no region)."""
    if not any(w in folded for w in "州邦区"):
        return
    for m in STATE_RE.finditer(folded):
        overlapping = [h for h in hits if h.start < m.end() and m.start() < h.end]
        if any(h.start < m.start() or h.end > m.end() for h in overlapping):
            continue
        if m.group(0).endswith("大区") and any(h.end == m.end() - 2 for h in overlapping):
            continue
        yield m.start(), m.end()
