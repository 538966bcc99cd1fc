"""Dates of documents, each from the document itself: a date line under its title (printed
in full: `2020年1月30日`, `二〇一八年一月二日`, `2020-11-03`), its delivery line
(`——2024年1月23日在…会议上`), its signature, a news dateline (`新华社北京1月30日电`), or the
print line of the file it closes (`中共绍兴市委办公室 2020年7月17日印发`); else the source's
own date, marked as inferred (`date_inferred`, `date_source` = `source`).

The source's own date is a date the file prints for itself (a markdown header's ISO date),
else the latest date its documents print as their own: the file is no older than that.
A date in the running text of another document (a chronicle's entry, `3月16日…`) is no
date of the file: a plan printed before that chronicle does not get it. That latest date
printed anywhere stays the reference date of relative expressions (`今年`, `1月30日`)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..model import Block, DocumentSpan
from ..params import DATE_MAX_YEAR, DATE_MIN_YEAR, DATELINE_BLOCKS
from ..passes import Counters, rule, stage_pass
from ..patterns import (
    CN_DATE_RE,
    DELIVERED_RE,
    FULL_DATE_RE,
    ISO_DATE_RE,
    NEWS_DATELINE_RE,
    PRINT_LINE_RE,
    TODAY_DATE_RE,
)
from .state import DocumentState, copy_document

SIGNATURE_DATE = rule("documents.dates.signature", "the date of the document's signature")
DATELINE = rule("documents.dates.dateline", "the date of a news dateline (`新华社北京1月30日电`)")
SOURCE_DATE = rule(
    "documents.dates.source", "no date of its own: the source's date, marked as inferred"
)
PRINT_LINE_DATE = rule(
    "documents.dates.print_line",
    "the date of the print line (`…2020年7月17日印发`) of the file the document closes",
)

#: `documents.date_source` values (model.DATE_SOURCES).
PRINTED, DELIVERY, SIGNATURE, PRINT_LINE, SOURCE = (
    "printed",
    "delivery",
    "signature",
    "print_line",
    "source",
)


#: Chinese digits of a written-out date.
CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def to_int(digits: str) -> int:
    return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _cn_small(num: str) -> int:
    if num == "十":
        return 10
    if num.startswith("十"):
        return 10 + CN_DIGITS[num[1]]
    if num.endswith("十"):
        return CN_DIGITS[num[0]] * 10
    if "十" in num:
        a, b = num.split("十")
        return CN_DIGITS[a] * 10 + CN_DIGITS[b]
    return CN_DIGITS[num]


def full_dates(text: str) -> list[date]:
    """Every complete date printed in text (`2020年1月30日`, `2020-11-03`, `二〇一八年一月二日`)."""
    found = []
    if "年" not in text and "-" not in text:
        return found  # (no date pattern can match: each needs one or the other)
    squeezed = text.replace(" ", "") if "年" in text else ""
    for m in FULL_DATE_RE.finditer(squeezed):
        d = safe_date(to_int(m.group(1)), to_int(m.group(2)), to_int(m.group(3)))
        if d:
            found.append(d)
    for m in ISO_DATE_RE.finditer(text) if "-" in text else ():
        d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append(d)
    for m in CN_DATE_RE.finditer(squeezed):
        try:
            y = int("".join(str(CN_DIGITS[c]) for c in m.group(1)))
            d = safe_date(y, _cn_small(m.group(2)), _cn_small(m.group(3)))
        except KeyError:
            d = None
        if d:
            found.append(d)
    return [d for d in found if DATE_MIN_YEAR <= d.year <= DATE_MAX_YEAR]


def take_delivered(doc: DocumentSpan, squeezed: str) -> None:
    """A delivery subtitle gives the document's date as printed (not inferred)."""
    d = DELIVERED_RE.match(squeezed)
    if d and (doc.publish_date is None or doc.date_inferred):
        found = safe_date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
        if found:
            doc.publish_date, doc.date_inferred, doc.date_source = found, False, DELIVERY


#: A news item's opening that names its agency (where `今天（…）` dates the item).
NEWS_AGENCY_RE = re.compile(r"^\s*(?:新华社|中新社|人民网|央视网消息)")

_ISO_IN_HEADER = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def header_date_of(blocks: tuple[Block, ...]) -> date | None:
    """The date a file prints for itself: an ISO date in its markdown header."""
    for b in blocks[:5]:
        if b.md_level == 1:
            m = _ISO_IN_HEADER.search(b.text)
            if m:
                return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def source_date_of(blocks: tuple[Block, ...]) -> date | None:
    """The reference date of a source: its header's date, else the latest full date it
    prints anywhere (for relative expressions, never a document's own date)."""
    header = header_date_of(blocks)
    if header is not None:
        return header
    found: list[date] = []
    for b in blocks:
        found.extend(full_dates(b.text))
    return max(found) if found else None


