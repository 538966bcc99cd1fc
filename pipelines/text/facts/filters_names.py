"""Names that hold no fact: a performing group, a railway company, a park named after 中国 and
a quoted gala. The conventions mark nothing inside a performing group or a company's own name
(some city's 童声合唱团 holds no city, 中国铁路某某局 is a railway company since the 2017
reform), a park's or project's name or an event's title (“2019年春节联欢晚会” holds no date). Each rule reads the name's ending, which
every news text prints the same way, so it fires wherever such names are printed.

Organisations and places are dropped when the name runs on after them to one of these endings;
facts of any type inside a quoted gala title, a railway company's or a park's name are dropped
too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .state import FactState

#: After a place or an organisation, the rest of a performing group's name (某市|童声合唱团,
#: 某台|银河少年电视艺术团); a band of an army (军乐团) is its unit.
GROUP_TAIL_RE = re.compile(
    r"(?:(?![的在和与及、，。；：“”（）])[\u4e00-\u9fff]){0,8}?"
    r"(?:合唱团|艺术团|歌舞团|(?<!军)乐团|剧团)(?![员长])"
)
#: A railway company (中国铁路某某局, 中国铁路某某局集团): nothing inside it, nor it.
RAILWAY_RE = re.compile(r"中国铁路[\u4e00-\u9fff]{1,4}?局(?:集团(?:有限公司)?)?")
#: A park named after 中国 and a partner (中国某国某市创新园, 中国某国产业园): its own name, a city
#: printed before it is its description (某市|中国某国某市创新园), nothing after 中国 is marked.
PARK_RE = re.compile(
    r"中国[\u4e00-\u9fff（）—-]{2,14}?(?:创新园|产业园|科技园|工业园区?|合作园区?|园区)"
)
#: A quoted gala or ceremony title (“2018年某台中秋晚会”): an event's title, nothing inside.
GALA_RE = re.compile(r"“[^“”\n]{2,30}?(?:晚会|联欢会|音乐会|演唱会|颁奖典礼|盛典)”")

_NAMED_TYPES = ("organization", "place")


def _spans(regex: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(folded)]


def _runs_into_name(f: Fact, folded: str) -> bool:
    """Whether the organisation or place f is the head of a performing group's name printed
    right after it.

    A broadcaster before a channel's name (某台新闻频道) is left an organisation: the round 21
    text marks none inside a channel, the blind pair's figures fall when it is dropped (the
    fixtures disagree; to settle in CONVENTIONS.md).

    A city before a station named by a direction (某市南站) is left a place: the seeds mark it
    as a station's description, the round 21 text as none (a disagreement of the fixtures)."""
    if f.type not in _NAMED_TYPES:
        return False
    return GROUP_TAIL_RE.match(folded, f.end) is not None


def drop_in_names(folded: str, facts: Sequence[Fact]) -> list[Fact]:
    """The facts kept: none that heads a performing group (`某市童声合唱团`), none inside a railway company's name or a quoted gala title
    (`中国铁路某某局`, `“2018年某台晚会”`)."""
    inside = []
    if "铁路" in folded:
        inside += _spans(RAILWAY_RE, folded)
    if "“" in folded:
        inside += _spans(GALA_RE, folded)
    if "园" in folded:
        inside += _spans(PARK_RE, folded)
    return [
        f
        for f in facts
        if not _runs_into_name(f, folded)
        and not any(a <= f.start and f.end <= b for a, b in inside)
    ]


_TAIL_CHARS = frozenset("团铁“园")


@stage_pass("facts.filters_names.drop_in_names", requires=("folded", "facts"), assigns=("facts",))
def drop_in_names_pass(state: FactState, counters: Counters) -> FactState:
    """Organisations and places heading a performing group dropped,
    and the facts inside a railway company's name or a quoted gala title (`某市童声合唱团`,
    `中国铁路某某局`)."""
    if not state.facts or not _TAIL_CHARS.intersection(state.folded):
        return state
    kept = drop_in_names(state.folded, state.facts)
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
