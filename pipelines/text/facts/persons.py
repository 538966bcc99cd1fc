"""People: names printed with a title or role, speakers, and national leaders.

A name is a listed surname (data/facts_surnames.txt, single or double) plus one or two
characters. Bare names are ambiguous in running text, so a person fact needs one of:
- a role word after the name (data/facts_roles.txt): `马卫光同志`, `习近平总书记`;
- a role word right before the name: `市委书记马卫光`, `检察长叶伟忠说`,
  `董事长周书忠说`, `通讯员胡建东、罗建灿报道` (names listed with `、` after one role
  are each a fact). Right after a role a name may also start with a surname that is a
  common word start (data/facts_surnames_role_only.txt: 金, 于, 高…). After an occupation
  (data/facts_roles_before.txt: 邮递员, 村民) or 代表/委员 the span is the name alone and its
  end must be clear (`邮递员王建华，`, `快递小哥刘晓军讲述`);
- a speech verb after the name (说, 表示, 介绍, 指出, 强调…) with the name at the start of
  the paragraph or of a clause (after `，。；：！？”` or a space): `”彭晓思说`, `，张晓平指出`;
  words that are not names (data/facts_not_names.txt: 任何, 方面…), places and words
  ending like an organ or a group (…方, …委, …部) are refused;
- a `、` list of three or more items of which at least three, and three in five, are
  names (`授予赵奇、梅建明、李茂荣、周令飞、郭民…`, `市领导马卫光、盛阅春、谭志桂…`;
  the first item may end with the name, the last may end with 等/为…); in such a list the
  other short items (two to four characters, or a foreign name with `·`) are names too
  (`前谷达男`, `尼拉杰·帕瓦尼`);
- the same name printed with a role elsewhere in the paragraph (`副镇长杨海波在…。”杨海波说`);
- a national leader from data/facts_leaders.txt printed without title (`习近平指出`,
  `毛泽东、邓小平`), unless it names a doctrine (`习近平新时代…思想`, `邓小平理论`,
  `毛泽东思想`); a two-character leader name needs a boundary on both sides (`中韩正在`
  holds no 韩正).

The end of a name is found by what follows it: punctuation, a space, the end of the
paragraph, or a boundary word (a speech verb, 在, 等, 的, 出席, 建议, 代表, 认真, 先后,
报道…). A two-character name followed by a two-character boundary word wins
(`科长杨飞介绍`), then a three-character name (`厅长王中毅表示`, `主任毕克来说`), then a
two-character one (`厅长陈斌在`). A name whose end is unclear is not extracted. Inside a
name (after the surname) only function words are refused (的, 了, 在, 和…), so ordinary
characters (`周书忠`) pass.

`normalized` is the name alone; `qualifier` is the role as printed (None for speakers,
repeats and leaders). The span covers name and role when a role is printed next to it.

Foreign names (facts/persons_foreign.py) and Tibetan names (facts/persons_ethnic.py) have no
Chinese surname and are found by their own shapes.

Extractors and confidence: `person.role_after` 0.9, `person.role_before` 0.85,
`person.leader` 0.9, `person.repeat` 0.8, `person.byline` 0.8 (a paragraph of names only,
`■杨永昌 樊昕旖`, or a photo credit `… 许旭摄`), `person.speaker` 0.75, `person.list` 0.75, `person.given_name` 0.6
(given name + 同志 after `和`/`与`/`、`: `我和如兴同志`), `person.alias` 0.8 (`某某，原名某某`,
facts/persons_alias.py), `person.honouree` 0.75 (a `；` list, facts/persons_honourees.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipelines.text.model import Fact

from ._common import alternation, load_list
from .gazetteer import place_index
from .persons_alias import alias_names, given_names
from .persons_dotted import dotted_names
from .persons_foreign import foreign_names
from .persons_found import Found as _Found
from .persons_honourees import honouree_names
from .persons_lexicon import more_names
from .persons_lists import byline_names, list_names
from .persons_subject import subject_names, tagged_list_item, tagged_name
from .persons_titles import former_start
from .persons_words import NOT_NAME_END, common_word, cuts_a_word

SURNAMES = [s for line in load_list("facts_surnames.txt") for s in line.split()]
ROLE_ONLY_SURNAMES = [s for line in load_list("facts_surnames_role_only.txt") for s in line.split()]
ROLES = load_list("facts_roles.txt")
#: Occupations printed before a name only (邮递员张建国，): after a name they start a phrase.
ROLES_BEFORE = load_list("facts_roles_before.txt")
LEADERS = [line.split()[0] for line in load_list("facts_leaders.txt")]
NOT_NAMES = set(load_list("facts_not_names.txt"))
_PLACE_SET = set(place_index())
_SUR = alternation(SURNAMES)
_SUR_ANY = alternation(SURNAMES + ROLE_ONLY_SURNAMES)
_ROLE = alternation(ROLES)
_HAN = r"[\u4e00-\u9fff]"
# Characters that cannot be part of a name printed before a role (function words, organ
# words, numerals): `地方党委书记` is no name.
_NOT_NAME = set(
    "的了在是和与及或对把被从向为以于由将也都而且就还要会上下中里等各全本该这那其我你他她们"
    "省市县区委党政府院部局厅办组织团队员长记主席理书同志代表一二三四五六七八九十百千万亿"
    "第届次年月日号个项件总副常央群众干部工作设镇乡村街道"
)
# Characters that cannot be inside a name printed after a role or before a speech verb.
_FUNC = set(
    "的了在是和与及或对把被从为以于由将也都而且就还要会等各该这那其我你他她们说指表讲称谈"
    "省市县区委党府院部局厅办处科组员长记席第届次年月日号个项件总副"
)
# A third character that ends a two-character name rather than extending it.
_END_CHARS = set("在说等的和与同并对向代为率到以是也都就曾作讲提赴去考视调参听则已又正还将要会称谈")
_SPEECH = ("说道", "说", "表示", "介绍", "指出", "强调", "坦言", "透露", "告诉记者", "回忆")
_BOUNDARY_WORDS = (
    *_SPEECH, "认为", "建议", "提出", "讲述", "应邀", "出席", "代表", "先后", "认真", "主持",
    "参加", "带领", "带队", "一行", "来到", "深入", "亲自", "看望", "慰问", "调研", "考察",
    "报道", "摄", "同志", *_END_CHARS,
)  # fmt: skip
#: 说 is a speech verb, not the first character of a word (说明, 说情, 说法, 说服…).
_SAY = r"说(?![明情法服话理教成得谎书])"


def _verbs(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(f"{alternation([w for w in words if w != '说'])}|{_SAY}")


_BOUNDARY_RE = _verbs(_BOUNDARY_WORDS)
_ROLE_RE = re.compile(_ROLE)
_ANY_ROLE_RE = re.compile(alternation(ROLES + ROLES_BEFORE))
#: Who attended, at a report's end (王晨参加会见。, 何立峰陪同考察。, 丁某出席会议。): a speaker.
_ATTENDED = ("参加会见", "参加会谈", "陪同", "出席")
_SPEECH_RE = _verbs(_SPEECH + _ATTENDED)

AFTER_RE = re.compile(rf"(?P<name>(?:{_SUR}){_HAN}{{1,2}}?)(?P<role>{_ROLE})")
BEFORE_RE = re.compile(
    rf"(?P<role>{alternation(ROLES + ROLES_BEFORE)})[ \t\u3000]?(?=(?:{_SUR_ANY}){_HAN})"
)
SPEAKER_RE = re.compile(rf"(?:^|(?<=[，。；：！？”」\s]))(?=(?:{_SUR}){_HAN})")
LEADER_RE = re.compile(alternation(LEADERS))
#: A name appointed or removed (任命王国生为…, 免去某某的…): read after the verb.
APPOINTED_RE = re.compile(r"(?:任命|免去)")
#: A biography's opening: the name, then the birth (包起帆，1951年生; 许振超，生于1950年).
BIOGRAPHY_RE = re.compile(
    rf"(?P<name>(?:{_SUR_ANY}){_HAN}{{1,2}})，(?:男|女|生于|\d{{4}}年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?出?生)"
)
_SURNAME_AT, _SURNAME_ANY_AT = re.compile(_SUR), re.compile(_SUR_ANY)
_BEFORE_ROLES_SKIP = {"同志", "代表", "委员", "常委"}
#: Roles that name an occupation or a group, not a title: the span is the name alone.
_OCCUPATIONS = set(ROLES_BEFORE) | _BEFORE_ROLES_SKIP
_LEADER_TITLES = ("常委", "委员")  # Politburo titles before a leader: in the span (常委李克强)
_AFTER_SHORT_SKIP = ("委员", "代表", "常委", "主任", "主席")
_VERB_ROLES = ("代表",)
#: Bodies whose members are named after 代表 or 委员 (全国人大代表, 党代表, 政协委员, 无党派人士代表).
_DEPUTY_BODIES = ("人大", "党", "政协", "职工", "群众", "人士")
# After a name, a doctrine named after it (习近平新时代中国特色社会主义思想, 邓小平理论).
_DOCTRINE_RE = re.compile(r"新时代|[\u4e00-\u9fff]{0,6}?(?:思想|理论)")


def _is_han(char: str) -> bool:
    """Whether a character is a CJK ideograph (`_HAN`), without the regex call."""
    return "\u4e00" <= char <= "\u9fff"


def _occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Spans of `word` in `text`, left to right, not overlapping (as `re.finditer` finds)."""
    s = text.find(word)
    while s >= 0:
        yield s, s + len(word)
        s = text.find(word, s + len(word))


