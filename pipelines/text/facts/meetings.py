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
The organ is the printed organ right before the numbers (or between 届 and 次), from
data/facts_organs.txt or a `省/市/县/区` + 委/人大/政协 form.

Extractors and confidence: `meeting.session` (届…次…) 0.95, `meeting.plenum`
(届 N中全会) 0.95, `meeting.congress` (党的N大) 0.9, bare `十九大` 0.8,
`meeting.numbered` (第N次集体学习/全国代表大会) 0.85.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import alternation, load_list, small_int

_PLACE_SET = set(load_list("places.txt"))
_N = r"[一二三四五六七八九十百零〇\d]+"
ORGANS = [o for o in load_list("facts_organs.txt")]
_ORG = rf"(?:中共)?(?:[\u4e00-\u9fff]{{2,4}}?(?:省|市|县|区))?(?:{alternation(ORGANS)})|党的|(?:省|市|县|区)?(?:人大|政协|纪委)"
_ORG_IN = r"全国人民代表大会常务委员会|人民代表大会常务委员会|全国人大常委会|人大常委会|全国人大|全国人民代表大会|全国政协|省人大|市人大|人大|人民代表大会|政协|中央委员会|中央纪律检查委员会|中央纪委|省委|市委|纪委"
_KIND = r"全体[（(]扩大[)）]会议|全体会议|全会|会议|常委会会议|常务委员会会议"

SESSION_RE = re.compile(
    rf"(?P<org>{_ORG})?第?(?P<ses>{_N})届(?P<org2>{_ORG_IN})?第?(?P<num>{_N})次(?P<kind>{_KIND})"
)
PLENUM_RE = re.compile(
    rf"(?P<org>{_ORG})?第?(?P<ses>{_N})届(?P<org2>中央委员会|中央)?(?P<nums>{_N}中(?:[、和]{_N}中)*)全会"
)
CONGRESS_RE = re.compile(
    r"(?P<party>党的)(?P<n>十[一二三四五六七八九]|二十[一二三四五六七八九]?)大"
    r"|(?<![\u4e00-\u9fff])(?P<bare>十[一二三四五六七八九]|二十[一二三四五六七八九]?)大(?=[以精报召胜代和、，。）”]|$)"
)
NUMBERED_RE = re.compile(
    rf"(?P<org>{_ORG})?第(?P<num>{_N})次(?P<kind>集体学习|全国代表大会|党代会|代表大会|全体会议|会议)"
)


def _clean_org(org: str | None) -> str:
    if not org:
        return "-"
    return "党" if org == "党的" else org


def _num(s: str) -> str:
    v = small_int(s)
    return str(v) if v is not None else s


def _kind(k: str) -> str:
    return k.replace("（", "(").replace("）", ")")


def extract_meetings(text: str, folded: str) -> list[Fact]:
    """All numbered-meeting facts of one paragraph."""
    out: list[Fact] = []

    def add(m: re.Match[str], norm: str, kind: str, conf: float) -> None:
        out.append(
            Fact(
                type="meeting",
                start=m.start(),
                end=m.end(),
                text=text[m.start() : m.end()],
                normalized=norm,
                extractor=kind,
                confidence=conf,
            )
        )

    for m in SESSION_RE.finditer(folded):
        org = m["org"] or m["org2"]
        if (
            not m["org"]
            and m["org2"]
            and m.start() > 0
            and folded[m.start() - 1] in "省市县区"
            and folded[m.start()] == "第"
        ):
            # 省第十四届人民代表大会第二次会议: the level is printed before the numbers.
            s = m.start() - 1
            for k in range(7, 1, -1):  # a listed place ending here: 绍兴市第八届…
                if m.start() - k >= 0 and folded[m.start() - k : m.start()] in _PLACE_SET:
                    s = m.start() - k
                    break
            lvl = folded[s : m.start()]
            out.append(
                Fact(
                    type="meeting",
                    start=s,
                    end=m.end(),
                    text=text[s : m.end()],
                    normalized=f"{lvl}{m['org2']}/{_num(m['ses'])}届/{_num(m['num'])}次{_kind(m['kind'])}",
                    extractor="meeting.session",
                    confidence=0.95,
                )
            )
            continue
        add(
            m,
            f"{_clean_org(org)}/{_num(m['ses'])}届/{_num(m['num'])}次{_kind(m['kind'])}",
            "meeting.session",
            0.95,
        )
    for m in PLENUM_RE.finditer(folded):
        nums = ",".join(_num(x) for x in re.findall(_N + "(?=中)", m["nums"]))
        add(
            m,
            f"{_clean_org(m['org'] or m['org2'])}/{_num(m['ses'])}届/{nums}中全会",
            "meeting.plenum",
            0.95,
        )
    for m in CONGRESS_RE.finditer(folded):
        if m["party"]:
            add(m, f"党/{_num(m['n'])}大", "meeting.congress", 0.9)
        else:
            add(m, f"-/{_num(m['bare'])}大", "meeting.congress", 0.8)
    for m in NUMBERED_RE.finditer(folded):
        add(
            m,
            f"{_clean_org(m['org'])}/{_num(m['num'])}次{_kind(m['kind'])}",
            "meeting.numbered",
            0.85,
        )
    return out
