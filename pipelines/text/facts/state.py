"""The state the facts passes hand on, for one paragraph: its text, its digit-folded copy
(same length, so offsets hold), the document's year and context, and the facts found so far.

Extractor passes add facts (`FactState.adding`); filter passes keep some (`FactState.keeping`).
No pass changes the state it was given: each returns a new one, or the same one when it
found or dropped nothing."""

from __future__ import annotations

from collections.abc import Sequence
from operator import is_
from typing import NamedTuple

from ..model import Fact
from .context import DocContext

#: A state made from its five values, without the named tuple's `__new__` (a Python function).
_new = tuple.__new__


class FactState(NamedTuple):
    """What the facts passes read and write, for one paragraph. Frozen, and a named tuple
    rather than a dataclass: a paragraph's passes make several states, and a tuple is made
    three times faster than a frozen dataclass (the stage runs once per paragraph)."""

    text: str
    folded: str
    doc_year: int | None = None
    context: DocContext | None = None
    facts: tuple[Fact, ...] = ()

    def units(self) -> tuple[Fact, ...]:
        """The facts found so far (what the passes make, and count)."""
        return self.facts

    def adding(self, found: Sequence[Fact]) -> FactState:
        """This state with `found` after its facts (the same state when nothing is found)."""
        if not found:
            return self
        text, folded, doc_year, context, facts = self
        return _new(FactState, (text, folded, doc_year, context, facts + tuple(found)))

    def keeping(self, kept: Sequence[Fact]) -> FactState:
        """This state with `kept` as its facts (the same state when they are its facts)."""
        if kept is self.facts or (len(kept) == len(self.facts) and all(map(is_, kept, self.facts))):
            return self
        text, folded, doc_year, context, _ = self
        return _new(FactState, (text, folded, doc_year, context, tuple(kept)))