def _name_ok(name: str) -> bool:
    return all(c not in _NOT_NAME for c in name[1:]) and len(name) >= 2


def _boundary(folded: str, e: int, speech_only: bool = False) -> str | None:
    """The boundary at `e` ('' for punctuation or the end), or None if there is none."""
    if e >= len(folded) or not _is_han(folded[e]):
        return None if speech_only else ""
    m = (_SPEECH_RE if speech_only else _BOUNDARY_RE).match(folded, e)
    return m.group(0) if m else None


def _name_at(folded: str, s: int, *, role_only: bool, speech_only: bool = False) -> str | None:
    """The name starting at `s` (surname + 1-2 characters) whose end is clear, or None."""
    sm = (_SURNAME_ANY_AT if role_only else _SURNAME_AT).match(folded, s)
    if sm is None:
        return None
    k = sm.end()
    rest = folded[k : k + 2]
    if not rest or not _is_han(rest[0]) or rest[0] in _FUNC:
        return None
    two = folded[s : k + 1]
    b2 = _boundary(folded, k + 1, speech_only)
    if b2 is not None and len(b2) >= 2:
        return two
    if (
        len(rest) == 2
        and _is_han(rest[1])
        and rest[1] not in _FUNC
        and rest[1] not in _END_CHARS
        and _boundary(folded, k + 2, speech_only) is not None
    ):
        return folded[s : k + 2]
    if b2 is not None:
        return two
    return None


