"""The rows of one document: its sections, paragraphs, sentences (cut once), facts and
keywords, shaped as the contract's tables, with IDs from the source id and positions.

The sentences of a paragraph are cut once (tokens and POS tags); the paragraph's tokens are
their concatenation and the keywords are ranked on the same tokens
(`keywords.keywords_from_tokens`), so no text is segmented twice. The facts are read per
document (`facts.extract_document_facts`: a name found with a title in one paragraph is a
person where another paragraph prints it bare), then written per paragraph.
"""

import bisect
import hashlib
from time import perf_counter
from typing import TYPE_CHECKING

from .model import Block, DocumentSpan, Fact, Line
from .script import simplified_form

if TYPE_CHECKING:
    from .tables import SourceTables, Timings


def document_rows(
    out: "SourceTables", sid: str, doc: DocumentSpan, locate: "Locator", timings: "Timings"
) -> None:
    """Append the rows of one document to `out`; time "sentences", "segment", "facts" and
    "keywords" into `timings`."""
    from .keywords import document_stream, keywords_from_tokens

    doc_id = f"{sid}-{doc.ordinal:03d}"
    section_ids = _section_rows(out, doc_id, doc)
    anchor = doc.publish_date or doc.reference_date  # what `今年`, `1月30日` are read against
    year = anchor.year if anchor else None
    context = _context(doc)
    texts = []
    paragraph_cuts = []
    paragraph_starts = []
    for ordinal, block in enumerate(doc.blocks, start=1):
        para_id = f"{doc_id}-p{ordinal:04d}"
        texts.append(block.text)
        cuts, starts = _sentence_rows(out, doc_id, para_id, block.text, timings)
        paragraph_cuts.append(cuts)
        paragraph_starts.append((para_id, starts))
        section = doc.block_section[ordinal - 1] if doc.block_section else None
        section_id = section_ids[section] if section is not None else None
        tokens = [token for sentence_tokens, _ in cuts for token in sentence_tokens]
        _paragraph_row(out, sid, doc_id, para_id, ordinal, section_id, block, locate, tokens)
    started = perf_counter()
    _fact_rows(out, doc_id, texts, paragraph_starts, year, context)
    timings.lap("facts", started)
    doc_text = "\n".join(texts)
    _document_row(out, sid, doc_id, doc, doc_text)
    started = perf_counter()
    ranked = keywords_from_tokens(*document_stream(paragraph_cuts))
    timings.lap("keywords", started)
    for method, words in _keywords_by_method(ranked).items():
        for rank, (word, weight) in enumerate(words, start=1):
            out.tables["keywords"].append(
                {"doc_id": doc_id, "method": method, "rank": rank, "word": word, "weight": weight}
            )


def _context(doc: DocumentSpan) -> object:
    """What the fact extractors may know of the document (its own place, for 省委/市委)."""
    from .facts import DocContext

    return DocContext.from_texts(doc.title, doc.subtitle, doc.issuer)


def _section_rows(out: "SourceTables", doc_id: str, doc: DocumentSpan) -> list[str]:
    section_ids = [f"{doc_id}-s{s.ordinal:03d}" for s in doc.sections]
    for s, section_id in zip(doc.sections, section_ids, strict=True):
        out.tables["sections"].append(
            {
                "section_id": section_id,
                "doc_id": doc_id,
                "parent_id": section_ids[s.parent] if s.parent is not None else None,
                "level": s.level,
                "ordinal": s.ordinal,
                "label": s.label,
                "title": s.title,
                "line_start": s.line_start,
                "kind": s.kind,
            }
        )
    return section_ids


def _sentence_rows(
    out: "SourceTables", doc_id: str, para_id: str, text: str, timings: "Timings"
) -> tuple[list[tuple[list[str], list[str]]], list[tuple[int, str]]]:
    """Sentence rows of one paragraph, each sentence cut once. Returns the (tokens, tags) of
    each sentence (for the paragraph's tokens and the keywords) and (start, sent_id) pairs."""
    from .segment import get_segmenter
    from .sentences import split_sentences

    started = perf_counter()
    spans = split_sentences(text)
    started = timings.lap("sentences", started)
    cut = get_segmenter().cut  # built on first use: its setup is counted as segmentation
    cuts = [cut(text[start:end]) for start, end in spans]
    timings.lap("segment", started)
    starts = []
    rows = out.tables["sentences"]
    for k, ((start, end), (tokens, pos)) in enumerate(zip(spans, cuts, strict=True), start=1):
        sent_id = f"{para_id}-s{k:03d}"
        starts.append((start, sent_id))
        rows.append(
            {
                "sent_id": sent_id,
                "para_id": para_id,
                "doc_id": doc_id,
                "ordinal": k,
                "text": text[start:end],
                "start": start,
                "end": end,
                "char_count": end - start,
                "tokens": tokens,
                "pos": pos,
            }
        )
    return cuts, starts


