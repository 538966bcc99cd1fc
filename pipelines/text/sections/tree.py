"""The heading tree of a document, from the headings the passes found.

Levels are decided per document by how schemes nest: the first scheme met is level 1, a
scheme first met inside it is one deeper, and a scheme keeps its level for the rest of
the document; a number must continue its sequence (`numbering.plausible`). Run-in leads
(`一是`…) nest one level under the section they are printed in; nothing nests under a
lead or a closing. A closing (`各位委员、同志们，…`) is kept where it ends a list: it is
placed under the part it closes (the one the next heading would close), or at the top
when nothing follows; it takes the paragraphs up to the next heading.

An enumeration item (`一是`, `第一，`, `首先`) takes the paragraphs up to the next item of
its list; the last item takes its own paragraph only: what follows the list belongs to
the section it is printed in again (`…九是…。` / `同时，我们也清醒看到…`). A `——` lead of a
magazine section takes the paragraphs up to the next heading."""

from __future__ import annotations

from dataclasses import replace

from ..documents.state import copy_document
from ..model import Block, DocumentSpan, SectionSpan
from ..passes import Counters, stage_pass
from .numbering import completed_title, plausible
from .state import Head, SectionState

#: Run-in schemes whose last item takes its own paragraph only.
_LIST_SCHEMES = frozenset({"enumeration", "ordinal", "sequence"})


