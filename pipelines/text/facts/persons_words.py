"""Whether a name found by the surname grammar cuts a word of the segmenter in two.

The surname grammar of facts/persons.py reads a surname and one or two characters; where the
surname is also a common character, the span can start inside a word (`各地方负责人`: 方 is
a surname, 地方 a word) or end inside a proper noun (`主席和金大中总统`: 和 is a surname,
but 金 is the start of 金大中). jieba segments the few characters around the name (the
project's segmenter, HMM off, its dictionary of names and places): such a name is refused.
Unknown names are segmented character by character or as one token, so they pass
(`副镇长|杨|海波|在`); a name may end inside an ordinary word (`主任毕|克|来说`: 来说 is a word).
"""

from __future__ import annotations

from pipelines.text.model import Fact

# Words ending like an organ, a side or a group are not names (韩方, 欧盟, 江苏省).
NOT_NAME_END = set("方盟省市县区镇乡村街委部局厅院会办组队团社所站家们某园校馆司厂处科")
#: The extractors whose names are checked against the segmenter's words.
_WORD_CHECKED = {"person.role_before", "person.role_after", "person.speaker", "person.repeat"}
#: Characters of context segmented on each side of the name.
_MARGIN = 4
#: jieba's tags of proper nouns: a name must not end inside one.
_PROPER = {"nr", "nrfg", "nrt", "nz", "ns", "nt"}


def splits_a_word(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] starts inside a token of the segmenter, or ends inside a
    proper noun (金|大中: a name read into another; 毕克|来说 is a name before 来说, and passes)."""
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    if not (_word_across(segmenter, folded, start) or _word_across(segmenter, folded, end)):
        return False  # no word of the dictionary crosses either edge: nothing to segment
    lo, hi = max(0, start - _MARGIN), min(len(folded), end + _MARGIN)
    window = folded[lo:hi]
    tokens, tags = segmenter.cut(window)
    pos = 0
    for token, tag in zip(tokens, tags, strict=True):
        found = window.find(token, pos)  # located, as the segmenter may drop whitespace
        if found < 0:
            continue
        pos = found + len(token)
        s, e = lo + found, lo + pos
        if s < start < e or (s < end < e and tag in _PROPER):
            return True
    return False


def _word_across(segmenter, folded: str, pos: int) -> bool:
    """Whether a dictionary word of two to four characters crosses `pos` (a cheap test before
    segmenting)."""
    return any(
        segmenter.has_word(folded[a : a + n])
        for n in (2, 3, 4)
        for a in range(max(0, pos - n + 1), pos)
        if a + n <= len(folded)
    )


def cuts_a_word(folded: str, fact: Fact) -> bool:
    """Whether a person fact of the surname grammar has a name that cuts a word in two."""
    if fact.extractor not in _WORD_CHECKED or fact.normalized not in fact.text:
        return False
    start = fact.start + fact.text.index(fact.normalized)
    return splits_a_word(folded, start, start + len(fact.normalized))
