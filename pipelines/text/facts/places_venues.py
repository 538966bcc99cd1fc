"""A venue's name after its city (某市大剧院, 某市国际会展中心, 某市奥林匹克体育中心): the city is
part of the venue's own name, no place, as the conventions leave nothing marked inside a venue's
name. Used by facts/places.py's test of what follows a place (`_NOT_PLACE_AFTER_RE`).
"""

from __future__ import annotations

#: At most four characters without a function word, then a venue's ending: theatres, concert
#: halls, stadiums, gymnasiums, exhibition and convention centres, auditoriums.
VENUE = (
    r"(?:(?![的了在是和与及或对把被从为以于由将也都就还要等各该这那其，。])[\u4e00-\u9fff]){0,4}?"
    r"(?:大剧院|剧院|音乐厅|体育馆|体育场|体育中心|会展中心|展览中心|博览中心|大礼堂)"
)
