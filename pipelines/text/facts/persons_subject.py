"""Bare names in a subject's place: a portrait's hero named without title or verb of speech.

News portraits name their people bare once introduced: `王小明是一名乡村教师`, `一进车间，
李建国就检查起设备`, a headline `【最美教师】刘晓红：把青春献给山区`, an introduction
`带队的叫刘大伟，`. The names are unknown to any list, so the surname grammar of
facts/persons.py (a listed surname plus one or two characters) is accepted here only where
three things agree:
- the name opens the paragraph or a clause (after `，。；：！？”」】` or a space);
- a word that follows a subject comes right after it (是, 就, 还, 既, 也, 又, 已, 正, 一边,
  先后, 一直, 总是…), or a colon when the name opens a headline (the paragraph's start or
  after `】`);
- jieba's tagger, run on the name and the two characters after it only (cached; candidates
  are rare), reads a person there: the name as one `nr` word (`刘晓红/nr 是`), or, for a
  three-character name, the surname alone as `nr` and the given name as one word
  (`陈/nr 和平/nz 是`). A word that merely starts with a surname (`方面还要`, `高质量就`,
  `周边国家还是`) is tagged as what it is, so it never passes, and a frequent word of the
  dictionary tagged nr (`王府井还有`) is no name.
After `叫` or `名叫` the name needs a clear end instead: punctuation.
An Uyghur or other transliterated name has no surname: after an occupation (data/
facts_roles_before.txt: 村民, 牧民) three or four transliteration characters (data/
facts_transliteration.txt) before a subject's word or punctuation are a name too
(`牧民巴特尔说`, `干部米尔扎提表示`).
`person.subject` 0.65; the repeats of a name found so are read by facts/persons.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import ahocorasick_rs

from ._common import alternation, cut_window, load_list

_SURNAMES = [s for line in load_list("facts_surnames.txt") for s in line.split()]
_SUR = alternation(_SURNAMES)
#: Words that follow a subject: adverbs and the copula (a name before them is the actor).
_SUBJECT_MARKERS = (
    "是", "就", "还", "既", "也", "又", "已", "正", "一边", "先后", "一直", "总是", "便", "曾",
)  # fmt: skip
_SURNAME_SET = frozenset(_SURNAMES)
_FIRST_CHARS = "".join(sorted({name[0] for name in _SURNAMES}))
#: A clause's opener followed by a surname's first character, then one to three characters and
#: a subject's word or a colon: the only places worth a closer look (the scan stays cheap).
_AHEAD = rf"(?=[{_FIRST_CHARS}][\u4e00-\u9fff]{{1,3}}(?:：|{alternation(_SUBJECT_MARKERS)}))"
_OPENER_RE = re.compile(rf"[，。；：！？”」】\s]{_AHEAD}")
_AT_START_RE = re.compile(_AHEAD)
#: A name introduced by 叫 (`带队的叫刘大伟，`), its end at punctuation.
_CALLED_RE = re.compile(rf"(?:名叫|叫)(?P<name>(?:{_SUR})[\u4e00-\u9fff]{{1,2}}?)(?=[，。；])")
_HEADLINE_OPENERS = ("", "】")
#: The most frequent a bare name may be in jieba's dictionary: the names it lists are rare
#: (李建国 9, 王小明 3), the words it tags nr by mistake are not (王府井 183); stricter than
#: facts/persons_lexicon.py (200), as nothing but the tag and the position vouches here.
_MAX_FREQ = 100
_TRANSLITERATION = "".join(
    sorted({c for line in load_list("facts_transliteration.txt") for c in line.split()})
)
_OCCUPATIONS = ahocorasick_rs.AhoCorasick(load_list("facts_roles_before.txt"))
_OCCUPIED_NAME_RE = re.compile(
    rf"[{_TRANSLITERATION}]{{3,4}}?(?=[，。；、]|说|表示|介绍|{alternation(_SUBJECT_MARKERS)})"
)


@lru_cache(maxsize=4096)
def tagged_a_person(name: str, after: str) -> bool:
    """Whether jieba reads `name` as a person before `after` (see the module docstring)."""
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    if segmenter.frequency(name) > _MAX_FREQ:
        return False  # a common word of the dictionary tagged nr (王府井): no name
    tagger = segmenter.postokenizer  # the project's dictionary, with HMM for new names
    words = [(w.word, w.flag) for w in tagger.lcut(name + after, HMM=True)]
    if words[0][0] == name:
        return words[0][1].startswith("nr")
    if len(name) != 3 or len(words) < 2:
        return False
    return words[0] == (name[0], "nr") and words[1][0] == name[1:]


def _marker_at(folded: str, end: int, opener: str) -> bool:
    if folded.startswith("：", end):
        return opener in _HEADLINE_OPENERS
    return folded.startswith(_SUBJECT_MARKERS, end)


def _clause_starts(folded: str) -> Iterator[int]:
    """Where a clause opens on a listed surname (single or compound): a name may start there."""
    starts = [0] if _AT_START_RE.match(folded) else []
    for s in starts + [m.end() for m in _OPENER_RE.finditer(folded)]:
        if folded[s : s + 1] in _SURNAME_SET or folded[s : s + 2] in _SURNAME_SET:
            yield s


def subject_names(folded: str, plausible: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of bare names in a subject's place, after 叫 or after an occupation."""
    for s in _clause_starts(folded):
        opener = folded[s - 1] if s else ""
        for size in (3, 2):
            name = folded[s : s + size]
            if len(name) < size or not all("\u4e00" <= c <= "\u9fff" for c in name):
                continue
            if not _marker_at(folded, s + size, opener) or not plausible(name):
                continue
            if tagged_a_person(name, folded[s + size : s + size + 2]):
                yield s, s + size
                break
    if "叫" in folded:
        for m in _CALLED_RE.finditer(folded):
            if plausible(m["name"]):
                yield m.span("name")
    for _, _, e in _OCCUPATIONS.find_matches_as_indexes(folded):
        m = _OCCUPIED_NAME_RE.match(folded, e)
        if m and plausible(m.group(0)):
            yield m.span()


