"""China's economic belts printed before 地区: the regions of the national development plans.

The plans divide the country into the eastern, central, western and north-eastern belts
(东部、中部、西部、东北: the “四大板块”), and the reports name them, alone or joined, before
地区: `东中部地区要分别于今明两年完成，西部地区于2020年完成` holds the regions 东中部 and 西部.
Without 地区 after them the words are mostly directions or parts of other names (西部大开发,
美国西部, 中部崛起), so the belt is a place only before 地区, marked without it (as the listed
regions: 东北 in 东北地区, 中东 in 中东地区). A belt printed right after a place is a part of
that place (`浙江西部地区`), and so is every belt of that paragraph (`云南西部地区和东部地区`): none. A single belt is the nation's only where the paragraph
contrasts it with another one (东中部…西部, 东部…中西部); alone it is as often a part of a
province (海南的 `中部地区生物多样性调查`: the island's centre), while a joined name (东中部) is
always the nation's. 东北 and 中西部 are listed regions already (data/).
Without 地区 a single belt is the nation's too when the paragraph contrasts it
(`东部产业向中西部转移`) or names the country before it (`我国西部`), printed as a word of its
own: after a clause mark, a preposition or a conjunction (not `湖南西部`, `东西部`), and not
before a word it starts (`西部大开发` names a programme: 大, 部队, 部门).
"""

from __future__ import annotations

import re

from .gazetteer import PlaceEntry, scan

_BELT_RE = re.compile(r"(?:东中西部|东中部|东部|中部|西部)(?=地区)")
#: Any belt name of the paragraph, with or without 地区, the listed ones included.
_ANY_BELT_RE = re.compile(r"东中西部|东中部|中西部|东部|中部|西部|东北(?=地区)")


#: A belt printed without 地区, as a word of its own (not 东西部, 西部大开发, 部队, 部门).
_BARE_BELT_RE = re.compile(r"(?<![东西南北中])(?:东中部|东部|中部|西部)(?!地区|[大队门长委下属])")
#: What may stand right before a bare belt: a mark, a preposition or a conjunction.
_BEFORE_BARE = set("，。；：、“（向在从和与及对把到往由至为")
_OWN = ("我国", "全国")
_LISTED_BELT_RE = re.compile(r"东中西部|中西部|东北(?=地区)")


def economic_belts(folded: str) -> list[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of every belt printed before 地区 and not after a place, and of a
    bare belt set against another one or after 我国 (`东部产业向中西部转移`)."""
    if "部" not in folded:
        return []
    place_ends = {h.end for h in scan(folded) if h.kind == "place"}
    belts = list(_BELT_RE.finditer(folded))
    if any(m.start() in place_ends for m in belts):
        return []  # 云南西部地区和东部地区: the parts of a province, each of them
    contrasted = len(set(_ANY_BELT_RE.findall(folded))) >= 2
    out = [
        (m.start(), m.end(), PlaceEntry(m.group(0), None, "region"))
        for m in belts
        if contrasted or len(m.group(0)) > 2
    ]
    bare = list(_BARE_BELT_RE.finditer(folded))
    # the contrast of a bare belt: with a belt that is one (not 西部 of 西部大开发)
    names = {m.group(0) for m in belts + bare} | set(_LISTED_BELT_RE.findall(folded))
    for m in bare:
        s = m.start()
        own = folded.endswith(_OWN, 0, s)
        if own or (len(names) >= 2 and (s == 0 or folded[s - 1] in _BEFORE_BARE)):
            out.append((s, m.end(), PlaceEntry(m.group(0), None, "region")))
    return out
