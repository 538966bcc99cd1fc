"""Tables of contents: what a magazine's contents page says about its articles.

The contents page is removed text, but it names titles, authors, rubrics and pages. We
only use it to *confirm* what the article pages themselves print (a title line or a
byline found in the text), never as the only source of a document's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Block
from ..passes import Counters, stage_pass
from ..patterns import HAN
from .names import split_names
from .text import clean_title, remove_layout_spaces

if TYPE_CHECKING:
    from .state import DocumentState

# `26 湖州市：深学细悟见实效 实干争先促发展/张志炜`, `46 为勇当先行者谱写新篇章汇聚强大合力`
_ENTRY_RE = re.compile(r"^\s*(\d{1,3})\s+(?:([^：:/]{2,12})[：:])?(.+?)\s*(?:[/／]\s*(.+))?$")
_AUTHORS_RE = re.compile(r"^\s*[/／]\s*(?:本刊记者\s*)?(.+)$")
_RUBRIC_RE = re.compile(
    r"^\s*(?:>>|》》|【)?\s*([^\d\s/／：:，。]{1,3}(?:\s?[^\d\s/／：:，。]){0,7})\s*】?$"
)
_HAN_RE = re.compile(f"[{HAN}]")


@dataclass
class TocEntry:
    page: int
    title: str  # as printed, layout spaces removed
    key: str  # title without any whitespace, for matching
    label: str | None = None  # `湖州市` before the colon
    authors: list[str] = field(default_factory=list)
    rubric: str | None = None
    subtitle: str | None = None


def toc_key(text: str) -> str:
    """Matching key of a title: no whitespace, no doubled art, no quotes variance."""
    return re.sub(r"\s+", "", clean_title(text))


def parse_toc(blocks: list[Block]) -> list[TocEntry]:
    """Entries of every removed `toc` block, in order, with the rubric they sit under."""
    entries: list[TocEntry] = []
    rubric: str | None = None
    for block in blocks:
        if block.removed_kind != "toc":
            continue
        for raw in block.text.splitlines():
            line = raw.strip()
            if not line:
                continue
            m = _ENTRY_RE.match(line)
            if m and _HAN_RE.search(m.group(3)):
                title = remove_layout_spaces(m.group(3))
                entry = TocEntry(
                    page=int(m.group(1)),
                    title=title,
                    key=toc_key(title),
                    label=m.group(2),
                    authors=split_names(m.group(4)) if m.group(4) else [],
                    rubric=rubric,
                )
                entries.append(entry)
                continue
            if entries and line.startswith("——"):
                entries[-1].subtitle = remove_layout_spaces(line)
                continue
            a = _AUTHORS_RE.match(line)
            if a and entries and not entries[-1].authors:
                entries[-1].authors = split_names(a.group(1))
                continue
            r = _RUBRIC_RE.match(line)
            if r:
                rubric = remove_layout_spaces(r.group(1)).replace(" ", "")
    return entries


class Contents:
    """The contents page of a source: its entries in order, and each entry by its key."""

    def __init__(self, entries: list[TocEntry] | None = None) -> None:
        self.entries = list(entries or [])
        self.index: dict[str, int] = {}  # key -> the first entry with it
        for k, entry in enumerate(self.entries):
            self.index.setdefault(entry.key, k)
        self.longest = max((len(e.key) for e in self.entries), default=0)
        self.first_chars = frozenset(e.key[0] for e in self.entries if e.key)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def find(self, title: str | None) -> TocEntry | None:
        """The contents entry whose title is this one (ignoring spacing and OCR doubling)."""
        if not title or not self.index:
            return None  # (most sources have no contents page: no key to work out)
        k = self.index.get(toc_key(title))
        return None if k is None else self.entries[k]


@stage_pass("documents.toc.read_contents", requires=("blocks",), assigns=("contents",))
def read_contents(state: DocumentState, counters: Counters) -> DocumentState:
    """The entries of the source's contents page (its removed `toc` blocks)."""
    entries = parse_toc([b for b in state.blocks if b.removed])
    counters.add("entries", len(entries))
    return replace(state, contents=Contents(entries))
