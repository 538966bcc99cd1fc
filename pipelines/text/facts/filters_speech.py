"""A place inside quoted speech is no place of the text (CONVENTIONS.md: nothing is marked
inside quoted speech).

Quoted speech is read here as a partial quotation: a quote of eight characters or more run
into the clause (a Chinese character right before its opening mark, not a colon or a comma),
printed in a sentence whose speaker was introduced before it by a verb of saying (`某部长表示，
某国的做法“正在破坏某国的信誉”`), the quote holding a clause's marks (的, 了, 是, 正在, 将, 要,
在). Short quotes, and quotes without a verb of saying before them in the sentence, are names,
slogans or themes and untouched (`“某国制造”`, `“一带一路”`); only places are dropped (formulas
keep their own rules). A whole quote after 说： keeps its places (tests/test_facts_review_u.py
reads `他说：“某市今年将举办晚会”` so; CONVENTIONS.md would mark nothing inside: left open).
"""

from __future__ import annotations

import re

from ..passes import Counters, stage_pass
from .state import FactState

_QUOTE_RE = re.compile(r"“(?P<body>[^“”\n]{8,80})”")
_SAYING_RE = re.compile(r"(?:表示|指出|强调|声称|宣称|认为|说)[，：:]")
_CLAUSE_RE = re.compile(r"的|了|是|正在|将|要|在")
_SENTENCE_END = "。！？!?\n"


def speech_spans(folded: str) -> list[tuple[int, int]]:
    """The spans of the quotes of one paragraph read as quoted speech."""
    out = []
    for m in _QUOTE_RE.finditer(folded):
        begin = max(folded.rfind(c, 0, m.start()) for c in _SENTENCE_END) + 1
        inside = m.start() > 0 and "\u4e00" <= folded[m.start() - 1] <= "\u9fff"
        if inside and _SAYING_RE.search(folded, begin, m.start()) and _CLAUSE_RE.search(m["body"]):
            out.append(m.span())
    return out


@stage_pass("facts.filters_speech.drop_places_in_speech", requires=("folded", "facts"),
            assigns=("facts",))  # fmt: skip
def drop_places_in_speech_pass(state: FactState, counters: Counters) -> FactState:
    """Places inside quoted speech dropped (`某人表示，…“正在破坏某国的信誉”`)."""
    if "“" not in state.folded:
        return state
    spans = speech_spans(state.folded)
    if not spans:
        return state
    kept = [
        f
        for f in state.facts
        if f.type != "place" or not any(s < f.start and f.end < e for s, e in spans)
    ]
    if len(kept) < len(state.facts):
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept)
