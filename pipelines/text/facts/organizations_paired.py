"""Two organs printed as one name are two organisations (CONVENTIONS.md, question 2).

Organs that share their staff are printed together (某纪委某监委, 某纪委监察部), and the
gazetteer keeps the pair as one alias with both canonical names joined by 、. The conventions
mark each organ: the pair is cut where both halves are names of their own in the gazetteer
(`中央纪委|国家监委` -> 中央纪委 + 国家监委, each with its canonical name), the halves'
canonical names joined being the pair's. A pair whose second
half is no name of its own stays one (`某省纪委监委`: 监委 alone names no organ).
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .gazetteer import national_organs
from .state import FactState


def _halves(f: Fact) -> list[Fact] | None:
    """The two organs of a paired name, or None when it is not cut in two named halves whose
    canonical names joined are the pair's (not 联合国|教科文组织: its 、 is inside one name)."""
    organs = national_organs()
    for i in range(2, len(f.text) - 1):
        head, tail = f.text[:i], f.text[i:]
        if head in organs and tail in organs and f"{organs[head]}、{organs[tail]}" == f.canonical:
            mid = f.start + i
            return [
                replace(f, end=mid, text=head, normalized=head, canonical=organs[head]),
                replace(f, start=mid, text=tail, normalized=tail, canonical=organs[tail]),
            ]
    return None


@stage_pass("facts.organizations_paired.split_pairs", requires=("facts",), assigns=("facts",))
def split_pairs_pass(state: FactState, counters: Counters) -> FactState:
    """A pair of organs printed as one name cut in two (`中央纪委国家监委` -> 中央纪委 +
    国家监委); a pair with no named second half stays (`某省纪委监委`)."""
    facts = state.facts
    if not any(f.type == "organization" and "、" in (f.canonical or "") for f in facts):
        return state
    out: list[Fact] = []
    for f in facts:
        halves = _halves(f) if f.type == "organization" and "、" in (f.canonical or "") else None
        out += halves or [f]
    if len(out) > len(facts):
        counters.add("split", len(out) - len(facts))
    return state.keeping(out)
