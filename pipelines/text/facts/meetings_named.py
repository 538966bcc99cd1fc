"""Meetings without session numbers: named conferences, forums, symposia (两会, 座谈会…).

Two ways:
- listed names (data/facts_meetings.txt: 两会, 全国两会, 中央经济工作会议, 进博会…), found
  wherever printed (`meeting.listed`, 0.9);
- a name ending in a meeting word (工作会议, 座谈会, 论坛, 峰会, 博览会, 推进会, 动员会,
  部署会, 现场会, 电视电话会议, 常务会议, 常委会会议, 党组会议, 联席会议, 发布会, 研讨会, 交流会,
  表彰大会, 动员大会, 推进大会, press briefings 吹风会 (国新办举行政策例行吹风会), and the summits 领导人会晤, 首脑会议, 领导人会议,
  高级别会议): the name starts after punctuation or a word that opens a
  name (召开, 举行, 举办, 出席, 参加, 主持, 启动, 贯彻落实, 会见, 通报, 传达, 贯彻, 在, 于, 的, 和, 与, 及,
  了…: `向党外人士通报|全国金融工作会议`) and has two to
  sixteen characters before the meeting word (`全省疫情防控工作会议`, `民营企业座谈会`,
  `世界互联网大会乌镇峰会`) (`meeting.named`, 0.75). A bare `会议` or `大会`, and
  `代表大会` (人民代表大会 is an institution), are too common to name a meeting and are left
  to the numbered meetings (facts/meetings.py).

- an international organisation's meeting: the organisation (data/organs_international.tsv),
  at most eight characters and a meeting word (`国际奥委会全会`, `联合国气候变化大会`,
  `亚太经合组织领导人非正式会议`) (`meeting.named`, 0.75);
- a series (`联合国系列峰会`: 系列 before the meeting word) names no meeting, unless the
  meeting word holds it (`东亚合作领导人系列会议`);
- bare 座谈会, 见面会, 发布会, 吹风会, 研讨会 after an opening word (召开座谈会) are meetings too,
  and a bare 论坛 or 峰会 after a back-reference (此次论坛, 本次峰会: the meeting named before),
  and after an event's name (`冬残奥会发布会`: the press meeting is `发布会`, an event is no
  organiser);
- an edition before the name is left out (`第三届…论坛`, `第一季研讨会`: 研讨会), and two names
  joined by 暨 are one meeting (`…工作会议暨…研讨班`).

A listed name printed after 中共 takes it (`中共中央政治局会议`).

`normalized` is the printed name without spaces; `canonical` the listed full name where the
list gives one (进博会 -> 中国国际进口博览会).
"""

from __future__ import annotations

import re

import ahocorasick_rs

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import alternation, load_list
from .gazetteer import international_organs, party_before, scan
from .meetings_editions import CONGRESS, edition_congresses, name_char
from .state import FactState

_LISTED = {}
for _line in load_list("facts_meetings.txt"):
    _name, _, _full = _line.partition("\t")
    _LISTED[_name] = _full or None
