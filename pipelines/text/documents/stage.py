"""The documents stage: the passes from a source's blocks to its documents, in order."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Block, DocumentSpan
from ..passes import Pass, Stats, run_passes
from . import (
    banners,
    blocks,
    boundaries,
    bylines,
    dates,
    doc_type,
    labels,
    metadata,
    running_heads,
    signatures,
    starts,
    titles,
    toc,
)
from .state import DocumentState

#: The whole stage, in order.
DOCUMENT_PASSES: tuple[Pass, ...] = (
    toc.read_contents,
    labels.collect,
    bylines.rescue,
    blocks.keep_text,
    bylines.split_run_in,
    titles.split_contents_titles,
    titles.split_title_subtitle,
    titles.split_glued_titles,
    dates.source_date,
    starts.find,
    signatures.mark,
    boundaries.drop_mid_sentence,
    boundaries.boxed_notices,
    boundaries.chronicle_pages,
    boundaries.no_overlap,
    boundaries.cut,
    metadata.read,
    running_heads.set_aside,
    dates.fill,
    dates.print_lines,
    dates.infer,
    doc_type.classify,
    banners.set_aside,
)


@dataclass(frozen=True, slots=True)
class Documents:
    """What the documents stage gives back: the documents, and every block that stays out
    of them (the layout's removed blocks a pass did not give back to the text, and what
    the stage set aside itself), in raw-line order."""

    documents: list[DocumentSpan]
    removed: list[Block]
    set_aside: list[Block]  # what this stage set aside itself (part of `removed`)


def run_documents(
    source_blocks: list[Block], *, source_name: str = "", stats: Stats | None = None
) -> Documents:
    """Cut the blocks of one source into documents with their metadata and block kinds.
    The given blocks are not changed."""
    state = run_passes(DOCUMENT_PASSES, DocumentState(tuple(source_blocks)), stats)
    return Documents(list(state.documents or ()), state.removed(), list(state.set_aside))


def split_documents(
    source_blocks: list[Block], *, source_name: str, set_aside: list[Block]
) -> list[DocumentSpan]:
    """The documents of one source; what this stage sets aside (headings with no text
    under them) is appended to `set_aside`, for the caller to publish, so that nothing is
    lost. (`run_documents` also gives back the removed blocks the stage kept out.)"""
    found = run_documents(source_blocks, source_name=source_name)
    set_aside.extend(found.set_aside)
    return found.documents
