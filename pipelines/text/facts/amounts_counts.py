"""Counts of pairs, which the amounts' units leave out.

Pairs (对): Arabic digits and 对 at the end of a clause or before what comes in pairs
(`加开列车12对。`, `增开旅客列车8对，`, `30对新人`). 对 is a preposition too (`5个国家对…`),
so it is no unit of the amounts; a count of pairs ends its clause or names the pairs, which
railway, wedding and wildlife news print so. A range is read as the amounts read it
(amounts_ranges.py): `3至5对`, `3—5对` and `5、6对` are one fact, its lower bound the value;
`1、2、3天`-like lists and numbered items are no range, ordinals none at all (`第1、2对`).

People counted in Arabic digits without a classifier, right before a noun of people (`与2000多
市民一同`, `500余居民`, `300官兵`): a bare count, no unit, 多 or 余 its qualifier, as the conventions
mark a bare count (8000多万农业转移人口); the nouns are those of a count of people in Chinese
numerals (amounts.py `_PEOPLE_NOUNS`). Local news counts crowds so. No year (`2018农民丰收节`),
no number after a comma (`1,000`), no noun modifying a word after it (`12345市民服务热线`).

Extractor and confidence: `quantity.pairs` 0.8, `quantity.people` 0.75.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .amounts_ranges import ordinal_listed, range_low
from .qualifiers import bound_before
from .state import FactState

#: A year (2018农民丰收节) takes no 多 or 余; a noun of people before a word it modifies
#: (12345市民服务热线, 职工运动会, 农民丰收节, 市民卡) names no crowd.
_PEOPLE_RE = re.compile(
    r"(?<![\d.,，第])(?P<n>(?!(?:19|20)\d\d(?![\d多余]))\d{2,6})(?P<q>多|余)?"
    r"(?=(?:干部群众|群众|干部|党员|职工|居民|市民|农民|官兵|师生)"
    r"(?!服务|热线|运动|丰收|节|卡|之家|中心|活动|广场|学校|大学))"
)
PAIRS_RE = re.compile(r"(?<![\d.第])(?P<n>\d{1,4})对(?=[，。；、）,;)]|$|列车|趟|新人|夫妇|夫妻)")


def _pairs(text: str, folded: str, m: re.Match[str]) -> Fact:
    """The fact of the count of pairs matched by m, widened to the range it ends."""
    s, e, value = m.start(), m.end(), Decimal(m["n"])
    norm, qual = f"{value} 对", [bound_before(folded, s)]
    low = range_low(folded, s, value)
    if low is not None:
        s, lo = low
        norm, qual = f"{lo}/{value} 对", ["range", bound_before(folded, s)]
        value = lo
    return Fact("quantity", s, e, text[s:e], norm, "quantity.pairs", 0.8, value_num=float(value),
                unit="对", qualifier=",".join(q for q in qual if q) or None)  # fmt: skip


def extract_counts(text: str, folded: str) -> list[Fact]:
    """The counts of pairs of one paragraph (`12对`, `3至5对`)."""
    return [
        _pairs(text, folded, m)
        for m in PAIRS_RE.finditer(folded)
        if not ordinal_listed(folded, m.start())
    ]


def people_counts(text: str, folded: str) -> list[Fact]:
    """Bare Arabic counts before a noun of people (`2000多市民` -> 2000, qualifier 多)."""
    return [
        Fact(
            "quantity",
            m.start(),
            m.end(),
            text[m.start() : m.end()],
            m["n"],
            "quantity.people",
            0.75,
            value_num=float(m["n"]),
            qualifier=m["q"],
        )
        for m in _PEOPLE_RE.finditer(folded)
    ]


@stage_pass("facts.amounts_counts.counts_pass", requires=("text", "folded", "facts"),
            assigns=("facts",))  # fmt: skip
def counts_pass(state: FactState, counters: Counters) -> FactState:
    """Counts of pairs added (`加开列车12对`, `3至5对`), and bare counts of people (`2000多市民`)."""
    found = people_counts(state.text, state.folded)
    if "对" in state.folded:
        found += extract_counts(state.text, state.folded)
    return state.adding(found) if found else state
