"""Money and quantities: a number, an optional scale word, and a unit.

Numbers are Arabic (`7.4`, `１，０００` after folding) or Chinese (`一百一十四`, parsed
with cn2an); scale words 万 / 亿 / 万亿 / 千万 … multiply the value, so `value_num` is in
base units: yuan for money (`7.4万亿元` -> 7.4e12, unit `元`), and the printed unit for
quantities, with a few synonyms folded (`千米` -> `公里`, `公斤` -> `千克`; data/facts_units.txt).
`normalized` is `"<plain number> <unit>"`; an Arabic range (`5—7 天`) is one fact with
`normalized` `"5/7 天"`, `value_num` the lower bound and `range` first in `qualifier`. A bound
before the number (超, 约, 不到, 突破…), `余`/`多` after it (also between two scale words:
`4万多亿元` is 4e12 yuan, 多) and a bound after the unit (以上, 左右, 以内, 以下) go to
`qualifier`; a change word right before the number gives `direction`, and a fall is negative
(`减少3000人` -> -3000, down): conventions in facts/qualifiers.py.

Foreign currencies are never converted: a `money` fact's `value_num` is the amount in the
currency named by `unit` (`200亿美元` -> value_num 2e10, unit `美元`; `港币` -> `港元`), so
sums over money facts must group by `unit`; only `unit == "元"` is yuan.

False positives avoided: ordinals (`第`), ranks (`全球30位`, amounts_ranks.py), durations in
Chinese numerals (`十分钟`, amounts_durations.py), four-digit years before 年 (dates), `个百分点`
(percent), and Chinese numerals below ten without a scale word
(`一个`, `两个维护`, `三年行动`, `四大领域`: set phrases in political prose, not counts)
but head counts of people (`八位`, `三名`: classifiers of people never make a set phrase),
and Chinese numerals with two digits side by side (`唯一一个` is not 11, `七八个` is a
rough guess, not 78).

Extractors and confidence: `money.arabic` 0.95, `money.chinese` 0.9, `quantity.arabic` 0.9 (0.8
for durations 年/天/个月), `quantity.chinese` 0.8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from string import ascii_letters

from pipelines.text.model import Fact

from ._common import (
    ARABIC_NUM,
    CN_NUM,
    SCALE_RE,
    SCALES,
    alternation,
    cut_window,
    fmt_decimal,
    load_list,
    parse_number,
)
from .amounts_durations import CN_START, chinese_duration
from .amounts_magnitude import TAKINGS, extract_magnitudes, ten_thousands_reached
from .amounts_ranges import ordinal_listed, range_low
from .amounts_ranks import is_rank
from .qualifiers import bound_before, change_before, cut_of_object, direction_of

CURRENCIES = {
    "元": "元",
    "元人民币": "元",
    "美元": "美元",
    "欧元": "欧元",
    "港元": "港元",
    "港币": "港元",
    "日元": "日元",
    "英镑": "英镑",
    "美金": "美元",
    # other currencies of jionlp's measure-word list (see data/facts_units.txt)
    "韩元": "韩元",
    "澳元": "澳元",
    "加元": "加元",
    "加拿大元": "加元",
    "泰铢": "泰铢",
    "瑞士法郎": "瑞士法郎",
    "澳门元": "澳门元",
    "越盾": "越盾",
    "卢布": "卢布",
    "卢比": "卢比",
    "新台币": "新台币",
}
DURATIONS = {"年", "天", "日", "月", "小时", "周年"}


def _load_units() -> dict[str, tuple[str, Decimal]]:
    units: dict[str, tuple[str, Decimal]] = {}
    for line in load_list("facts_units.txt"):
        parts = line.split()
        if len(parts) == 3:
            units[parts[0]] = (parts[1], Decimal(parts[2]))
        else:
            units[parts[0]] = (parts[0], Decimal(1))
    return units


UNITS = _load_units()
_UNIT_ALT = alternation(list(UNITS) + list(CURRENCIES))
AMOUNT_RE = re.compile(
    rf"(?<![\dA-Za-z.])(?P<n>{ARABIC_NUM}|{CN_NUM})\s?(?P<approx>余|多)?(?P<scale>{SCALE_RE})?"
    rf"(?:(?<=亿)(?P<mix>\d{{1,4}})万)?(?P<approx2>余|多)?(?P<scale2>(?<=万[余多])亿)?"
    rf"(?:\s?(?P<unit>{_UNIT_ALT})|(?<=[万亿])|(?<=[万亿][余多]))"
)
#: The characters an amount starts with (AMOUNT_RE is tried only where one is printed).
_UNIT_RE = re.compile(alternation(list(UNITS)))
_NUMBER_START_RE = re.compile(r"[\d零〇一二两三四五六七八九十百千]")
_BOUND_RE = re.compile(r"及?(?P<b>以上|左右|以内|以下)")  # 及以上 is 以上 (110千伏及以上)
# A one-character unit followed by one of these characters is the start of another word.
_UNIT_NOT_BEFORE = {
    "本": set("地土科市省县区级部届轮期次身着质"),
    "期": set("间内末初望限货"),
    "种": set("子植养业"),
    "类": set("型似"),
    "列": set("入为车"),
    "轮": set("胎船"),
    "方面": set("军"),
    "集": set("团中体聚合"),  # 58集团 is a company's name, not 58 episodes
    "顶": set("尖级层端峰替住部"),  # 100顶尖企业: 顶尖 a word (500顶帐篷 a count of tents)
    **dict.fromkeys(("GB", "MB", "TB", "KB", "PB"), frozenset(ascii_letters)),  # 3MBA: a model
}
#: Units that measure only what these words name: 级 is a magnitude before an earthquake or a
#: wind (7.4级地震, 12级台风), else a rank (一级响应, 三级医院)…
_UNIT_ONLY_BEFORE = {"级": ("地震", "强震", "余震", "大风", "阵风", "台风", "飓风")}
_MAGNITUDE_BEFORE_RE = re.compile(r"风力|阵风|震级|风速")  # …or after a force: 风力达到10级
#: Units read only after these words: 日 counts days after 连续 or 持续 (`已连续3日无新增`), else
#: it ends a date (`3月5日`, `5日`: facts/dates.py).
_UNIT_ONLY_AFTER = {"日": ("连续", "持续")}
#: Words that make a bare amount in their clause a sum of money (`GDP…6000亿`, `发票总额350多亿`).
_MONEY_CONTEXT_RE = re.compile(
    rf"GDP|生产总值|金额|总额|资金|投资|贷款|存款|财政|税收|发票|支出|预算|融资|债务|资产|{TAKINGS}"
)
_SENTENCE_STOP = "。；！？;!?\n"


def _sentence_before(folded: str, s: int) -> str:
    """The text of the sentence before `s`, at most 40 characters."""
    i = s
    while i > 0 and folded[i - 1] not in _SENTENCE_STOP and s - i < 40:
        i -= 1
    return folded[i:s]


_ADJACENT_DIGITS_RE = re.compile(r"[一二两三四五六七八九]{2}")
#: Classifiers of people: a small Chinese numeral before them is a head count (`八位来自基层一线的
#: 代表`, `三名医生`), never a set phrase, unless it starts another word (`三位一体`, `两位数`).
_PERSON_COUNT_UNITS = ("位", "名")
_PERSON_COUNT_NOT_BEFORE = ("一体", "数")
#: Classifiers of things counted one by one: a small Chinese numeral before them is a count (`八起
#: 违纪问题`, `四艘航母`, `两人`, `两条公路`), none starts a set phrase (家 does: 百家争鸣; 条 before
#: the nouns of `_SET_LINES` does: 三条红线, 两条腿走路, 一条龙, 一条心: no count).
_THING_COUNT_UNITS = ("起", "艘", "架", "辆", "例", "人", "座", "台", "条")
_SET_LINES = ("红线", "底线", "主线", "生命线", "高压线", "腿", "心", "龙")
#: A bare hundred before a classifier of people (`百名学雷锋典型`): a round count (a bare 千 names
#: campaigns: “千名干部助千企”).
_BARE_ROUND = {"百": Decimal(100), "千": Decimal(1000)}
_KIN_RE = re.compile(f"[大小]?(?:{alternation(load_list('facts_kin_nouns.txt'))})")
_CN_BEFORE = CN_START | {"万", "亿"}  # a Chinese number inside a longer one


def _amount_matches(folded: str) -> Iterator[re.Match[str]]:
    """`AMOUNT_RE.finditer(folded)`, trying the pattern only where a number starts."""
    pos = 0
    while (first := _NUMBER_START_RE.search(folded, pos)) is not None:
        m = AMOUNT_RE.match(folded, first.start())
        if m is None:
            pos = first.start() + 1
        else:
            yield m
            pos = m.end()


def _unit_of(m: re.Match[str], folded: str) -> tuple[str | None, int] | None:
    """The unit of an amount and its end, or None when the match is no amount: an ordinal
    (第, 第1、|2天), percentage points, a numeral inside a longer one or naming a formula (“十个最严”),
    a unit character that starts another word (100本地企业). A count with a scale word and no
    unit (8000多万农业转移人口) has unit None."""
    s, e, unit, num = m.start(), m.end(), m["unit"], m["n"]
    chinese = num[0] in CN_START
    if s > 0 and (ordinal_listed(folded, s) or (chinese and folded[s - 1] in _CN_BEFORE)):
        return None
    if chinese and s > 0 and folded[s - 1] in "数几":
        return None  # 数十种, 几十个: no number is printed (病床数800多张 prints one)
    if unit is None and chinese and m["scale"] and folded.startswith(_PEOPLE_NOUNS, e):
        return None, e  # 十万干部群众: a round count of people in Chinese numerals
    if unit is None:
        # a bare count: Arabic digits and a scale word, not a percentage; a sum of money when
        # its sentence names one before it (GDP如果增长5%，…迈上6000亿门槛: unit 元)
        ok = not chinese and not folded.startswith(("%", "％", "个百分点"), e)
        if ok and _MONEY_CONTEXT_RE.search(_sentence_before(folded, s)):
            return "元", e
        return (None, e) if ok else None
    if unit == "个" and folded.startswith("百分点", e):
        return None
    if unit == "个" and folded.startswith(("月", "多月"), e):  # 7个多月: 个月, 多 its qualifier
        unit, e = "个月", e + (2 if folded[e] == "多" else 1)
    if chinese and s > 0 and folded[s - 1] in '“"「':
        return None  # the number names a formula: “十个最严”, “八大机制”
    if unit in _UNIT_NOT_BEFORE and folded[e : e + 1] and folded[e] in _UNIT_NOT_BEFORE[unit]:
        return None  # 100本地企业, 5期间: the unit character starts another word
    if unit in _UNIT_ONLY_AFTER and folded[max(0, s - 2) : s] not in _UNIT_ONLY_AFTER[unit]:
        return None  # 5日: a day of the month
    if (
        unit in _UNIT_ONLY_BEFORE
        and not folded.startswith(_UNIT_ONLY_BEFORE[unit], e)
        and not _MAGNITUDE_BEFORE_RE.search(folded, max(0, s - 8), s)
        and not _levels_listed(folded, s, e - len(unit))
    ):
        return None  # 一级响应, 3级医院: a rank, not a magnitude
    return unit, e


def _value(m: re.Match[str], unit: str | None, folded: str, e: int) -> Decimal | None:
    """The amount in base units before the unit's factor; None when it is no amount (a
    Chinese numeral below ten without scale, a year, a session number)."""
    num, scale = m["n"], m["scale"]
    chinese = num[0] in CN_START
    if chinese and _ADJACENT_DIGITS_RE.search(num):
        return None  # 唯一一个, 七八个: no number
    value = parse_number(num)
    if value is None and num in _BARE_ROUND and _bare_round_count(unit, folded, m.start(), e):
        value = _BARE_ROUND[num]
    if value is None:
        return None
    if scale:
        value *= SCALES[scale]
        if m["mix"]:
            value += Decimal(m["mix"]) * SCALES["万"]  # 1亿7367万
        if m["scale2"]:
            value *= SCALES["亿"]  # 4万多亿元: more than 4万亿
    elif chinese and value < 10 and not (value >= 2 and _small_count(unit, folded, m.start(), e)):
        return None
    year_like = (
        (num.isdigit() and len(num) == 4) or (chinese and "〇" in num) or 1800 <= value <= 2199
    )
    if unit == "年" and not scale and year_like:
        return None  # a year: handled by dates
    if unit in ("次", "年") and chinese and folded.startswith(("全会", "会议", "全体"), e):
        return None
    if unit == "年" and chinese and not scale and _plan_or_recent_years(folded, m.start(), e):
        return None
    return value


def _plan_or_recent_years(folded: str, s: int, e: int) -> bool:
    """Years in Chinese numerals naming a plan's span (基础研究十年规划, 三年行动计划) or the
    recent years (近十年): no quantity, as the held-out conventions leave durations in Chinese
    numerals unmarked there."""
    return folded.startswith(("规划", "计划", "行动"), e) or (s > 0 and folded[s - 1] == "近")


def _bare_round_count(unit: str | None, folded: str, s: int, e: int) -> bool:
    """Whether a bare 百 or 千 is a count: before a classifier of people (百名专家), or of
    things, events or firms after a bound (近百架战机, 约百艘, 超过百场演出, 近千家企业); not in a
    compound (百人团队, 千家万户); 千 only after a bound (千名干部助千企: a campaign's name)."""
    bound = s > 0 and (folded[s - 1] in "近约超逾" or bound_before(folded, s) is not None)
    if _person_count(unit, folded, e) and (bound or folded[s] == "百"):
        return True
    return unit in (*_THING_COUNT_UNITS, "场", "家") and bound


def _person_count(unit: str | None, folded: str, e: int) -> bool:
    """Whether the unit counts people and ends the word: `三位` in `三位负责人`, not in
    `三位一体`."""
    return unit in _PERSON_COUNT_UNITS and not folded.startswith(_PERSON_COUNT_NOT_BEFORE, e)


def _small_count(unit: str | None, folded: str, s: int, e: int) -> bool:
    """Whether a Chinese numeral below ten before `unit` is a count: before a classifier of
    people or of things (`三名医生`, `八起问题`, `两台锅炉`), or before 个, 项 or 种 when the
    numeral is three or more, outside quotes, cut alone by the segmenter and followed by a
    concrete noun (`四个足球场`, `三项措施`, `三种模式`; not the set phrases `四个意识` (one word), `两个大局`
    (两), “四个带头五个表率” (quoted), `六个方面` (an aspect), `四项基本原则` (a doctrine))."""
    if _person_count(unit, folded, e) or unit in _THING_COUNT_UNITS:
        return not (unit == "条" and folded.startswith(_SET_LINES, e))
    if unit == "级":
        return _levels_listed(folded, s, e - 1)
    if unit in ("个", "项") and folded.startswith("关于", e) and not _in_quotes(folded, s):
        return True  # 三个关于…的意见: a count of documents whose title follows
    if unit == "个" and _KIN_RE.match(folded, e):
        return True  # 两个大女儿: kin counted (data/facts_kin_nouns.txt)
    if unit not in ("个", "项", "种") or folded[s] in "二两" or _in_quotes(folded, s):
        return False
    if folded.startswith(_ASPECT_NOUNS, e):
        return False
    return _noun_after(folded[s : e + 6], e - s)


@lru_cache(maxsize=4096)
def _noun_after(window: str, head: int) -> bool:
    """Whether the segmenter cuts the window's first `head` characters alone (`四个`) and a
    noun of two characters or more follows (`四个|足球场`); cached, as the spirits' windows."""
    tokens, tags = cut_window(window)
    return len(tokens) > 1 and len(tokens[0]) == head and tags[1] == "n" and len(tokens[1]) > 1


def _in_quotes(folded: str, s: int) -> bool:
    """Whether `s` lies inside a quotation: one opened before it in its sentence, or one
    closed after it with no opening between (a line cut inside a quote: `个带头五个表率”`)."""
    before = _sentence_before(folded, s)
    after = folded[s : s + 40]
    close, opening = after.find("”"), after.find("“")
    return before.rfind("“") > before.rfind("”") or (close >= 0 and not 0 <= opening < close)


#: A 、-list of levels right before a numeral of levels (国家、省、市、县四级, 省、市、县三级).
_LEVEL_LIST_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,4}、){1,8}[\u4e00-\u9fff]{1,4}$")