def _ends_a_place(folded: str, s: int, e: int) -> bool:
    """Whether the name at s:e is the end of a place printed before it (俄|罗斯, 巴基|斯坦)."""
    return any(folded[k:e] in _PLACE_SET for k in range(max(0, s - 3), s))


def _plausible(name: str) -> bool:
    """Not a listed non-name, a place, or a word ending like an organ or a group."""
    return (
        name not in NOT_NAMES
        and name[:2] not in NOT_NAMES
        and name not in _PLACE_SET
        and name[:2] not in _PLACE_SET
        and name[-1] not in NOT_NAME_END
    )


def _is_name(token: str) -> bool:
    sm = _SURNAME_AT.match(token)
    return (
        sm is not None
        and 1 <= len(token) - sm.end() <= 2
        and all(_is_han(c) and c not in _FUNC for c in token[sm.end() :])
        and _plausible(token)
    )


def _role_after(folded: str, after: list[re.Match[str]], found: _Found, verb_roles: bool) -> None:
    """Names before a role (马卫光同志, 习近平总书记). `代表` after a name is often the verb
    (李跃旗代表市委常委会): a role printed before the name wins over it, so it is read last."""
    for m in after:
        name, role = m["name"], m["role"]
        if (role in _VERB_ROLES) != verb_roles:
            continue
        # A title (书记, 委员长, 厅长…) after a name marks it well: only function words
        # are refused inside (栗战书委员长); 同志/代表/委员 also follow plain nouns.
        loose = role not in _AFTER_SHORT_SKIP and role != "同志"
        if not (_is_name(name) if loose else _name_ok(name)):
            continue
        if role in _AFTER_SHORT_SKIP and len(name) < 3:
            continue
        if _ends_a_place(folded, m.start(), m.start() + len(name)):
            continue  # 俄罗斯总统: 罗斯 ends a place, no name
        if verb_roles and _boundary(folded, m.end()) is None:
            continue  # 李克强代表国务院: the verb
        if len(name) == 3 and name[-1] in "任兼":  # 张某任副主任: the verb, the name alone
            if found.free(m.start(), m.start() + 2):
                found.add(m.start(), m.start() + 2, name[:2], "person.role_after", 0.9, None)
        elif found.free(m.start(), m.end()):
            found.add(m.start(), m.end(), name, "person.role_after", 0.9, role)


