"""Qualifiers and direction printed around a number (shared by percents and amounts).

Convention (the facts table's `qualifier`, `direction` and `value_num`):
- `qualifier` holds the approximation or bound words, comma-separated in reading order:
  before the number 超, 超过, 约, 大约, 将近, 接近, 不到, 不足, 突破, 逾, 至少, 不少于, 不低于,
  不超过, 最多 (超过 and 突破 with their aspect particle too: `超过了5000件` -> 超过); after it 余,
  多 (amounts), 以上, 左右, 以内, 以下, 上下 (`超3000亿元` -> 超;
  `增长7.5%左右` -> 左右).
- `direction` is `up` or `down` when the number measures a change (增长5%, 下降0.53个百分点,
  减少3000人) and then `value_num` is signed: a fall is negative (下降3% -> -0.03). A level
  reached (降至3%, 提高到5%) or a number with no change word is no change: direction null,
  value as printed. Percents take the last change word of their clause (`分别增长14.2%、
  4.2%`: both up); money and quantities only a change word right before them (`增加500亿元`),
  since a clause often names a change and, after it, a plain amount, or a cut and the thing
  cut right before them (`压减钢铁产能5000万吨`, `减少农村贫困人口1000万`: the object is a noun
  phrase; `减少垫付1.41万元` is no cut of the amount: 垫付 is a verb).
"""

from __future__ import annotations

import re

#: Change words and the direction they give; a `to` form names a level, not a change.
UP = ("增长", "增加", "提高", "上升", "上涨", "扩大", "提升", "增速", "增幅", "涨幅", "多增")
DOWN = (
    "下降",
    "减少",
    "降低",
    "下滑",
    "回落",
    "收窄",
    "缩小",
    "减轻",
    "降幅",
    "下调",
    "少增",
    "削减",
    "压减",
    "缩减",
    "压降",
    "精简",  # 前置审批精简85%: a cut, as 削减
    "下跌",  # prices and indices fall (价格指数环比下跌5%), as 下降
    "跌幅",
)
TO_FORMS = (
    "降至",
    "降到",
    "提高到",
    "提升到",
    "增长到",
    "增加到",
    "下降到",
    "减少到",
    "增至",
    "升至",
    # the same levels with the other `to` (降低到了…6.78%: the level reached, no fall)
    "降低到",
    "降低至",
    "下降至",
    "减少至",
    "提高至",
    "提升至",
    "增长至",
    "增加至",
    "上升到",
    "上升至",
    "跌至",  # a price's level reached (跌至3%, 下跌到2%), as 降至
    "下跌到",
    "下跌至",
)
_CHANGE_RE = re.compile("|".join(sorted((*UP, *DOWN, *TO_FORMS), key=len, reverse=True)))
_BEFORE_RE = re.compile(
    r"(?P<q>超过|大约|将近|接近|不到|不足|突破|至少|不少于|不低于|不超过|最多|超|约|逾)"
    r"(?:(?<=约)[有为]|(?<=[过破])了)?\s?$"
)
AFTER_RE = re.compile(r"\s?(以上|左右|以内|以下|上下)")
_CLAUSE_END = "，。；：！？,;:!?\n"


def direction_of(word: str | None) -> str | None:
    """`up`, `down` or None (no change word, or a `to` form naming a level)."""
    if word is None or word in TO_FORMS:
        return None
    if word in UP:
        return "up"
    return "down" if word in DOWN else None


def clause_change(folded: str, start: int) -> str | None:
    """The last change word between the clause start and `start` (增长, 降至…), if any."""
    i = start
    while i > 0 and folded[i - 1] not in _CLAUSE_END and start - i < 40:
        i -= 1
    found = None
    for m in _CHANGE_RE.finditer(folded, i, start):
        found = m.group(0)
    return found


def change_before(folded: str, start: int) -> str | None:
    """A change word printed right before `start` (增加500亿元, 减少了3000人)."""
    head = folded[max(0, start - 5) : start].rstrip(" 了")
    found = [m for m in _CHANGE_RE.finditer(head) if m.end() == len(head)]
    return found[-1].group(0) if found else None


#: Cuts whose object may stand between them and the amount cut (压减钢铁产能5000万吨).
CUTS_WITH_OBJECT = ("压减", "减少", "削减", "缩减", "压降")
_CUT_OBJECT_RE = re.compile(
    rf"(?:{'|'.join(CUTS_WITH_OBJECT)})"
    r"(?P<obj>(?:(?![的了和与及或对把被从向为以于由将也都等各在是])[\u4e00-\u9fff]){2,6})$"
)


def cut_of_object(folded: str, start: int) -> str | None:
    """A cut word and its object printed right before `start` (压减钢铁产能|5000万吨): the
    object opens with a noun of the dictionary (钢铁, 农村, 企业) or a word it does not know
    (粗钢: new terms are mostly nouns), not with a verb (垫付), an adverb or a preposition."""
    m = _CUT_OBJECT_RE.search(folded[max(0, start - 8) : start])
    if m is None:
        return None
    from pipelines.text.segment import get_segmenter

    tags = get_segmenter().postokenizer.word_tag_tab
    obj = m["obj"]
    tag = next((t for n in range(min(4, len(obj)), 1, -1) if (t := tags.get(obj[:n]))), "n")
    if tag[0] in "vdpc" and tag != "vn":
        return None  # 减少|垫付: a verb, adverb or preposition opens no object
    return m.group(0)[: -len(obj)]


def bound_before(folded: str, start: int) -> str | None:
    """An approximation or bound word printed right before the number (超, 约, 不到…); 约有
    and 约为 are 约 (该市约有30万户居民, 设备使用年限约为5年 -> 约)."""
    m = _BEFORE_RE.search(folded, max(0, start - 4), start)
    return m["q"] if m else None
