"""Metadata printed outside the title block: a magazine title set inside its article (a
flattened page), a title the reflow glued into a paragraph, an office-and-name line or a
delivery subtitle after a preamble; and what the contents page confirms or corrects."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..params import LATE_METADATA_BLOCKS, LATE_SUBTITLE_BLOCKS, PLACE_LABEL_LINES
from ..passes import rule
from ..patterns import DELIVERED_RE, DOCUMENT_TITLE_RE, HAN, PLACE_OR_OFFICE_LABEL_RE
from .blocks import OFFICE_NAME_RE, is_subtitle, title_like
from .dates import take_delivered
from .names import split_names
from .text import clean_title, doubled, ends_sentence, flat, plain, remove_layout_spaces
from .toc import toc_key

if TYPE_CHECKING:
    from .metadata import Reader

CONTENTS_LINE = rule(
    "documents.title_search.contents_line",
    "the line that prints the title the contents page gives this byline's article",
)
INSIDE = rule(
    "documents.title_search.inside",
    "a magazine title printed inside its article (contents page, place label or caption)",
)
OFFICE_AND_NAME = rule(
    "documents.title_search.office_and_name",
    "an office and a name after the title block (`浙江省省长 王 浩`): the author",
)
LATE_SUBTITLE = rule("documents.title_search.late_subtitle", "a subtitle printed after a preamble")
DELIVERY_LINE = rule(
    "documents.title_search.delivery_line", "a delivery line (`…年…月…日在…会议上`) in the text"
)

_CITY_TAIL_RE = re.compile(rf"(?<=.{{6}})[{HAN}]{{2}}[市县区]$")


def find_title(reader: Reader, body_start: int) -> None:
    """A title glued into the text or printed inside it, late metadata, and the contents
    page's word on the title."""
    doc = reader.doc
    if doc.title is None and doc.authors:
        _title_glued(reader)
    if doc.title is None:
        _title_inside(reader, body_start)
    _late_metadata(reader, body_start)
    _strip_glued_label(reader)
    _confirm_with_contents(reader)


def _title_glued(reader: Reader) -> None:
    """The reflow glued the title inside a paragraph: take it when the contents page gives
    this byline's article a title that the article's own text prints."""
    doc = reader.doc
    text = "".join(flat(b.text) for b in doc.blocks)
    for entry in reader.contents:
        if entry.authors and _same_names(entry.authors, doc.authors) and entry.key in text:
            doc.title = entry.title
            for k, block in enumerate(doc.blocks):
                if toc_key(block.text) == entry.key:
                    reader.mark(k, "heading", CONTENTS_LINE)  # the title on a line of its own
            return


def _candidates(reader: Reader, start: int) -> list[int]:
    """Title-like blocks of the text that may be a title printed inside it."""
    blocks = reader.doc.blocks
    cands = []
    for k in range(start, len(blocks)):
        b = blocks[k]
        if not title_like(b) or reader.label(k):
            continue
        if PLACE_OR_OFFICE_LABEL_RE.match(flat(b.text)) or OFFICE_NAME_RE.match(b.text.strip()):
            continue
        prev = plain(blocks[k - 1].text) if k > 0 else ""
        if prev[:1] in "●◆▲" and not ends_sentence(prev) and len(prev) <= 20:
            continue  # second line of a bullet sub-heading
        cands.append(k)
    return cands


def _title_inside(reader: Reader, start: int) -> None:
    """A magazine title printed in the middle of its article (flattened page layout):
    one the contents page lists; for a bylined article one over a place label or a photo
    caption; else one worded like a document or printed in doubled art."""
    doc, blocks = reader.doc, reader.doc.blocks
    cands = _candidates(reader, start)
    if not cands:
        return
    among = set(cands)
    chosen: list[int] | None = None
    for k in cands:  # confirmed by the contents page (one line, or two joined)
        if reader.contents.find(blocks[k].text):
            chosen = [k]
            break
        if k + 1 in among and reader.contents.find(blocks[k].text + "\n" + blocks[k + 1].text):
            chosen = [k, k + 1]
            break
    if chosen is None and doc.authors:
        for k in _over_labels(reader, cands) or _over_captions(reader, cands):
            two = k - 1 in among and not ends_sentence(blocks[k - 1].text)
            chosen = [k - 1, k] if two else [k]
            break
    if chosen is None:
        for k in cands:
            if DOCUMENT_TITLE_RE.search(clean_title(blocks[k].text)) or doubled(blocks[k].text):
                chosen = [k]
                break
    if chosen is None:
        return
    for k in chosen:
        reader.mark(k, "heading", INSIDE)
    doc.title = clean_title("\n".join(doc.blocks[k].text for k in chosen))


