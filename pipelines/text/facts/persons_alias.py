"""Former and other names: `张某，原名张某某，…`, `本名李某`, `笔名王某`, `曾用名…`; and given names.

A biography gives its hero's birth name or pen name after a mark (原名, 本名, 笔名, 曾用名,
又名, 化名): the name after the mark, a listed surname and one or two characters ending at
punctuation, is a person; so is the name before `，` that opens the paragraph or a sentence
right before the mark (`刘某，原名刘某某，1900年出生`: both). `person.alias` 0.8, the name alone.

A given name alone with 同志 after `和`/`与`/`、` (`我和如兴同志`) is read here too (`given_names`,
for facts/persons.py's `person.given_name`).
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


GIVEN_RE = re.compile(r"(?<=[和与、])(?P<name>[\u4e00-\u9fff]{2})同志")
#: Two characters before 同志 that are no given name (广大同志, 各位同志).
_NOT_GIVEN = ("广大", "各位", "全体", "老同", "青年", "这些", "有关")


def given_names(folded: str, name_ok: Callable[[str], bool]) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of a given name with 同志 after 和, 与 or 、 (`我和如兴同志`)."""
    for m in GIVEN_RE.finditer(folded) if "同志" in folded else ():
        if name_ok(m["name"]) and m["name"] not in _NOT_GIVEN:
            yield m.start(), m.end(), m["name"]
