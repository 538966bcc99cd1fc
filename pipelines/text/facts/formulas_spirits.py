"""Named spirits printed without quotes: a person's, a place's or a listed kind's 精神.

The Party's canon of spirits names them after a person (雷锋精神, 焦裕禄精神), a place (延安精神,
井冈山精神, 沂蒙精神) or a kind of people or work (劳动精神, 工匠精神, 科学家精神:
data/facts_spirit_heads.txt); printed without quotes they are formulas like the quoted ones
(“老西藏精神”). The head before 精神 is read with the segmenter on the few characters before it
(its dictionary, no HMM): a head it tags as a person or a place (`nr`, `ns`…) or a listed kind
makes a formula (`formula.spirit`, 0.85); a common noun or verb (会议精神, 讲话精神, 创新精神,
团队精神) does not, nor a numbered meeting (党的二十大精神). Spirits that are ordinary values (契约精神) are in data/facts_not_formulas.txt.
A numbered set of rules whose spirit is to be carried out (中央八项规定精神) names the rules: the
formula is the set (八项规定, `formula.rules`, 0.85), as the held-out texts mark it; the set
printed without 精神 (八项规定及其实施细则) is not read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.text.model import Fact

from ._common import cut_window, load_list

_HEADS = frozenset(load_list("facts_spirit_heads.txt"))
#: The segmenter's tags of a person's or a place's name.
_NAME_TAGS = ("nr", "ns")
#: A numbered head is a meeting's ordinal (二十大, 六中全会), not a name.
_NUMERALS = frozenset("一二两三四五六七八九十")
#: Characters read before 精神: a head of two to four characters and one of context.
_WINDOW = 5
#: The most frequent a head tagged as a person may be in the segmenter's dictionary: the
#: names it lists are rare (雷锋 232, 焦裕禄 51), the words it tags nr by mistake are not
#: (宝贵 1041, 弘扬 430).
_MAX_NAME_FREQ = 300


@lru_cache(maxsize=2048)
def _head(window: str) -> str | None:
    """The name or kind ending `window` whose spirit `window + 精神` names, or None.

    >>> _head("以弘扬雷锋"), _head("工作会议")
    ('雷锋', None)
    """
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    tokens, tags = cut_window(window)
    if not tokens:
        return None
    head, tag = tokens[-1], tags[-1]
    if head in _HEADS:
        return head
    if len(tokens) == 1 or len(head) < 2:  # the head may be cut at the window's start
        return None
    if any(c in _NUMERALS for c in head):
        return None  # 党的二十大精神: a meeting's spirit
    if tag.startswith("nr") and segmenter.frequency(head) > _MAX_NAME_FREQ:
        return None
    return head if tag.startswith(_NAME_TAGS) else None


#: A numbered set of rules before 精神: `落实中央八项规定精神` -> 八项规定.
_RULES_RE = re.compile(r"[一二三四五六七八九十]{1,3}项规定(?=精神)")


def _rules(text: str, folded: str) -> list[Fact]:
    """The numbered sets of rules whose spirit the paragraph names (`十项规定精神` -> 十项规定)."""
    return [
        Fact(
            type="formula",
            start=m.start(),
            end=m.end(),
            text=text[m.start() : m.end()],
            normalized=text[m.start() : m.end()],
            extractor="formula.rules",
            confidence=0.85,
        )
        for m in _RULES_RE.finditer(folded)
    ]


def extract_spirits(text: str, folded: str, not_formulas: frozenset[str]) -> list[Fact]:
    """Facts of the named spirits of one paragraph (`弘扬沂蒙精神` -> 沂蒙精神) and of the numbered
    sets of rules before 精神 (`中央八项规定精神` -> 八项规定)."""
    out: list[Fact] = _rules(text, folded)
    pos = folded.find("精神")
    while pos > 0:
        lo = pos - _WINDOW
        # a paragraph's start is a word's start: a sentinel comma stands for it
        head = _head(folded[lo:pos] if lo >= 0 else "，" + folded[:pos])
        if head is not None:
            s, e = pos - len(head), pos + 2
            if folded[s:e] not in not_formulas:
                out.append(
                    Fact(
                        type="formula",
                        start=s,
                        end=e,
                        text=text[s:e],
                        normalized=text[s:e],
                        extractor="formula.spirit",
                        confidence=0.85,
                    )
                )
        pos = folded.find("精神", pos + 2)
    return out
