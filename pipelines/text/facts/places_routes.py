"""Cities named short on a route between two places (`某市至松原`, `大同到某市`).

The gazetteer does not read some cities' short forms alone because they are ordinary words or
parts of them too (gazetteer.py `NOT_SHORT`: 大同, 松原, 开封…). Printed as one end of a route
whose other end is a place (`长春至某某`, `某某到北京`), with the route word 至 or 到 between
them and the short form ending at punctuation, 、, 等, 方向 or a way's word (列车, 高速, 铁路…), or
starting after a non-CJK character or 从 (从大同到某市), the short form is the city: a route names
two places. Transport, holiday-travel and trade news print routes so (加开某地至某地列车, 某地至某地
高速公路), hence the rule reaches beyond one text.

Not read so: a short form that is also a district or county inside the place at the other end
(北京至朝阳: 朝阳区, not 朝阳市), and the short forms that are common words too (`_COMMON`: 来宾
"guests", 东方 "east").

Extractor and confidence: `place.route` 0.8, the city's entry as the gazetteer has it.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .gazetteer import NOT_SHORT, place_index
from .state import FactState

_NAMES = "|".join(sorted(NOT_SHORT, key=lambda n: (-len(n), n)))
#: Ways a route names after its far end (某地至松原高速公路, 加开某地至大同列车).
_WAYS = "列车|动车|高铁|高速|铁路|公路|航线|班列|段"
#: A short form after a route word, ending its item (至|松原、, 到|大同等, 至|松原高速公路).
_AFTER_RE = re.compile(rf"(?<=[至到])(?P<name>{_NAMES})(?=[、，。；：！？）等]|方向|{_WAYS}|$)")
#: A short form before a route word (大同|到|…), at a clause's start or after 从.
_BEFORE_RE = re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?<=从))(?P<name>{_NAMES})(?=[至到])")
#: Short forms that are common words too: never a city on this rule's evidence alone.
_COMMON = frozenset({"来宾", "东方", "阿里", "朝阳"})


def _code_prefix(code: str) -> str:
    while code.endswith("00"):
        code = code[:-2]
    return code


def _inside(name: str, other: Fact) -> bool:
    """Whether `name` is also a district or county inside the place `other`."""
    if not other.division_code:
        return False
    prefix = _code_prefix(other.division_code)
    return any(
        p.code and p.code.startswith(prefix)
        for suffix in ("区", "县")
        for p in place_index().get(name + suffix, ())
    )


def _city(text: str, s: int, e: int, other: Fact) -> Fact | None:
    """The place fact of the city whose short form is printed at s:e, the route's other end
    `other`, or None."""
    name = text[s:e]
    if name in _COMMON or _inside(name, other):
        return None
    entries = [p for p in place_index().get(name + "市", ()) if p.current]
    if len(entries) != 1:
        return None
    entry = entries[0]
    return Fact("place", s, e, name, name, "place.route", 0.8, unit=entry.level,
                canonical=entry.canonical, division_code=entry.code)  # fmt: skip


def route_cities(text: str, folded: str, places: list[Fact]) -> list[Fact]:
    """The cities named short at one end of a route whose other end is a place fact."""
    ends = {f.end: f for f in places}
    starts = {f.start: f for f in places}
    out = []
    for m in _AFTER_RE.finditer(folded):
        other = ends.get(m.start() - 1)
        if other and (f := _city(text, *m.span(), other)):
            out.append(f)
    for m in _BEFORE_RE.finditer(folded):
        other = starts.get(m.end() + 1)
        if other and (f := _city(text, *m.span(), other)):
            out.append(f)
    return out


@stage_pass("facts.places_routes.routes_pass", requires=("text", "folded", "facts"),
            assigns=("facts",))  # fmt: skip
def routes_pass(state: FactState, counters: Counters) -> FactState:
    """Cities named short at one end of a route to a place added (`长春至某某`)."""
    if "至" not in state.folded and "到" not in state.folded:
        return state
    places = [f for f in state.facts if f.type == "place"]
    if not places:
        return state
    return state.adding(route_cities(state.text, state.folded, places))