def _paragraph_row(
    out: "SourceTables",
    sid: str,
    doc_id: str,
    para_id: str,
    ordinal: int,
    section_id: str | None,
    block: Block,
    locate: "Locator",
    tokens: list[str],
) -> None:
    text = block.text
    char_start, char_end = locate(block)
    out.tables["paragraphs"].append(
        {
            "para_id": para_id,
            "doc_id": doc_id,
            "source_id": sid,
            "section_id": section_id,
            "ordinal": ordinal,
            "kind": block.kind,
            "text": text,
            "char_count": len(text),
            "line_start": block.line_start,
            "line_end": block.line_end,
            "char_start": char_start,
            "char_end": char_end,
            "text_simplified": simplified_form(text),
            "text_md5": hashlib.md5(text.encode("utf-8")).hexdigest(),
            "tokens": tokens,
            "near_dup_of": None,  # corpus-wide: pipelines/text/near_dup_pairs.py
        }
    )


def _fact_rows(
    out: "SourceTables",
    doc_id: str,
    texts: list[str],
    paragraphs: list[tuple[str, list[tuple[int, str]]]],
    year: int | None,
    context: object = None,
) -> None:
    """The fact rows of a document's paragraphs (para_id and sentence starts each), read as
    one document (`extract_document_facts`: a name found with a title in one paragraph is a
    person where another prints it bare). A paragraph's own facts keep the ids a paragraph read
    alone gives them (`-f001`… in their order); the document's additions come after them."""
    from .facts import extract_document_facts
    from .facts.persons_document import EXTRACTOR
    from .facts.tagged import configured_tagger

    tagger = configured_tagger(out.facts_tagger)  # "" (the default): the rules alone
    per = extract_document_facts(texts, doc_year=year, context=context, tagger=tagger)
    for (para_id, starts), facts in zip(paragraphs, per, strict=True):
        own = [f for f in facts if f.extractor != EXTRACTOR]
        added = [f for f in facts if f.extractor == EXTRACTOR]
        for k, fact in enumerate(own + added, start=1):
            out.tables["facts"].append(
                _fact_row(fact, f"{para_id}-f{k:03d}", doc_id, para_id, starts)
            )


def _fact_row(
    fact: Fact, fact_id: str, doc_id: str, para_id: str, starts: list[tuple[int, str]]
) -> dict[str, object]:
    return {
        "fact_id": fact_id,
        "doc_id": doc_id,
        "para_id": para_id,
        "sent_id": _sentence_at(starts, fact.start),
        "type": fact.type,
        "text": fact.text,
        "start": fact.start,
        "end": fact.end,
        "value_num": fact.value_num,
        "unit": fact.unit,
        "value_date": fact.value_date,
        "normalized": fact.normalized,
        "qualifier": fact.qualifier,
        "direction": fact.direction,
        "canonical": fact.canonical,
        "division_code": fact.division_code,
        "cited_doc_id": None,  # corpus-wide: pipelines/text/links.py
        "extractor": fact.extractor,
        "confidence": float(fact.confidence),
    }


def _document_row(out: "SourceTables", sid: str, doc_id: str, doc: DocumentSpan, text: str) -> None:
    out.tables["documents"].append(
        {
            "doc_id": doc_id,
            "source_id": sid,
            "file_name": out.file_name,
            "ordinal": doc.ordinal,
            "title": doc.title,
            "subtitle": doc.subtitle,
            "authors": list(doc.authors),
            "author_roles": list(doc.author_roles),
            "issuer": doc.issuer,
            "rubric": doc.rubric,
            "doc_type": doc.doc_type,
            "publish_date": doc.publish_date,
            "date_inferred": bool(doc.date_inferred),
            "date_source": doc.date_source,
            "line_start": doc.line_start,
            "line_end": doc.line_end,
            "char_count": len(text),
            "paragraph_count": len(doc.blocks),
            "start_rule": doc.start_rule or "",
            "continues_doc_id": f"{sid}-{doc.continues:03d}" if doc.continues else None,
            "text": text,
        }
    )


def _keywords_by_method(
    ranked: list[tuple[str, float, str]],
) -> dict[str, list[tuple[str, float]]]:
    grouped: dict[str, list[tuple[str, float]]] = {}
    for word, weight, method in ranked:
        grouped.setdefault(method, []).append((word, weight))
    return grouped


def _sentence_at(starts: list[tuple[int, str]], offset: int) -> str | None:
    """The id of the last sentence starting at or before offset (starts are in order)."""
    i = bisect.bisect_right(starts, offset, key=lambda item: item[0])
    return starts[i - 1][1] if i else None


class Locator:
    """Character offsets of a block in the normalised source text (lines joined by \\n)."""

    def __init__(self, lines: list[Line]) -> None:
        self.text_of = {line.number: line.text for line in lines}
        self.offset_of: dict[int, int] = {}
        offset = 0
        for line in lines:
            self.offset_of[line.number] = offset
            offset += len(line.text) + 1

    def __call__(self, block: Block) -> tuple[int, int]:
        first = self.text_of.get(block.line_start, "")
        last = self.text_of.get(block.line_end, "")
        head = block.text[:1]
        tail = block.text[-1:]
        start_in_line = first.find(head) if head else -1
        if start_in_line < 0:
            start_in_line = len(first) - len(first.lstrip())
        end_in_line = last.rfind(tail) + 1 if tail and tail in last else len(last)
        return (
            self.offset_of.get(block.line_start, 0) + start_in_line,
            self.offset_of.get(block.line_end, 0) + end_in_line,
        )