def _over_labels(reader: Reader, cands: list[int]) -> list[int]:
    """Candidates with a place label (`湖州市`) under them, removed or not."""
    blocks = reader.doc.blocks
    return [
        k
        for k in cands
        if any(PLACE_OR_OFFICE_LABEL_RE.match(flat(x.text)) for x in blocks[k + 1 : k + 4])
        or reader.labels.place_after(blocks[k].line_end, PLACE_LABEL_LINES)
    ]


def _over_captions(reader: Reader, cands: list[int]) -> list[int]:
    blocks = reader.doc.blocks
    return [k for k in cands if any(x.kind == "caption" for x in blocks[k + 1 : k + 3])]


def _late_metadata(reader: Reader, start: int) -> None:
    """Office + name lines (`浙江省省长 王 浩`), delivery lines, subtitles inside the text."""
    doc = reader.doc
    for k in range(start, min(len(doc.blocks), start + LATE_METADATA_BLOCKS)):
        b = doc.blocks[k]
        text = b.text.strip()
        m = OFFICE_NAME_RE.match(text)
        if m and not doc.authors:
            doc.authors = split_names(m.group(2))
            doc.author_roles = [m.group(1)] * len(doc.authors)
            reader.mark(k, "byline", OFFICE_AND_NAME)
            continue
        squeezed = flat(text)
        if (
            doc.subtitle is None
            and k < start + LATE_SUBTITLE_BLOCKS
            and is_subtitle(b)
            and b.kind in {"body", "heading"}
        ):
            doc.subtitle = remove_layout_spaces(text)
            reader.mark(k, "heading", LATE_SUBTITLE)
            take_delivered(doc, squeezed)
            continue
        if DELIVERED_RE.match(squeezed) and doc.publish_date is None:
            take_delivered(doc, squeezed)
            reader.mark(k, "heading", DELIVERY_LINE)


def _strip_glued_label(reader: Reader) -> None:
    """A place or rubric label the reflow glued to a magazine title (`…答卷金华职业技术学院`,
    `…美好生活政治`): drop it when the contents page or the label's form says so."""
    doc, contents = reader.doc, reader.contents
    if not doc.title or contents.find(doc.title):
        return
    key = toc_key(doc.title) if contents else ""
    labels = {e.label for e in contents if e.label} | {e.rubric for e in contents if e.rubric}
    for entry in contents:
        rest = key[len(entry.key) :] if key.startswith(entry.key) else None
        if rest and (rest in labels or (entry.authors and _same_names(entry.authors, doc.authors))):
            doc.title = entry.title  # the contents page names this byline's title
            return
    if doc.authors:
        m = _CITY_TAIL_RE.search(doc.title)
        if m:
            doc.title = doc.title[: m.start()].rstrip()


def _confirm_with_contents(reader: Reader) -> None:
    """Use the contents page where it confirms what the pages print."""
    doc = reader.doc
    entry = reader.contents.find(doc.title)
    if entry is None:
        return
    if toc_key(entry.title) == toc_key(doc.title or "") and flat(entry.title) == flat(
        doc.title or ""
    ):
        doc.title = entry.title  # same words: take the contents page's spacing
    if entry.authors and doc.authors and _same_names(entry.authors, doc.authors):
        doc.authors = list(entry.authors) if len(entry.authors) == len(doc.authors) else doc.authors
    if entry.rubric and doc.rubric is None:
        # the article is identified by a title its pages print; its rubric label is
        # printed beside it on most pages, not always: then the contents page says it
        doc.rubric = entry.rubric
    if (
        entry.subtitle
        and doc.subtitle is None
        and any(flat(b.text) == flat(entry.subtitle) for b in doc.blocks)
    ):
        doc.subtitle = entry.subtitle


def _same_names(a: list[str], b: list[str]) -> bool:
    return "".join(a) == "".join(b)
