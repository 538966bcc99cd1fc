"""Foreign persons: a transliterated name printed next to a foreign title.

Transliterated names (普京, 拉夫罗夫, 拉马福萨) have no Chinese surname, so the surname tests of
facts/persons.py never find them. A run of two to six transliteration characters (data/
facts_transliteration.txt) is a name when a foreign title is printed right before it
(`总统普京`, `外长拉夫罗夫`, `副总统马布扎`, `特使彼得森`, `主席祖拜尔`, `总裁格罗夫`) and its end is clear
(punctuation, a digit, a speech verb, an adverb or a boundary word: `普京9日表示`, `普京曾宣布`;
else the whole run when a word of the segmenter's dictionary follows it: `默克尔前往`),
or right after it (`拉马福萨总统`,
after punctuation or a word that ends before a name: 同, 与, 和, 会见…). A run that is a place
or ends with one (`俄罗斯总统`) is no name. After 代表 (`常驻联合国副代表萨夫龙科夫`) the name is
a person but the span is the name alone (a delegate is described, not titled). `person.foreign` 0.8; the span takes the title
(as for Chinese names), `normalized` is the name.

After a foreign title a Korean, Japanese or Vietnamese name is printed in characters that are
no transliteration (`总统文在寅10日`, `首相岸田文雄表示`, `外相河野太郎等`): two to four characters
are a name when a digit, punctuation, a speech verb, 等 or 于 ends them (`person.foreign` too).

Without a title, a run of transliteration characters opening the paragraph or a clause and
followed by a speech verb is a speaker (`。马克龙表示`, `14.普京称`, `埃尔多安强调`):
`person.foreign_speaker` 0.7. Organisations and brands written in transliteration characters
(data/facts_not_foreign_names.txt: 哈马斯, 特斯拉) and places are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ._common import WORD_MIN_FREQ, alternation, cut_window, load_list
from .gazetteer import place_index

_CHARS = "".join(c for line in load_list("facts_transliteration.txt") for c in line.split())
_TITLES = (
    "总统",
    "副总统",
    "总理",
    "副总理",
    "首相",
    "副首相",
    "外相",
    "外长",
    "外交部长",
    "国务卿",
    "特使",
    "国王",
    "女王",
    "王储",
    "王后",  # a queen consort (某国王后某某), as 国王 and 女王
    "议长",
    "参议长",  # the speaker of a senate (某国参议长某某), longest first in the alternation
    "众议长",
    "总督",
    "财长",
    "防长",
    "国防部长",
    "秘书长",
    "副秘书长",
    "总干事",
    "总裁",  # the head of an international fund or bank (某基金组织总裁某某)
    "发言人",
    "主席",
    "委员长",
    "最高领袖",  # a head of state's style in some constitutions (伊朗最高领袖某某)
    "新闻秘书",  # a head of state's press secretary (某国总统新闻秘书某某), as 发言人
    "总检察长",  # a country's attorney general (某国总检察长某某)
    "执行主任",  # the head of an intergovernmental body's secretariat (某中心执行主任某某)
    "执行秘书",  # the same office in the UN regional commissions (某委员会执行秘书某某)
    "代理部长",  # an acting secretary after his service (某国陆军代理部长某某); a bare 部长 is
    # no foreign title here (部长通道: 通道 would read as a name)
)
#: Titles a foreign name follows but that stay out of its span (a delegate is described, not
#: titled: `常驻联合国副代表萨夫龙科夫` -> 萨夫龙科夫). Only a delegate's office (常驻…, 副, 特别,
#: 首席): a bare 代表 is mostly a deputy to a congress (`“代表通道”` is the deputies' walkway).
#: A legislator likewise (`众议员佩洛西一行`: 参议员, 众议员, 议员), and a team's athlete
#: (`某国队选手某某娃获得`: 选手, 运动员 after 队, as a Chinese athlete is named alone), and a
#: party's leader (`某党领袖某某`: 领袖 a description, as the conventions have it).
_PLAIN_TITLE_RE = re.compile(
    r"(?:常驻[\u4e00-\u9fff]{0,10}?|副|特别|首席)代表|[参众]?议员|(?<=队)(?:选手|运动员)|(?<=[党派])领袖"
)
#: Royal titles, after which a name that is also a place is a name all the same (`王后某某`:
#: royals are named like cities, 维多利亚, 索菲亚; no place follows such a title).
_ROYAL = ("国王", "女王", "王后", "王储")
#: A deputy or an acting holder of any title is one too (副外长巴盖里, 副国务卿, 代理部长某某).
#: 国王 not before 后 (英国王后某某: the country's 国 and 王后; 国王后来 is the king still).
_TITLE_RE = re.compile(
    f"(?:副|代理)?(?:{alternation([t for t in _TITLES if t != '国王'])}|国王(?!后(?!来)))"
)
_RUN_RE = re.compile(rf"[{_CHARS}]{{2,6}}")
_CHAR_SET = set(_CHARS)
#: What may follow a name: punctuation, a digit (普京9日), a verb or word that ends a name.
_END_RE = re.compile(
    r"[\s\d，。；：、！？”）)]|$|表示|说|称|指出|强调|认为|在|于|与|和|同|会见|会谈|举行|出席|签署"
    r"|发表|宣布|的|当天|此前|日前|近日"
    r"|曾|也|还|将|已|又|再次|则|并|正在"  # an adverb after the subject: 普京曾宣布
)
#: What may precede a name printed before its title: punctuation or a word that ends there.
_OPENS = set(" \t，。；：、！？“（(同与和见及")
_PLACES = place_index()
_NOT_NAMES = set(load_list("facts_not_foreign_names.txt"))
#: What ends a name in characters after a foreign title: a digit, punctuation, a speech verb.
#: Verbs a titled subject performs end it too (总统某某发表讲话, 宣布, 出席, 签署, 致电).
_STRICT_END_RE = re.compile(
    r"[\s\d，。；：、！？”）)]|$|表示|说|称|指出|强调|认为|会见|会谈|举行|等|于"
    r"|发表|宣布|出席|签署|致电|致信"
)
#: Speech verbs after a foreign speaker (普京称, 马克龙表示, 埃尔多安强调).
_SPEECH_RE = re.compile(r"表示|说(?![明服法])|称|指出|强调|认为|宣布|祝贺|呼吁|警告|指责|批评|回应")
#: A time word or an adverb between a speaker and the speech verb (当天说, 还说, 随后表示).
_BEFORE_SPEECH_RE = re.compile(r"当天|当日|随后|此前|还|也|又|再次|则|曾")
#: What opens a clause before a speaker: punctuation, a space, a list number (14.普京称).
_CLAUSE_OPENS = set(" \t，。；：！？”」.")
_HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
#: The first characters a Korean, Japanese or Vietnamese name may start with: the Chinese
#: surnames (文, 金, 尹, 安…), which hold the common Korean ones.
_SURNAME_CHARS = {
    c
    for name in ("facts_surnames.txt", "facts_surnames_role_only.txt")
    for line in load_list(name)
    for c in line.split()
    if len(c) == 1
}


def _is_place(run: str) -> bool:
    """Whether `run` is, ends or starts with a place; a 2-character foreign city inside it is none
    (尼斯 in 丹尼斯: transliteration characters around it)."""
    parts = [run[i:] for i in range(1, len(run))] + [run[:j] for j in (2, 3) if j < len(run)]
    hits = [e for p in parts for e in _PLACES.get(p, ()) if p[2:] or e.level != "foreign_city"]
    return run in _PLACES or bool(hits)


def _word_follows(folded: str, end: int) -> bool:
    """Whether a word of the segmenter's dictionary, of two characters or more, starts at
    `end`: the name before it ends there whatever the word (`默克尔前往`, `马克龙访问`), so
    no list of boundary words has to hold every verb."""
    from pipelines.text.segment import get_segmenter

    has_word = get_segmenter().has_word
    return any(has_word(folded[end : end + n]) for n in (4, 3, 2) if end + n <= len(folded))


def _name_after(folded: str, pos: int) -> str | None:
    """The shortest run of transliteration characters at `pos` whose end is clear: a boundary
    word, or else the whole run when a dictionary word follows it."""
    run = _RUN_RE.match(folded, pos)
    if run is None:
        return None
    for end in range(pos + 2, run.end() + 1):
        if _END_RE.match(folded, end):
            return folded[pos:end]
    if (cut := _straddling_word(folded, pos, run.end())) is not None:
        return folded[pos:cut]
    return folded[pos : run.end()] if _word_follows(folded, run.end()) else None


def _straddling_word(folded: str, pos: int, end: int) -> int | None:
    """Where a common dictionary word that starts inside the run and ends after it starts: the
    run took the word's first character (得 of 得票率, 得到 is a transliteration character too),
    so the name ends before it (`某某沃|得票率`, `普京|得到`); the name keeps two characters;
    a word counts from frequency 20 (rarer ones are pieces of names, as in persons_dotted.py)."""
    from pipelines.text.segment import get_segmenter

    if end >= len(folded) or not _HAN_RE.match(folded[end]):
        return None  # the run ends at punctuation, a digit or the paragraph's end
    seg = get_segmenter()
    for start in range(end - 1, pos + 1, -1):
        for n in (4, 3, 2):
            if (
                end < start + n <= len(folded)
                and seg.frequency(folded[start : start + n]) >= WORD_MIN_FREQ
            ):
                return start
    return None


#: Verbs that take a person after them and end with a transliteration character (转达: 达).
_VERBS_BEFORE_NAME = ("转达", "会见", "会晤", "祝贺", "感谢", "邀请")


def _name_before(folded: str, pos: int) -> str | None:
    """The run of two to six transliteration characters ending at `pos`, opened by
    punctuation, the start of the paragraph or a word that ends before a name; or the end of
    the run after such a verb that ends inside it (转达|某某加总统: 达 is the verb's)."""
    s = pos
    while s > 0 and pos - s < 6 and folded[s - 1] in _CHAR_SET:
        s -= 1
    if pos - s < 2:
        return None
    if s == 0 or folded[s - 1] in _OPENS or _verb_ends(folded, s):
        return folded[s:pos]
    for start in range(s + 1, pos - 1):
        if folded.endswith(_VERBS_BEFORE_NAME, 0, start):
            return folded[start:pos]
    return None


@lru_cache(maxsize=2048)
def _verb_window(window: str) -> bool:
    """Whether the segmenter reads `window` as ending with a verb of two characters or more,
    or with the particle 了 after one; cached."""

    window = window.removesuffix("了")
    if window.endswith(_VERBS_BEFORE_NAME):
        return True  # 会见了: the segmenter tags 会见 a noun
    tokens, tags = cut_window(window)
    return bool(tokens) and len(tokens[-1]) >= 2 and tags[-1].startswith("v")


def _verb_ends(folded: str, s: int) -> bool:
    """Whether a verb that takes a person ends right before the run at `s`, the run opening
    a new word (支持|某某斯总统, 会见了|某某斯总统): the segmenter's reading of the four
    characters before it."""
    return s >= 2 and folded[s - 1] not in _CHAR_SET and _verb_window(folded[max(0, s - 4) : s])


def _han_name_after(folded: str, pos: int) -> str | None:
    """Two to four characters at `pos` (shortest first) that a digit, punctuation or a
    speech verb ends: a Korean or Japanese name after a title (总统文在寅10日)."""
    run = _HAN_RUN_RE.match(folded, pos)
    if run is None or folded[pos] not in _SURNAME_CHARS or _END_RE.match(folded, pos):
        return None  # 总统举行: a verb, no name
    for end in range(pos + 2, run.end() + 1):
        if _STRICT_END_RE.match(folded, end):
            return folded[pos:end]
    return None


#: What never opens a name: a preposition, an adverb or a pronoun after the title (代表在会上).
_NOT_FIRST = set("在也还将对就是于和与同向等已又再则并均都曾该其此这他她的团处")


def _delegate_name(folded: str, t: re.Match[str]) -> str | None:
    """Two or three characters after a permanent delegate's office (`常驻联合国代表某某指责`), any
    characters (a name in characters no transliteration holds), ended by a speech verb or a
    boundary word; neither it nor its first or last two characters a dictionary word
    (代表|当天表示, 代表|发言说), no function word first (代表|在会上), nor the 团 or 处 of a
    delegation or an office (代表团|规模)."""
    if not t.group(0).startswith("常驻"):
        return None
    from pipelines.text.segment import get_segmenter

    pos = t.end()
    for end in (pos + 2, pos + 3):
        name = folded[pos:end]
        if len(name) < end - pos or not _HAN_RUN_RE.fullmatch(name) or name[0] in _NOT_FIRST:
            return None
        ended = _END_RE.match(folded, end) or _SPEECH_RE.match(folded, end)
        freq = get_segmenter().frequency
        if ended and max(freq(name), freq(name[:2]), freq(name[-2:])) < WORD_MIN_FREQ:
            return name
    return None


#: A date and a speech verb after a titled name (某某斯20日表示): a speaker, not a place.
_SPEAKS_RE = re.compile(rf"(?:\d{{1,2}}日)?(?:声称|{_SPEECH_RE.pattern})")
#: What follows a royal's name that is also a place (王后某某出席, 王后某某也到场, 女王某某。):
#: punctuation, a date, a speech verb, an adverb of the subject or an action of a visit; not a
#: place's word (王储|迪拜之行, 女王|伦敦寓所, 女王|维多利亚时代).
_ROYAL_END_RE = re.compile(
    rf"[\s，。；：、！？”）)]|$|{_SPEAKS_RE.pattern}|{_BEFORE_SPEECH_RE.pattern}|将|已|并|正在"
    r"|出席|到场|参加|观看|会见|会晤|会谈|举行|签署|发表|访问|抵达|一行"
)


def _refused(name: str, folded: str = "", end: int = 0) -> bool:
    """Whether a titled name is no name: a listed word, or a place's name, unless the name
    speaks after its title (总检察长某某斯20日表示)."""
    if name in _NOT_NAMES:
        return True
    if folded and _SPEAKS_RE.match(folded, end):
        return False
    return _is_place(name)


#: The segmenter dictionary's tags of personal names (nr; nrfg, nrt: foreign and transliterated).
_NAME_TAGS = ("nr", "nrfg", "nrt")


#: The common Chinese surnames: a dictionary name opening with one is a Chinese name, read
#: with its whole title by facts/persons.py (国家主席|习近平, not 主席|习近平 here).
_CHINESE_SURNAMES = {
    c for line in load_list("facts_surnames.txt") for c in line.split() if len(c) == 1
}


def _tagged(word: str) -> bool:
    """Whether the segmenter's dictionary tags `word` as a personal name (默克尔) that opens
    with no common Chinese surname."""
    from pipelines.text.segment import get_segmenter

    tag = get_segmenter().postokenizer.word_tag_tab.get(word)
    return tag in _NAME_TAGS and word[:1] not in _CHINESE_SURNAMES


def _dictionary_name(folded: str, pos: int, *, after: bool) -> str | None:
    """A name of the dictionary (two to four characters) right after a title at `pos`, its
    end clear, or right before one, opened as `_name_before` opens a run (同默克尔总理): a
    foreign name in characters no transliteration holds."""
    for n in (4, 3, 2):
        if after and _tagged(folded[pos : pos + n]) and _END_RE.match(folded, pos + n):
            return folded[pos : pos + n]
        s = pos - n
        opened = s == 0 or (s > 0 and folded[s - 1] in _OPENS)
        if not after and opened and _tagged(folded[s:pos]):
            return folded[s:pos]
    return None


def foreign_names(folded: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, title) of every foreign name printed next to a foreign title: a run
    of transliteration characters, or a name the segmenter's dictionary knows."""
    for t in _TITLE_RE.finditer(folded):
        name = _name_after(folded, t.end()) or _dictionary_name(folded, t.end(), after=True)
        royal = (
            t.group(0) in _ROYAL
            and name not in _NOT_NAMES
            and _ROYAL_END_RE.match(folded, t.end() + len(name or "")) is not None
        )
        if name and (royal or not _refused(name, folded, t.end() + len(name))):
            yield t.start(), t.end() + len(name), name, t.group(0)
        name = _name_before(folded, t.start()) or _dictionary_name(folded, t.start(), after=False)
        if name and not _refused(name):
            yield t.start() - len(name), t.end(), name, t.group(0)
    for t in _PLAIN_TITLE_RE.finditer(folded):
        name = _name_after(folded, t.end()) or _delegate_name(folded, t)
        if name and not _refused(name):
            yield t.end(), t.end() + len(name), name, ""


def foreign_han_names(folded: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, title) of Korean or Japanese names after a foreign title (总统文在寅
    10日); read after the Chinese names, so that 总理李克强 stays a Chinese name."""
    for t in _TITLE_RE.finditer(folded):
        name = _han_name_after(folded, t.end())
        if name and not _refused(name):
            yield t.start(), t.end() + len(name), name, t.group(0)


#: Words that take a person after them (为马杜罗举行, 陪同马杜罗检阅, 会见马杜罗).
_TAKES_PERSON = ("陪同", "会见", "会晤", *"同为向与")
#: What a bare name after them is followed by: an action of the visit.
_VISIT = ("举行", "检阅", "会谈", "会见", "访华", "访问", "一行", "出席", "参观", "共同")


def _run_before(folded: str, pos: int) -> int:
    """Start of the run of transliteration characters (at most six) that ends at `pos`."""
    s = pos
    while s > 0 and pos - s < 6 and folded[s - 1] in _CHAR_SET:
        s -= 1
    return s


def foreign_objects(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of transliterated names of three to six characters between a word that takes a
    person and an action of a visit (`为马杜罗举行欢迎仪式`, `陪同马杜罗检阅`), or opening a
    clause before such a word (`。马杜罗向…转达`); places and listed non-names refused. Read
    back from each such word printed (a few per paragraph), not over every run."""
    seen = set()
    for word in (*_VISIT, *_TAKES_PERSON):
        end = folded.find(word)
        while end > 0:
            s = _run_before(folded, end)
            if end - s >= 3 and s not in seen:
                opened = s == 0 or folded[s - 1] in _CLAUSE_OPENS
                taken = word in _VISIT and any(folded.endswith(w, 0, s) for w in _TAKES_PERSON)
                if (opened or taken) and not _refused(folded[s:end]):
                    seen.add(s)
                    yield s, end
            end = folded.find(word, end + 1)


#: An election's winner: a verb of winning after the name (某某赢得选举, 某某当选, 某某胜选).
_WIN_RE = re.compile(r"赢得|当选|胜选|获胜|连任")
#: A report's verb before a clause it opens (结果显示某某赢得…, 数据表明…).
_REPORTS = ("显示", "表明")


def foreign_speakers(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of transliterated names opening a clause before a speech verb (。普京称), a time
    word or an adverb between them allowed (。某某利当天说, 某某利还说), or before a verb of an
    election won, the clause opened by punctuation or a report's verb too (结果显示某某赢得选举:
    a headline's winner)."""
    for m in _RUN_RE.finditer(folded):
        s = m.start()
        reported = folded.endswith(_REPORTS, 0, s)
        if s > 0 and folded[s - 1] not in _CLAUSE_OPENS and not reported:
            continue
        for end in range(s + 2, m.end() + 1):
            between = _BEFORE_SPEECH_RE.match(folded, end)
            won = _WIN_RE.match(folded, end) is not None
            if won or (
                not reported and _SPEECH_RE.match(folded, between.end() if between else end)
            ):
                if not _refused(folded[s:end]):
                    yield s, end
                break
