"""The person facts of one paragraph as facts/persons.py collects them: added left to right by
its rules in order, none overlapping another (`free`), a title printed before a name found
already joining its span (`widen`: 省长|习近平同志)."""

from __future__ import annotations

from dataclasses import replace

from pipelines.text.model import Fact


class Found:
    """The person facts of one paragraph, added left to right without overlap."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Fact] = []

    def free(self, s: int, e: int) -> bool:
        return all(e <= f.start or s >= f.end for f in self.out)

    def widen(self, s: int, e: int, new_start: int) -> None:
        """Start the fact found at s:e at `new_start` (a title printed before it)."""
        for i, f in enumerate(self.out):
            if (f.start, f.end) == (s, e) and self.free(new_start, s):
                self.out[i] = replace(f, start=new_start, text=self.text[new_start:e])

    def add(self, s: int, e: int, name: str, kind: str, conf: float, role: str | None) -> None:
        self.out.append(
            Fact(
                type="person",
                start=s,
                end=e,
                text=self.text[s:e],
                normalized=name,
                extractor=kind,
                confidence=conf,
                qualifier=role,
            )
        )
