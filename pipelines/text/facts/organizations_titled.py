"""A ministry's name run into its minister's title is the title, not an organisation.

`某国外交部长某某`, `某国国防部长某某`: the title 外交部长 (国防部长, 财政部长) is printed as the
ministry's name and 长 run together, and the conventions mark the titled name (`外交部长王毅`,
the second of two titles taking the span) and no organisation inside it, the country before
it a place. An organisation ending with 部 right before 长, where a person found by the
persons passes covers that 长, is dropped, so the title keeps its whole span; `某部部长某某`
(the organ printed whole before the title 部长) keeps its organisation, as 国务院 + 总理.
Every foreign minister's name in news is printed so, beyond one text.
"""

from __future__ import annotations

from ..passes import Counters, stage_pass
from .state import FactState


@stage_pass(
    "facts.organizations_titled.drop_ministers_organs",
    requires=("folded", "facts"),
    assigns=("facts",),
)
def drop_ministers_organs_pass(state: FactState, counters: Counters) -> FactState:
    """Organisations `某部` run into a person's title `某部长某某` dropped (外交部|长某某: the
    title 外交部长 the person's)."""
    folded = state.folded
    if "部长" not in folded:
        return state
    persons = [f for f in state.facts if f.type == "person"]
    kept = [
        f
        for f in state.facts
        if f.type != "organization"
        or not (folded.endswith("部", 0, f.end) and folded.startswith("长", f.end))
        or not any(p.start <= f.end < p.end for p in persons)
    ]
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
