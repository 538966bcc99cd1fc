"""A forum's annual session named with its year, a forum named as an issuer, trade exhibitions.

- A forum's annual conference is printed as the forum's name, its year and 年会
  (`某某经济论坛2019年年会`, `某某发展论坛年会`): one meeting from the forum's name to 年会
  (`meeting.annual`, 0.8), the year inside it no date (a year inside a meeting's name, as in an
  event title), and the forum itself the organisation holding the session (`organization.forum`,
  0.8, as 中非合作论坛 in 中非合作论坛北京峰会). The forum's name starts where a meeting's name
  starts (meetings_named.name_start). Forums that meet yearly (the Davos and Boao kind, the
  development forums) are reported this way every year, so the shape recurs in news texts.
- A forum named right before a verb of publishing (`某某论坛今天发布的报告`, `某某论坛日前公布`) is the
  body that publishes, an organisation, not the meeting: a meeting holds no press release of
  its own in the news' grammar, its organisers do.
- A trade exhibition named by its scope and trade, 中国国际, 国际, 全国 or 世界 and at most
  fourteen characters, then 展览会 (`中国国际机床展览会`, `全国农业展览会`): a meeting, as a
  博览会 is (`meeting.named`, 0.75); an edition before it stays outside (第十届|…展览会). A bare
  or local exhibition (书画展览会) is an exhibition, none.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import organization_fact, spaceless
from .meetings_named import name_start
from .state import FactState

_ANNUAL_RE = re.compile(r"论坛(?P<year>\d{4}年)?年会")
_EXHIBITION_RE = re.compile(
    r"(?:中国国际|国际|全国|世界)(?:(?![的了在是和与及或对把被从为以于由将也都就还要等各该这那其])"
    r"[\u4e00-\u9fff]){2,14}?展览会"
)
#: A publishing verb right after a forum's name, a day word allowed between (今天发布的).
_ISSUES_RE = re.compile(r"(?:今天|今日|日前|近日|昨天)?(?:发布|公布|发表|推出)")


def annual_sessions(text: str, folded: str) -> list[Fact]:
    """The annual sessions of forums (`某某论坛2019年年会`) and their forums, of one paragraph."""
    out: list[Fact] = (
        [
            Fact("meeting", *m.span(), text[m.start() : m.end()], m.group(0), "meeting.named", 0.75)
            for m in _EXHIBITION_RE.finditer(folded)
        ]
        if "展览会" in folded
        else []
    )
    if "年会" not in folded:
        return out
    for m in _ANNUAL_RE.finditer(folded):
        forum_end = m.start() + 2
        s = name_start(folded, m.start())
        if s is None or m.start() - s < 2:
            continue
        name = spaceless(text[s : m.end()])
        out.append(Fact("meeting", s, m.end(), text[s : m.end()], name, "meeting.annual", 0.8))
        out.append(organization_fact(text, s, forum_end, "organization.forum", 0.8,
                                     spaceless(text[s:forum_end])))  # fmt: skip
    return out


def issuing_forums(text: str, facts: tuple[Fact, ...]) -> list[Fact]:
    """The facts with each forum meeting printed before a publishing verb read as its
    organisation (`某某论坛今天发布的报告` -> the forum is the issuer)."""
    out = []
    for f in facts:
        if f.type == "meeting" and f.text.endswith("论坛") and _ISSUES_RE.match(text, f.end):
            f = organization_fact(text, f.start, f.end, "organization.forum", 0.75, f.normalized)
        out.append(f)
    return out


@stage_pass("facts.meetings_annual.annual_pass", requires=("text", "folded"), assigns=("facts",))
def annual_pass(state: FactState, counters: Counters) -> FactState:
    """Forums' annual sessions added (`某某论坛2019年年会`: the meeting and its forum), and trade
    exhibitions (`中国国际机床展览会`)."""
    return state.adding(annual_sessions(state.text, state.folded))


@stage_pass("facts.meetings_annual.issuers_pass", requires=("text", "facts"), assigns=("facts",))
def issuers_pass(state: FactState, counters: Counters) -> FactState:
    """A forum named before a publishing verb read as the organisation, not the meeting."""
    if "论坛" not in state.text:
        return state
    return state.keeping(issuing_forums(state.text, state.facts))
