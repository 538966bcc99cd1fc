"""Cities named short on a route between two places (`某市至松原`, `大同到某市`).

The gazetteer does not read some cities' short forms alone because they are ordinary words or
parts of them too (gazetteer.py `NOT_SHORT`: 大同, 松原, 开封…). Printed as one end of a route
whose other end is a place (`长春至某某`, `某某到北京`), with the route word 至 or 到 between
them and the short form ending at punctuation, 、, 等 or 方向, the short form is the city: a
route names two places. Transport, holiday-travel and trade news print routes so (加开某地至某地
列车, 某地至某地高速公路), hence the rule reaches beyond one text.

Extractor and confidence: `place.route` 0.8, the city's entry as the gazetteer has it.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .gazetteer import NOT_SHORT, place_index
from .state import FactState

_NAMES = "|".join(sorted(NOT_SHORT, key=len, reverse=True))
#: A short form after a route word, ending its item (至|松原、, 到|大同等).
_AFTER_RE = re.compile(rf"(?<=[至到])(?P<name>{_NAMES})(?=[、，。；）等]|方向|$)")
#: A short form before a route word (大同|到|…).
_BEFORE_RE = re.compile(rf"(?<![\u4e00-\u9fff])(?P<name>{_NAMES})(?=[至到])")


def _city(text: str, s: int, e: int) -> Fact | None:
    """The place fact of the city whose short form is printed at s:e, or None."""
    name = text[s:e]
    entries = [p for p in place_index().get(name + "市", ()) if p.current]
    if len(entries) != 1:
        return None
    entry = entries[0]
    return Fact("place", s, e, name, name, "place.route", 0.8, unit=entry.level,
                canonical=entry.canonical, division_code=entry.code)  # fmt: skip


def route_cities(text: str, folded: str, places: list[Fact]) -> list[Fact]:
    """The cities named short at one end of a route whose other end is a place fact."""
    ends = {f.end for f in places}
    starts = {f.start for f in places}
    out = []
    for m in _AFTER_RE.finditer(folded):
        if m.start() - 1 in ends and (f := _city(text, *m.span())):
            out.append(f)
    for m in _BEFORE_RE.finditer(folded):
        if m.end() + 1 in starts and (f := _city(text, *m.span())):
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
