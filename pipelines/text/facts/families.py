"""The passes of the extractor families whose modules are full (amounts.py, organizations.py,
persons.py and places.py are at the 400 lines a module may have): each adds the facts of its
family's `extract_*` function. Each belongs in its family's module, once room is made there."""

from __future__ import annotations

from ..passes import Counters, stage_pass
from .amounts import extract_amounts
from .amounts_magnitude import money_passed
from .organizations import extract_organizations
from .persons import extract_persons
from .places import extract_places
from .state import FactState


@stage_pass("facts.families.amounts", requires=("text", "folded"), assigns=("facts",))
def amounts(state: FactState, counters: Counters) -> FactState:
    """Money and quantities added: a number, a scale word and a unit (`7.4万亿元` -> 7.4e12 元,
    `5—7 天` -> 5/7 天); takings past a bare magnitude (`销售额破亿`: money 亿)."""
    return state.adding(
        extract_amounts(state.text, state.folded) + money_passed(state.text, state.folded)
    )


@stage_pass(
    "facts.families.organizations", requires=("text", "folded", "context"), assigns=("facts",)
)
def organizations(state: FactState, counters: Counters) -> FactState:
    """Organisations added: Party and state organs, institutions, mass organisations, media
    (`中共绍兴市委`, `国务院`; a bare `省委` resolved to the document's own place)."""
    return state.adding(extract_organizations(state.text, state.folded, state.context))


@stage_pass("facts.families.persons", requires=("text", "folded"), assigns=("facts",))
def persons(state: FactState, counters: Counters) -> FactState:
    """People added: names printed with a title or role, speakers and national leaders
    (`市委书记马卫光`, `习近平总书记`)."""
    return state.adding(extract_persons(state.text, state.folded))


@stage_pass("facts.families.places", requires=("text", "folded", "context"), assigns=("facts",))
def places(state: FactState, counters: Counters) -> FactState:
    """Places added from the gazetteers, a chain of names as one (`浙江省杭州市`, `余姚市河姆渡镇`)."""
    return state.adding(extract_places(state.text, state.folded, state.context))
