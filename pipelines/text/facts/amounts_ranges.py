"""The lower bound of an Arabic range printed before a quantity's number.

A dash, 至 or 到 between two numbers (`5—7天`, `3至5对`) makes a range; so does 、 between two
consecutive numbers (`5、6天`, `3、4秒`: upper = lower + 1), but not a longer list (`1、2、3天`),
nor numbered items (`3、4个专项行动…` at a sentence's start, `第1、2对`: list markers and
ordinals). The range's fact starts at its lower bound, and a bound printed before it is the
range's (`约5、6天`: 约).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ._common import ARABIC_NUM, parse_number

RANGE_LOW_RE = re.compile(
    rf"(?<![\d.、])(?P<n>{ARABIC_NUM})\s?(?:—{{1,2}}|–|-|~|至|到|(?P<list>、))\s?$"
)
#: Before a 、-joined pair these make it numbered items, not a range: a sentence's or clause's
#: start (a list marker) and 第 (ordinals).
_ITEM_BEFORE = "。；：;:\n第"


def range_low(folded: str, s: int, value: Decimal) -> tuple[int, Decimal] | None:
    """The start and the value of a range's lower bound printed before the number at `s`
    whose value is `value`, or None."""
    low = RANGE_LOW_RE.search(folded, max(0, s - 12), s)
    if low is None:
        return None
    lo = parse_number(low["n"])
    if lo is None or lo >= value:
        return None
    if low["list"] and (
        lo + 1 != value or low.start() == 0 or folded[low.start() - 1] in _ITEM_BEFORE
    ):
        return None
    return low.start(), lo


_ORDINAL_LIST_RE = re.compile(r"第(?:\d{1,3}、)*$")


def ordinal_listed(folded: str, s: int) -> bool:
    """Whether the number at `s` is an ordinal: after 第 or ending a list of them (第1、|2对)."""
    return _ORDINAL_LIST_RE.search(folded, max(0, s - 16), s) is not None
