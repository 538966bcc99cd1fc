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

from ._common import cut_window, load_list

# Words ending like an organ, a side or a group are not names (韩方, 欧盟, 江苏省).
NOT_NAME_END = set("方盟省市县区镇乡村街委部局厅院会办组队团社所站家们某园校馆司厂处科")
#: The extractors whose names are checked against the segmenter's words.
_WORD_CHECKED = {"person.role_before", "person.role_after", "person.speaker", "person.repeat"}
#: Roles that are no titles (persons.py's occupations and groups): the start of a name after
#: them is checked as after any word.
_OCCUPATION_WORDS = frozenset(load_list("facts_roles_before.txt")) | {
    "同志",
    "代表",
    "委员",
    "常委",
}
#: Characters of context segmented on each side of the name.
_MARGIN = 4
#: jieba's tags of proper nouns: a name must not end inside one.
_PROPER = {"nr", "nrfg", "nrt", "nz", "ns", "nt"}


def splits_a_word(folded: str, start: int, end: int, titled: bool = False) -> bool:
    """Whether folded[start:end] starts inside a token of the segmenter, or ends inside a
    proper noun (金|大中: a name read into another; 毕克|来说 is a name before 来说, and passes).

    `titled`: a listed title ends where the name starts (`主任何立峰`: the segmenter reads
    主|任何, but the title fixes the start), so only the end is checked, the window starting
    at the name."""
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    crosses_start = not titled and _word_across(segmenter, folded, start)
    if not (crosses_start or _word_across(segmenter, folded, end)):
        return False  # no word of the dictionary crosses either edge: nothing to segment
    lo, hi = start if titled else max(0, start - _MARGIN), min(len(folded), end + _MARGIN)
    window = folded[lo:hi]
    tokens, tags = cut_window(window)
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
    titled = (
        fact.extractor == "person.role_before"
        and fact.qualifier is not None
        and fact.qualifier not in _OCCUPATION_WORDS
        and folded.startswith(fact.qualifier, start - len(fact.qualifier))
    )
    return splits_a_word(folded, start, start + len(fact.normalized), titled)


#: How frequent a two-character word of the segmenter's dictionary must be to be no name.
_COMMON_FREQ = 100


def common_word(name: str) -> bool:
    """Whether a two-character name after a title is a common word of the dictionary that it
    does not tag as a person (`记者关注的`: 关注 is a verb, 5229 times), not a name."""
    if len(name) != 2:
        return False
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    if segmenter.frequency(name) <= _COMMON_FREQ:
        return False
    tokens, tags = cut_window(name)
    return len(tokens) == 1 and not tags[0].startswith("nr")