def _a_deputy(folded: str, pos: int, role: str) -> bool:
    """Whether 代表 or 委员 before `pos` is a noun, the member of a body (全国人大代表马慧娟是,
    政协委员张某): printed after its body it is no verb (代表全市人民)."""
    return role in ("代表", "委员") and folded.endswith(_DEPUTY_BODIES, 0, pos - len(role))


def _occupation_name(folded: str, pos: int, role: str) -> str | None:
    """The name after an occupation or a group word, whose end must be clear: punctuation
    (优秀代表张建国，), a two-character boundary word (快递小哥王磊讲述) or, for a name of three
    characters, any boundary (村民邱彩立的); listed surnames only (农民向上向善 is none). After
    an occupation or a deputy, a name the segmenter's tagger ends is taken too (选手刘梦涛夺得)."""
    if role == "同志":
        return None
    deputy = _a_deputy(folded, pos, role)
    name = _name_at(folded, pos, role_only=False)
    if name is None or not _plausible(name):
        return (
            tagged_name(folded, pos, _is_name) if role not in _BEFORE_ROLES_SKIP or deputy else None
        )
    e = pos + len(name)
    after = folded[e : e + 1]
    if after in ("，", "。", "；") or (after == "、" and len(name) == 3):
        return name
    if role in _BEFORE_ROLES_SKIP and not deputy:
        return None  # 代表全市人民: the verb
    boundary = _boundary(folded, e)
    if boundary is not None and (len(name) == 3 or len(boundary) >= 2):
        return name
    return tagged_name(folded, pos, _is_name)


def _role_before(folded: str, found: _Found) -> None:
    """Names after a role (市委书记马卫光, 总理李克强), and names listed after one role
    (通讯员胡建东、罗建灿). A national leader after a role needs no clear end."""
    for m in BEFORE_RE.finditer(folded):
        role = m["role"]
        s, pos = m.start(), m.end()
        leader = LEADER_RE.match(folded, pos)
        if leader and role in _BEFORE_ROLES_SKIP and role not in _LEADER_TITLES:
            continue  # 代表习近平: the leaders are read by _leaders
        if leader:
            name: str | None = leader.group(0)
        elif role in _OCCUPATIONS:
            name = _occupation_name(folded, pos, role)
        else:
            name = _name_at(folded, pos, role_only=True) or tagged_name(folded, pos, _is_name)
            if name is not None and common_word(name):
                name = None  # 记者关注的: a word of the dictionary, no name
        politburo = role in _LEADER_TITLES and folded.endswith("政治局", 0, m.start("role"))
        if role in _OCCUPATIONS and not (leader and role in _LEADER_TITLES) and not politburo:
            s = pos  # 邮递员|张建国: an occupation is no title (政治局委员 is), the span the name
        else:
            s = former_start(folded, s, pos)  # 原副局长张某: the former holder's mark
        while name is not None:
            e = pos + len(name)
            if folded.startswith(("同志", "书记", "总书记"), e):  # role_after covers it,
                if s < pos and folded.startswith("同志", e):  # 省长|习近平同志: with the title
                    found.widen(pos, e + 2, s)
                break
            if found.free(s, e):
                found.add(s, e, name, "person.role_before", 0.85, role)
            if not folded.startswith("、", e):
                break
            s = pos = e + 1
            name = _name_at(folded, pos, role_only=False) or tagged_list_item(folded, pos)


def _leaders(folded: str, found: _Found) -> None:
    """National leaders printed without title (习近平指出, 毛泽东、邓小平), not a doctrine."""
    for m in LEADER_RE.finditer(folded):
        s, e = m.start(), m.end()
        if _DOCTRINE_RE.match(folded, e):
            continue  # 习近平新时代…思想, 邓小平理论: a doctrine
        if e - s == 2 and (
            _boundary(folded, e) is None
            or (s > 0 and _is_han(folded[s - 1]) and folded[s - 1] not in "和与及、")
        ):
            continue  # a two-character name inside a word (中韩正在, 汪洋大海)
        if found.free(s, e):
            found.add(s, e, m.group(0), "person.leader", 0.9, None)


