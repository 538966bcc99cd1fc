"""Typed, normalised fact extraction from one paragraph (pure Python, no Dagster).

`extract_facts(text, doc_year=...)` runs the facts stage, `FACT_PASSES` (facts/stage.py, listed
in the README's passes section), on a digit-folded copy of the paragraph (same length, so
offsets hold) and returns `Fact`s whose `text` is exactly `text[start:end]`, sorted by (start,
end, type). The extractor passes come first, one per family (dates, percents, amounts,
meetings, formulas, cited documents, organisations, persons, places, each with its
conventions and confidences in its module's docstring); the filter passes of facts/filters.py
then resolve overlaps within a type and drop facts nested in another (in a title, an
organisation, a formula, a column title, a quoted theme). `stats=` counts what each pass
added or dropped. `extract_document_facts` reads a document's paragraphs at once (one sense
per document for persons, facts/persons_document.py). `tagger=` (off by default) adds the names a
pretrained tagger finds that no rule fact overlaps (facts/tagged.py, the optional `lac` extra)."""

from __future__ import annotations

from pipelines.text.model import Fact

from ..passes import Stats, run_passes
from ._common import fold
from .context import DocContext
from .persons_document import add_document_repeats
from .stage import FACT_PASSES, FactState
from .tagged import Tagger, with_tagger

__all__ = ["DocContext", "Fact", "extract_document_facts", "extract_facts"]


def extract_facts(
    text: str,
    *,
    doc_year: int | None = None,
    context: DocContext | None = None,
    stats: Stats | None = None,
    tagger: Tagger | None = None,
) -> list[Fact]:
    """All typed facts of one paragraph, sorted by (start, end, type): the passes of
    `FACT_PASSES` (facts/stage.py) in order, their counters added to `stats` when given.

    `context`: what the document says of itself (its place, from its title and issuer), to
    resolve bare 省委/市委 and places of the same name; without it nothing is resolved.
    `tagger`: a tagger's (word, tag) pairs (facts/tagged.py, `configured_tagger()`); None (the
    default) runs the rules alone."""
    if not text:
        return []
    state = FactState(text, fold(text), doc_year, context)
    passes = FACT_PASSES if tagger is None else with_tagger(FACT_PASSES, tagger)
    return list(run_passes(passes, state, stats).facts)


def extract_document_facts(
    paragraphs: list[str],
    *,
    doc_year: int | None = None,
    context: DocContext | None = None,
    stats: Stats | None = None,
    tagger: Tagger | None = None,
) -> list[list[Fact]]:
    """The facts of each paragraph of one document (`extract_facts`, then one sense per
    document: a name a strong person rule found is a person where the document prints it
    again bare, facts/persons_document.py). Each list sorted as `extract_facts` sorts."""
    per = [
        extract_facts(p, doc_year=doc_year, context=context, stats=stats, tagger=tagger)
        for p in paragraphs
    ]
    return add_document_repeats(paragraphs, per)
