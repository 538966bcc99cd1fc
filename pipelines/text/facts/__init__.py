"""Typed, normalised fact extraction from one paragraph (pure Python, no Dagster).

`extract_facts(text, doc_year=...)` runs every extractor family on a digit-folded copy of
the paragraph (same length, so offsets hold) and returns `Fact`s whose `text` is exactly
`text[start:end]`, sorted by (start, end, type). Within one type overlapping spans are
resolved by keeping the longest (then the earliest, then the most confident). Across
types, places, organisations and persons nested inside a cited title (《…》) are dropped
(the title is one fact, its issuer is in `unit`), places nested inside a formula (美丽浙江,
“老西藏精神”: the campaign's name, but “绍兴 26 条” keeps its place) or an organisation
(`中共绍兴市委`) are dropped, a meeting with a foreign organ's span (`巴基斯坦参谋长联席会议`)
too, dates inside a formula (“三月三” is a festival, not March)
and quantities inside a date (`前11个月` is a period, not a duration of 11 months) too; a
date or a quantity inside a short quoted name is part of the name (“三月三” is a festival,
“金色十年” names a period, not ten years), unless a bound makes it a target (“最多80天”).

Families (one module each; conventions and confidences in each module's docstring):
dates, percents, amounts (money + quantity), meetings (numbered) and meetings_named,
formulas, cited (cited_document),
organizations, persons, places.
"""

from __future__ import annotations

from pipelines.text.model import Fact

from ..passes import Stats, run_passes
from ._common import fold
from .context import DocContext
from .persons_document import add_document_repeats
from .stage import FACT_PASSES, FactState

__all__ = ["DocContext", "Fact", "extract_document_facts", "extract_facts"]


def extract_facts(
    text: str,
    *,
    doc_year: int | None = None,
    context: DocContext | None = None,
    stats: Stats | None = None,
) -> list[Fact]:
    """All typed facts of one paragraph, sorted by (start, end, type): the passes of
    `FACT_PASSES` (facts/stage.py) in order, their counters added to `stats` when given.

    `context`: what the document says of itself (its place, from its title and issuer), to
    resolve bare 省委/市委 and places of the same name; without it nothing is resolved."""
    if not text:
        return []
    state = FactState(text, fold(text), doc_year, context)
    return list(run_passes(FACT_PASSES, state, stats).facts)


def extract_document_facts(
    paragraphs: list[str],
    *,
    doc_year: int | None = None,
    context: DocContext | None = None,
    stats: Stats | None = None,
) -> list[list[Fact]]:
    """The facts of each paragraph of one document (`extract_facts`, then one sense per
    document: a name a strong person rule found is a person where the document prints it
    again bare, facts/persons_document.py). Each list sorted as `extract_facts` sorts."""
    per = [extract_facts(p, doc_year=doc_year, context=context, stats=stats) for p in paragraphs]
    return add_document_repeats(paragraphs, per)
