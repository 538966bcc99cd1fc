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
#: characters, the former holder's mark before it; without the mark the posting stays out;
#: the mark a token of its own (目前|驻华, 此前 are none) and 驻 no word of stationing (驻地).
_POSTING_RE = re.compile(r"[前原]驻(?![地军扎])[\u4e00-\u9fff]{1,4}$")
#: The titles of an envoy, which a posting describes (大使, 总领事, 领事, 代表: 原驻地|大使 is none).
_ENVOYS = ("大使", "总领事", "领事", "代表", "特命全权大使")
#: Characters of context segmented before the mark.
_MARGIN = 3


def former_start(folded: str, start: int, title_end: int) -> int:
    """The start of the span of a title at start:title_end with its former holder's mark
    (`局原副局长` -> the 原; `名誉副主席` -> the 名誉), or `start` when there is none."""
    if start >= 2 and folded[start - 2 : start] in HONORARY:
        return start - 2
    posted = _POSTING_RE.search(folded, max(0, start - 7), start)
    if (
        posted is not None
        and folded.startswith(_ENVOYS, start)
        and _alone(folded, posted.start(), title_end)
    ):
        return posted.start()  # 前驻华大使某某: a former envoy's posting joins the span
    if start == 0 or folded[start - 1] not in FORMER:
        return start
    return start - 1 if _alone(folded, start - 1, title_end) else start


def _alone(folded: str, mark: int, title_end: int) -> bool:
    """Whether the segmenter reads the mark at `mark` (原, 前) as a token of its own, not the
    end of a word before it (太原|市长, 目前|驻华大使, 此前)."""
    from .persons_document import token_edges

    lo = max(0, mark - _MARGIN)
    edges = token_edges(folded[lo:title_end])
    return {mark - lo, mark + 1 - lo} <= edges
