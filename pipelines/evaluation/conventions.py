"""Annotation consistency of the fact fixtures: one string, one decision.

The fixtures are annotated by hand, one text at a time. When one annotator marks 中国 as a
place seventeen times and the convention written in the other texts' headers says "中国 is no
place", the blind figures measure the annotators' drift, not the extractors: round 17's place
recall of 0.364 was mostly that. This module finds such drift without running any extractor,
so a new blind text can be checked before it is measured:

- **unmarked**: a string marked as an entity in one case and printed as a word of its own,
  outside every marked span, in another case annotated for the same type (`中国` a place in one
  text, bare in forty others);
- **two types**: a string marked as one entity type in one case and another type in another
  (`欧盟` an organisation here, a place there);
- **misplaced**: a fact located inside a longer marked span while the same string stands bare
  later in the line: the fixture most likely lacks `occurrence:` (央视 found inside 央视网).

An occurrence counts as bare only where the segmenter cuts a word at both its ends, so 中国 in
中国人 or 浙江 in 浙江大学 is not one. Numbers and dates are left out: their strings repeat
with different senses. `python -m pipelines.evaluation.conventions` prints the conflicts;
`ACCEPTED` lists the few that are context, not drift, each with its reason.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipelines.evaluation.facts import FIXTURES_DIR, load_cases, locate
from pipelines.yaml_text import safe_load

#: The types whose strings name one thing wherever they stand.
ENTITY_TYPES = ("organization", "person", "place", "meeting", "formula", "cited_document")
#: Conflicts judged context, not drift: each with its reason (a YAML list of type, text, why).
ACCEPTED_FILE = FIXTURES_DIR / "conventions" / "accepted.yaml"


@dataclass
class Conflict:
    """One string annotated two ways across the fixtures."""

    kind: str  # "unmarked" or "two types"
    type: str
    text: str
    marked: dict[str, int] = field(default_factory=dict)  # fixture -> times marked
    other: dict[str, int] = field(default_factory=dict)  # fixture -> times bare / other type
    example: str = ""

    def line(self) -> str:
        marked = ", ".join(f"{k} x{v}" for k, v in sorted(self.marked.items()))
        other = ", ".join(f"{k} x{v}" for k, v in sorted(self.other.items()))
        return f"{self.kind:9} {self.type:14} {self.text!r}: marked in {marked}; {self.kind} in {other}"


def case_spans(case: dict[str, Any]) -> list[tuple[str, int, int]]:
    """The (type, start, end) of each fact a case marks, located in its context."""
    spans = []
    for fact in case.get("facts") or []:
        span = locate(case["context"], fact["text"], fact.get("occurrence", 1))
        if span is not None:
            spans.append((fact["type"], *span))
    return spans


@lru_cache(maxsize=4096)
def word_edges(context: str) -> frozenset[int]:
    """The offsets where the segmenter starts or ends a word in `context`."""
    from pipelines.text.segment import get_segmenter

    segmenter = get_segmenter()
    edges = {0}
    pos = 0
    for token in segmenter.tokenizer.lcut(context, HMM=segmenter.hmm):  # whitespace kept
        pos += len(token)
        edges.add(pos)
    return frozenset(edges)


#: Titles, column heads and quotations: nothing inside them is marked unless it is the whole
#: quoted text (《论坚持推动构建人类命运共同体》 is a book, not the formula; “高质量发展” is one).
_ENCLOSED = re.compile(r"《[^》]*》|【[^】]*】|〈[^〉]*〉|“[^”]*”")


def enclosed(context: str) -> list[tuple[int, int]]:
    """The inner spans of the titles, column heads and quotations of `context`."""
    return [(m.start() + 1, m.end() - 1) for m in _ENCLOSED.finditer(context)]


def _demonym(context: str, end: int) -> bool:
    """Whether 人 after a name makes it a word for people (俄罗斯人, 中国共产党人), not 人民/人大."""
    return context[end : end + 1] == "人" and context[end : end + 2] not in ("人民", "人大")


def bare_occurrences(context: str, text: str, spans: list[tuple[str, int, int]]) -> list[int]:
    """Where `text` stands in `context` as a word of its own outside every marked span."""
    edges = word_edges(context)
    quoted = [(s, e) for s, e in enclosed(context) if e - s != len(text)]
    found, pos = [], context.find(text)
    while pos >= 0:
        end = pos + len(text)
        inside = any(s <= pos and end <= e for _, s, e in spans) or any(
            s <= pos and end <= e for s, e in quoted
        )
        if not inside and pos in edges and end in edges and not _demonym(context, end):
            found.append(pos)
        pos = context.find(text, pos + 1)
    return found


def _annotated_types(case: dict[str, Any]) -> set[str]:
    return set(case.get("types") or ENTITY_TYPES)


def find_conflicts(pattern: str | tuple[str, ...] = ("*.yaml", "heldout/*.yaml")) -> list[Conflict]:
    """Every string of an entity type marked in one case and bare, or another type, elsewhere."""
    cases = [c for c in load_cases(pattern) if c["kind"] == "cases"]
    marked: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    spans_of = [case_spans(c) for c in cases]
    for case, spans in zip(cases, spans_of, strict=True):
        for type_, start, end in spans:
            if type_ in ENTITY_TYPES:
                marked[(type_, case["context"][start:end])][case["fixture"]] += 1
    conflicts = _two_types(marked) + _misplaced(cases, spans_of)
    for (type_, text), where in sorted(marked.items()):
        bare: dict[str, int] = defaultdict(int)
        example = ""
        for case, spans in zip(cases, spans_of, strict=True):
            if type_ not in _annotated_types(case) or text not in case["context"]:
                continue
            found = bare_occurrences(case["context"], text, spans)
            if found:
                bare[case["fixture"]] += len(found)
                start = max(0, found[0] - 20)
                example = example or case["context"][start : found[0] + len(text) + 20]
        if bare:
            conflicts.append(Conflict("unmarked", type_, text, dict(where), dict(bare), example))
    return conflicts


def _two_types(marked: dict[tuple[str, str], dict[str, int]]) -> list[Conflict]:
    by_text: dict[str, list[str]] = defaultdict(list)
    for type_, text in marked:
        by_text[text].append(type_)
    out = []
    for text, types in sorted(by_text.items()):
        for other in sorted(types)[1:]:
            first = sorted(types)[0]
            out.append(
                Conflict("two types", first, text, marked[(first, text)], marked[(other, text)])
            )
    return out


def _misplaced(
    cases: list[dict[str, Any]], spans_of: list[list[tuple[str, int, int]]]
) -> list[Conflict]:
    """Facts located inside a longer marked span while the same string stands bare later in
    the case: the fixture most likely lacks `occurrence:` (央视 found inside 央视网, the
    marked 央视 of 央视记者 further on)."""
    out = []
    for case, spans in zip(cases, spans_of, strict=True):
        ctx = case["context"]
        for type_, start, end in spans:
            if type_ not in ENTITY_TYPES:
                continue
            nested = any(s <= start and end <= e and e - s > end - start for _, s, e in spans)
            later = [p for p in bare_occurrences(ctx, ctx[start:end], spans) if p > start]
            if nested and later:
                where = {case["fixture"]: 1}
                example = ctx[max(0, start - 20) : later[0] + end - start + 20]
                out.append(Conflict("misplaced", type_, ctx[start:end], where, where, example))
    return out


def load_accepted(path: Path = ACCEPTED_FILE) -> dict[tuple[str, str, str], str]:
    """The accepted conflicts: (kind, type, text) -> the reason it is context, not drift."""
    if not path.exists():
        return {}
    rows = safe_load(path.read_text(encoding="utf-8")) or []
    return {(r["kind"], r["type"], r["text"]): r["why"] for r in rows}


def open_conflicts() -> list[Conflict]:
    """The conflicts no accepted entry explains."""
    accepted = load_accepted()
    return [c for c in find_conflicts() if (c.kind, c.type, c.text) not in accepted]


def main() -> None:
    conflicts = open_conflicts()
    for c in conflicts:
        print(c.line())
        if "-v" in sys.argv and c.example:
            print(f"    e.g. {c.example}")
    print(f"{len(conflicts)} open conflicts ({len(load_accepted())} accepted)")


if __name__ == "__main__":
    main()
