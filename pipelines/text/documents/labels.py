"""Labels of a source: the short lines it prints again and again (running rubrics), the
rubrics its contents page names, and where it prints a place label under a title."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..params import REPEATED_LABEL_MAX_CHARS
from ..passes import Counters, stage_pass
from ..patterns import BYLINE_ROLES, PLACE_OR_OFFICE_LABEL_RE
from .blocks import is_org_line
from .state import DocumentState, SourceLabels
from .text import cjk_count, flat, plain


@stage_pass("documents.labels.collect", requires=("blocks", "contents"), assigns=("labels",))
def collect(state: DocumentState, counters: Counters) -> DocumentState:
    """Short lines (at most 4 characters) that occur twice or more outside the contents
    (neither an organisation nor a byline role), and the contents' rubrics, are labels;
    the raw lines of place labels (`湖州市`) are kept, removed or not."""
    counts: Counter[str] = Counter()
    for block in state.blocks:
        if block.removed_kind == "toc" or block.md_level is not None:
            continue
        squeezed = flat(plain(block.text))
        if (
            len(squeezed) <= REPEATED_LABEL_MAX_CHARS
            and 1 <= cjk_count(squeezed) == len(squeezed)
            and not is_org_line(squeezed)
            and squeezed not in BYLINE_ROLES
        ):
            counts[squeezed] += 1
    repeated = {k for k, v in counts.items() if v >= 2}
    repeated |= {e.rubric for e in state.contents if e.rubric}
    places = sorted(
        b.line_start
        for b in state.blocks
        if len(squeezed := flat(b.text)) <= 10 and PLACE_OR_OFFICE_LABEL_RE.match(squeezed)
    )
    counters.add("labels", len(repeated))
    return replace(state, labels=SourceLabels(frozenset(repeated), tuple(places)))
