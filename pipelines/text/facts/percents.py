"""Percentages and percentage points.

`value_num` is a fraction (`3%` -> 0.03, `百分之十八点五` -> 0.185); the sign is never
changed: the direction word printed before the number in the same clause (增长, 下降,
减少, 提高…) goes to `qualifier`, followed by a bound printed after it (以上, 左右, 以内,
以下), comma-separated (`增长,左右`). `unit` is `percent`, or `percentage_point` for
`个百分点` (value_num then is the fraction too: `0.53个百分点` -> 0.0053).
`normalized` is the fraction as a plain decimal string, with ` pp` for points.

Extractors and confidence: `percent.arabic` (`3%`, `３％`) 0.98; `percent.chinese`
(`百分之五`) 0.95; `percent.points` (`0.53个百分点`, `一个百分点`) 0.95.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.text.model import Fact

from ._common import ARABIC_NUM, CN_NUM, fmt_decimal, parse_number

ARABIC_RE = re.compile(rf"(?<![\d.])(?P<n>{ARABIC_NUM})\s?%")
CHINESE_RE = re.compile(rf"百分之(?P<n>{CN_NUM})")
POINTS_RE = re.compile(rf"(?<![\d.])(?P<n>{ARABIC_NUM}|{CN_NUM})\s?个百分点")
_BOUND_RE = re.compile(r"\s?(以上|左右|以内|以下|上下)")
DIRECTIONS = (
    "增长",
    "增加",
    "提高",
    "上升",
    "上涨",
    "扩大",
    "提升",
    "下降",
    "减少",
    "降低",
    "下滑",
    "回落",
    "收窄",
    "缩小",
    "减轻",
    "增速",
    "降幅",
    "增幅",
    "涨幅",
    "降至",
    "提高到",
)
_DIR_RE = re.compile("|".join(sorted(DIRECTIONS, key=len, reverse=True)))
_CLAUSE_END = "，。；：！？,;:!?\n"


def _direction(folded: str, start: int) -> str | None:
    """The last direction word between the clause start and `start`, if any."""
    i = start
    while i > 0 and folded[i - 1] not in _CLAUSE_END and start - i < 40:
        i -= 1
    found = None
    for m in _DIR_RE.finditer(folded, i, start):
        found = m.group(0)
    return found


def _fact(text: str, folded: str, s: int, e: int, value: Decimal, kind: str, points: bool) -> Fact:
    frac = value / 100
    qual = []
    d = _direction(folded, s)
    if d:
        qual.append(d)
    b = _BOUND_RE.match(folded, e)
    if b:
        qual.append(b.group(1))
    return Fact(
        type="percent",
        start=s,
        end=e,
        text=text[s:e],
        normalized=fmt_decimal(frac) + (" pp" if points else ""),
        extractor=kind,
        confidence={"percent.arabic": 0.98}.get(kind, 0.95),
        value_num=float(frac),
        unit="percentage_point" if points else "percent",
        qualifier=",".join(qual) or None,
    )


def extract_percents(text: str, folded: str) -> list[Fact]:
    """All percent and percentage-point facts of one paragraph."""
    out: list[Fact] = []
    for rx, kind, points in (
        (ARABIC_RE, "percent.arabic", False),
        (CHINESE_RE, "percent.chinese", False),
        (POINTS_RE, "percent.points", True),
    ):
        for m in rx.finditer(folded):
            v = parse_number(m["n"])
            if v is None:
                continue
            out.append(_fact(text, folded, m.start(), m.end(), v, kind, points))
    return out
