"""Running heads printed in the middle of an article: a magazine prints at the top of its
pages the rubric (`经济`, `本期关注`), the article's own title (`标准化创新发展的先行探索`,
its OCR overlay read twice: `…先行探索先行探索`) and the place the article comes from
(`杭州市`). In the text layer they fall between two paragraphs of the article, often in
the middle of a sentence that runs on across them. They are page furniture, not headings.

A heading line after the article's first paragraph is a running head when it repeats
what the source prints elsewhere as a label or a title:

* a rubric: a label of the source (a short line it prints again and again, a rubric of
  its contents page) or the article's own rubric, with the article's text going on after;
* the article's title (one line or two, read once or twice by the OCR), where the source
  prints that title elsewhere (its contents page), or with the place label under it that
  a feature prints on each page, or inside a paragraph whose sentence runs on across it;
* a place label (`湖州市`) printed under such a title.

A title block that was only moved (`政府工作报告` with its delivery line and byline, after
the report's first page) repeats nothing and stays."""

from __future__ import annotations

from dataclasses import replace

from ..model import Block, DocumentSpan
from ..params import RUNNING_HEAD_PLACE_BLOCKS, RUNNING_HEAD_TITLE_MAX_CHARS
from ..passes import Counters, rule, stage_pass
from ..patterns import PLACE_OR_OFFICE_LABEL_RE
from .state import DocumentState, copy_document
from .text import flat, plain, undouble
from .toc import Contents

RUBRIC = rule(
    "documents.running_heads.rubric",
    "a rubric label of the source printed again inside an article (a running head)",
    "page_furniture",
)
TITLE = rule(
    "documents.running_heads.title",
    "the article's own title printed again inside it (a running head)",
    "page_furniture",
)
PLACE = rule(
    "documents.running_heads.place",
    "the place label printed with the article's title at the top of its pages (a running head)",
    "page_furniture",
)

_TEXT = {"body", "quote"}


def _key(text: str) -> str:
    return undouble(flat(plain(text)))


def _first_text(doc: DocumentSpan) -> int | None:
    return next((k for k, b in enumerate(doc.blocks) if b.kind in _TEXT), None)


def _text_after(doc: DocumentSpan, k: int) -> bool:
    return any(b.kind in _TEXT for b in doc.blocks[k + 1 :])


def _inside_paragraph(doc: DocumentSpan, k: int) -> bool:
    """The paragraph before block k runs on across it (its raw lines span the head)."""
    prev = next((b for b in reversed(doc.blocks[:k]) if b.kind in _TEXT), None)
    return prev is not None and prev.line_end > doc.blocks[k].line_start


def _place_under(doc: DocumentSpan, k: int) -> int | None:
    """A place label among the few blocks under block k (captions and heads between)."""
    for j in range(k + 1, min(len(doc.blocks), k + 1 + RUNNING_HEAD_PLACE_BLOCKS)):
        block = doc.blocks[j]
        if block.kind in _TEXT:
            return None
        if block.kind == "heading" and PLACE_OR_OFFICE_LABEL_RE.match(flat(block.text)):
            return j
    return None


def _title_lines(doc: DocumentSpan, k: int) -> list[int]:
    """Block k, or k and k+1, spelling the document's title."""
    if not doc.title:
        return []
    title = _key(doc.title)
    if _key(doc.blocks[k].text) == title:
        return [k]
    nxt = doc.blocks[k + 1] if k + 1 < len(doc.blocks) else None
    two = nxt is not None and nxt.kind == "heading"
    return [k, k + 1] if two and _key(doc.blocks[k].text) + _key(nxt.text) == title else []


def running_heads(doc: DocumentSpan, labels: set[str], contents: Contents) -> dict[int, str]:
    """The blocks of a document that are running heads, with the rule of each."""
    first = _first_text(doc)
    found: dict[int, str] = {}
    if first is None:
        return found
    own = labels | ({_key(doc.rubric)} if doc.rubric else set())
    for k in range(first + 1, len(doc.blocks)):
        block = doc.blocks[k]
        if k in found or block.kind != "heading":
            continue
        key = _key(block.text)
        if not key or len(key) > RUNNING_HEAD_TITLE_MAX_CHARS:
            continue
        if key in own and _text_after(doc, k):
            found[k] = RUBRIC.id
            continue
        lines = _title_lines(doc, k)
        if not lines:
            continue
        place = _place_under(doc, lines[-1])
        if place is None and not contents.find(doc.title) and not _inside_paragraph(doc, k):
            continue
        found.update(dict.fromkeys(lines, TITLE.id))
        if place is not None:
            found[place] = PLACE.id
    return found


def _furniture(block: Block, rule_id: str) -> Block:
    found = {r.id: r for r in (RUBRIC, TITLE, PLACE)}[rule_id]
    return replace(
        block, kind="removed", removed_kind=found.removed_kind, reason=found.reason, rule=found.id
    )


@stage_pass(
    "documents.running_heads.set_aside",
    requires=("documents", "labels", "contents"),
    assigns=("documents", "set_aside"),
)
def set_aside(state: DocumentState, counters: Counters) -> DocumentState:
    """Running heads inside an article (its rubric, its own title, the place label under
    it, printed again at the top of its pages) are page furniture, set aside."""
    labels = {_key(label) for label in state.labels.repeated}
    labels |= {_key(e.rubric) for e in state.contents if e.rubric}
    docs: list[DocumentSpan] = []
    removed: list[Block] = []
    for doc in state.documents or ():
        found = running_heads(doc, labels, state.contents)
        if found:
            doc = copy_document(doc)
            removed += [_furniture(doc.blocks[k], rule_id) for k, rule_id in found.items()]
            doc.blocks = [b for k, b in enumerate(doc.blocks) if k not in found]
        docs.append(doc)
    set_aside = state.set_aside + tuple(removed)
    return replace(state, documents=tuple(docs), set_aside=set_aside)
