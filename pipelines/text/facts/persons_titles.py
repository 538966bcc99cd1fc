"""A former holder's mark before a title: `原副局长张某某`, `原主任李某`, as `前总理…` for foreign
names (facts/persons_dotted.py). 原 or 前 right before a title printed before a name joins the
person's span, unless the segmenter reads it as the end of a word before it (`太原|市长`:
the city, `高原|副局长`): a short window is cut (HMM off) and 原 must stand alone.
An honorary mark joins the span the same way (`名誉主席张某某`, `荣誉会长李某`: the title is the
honorary one, printed with it in obituaries and society news); two characters, no ambiguity.
"""

from __future__ import annotations

#: The marks of a former holder printed before a title.
FORMER = ("原", "前")
#: The marks of an honorary title printed before it.
HONORARY = ("名誉", "荣誉")
#: Characters of context segmented before the mark.
_MARGIN = 3


def former_start(folded: str, start: int, title_end: int) -> int:
    """The start of the span of a title at start:title_end with its former holder's mark
    (`局原副局长` -> the 原; `名誉副主席` -> the 名誉), or `start` when there is none."""
    if start >= 2 and folded[start - 2 : start] in HONORARY:
        return start - 2
    if start == 0 or folded[start - 1] not in FORMER:
        return start
    from .persons_document import token_edges

    lo = max(0, start - 1 - _MARGIN)
    edges = token_edges(folded[lo:title_end])
    return start - 1 if {start - 1 - lo, start - lo} <= edges else start
