"""A city heading an international festival's name is no place of the text.

The conventions leave festivals unmarked and nothing inside an event's title (`旅游节`). A
festival is named by its city, 国际 and its subject (`某市国际电影节`, `某市国际啤酒节`,
`某市国际风筝节`): a place followed by 国际, one to four characters and 节 is the head of the
festival's name and dropped; the same city elsewhere in the paragraph stays (`在某市开幕`).
节 opening a word (节能, 节约, 节点, 节日, 节目, 节假日) is no festival (`某市国际机场节假日`),
nor 节 closing one with the character before it (环节, 细节, 季节, 关节: `某市国际贸易环节`).
City news print festivals so every year, beyond one text.
"""

from __future__ import annotations

import re

from ..passes import Counters, stage_pass
from ._common import WORD_MIN_FREQ
from .state import FactState

_FESTIVAL_RE = re.compile(r"国际(?P<subject>[\u4e00-\u9fff]{1,4}?)节(?![能约点日目奏省制假庆])")


def _festival(folded: str, end: int) -> bool:
    """Whether a festival's name follows `end`: 国际, its subject and 节, the subject's last
    character no common word with 节 (国际|环节, 细节, 季节性, 关节外科, 贸易环节: the
    segmenter's dictionary from frequency 20; 春节, a time word, is a festival)."""
    from pipelines.text.segment import get_segmenter

    m = _FESTIVAL_RE.match(folded, end)
    if m is None:
        return False
    seg = get_segmenter()
    word = m["subject"][-1] + "节"
    return seg.frequency(word) < WORD_MIN_FREQ or seg.postokenizer.word_tag_tab.get(word) == "t"


@stage_pass("facts.filters_festivals.drop_festival_cities", requires=("folded", "facts"),
            assigns=("facts",))  # fmt: skip
def drop_festival_cities_pass(state: FactState, counters: Counters) -> FactState:
    """Places heading an international festival's name dropped (`某市|国际电影节`)."""
    folded = state.folded
    if "国际" not in folded or "节" not in folded:
        return state
    kept = [f for f in state.facts if f.type != "place" or not _festival(folded, f.end)]
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
