"""Counts the amounts' units leave out, and ranges joined by 、.

- Pairs (对): Arabic digits and 对 at the end of a clause or before what comes in pairs
  (`加开列车12对。`, `增开旅客列车8对，`, `30对新人`). 对 is a preposition too (`5个国家对…`),
  so it is no unit of the amounts; a count of pairs ends its clause or names the pairs, which
  railway, wedding and wildlife news print so.
- Kinds (种): a small Chinese numeral and 种 before a noun (`三种模式`, `两种颜色`), as
  `三名`, `四艘` (a count in Chinese numerals with a classifier); the segmenter reads the count
  as one word and the noun after it (多种手段, 这种 are none: no number).
- Ranges joined by 、: two consecutive Arabic numbers and a unit (`5、6天`, `3、4秒`) are a range,
  its lower bound the value, as `5—7天`; a longer list (`1、2、3号`) is none.

Extractor and confidence: `quantity.pairs` 0.8, `quantity.kinds` 0.8.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import cut_window
from .qualifiers import bound_before
from .state import FactState

PAIRS_RE = re.compile(r"(?<![\d.第])(?P<n>\d{1,4})对(?=[，。；、）,;)]|$|列车|趟|新人|夫妇|夫妻)")
KINDS_RE = re.compile(r"(?<![第数几多一二两三四五六七八九十“\"])(?P<n>[两三四五六七八九])种")
_CN_VALUES = dict(zip("两三四五六七八九", range(2, 10), strict=True))
#: The lower bound of a range joined by 、 right before a quantity (3、|4秒).
_LIST_LOW_RE = re.compile(r"(?<![\d.、])(?P<n>\d{1,3})、$")


def _count(text: str, s: int, e: int, value: int, unit: str, extractor: str, qual) -> Fact:
    return Fact("quantity", s, e, text[s:e], f"{value} {unit}", extractor, 0.8,
                value_num=float(value), unit=unit, qualifier=qual)  # fmt: skip


def _kind_count(folded: str, s: int) -> bool:
    """Whether the segmenter reads 某种 at `s` as one word and a noun after it."""
    tokens, tags = cut_window(folded[s : s + 6])
    return (
        len(tokens) > 1
        and tokens[0] == folded[s : s + 2]
        and tags[1].startswith("n")
        and len(tokens[1]) > 1
    )


def extract_counts(text: str, folded: str) -> list[Fact]:
    """The counts of pairs and of kinds of one paragraph (`12对`, `三种`)."""
    out = []
    if "对" in folded:
        for m in PAIRS_RE.finditer(folded):
            qual = bound_before(folded, m.start())
            out.append(_count(text, *m.span(), int(m["n"]), "对", "quantity.pairs", qual))
    if "种" in folded:
        for m in KINDS_RE.finditer(folded):
            if _kind_count(folded, m.start()):
                value = _CN_VALUES[m["n"]]
                out.append(_count(text, *m.span(), value, "种", "quantity.kinds", None))
    return out


def with_listed_low(text: str, folded: str, f: Fact) -> Fact:
    """The quantity f widened to a range joined by 、 (`3、4秒` -> value 3), or f itself: the
    number before 、 is one below f's, f a plain Arabic count with a unit."""
    if f.type != "quantity" or f.qualifier or not f.unit or f.value_num is None:
        return f
    m = _LIST_LOW_RE.search(folded, max(0, f.start - 4), f.start)
    if m is None or int(m["n"]) + 1 != f.value_num or not folded[f.start].isdigit():
        return f
    s, low = m.start(), int(m["n"])
    norm = f"{low}/{f.normalized}"
    return replace(f, start=s, text=text[s : f.end], normalized=norm, value_num=float(low),
                   qualifier="range")  # fmt: skip


@stage_pass("facts.amounts_counts.counts_pass", requires=("text", "folded", "facts"),
            assigns=("facts",))  # fmt: skip
def counts_pass(state: FactState, counters: Counters) -> FactState:
    """Counts of pairs and kinds added (`加开列车12对`, `三种模式`), and two consecutive numbers
    joined by 、 read as a range (`3、4秒`)."""
    text, folded = state.text, state.folded
    if "、" in folded and any(f.type == "quantity" for f in state.facts):
        state = state.keeping([with_listed_low(text, folded, f) for f in state.facts])
    if "对" not in folded and "种" not in folded:
        return state
    return state.adding(extract_counts(text, folded))
