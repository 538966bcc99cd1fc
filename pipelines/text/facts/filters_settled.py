"""Names the second annotator's pass settled as holding no fact (CONVENTIONS.md, questions 3,
4, 12/22 and 21). Each rule reads a name's ending, printed the same way in every news text.

- Question 3: a year heading a games' name is no date (`某市2030年冬奥会`, `2030年亚运会`).
- Question 21: a broadcaster heading a channel's name is no organisation (`某电视台新闻频道`,
  `某台新媒体`, `某广播电台某某之声`); the broadcaster standing apart stays (`某电视台报道`).
- Questions 12/22: a city heading a facility's name is none when only a generic word is left
  (`某市南站`, `某市客运总站`); a name of its own after it keeps the city
  (`某市某某大桥`, `某市某某机场`: other rules).
- Question 4: a place opening an airline's registered name is part of it (`某国航空公司`,
  `某国国际航空公司`); a generic phrase is no name (`某国国内大型电信公司`, `多家某国航空公司`
  keep it).
"""

from __future__ import annotations

import re

from ..passes import Counters, stage_pass
from .state import FactState

#: A games' name after its year (2030年|冬奥会, 2030年|夏季奥运会, 2030年|亚残运会).
GAMES_RE = re.compile(
    r"(?:冬季|夏季)?(?:冬残奥会|残奥会|冬奥会|夏奥会|奥运会|奥林匹克运动会|青奥会|亚运会|亚残运会"
    r"|亚冬会|大运会|世界大学生运动会|全运会|青运会)"
)
_YEAR_RE = re.compile(r"\d{4}年")
#: A channel's name after its broadcaster (某台|新闻频道, 某台|新媒体, 某台|中国之声).
#: A list of channels shares its 频道 (某台|综合、综艺和国际频道); no verb or 的 between.
CHANNEL_RE = re.compile(
    r"(?:(?:(?![的在将是对于为报和])[\u4e00-\u9fffA-Za-z0-9+-]|[、和](?=[\u4e00-\u9fff]{2})){0,12}?频道"
    r"|[\u4e00-\u9fff]{0,2}新媒体|[\u4e00-\u9fff]{2}之声)"
)
#: A broadcaster: a station (电视台, 广播电台, 卫视, 总台) or its Latin short name.
BROADCASTER_RE = re.compile(r"(?:台|卫视|央视|央广|CGTN|CCTV|CNR|CRI)$")
#: Only a generic word after a city: a station named by a direction or a terminus (某市|南站,
#: 某市|客运总站; a foreign city's 国际机场: places_venues.py); 站 no verb (站稳, 站起, 站在).
FACILITY_RE = re.compile(
    r"(?:[东南西北]?站|火车站|高铁站|汽车站|客运站|客运总站)(?![稳起立在出住岗台点])"
)
#: An airline's registered name after a place (某国|航空公司, 某国|国际航空公司).
AIRLINE_RE = re.compile(r"(?:国际)?航空(?:公司|集团)")
_COUNTED = "家些各多几两数"


def _games_year(folded: str, start: int, end: int) -> bool:
    return _YEAR_RE.fullmatch(folded, start, end) is not None and bool(GAMES_RE.match(folded, end))


def _channel_head(fact_text: str, folded: str, end: int) -> bool:
    return BROADCASTER_RE.search(fact_text) is not None and bool(CHANNEL_RE.match(folded, end))


def _named_head(folded: str, end: int, place_ends: set[int], start: int) -> bool:
    """Whether a place heads a facility's or an airline's name: no place right before it (a
    county after its city: 某市|某县站 keeps both)."""
    if start in place_ends:
        return False
    if AIRLINE_RE.match(folded, end):  # not counted airlines (多家|某国航空公司: generic)
        return start == 0 or folded[start - 1] not in _COUNTED
    return bool(FACILITY_RE.match(folded, end))


@stage_pass("facts.filters_settled.drop_heads_of_names", requires=("folded", "facts"),
            assigns=("facts",))  # fmt: skip
def drop_heads_of_names_pass(state: FactState, counters: Counters) -> FactState:
    """Facts heading a name that holds none dropped: a games' year (`2030年|冬奥会`), a
    channel's broadcaster (`某电视台|新闻频道`), a city before a generic facility word
    (`某市|南站`), a country before an airline's name (`某国|航空公司`)."""
    folded = state.folded
    if not any(c in folded for c in "会道体声站航"):  # games, channels, stations, airlines
        return state
    kept = []
    place_ends = {f.end for f in state.facts if f.type == "place"}
    for f in state.facts:
        if f.type == "date" and _games_year(folded, f.start, f.end):
            continue
        if f.type == "organization" and _channel_head(f.text, folded, f.end):
            continue
        if f.type == "place" and _named_head(folded, f.end, place_ends, f.start):
            continue
        kept.append(f)
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
