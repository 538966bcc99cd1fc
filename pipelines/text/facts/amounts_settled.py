"""Bounds on amounts as the second annotator's pass settled them (CONVENTIONS.md, questions 23
and 27).

- Question 23: money printed without 元 after a bound has no value and no unit, its bound as
  qualifier (`产值超5万亿` -> qualifier 超; `投资800亿以上` -> 以上): the reader cannot tell the
  currency. An approximation is no bound (`约19亿` keeps its value), nor money without a bound
  (`迈上8000亿门槛` keeps 8000亿 元).
- Question 27: two qualifiers on one number (`近四万多人`, `超过250多亿元`): the value is written,
  the qualifier left unwritten; a range's bound stays (`range,约`).
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .state import FactState

#: Approximations, no bound: money after them keeps its value.
_APPROXIMATIONS = frozenset({"约", "大约", "左右", "上下", "range"})


def _settled(f: Fact) -> Fact:
    """The fact with questions 23 and 27 applied (the same fact when neither applies)."""
    if f.type not in ("money", "quantity") or not f.qualifier or f.qualifier.startswith("range"):
        return f
    parts = f.qualifier.split(",")
    out = f
    bare_money = f.type == "money" and f.unit == "元" and "元" not in f.text
    if bare_money and not set(parts) <= _APPROXIMATIONS:
        out = replace(out, value_num=None, unit=None, normalized=f.text.replace(" ", ""))
    if len(parts) > 1:
        out = replace(out, qualifier=None)
    return out


@stage_pass("facts.amounts_settled.settled_bounds", requires=("facts",), assigns=("facts",))
def settled_bounds_pass(state: FactState, counters: Counters) -> FactState:
    """Money without 元 after a bound loses its value and unit (`超5万亿`); two qualifiers on
    one number are left unwritten (`近四万多人` -> value 40000, no qualifier)."""
    facts = state.facts
    if not any(f.qualifier for f in facts):
        return state
    kept = [_settled(f) for f in facts]
    changed = sum(a is not b for a, b in zip(kept, facts, strict=True))
    if not changed:
        return state
    counters.add("settled", changed)
    return state.keeping(kept)
