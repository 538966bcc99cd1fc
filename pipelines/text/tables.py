"""Run the text stages over one source file and shape the result as rows of the contract.

This is the whole per-source pipeline as a plain function: decode -> normalise -> layout ->
documents -> sections -> sentences/tokens -> facts -> keywords. Dagster calls it once per
partition (source file); tests call it directly. IDs are derived from the file name and
positions only, so a rebuild gives the same IDs.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import Block, DocumentSpan, Line
from .normalize import SourceError, load_lines
from .script import simplified_form

Rows = list[dict[str, Any]]

#: Tables produced per source, in order.
SOURCE_TABLES = (
    "sources",
    "documents",
    "sections",
    "paragraphs",
    "sentences",
    "facts",
    "removed",
    "keywords",
)


def source_id_for(file_name: str) -> str:
    return hashlib.sha256(file_name.encode("utf-8")).hexdigest()[:16]


@dataclass
class SourceTables:
    """Rows of every per-source table for one file (all empty but `sources` if rejected)."""

    file_name: str
    tables: dict[str, Rows] = field(default_factory=lambda: {t: [] for t in SOURCE_TABLES})
    #: per-pass counters of the text stages (pass id -> counter -> count), see `text.passes`
    stats: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def source(self) -> dict[str, Any]:
        return self.tables["sources"][0]

    @property
    def rejected(self) -> bool:
        return self.source["status"] == "rejected"


def build_source_tables(file_name: str, data: bytes) -> SourceTables:
    """All rows for one source. A file that cannot be ingested gives a `rejected` source
    row naming the problem, and no other rows (never a half-ingested file)."""
    out = SourceTables(file_name)
    source = {
        "source_id": source_id_for(file_name),
        "file_name": file_name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "encoding": None,
        "line_count": 0,
        "char_count": 0,
        "status": "ok",
        "error": None,
        "document_count": 0,
        "paragraph_count": 0,
        "removed_count": 0,
    }
    out.tables["sources"].append(source)
    try:
        lines, encoding = load_lines(data, file_name=file_name)
    except SourceError as exc:
        source.update(status="rejected", error=str(exc))
        return out
    source["encoding"] = encoding
    source["line_count"] = len(lines)
    source["char_count"] = sum(len("".join(line.text.split())) for line in lines)
    try:
        _fill(out, source, lines)
    except Exception as exc:  # a bug on one odd file must not stop the corpus
        for table in SOURCE_TABLES[1:]:
            out.tables[table].clear()
        out.stats.clear()
        source.update(
            status="rejected",
            error=f"{file_name}: the pipeline failed on this file ({type(exc).__name__}: {exc})",
            document_count=0,
            paragraph_count=0,
            removed_count=0,
        )
    return out


def source_blocks(
    lines: list[Line], stats: dict[str, dict[str, int]] | None = None
) -> tuple[list[Block], dict[str, str] | None]:
    """The layout blocks of one source as the documents stage sees them: a CSV export
    unwrapped, the layout recovered, collapsed paragraphs split, repeated pages set aside.
    Also the CSV export's metadata columns (None when the source is no CSV export).

    The build and the evaluations (`pipelines.evaluation`) both call this, so that what is
    measured is what is published."""
    from .layout import layout_blocks

    return layout_blocks(lines, stats)


def source_documents(
    lines: list[Line], file_name: str, stats: dict[str, dict[str, int]] | None = None
) -> tuple[list[Block], list[DocumentSpan]]:
    """(removed blocks, documents with their sections) of one source: the text chain up to
    sections. The removed blocks are the layout's and the documents stage's, in line order.
    `stats` (when given) gets the per-pass counters of the layout and documents stages."""
    from .documents import run_documents
    from .sections import build_sections

    blocks, metadata = source_blocks(lines, stats)
    found = run_documents(blocks, source_name=file_name, stats=stats)
    documents = found.documents
    for doc in documents:
        build_sections(doc)
    if metadata is not None:
        _apply_export_metadata(documents, metadata)
    return found.removed, documents


def _fill(out: SourceTables, source: dict[str, Any], lines: list[Line]) -> None:
    removed, documents = source_documents(lines, out.file_name, out.stats)
    sid = source["source_id"]
    locate = _Locator(lines)
    for i, block in enumerate(removed, start=1):
        out.tables["removed"].append(
            {
                "removed_id": f"{sid}-r{i:04d}",
                "source_id": sid,
                "file_name": out.file_name,
                "ordinal": i,
                "line_start": block.line_start,
                "line_end": block.line_end,
                "kind": block.removed_kind,
                "text": block.text,
                "reason": block.reason or "",
                "rule": block.rule or "",
            }
        )
    for doc in documents:
        _document_rows(out, sid, doc, locate)
    source["document_count"] = len(out.tables["documents"])
    source["paragraph_count"] = len(out.tables["paragraphs"])
    source["removed_count"] = len(removed)


def _apply_export_metadata(documents: list[DocumentSpan], metadata: dict[str, str]) -> None:
    """A CSV export names its one document's title and date in columns: they fill what the
    text itself did not give (the date stays marked as inferred: it is the source's)."""
    if len(documents) != 1:
        return
    doc = documents[0]
    title = (metadata.get("title") or "").strip()
    if title and not doc.title:
        doc.title = title
    try:
        printed = date.fromisoformat((metadata.get("publish_date") or "").strip()[:10])
    except ValueError:
        return
    if doc.publish_date is None or doc.date_inferred:
        doc.publish_date, doc.date_inferred = printed, True


def _document_rows(out: SourceTables, sid: str, doc: DocumentSpan, locate: "_Locator") -> None:
    from .facts import extract_facts
    from .keywords import document_keywords
    from .segment import get_segmenter
    from .sentences import split_sentences

    segmenter = get_segmenter()
    doc_id = f"{sid}-{doc.ordinal:03d}"
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
            }
        )
    year = doc.publish_date.year if doc.publish_date else None
    texts = []
    for ordinal, block in enumerate(doc.blocks, start=1):
        para_id = f"{doc_id}-p{ordinal:04d}"
        text = block.text
        texts.append(text)
        spans = split_sentences(text)
        para_tokens: list[str] = []
        sent_starts: list[tuple[int, str]] = []
        for k, (start, end) in enumerate(spans, start=1):
            sent_id = f"{para_id}-s{k:03d}"
            tokens, pos = segmenter.cut(text[start:end])
            para_tokens.extend(tokens)
            sent_starts.append((start, sent_id))
            out.tables["sentences"].append(
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
        section = doc.block_section[ordinal - 1] if doc.block_section else None
        char_start, char_end = locate(block)
        out.tables["paragraphs"].append(
            {
                "para_id": para_id,
                "doc_id": doc_id,
                "source_id": sid,
                "section_id": section_ids[section] if section is not None else None,
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
                "tokens": para_tokens,
            }
        )
        facts = extract_facts(text, doc_year=year)
        for k, fact in enumerate(facts, start=1):
            out.tables["facts"].append(
                {
                    "fact_id": f"{para_id}-f{k:03d}",
                    "doc_id": doc_id,
                    "para_id": para_id,
                    "sent_id": _sentence_at(sent_starts, fact.start),
                    "type": fact.type,
                    "text": fact.text,
                    "start": fact.start,
                    "end": fact.end,
                    "value_num": fact.value_num,
                    "unit": fact.unit,
                    "value_date": fact.value_date,
                    "normalized": fact.normalized,
                    "qualifier": fact.qualifier,
                    "extractor": fact.extractor,
                    "confidence": float(fact.confidence),
                }
            )
    doc_text = "\n".join(texts)
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
            "line_start": doc.line_start,
            "line_end": doc.line_end,
            "char_count": len(doc_text),
            "paragraph_count": len(doc.blocks),
            "continues_doc_id": f"{sid}-{doc.continues:03d}" if doc.continues else None,
            "text": doc_text,
        }
    )
    for method, ranked in _keywords_by_method(document_keywords, doc_text).items():
        for rank, (word, weight) in enumerate(ranked, start=1):
            out.tables["keywords"].append(
                {"doc_id": doc_id, "method": method, "rank": rank, "word": word, "weight": weight}
            )


def _keywords_by_method(
    document_keywords: Callable[[str], list[tuple[str, float, str]]], text: str
) -> dict[str, list[tuple[str, float]]]:
    grouped: dict[str, list[tuple[str, float]]] = {}
    for word, weight, method in document_keywords(text):
        grouped.setdefault(method, []).append((word, weight))
    return grouped


def _sentence_at(sent_starts: list[tuple[int, str]], offset: int) -> str | None:
    found = None
    for start, sent_id in sent_starts:
        if start > offset:
            break
        found = sent_id
    return found


class _Locator:
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