def _levels_listed(folded: str, s: int, num_end: int) -> bool:
    """Whether the numeral at `s` counts the levels listed right before it: `省、市、县三级` (as
    many items as the numeral says), not a rank (`三级医院`, `一级响应`)."""
    listed = _LEVEL_LIST_RE.search(folded, max(0, s - 40), s)
    value = parse_number(folded[s:num_end])
    return listed is not None and value == listed.group(0).count("、") + 1


#: People counted in round Chinese numerals without a classifier (`十万干部群众`, `百万群众`).
_PEOPLE_NOUNS = ("干部群众", "群众", "干部", "党员", "职工", "居民", "市民", "农民", "官兵", "师生")

#: Nouns that divide a topic, not things counted (`六个方面`, `五个维度`): set phrases of plans;
#: and the principles of a doctrine (`四项基本原则`).
_ASPECT_NOUNS = ("方面", "维度", "层面", "环节", "领域", "板块", "原则", "基本原则")


def extract_amounts(text: str, folded: str) -> list[Fact]:
    """All money and quantity facts of one paragraph."""
    out: list[Fact] = []
    for m in _amount_matches(folded):
        found = _unit_of(m, folded)
        if found is None:
            continue
        unit, e = found
        value = _value(m, unit, folded, e)
        if value is None or chinese_duration(m["n"], m["scale"], unit):
            continue
        if not is_rank(folded, m.start(), e, unit):
            out.append(_amount_fact(text, folded, m, unit, e, value))
    out += ten_thousands_reached(text, folded) if "上万" in folded else []
    return out + extract_magnitudes(text, folded, _UNIT_RE, UNITS)