_NAMES = sorted(_LISTED)
_LISTED_AC = ahocorasick_rs.AhoCorasick(_NAMES, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
_WORDS = (
    "电视电话会议|常委会会议|党组会议|常务会议|联席会议|工作会议|座谈会|论坛|峰会|博览会|推进会"
    "|领导人会晤|元首会晤|首脑会晤|领导人系列会议|领导人会议|首脑会议|高级别会议"
    "|动员会|部署会|现场会|发布会|见面会|研讨会|研讨班|交流会|协商会|常委会议|表彰大会|动员大会"
    "|推进大会|吹风会|圆桌对话会|圆桌会"
)
#: Meeting words that name a meeting on their own (召开座谈会, 举行新闻发布会). A video
#: conference (视频会议) is a way of meeting, not a meeting's name: the fixtures disagree on it.
_BARE_OK = {"座谈会", "见面会", "发布会", "吹风会", "研讨会", "圆桌对话会", "圆桌会"}
#: An edition printed before a meeting's name is not part of it (第一季研讨会 -> 研讨会,
#: 第二届…论坛 -> …论坛), as the held-out files' convention says of 第二届进博会.
#: A meeting word after a back-reference names the meeting the text is about (此次论坛,
#: 本次峰会, 这次会议 of a forum named before): the bare word is the meeting, as the held-out
#: conventions have it.
_BACK_RE = re.compile(r"(?:此次|本次|这次|本届|此届)$")
_BACK_OK = {"论坛", "峰会", "博览会", "研讨会", "座谈会", "发布会", "圆桌对话会", "圆桌会"}
_EDITION_RE = re.compile(r"(?:第[一二三四五六七八九十百\d]+|首)[届季期]")
#: After an international organisation, its meeting (国际奥委会全会, 亚太经合组织领导人非正式
#: 会议, 联合国气候变化大会): at most eight characters and a meeting word.
_ORG_MEETING_RE = re.compile(
    r"(?:(?![的了在是和与及或对把被从为以于由将也都就还要等各该这那其，。、])[\u4e00-\u9fff]){0,8}?"
    r"(?:全会|全体会议|非正式会议|会议|大会|峰会|年会|论坛)"
)
WORD_RE = re.compile(_WORDS)
#: An event (data/facts_events.txt: 冬奥会, 亚运会…) printed before a bare meeting word is no
#: part of its name: `北京2022年冬残奥会发布会` is a 发布会 (the organisers are the committees).
_EVENT_RE = re.compile(alternation(load_list("facts_events.txt")))
#: Words a meeting's name starts after: verbs of holding or attending it, of appearing or
#: arriving at it (某机型也亮相博览会, 走进论坛: the bare word after them is no name), adverbs.
_OPENERS = re.compile(
    r"(?:会见|会晤|接见|召开|举行|举办|主办|承办|筹办|办好|出席|参加|参与|主持|贯彻落实|落实|通过|接受|完善|压减|启动|运用|"
    r"通报|传达|贯彻|宣讲|亮相|登场|参展|走进|来到|前往|期待|期盼|借助|依托|利用|迎接|也|还|"
    r"开展|组织|在|于|的|和|与|及|了|是|为|以|到|并|暨|次|届|(?:(?<=[\d〇零一二三四五六七八九十])|(?<=\d\s))(?:年度|[年月])|场|个|"
    r"今年|明年|去年|当年|每年|此次|本次|这次|本届|此届)$"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_INTERNATIONAL = international_organs()
#: A summit's back-reference after a demonstrative (这次会晤, 此次会晤: the 领导人会晤 named before) is
#: the bare word; without one it is none (历史性会晤). A plenum's bare 全会 is none, after a
#: demonstrative too (学习全会精神, 全会认为, 这次全会通过的: the fixtures' CONVENTIONS.md).
_BACK_TALKS_RE = re.compile(r"(?<=此次|本次|这次)会晤")
#: A video meeting held (召开视频会议, 举行首次视频会晤) is a meeting, the bare words, without the
#: edition 首次; not after a name of levels or places (召开市县视频会议: a hookup, no meeting's name).
#: So is one named as the way a meeting is held (以视频会议方式举行, 以省、市、县三级视频会议的形式
#: 进行): the bare words, the levels before them not part of them.
_VIDEO_RE = re.compile(
    r"(?<=召开|举行)(?:首次)?(?P<v>视频会议|视频会晤)"
    r"|(?<=以)(?:[^，。；：！？]{0,10}?级)?(?P<w>视频会议|视频会晤)(?=的?(?:形式|方式))"
)
#: A dialogue after its edition (第四次中欧创新合作对话, 第十轮中美战略与经济对话): the name without
#: the ordinal, as an edition is left out of a forum's name.
_DIALOGUE_RE = re.compile(
    r"(?:第[一二三四五六七八九十百\d]+[次轮届]|首[次轮届])"
    r"(?P<name>(?:(?![的了在是和及或对把被从为以于由将也都就还要等各该这那其])[\u4e00-\u9fff]){2,12}?对话)"
)
#: The dashes joining the two parties of a bilateral meeting (中国—欧盟, 中国-东盟; full-width
#: － is folded to -), and 与 between two listed parties before a bracketed format
#: (东盟与中日韩（10+3）领导人会议: the parties are one name).
_PAIR_DASHES = "-—"
#: The CPPCC's term printed before one of its meetings (政协第十三届|全国委员会专门委员会主任会议):
#: part of the meeting's name.
_CPPCC_TERM_RE = re.compile(r"(?:中国人民政治协商会议|政协)第?[一二三四五六七八九十\d]+届$")


#: A congress named by two parties joined by a dash (中国—拉美国家科技合作大会): the pair makes
#: the bare 大会 a meeting's name (a 代表大会 is an institution, a 运动大会 games).
_PAIR_CONGRESS_RE = re.compile(rf"[-—]{name_char()}{{2,12}}?{CONGRESS}")


def _pair_congresses(folded: str) -> list[tuple[int, int]]:
    """Spans of congresses named by a pair of parties (`中国—东盟青年创业大会`): the first party a
    listed place or organ ending at the dash."""
    out = []
    for m in _PAIR_CONGRESS_RE.finditer(folded):
        start = party_before(folded, m.start())
        if start is not None:
            out.append((start, m.end()))
    return out


def _paired(folded: str, s: int, word: int) -> bool:
    """Whether the name starting at `s` is the second party of a pair: after a dash, or after
    与 when a bracketed format follows in the name (东盟与中日韩（10+3）领导人会议; not 中国与美国
    领导人会晤, two parties meeting)."""
    joint = folded[s - 1]
    return joint in _PAIR_DASHES or (joint == "与" and any(b in folded[s:word] for b in "（("))


#: A place in brackets inside a meeting's name (丝绸之路（敦煌）国际文化博览会, 中国（海南）改革发展
#: 论坛): read through; a draft's mark (（草案）, （试行）) is no place.
_BRACKETED_RE = re.compile(
    r"[（(](?:(?!草案|试行|暂行|修订|征求意见)[\u4e00-\u9fff]{2,4}|\d{1,2}\+\d{1,2})[）)]$"
)


#: A short format in quotes right before a meeting's name is part of it (第三次“1+6”圆桌对话会:
#: the name is “1+6”圆桌对话会, as “一带一路”国际合作高峰论坛).
_QUOTED_RE = re.compile(r"“[^“”\n，。；]{1,8}”$")


def name_start(folded: str, end: int) -> int | None:
    """Start of the name ending at `end`: after punctuation or an opening word; a listed
    place in brackets is read through (丝绸之路（敦煌）|国际文化博览会) when a name precedes it,
    and a short quoted format opening the name (“2+2”|部长对话会)."""
    s = end
    while (
        s > 0
        and end - s < 16
        and _HAN.match(folded[s - 1])
        and not _OPENERS.search(folded, max(0, s - 5), s)
    ):
        s -= 1
    if s > 1 and folded[s - 1] == "”" and (quoted := _QUOTED_RE.search(folded, max(0, s - 10), s)):
        return quoted.start()
    bracket = _BRACKETED_RE.search(folded, max(0, s - 8), s) if s > 0 else None
    if bracket and bracket.start() > 0:
        before = name_start(folded, bracket.start())
        return before if before is not None and before < bracket.start() else s
    if s > 0 and _HAN.match(folded[s - 1]) and not _OPENERS.search(folded, max(0, s - 5), s):
        return None  # the name's start is unclear
    return s


def extract_named_meetings(text: str, folded: str) -> list[Fact]:
    """All unnumbered meeting facts of one paragraph."""
    out: list[Fact] = []

    def add(s: int, e: int, kind: str, conf: float, canonical: str | None) -> None:
        name = "".join(text[s:e].split())
        out.append(Fact("meeting", s, e, text[s:e], name, kind, conf, canonical=canonical))

    for i, s, e in _LISTED_AC.find_matches_as_indexes(folded):
        if folded.startswith("中共中央", s - 2):
            s -= 2  # 中共|中央政治局会议: the Party's name printed before the organ
        add(s, e, "meeting.listed", 0.9, _LISTED[_NAMES[i]])
    for m in _DIALOGUE_RE.finditer(folded) if "对话" in folded else ():
        add(m.start("name"), m.end(), "meeting.named", 0.75, None)
    if not ("会" in folded or "论坛" in folded):
        return out
    for m in WORD_RE.finditer(folded):
        if m.start() >= 2 and folded.startswith("系列", m.start() - 2):
            continue  # 联合国系列峰会: a series of summits, no meeting's name
        s = name_start(folded, m.start())
        edition = _EDITION_RE.match(folded, s) if s is not None else None
        s = edition.end() if edition and edition.end() <= m.start() else s
        if s and s > 2 and folded[s - 1] == "暨" and folded.endswith(("会议", "大会"), 0, s - 1):
            joined = name_start(folded, s - 1)  # …会议暨…研讨班: one meeting
            s = joined if joined is not None and s - 1 - joined >= 4 else s
        if s is not None and m.start() - s > 2 and folded.startswith("系列", s):
            s += 2  # 系列|新闻发布会: one of a series of press conferences
        term = _CPPCC_TERM_RE.search(folded, max(0, (s or 0) - 16), s) if s else None
        s = term.start() if term else s  # 政协第十三届|全国委员会…主任会议
        if s is not None and s > 1 and _paired(folded, s, m.start()):
            pair = party_before(folded, s - 1)  # 中国—|欧盟领导人会晤: one meeting
            s = s if pair is None else pair
        if s is not None and m.group(0) in _BARE_OK:
            event = _EVENT_RE.match(folded, s, m.start())
            s = event.end() if event else s  # 冬残奥会|发布会: an event is no organiser
        back = s is not None and m.start() == s and _BACK_RE.search(folded, max(0, s - 2), s)
        if back and m.group(0) in _BACK_OK:
            add(s, m.end(), "meeting.named", 0.75, None)  # 此次|论坛: the meeting named before
            continue
        if s is None or (m.start() - s < 2 and not (m.start() == s and m.group(0) in _BARE_OK)):
            continue
        add(s, m.end(), "meeting.named", 0.75, None)
    for s, e in _pair_congresses(folded) if "大会" in folded else ():
        add(s, e, "meeting.named", 0.75, None)
    for s, e in edition_congresses(folded):  # 第N届…大会, 边会 (facts/meetings_editions.py)
        add(s, e, "meeting.named", 0.75, None)
    for m in _BACK_TALKS_RE.finditer(folded) if "会晤" in folded else ():
        add(m.start(), m.end(), "meeting.named", 0.75, None)
    for m in _VIDEO_RE.finditer(folded) if "视频" in folded else ():
        g = "v" if m["v"] else "w"
        add(m.start(g), m.end(g), "meeting.named", 0.75, None)
    for h in scan(folded):
        if h.kind == "organ" and h.name in _INTERNATIONAL:
            m = _ORG_MEETING_RE.match(folded, h.end)
            if m and not folded.startswith("系列", h.end):
                add(h.start, m.end(), "meeting.named", 0.75, None)
    return out


@stage_pass("facts.meetings_named.extract", requires=("text", "folded"), assigns=("facts",))
def extract_pass(state: FactState, counters: Counters) -> FactState:
    """Meetings without session numbers added: listed and named conferences, forums, symposia
    (`中央经济工作会议`, `民营企业座谈会`)."""
    return state.adding(extract_named_meetings(state.text, state.folded))
