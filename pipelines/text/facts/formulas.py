"""Quoted political formulas, campaigns and period names (“四个意识”, “八八战略”, “十四五”).

Writers put formulas in quotes, but also metaphors and scare quotes (“护城河”, “连心桥”,
“源头活水”, “小红车”). A quoted span is a candidate when its content is short and has no
clause punctuation: 2–12 characters, no `，。；：！？、` and no nested quotes (longer
quotes, or quotes with clause punctuation, are quoted speech and are skipped). A
candidate is a formula only when one of these holds, else it is no fact at all:

1. a period name of the five-year plans, 十N五 (“十四五”): `formula.period`;
2. it is numbered (`formula.numbered`): it starts with a numeral (一…十, 百, 千, 万, 两,
   双, 零) and
   - the numeral run has two or more characters (“八八战略”, “九二共识”, “百千万”), or
   - another numeral follows (“一带一路”, “两战双赢”, “三清一管好”, “千项万亿”), or
   - a formula measure word follows the numeral (个 大 项 张 条 件 号 种 类 型 化 稳 保
     为 好 强 优 新 连: “四个意识”, “十大行动”, “一件事”, “四好农村路”), or
   - the numeral is not 一 and at most three characters follow (“六稳”, “三农”, “七优享”,
     “五廉并举”);
   a zero target (“零感染”, “零非访”) and a day of the year (“三月三”) are none, and so is a
   historical event's name (“五卅惨案”, “九一八事变”, a movement named by its date: “五卅运动”);
   Arabic numerals count when a measure word or `+` follows (“8+4”, “2+N”, “39条举措”);
3. it has a formula shape (`formula.shape`): it ends with a listed suffix
   (data/facts_formula_suffixes.txt: 战略, 工程, 行动, 经验, 精神, 思想, 制度, 体系,
   改革, 建设, 工作, 机制, 模式, 清单, 示范区, 生活圈…) and is a name, not a phrase (at
   most 10 characters, no 的: “做人的工作” is not one), or ends with a numbered article
   count (“绍兴 26 条”, “暖心十条”), or joins terms with `+` and no space (“互联网+”,
   “党建+业务”), or is a 先X后Y rule (“先投后股”), or an all-of-them rule (“应检尽检”,
   “应保尽保”), or runs three or four terms with one head (“同线同标同质”);
4. it names a reform or campaign: the closing quote is followed (after any further quoted
   names) by 改革, 工程, 行动, 战略, 计划, 攻坚战… (“全链条解决”“最多跑一地”改革), or
   it is a 最多… target (“最多80天”) (`formula.shape`);
5. it is in the curated list data/facts_formulas.txt (`formula.listed`: “最多跑一次”,
   “重要窗口”, “放管服”, “绿水青山就是金山银山”…).
6. a slogan of two parallel parts joined by `、`, of two to six characters each and of one
   length (“千村示范、万村整治”, “八婺同向、实干争先”): `formula.shape`; a quoted list of more
   terms (“集中患者、集中专家、集中资源、集中救治”) or of unequal parts is none.
Besides quotes, the formulas of data/facts_formulas_unquoted.txt (doctrines, strategies and
campaigns that are no ordinary phrase: 高质量发展, 共同富裕, 习近平新时代中国特色社会主义思想)
are found wherever they are printed, leftmost-longest (`formula.lexicon`, 0.85), and so are
the named spirits (雷锋精神, 沂蒙精神, 劳动精神: facts/formulas_spirits.py, `formula.spirit`).
Idioms and organs with a formula shape (data/facts_not_formulas.txt: “一把手”, “一刀切”,
“三级跳”, “两委”) are not formulas. Recurrence across documents was considered as a
fifth test and left out: metaphors recur as much as formulas (“定心丸”, “含金量”,
“最后一公里” each appear in several sources), and the seeds repeat one another.

`normalized` is the content without quotes; `qualifier` is `period` for 十N五 names and
`numbered` for numbered formulas, else None. Adjacent formulas (“六稳”“六保”) are separate
facts. Quotes: “…” (curly), "…" (ASCII pairs), 「…」.

Confidence: `formula.period` and `formula.numbered` 0.95, `formula.listed` 0.9,
`formula.shape` 0.85.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import ahocorasick_rs

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import alternation, cut_window, load_list, small_int
from .formulas_principles import extract_principles, governed_formula
from .formulas_spirits import extract_spirits
from .gazetteer import PROVINCE, place_index, scan
from .state import FactState

QUOTE_RE = re.compile(
    r"“(?P<a>[^“”\n]{2,20})”|\"(?P<b>[^\"\n“”]{2,20})\"|「(?P<c>[^「」\n]{2,20})」"
    r"|‘(?P<d>[^‘’\n]{2,20})’"
)
_CLAUSE_BAD = set("，。；：！？,;:!?《》")
_BAD = set("，。；：！？、,;:!?《》")
_PERIOD_RE = re.compile(r"^[一二三四五六七八九十]{1,2}五$")
_CN_NUMERAL = "一二两三四五六七八九十百千万双零"
_NUM_RUN_RE = re.compile(rf"^[{_CN_NUMERAL}]+")
_MEASURE = set("个大项张条件号种类型化稳保为好强优新连")
_ARABIC_RE = re.compile(r"^\d+\s?(?:[+＋]|[条张项个大])")
_ARTICLES_RE = re.compile(rf"(?:\d+|[{_CN_NUMERAL}]+)\s?条$")
_FIRST_THEN_RE = re.compile(r"^先[\u4e00-\u9fff]{1,2}后[\u4e00-\u9fff]{1,2}$")
#: An all-of-them rule (“应检尽检”: test everyone who should be; “应保尽保”, “应种尽种”).
_ALL_OF_RE = re.compile(r"^[应能愿]([\u4e00-\u9fff])尽\1$")
SUFFIXES = load_list("facts_formula_suffixes.txt")
_SUFFIX_RE = re.compile(rf"(?:{alternation(SUFFIXES)})$")
_NEXT_QUOTE_RE = re.compile(r"[、和与]?“[^“”\n]{2,12}”")
_CAMPAIGN_RE = re.compile(r"改革|工程|行动|战略|计划|攻坚战|专项整治|运动")
LISTED = set(load_list("facts_formulas.txt"))
_UNQUOTED = sorted(load_list("facts_formulas_unquoted.txt"))
_LEXICON = ahocorasick_rs.AhoCorasick(_UNQUOTED, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
_UNQUOTED_SET = set(_UNQUOTED)
#: A named thought of the General Secretary (习近平法治思想, 习近平外交思想, 习近平强军思想).
_THOUGHT_RE = re.compile(r"习近平(?:[\u4e00-\u9fff]{2,5}?)思想")
#: A campaign named after a place: 平安中国, 法治浙江, 美丽浙江, 数字中国 (a listed prefix and a
#: province or the country, printed unquoted as well as quoted).
_PLACE_CAMPAIGN_PREFIXES = ("平安", "法治", "美丽", "健康", "数字", "文化", "清廉", "信用", "宽带")
_PREFIX_SET = set(_PLACE_CAMPAIGN_PREFIXES)
_PREFIX_RE = re.compile("|".join(_PLACE_CAMPAIGN_PREFIXES))
NOT_FORMULAS = frozenset(load_list("facts_not_formulas.txt"))
#: A historical event's name, no formula: a massacre, an incident, an uprising, a strike
#: (“五卅惨案”, “九一八事变”, “二七罢工”), or a movement named by its date (“五卅运动”, “五四运动”,
#: “一二·九运动”: 卅 and 廿 are numerals of a day); a campaign named 运动 otherwise stays one.
_EVENT_RE = re.compile(
    r"(?:惨案|事变|起义|暴动|罢工|事件|大屠杀)$|^[一二三四五六七八九十廿卅·]{2,4}运动$"
)


#: Nouns of people and households: a numbered quote ending in one labels a group of people
#: (“三岩人家”, “五好家庭”, “三好学生”), an honour or a nickname, not a formula.
_PEOPLE_ENDINGS = ("人家", "家庭", "学生", "人", "户")


def _numbered(content: str) -> bool:
    """Rule 2: a numbered formula (四个意识, 八八战略, 六稳, 8+4); not a zero target
    (“零感染”), a day of the year (“三月三”) nor a label for people (“三岩人家”)."""
    if content.endswith(_PEOPLE_ENDINGS):
        return False
    if _ARABIC_RE.match(content):
        return True
    run = _NUM_RUN_RE.match(content)
    if run is None or run.group(0).startswith("零"):
        return False
    numeral, rest = run.group(0), content[run.end() :]
    if rest[:1] in ("月", "日", "年"):
        return False
    if not rest:
        return len(numeral) >= 2  # “百千万”, “双十双百”
    return (
        len(numeral) >= 2
        or any(c in _CN_NUMERAL for c in rest)
        or rest[0] in _MEASURE
        or (numeral != "一" and len(rest) <= 3)
    )


def _repeated_head(content: str) -> bool:
    """Three or four two-character terms with one head, run together (“同线同标同质”: the same
    line, standard and quality for products sold at home and abroad): a coined standard, not a
    phrase (a phrase repeats no character at every other place)."""
    if len(content) not in (6, 8):
        return False
    heads = content[0::2]
    return len(set(heads)) == 1 and len(set(content[1::2])) == len(heads)


def _shaped(content: str) -> bool:
    """Rule 3: a formula suffix, an article count, a `+` join, a 先X后Y rule or terms with one
    head (“同线同标同质”). A name of eleven or twelve characters holding a listed formula counts
    too (“推进新时代兴边富民行动”)."""
    if _repeated_head(content):
        return True
    if (
        _SUFFIX_RE.search(content)
        and "的" not in content
        and (len(content) <= 10 or _LEXICON.find_matches_as_indexes(content))
    ):
        return True
    return bool(
        _ARTICLES_RE.search(content)
        or (
            ("+" in content or "＋" in content)
            and re.search(r"[\u4e00-\u9fff]", content)
            and not re.search(r"\s", content)
        )
        or _FIRST_THEN_RE.match(content)
        or _ALL_OF_RE.match(content)
    )


def _names_campaign(folded: str, end: int) -> bool:
    """Rule 4: the quote at `end` is followed by a campaign word (“…”“…”改革)."""
    pos = end
    while True:
        q = _NEXT_QUOTE_RE.match(folded, pos)
        if q is None:
            break
        pos = q.end()
    return _CAMPAIGN_RE.match(folded, pos) is not None


def classify(content: str, campaign: bool = False) -> tuple[str, float, str | None] | None:
    """(extractor, confidence, qualifier) for a quoted phrase, or None if no formula.

    `campaign`: the quote is followed by a campaign word (rule 4)."""
    if content in NOT_FORMULAS or _EVENT_RE.search(content):
        return None
    if _PERIOD_RE.match(content):
        return "formula.period", 0.95, "period"
    if _numbered(content):
        return "formula.numbered", 0.95, "numbered"
    if content in LISTED:
        return "formula.listed", 0.9, None
    if _shaped(content) or campaign or (content.startswith("最多") and len(content) >= 3):
        return "formula.shape", 0.85, None
    return None


def _parallel(content: str) -> bool:
    """A slogan of two parallel parts joined by 、 (“千村示范、万村整治”); a longer list
    (“集中患者、集中专家、集中资源、集中救治”) names measures, not a slogan. Parts of five or
    six characters must also share a character at one place (“集中硬隔离、居家硬管控”): two
    clauses of that length without it are a motto (“做能工巧匠、无愧于时代”); a shared 的 is no
    such character (“城市的客厅、市民的花园”: two noun phrases, a motto)."""
    parts = content.split("、")
    if len(parts) != 2 or len(parts[0]) != len(parts[1]) or not 2 <= len(parts[0]) <= 6:
        return False
    return len(parts[0]) <= 4 or any(a == b != "的" for a, b in zip(*parts, strict=True))


#: A formula named by its count of characters after it (“巩固、增强、提升、畅通”八字方针).
_WORD_COUNT_RE = re.compile(r"([一二三四五六七八九十]{1,3})字(?:方针|要求|原则|诀|经|理念)")


def _counted_words(content: str, folded: str, end: int) -> bool:
    """Whether the quote ending at `end` is followed by a count of its own characters
    (“巩固、增强、提升、畅通”八字方针: eight characters): a named set of watchwords, not a list."""
    m = _WORD_COUNT_RE.match(folded, end)
    if m is None:
        return False
    return small_int(m.group(1)) == len(re.findall(r"[\u4e00-\u9fff]", content))


def _comma_slogan(content: str) -> bool:
    """A quoted slogan of parallel clauses joined by ， (“开放促改革，改革优环境，环境促发展”):
    two to four clauses of one length (four to seven characters) that chain (each clause
    opens with the last two characters of the one before), or three or four that share a
    character at one place (“产业兴农，质量兴农，绿色兴农”); quoted speech (“我很高兴，谢谢
    大家”) and a two-line maxim (“宁可十防九空，不可失防万一”, quoted advice) are neither."""
    parts = content.split("，")
    if not 2 <= len(parts) <= 4 or len({len(p) for p in parts}) != 1:
        return False
    if not 4 <= len(parts[0]) <= 7 or any(c in _BAD for p in parts for c in p):
        return False
    chained = all(a[-2:] == b[:2] for a, b in pairwise(parts))
    shared = any(len({p[i] for p in parts}) == 1 for i in range(len(parts[0])))
    return chained or (shared and len(parts) >= 3)


def _of_lexicon(content: str) -> bool:
    """A quoted pair of listed formulas (“碳达峰 碳中和”, “碳达峰、碳中和”): one formula."""
    parts = [p for p in re.split(r"[、\s]", content) if p]
    return len(parts) >= 2 and all(p in _UNQUOTED_SET for p in parts)


def _lexicon(text: str, folded: str) -> list[Fact]:
    """Listed formulas printed without quotes (高质量发展, 共同富裕), a named thought
    (习近平法治思想) and a campaign named after a place (法治浙江): `formula.lexicon`."""
    spans = [(s, e) for _, s, e in _LEXICON.find_matches_as_indexes(folded)]
    if "习近平" in folded:
        spans += [m.span() for m in _THOUGHT_RE.finditer(folded)]
    if _PREFIX_RE.search(folded):
        spans += _place_campaigns(folded)
    if _STRUGGLE in folded:
        spans += _struggles(folded)
    return [
        Fact(
            type="formula",
            start=s,
            end=e,
            text=text[s:e],
            normalized="".join(text[s:e].split()),
            extractor="formula.lexicon",
            confidence=0.85,
        )
        for s, e in spans
    ]


#: A national campaign named by two verb-object pairs before 专项斗争 (扫黑除恶专项斗争: 扫黑|除恶).
_STRUGGLE = "专项斗争"
#: Verbs that take a campaign as their object (开展|禁毒专项斗争): never the first pair of its name.
_CAMPAIGN_VERBS = frozenset(
    ("开展", "推进", "进行", "深化", "组织", "部署", "启动", "实施", "发起", "打好", "打赢", "参与")
)


@lru_cache(maxsize=4096)
def _paired_name(window: str) -> bool:
    """Whether the segmenter cuts the last four characters of `window` as two two-character
    verbs (扫黑|除恶, 打黑|除恶): a coined campaign name, not a verb and its object
    (开展|禁毒: a verb that takes campaigns) nor one word (反腐败)."""
    tokens, tags = cut_window(window)
    return (
        len(tokens) >= 2
        and [len(t) for t in tokens[-2:]] == [2, 2]
        and all(t == "v" for t in tags[-2:])
        and tokens[-2] not in _CAMPAIGN_VERBS
    )


def _struggles(folded: str) -> list[tuple[int, int]]:
    """Spans of campaigns named before 专项斗争 by two verb-object pairs (`深入开展扫黑除恶专项斗争`
    -> 扫黑除恶专项斗争); 禁毒专项斗争 (one verb) is not read."""
    out = []
    for m in re.finditer(_STRUGGLE, folded):
        s = m.start() - 4
        if s >= 0 and _paired_name(folded[max(0, s - 4) : m.start()]):
            out.append((s, m.end()))
    return out


def _place_campaigns(folded: str) -> list[tuple[int, int]]:
    """Spans of 平安中国, 法治浙江…: a listed prefix right before a province or the country."""
    out = []
    for h in scan(folded):
        if h.kind != "place" or h.start < 2 or folded[h.start - 2 : h.start] not in _PREFIX_SET:
            continue
        entries = place_index()[h.name]
        if any(e.level == PROVINCE or e.canonical == "中国" for e in entries):
            out.append((h.start - 2, h.end))
    return out


def extract_formulas(text: str, folded: str) -> list[Fact]:
    """All formula facts of one paragraph: quoted ones, and listed ones without quotes."""
    out: list[Fact] = _lexicon(text, folded)
    if "精神" in folded:
        out += extract_spirits(text, folded, NOT_FORMULAS)
    if "提出的" in folded or "命运共同体" in folded:
        out += extract_principles(text, folded)
    for m in QUOTE_RE.finditer(folded):
        content = m["a"] or m["b"] or m["c"] or m["d"]
        if not content.strip() or content != content.strip():
            continue
        if _of_lexicon(content) or governed_formula(content, _UNQUOTED_SET):
            kind = ("formula.listed", 0.9, None)
        elif "、" in content and not any(c in _CLAUSE_BAD for c in content):
            if not (_parallel(content) or _counted_words(content, folded, m.end())):
                continue
            kind = ("formula.shape", 0.85, None)
        elif "，" in content and _comma_slogan(content):
            kind = ("formula.shape", 0.85, None)
        elif (
            any(c in _BAD for c in content)
            or len(content) > 12
            or not re.search(r"[\u4e00-\u9fff\d]", content)
            or (kind := classify(content, _names_campaign(folded, m.end()))) is None
        ):
            continue
        s, e = m.start(), m.end()
        out.append(
            Fact(
                type="formula",
                start=s,
                end=e,
                text=text[s:e],
                normalized=text[s + 1 : e - 1],
                extractor=kind[0],
                confidence=kind[1],
                qualifier=kind[2],
            )
        )
    return out


@stage_pass("facts.formulas.extract", requires=("text", "folded"), assigns=("facts",))
def extract_pass(state: FactState, counters: Counters) -> FactState:
    """Quoted political formulas, campaigns and period names added (“四个意识”, “八八战略”,
    “十四五”)."""
    return state.adding(extract_formulas(state.text, state.folded))
