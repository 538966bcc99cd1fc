"""Signatures: the issuing organisation and date that close a notice (`中共某某市委` /
`2020年1月30日`). A signature closes its document: the next block opens another.

The start scanner (`starts.py`) finds them as it goes (a signature decides where the next
document starts); `mark` then gives those blocks their kind.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Block
from ..passes import Counters, rule, stage_pass
from .blocks import is_date_line, is_org_line
from .state import DocumentState

ORG_AND_DATE = rule(
    "documents.signatures.org_and_date",
    "an organisation line after the text, followed by a date line or a heading: a signature",
)
LAST_ORG_LINE = rule(
    "documents.signatures.last_org_line",
    "an organisation line after the text, last in the source: a signature",
)
DATE_AFTER_ORG = rule(
    "documents.signatures.date_after_org",
    "a date line right after an organisation line that follows the text: a signature",
)


def org_then_date(kept: tuple[Block, ...], i: int, text: str, body_seen: bool) -> bool:
    """Is `text` an organisation line after the text whose next block (`i + 1`) is a
    date line or a heading (`中共某某市委` / `2020年1月30日`)?"""
    n = len(kept)
    return (
        i + 1 < n
        and not is_date_line(kept[i].text)
        and is_org_line(text)
        and body_seen
        and (i + 1 == n or is_date_line(kept[i + 1].text) or kept[i + 1].md_level is not None)
    )


@stage_pass("documents.signatures.mark", requires=("kept", "signatures"), assigns=("kept",))
def mark(state: DocumentState, counters: Counters) -> DocumentState:
    """The blocks the start scanner found to be signatures get the kind `signature`."""
    kept = list(state.kept or ())
    for k, rule_id in state.signatures:
        kept[k] = replace(kept[k], kind="signature", rule=rule_id)
    return replace(state, kept=tuple(kept))
