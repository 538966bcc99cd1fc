"""A venue's or an airport's name after its city (某市大剧院, 某市国际会展中心, 某市奥林匹克体育中心): the city is
part of the venue's own name, no place, as the conventions leave nothing marked inside a venue's
name. Used by facts/places.py's test of what follows a place (`_NOT_PLACE_AFTER_RE`).

A foreign city printed right before 国际机场 names the airport (某外国城市国际机场): no place, as
the conventions settled it (accepted.yaml); a Chinese city or a chain before an airport's own
name describes it (杭州萧山国际机场, 某国某城某某国际机场: the places marked).
"""

from __future__ import annotations

import re
from itertools import pairwise

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .gazetteer import place_index, scan
from .state import FactState

#: At most four characters without a function word, then a venue's ending: theatres, concert
#: halls, stadiums, gymnasiums, exhibition and convention centres, auditoriums, zoos, botanical
#: gardens and aquariums (某市动物园: a city's zoo is named after it); museums with a
#: word of their own after the place (某某水乡文化博物馆: the region opens the museum's name; a
#: country's bare 法国博物馆 is the country's institution, its country a place).
_NAME_CHAR = (
    r"(?:(?![的了在是和与及或对把被从为以于由将也都就还要等各该这那其，。])[\u4e00-\u9fff])"
)
#: The venues a place names after itself (one tuple: VENUE and `_CITY_VENUE_RE` read it).
_VENUE_ENDINGS = (
    "大剧院", "剧院", "音乐厅", "体育馆", "体育场", "体育中心", "会展中心", "展览中心",
    "博览中心", "大礼堂", "动物园", "植物园", "水族馆", "海洋馆",
)  # fmt: skip
VENUE = (
    rf"(?:{_NAME_CHAR}{{0,4}}?(?:{'|'.join(_VENUE_ENDINGS)})"
    rf"|{_NAME_CHAR}{{1,4}}?(?:博物馆|纪念馆|美术馆|科技馆))"
)


def names_an_airport(folded: str, e: int, name: str) -> bool:
    """Whether the listed place `name` ending at `e` is a foreign city before 国际机场."""
    return folded.startswith("国际机场", e) and place_index()[name][0].level == "foreign_city"


#: The kinds of venue a city names after itself (某市动物园, 某市体育馆): read by
#: `venue_countries` right after a listed city.
_CITY_VENUE_RE = re.compile("|".join(_VENUE_ENDINGS))


def venue_countries(text: str, folded: str) -> list[Fact]:
    """A country printed right before a city and the city's venue (`某国|某城动物园`): the
    country describes the venue, a place; the city opens the venue's name (none). Foreign
    news name venues so (a zoo, a stadium, an opera house of a capital after its country)."""
    hits = [h for h in scan(folded) if h.kind == "place"]
    out = []
    for h1, h2 in pairwise(hits):
        if h1.end != h2.start or not _CITY_VENUE_RE.match(folded, h2.end):
            continue
        entry = place_index()[h1.name][0]
        if entry.level != "country" or h1.name == "中国":
            continue
        span = (h1.start, h1.end, text[h1.start : h1.end], h1.name)
        out.append(
            Fact("place", *span, "place.world", 0.8, unit="country", canonical=entry.canonical)
        )
    return out


@stage_pass(
    "facts.places_venues.venue_countries_pass", requires=("text", "folded"), assigns=("facts",)
)
def venue_countries_pass(state: FactState, counters: Counters) -> FactState:
    """A country before a city's venue added as a place (`某国|某城动物园`)."""
    return state.adding(venue_countries(state.text, state.folded))
