"""Armed police corps, short Japanese and Korean army names, foreign universities' offices,
and bodies defined by an apposition.

- An armed police corps is printed 武警, its province and 总队 (or 支队), a unit of it after
  (`武警某省总队机动支队`, `武警某市支队`): one organisation as printed, the province inside it not
  marked (`organization.unit`, 0.8). Every report of the armed police names its units so.
- 日军 and 韩军 are short army names, as 美军 (organizations_abroad.py), where 日 or 韩 opens
  the word: not after a character that ends a word with 日 (今日, 节日, 抗日, 14日) nor before a
  character that makes 军 part of another word (军营, 军民, 军事, 军力, 军界), nor after a
  country that makes 日 or 韩 its partner (中日军力, 中韩军界) or a time word (每周日军训, 连日);
  where the paragraph prints it as a person's name (副市长韩军, 韩军同志) it is none anywhere in
  it (`organization.named`, 0.8).
- A foreign university printed after its country, with one of its offices (`某国某某大学国际
  关系办公室`): the office is one organisation as printed, the country a place before it
  (`organization.unit`, 0.8); the university alone stays to the other rules.
- A body defined by an apposition (`某某中心是总部设在某地的…机构`, `某某联盟是…组织`): the
  name before 是 is an organisation when the definition says where it sits or what kind of
  body it is (总部, 政府间, 国际, 区域, 非政府, 多边; not 某中心是我们的机构), wherever the paragraph prints it again
  on its own (not 贸易组织 inside 世界贸易组织) (`organization.named`, 0.75); a name of kind words
  only (国际组织是…机构) is none. News introduces foreign and intergovernmental bodies so.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import organization_fact
from .gazetteer import place_index, scan
from .state import FactState

_PLACES = place_index()
_CHAR = r"(?![的了和与及或等在是为对])[\u4e00-\u9fff]"
#: 武警, a province or city (2-4 characters), 总队 or 支队, a unit of it after (no verb of sending
#: one: 武警某省总队|派出大队官兵).
_ARMED_POLICE_RE = re.compile(
    rf"武警(?P<place>[\u4e00-\u9fff]{{2,4}}?)(?:总队|支队)"
    rf"(?:(?:(?!派出|派遣|调派|抽调|出动|组织|带领|率领){_CHAR}){{2,4}}?(?:支队|大队))?"
)
_SHORT_ARMY_RE = re.compile(
    r"(?<![\d今昨明前次每节生假末首当终平逐旬近同白落红抗侵对赴访驻反周连多数夏冬烈期中美朝俄])"
    r"[日韩]军(?![事队方舰机费区团工种官备售演控营民衔用港械火旗歌装委地校属政令人力界情史训医需])"
)
#: 韩军 as a person's name (韩 a surname): a title before it (副市长韩军) or 同志 after it.
_NAMED_RE = re.compile(r"(?<=[长记任员席理])[日韩]军|[日韩]军(?=同志|先生|女士|等同志)")
_OFFICE_RE = re.compile(rf"{_CHAR}{{2,8}}?大学{_CHAR}{{2,8}}?(?:办公室|事务处)")
_DEFINED_RE = re.compile(
    rf"(?:^|(?<=[，。；：\s]))(?P<name>{_CHAR}{{2,6}}?(?:中心|联盟|组织))是[^。；]{{0,24}}?(?:总部|政府间|国际|区域|非政府|多边)[^。；]{{0,16}}?(?:机构|组织)"
)

#: A name made only of kind words (国际组织, 非政府组织, 区域性组织, 研究中心): a kind of body.
_GENERIC_RE = re.compile(
    r"(?:国际|区域|地区|非政府|政府间|多边|民间|社会|全球|专业|行业|综合|研究|服务|性)+(?:中心|联盟|组织)"
)
#: What may come before the name printed again: no character but a function word (so 贸易组织
#: is not marked inside 世界贸易组织).
_BEFORE_NAME = "的了和与及或等在是为对由从向同把被将"


def _is_place(name: str) -> bool:
    """Whether `name` (or it without 省, 市) is a listed place."""
    return name in _PLACES or name.rstrip("省市") in _PLACES


def forces_and_offices(text: str, folded: str) -> list[Fact]:
    """The armed police corps, short army names, foreign universities' offices and defined
    bodies of one paragraph."""
    out: list[Fact] = []
    for m in _ARMED_POLICE_RE.finditer(folded) if "武警" in folded else ():
        if _is_place(m["place"]):
            out.append(
                organization_fact(text, m.start(), m.end(), "organization.unit", 0.8, m.group(0))
            )
    named = {m.group(0) for m in _NAMED_RE.finditer(folded)} if "军" in folded else set()
    for m in _SHORT_ARMY_RE.finditer(folded) if "军" in folded else ():
        if m.group(0) in named:
            continue  # 副市长韩军…，韩军同志: a person's name wherever the paragraph prints it
        out.append(
            organization_fact(text, m.start(), m.end(), "organization.named", 0.8, m.group(0))
        )
    for h in scan(folded) if "大学" in folded else ():
        entry = _PLACES[h.name][0] if h.kind == "place" and h.name != "中国" else None
        m = _OFFICE_RE.match(folded, h.end) if entry and entry.level == "country" else None
        if m:
            out.append(
                organization_fact(text, m.start(), m.end(), "organization.unit", 0.8, m.group(0))
            )
            span = (h.start, h.end, text[h.start : h.end], h.name)
            out.append(
                Fact("place", *span, "place.world", 0.8, unit="country", canonical=entry.canonical)
            )
    for m in _DEFINED_RE.finditer(folded) if "是" in folded else ():
        name = m["name"]
        if _is_place(name[:2]) and not _is_place(name):
            continue  # 某省中心是…: a place's centre, left to the other rules
        if _GENERIC_RE.fullmatch(name):
            continue  # 国际组织是…机构: a kind of body, no name
        for n in re.finditer(rf"(?<![^\W\d_{_BEFORE_NAME}]){re.escape(name)}", folded):
            out.append(
                organization_fact(text, n.start(), n.end(), "organization.named", 0.75, name)
            )
    return out


@stage_pass("facts.organizations_forces.forces", requires=("text", "folded"), assigns=("facts",))
def forces_pass(state: FactState, counters: Counters) -> FactState:
    """Armed police corps (`武警某省总队`), 日军/韩军, foreign universities' offices and bodies
    defined by an apposition (`某某中心是…机构`) added."""
    return state.adding(forces_and_offices(state.text, state.folded))
