"""Names that hold no fact: a performing group, a railway company, a park named after 中国 and
a quoted gala. The conventions mark nothing inside a performing group or a company's own name
(some city's 童声合唱团 holds no city, 中国铁路某某局 is a railway company since the 2017
reform), a park's name (中国某国产业园, 中国 included) or an event's title (“2019年春节联欢晚会”
holds no date). Each rule reads the name's ending, which every news text prints the same way,
so it fires wherever such names are printed; the segmenter and the gazetteer check what comes
between (a group word of its own and no verb, a place in a railway company's and a park's name,
no verb in a gala's title).

Organisations and places are dropped when the name runs on after them to a group's ending;
facts of any type inside a quoted gala title, a railway company's or a park's name are dropped
too.

Left as they are (the fixtures disagree; to settle in CONVENTIONS.md): a broadcaster before a
channel's name (某台新闻频道) stays an organisation, a city before a station named by a
direction (某市南站) a place."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import cut_window
from .gazetteer import place_index
from .state import FactState

#: After a place or an organisation, the rest of a performing group's name (某市|童声合唱团,
#: 某台|银河少年电视艺术团), at most six characters before the group word; a band of an army
#: (军乐团) is its unit, and 团员, 团长 are people. The group word must be a word of its own
#: (`_group_word`: not 快乐|团聚, 音乐|团队, 艺术|团体) with no verb before it (观看|剧团).
GROUP_TAIL_RE = re.compile(
    r"(?:(?![的在和与及、，。；：“”（）])[\u4e00-\u9fff]){0,6}?"
    r"(?:合唱团|艺术团|歌舞团|(?<!军)乐团|剧团)(?![员长])"
)
#: A railway company (中国铁路某某局, 中国铁路某某局集团: the part between a place of one to three
#: characters, `_railway_spans`): nothing inside it, nor it; not 布局, 格局 (中国铁路在某地布局).
RAILWAY_RE = re.compile(
    r"中国铁路(?P<place>[\u4e00-\u9fff]{1,3}?)局(?![面势部])(?:集团(?:有限公司)?)?"
)
#: A park named after 中国 and a partner (中国某国某市创新园, 中国—某国产业园): its own name, 中国
#: included, a city printed before it is its description (某市|中国某国某市创新园). The parts
#: between are place names (`_park_spans`), no clause (中国在某国建设的工业园区, 中国各地的产业园).
PARK_RE = re.compile(
    r"中国(?P<between>(?:(?![的在和与，、])[\u4e00-\u9fff（）—-]){2,14}?)"
    r"(?:创新园|产业园|科技园|工业园区?|合作园区?|园区)"
)
_PARK_JOINS = "（）—-"
#: A quoted gala or ceremony title (“2018年某台中秋晚会”): an event's title, nothing inside; not
#: a quoted clause (“某地今年将举办晚会”: a verb, `_gala_spans`) nor one with punctuation.
GALA_RE = re.compile(
    r"“[^“”\n，。；：！？、,;:!?]{2,30}?(?:晚会|联欢会|音乐会|演唱会|颁奖典礼|盛典)”"
)

_NAMED_TYPES = ("organization", "place")


def _spans(regex: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(folded)]


def _verb(tag: str) -> bool:
    return tag.startswith("v") and tag != "vn"


def _railway_spans(folded: str) -> list[tuple[int, int]]:
    index = place_index()
    return [m.span() for m in RAILWAY_RE.finditer(folded) if m["place"] in index]


def _places_only(text: str) -> bool:
    """Whether `text` is place names (the longest first) and joining marks only."""
    index, i = place_index(), 0
    while i < len(text):
        if text[i] in _PARK_JOINS:
            i += 1
            continue
        n = next((n for n in range(min(8, len(text) - i), 1, -1) if text[i : i + n] in index), 0)
        if not n:
            return False
        i += n
    return True


def _park_spans(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in PARK_RE.finditer(folded) if _places_only(m["between"])]


def _gala_spans(folded: str) -> list[tuple[int, int]]:
    out = []
    for m in GALA_RE.finditer(folded):
        _, tags = cut_window(m.group(0)[1:-1])
        if not any(_verb(tag) for tag in tags):
            out.append(m.span())
    return out


def _group_word(folded: str, s: int, e: int) -> bool:
    """Whether the segmenter cuts the group word ending at `e` as a word of its own (a word
    ending at `e`) with no verb before it from `s`."""
    tokens, tags = cut_window(folded[s : e + 2])
    at = s
    for token, tag in zip(tokens, tags, strict=True):
        at += len(token)
        if at >= e:
            return at == e
        if _verb(tag):
            return False
    return False


def _runs_into_name(f: Fact, folded: str) -> bool:
    """Whether the organisation or place f is the head of a performing group's name printed
    right after it (`GROUP_TAIL_RE`, the group word a word of its own)."""
    if f.type not in _NAMED_TYPES:
        return False
    m = GROUP_TAIL_RE.match(folded, f.end)
    return m is not None and _group_word(folded, f.end, m.end())


def drop_in_names(folded: str, facts: Sequence[Fact]) -> list[Fact]:
    """The facts kept: none that heads a performing group (`某市童声合唱团`), none inside a
    railway company's or a park's name or a quoted gala title (`中国铁路某某局`, `中国某国产业园`,
    `“2018年某台晚会”`)."""
    inside = []
    if "铁路" in folded:
        inside += _railway_spans(folded)
    if "“" in folded:
        inside += _gala_spans(folded)
    if "园" in folded:
        inside += _park_spans(folded)
    return [
        f
        for f in facts
        if not _runs_into_name(f, folded)
        and not any(a <= f.start and f.end <= b for a, b in inside)
    ]


_TAIL_CHARS = frozenset("团铁“园")


@stage_pass("facts.filters_names.drop_in_names", requires=("folded", "facts"), assigns=("facts",))
def drop_in_names_pass(state: FactState, counters: Counters) -> FactState:
    """Organisations and places heading a performing group dropped, and the facts inside a
    railway company's or a park's name or a quoted gala title (`某市童声合唱团`, `中国铁路某某局`,
    `中国某国产业园`, `“某台晚会”`)."""
    if not state.facts or not _TAIL_CHARS.intersection(state.folded):
        return state
    kept = drop_in_names(state.folded, state.facts)
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
