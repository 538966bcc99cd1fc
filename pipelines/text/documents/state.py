"""The state the documents passes hand on, explicit from input to output: the layout's
blocks, what the source says about itself (contents page, labels, date), the kept blocks
as the passes re-cut them, where documents start, the documents, what was set aside.

Every field is given to, or made by, a pass that declares it; no pass changes the state or
the blocks it was given: it returns a new state, with new blocks where it changed one."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..model import Block, DocumentSpan
from .toc import Contents


@dataclass(frozen=True, slots=True)
class SourceLabels:
    """What the source prints as labels rather than text.

    `repeated`: short lines printed again and again (`本期关注`, `领导要论`) and the
    rubrics of the contents page; `place_lines`: the raw lines of place labels (`湖州市`)
    printed under a title, removed or not, in order."""

    repeated: frozenset[str] = frozenset()
    place_lines: tuple[int, ...] = ()

    def place_after(self, line: int, within: int) -> bool:
        """Is a place label printed on one of the `within` raw lines after `line`?"""
        k = bisect_right(self.place_lines, line)
        return k < len(self.place_lines) and self.place_lines[k] <= line + within


@dataclass(frozen=True, slots=True)
class Start:
    """A block that opens a document, and the rule that says so."""

    index: int  # into the kept blocks
    rule: str


@dataclass(frozen=True, slots=True)
class DocumentState:
    """What the documents passes read and write (None: not made yet)."""

    blocks: tuple[Block, ...]  # the layout's blocks, removed ones included
    contents: Contents = field(default_factory=Contents)
    labels: SourceLabels = field(default_factory=SourceLabels)
    source_date: date | None = None  # the date the source prints for itself (its header)
    reference_date: date | None = None  # the latest full date it prints (relative dates)
    kept: tuple[Block, ...] | None = None  # the blocks that stay, as the passes cut them
    signatures: tuple[tuple[int, str], ...] = ()  # (kept index, rule) of signature blocks
    starts: tuple[Start, ...] = ()
    resumed: frozenset[int] = frozenset()  # kept indices where an interrupted article resumes
    documents: tuple[DocumentSpan, ...] | None = None
    set_aside: tuple[Block, ...] = ()  # what this stage sets aside

    def units(self) -> tuple[Any, ...]:
        """The current blocks: the layout's, then the kept ones, then the documents'."""
        if self.documents is not None:
            return tuple(b for doc in self.documents for b in doc.blocks) + self.set_aside
        if self.kept is not None:
            return self.kept + self.set_aside
        return self.blocks

    def removed(self) -> list[Block]:
        """Every block that stays out of the documents, in raw-line order."""
        out = [b for b in self.blocks if b.removed] + list(self.set_aside)
        return sorted(out, key=lambda b: b.line_start)


def copy_document(doc: DocumentSpan) -> DocumentSpan:
    """A document a pass may change: its own lists (the blocks stay shared until replaced)."""
    return replace(
        doc,
        blocks=list(doc.blocks),
        authors=list(doc.authors),
        author_roles=list(doc.author_roles),
        sections=list(doc.sections),
        block_section=list(doc.block_section),
    )
