"""Multi-line rules of layout recovery: regions of furniture found from context.

Each region pass looks at a run of lines (tables of contents, sponsor lists, pull-quote
boxes, vertical headings, running heads, captions over two lines, web toolbars) and marks
the items it claims; a shared `group` (the first line's number) makes several lines one
block. `REGION_PASSES` is their order: later regions see what earlier ones claimed.
"""

from ...passes import Pass
from . import captions, chrome, furniture, pull_quotes, toc

#: The region passes, in the order they run.
REGION_PASSES: tuple[Pass, ...] = (
    captions.doubled_captions,
    chrome.toolbars,
    chrome.page_lines,
    chrome.metadata_lists,
    furniture.vertical_headings,
    toc.contents,
    toc.inline_contents,
    furniture.sponsor_lists,
    furniture.spaced_rubrics,
    pull_quotes.boxes,
    furniture.running_heads,
    captions.credit_captions,
    captions.multiline_captions,
)

__all__ = ["REGION_PASSES"]
