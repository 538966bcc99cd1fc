"""Numbered meetings: plenums, sessions, congresses, study sessions.

Only meetings printed with their numbers are facts (`八届八次全体（扩大）会议`,
`省委十四届七次全会`, `十九届二中、三中、四中全会`, `党的十九大`, `第十一次集体学习`,
`十届全国人大一次会议`); unnumbered ones (`市委常委会会议`, `中央经济工作会议`) are not.

Normalised form: `organ/<n>届/<m>次<kind>` with Arabic numbers and ASCII brackets:
- `市委八届八次全体（扩大）会议` -> `市委/8届/8次全体(扩大)会议`
- `省委十四届七次全会` -> `省委/14届/7次全会`
- `十九届二中、三中、四中全会` -> `-/19届/2,3,4中全会` (`-`: organ not printed)
- `党的十九大` -> `党/19大`; `第二十次全国代表大会` -> `-/20次全国代表大会`
- `中央政治局第十一次集体学习` -> `中央政治局/11次集体学习`
- `十届全国人大一次会议` -> `全国人大/10届/1次会议`
The organ is found, in this order:
- printed right before the numbers (or between 届 and 次), from data/facts_organs.txt or
  a `省/市/县/区` + 委/人大/政协 form, with a listed place before it kept
  (`浙江省十四届人大二次会议` -> `浙江省人大/14届/2次会议`);
- an organisation name ending right before the numbers (then part of the span), with an organisation suffix
  (协会, 作协, 学会, 联合会, 委员会, 常委会, 起草组…: `浙江省作家协会第十次代表大会`
  -> `浙江省作家协会/10次代表大会`); the name starts after punctuation or a word such
  as 召开/举行/以/在/和 (at most 14 characters);
- looked back in the same sentence when the meeting is convened (召开/举行/进行/举办
  right before it): the nearest organ before the verb (`市委召开八届八次全体（扩大）会议`
  -> `市委/8届/8次全体(扩大)会议`; `中共中央政治局1月31日下午就…进行第十一次集体学习`
  -> `中共中央政治局/11次集体学习`). The fact's span stays the printed meeting.
- CPPCC sessions are one meeting with the organ in the middle:
  `中国人民政治协商会议第十三届浙江省委员会第二次会议` -> `浙江省政协/13届/2次会议`
  (`…全国委员会…` -> `全国政协`).
Otherwise the organ is `-`.

Extractors and confidence: `meeting.session` (届…次…) 0.95, `meeting.plenum`
(届 N中全会) 0.95, `meeting.congress` (党的N大) 0.9, bare `十九大` 0.8,
`meeting.numbered` (第N次集体学习/全国代表大会) 0.85.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import alternation, load_list, small_int
from .gazetteer import place_index
from .state import FactState

_PLACE_SET = set(place_index())
_N = r"[一二三四五六七八九十百零〇\d]+"
ORGANS = [o for o in load_list("facts_organs.txt")]
_ORG = rf"(?:中共)?(?:[\u4e00-\u9fff]{{2,4}}?(?:省|市|县|区))?(?:{alternation(ORGANS)})|党的|中共(?=第?{_N}届)|(?:省|市|县|区)?(?:人大|政协|纪委)"
_ORG_IN = r"全国人民代表大会常务委员会|人民代表大会常务委员会|全国人大常委会|人大常委会|全国人大|全国人民代表大会|全国政协|省人大|市人大|人大|人民代表大会|政协|中央委员会|中央纪律检查委员会|中央纪委|省委|市委|纪委"
_KIND = r"全体[（(]扩大[)）]会议|全体会议|全会|会议|常委会会议|常务委员会会议"

SESSION_RE = re.compile(
    rf"(?P<org>{_ORG})?第?(?P<ses>{_N})届(?P<org2>{_ORG_IN})?第?(?P<num>{_N})次(?P<kind>{_KIND})"
)
PLENUM_RE = re.compile(
    rf"(?P<org>{_ORG})?第?(?P<ses>{_N})届(?P<org2>中央委员会|中央)?(?P<nums>{_N}中(?:[、和]{_N}中)*|历次)全会"
)
#: A bare congress (十九大) stands after no Han character, or after a verb that holds or
#: studies it (胜利召开十九大, 迎接十九大, 学习贯彻十九大精神).
CONGRESS_RE = re.compile(
    r"(?P<party>党的|中共|中国共产党)(?P<n>十[一二三四五六七八九]|二十[一二三四五六七八九]?)大"
    r"|(?:(?<![\u4e00-\u9fff])|(?<=召开)|(?<=迎接)|(?<=贯彻)|(?<=学习)|(?<=宣传))(?P<bare>十[一二三四五六七八九]|二十[一二三四五六七八九]?)大(?=[以精报召胜代和、，。）”]|$)"
)
#: A plenum printed without its term (学习贯彻六中全会精神): the term is the reader's own.
BARE_PLENUM_RE = re.compile(r"(?<![届、和\d一二三四五六七八九十])(?P<n>[一二三四五六七八九])中全会")
#: What CONGRESS_RE cannot match without (its number and 大): most paragraphs have none.
_CONGRESS_HINT_RE = re.compile("十[一二三四五六七八九]?大")
NUMBERED_RE = re.compile(
    rf"(?:第(?P<num>{_N})次|(?P<first>首次))(?P<kind>集体学习|全国代表大会|党代会|代表大会|全体会议|会议)"
)
#: The organ printed right before a numbered meeting (its longest listed form).
_ORG_TAIL_RE = re.compile(rf"(?:{_ORG})$")


CPPCC_RE = re.compile(
    rf"(?:中国人民政治协商会议|政协)第?(?P<ses>{_N})届(?P<place>全国|[\u4e00-\u9fff]{{2,8}}?[省市县区])委员会"
    rf"(?:第?(?P<num>{_N})次(?P<kind>{_KIND})|(?P<nums>{_N})中全会)"
)
# Suffixes of organisation names that convene numbered meetings (协会第十次代表大会).
_ORG_SUFFIX = (
    "委员会",
    "常委会",
    "协会",
    "作协",
    "学会",
    "研究会",
    "联合会",
    "工商联",
    "商会",
    "总工会",
    "工会",
    "妇联",
    "团委",
    "科协",
    "文联",
    "侨联",
    "残联",
    "理事会",
    "董事会",
    "起草组",
    "工作组",
    "领导小组",
    "对话机制",  # a standing dialogue that meets by number (两国执政党对话机制第三次会议)
)
# Words that end before an organisation name (召开|省网络作协…, 以|浙江省作家协会…).
_ORG_STOP = re.compile(
    r"(?:召开|举行|举办|进行|出席|参加|成功|隆重|以|在|和|与|及|的|了|是|为|就|对|向|从|由|将|把|经|并|暨|于)$"
)
_CONVENE_RE = re.compile(r"(?:主持召开|召开|举行|举办|进行)了?$")
_ORGAN_ANY_RE = re.compile(
    rf"(?:中共)?(?:[\u4e00-\u9fff]{{2,4}}?[省市县区])?(?:{alternation(ORGANS)})(?!员会)"
    rf"|[\u4e00-\u9fff]{{1,10}}?(?:{alternation(list(_ORG_SUFFIX))})"
)
_SENT_END = "。！？；!?;\n"


def _organ_before(folded: str, s: int) -> tuple[int, str | None]:
    """(start, organ) of a meeting printed without its organ at `s`: an organisation
    named right before it (the fact then starts there), else the organ that convenes it
    earlier in the sentence (the fact keeps its start)."""
    named = _named_org_before(folded, s)
    return named if named else (s, _convening_org(folded, s))


def _named_org_before(folded: str, pos: int) -> tuple[int, str] | None:
    """An organisation name with a listed suffix ending at `pos`: (start, name)."""
    for suf in sorted(_ORG_SUFFIX, key=len, reverse=True):
        if not folded.endswith(suf, 0, pos):
            continue
        s = pos - len(suf)
        while (
            s > 0
            and pos - s < 14
            and re.match(r"[\u4e00-\u9fff]", folded[s - 1])
            and not _ORG_STOP.search(folded, 0, s)
        ):
            s -= 1
        if (
            s > 0
            and re.match(r"[\u4e00-\u9fff]", folded[s - 1])
            and not _ORG_STOP.search(folded, 0, s)
        ):
            return None  # the name's start is unclear
        return s, folded[s:pos]
    return None


def _convening_org(folded: str, pos: int) -> str | None:
    """The organ that convenes a meeting printed at `pos` (市委召开…, …进行第十一次集体学习)."""
    v = _CONVENE_RE.search(folded, max(0, pos - 6), pos)
    if v is None:
        return None
    i = v.start()
    while i > 0 and folded[i - 1] not in _SENT_END and v.start() - i < 80:
        i -= 1
    last = None
    for m in _ORGAN_ANY_RE.finditer(folded, i, v.start()):
        last = m
    if last is None:
        return None
    if last.group(0) in ORGANS or not any(last.group(0).endswith(s) for s in _ORG_SUFFIX):
        return last.group(0)
    named = _named_org_before(folded, last.end())
    return named[1] if named else None


def _clean_org(org: str | None) -> str:
    if not org:
        return "-"
    return "党" if org in ("党的", "中共") else org


def _num(s: str) -> str:
    v = small_int(s)
    return str(v) if v is not None else s


def _kind(k: str) -> str:
    return k.replace("（", "(").replace("）", ")")


def _place_before(folded: str, pos: int) -> int | None:
    """Start of a listed place, or a bare 省/市/县/区, ending at `pos` (浙江省|十四届人大…)."""
    for k in range(7, 1, -1):
        if pos - k >= 0 and folded[pos - k : pos] in _PLACE_SET:
            return pos - k
    if pos > 0 and folded[pos - 1] in "省市县区":
        return pos - 1
    return None


def extract_meetings(text: str, folded: str) -> list[Fact]:
    """All numbered-meeting facts of one paragraph."""
    out: list[Fact] = []

    def add(s: int, e: int, norm: str, kind: str, conf: float) -> None:
        out.append(
            Fact(
                type="meeting",
                start=s,
                end=e,
                text=text[s:e],
                normalized=norm,
                extractor=kind,
                confidence=conf,
            )
        )

    if "届" in folded:
        _sessions(folded, add)
    for m in BARE_PLENUM_RE.finditer(folded) if "中全会" in folded else ():
        add(m.start(), m.end(), f"-/{_num(m['n'])}中全会", "meeting.plenum", 0.8)
    congresses = CONGRESS_RE.finditer(folded) if _CONGRESS_HINT_RE.search(folded) else ()
    for m in congresses:
        if m["party"]:
            add(m.start(), m.end(), f"党/{_num(m['n'])}大", "meeting.congress", 0.9)
        else:
            add(m.start(), m.end(), f"-/{_num(m['bare'])}大", "meeting.congress", 0.8)
    if "次" in folded:
        _numbered(folded, add)
    return out


def _sessions(folded: str, add) -> None:
    """Meetings with a term number (届): CPPCC sessions, sessions and plenums."""
    for m in CPPCC_RE.finditer(folded) if "委员会" in folded else ():
        organ = f"{m['place']}政协"
        tail = f"{_num(m['nums'])}中全会" if m["nums"] else f"{_num(m['num'])}次{_kind(m['kind'])}"
        add(m.start(), m.end(), f"{organ}/{_num(m['ses'])}届/{tail}", "meeting.session", 0.95)
    for m in SESSION_RE.finditer(folded) if "次" in folded else ():
        s, org = m.start(), m["org"]
        if not org and m["org2"]:
            # 浙江省第十四届人民代表大会第二次会议, 浙江省十四届人大二次会议: the place is
            # printed before the numbers.
            p = _place_before(folded, s)
            if p is not None:
                s, org = p, folded[p:s] + m["org2"]
            else:
                org = m["org2"]
        if not org:
            s, org = _organ_before(folded, s)
        add(
            s,
            m.end(),
            f"{_clean_org(org)}/{_num(m['ses'])}届/{_num(m['num'])}次{_kind(m['kind'])}",
            "meeting.session",
            0.95,
        )
    for m in PLENUM_RE.finditer(folded) if "全会" in folded else ():
        # 十九届历次全会: every plenum of the term, named together
        nums = ",".join(_num(x) for x in re.findall(_N + "(?=中)", m["nums"]))
        tail = "历次全会" if m["nums"] == "历次" else f"{nums}中全会"
        org = m["org"] or m["org2"] or _convening_org(folded, m.start())
        add(
            m.start(),
            m.end(),
            f"{_clean_org(org)}/{_num(m['ses'])}届/{tail}",
            "meeting.plenum",
            0.95,
        )


def _numbered(folded: str, add) -> None:
    """第N次集体学习, 第二十次全国代表大会…, with the organ printed before it if any."""
    for m in NUMBERED_RE.finditer(folded):
        tail = _ORG_TAIL_RE.search(folded, max(0, m.start() - 24), m.start())
        s, org = (tail.start(), tail.group(0)) if tail else (m.start(), None)
        if not org:
            s, org = _organ_before(folded, s)
        if m["first"] and (not org or s == m.start()):
            continue  # 首次会议 names a meeting only after its organisation (…委员会首次会议)
        num = "1" if m["first"] else _num(m["num"])
        add(s, m.end(), f"{_clean_org(org)}/{num}次{_kind(m['kind'])}", "meeting.numbered", 0.85)


@stage_pass("facts.meetings.extract", requires=("text", "folded"), assigns=("facts",))
def extract_pass(state: FactState, counters: Counters) -> FactState:
    """Numbered meetings added (`省委十四届七次全会` -> 省委/14届/7次全会, `党的十九大`)."""
    return state.adding(extract_meetings(state.text, state.folded))
