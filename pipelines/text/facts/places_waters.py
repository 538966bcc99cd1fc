"""A major river named as a body of water, without 流域: its stretch, its water, a dam on it.

`places_rivers` reads a river before 流域 only, since a river's name mostly opens another name
(长江经济带, 黄河文化, 长江大学). Flood, weather and water-works news name the river itself in
three shapes the conventions mark as places (rivers are places): a stretch or its water after
it (`某江上游`, `某河下游`, `某江干流`, `某河水位`, `某河底部`), a reservoir, dam or power station on
it printed after it as its description (`某河某某库区`, `某江某某水电站`: the river marked, the
site's name not, as a city before a station's name), and a list of waters closed by a kind
or a stretch (`某江、某江等多条河流`, `某江、某河上游`: each river before another one of a list).
A stretch word heading a region's name is none (`某江中游城市群`, as 长江经济带); nor a site
after a company named after the river (`某江电力旗下水电站`). `place.river` 0.8, level `region`.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .places_rivers import _RIVERS
from .state import FactState

#: A stretch word not heading a region's name (某江中游|城市群, 沿岸地区, 经济带: a region, none).
_STRETCH = (
    r"(?:上游|中游|下游|干流|支流|水位|河道|河段|河床|底部|沿岸|两岸|入海口|汛情|来水|水域)"
    r"(?!城市群|地区|经济带|经济区)"
)
#: An organisation's name word never inside the gap before a site: the river names a company,
#: a university or a brand there (某江电力旗下水电站, 某江大学附属水库, 某江啤酒集团大坝).
_ORG_WORDS = r"大学|学院|电力|集团|公司|啤酒|银行|股份|控股|证券|实业|医院"
_SITE = rf"(?:(?!{_ORG_WORDS})[\u4e00-\u9fff]){{2,4}}?(?:库区|水库|大坝|水电站|水利枢纽)"
_WATERS = r"等[\u4e00-\u9fff]{0,3}(?:河流|江河|河湖)"
_NAMES = "|".join(_RIVERS)
#: A river before a stretch, a site, or in a list of waters (`某江、某江等…河流`, `某江、某河上游`,
#: `某江、某河流域`): the list's last river followed by a stretch word, 流域 or 等…河流 (某江、某河文化,
#: 某江、某河经济带 are none).
_RIVER_RE = re.compile(
    rf"(?:{_NAMES})(?=(?:、(?:{_NAMES}))*(?:{_STRETCH}|{_WATERS}|流域(?!经济带))|{_SITE})"
)


def named_waters(text: str, folded: str) -> list[Fact]:
    """The major rivers of one paragraph named as water (`某河下游`, `某江某某水库`)."""
    return [
        Fact(
            "place",
            m.start(),
            m.end(),
            text[m.start() : m.end()],
            m.group(0),
            "place.river",
            0.8,
            unit="region",
            canonical=m.group(0),
        )
        for m in _RIVER_RE.finditer(folded)
    ]


@stage_pass("facts.places_waters.waters_pass", requires=("text", "folded"), assigns=("facts",))
def waters_pass(state: FactState, counters: Counters) -> FactState:
    """Major rivers named as a body of water added (`某河下游`: the river a place)."""
    if not any(r in state.folded for r in _RIVERS):
        return state
    return state.adding(named_waters(state.text, state.folded))