@stage_pass(
    "documents.dates.source_date", requires=("blocks",), assigns=("source_date", "reference_date")
)
def source_date(state: DocumentState, counters: Counters) -> DocumentState:
    """The source's own date (a markdown header's ISO date), and its reference date for
    relative expressions (that date, else the latest full date it prints)."""
    header = header_date_of(state.blocks)
    return replace(state, source_date=header, reference_date=source_date_of(state.blocks))


def _own_date(doc: DocumentSpan, year_of: date | None) -> str | None:
    """Fill the document's date from its signature or dateline (or a news lead dating
    itself `今天（11月3日）`, with its agency's name or as the document's first paragraph:
    `中国和尼加拉瓜今天（12月10日）在天津签署…`): the rule that gave it (None when none
    is found). A dateline
    without its year takes the source's year and stays marked as inferred."""
    for b in reversed(doc.blocks):
        if b.kind == "signature":
            d = full_dates(b.text)
            if d:
                doc.publish_date, doc.date_source = d[0], SIGNATURE
                return SIGNATURE_DATE.id
    lead = next((b for b in doc.blocks if b.kind == "body"), None)
    for b in doc.blocks[:DATELINE_BLOCKS]:
        m = NEWS_DATELINE_RE.match(b.text) or (
            TODAY_DATE_RE.match(b.text) if b is lead or NEWS_AGENCY_RE.match(b.text) else None
        )
        if m:
            year = to_int(m.group(1)) if m.group(1) else (year_of.year if year_of else None)
            if year:
                doc.publish_date = safe_date(year, to_int(m.group(2)), to_int(m.group(3)))
                doc.date_inferred = m.group(1) is None
                doc.date_source = PRINTED
            if doc.publish_date is not None:
                return DATELINE.id
            break
    return None


@stage_pass(
    "documents.dates.fill",
    requires=("documents", "source_date", "reference_date"),
    assigns=("documents",),
)
def fill(state: DocumentState, counters: Counters) -> DocumentState:
    """Each document's own date: from its title block (read with the metadata), its
    signature or its dateline; the reference date of its relative expressions."""
    docs: list[DocumentSpan] = []
    year_of = state.source_date or state.reference_date
    for doc in state.documents or ():
        doc = copy_document(doc)
        doc.reference_date = doc.publish_date or state.reference_date
        if doc.publish_date is None and not doc.continues:
            found = _own_date(doc, year_of)
            if found:
                counters.add(found)
                doc.reference_date = doc.publish_date
        docs.append(doc)
    return replace(state, documents=tuple(docs))


def _print_lines(state: DocumentState) -> list[tuple[int, date]]:
    """(raw line, date) of the print lines the layout set aside (`…2020年7月17日印发`)."""
    out = []
    for b in state.blocks:
        if b.removed and PRINT_LINE_RE.search(b.text.strip()):
            found = full_dates(b.text)
            if found:
                out.append((b.line_start, found[-1]))
    return out


@stage_pass("documents.dates.print_lines", requires=("documents", "blocks"), assigns=("documents",))
def print_lines(state: DocumentState, counters: Counters) -> DocumentState:
    """The print line of a circular (`中共绍兴市委办公室 2020年7月17日印发`) dates the
    documents it closes: those before it with no date of their own, back to the previous
    print line or dated document."""
    docs = list(state.documents or ())
    start = 0
    for line, printed in _print_lines(state):
        closed = [k for k in range(start, len(docs)) if docs[k].line_start < line]
        for k in reversed(closed):
            if docs[k].publish_date is not None:
                break
            doc = copy_document(docs[k])
            doc.publish_date, doc.date_inferred, doc.date_source = printed, False, PRINT_LINE
            doc.reference_date = printed
            docs[k] = doc
            counters.add(PRINT_LINE_DATE.id)
        start = max(start, closed[-1] + 1) if closed else start
    return replace(state, documents=tuple(docs))


def _own_dates(docs: list[DocumentSpan]) -> list[date]:
    return [d.publish_date for d in docs if d.publish_date and not d.date_inferred]


@stage_pass("documents.dates.infer", requires=("documents", "source_date"), assigns=("documents",))
def infer(state: DocumentState, counters: Counters) -> DocumentState:
    """A document with no date of its own gets the source's (its header's date, else the
    latest date its documents print as their own), marked as inferred; the rest of an
    interrupted article has the article's date."""
    docs = list(state.documents or ())
    own = _own_dates(docs)
    source = state.source_date or (max(own) if own else None)
    out: list[DocumentSpan] = []
    for doc in docs:
        first = out[doc.continues - 1] if doc.continues else None
        if first is not None:
            doc = copy_document(doc)
            doc.publish_date, doc.date_inferred = first.publish_date, first.date_inferred
            doc.date_source, doc.reference_date = first.date_source, first.reference_date
        elif doc.publish_date is None and source is not None:
            doc = copy_document(doc)
            doc.publish_date, doc.date_inferred, doc.date_source = source, True, SOURCE
            counters.add(SOURCE_DATE.id)
        out.append(doc)
    return replace(state, documents=tuple(out))
