"""The sections stage: the passes from a document's blocks to its heading tree, in order.

Each pass finds headings of one kind (numbered and bullets, subheads, run-in leads,
closings) with the rule that found them; the tree pass checks their sequences and nests
them. The stage runs once per document."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from ..model import DocumentSpan, Line
from ..passes import Pass, Stats, run_passes
from . import closings, leads, numbered, subheads, tree
from .state import LineText, SectionState

#: The whole stage, in order.
SECTION_PASSES: tuple[Pass, ...] = (
    numbered.find,
    subheads.find,
    leads.find,
    closings.find,
    tree.build,
)


_NUMBER, _TEXT = attrgetter("number"), attrgetter("text")


def line_text_of(lines: Sequence[Line]) -> LineText:
    """The raw text of a source line by its number (None for a number it does not have)."""
    by_number = dict(zip(map(_NUMBER, lines), map(_TEXT, lines), strict=True))
    return by_number.get


def run_sections(
    doc: DocumentSpan, *, line_text: LineText | None = None, stats: Stats | None = None
) -> DocumentSpan:
    """The document with its heading tree (`sections`, `block_section`, and the kind of
    the blocks that are headings); the given document is not changed."""
    state = run_passes(SECTION_PASSES, SectionState(doc, line_text), stats)
    return state.doc


def build_sections(
    doc: DocumentSpan, *, line_text: LineText | None = None, stats: Stats | None = None
) -> None:
    """Fill doc.sections and doc.block_section (and the kind of heading blocks) in place."""
    built = run_sections(doc, line_text=line_text, stats=stats)
    doc.blocks = built.blocks
    doc.sections = built.sections
    doc.block_section = built.block_section
