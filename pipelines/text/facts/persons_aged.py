"""Persons introduced by their age: `47岁的某某从小…`.

A news portrait introduces a villager or a worker with no title, only an age: `N岁的` and the
name. After `岁的` stands a person, a word for one (老人, 孩子, 农民) or a pronoun (他). The
segmenter (HMM off, the project's dictionary) tells them apart: a word for a person is one
token of the dictionary (老人, 小女孩), a well-known name one token tagged as a person
(`nr`: 李小明), and an unknown name two or three single characters in a row (`阿|旦|从小`),
ended by a word, punctuation or a particle. `person.aged` 0.7, a strong rule
(facts/persons_document.py): the name is a person where the portrait prints it again bare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._common import cut_window
from .persons_words import NOT_NAME_END

_AGE_RE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:周)?岁的(?=[\u4e00-\u9fff])")
#: Single characters that are no part of a name (pronouns, adverbs, particles).
_NOT_NAME_CHARS = set("他她它我你们这那也都就还又才已在和与及是的了着被把对从向为")
_PERSON_TAGS = ("nr", "nrfg", "nrt")
#: Characters of the window segmented after `岁的`.
_WINDOW = 6


def aged_names(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of the names printed after an age (`47岁的某某`)."""
    for m in _AGE_RE.finditer(folded):
        start = m.end()
        window = folded[start : start + _WINDOW]
        tokens, tags = cut_window(window)
        if not tokens or window.find(tokens[0]) != 0:
            continue
        if tags[0] in _PERSON_TAGS and 2 <= len(tokens[0]) <= 4:
            name = tokens[0]
        else:
            name = _single_chars(tokens)
        if name and name[-1] not in NOT_NAME_END:
            yield start, start + len(name)


def _single_chars(tokens: list[str]) -> str | None:
    """Two or three single Chinese characters opening `tokens`, ended by a longer word,
    punctuation or the window's end (`阿|旦|从小` -> 阿旦), or None."""
    count = 0
    for token in tokens:
        if len(token) != 1 or not "\u4e00" <= token <= "\u9fff" or token in _NOT_NAME_CHARS:
            break
        count += 1
    if count < 2 or count > 3 or (count == len(tokens) and len(tokens) < 4):
        return None
    return "".join(tokens[:count])
