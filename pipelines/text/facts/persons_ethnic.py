"""Tibetan personal names, found by their shape.

A Tibetan name has no Chinese surname, so the surname tests of facts/persons.py never find
it: it is two of the standard two-character elements (data/facts_tibetan_name_parts.txt),
`扎西顿珠`, `次仁卓玛`, `格桑央金`. Two elements in a row are a name wherever they stand
(`牧民扎西顿珠家`, `次仁卓玛介绍`): one element alone (`格桑花`, `扎西德勒`) is none.
`person.tibetan` 0.7. The elements are found by the paragraph's one scan of the listed words
(facts/lexicon.py; a regex of two alternations tried at every character cost a tenth of the
facts stage).
"""

from __future__ import annotations

from collections.abc import Iterator

from ._common import load_list
from .lexicon import scan_words

#: The elements, all of two characters.
PARTS = tuple(p for line in load_list("facts_tibetan_name_parts.txt") for p in line.split())


def tibetan_names(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of the Tibetan names of a paragraph (two name elements in a row), leftmost and
    not overlapping."""
    starts = {s for s, _ in scan_words(folded).get("tibetan", ())}
    pos = 0
    for s in sorted(starts):
        if s >= pos and s + 2 in starts:
            pos = s + 4
            yield s, pos
