"""Page banners: a "document" of one to three short headings and nothing else."""

from __future__ import annotations

from dataclasses import replace

from ..model import Block, DocumentSpan
from ..params import BANNER_MAX_CJK, BANNER_MAX_HEADINGS
from ..passes import Counters, rule, stage_pass
from .state import DocumentState, copy_document
from .text import cjk_count

HEADINGS_ONLY = rule(
    "documents.banners.headings_only",
    "headings with no text under them (a page banner, or the heading of a "
    "contents list set aside as toc)",
    "page_furniture",
)


def _banner(doc: DocumentSpan) -> bool:
    return len(doc.blocks) <= BANNER_MAX_HEADINGS and all(
        b.kind == "heading" and cjk_count(b.text) <= BANNER_MAX_CJK for b in doc.blocks
    )


@stage_pass(
    "documents.banners.set_aside", requires=("documents",), assigns=("documents", "set_aside")
)
def set_aside(state: DocumentState, counters: Counters) -> DocumentState:
    """A "document" of one to three short headings and nothing else (`防控疫情` / `劳动者风采`
    at the foot of a newspaper page) is a page banner with no article under it: its blocks
    become removed page furniture, and the documents after it move up one ordinal."""
    docs = state.documents or ()
    kept: list[DocumentSpan] = []
    removed: list[Block] = []
    new_ordinal: dict[int, int] = {}
    for doc in docs:
        if _banner(doc) and not doc.continues and len(docs) > 1:
            found = HEADINGS_ONLY
            removed += [
                replace(
                    b,
                    kind="removed",
                    removed_kind=found.removed_kind,
                    reason=found.reason,
                    rule=found.id,
                )
                for b in doc.blocks
            ]
            continue
        new_ordinal[doc.ordinal] = len(kept) + 1
        kept.append(doc)
    out = []
    for doc in kept:
        if new_ordinal[doc.ordinal] != doc.ordinal or doc.continues:
            doc = copy_document(doc)
            doc.ordinal = new_ordinal[doc.ordinal]
            if doc.continues:
                doc.continues = new_ordinal.get(doc.continues)
        out.append(doc)
    return replace(state, documents=tuple(out), set_aside=state.set_aside + tuple(removed))
