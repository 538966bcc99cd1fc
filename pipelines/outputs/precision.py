"""Precision of each fact extractor on the hand-written fixtures, for the card and its figure.

The fixtures (`tests/fixtures/facts/*.yaml`, read by `pipelines.evaluation.facts`) list every
fact of the types a clause is annotated for. An extracted fact of an annotated type is right
when an expected fact has its type and span. Grouping by the `extractor` id published on every
fact row (`date.absolute`, `person.byline`…) tells a user how far to trust each kind of row.
The held-out fixtures (`*blind*.yaml`, annotated before the extractors ran on them) are
counted apart. Without the fixtures (an installed package) there is nothing to measure: None.
"""

from collections import defaultdict
from dataclasses import dataclass

from ..text.facts import extract_facts
from ..text.model import FACT_TYPES


@dataclass(frozen=True)
class ExtractorPrecision:
    extractor: str
    predicted: int  # facts extracted of an annotated type
    right: int  # of which an expected fact has the same type and span
    blind_predicted: int  # the same, on the held-out fixtures only
    blind_right: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0


def extractor_precision() -> list[ExtractorPrecision] | None:
    """Per extractor id, sorted by id; None when the fixtures are not there."""
    from ..evaluation.facts import FIXTURES_DIR

    if not FIXTURES_DIR.is_dir() or not any(FIXTURES_DIR.glob("*.yaml")):
        return None
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for case in _cases():
        blind = "blind" in case["fixture"]
        for extractor, right in _judged(case):
            row = counts[extractor]
            row[0] += 1
            row[1] += right
            if blind:
                row[2] += 1
                row[3] += right
    return [ExtractorPrecision(name, *counts[name]) for name in sorted(counts)]


@dataclass(frozen=True)
class HeldOutFigures:
    """Precision and recall per fact type on one group of held-out texts (annotated by hand
    before the extractors ran on them): `development` texts have since been read to find
    categories of error, `blind` ones never."""

    group: str
    sources: tuple[str, ...]
    per_type: dict[str, dict]  # type -> expected, predicted, precision, recall
    precision: float | None
    recall: float | None


def heldout_figures() -> list[HeldOutFigures] | None:
    """The held-out groups of `make eval`, measured again; None without the fixtures."""
    from ..evaluation.facts import FIXTURES_DIR, HELDOUT_GROUPS, evaluate, load_cases

    if not (FIXTURES_DIR / "heldout").is_dir():
        return None
    out = []
    for group, files in HELDOUT_GROUPS:
        result = evaluate(files)
        sources = tuple(sorted({c["source"] for c in load_cases(files)}))
        out.append(
            HeldOutFigures(group, sources, result["per_type"], result["precision"], result["recall"])
        )
    return out


def _cases() -> list[dict]:
    from ..evaluation.facts import load_cases

    return [c for c in load_cases() if c["kind"] == "cases"]


def _judged(case: dict) -> list[tuple[str, bool]]:
    """(extractor, right) for each fact extracted from the case's clause."""
    from ..evaluation.facts import locate

    context = case["context"]
    types = set(case.get("types") or FACT_TYPES)
    expected = set()
    for fact in case.get("facts") or []:
        span = locate(context, fact["text"], fact.get("occurrence", 1))
        if span is not None:
            expected.add((fact["type"], *span))
    return [
        (f.extractor, (f.type, f.start, f.end) in expected)
        for f in extract_facts(context, doc_year=case.get("doc_year"))
        if f.type in types
    ]
