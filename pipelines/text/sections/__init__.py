"""Sections: a document's heading tree, from its numbered headings (`一、` `（一）` `1．`),
markdown headings, ● bullets, unnumbered subheads, run-in leads (`一是…`, `第一，…`,
`首先…`, `——` leads) and its closing part (`各位代表、同志们…`), each with its kind."""

from .numbering import cn_to_int, parse_heading
from .stage import SECTION_PASSES, build_sections, line_text_of, run_sections

__all__ = [
    "SECTION_PASSES",
    "build_sections",
    "cn_to_int",
    "line_text_of",
    "parse_heading",
    "run_sections",
]
