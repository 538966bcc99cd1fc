"""Former and other names: `张某，原名张某某，…`, `本名李某`, `笔名王某`, `曾用名…`.

A biography gives its hero's birth name or pen name after a mark (原名, 本名, 笔名, 曾用名,
又名, 化名): the name after the mark, a listed surname and one or two characters ending at
punctuation, is a person; so is the name before `，` that opens the paragraph or a sentence
right before the mark (`刘某，原名刘某某，1900年出生`: both). `person.alias` 0.8, the name alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ._common import alternation, load_list

_SURNAMES = [
    s
    for name in ("facts_surnames.txt", "facts_surnames_role_only.txt")
    for line in load_list(name)
    for s in line.split()
]
_SUR = alternation(_SURNAMES)
_MARKS = ("曾用名", "原名", "本名", "笔名", "又名", "化名")
_NAME = rf"(?:{_SUR})[\u4e00-\u9fff]{{1,2}}?"
ALIAS_RE = re.compile(rf"(?P<mark>{alternation(_MARKS)})(?P<name>{_NAME})(?=[，。；、）)])")
#: The name the alias is of: opening the paragraph or a sentence, before `，` and the mark.
_HOLDER_RE = re.compile(rf"(?:^|(?<=[。！？]))(?P<name>{_NAME})，$")


def alias_names(folded: str, plausible: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of the names around a mark of another name (the holder first)."""
    if not any(mark in folded for mark in _MARKS):
        return
    for m in ALIAS_RE.finditer(folded):
        if not plausible(m["name"]):
            continue
        holder = _HOLDER_RE.search(folded, max(0, m.start() - 5), m.start())
        if holder and plausible(holder["name"]):
            yield holder.span("name")
        yield m.span("name")
