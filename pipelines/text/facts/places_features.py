"""Natural features named by their kind: ocean trenches and basins (`某某海沟`, `某某盆地`).

A trench, a trough or a basin is printed as its proper name and its kind, run together
(`某某海沟`, `某某海槽`, `某某盆地`): the whole is one place (the conventions mark seas, rivers,
lakes, mountain ranges as places; a basin after its region is one place with it, as 杭州钱塘江).
The name runs back from the kind over Chinese characters to punctuation or a one-character
preposition or conjunction (在|某某海沟, 。|某某盆地, 和|某某海沟), leading verbs, adverbs and time
words cut off by the dictionary's tags (预计|某某盆地), and has two to six characters; a place the
gazetteer reads at its head (a country's name opening a trench's name) is then inside the
longer span and drops out when spans of one type are resolved. Weather, science and
expedition news name basins and trenches by this suffix, so the rule fires beyond one text.
`place.feature` 0.75, level `region`.

A peninsula (`某某半岛`) is one place when the segmenter's dictionary holds the whole name as a
place name (tag `ns`: 山东半岛, 辽东半岛, 马来半岛; not 半岛电视台, a channel, nor a name it does
not know); an entry opening with a country (埃及西奈半岛) is read as the country and the shorter
entry after it (西奈半岛): weather and foreign news name peninsulas so, and the dictionary lists the known ones.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .state import FactState

_FEATURE_RE = re.compile(r"海沟|海槽|海盆|盆地")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BOUNDARY = "在和与及的从到至、"
#: Dictionary tags of a leading word that is no part of a name: verbs, adverbs, prepositions,
#: conjunctions, time words, pronouns, numerals.
_NOT_NAME = "vdpctrm"


def _start(folded: str, end: int) -> int | None:
    """Start of the feature's name ending at `end`, or None if there is none of 2-6 characters."""
    s = end
    while s > 0 and end - s < 9 and _HAN.match(folded[s - 1]) and folded[s - 1] not in _BOUNDARY:
        s -= 1
    if s > 0 and _HAN.match(folded[s - 1]) and folded[s - 1] not in _BOUNDARY:
        return None  # a longer run: where the name starts is unclear
    from pipelines.text.segment import get_segmenter

    tags = get_segmenter().postokenizer.word_tag_tab
    while end - s > 2 and (tag := tags.get(folded[s : s + 2])) and tag[0] in _NOT_NAME:
        s += 2
    return s if 2 <= end - s <= 6 else None


def natural_features(text: str, folded: str) -> list[Fact]:
    """The trenches and basins of one paragraph (`某某海沟`: one place)."""
    out: list[Fact] = []
    for m in _FEATURE_RE.finditer(folded):
        s = _start(folded, m.start())
        if s is None:
            continue
        name = "".join(text[s : m.end()].split())
        out.append(Fact("place", s, m.end(), text[s : m.end()], name, "place.feature", 0.75,
                        unit="region", canonical=name))  # fmt: skip
    return out + peninsulas(text, folded)


def _country_led(name: str) -> bool:
    """Whether a dictionary entry opens with a country's name before a peninsula's own name
    (埃及|西奈半岛; not 朝鲜半岛): the country is a place of its own, the peninsula after it."""
    from .gazetteer import place_index

    index = place_index()
    return any(
        e.level == "country"
        for n in (2, 3, 4)
        if len(name) - n >= 4
        for e in index.get(name[:n], ())
    )


def peninsulas(text: str, folded: str) -> list[Fact]:
    """The peninsulas of one paragraph the dictionary names as places (`某东半岛`)."""
    from pipelines.text.segment import get_segmenter

    tags = get_segmenter().postokenizer.word_tag_tab
    out: list[Fact] = []
    for m in re.finditer("半岛", folded) if "半岛" in folded else ():
        for n in (6, 5, 4):
            s = m.end() - n
            if (
                s >= 0
                and tags.get(folded[s : m.end()]) == "ns"
                and not _country_led(folded[s : m.end()])
            ):
                out.append(Fact("place", s, m.end(), text[s : m.end()], folded[s : m.end()],
                                "place.feature", 0.75, unit="region", canonical=folded[s : m.end()]))  # fmt: skip
                break
    return out


@stage_pass("facts.places_features.features_pass", requires=("text", "folded"), assigns=("facts",))
def features_pass(state: FactState, counters: Counters) -> FactState:
    """Ocean trenches, basins and listed peninsulas added, each one place (`某某海沟`)."""
    if "海" not in state.folded and "盆地" not in state.folded and "半岛" not in state.folded:
        return state
    return state.adding(natural_features(state.text, state.folded))
