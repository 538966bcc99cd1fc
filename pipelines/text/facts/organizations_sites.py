"""An organisation named inside a memorial site's name is no organisation of the text.

Memorials, museums and historic sites are named after the armies and organs whose history they
keep (某某红军长征纪念馆, 某军驻某地办事处旧址, 中共某大会址): nothing inside such a name is marked,
as the annotation conventions leave nothing marked inside a venue's name. A listed organ or
army of any length printed right before at most four characters without a function word,
punctuation, a verb of deciding, building or visiting, or 记者 (国务院|决定修建遗址公园,
某社|记者参观纪念馆: the organ is the clause's subject) and a site's ending (纪念馆, 纪念碑, 博物馆, 陈列馆, 旧址, 遗址, 会址, 纪念园, 陵园) is dropped; the same organ
elsewhere in running text stays (某军出发渡口: a ferry named after no one). An armed service
printed right before 基地 names a base (空军基地, 海军基地): dropped the same way.
"""

from __future__ import annotations

import re

from ..passes import Counters, stage_pass
from .state import FactState

#: Words that make the organ before them a clause's subject, not a site's namesake.
_CLAUSE = (
    r"[的了在是和与及或对把被从为以于由将也都就还要等各该这那其]|记者|决定|批准|同意|修建|兴建|新建"
    r"|筹建|建设|建成|参观|瞻仰|考察|走进|来到|前往|访问|开放|设立|命名|捐建|援建"
)
#: At most four characters without a function word or such a word, then a memorial site's ending.
SITE_AFTER_RE = re.compile(
    rf"(?:(?!{_CLAUSE})[\u4e00-\u9fff]){{0,4}}?"
    r"(?:纪念馆|纪念碑|纪念园|纪念地|博物馆|陈列馆|展览馆|旧址|遗址|会址|陵园)"
    r"|(?<=军)基地"  # a service naming a base (某国空军|基地): a site, as a port or an airport
)
#: What the paragraph must hold for the test to run (cheap).
_HINTS = ("纪念", "博物馆", "陈列馆", "展览馆", "旧址", "遗址", "会址", "陵园", "军基地")


def in_site_name(folded: str, end: int) -> bool:
    """Whether the organisation ending at `end` opens a memorial site's name (…|长征出发纪念馆)."""
    return SITE_AFTER_RE.match(folded, end) is not None


@stage_pass(
    "facts.organizations_sites.drop_in_sites",
    requires=("folded", "facts"),
    assigns=("facts",),
)
def drop_in_sites_pass(state: FactState, counters: Counters) -> FactState:
    """Organisations at the head of a memorial site's name dropped (`某军长征纪念馆` holds no
    organisation 某军)."""
    folded = state.folded
    if not any(h in folded for h in _HINTS):
        return state
    kept = [f for f in state.facts if f.type != "organization" or not in_site_name(folded, f.end)]
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
