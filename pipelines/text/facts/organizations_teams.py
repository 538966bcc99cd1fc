"""Teams sent by the centre: working, steering and inspection groups named by their sender.

The Central Committee and the State Council send standing teams that news items name in full
and that no list holds: `中央赴河南指导组`, `中央第三巡视组`, `国务院督查组`, `中央第一生态环境
保护督察组`. A team is named by its sender (中央, 中共中央, 国务院), then `赴`/`驻` and a place,
or an ordinal (第三) and at most eight characters, or nothing, and a team word (指导组, 督导组, 督查组,
督察组, 巡视组, 工作组, 调查组, 检查组, 联络组). The place inside is part of the name (no place
fact: facts/__init__.py drops a place inside an organisation); `党中央派出工作组` names none.
`organization.team` 0.8.

A national office printed by its short form, 全国 and two to four characters of its task, then
办 (`全国绿化办`, `全国老龄办`, `全国爱卫办`: the office of a national committee or leading group)
is one organisation too, when 办 ends a word there: not before 法, 理, 事, 好, 学… (`全国统一办理`)
and not 办公 but before 布 (`全国老龄办公布`: 办 then 公布). So is a national commission printed as
国家, one to four characters of its task and 委 (`国家体委`, `国家禁毒委`: the short form of a
国家…委员会, as news name national commissions), not 部委. `organization.office` 0.8.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import NAME_STOPS, organization_fact
from .state import FactState

_TEAM_WORDS = (
    "指导组",
    "督导组",
    "督查组",
    "督察组",
    "巡视组",
    "工作组",
    "调查组",
    "检查组",
    "联络组",
)
_TEAM_RE = re.compile(
    r"(?:中共中央|中央|国务院)(?:[赴驻][\u4e00-\u9fff]{2,8}?|第[一二三四五六七八九十]{1,3}"
    r"[\u4e00-\u9fff]{0,8}?)?"
    rf"(?:{'|'.join(_TEAM_WORDS)})"
)
#: 全国, two to four characters of a task, 办; what follows may not make 办 a verb or a noun.
_OFFICE_RE = re.compile(r"全国(?P<task>[\u4e00-\u9fff]{2,4}?)办(?![法理事好学成得到案起实了过完])")
_FUNCTION = set(NAME_STOPS + "个")
#: 国家, one to four characters of a task, 委: a national commission by its short form (国家禁毒委,
#: 国家体委); not 部委 (国家有关部委: the ministries and commissions) nor 委员, 委托, 委屈.
_COMMISSION_RE = re.compile(r"国家(?P<task>[\u4e00-\u9fff]{1,4}?)(?<!部)委(?![员会托屈婉派任])")


def central_teams(text: str, folded: str) -> list[Fact]:
    """Teams of the centre or the State Council (中央赴河南指导组, 中央第三巡视组)."""
    if not any(w in folded for w in _TEAM_WORDS):
        return []
    out = []
    for m in _TEAM_RE.finditer(folded):
        if any(c in _FUNCTION for c in m.group(0)):
            continue  # 中央和地方工作组: no one team's name
        s, e = m.span()
        out.append(organization_fact(text, s, e, "organization.team", 0.8, text[s:e]))
    return out


def national_offices(text: str, folded: str) -> list[Fact]:
    """National offices and commissions by their short form (全国绿化办, 全国老龄办公布: 办 then
    公布; 国家禁毒委)."""
    out = (
        [
            organization_fact(text, *m.span(), "organization.office", 0.8, text[slice(*m.span())])
            for m in _COMMISSION_RE.finditer(folded)
            if not any(c in _FUNCTION for c in m["task"])
        ]
        if "国家" in folded
        else []
    )
    if "全国" not in folded:
        return out
    for m in _OFFICE_RE.finditer(folded):
        s, e = m.span()
        if any(c in _FUNCTION for c in m["task"]) or (
            folded.startswith("公", e) and not folded.startswith("公布", e)
        ):
            continue  # 全国各地都办, 全国绿化办公室 (the suffix grammar's)
        out.append(organization_fact(text, s, e, "organization.office", 0.8, text[s:e]))
    return out


@stage_pass(
    "facts.organizations_teams.national_offices", requires=("text", "folded"), assigns=("facts",)
)
def national_offices_pass(state: FactState, counters: Counters) -> FactState:
    """National offices printed by their short form added (`全国绿化办`, `全国老龄办`)."""
    return state.adding(national_offices(state.text, state.folded))