def _speakers(folded: str, found: _Found) -> None:
    """A name at the start of a clause before a speech verb (，张晓平指出); a name appointed
    (任命王国生为…) or opening a biography (包起帆，1951年生)."""
    # a speaker's name ends at a speech verb: none printed, no speaker
    speakers = SPEAKER_RE.finditer(folded) if _SPEECH_RE.search(folded) else ()
    for m in speakers:
        s = m.start()
        name = _name_at(folded, s, role_only=False, speech_only=True)
        if name is not None and _plausible(name) and found.free(s, s + len(name)):
            found.add(s, s + len(name), name, "person.speaker", 0.75, None)
    for m in APPOINTED_RE.finditer(folded) if "任命" in folded or "免去" in folded else ():
        name = _name_at(folded, m.end(), role_only=False)
        e = m.end() + len(name) if name else 0
        appointed = name and folded.startswith(("为", "的", "同志", "担任"), e)
        if appointed and _plausible(name) and found.free(m.end(), e):
            found.add(m.end(), e, name, "person.speaker", 0.75, None)
    bio = BIOGRAPHY_RE.match(folded)
    if bio and _plausible(bio["name"]) and found.free(*bio.span("name")):
        found.add(*bio.span("name"), bio["name"], "person.speaker", 0.75, None)
    for s, e in alias_names(folded, _plausible):  # 刘某，原名刘某某
        if found.free(s, e):
            found.add(s, e, folded[s:e], "person.alias", 0.8, None)


def _repeats(folded: str, found: _Found) -> None:
    """The same name printed again in the paragraph (after a role or as a speaker)."""
    known = {f.normalized for f in found.out if f.extractor != "person.leader"}
    foreign = {f.normalized for f in found.out if f.extractor.startswith("person.foreign")}
    for name in sorted(known, key=lambda n: (-len(n), n)):
        for s, e in _occurrences(folded, name):
            opens = s == 0 or not (_is_han(folded[s - 1]) or folded[s - 1] == "·")
            if name in foreign and opens:
                pass  # a foreign name again at a clause's start (。普京指责): no word around it
            elif len(name) == 2 and (_boundary(folded, e) is None or not opens):
                continue  # a two-character name inside a word (实施方案, 方案指出)
            if _DOCTRINE_RE.match(folded, e):
                continue
            if found.free(s, e):
                found.add(s, e, name, "person.repeat", 0.8, None)


def extract_persons(text: str, folded: str) -> list[Fact]:
    """All person facts of one paragraph."""
    found = _Found(text)
    has_role = _ROLE_RE.search(folded) is not None  # AFTER_RE and BEFORE_RE need one
    after = list(AFTER_RE.finditer(folded)) if has_role else []  # read twice: 代表 last
    for s, e, name, title in (*dotted_names(folded), *foreign_names(folded)):
        if found.free(s, e):
            found.add(s, e, name, "person.foreign", 0.8, title)
    _role_after(folded, after, found, verb_roles=False)
    if has_role or _ANY_ROLE_RE.search(folded):
        _role_before(folded, found)
    _leaders(folded, found)
    _speakers(folded, found)
    _role_after(folded, after, found, verb_roles=True)
    for s, e, name, title, extractor, confidence in more_names(folded):
        if found.free(s, e):
            found.add(s, e, name, extractor, confidence, title)
    for s, e in byline_names(folded, _is_name):
        if found.free(s, e):
            found.add(s, e, folded[s:e], "person.byline", 0.8, None)
    for s, e in list_names(folded, _is_name, _plausible):
        if found.free(s, e):
            found.add(s, e, folded[s:e], "person.list", 0.75, None)
    for s, e in honouree_names(folded, _plausible):
        if found.free(s, e):
            found.add(s, e, folded[s:e], "person.honouree", 0.75, None)
    known = {f.normalized for f in found.out}  # a name found already is a repeat there
    for s, e in subject_names(folded, _plausible):
        if found.free(s, e):
            repeat = folded[s:e] in known
            found.add(s, e, folded[s:e], f"person.{'repeat' if repeat else 'subject'}", 0.65, None)
    _repeats(folded, found)
    for s, e, name in given_names(folded, lambda n: _name_ok("X" + n)):
        if found.free(s, e):
            found.add(s, e, name, "person.given_name", 0.6, "同志")
    return [f for f in found.out if not cuts_a_word(folded, f)]
