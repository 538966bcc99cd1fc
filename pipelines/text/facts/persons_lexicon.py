"""Persons named bare whom the segmenter's dictionary knows: jieba's person tags as candidates.

jieba's dictionary tags well-known names as persons (`nr`, `nrfg`, `nrt`: 金大中, 安倍晋三, 拉夫罗夫),
but also ordinary words (童工, 许可, 洪水, 史诗). Such a word is taken as a person only when the
project's grammar agrees on both sides, so the tag is a candidate, never a decision:
- its first character is a listed surname (facts_surnames.txt, also the role-only ones: 金) or,
  for a transliterated name (`nrt`), a transliteration character; and it is a rare word of
  the dictionary (frequency 200 or less): the ordinary words tagged `nr` by mistake are common
  (文明 6584, 洪水 1383, 许可 623), names are not (安倍晋三 9, 特朗普 14);
- before it, the start of the paragraph or of a clause (punctuation) or a word that takes a
  person (同, 为, 和, 与, 陪同, 会见): `。金大中表示`, `为安倍晋三举行欢迎仪式`;
- after it, a role (`金大中总统`, `同志`: in the span, as for facts/persons.py), or a speech
  verb or an action that ends a name (表示, 说, 举行, 访华, 一行, 和, 为…; the name alone):
  `陪同安倍晋三访华`; after `、` (a list of things as often as of people) only a role or a
  speech verb (`、严峻性和不确定性` is no list of names). `童工的风险`, `河流洪水、山洪` or
  `史诗《…》` have no such context.
The dictionary's names that pass the static tests are matched by the paragraph's one scan of
listed words (facts/lexicon.py), the contexts checked at the matches only: no tagging of the paragraph
(measured: tagging every paragraph with jieba's HMM would cost ten times the whole facts
stage, without HMM a third of it). `person.lexicon` 0.7.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ._common import alternation, load_list
from .lexicon import scan_words
from .persons_aged import aged_names
from .persons_ethnic import tibetan_names
from .persons_foreign import foreign_han_names, foreign_objects, foreign_speakers
from .persons_words import NOT_NAME_END

_PERSON_TAGS = {"nr", "nrfg", "nrt"}
_SURNAMES = {
    s
    for name in ("facts_surnames.txt", "facts_surnames_role_only.txt")
    for line in load_list(name)
    for s in line.split()
}
_TRANSLITERATION = {c for line in load_list("facts_transliteration.txt") for c in line.split()}
_ROLES = load_list("facts_roles.txt")
#: What may precede a bare name: the start, punctuation, or a word that takes a person.
_OPENS_RE = re.compile(r"(?:^|[，。；：、！？“”（）\s]|陪同|会见|会晤|同|为|和|与)")
#: What may follow it: a role (in the span) or a verb or word that ends a name (not in it).
_ROLE_AFTER_RE = re.compile(rf"同志|{alternation(_ROLES)}")
_SPEECH_RE = re.compile(r"表示|说(?![明法服])|指出|强调|认为")
_ENDS_RE = re.compile(r"举行|会见|会谈|访华|访问|一行|出席|致辞|在|和|为|同")
#: The most frequent a person's name is in the dictionary (习近平, in the domain dictionary, is
#: found by facts_leaders.txt anyway).
_MAX_FREQ = 200


@lru_cache(maxsize=1)
def person_words() -> tuple[str, ...]:
    """The dictionary's person names that pass the static tests (matched by facts/lexicon.py)."""
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    freqs = segmenter.tokenizer.FREQ
    return tuple(
        sorted(
            word
            for word, tag in segmenter.postokenizer.word_tag_tab.items()
            if 2 <= len(word) <= 4 and _is_name(word, tag, freqs.get(word, 0))
        )
    )


def _is_name(word: str, tag: str | None, freq: int) -> bool:
    if tag not in _PERSON_TAGS or freq > _MAX_FREQ or word[-1] in NOT_NAME_END:
        return False  # 韩方 is a side, not a name
    if tag == "nrt":
        return all(c in _TRANSLITERATION for c in word)
    return word[0] in _SURNAMES or word[:2] in _SURNAMES


def _opened(folded: str, start: int) -> str | None:
    """What opens the name at `start` (punctuation, the paragraph's start or a word that
    takes a person), or None."""
    if start == 0:
        return ""
    m = _OPENS_RE.search(folded, max(0, start - 2), start)
    while m is not None and m.end() != start:
        m = _OPENS_RE.search(folded, m.start() + 1, start)
    return None if m is None else m.group(0)


def lexicon_names(folded: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, name, role or None) of the dictionary's persons in a person's context."""
    longest: dict[int, int] = {}
    for s, e in scan_words(folded).get("person", ()):
        longest[s] = max(longest.get(s, 0), e)
    for s, e in sorted(longest.items()):
        opener = _opened(folded, s)
        if opener is None:
            continue
        role = _ROLE_AFTER_RE.match(folded, e)
        if role:
            yield s, role.end(), folded[s:e], role.group(0)
        elif _SPEECH_RE.match(folded, e) or (opener != "、" and _ENDS_RE.match(folded, e)):
            yield s, e, folded[s:e], None


def more_names(folded: str) -> Iterator[tuple[int, int, str, str | None, str, float]]:
    """(start, end, name, title, extractor, confidence) of the names read after the surname
    grammar of facts/persons.py, in this order: Korean or Japanese names after a foreign title
    (总统文在寅), the dictionary's persons in a person's context, bare transliterated names
    around a visit, transliterated speakers (。普京称), Tibetan names, names after an age (47岁的某某)."""
    for s, e, name, title in foreign_han_names(folded):
        yield s, e, name, title, "person.foreign", 0.8
    for s, e, name, role in lexicon_names(folded):
        yield s, e, name, role, "person.lexicon", 0.7
    for s, e in foreign_objects(folded):
        yield s, e, folded[s:e], None, "person.foreign_object", 0.7
    for s, e in foreign_speakers(folded):
        yield s, e, folded[s:e], None, "person.foreign_speaker", 0.7
    for s, e in tibetan_names(folded):
        yield s, e, folded[s:e], None, "person.tibetan", 0.7
    if "岁的" in folded:
        for s, e in aged_names(folded):
            yield s, e, folded[s:e], None, "person.aged", 0.7