class _Tree:
    """Builds the sections of one document in block order."""

    def __init__(self, state: SectionState) -> None:
        self.blocks: list[Block] = list(state.blocks)
        self.heads = state.heads
        self.at = {h.index: h for h in state.heads}
        self.extra = {j: h.index for h in state.heads for j in h.extra}
        self.sections: list[SectionSpan] = []
        self.block_section: list[int | None] = [None] * len(self.blocks)
        self.levels: dict[str, int] = {}
        self.last_number: dict[str, int] = {}
        self.stack: list[int] = []
        self.kept: list[Head] = []

    def top(self) -> SectionSpan | None:
        return self.sections[self.stack[-1]] if self.stack else None

    def run(self) -> None:
        for k in range(len(self.blocks)):
            head = self.at.get(k)
            placed = False
            if k in self.extra:
                placed = True  # a heading's second line: in the heading's section
            elif head is not None and head.kind == "closing":
                placed = self._closing(head)
            elif head is not None:
                placed = self._heading(head)
            if not placed or self.block_section[k] is None:
                self.block_section[k] = self.stack[-1] if self.stack else None
        self._end_lists()

    def _pop_while(self, kinds: set[str]) -> None:
        while self.stack and self.sections[self.stack[-1]].kind in kinds:
            self.stack.pop()

    def _heading(self, head: Head) -> bool:
        if head.kind == "runin":
            self._pop_while({"runin", "closing"})
            top = self.top()
            level = top.level + 1 if top else 1
        else:
            if not plausible(
                head.scheme, head.number, head.standalone, self.levels, self.last_number
            ):
                return False
            self._pop_while({"runin", "closing"})
            level = self._scheme_level(head.scheme)
        self._add(head, level)
        return True

    def _scheme_level(self, scheme: str) -> int:
        """The level of a numbering scheme; the sections at or under it close, and the
        counters of deeper schemes restart under the new parent."""
        if scheme not in self.levels:
            top = self.top()
            self.levels[scheme] = top.level + 1 if top else 1
        level = self.levels[scheme]
        while self.stack and self.sections[self.stack[-1]].level >= level:
            self.stack.pop()
        for other, lvl in self.levels.items():
            if lvl > level:
                self.last_number.pop(other, None)
        return level

    def _closing(self, head: Head) -> bool:
        """Keep a closing where it ends a list, under the part it closes."""
        top = self.top()
        if top is None or top.kind == "closing":
            return False
        after = self._next_level(head.index)
        if after is not None:
            if after == 0 or top.level <= after:
                return False  # the list goes on after it: text of the last item
            while self.stack and self.sections[self.stack[-1]].level > after:
                self.stack.pop()
        elif not self._list_cut_after_first():
            self.stack.clear()
        else:
            del self.stack[1:]  # under the only part printed
        parent = self.top()
        self._add(head, parent.level + 1 if parent else 1)
        return True

    def _list_cut_after_first(self) -> bool:
        """The document's top list stops at its first item (`一、` and no `二、`): the text
        was cut (a scraped page 1 of a report), so a closing at its end closes that part,
        not the document (`各位代表！` after `一、2008年工作回顾`'s last item)."""
        top_scheme = next((s for s, lvl in self.levels.items() if lvl == 1), None)
        return (
            top_scheme is not None
            and bool(self.stack)
            and self.last_number.get(top_scheme) == 1
            and self.sections[self.stack[0]].kind == "numbered"
        )

    def _next_level(self, k: int) -> int | None:
        """The level of the next heading after block k: 0 when a numbered list of a new
        scheme follows (the address only leads into it: `各位代表，…今年继续实施十方面民生
        实事` / `1.医疗卫生。…`); None when nothing follows but what a closing may be
        followed by (a glossary's subhead `注释`)."""
        for head in self.heads:
            if head.index > k and head.kind not in {"runin", "closing"}:
                if head.scheme in self.levels:
                    return self.levels[head.scheme]
                return 0 if head.kind == "numbered" else None
        return None

    def _add(self, head: Head, level: int) -> None:
        k = head.index
        block = self.blocks[k]
        title = head.title
        if head.standalone and not head.extra and head.kind != "subhead":
            following = self.blocks[k + 1].text if k + 1 < len(self.blocks) else None
            title = completed_title(title, following)
        self.sections.append(
            SectionSpan(
                ordinal=len(self.sections) + 1,
                level=level,
                label=head.label,
                title=title,
                line_start=block.line_start,
                parent=self.stack[-1] if self.stack else None,
                block_index=k,
                kind=head.kind,
                rule=head.rule,
            )
        )
        index = len(self.sections) - 1
        self.stack.append(index)
        if head.number is not None and head.kind != "runin":
            self.last_number[head.scheme] = head.number
        if head.standalone and block.kind != "heading":
            self.blocks[k] = replace(block, kind="heading")
        self.block_section[k] = index
        self.kept.append(head)

    def _end_lists(self) -> None:
        """The last item of an enumeration takes its own paragraph only."""
        schemes = {h.index: h.scheme for h in self.kept}
        for n, section in enumerate(self.sections):
            if section.kind != "runin" or schemes[section.block_index] not in _LIST_SCHEMES:
                continue
            nxt = self.sections[n + 1] if n + 1 < len(self.sections) else None
            same_list = (
                nxt is not None
                and nxt.kind == "runin"
                and nxt.parent == section.parent
                and schemes[nxt.block_index] == schemes[section.block_index]
            )
            if same_list:
                continue
            end = nxt.block_index if nxt is not None else len(self.blocks)
            for j in range(section.block_index + 1, end):
                if self.block_section[j] == n:
                    self.block_section[j] = section.parent


@stage_pass("sections.tree.build", requires=("doc", "heads"), assigns=("doc", "heads"))
def build(state: SectionState, counters: Counters) -> SectionState:
    """The heading tree: levels from how schemes nest, numbers in sequence, run-in leads
    under the section they are printed in, closings under the part they close; every
    paragraph points to its innermost section."""
    tree = _Tree(state)
    tree.run()
    doc: DocumentSpan = copy_document(state.doc)
    doc.blocks = tree.blocks
    doc.sections = tree.sections
    doc.block_section = tree.block_section
    for section in tree.sections:
        counters.add(f"kind:{section.kind}")
    return SectionState(doc, state.line_text, tuple(tree.kept))
