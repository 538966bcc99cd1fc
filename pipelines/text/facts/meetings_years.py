"""Meetings named with their year at the head, their back-references, forums used as platforms.

- A year printed at the head of a meeting's name (`2019某某产业大会`, `2020年某某合作论坛某某峰会`)
  is its edition, dropped like an edition ordinal (第二届进博会 -> 进博会): the meeting is the name
  after the year, and the year is no date (CONVENTIONS.md, question 24). Annual conventions,
  expos and summits are announced this way in every news text (`2018某某博览会开幕`), so the
  shape recurs. The name after the year ends in a meeting word (论坛, 峰会, 博览会…, as
  meetings_named) or in 大会 (a bare 大会 names no meeting, but a year glued before it does, or
  a year in words before a name of world or national scope: a convention held yearly;
  `2019年党员大会` is none); 代表大会 (an institution) is none. `meeting.named`, 0.75.
- A back-reference after a demonstrative to a convention (`本届某某大会`, `此次某某大会`): the name
  after the demonstrative (`某某大会`), as 本次圆桌对话会 -> 圆桌对话会; at most six characters.
- A forum used as a platform (`借助某某合作论坛`, `依托某某论坛`, `利用某某论坛`) is the
  forum's standing mechanism, an organisation (as 中非合作论坛 holding a summit), not one of its
  meetings (`organization.forum`, 0.75).
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import organization_fact
from .meetings_editions import CONGRESS, name_char
from .meetings_named import _WORDS
from .state import FactState

#: Characters no meeting's name holds (function words, verbs of holding it).
_NAME_CHAR = name_char("召举开办")
#: A period of the year (or the year's 年) opens no meeting's name (2018年第二季度|工作会议: the date's).
_NOT_PERIOD = r"(?!年|上半年|下半年|前三季度|第?[一二三四1-4]季度|年[初中底末]|全年|以来)"
#: A year at the head of a name, opening a clause (a headline, after punctuation: not 近2000名…),
#: no classifier after it (2000名代表), the name ending in a meeting word; quotes and the dash of
#: a pair inside it (2019年“某某”论坛, 2019年中国—东盟博览会).
_YEAR_HEADED_RE = re.compile(
    r"(?:^|(?<=[\s，。；：、“（(]))"
    r"(?P<year>(?:19|20)\d\d(?:\s?年)?)(?![名人个位家项件次万亿多余])(?:度)?\s?"
    rf"(?P<name>{_NOT_PERIOD}(?:{_NAME_CHAR}|[“”—-]){{2,14}}?(?:{_WORDS}|{CONGRESS}))"
)
_WORD_END_RE = re.compile(f"(?:{_WORDS})$")
#: A convention (a name ending in a bare 大会) after its year: the year glued to the name
#: (2018某某大会, a brand), a year's edition (2019年度某某奖励大会) or a name of international or
#: national scope (2018年世界某某大会). PDF text may print a space before 年 (`2019 年度`).
_CONVENTION_RE = re.compile(
    r"\d{4}(?!\s?年)|\d{4}\s?年度|\d{4}\s?年(?:世界|全球|国际|中国|全国|亚洲)"
)
#: A demonstrative, then a convention's short name (本届某某大会; not 本届人民代表大会, nor an
#: assembly of members, shareholders or staff: 此次会员大会, 本届股东大会, 这次全体大会, 工作大会).
_BACK_RE = re.compile(
    rf"(?<=本届|此届|本次|此次|这次|这届)(?P<name>{_NAME_CHAR}{{2,6}}?"
    rf"(?<!会员|股东|全体|职工|员工|党员|工作|动员|誓师){CONGRESS})"
)
#: A verb that uses a forum as a platform, then the forum's name (no meeting word after it): a
#: name of two to eight characters, not a demonstrative's (此次论坛), a website (网络论坛, 发帖)
#: nor a clause (业余时间参加论坛, 高校力量打造高端论坛).
_PLATFORM_RE = re.compile(
    rf"(?<=借助|依托|利用|用好)(?![此本次该这那各]|互联网|网络|网上|在线)"
    rf"(?P<name>(?:(?!参加|打造|举办|建设|搭建|时间){_NAME_CHAR}){{2,8}}?论坛)"
    rf"(?!{_WORDS}|年会|发帖|留言|网站)"
)
_YEAR_DATE_RE = re.compile(r"(?:19|20)\d\d(?:\s?年)?")


def year_headed_meetings(text: str, folded: str) -> tuple[list[Fact], set[int]]:
    """The meetings named after a year (`2018某某大会` -> 某某大会) and back-references to a
    convention (`本届某某大会`), with the ends of the years printed before a meeting's name."""
    out: list[Fact] = []
    year_ends: set[int] = set()
    for m in _YEAR_HEADED_RE.finditer(folded):
        s, e = m.span("name")
        if _WORD_END_RE.search(m["name"]) is None and not _CONVENTION_RE.match(folded, m.start()):
            continue  # 2019年党员大会: a bare 大会 after a year in words is no convention's name
        out.append(
            Fact("meeting", s, e, text[s:e], "".join(text[s:e].split()), "meeting.named", 0.75)
        )
        year_ends.add(m.end("year"))
    for m in _BACK_RE.finditer(folded) if "大会" in folded else ():
        s, e = m.span("name")
        out.append(Fact("meeting", s, e, text[s:e], text[s:e], "meeting.named", 0.75))
    return out, year_ends


def platform_forums(text: str, folded: str, facts: tuple[Fact, ...]) -> list[Fact]:
    """The facts with each forum printed after a verb of using it (`借助某某论坛`) read as the
    organisation (its meeting over the same or a wider span dropped)."""
    found = [(m.start("name"), m.end("name")) for m in _PLATFORM_RE.finditer(folded)]
    if not found:
        return list(facts)
    spans = set(found)
    out = [
        f
        for f in facts
        if not (f.type == "meeting" and any(f.start <= s and f.end == e for s, e in spans))
    ]
    for s, e in found:
        out.append(organization_fact(text, s, e, "organization.forum", 0.75, text[s:e]))
    return out


@stage_pass("facts.meetings_years.year_headed", requires=("text", "folded"), assigns=("facts",))
def year_headed_pass(state: FactState, counters: Counters) -> FactState:
    """Meetings named after their year added (`2018某某大会` -> 某某大会, the year no date),
    back-references to a convention (`本届某某大会`), forums used as platforms (`借助某某论坛`)."""
    if "会" not in state.folded and "论坛" not in state.folded:
        return state
    found, year_ends = year_headed_meetings(state.text, state.folded)
    kept = tuple(
        f
        for f in state.facts
        if not (f.type == "date" and f.end in year_ends and _YEAR_DATE_RE.fullmatch(f.text))
    )
    return state.keeping(platform_forums(state.text, state.folded, kept)).adding(found)
