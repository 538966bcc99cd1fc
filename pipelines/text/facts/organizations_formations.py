"""A numbered army formation under its command or service: one organisation as printed.

Military news name a formation by its theatre or military region, its service and its number
(`某部战区陆军第某集团军`, `某某军区第某集团军`, `海军第某舰队`): the conventions mark a numbered unit
as one organisation (named forces are organisations), the command and service inside it not
apart. A theatre (X部战区) or military region (某某军区), a service (陆军, 海军, 空军, 火箭军), or
both, then 第 and a number in Arabic or Chinese numerals and a formation's kind (集团军, 舰队,
师, 旅) make one span; a bare `第某师` without command or service is left alone (a school's
or a sports division's rank reads so too). Every report of a unit's deployment or exercise
prints this shape. `organization.named` 0.8.
"""

from __future__ import annotations

import re

from ..passes import Counters, stage_pass
from ._common import alternation, organization_fact
from .gazetteer import place_index
from .state import FactState

_REGION_LEVELS = ("province", "city", "foreign_division")

#: A military region is named by a listed province, city or foreign division (某某军区, 某省军区)
#: or by a direction (南部军区); no other word before 军区 (来到|军区, 驻军|区 are none).
_REGION_NAMES = alternation(
    [n for n, es in place_index().items() if any(e.level in _REGION_LEVELS for e in es)]
)
_COMMAND = rf"[东南西北中]部战区|(?:{_REGION_NAMES}|[东南西北中]部|中央)省?军区"
_SERVICE = r"陆军|海军|空军|火箭军"
#: 师 and 旅 not opening a word (师范, 师大学生, 师生; 旅游, 旅行社, 旅途, 旅客, 旅馆, 旅店, 旅居).
_UNIT_KINDS = r"师(?![范生]|大(?!力))|旅(?![游行途客馆店居])"
_NUMBER = r"第(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
_FORMATION_RE = re.compile(
    rf"(?:(?:{_COMMAND})(?:{_SERVICE})?|(?:{_SERVICE})){_NUMBER}(?:集团军|舰队|{_UNIT_KINDS})"
)


@stage_pass(
    "facts.organizations_formations.formations_pass",
    requires=("text", "folded"),
    assigns=("facts",),
)
def formations_pass(state: FactState, counters: Counters) -> FactState:
    """Numbered formations added as one organisation (`某部战区陆军第某集团军`)."""
    folded = state.folded
    if "第" not in folded or ("军" not in folded and "战区" not in folded):
        return state  # every formation names a 军区, 战区 or service (…军): the long pattern only there
    text = state.text
    found = [
        organization_fact(text, m.start(), m.end(), "organization.named", 0.8, m.group(0))
        for m in _FORMATION_RE.finditer(folded)
    ]
    return state.adding(found)
