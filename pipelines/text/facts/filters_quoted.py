"""Facts inside a quoted exhibition title or a debate's quoted theme dropped.

The conventions mark nothing inside an event's title or a quoted theme. Two quoted shapes are
read as such wherever printed:
- an exhibition's title in quotes, ending with 展 or 展览 inside the quotes (`“某某成就展”`,
  `“庆祝某某40周年大型展览”`; not a verb's 展, 发展, 进展, 开展…: `“创新促发展”` is a slogan): its
  number, its places and its formulas are the title's;
- a debate's theme, a quote printed right before (高级别|公开)辩论 (`安理会举行“某某地区的
  和平与安全”公开辩论会`): a sentence, its region the theme's (the debate itself no meeting);
- a performance's title opened by a quoted slogan (`“某某、某某”某协会艺术家某地采风成果汇报演出`,
  `“某某”某省文艺晚会`), the title opening its clause: the slogan, organisers and places inside
  are the title's (an event title, nothing inside marked); a sentence between the quote and
  the show (`“某某”期间共举办文艺演出`, `参加了在某地举行的晚会`) is no title.
Exhibition and debate reports print these shapes in every text, so the rule fires beyond
one text; other quotes (slogans, formulas, names) are untouched.
"""

from __future__ import annotations

import re

from ..passes import Counters, stage_pass
from .state import FactState

#: A character of a performance's title after its slogan: no punctuation, no function word
#: nor verb of a sentence about the show (参加了在某地举行的晚会, “十三五”期间共举办文艺演出).
_TITLE_CHAR = (
    r"(?:(?!参加|举行|举办|期间|以来|开展|组织|[的了在是和与及共将把被从对为于])[^“”，。；：\n])"
)
_QUOTED_RE = re.compile(
    r"“[^“”\n]{2,40}(?<![发进拓扩开伸施])(?:展|展览)”"
    r"|“[^“”\n]{2,60}”(?=(?:高级别|公开){0,2}辩论)"
    rf"|(?:^|(?<=[\s，。；：]))“[^“”\n]{{2,20}}”{_TITLE_CHAR}{{2,40}}?(?:汇报演出|文艺演出|展演|晚会)"
)


@stage_pass("facts.filters_quoted.drop_in_quoted_titles", requires=("folded", "facts"),
            assigns=("facts",))  # fmt: skip
def drop_in_quoted_titles_pass(state: FactState, counters: Counters) -> FactState:
    """Facts inside a quoted exhibition title or a debate's theme dropped (`“某某70周年成就展”`
    holds no quantity; `“某地区的和平与安全”高级别辩论会` no place)."""
    if "”" not in state.folded:
        return state
    spans = [m.span() for m in _QUOTED_RE.finditer(state.folded)]
    if not spans:
        return state
    kept = [f for f in state.facts if not any(a <= f.start and f.end <= b for a, b in spans)]
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