def _near(folded: str, s: int, unit: str | None) -> str | None:
    """A bare 近 before a count or a measure (近40层, 近百架, 近300公里) is its qualifier; not
    before a span of time (近9年, 近一年: the recent years) nor inside 将近, 接近, 最近, 附近
    (将近 and 接近 are read by bound_before)."""
    if s < 1 or folded[s - 1] != "近" or (s > 1 and folded[s - 2] in "将接最附邻"):
        return None
    return None if unit is None or unit in DURATIONS or unit in ("个月", "周") else "近"


def _below_zero(folded: str, s: int, base: str | None) -> bool:
    """A temperature printed with a minus sign (最低气温-11℃): the sign is the value's, not a
    range's dash (6-10℃ has a digit before it)."""
    return (
        base == "℃" and s > 0 and folded[s - 1] in "-−－" and (s < 2 or not folded[s - 2].isdigit())
    )


def _amount_fact(
    text: str, folded: str, m: re.Match[str], unit: str | None, e: int, value: Decimal
) -> Fact:
    """The money or quantity fact of an amount: qualifiers, direction, a range's lower bound."""
    s, chinese, scale = m.start(), m["n"][0] in CN_START, m["scale"]
    qual = [q for q in (bound_before(folded, s) or _near(folded, s, unit), m["approx"]) if q]
    qual += [m["approx2"]] if m["approx2"] else ["多"] * (folded[e - 3 : e] == "个多月")
    b = _BOUND_RE.match(folded, e)
    if b:
        qual.append(b["b"])
    direction = direction_of(change_before(folded, s) or cut_of_object(folded, s))
    if unit in CURRENCIES:
        kind, base, factor = "money", CURRENCIES[unit], Decimal(1)
        conf = 0.9 if chinese else 0.95
    else:
        kind = "quantity"
        base, factor = UNITS.get(unit, (unit, Decimal(1))) if unit else (None, Decimal(1))
        conf = 0.8 if chinese or base in DURATIONS or base == "个月" or not unit else 0.9
    value *= factor
    low = None if chinese or scale else range_low(folded, s, value)
    suffix = f" {base}" if base else ""
    norm = f"{fmt_decimal(value)}{suffix}"
    if low:
        # 5—7 天, 5、6天: one fact for the range; value_num is the lower bound, a bound before
        # it the range's (约5—7天)
        s, lo = low
        norm = f"{fmt_decimal(lo * factor)}/{fmt_decimal(value)}{suffix}"
        value = lo * factor
        qual = ["range", *([b] if (b := bound_before(folded, s)) else []), *qual]
    elif _below_zero(folded, s, base):
        s, value, norm = s - 1, -value, f"-{norm}"
    return Fact(
        type=kind,
        start=s,
        end=e,
        text=text[s:e],
        normalized=norm,
        extractor=f"{kind}.{'chinese' if chinese else 'arabic'}",
        confidence=conf,
        value_num=float(-value if direction == "down" else value),
        unit=base,
        qualifier=",".join(qual) or None,
        direction=direction,
    )
