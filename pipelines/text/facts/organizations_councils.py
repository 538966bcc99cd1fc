"""Councils, federations and cabinets named after a place, and forums that hold summits.

- A listed place (a country, a region, a province) and a name ending in 理事会, 总会, 联盟 or
  部长会议 is one organisation, the place inside it (`欧洲企业理事会联盟`, `香港工商总会`,
  `塞尔维亚部长会议`: a foreign cabinet), and so is a place before the short name of an
  international council (`中国经社理事会`: the place's own council, not the UN's): at most
  six characters between, none a function word (`organization.council`, 0.8); a pair joined by
  a dash before it is one name with it (`欧盟—乌克兰理事会`).
- A forum whose summit or ministerial meeting is named after it and a place (`中阿合作论坛北京
  部长级会议`, `东亚论坛上海峰会`) is an organisation, the body holding the meeting
  (`organization.forum`, 0.8): the forum's name starts as a meeting's name starts.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import NAME_STOPS_COUNTERS, cut_window, organization_fact, spaceless
from .gazetteer import party_before, scan
from .meetings_named import name_start
from .state import FactState

_FUNCTION = NAME_STOPS_COUNTERS
_COUNCIL_RE = re.compile(
    rf"(?:(?![{_FUNCTION}])[\u4e00-\u9fff]){{0,6}}?(?:理事会联盟|理事会|总会|联盟|部长会议)"
)
_ENDINGS = ("理事会", "总会", "联盟", "部长会议")
_FORUM_MEETING_RE = re.compile(r"(?:峰会|部长级会议|会议)")


def _pair_start(folded: str, start: int) -> int:
    """Start of a council's name whose place is the second of a pair joined by a dash
    (`欧盟—乌克兰理事会` starts at 欧盟: one body of both), else `start`."""
    dash = start
    while dash > 0 and folded[dash - 1] in "-—":
        dash -= 1
    found = party_before(folded, dash) if dash < start else None
    return start if found is None else found


def _council_name(folded: str, start: int, m: re.Match[str]) -> bool:
    """Whether the words between a place and a council's ending name a body, not a clause:
    no verb among them (美国退出人权理事会: 退出), and 总会 after a trade (工商总会, 工业总会)
    with no verb right after it (中国人民总会记得, 中国总会在…: the adverb "always will")."""
    middle = folded[start : m.end()]
    tags = cut_window(middle)[1]
    if any(tag.startswith("v") for tag in tags[:-1]):
        return False
    if not m.group().endswith("总会"):
        return True
    if m.end() - start <= 2:
        return False
    after = cut_window(folded[m.end() : m.end() + 4])[1]
    return not (after and after[0].startswith("v"))


def place_councils(text: str, folded: str) -> list[Fact]:
    """Councils and cabinets of a place (`香港工商总会`) and forums holding a summit of a place
    (`东亚论坛上海峰会` -> 东亚论坛) of one paragraph."""
    if not any(w in folded for w in _ENDINGS) and "论坛" not in folded:
        return []
    out: list[Fact] = []
    hits = scan(folded)
    for h in hits:
        if h.kind != "place":
            continue
        m = _COUNCIL_RE.match(folded, h.end)
        if m is not None and _council_name(folded, h.end, m):
            s = _pair_start(folded, h.start)
            out.append(organization_fact(text, s, m.end(), "organization.council", 0.8,
                                         spaceless(text[s : m.end()])))  # fmt: skip
        forum = h.start - 2
        if (
            forum >= 2
            and folded.startswith("论坛", forum)
            and _FORUM_MEETING_RE.match(folded, h.end)
        ):
            s = name_start(folded, forum)
            if s is not None and forum - s >= 2:
                out.append(organization_fact(text, s, h.start, "organization.forum", 0.8,
                                             spaceless(text[s : h.start])))  # fmt: skip
    return out


@stage_pass(
    "facts.organizations_councils.place_councils", requires=("text", "folded"), assigns=("facts",)
)
def place_councils_pass(state: FactState, counters: Counters) -> FactState:
    """Councils and cabinets named after a place, and forums that hold summits, added
    (`香港工商总会`, `中阿合作论坛北京部长级会议` holds the forum)."""
    return state.adding(place_councils(state.text, state.folded))
