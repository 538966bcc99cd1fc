"""Organisations named by the title of their head printed right after them.

A department, committee or office nobody lists (a foreign party's departments, a foreign
state's organs) is still named when its head is: the title repeats the organ's head word
(`宣教部部长阮某`: 宣教部, `国会常务委员会委员长`: 国会常务委员会, `统计局局长`, a council
before its chair: `、国际清算理事会主席`,
`科学院院长`, `广播台台长`, a headquarters before its commander: `…防汛抗旱指挥部总指挥`). The
name runs back from its head word to the nearest clause mark (，、；：
or the start of the paragraph), over two to ten characters that hold no function word and
no digit (国家 may open it: 家 is refused inside), so `会见了外交部部长` gives nothing new (外交部 is listed) and `他的部长` nothing.
Extractor `organization.head` 0.8; canonical the printed name.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import NAME_STOPS_COUNTERS, organization_fact, spaceless

#: Head words and the titles of their heads (委员会: 委员长, 主任, 主席).
_HEAD_TITLES = {
    "委员会": ("委员长", "主任", "主席"),
    "理事会": ("主席", "理事长", "秘书长"),
    "部": ("部长",),
    "局": ("局长",),
    "院": ("院长",),
    "台": ("台长",),
    "署": ("署长",),
    "厅": ("厅长",),
    "指挥部": ("总指挥", "指挥长"),
}
_FUNCTION = NAME_STOPS_COUNTERS
_BODY = rf"(?:(?![{_FUNCTION}])[\u4e00-\u9fff]){{2,10}}?"
_ORGAN_BEFORE_HEAD_RE = re.compile(
    rf"(?:^|(?<=[，、；：。\s“（(]))(?P<name>(?:国家)?{_BODY}(?P<head>{'|'.join(_HEAD_TITLES)}))"
    rf"(?=(?:第一|常务)?副?(?P<title>{'|'.join(t for ts in _HEAD_TITLES.values() for t in ts)}))"
)


def organs_before_heads(text: str, folded: str) -> list[Fact]:
    """Organs whose head's title follows them (越共中央委员、宣教部部长 -> 宣教部)."""
    if (
        "长" not in folded
        and "主任" not in folded
        and "主席" not in folded
        and "指挥" not in folded
    ):
        return []
    out = []
    for m in _ORGAN_BEFORE_HEAD_RE.finditer(folded):
        if m["title"] not in _HEAD_TITLES[m["head"]]:
            continue
        s, e = m.span("name")
        out.append(organization_fact(text, s, e, "organization.head", 0.8, spaceless(text[s:e])))
    return out
