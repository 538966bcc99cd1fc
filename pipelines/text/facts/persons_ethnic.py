"""Tibetan personal names, found by their shape.

A Tibetan name has no Chinese surname, so the surname tests of facts/persons.py never find
it: it is two of the standard two-character elements (data/facts_tibetan_name_parts.txt),
`扎西顿珠`, `次仁卓玛`, `格桑央金`. Two elements in a row are a name wherever they stand
(`牧民扎西顿珠家`, `次仁卓玛介绍`): one element alone (`格桑花`, `扎西德勒`) is none.
`person.tibetan` 0.7.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._common import alternation, load_list

_PARTS = [p for line in load_list("facts_tibetan_name_parts.txt") for p in line.split()]
_NAME_RE = re.compile(f"(?:{alternation(_PARTS)}){{2}}")


def tibetan_names(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of the Tibetan names of a paragraph (two name elements in a row)."""
    for m in _NAME_RE.finditer(folded):
        yield m.span()
