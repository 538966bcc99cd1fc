"""An expo's or fair's short name after a back-reference: the meeting named before.

Expos and trade fairs are called by a short name of two or three characters ending with the
last characters of their kind (博览会 -> 博会, 洽谈会 -> 洽会, 交易会 -> 交会 or 贸会:
`某博会`, `某洽会`, `某贸会`), coined in the text and in no list, printed after a
demonstrative (本届, 此次, 本次, 这次, 此届) once the full name is printed: the conventions
mark the bare back-reference as the meeting (`本次圆桌对话会` -> 圆桌对话会). Every expo report
does so (`本届某博会吸引展商`), so the rule fires beyond one text. `交会` followed by 对接 is a
docking (航天器交会对接), none. `meeting.named` 0.75, `normalized` the short name.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import WORD_MIN_FREQ
from .state import FactState

#: The short name not opening a word with the next character (经贸|会谈, 外贸|会议, 会商, 会见,
#: 会晤), 交会 not a crossing (两车交会时, 交会于, 交会处, 交会对接).
_SHORT_RE = re.compile(
    r"(?<=本届|此次|本次|这次|此届)(?P<prefix>[\u4e00-\u9fff]{1,2})"
    r"(?:博会|洽会|贸会|交会(?![时于处对]))(?![议谈商见晤])"
)


def short_expos(text: str, folded: str) -> list[Fact]:
    """The short names of expos and fairs after a demonstrative (本届|某博会)."""
    return [
        Fact(
            "meeting",
            m.start(),
            m.end(),
            text[m.start() : m.end()],
            m.group(0),
            "meeting.named",
            0.75,
        )
        for m in _SHORT_RE.finditer(folded)
        if not _word(m["prefix"])
    ]


def _word(prefix: str) -> bool:
    """Whether a two-character prefix is a common word of the segmenter's dictionary (会议|交会,
    两车 none): a short name's prefix is a coined abbreviation (广, 进, 服, 哈), no word."""
    from pipelines.text.segment import get_segmenter

    return len(prefix) == 2 and get_segmenter().frequency(prefix) >= WORD_MIN_FREQ


@stage_pass("facts.meetings_short.short_expos", requires=("text", "folded"), assigns=("facts",))
def short_expos_pass(state: FactState, counters: Counters) -> FactState:
    """Expos' short names after a back-reference added (`本届某博会`: the meeting 某博会)."""
    if "会" not in state.folded:
        return state
    return state.adding(short_expos(state.text, state.folded))