def tagged_list_item(folded: str, pos: int) -> str | None:
    """A name of two to four characters at `pos`, the next item of a `、` list of names after a
    role, that jieba reads as names only (`全国人大代表柴闪闪、…、夏吾卓玛也分别…`: 夏吾|卓玛, both
    nr, then 也): names without a listed surname, Tibetan or other. The item must end at a `、`,
    at punctuation or before a word the tagger reads as no name."""
    for size in (4, 3, 2):
        name = folded[pos : pos + size]
        han = len(name) == size and all("\u4e00" <= c <= "\u9fff" for c in name)
        if han and _all_names(name, folded[pos + size : pos + size + 2]):
            return name
    return None


@lru_cache(maxsize=4096)
def _all_names(name: str, after: str) -> bool:
    """Whether jieba cuts `name` into person-tagged tokens only, the next token none."""
    from pipelines.text.segment import get_segmenter

    words = get_segmenter().postokenizer.lcut(name + after, HMM=True)
    pos = 0
    for w in words:
        if pos == len(name):
            return not w.flag.startswith("nr")
        if pos > len(name) or not w.flag.startswith("nr") or pos + len(w.word) > len(name):
            return False
        pos += len(w.word)
    return pos == len(name)


def tagged_name(folded: str, pos: int, is_name: Callable[[str], bool]) -> str | None:
    """A name of the surname grammar (`is_name`) at `pos` whose end the segmenter's tagger shows
    (jieba reads `姜涛` as a person before `手拿`: 全国人大代表姜涛手拿一把焊枪), three characters
    first."""
    for size in (3, 2):
        name = folded[pos : pos + size]
        after = folded[pos + size : pos + size + 2]
        if len(name) == size and is_name(name) and tagged_a_person(name, after):
            if size == 2 and is_name(folded[pos : pos + 3]) and _lone_third(folded, pos):
                return folded[pos : pos + 3]
            return name
    return None


#: The tags of a lone character that may end a given name (an adjective or a noun: 强, 华).
_NAME_CHAR_TAGS = ("a", "n", "ag", "ng", "nr", "ns")


def _lone_third(folded: str, pos: int) -> bool:
    """`_lone_third_in` on the six characters from `pos`."""
    return _lone_third_in(folded[pos : pos + 6])


@lru_cache(maxsize=4096)
def _lone_third_in(window: str) -> bool:
    """Whether the character after a two-character name the tagger reads stands alone before
    a word of two characters or more: it ends the name (`局长赵国强接受`: 赵国|强|接受, jieba
    knowing 赵国 as the ancient state; not `姜涛|手|拿`, where no word follows)."""

    tokens, tags = cut_window(window)
    return (
        len(tokens) >= 3
        and tokens[0] == window[:2]
        and len(tokens[1]) == 1
        and tags[1] in _NAME_CHAR_TAGS
        and len(tokens[2]) >= 2
    )
