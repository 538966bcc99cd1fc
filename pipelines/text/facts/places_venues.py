"""A venue's or an airport's name after its city (某市大剧院, 某市国际会展中心, 某市奥林匹克体育中心): the city is
part of the venue's own name, no place, as the conventions leave nothing marked inside a venue's
name. Used by facts/places.py's test of what follows a place (`_NOT_PLACE_AFTER_RE`).

A foreign city printed right before 国际机场 names the airport (某外国城市国际机场): no place, as
the conventions settled it (accepted.yaml); a Chinese city or a chain before an airport's own
name describes it (杭州萧山国际机场, 某国某城某某国际机场: the places marked).
"""

from __future__ import annotations

from .gazetteer import place_index

#: At most four characters without a function word, then a venue's ending: theatres, concert
#: halls, stadiums, gymnasiums, exhibition and convention centres, auditoriums; museums with a
#: word of their own after the place (某某水乡文化博物馆: the region opens the museum's name; a
#: country's bare 法国博物馆 is the country's institution, its country a place).
_NAME_CHAR = (
    r"(?:(?![的了在是和与及或对把被从为以于由将也都就还要等各该这那其，。])[\u4e00-\u9fff])"
)
VENUE = (
    rf"(?:{_NAME_CHAR}{{0,4}}?"
    r"(?:大剧院|剧院|音乐厅|体育馆|体育场|体育中心|会展中心|展览中心|博览中心|大礼堂)"
    rf"|{_NAME_CHAR}{{1,4}}?(?:博物馆|纪念馆|美术馆|科技馆))"
)


def names_an_airport(folded: str, e: int, name: str) -> bool:
    """Whether the listed place `name` ending at `e` is a foreign city before 国际机场."""
    return folded.startswith("国际机场", e) and place_index()[name][0].level == "foreign_city"
