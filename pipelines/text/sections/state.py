"""The state the sections passes hand on, for one document: its blocks, the headings found
so far (each with its kind and the rule that found it), and at the end the heading tree.

The passes find headings of one kind each (numbered, subheads, run-in leads, closings);
the last one (`tree.build`) checks their sequences and nests them. No pass changes the
document it was given: the tree pass returns a new one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Block, DocumentSpan

#: The raw text of a source line by its number (for a heading glued to its paragraph).
LineText = Callable[[int], str | None]


@dataclass(frozen=True, slots=True)
class Head:
    """A heading found in a document: the block it opens, its kind and numbering scheme,
    its label and title as printed, and the rule that found it."""

    index: int  # the block (in DocumentSpan.blocks) the heading opens
    kind: str  # one of model.SECTION_KINDS
    scheme: str  # numbering scheme: cn, paren_cn, … md2, bullet, subhead, enumeration, …
    label: str
    title: str
    rule: str
    number: int | None = None
    standalone: bool = False  # the block is the heading itself (it becomes kind `heading`)
    extra: tuple[int, ...] = ()  # further blocks of the heading (its next printed line)


@dataclass(frozen=True, slots=True)
class SectionState:
    """What the sections passes read and write, for one document."""

    doc: DocumentSpan
    line_text: LineText | None = None
    heads: tuple[Head, ...] = ()

    def units(self) -> tuple[Any, ...]:
        """The headings found so far (what the passes make, and count)."""
        return self.heads

    @property
    def blocks(self) -> list[Block]:
        return self.doc.blocks

    @property
    def body_start(self) -> int:
        """The first body paragraph: the heading, byline and note blocks before it are the
        document's title block, never sections. A document with no title (a fragment, a
        chronicle's page opening on its month `1 月`) has no title block."""
        if self.doc.title is None:
            return 0
        for k, block in enumerate(self.doc.blocks):
            if block.kind in {"body", "quote"}:
                return k
        return len(self.doc.blocks)

    def claimed(self) -> set[int]:
        """Blocks a heading found so far opens or holds."""
        return {k for h in self.heads for k in (h.index, *h.extra)}

    def with_heads(self, found: list[Head]) -> SectionState:
        """The state with more headings, all in block order."""
        heads = sorted((*self.heads, *found), key=lambda h: h.index)
        return SectionState(self.doc, self.line_text, tuple(heads))
