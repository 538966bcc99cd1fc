"""Dates of documents: printed in full (`2020年1月30日`, `二〇一八年一月二日`, `2020-11-03`),
in a delivery subtitle, a signature or a dateline; else the source's own date, inferred."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..model import Block, DocumentSpan
from ..params import DATE_MAX_YEAR, DATE_MIN_YEAR, DATELINE_BLOCKS
from ..passes import Counters, rule, stage_pass
from ..patterns import CN_DATE_RE, DELIVERED_RE, FULL_DATE_RE, ISO_DATE_RE, NEWS_DATELINE_RE
from .state import DocumentState, copy_document

SIGNATURE_DATE = rule("documents.dates.signature", "the date of the document's signature")
DATELINE = rule("documents.dates.dateline", "the date of a news dateline (`新华社北京1月30日电`)")
SOURCE_DATE = rule(
    "documents.dates.source", "no date of its own: the source's date, marked as inferred"
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
    squeezed = text.replace(" ", "")
    for m in FULL_DATE_RE.finditer(squeezed):
        d = safe_date(to_int(m.group(1)), to_int(m.group(2)), to_int(m.group(3)))
        if d:
            found.append(d)
    for m in ISO_DATE_RE.finditer(text):
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
            doc.publish_date, doc.date_inferred = found, False


_ISO_IN_HEADER = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def source_date_of(blocks: tuple[Block, ...]) -> date | None:
    """The source's own date: an ISO date in a markdown header, else the latest full date."""
    for b in blocks[:5]:
        if b.md_level == 1:
            m = _ISO_IN_HEADER.search(b.text)
            if m:
                return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found: list[date] = []
    for b in blocks:
        found.extend(full_dates(b.text))
    return max(found) if found else None


@stage_pass("documents.dates.source_date", requires=("blocks",), assigns=("source_date",))
def source_date(state: DocumentState, counters: Counters) -> DocumentState:
    """The source's own date (a markdown header's ISO date, else its latest full date)."""
    return replace(state, source_date=source_date_of(state.blocks))


def _own_date(doc: DocumentSpan, source: date | None) -> str | None:
    """Fill the document's date from its signature or dateline, else the source's: the
    rule that gave it (None when the document had one already, or none is found)."""
    for b in reversed(doc.blocks):
        if b.kind == "signature":
            d = full_dates(b.text)
            if d:
                doc.publish_date = d[0]
                return SIGNATURE_DATE.id
    for b in doc.blocks[:DATELINE_BLOCKS]:
        m = NEWS_DATELINE_RE.match(b.text)
        if m:
            year = to_int(m.group(1)) if m.group(1) else (source.year if source else None)
            if year:
                doc.publish_date = safe_date(year, to_int(m.group(2)), to_int(m.group(3)))
                doc.date_inferred = m.group(1) is None
            if doc.publish_date is not None:
                return DATELINE.id
            break
    if source is not None:
        doc.publish_date = source
        doc.date_inferred = True
        return SOURCE_DATE.id
    return None


@stage_pass("documents.dates.fill", requires=("documents", "source_date"), assigns=("documents",))
def fill(state: DocumentState, counters: Counters) -> DocumentState:
    """Each document's own date (title block, signature, dateline), else the source's; the
    rest of an interrupted article has the article's date."""
    docs: list[DocumentSpan] = []
    for doc in state.documents or ():
        doc = copy_document(doc)
        first = docs[doc.continues - 1] if doc.continues else None
        if first is not None:
            doc.publish_date, doc.date_inferred = first.publish_date, first.date_inferred
        elif doc.publish_date is None:
            found = _own_date(doc, state.source_date)
            if found:
                counters.add(found)
        docs.append(doc)
    return replace(state, documents=tuple(docs))
