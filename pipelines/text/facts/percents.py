"""Percentages and percentage points.

`value_num` is a fraction (`3%` -> 0.03, `百分之十八点五` -> 0.185), negative for a fall
(`下降3%` -> -0.03, direction `down`); the change word is the last one of the clause before
the number (增长, 下降, 减少, 提高…), bounds and approximations go to `qualifier` (`超3%`,
`增长7.5%左右` -> 左右); conventions in facts/qualifiers.py. `unit` is `percent`, or `percentage_point` for
`个百分点` (value_num then is the fraction too: `0.53个百分点` -> 0.0053).
`normalized` is the fraction as a plain decimal string, with ` pp` for points.

A share in tenths, N成 (`三成` -> 0.3, `七成多` -> 0.7 with qualifier 多, `8成` -> 0.8), is a percent too,
but not in words (`一成不变`, `三五成群`, `七成熟`, `八成新`): `percent.tenths`.

A multiple of growth (`增长1.3倍`) is a percent without a value, direction up:
`percent.multiple`.

A fraction in words, M分之N (`减少三分之一` -> -1/3, `占世界三分之二`, `十分之一`), is a percent:
`percent.fraction` (百分之N is `percent.chinese`; 千分之N is left out).

Extractors and confidence: `percent.arabic` (`3%`, `３％`) 0.98; `percent.chinese`
(`百分之五`) 0.95; `percent.points` (`0.53个百分点`, `一个百分点`) 0.95; `percent.tenths` 0.85;
`percent.multiple` 0.95; `percent.fraction` 0.9.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import ARABIC_NUM, CN_NUM, fmt_decimal, parse_number
from .qualifiers import AFTER_RE, bound_before, clause_change, direction_of
from .state import FactState

ARABIC_RE = re.compile(rf"(?<![\d.])(?P<n>{ARABIC_NUM})\s?%")
CHINESE_RE = re.compile(rf"百分之(?P<n>{CN_NUM})")
POINTS_RE = re.compile(rf"(?<![\d.])(?P<n>{ARABIC_NUM}|{CN_NUM})\s?个百分点")
#: N成 (三成, 七成多, in digits 8成): a share in tenths; not after another numeral (三五成群,
#: 18成) nor before a character that makes it a word (一成不变, 七成熟, 八成新, 九成品, 三成为).
TENTHS_RE = re.compile(
    r"(?<![一二两三四五六七八九十百千万\d.])(?P<n>[一二三四五六七八九1-9])成(?P<more>多)?"
    r"(?![不员立为果功绩本熟就交长型品新套语群片年千百万])"
)

#: M分之N (三分之一, 十分之一): a fraction; not inside a longer numeral, and 百分之N is a percent
#: of its own.
FRACTION_RE = re.compile(
    r"(?<![一二两三四五六七八九十百千万])(?P<d>十[一二三四五六七八九]?|[二三四五六七八九])分之"
    r"(?P<n>[一二三四五六七八九]|十)(?![一二三四五六七八九十点])"
)


#: A multiple of growth (增长1.3倍, 分别增长1.3倍和1.2倍, 提高了2倍): a percent without a value
#: (how many times the base is added is written both ways), direction up. A multiple without a
#: growth verb right before it (是去年的2倍) is a ratio: a quantity (facts/amounts.py). A
#: headline's one-character verb is one too (房价涨两倍, 产量升三倍).
MULTIPLE_RE = re.compile(
    rf"(?:增长|增加|提高|提升|上升|上涨|扩大|攀升|飙升|猛增|激增|暴涨|翻|(?<![上下提攀飙回猛激暴])[升涨增])(?:了|约|将近|接近|近|超过?|分别)*"
    rf"(?P<n>{ARABIC_NUM}|{CN_NUM})倍"
    rf"(?:[和、与](?P<n2>{ARABIC_NUM}|{CN_NUM})倍)?"
)


def _multiples(text: str, folded: str) -> list[Fact]:
    """The multiples of growth of one paragraph (增长1.3倍和1.2倍: two facts)."""
    out = []
    for m in MULTIPLE_RE.finditer(folded):
        for group in ("n", "n2"):
            if m[group] is None:
                continue
            s, e = m.start(group), m.end(group) + 1
            fact = _fact(text, folded, s, e, Decimal(0), "percent.multiple", False)
            near = "近" if s > 0 and folded[s - 1] == "近" and _bare_near(folded, s) else None
            fact = replace(fact, qualifier=fact.qualifier or near)
            out.append(replace(fact, value_num=None, normalized=text[s:e], direction="up"))
    return out


def _bare_near(folded: str, s: int) -> bool:
    """Whether the 近 before a multiple is the bound itself (提升近4倍 -> 近), not the end of
    将近, 接近, 最近 (将近 and 接近 are read by bound_before)."""
    return s < 2 or folded[s - 2] not in "将接最附邻"


#: A headline's one-character change verb right before the number (网费降九成, 房价跌5%,
#: 出口增8%): its direction when the clause prints no longer change word.
_SHORT_CHANGE = {"降": "down", "跌": "down", "减": "down", "升": "up", "涨": "up", "增": "up"}


def _short_change(folded: str, s: int) -> str | None:
    """The direction of a one-character change verb printed right before `s`, if any (降九成:
    down); not the end of a word (下降, 上升: read by clause_change)."""
    if s < 1 or folded[s - 1] not in _SHORT_CHANGE:
        return None
    if s > 1 and folded[s - 2] in "上下提攀飙回骤暴猛激递锐剧":
        return None
    return _SHORT_CHANGE[folded[s - 1]]


def _fact(text: str, folded: str, s: int, e: int, value: Decimal, kind: str, points: bool) -> Fact:
    frac = value / 100
    qual = [q for q in (bound_before(folded, s),) if q]
    change = clause_change(folded, s)
    direction = direction_of(change) if change else _short_change(folded, s)
    b = AFTER_RE.match(folded, e)
    if b:
        qual.append(b.group(1))
    return Fact(
        type="percent",
        start=s,
        end=e,
        text=text[s:e],
        normalized=fmt_decimal(frac) + (" pp" if points else ""),
        extractor=kind,
        confidence={"percent.arabic": 0.98, "percent.tenths": 0.85, "percent.fraction": 0.9}.get(
            kind, 0.95
        ),
        value_num=float(-frac if direction == "down" else frac),
        unit="percentage_point" if points else "percent",
        qualifier=",".join(qual) or None,
        direction=direction,
    )


#: Each pattern, its extractor, whether it gives points, and what it cannot match without
#: (a substring test skips the paragraphs that print no percentage: most of them).
_PATTERNS = (
    (ARABIC_RE, "percent.arabic", False, "%"),
    (CHINESE_RE, "percent.chinese", False, "百分之"),
    (POINTS_RE, "percent.points", True, "个百分点"),
)


def extract_percents(text: str, folded: str) -> list[Fact]:
    """All percent and percentage-point facts of one paragraph."""
    out: list[Fact] = []
    for rx, kind, points, needed in _PATTERNS:
        if needed not in folded:
            continue
        for m in rx.finditer(folded):
            v = parse_number(m["n"])
            if v is None:
                continue
            out.append(_fact(text, folded, m.start(), m.end(), v, kind, points))
    out += _multiples(text, folded) if "倍" in folded else []
    for m in FRACTION_RE.finditer(folded) if "分之" in folded else ():
        d, n = parse_number(m["d"]), parse_number(m["n"])
        if d and n is not None and n < d:
            v = (n * 100 / d).quantize(Decimal("0.0001"))
            out.append(_fact(text, folded, m.start(), m.end(), v, "percent.fraction", False))
    for m in TENTHS_RE.finditer(folded) if "成" in folded else ():
        v = parse_number(m["n"])
        if v is not None:
            f = _fact(text, folded, m.start(), m.end(), v * 10, "percent.tenths", False)
            if m["more"]:
                f = replace(f, qualifier=",".join(q for q in (f.qualifier, "多") if q))
            out.append(f)
    return out


@stage_pass("facts.percents.extract", requires=("text", "folded"), assigns=("facts",))
def extract_pass(state: FactState, counters: Counters) -> FactState:
    """Percentages and percentage points added (`下降3%` -> -0.03, `0.53个百分点`)."""
    return state.adding(extract_percents(state.text, state.folded))
