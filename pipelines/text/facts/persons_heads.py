"""A name opening with a surname that is also a common word start (金, 高, 于…: data/
facts_surnames_role_only.txt), printed right before a head's title (facts/persons.py takes such
names only after a role word): `某正某总书记`, `金某某主席` is a person with the title in the span
when the segmenter reads the three characters as one name-like token (tagged nr, nrfg or nz)
and its last character is no level or organ word (高新区主席, 文联主席 are offices)."""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import alternation, cut_window, load_list
from .state import FactState

_ROLE_ONLY = [s for line in load_list("facts_surnames_role_only.txt") for s in line.split()]
_TITLES = ("主席", "总书记", "委员长", "总统", "总理", "首相")
_RE = re.compile(
    rf"(?:{alternation(_ROLE_ONLY)})[\u4e00-\u9fff]{{2}}(?:{alternation(list(_TITLES))})"
)
_NOT_LAST = set("区县市省州会委联部局院团队党国厅处所办")
_NAME_TAGS = ("nr", "nrfg", "nz")


def heads_with_role_only_surnames(text: str, folded: str) -> list[Fact]:
    """Persons `金某某主席` (see the module docstring); the span holds the title."""
    out = []
    for m in _RE.finditer(folded):
        s = m.start()
        if folded[s + 2] in _NOT_LAST:
            continue
        tokens, tags = cut_window(folded[s : s + 3])
        if len(tokens) == 1 and tags[0] in _NAME_TAGS:
            role = folded[s + 3 : m.end()]
            fact = Fact(
                type="person",
                start=s,
                end=m.end(),
                text=text[s : m.end()],
                normalized=folded[s : s + 3],
                extractor="person.role_after",
                confidence=0.8,
                qualifier=role,
            )
            out.append(fact)
    return out


@stage_pass(
    "facts.persons_heads.role_only_surnames", requires=("text", "folded"), assigns=("facts",)
)
def role_only_surnames_pass(state: FactState, counters: Counters) -> FactState:
    """A name opening with a surname that is also a common word start, printed right before a
    head's title, added as a person (`金某某主席`)."""
    return state.adding(heads_with_role_only_surnames(state.text, state.folded))
