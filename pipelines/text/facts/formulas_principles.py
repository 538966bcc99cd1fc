"""Named principles and communities printed without quotes.

- A principle a leader put forward, named by its content and 理念 or 观 after 提出的
  (`提出的亲诚惠容理念`, `提出的正确义利观`), one or two joined by 和, 与, 及 or 、: each a
  formula (`formula.principle`, 0.8); a principle merely held (秉持开放包容理念) is none.
- A community with a shared future of a pair or a region (`中拉命运共同体`, `亚太命运共同体`: 中
  and the one-character abbreviation of the other party, or a listed place or organ right
  before it), as the listed 人类命运共同体 (`formula.community`, 0.8), also after 的
  (构建更加紧密的中拉命运共同体: the fixtures' conventions check settled it so).
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from .gazetteer import party_before, scan

#: A principle's name after 提出的: two to six characters and 理念 or 观, ending before a
#: conjunction or punctuation (not 观察, 观点: the end must be the name's).
_NAME = r"[\u4e00-\u9fff]{2,6}?(?:理念|观)(?=以及|[和与及、，。；的]|$)"
_PRINCIPLE_RE = re.compile(rf"(?<=提出的)(?P<a>{_NAME})(?:(?:和|与|及|以及|、)(?P<b>{_NAME}))?")
_COMMUNITY = "命运共同体"
#: 中 and the abbreviation of the other party (中非, 中拉, 中阿, 中柬), right before 命运共同体.
_PAIR_RE = re.compile(
    r"中[美俄日韩朝英法德意印巴南澳新蒙越老柬泰缅马菲哈吉塔乌土伊埃沙以希葡西荷比瑞挪芬丹波捷匈塞阿墨智古非拉欧]"
    + _COMMUNITY
)


def _fact(text: str, s: int, e: int, extractor: str) -> Fact:
    return Fact("formula", s, e, text[s:e], "".join(text[s:e].split()), extractor, 0.8)


def extract_principles(text: str, folded: str) -> list[Fact]:
    """Principles put forward (`提出的真诚友好理念`) and communities of a pair or a region
    (`中巴命运共同体`) of one paragraph."""
    out: list[Fact] = []
    if "提出的" in folded:
        for m in _PRINCIPLE_RE.finditer(folded):
            out += [_fact(text, *m.span(g), "formula.principle") for g in "ab" if m[g]]
    if _COMMUNITY in folded:
        out += [_fact(text, *m.span(), "formula.community") for m in _PAIR_RE.finditer(folded)]
        starts = {m.start() for m in re.finditer(_COMMUNITY, folded)}
        out += [
            _fact(text, _first_party(folded, h.start), h.end + len(_COMMUNITY), "formula.community")
            for h in scan(folded)
            if h.end in starts and h.kind in ("place", "organ")
        ]
    return out


def _first_party(folded: str, start: int) -> int:
    """Start of a community of two parties joined by a dash (中国—东盟命运共同体: from 中国)."""
    if start > 1 and folded[start - 1] in "-—":
        found = party_before(folded, start - 1)
        return start if found is None else found
    return start


#: Verbs that govern a goal or a doctrine in a slogan: 构建, 推动, 坚持, 践行, 贯彻, 建设...
_GOVERNING_RE = re.compile(
    r"(?:推动|构建|建设|坚持|践行|贯彻|落实|实现|弘扬|打造|共建|携手构建){1,2}"
)


def governed_formula(content: str, listed: frozenset[str] | set[str]) -> bool:
    """A quote of one governing verb (or two) and a listed formula, nothing else
    (“推动高质量发展”, “践行新发展理念”): the slogan as quoted keeps its verb, one formula
    with its quotes. Writers quote the whole call to action around a named goal, so the
    rule fires wherever a listed goal is quoted with its verb; quoted speech holds more
    than verb and goal and does not match."""
    m = _GOVERNING_RE.match(content)
    return m is not None and content[m.end() :] in listed
