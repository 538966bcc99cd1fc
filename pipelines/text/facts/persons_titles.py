"""A former holder's mark before a title: `原副局长张某某`, `原主任李某`, as `前总理…` for foreign
names (facts/persons_dotted.py). 原 or 前 right before a title printed before a name joins the
person's span, unless the segmenter reads it as the end of a word before it (`太原|市长`:
the city, `高原|副局长`): a short window is cut (HMM off) and 原 must stand alone.
An honorary mark joins the span the same way (`名誉主席张某某`, `荣誉会长李某`: the title is the
honorary one, printed with it in obituaries and society news); two characters, no ambiguity.
"""

from __future__ import annotations

import re

#: The marks of a former holder printed before a title.
FORMER = ("原", "前")
#: The marks of an honorary title printed before it.
HONORARY = ("名誉", "荣誉")
#: A former envoy's posting before the title (`前驻华大使`, `原驻英国总领事`): 驻 and one to four
#: characters, the former holder's mark before it; without the mark the posting stays out.
_POSTING_RE = re.compile(r"[前原]驻[\u4e00-\u9fff]{1,4}$")
#: Characters of context segmented before the mark.
_MARGIN = 3


def former_start(folded: str, start: int, title_end: int) -> int:
    """The start of the span of a title at start:title_end with its former holder's mark
    (`局原副局长` -> the 原; `名誉副主席` -> the 名誉), or `start` when there is none."""
    if start >= 2 and folded[start - 2 : start] in HONORARY:
        return start - 2
    posted = _POSTING_RE.search(folded, max(0, start - 7), start)
    if posted is not None:
        return posted.start()  # 前驻华大使某某: a former envoy's posting joins the span
    if start == 0 or folded[start - 1] not in FORMER:
        return start
    from .persons_document import token_edges

    lo = max(0, start - 1 - _MARGIN)
    edges = token_edges(folded[lo:title_end])
    return start - 1 if {start - 1 - lo, start - lo} <= edges else start
