"""Congresses named after their edition (第72届某某大会, 第五届某某年会) and side meetings
(边会), called from facts/meetings_named.py (`meeting.named`, 0.75).

An edition ordinal (第N届) opens a name's series: the name after it, ending in 大会 or 年会, is
a meeting (the edition left out, as 第二届进博会 -> 进博会), unless it is an institution
(代表大会: 人民代表大会) or a games (运动大会, 体育大会). A side meeting (边会) is a meeting on
its own; a quoted theme and 主题 before it are outside it (“…”主题边会 -> 边会).
"""

from __future__ import annotations

import re

#: Function words no meeting's name holds; a rule adds the characters its context excludes.
NOT_NAME_CHARS = "的了在是和与及或对把被从为以于由将也都就还要等各该这那其"


def name_char(also: str = "") -> str:
    """A pattern of one Chinese character of a meeting's name: none of `NOT_NAME_CHARS` nor of
    `also` (the edition's 届次, the holding verbs 召举开办)."""
    return rf"(?:(?![{NOT_NAME_CHARS}{also}])[\u4e00-\u9fff])"


#: A congress's closing 大会, not an institution's (代表大会) nor a games (运动大会, 体育大会:
#: games are no meetings, CONVENTIONS.md question 26).
CONGRESS = r"(?<!代表|运动|体育)大会"
_NAME_CHAR = name_char("届次")
#: 第72届世界某某大会, 第十届某某论坛年会: the name after the edition, two to twelve characters.
EDITION_CONGRESS_RE = re.compile(
    rf"第[一二三四五六七八九十百\d]+届(?P<name>{_NAME_CHAR}{{2,12}}?(?:{CONGRESS}|年会))"
)
#: A side meeting (边会): the bare word where a meeting is held or counted (举办边会, 一场边会,
#: 主题边会, 的边会), not 周边会, 那边会, 北边会 (a side … will).
SIDE_MEETING_RE = re.compile(r"(?<=[场次办行开题的])边会(?![议谈见])")


def edition_congresses(folded: str) -> list[tuple[int, int]]:
    """Spans of congresses after their edition (第三届全球某某大会 -> 全球某某大会) and of side
    meetings (举办了一场边会 -> 边会)."""
    out = []
    if "届" in folded:
        out += [m.span("name") for m in EDITION_CONGRESS_RE.finditer(folded)]
    if "边会" in folded:
        out += [m.span() for m in SIDE_MEETING_RE.finditer(folded)]
    return out
