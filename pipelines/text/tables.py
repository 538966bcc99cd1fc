"""Run the text stages over one source file and shape the result as rows of the contract.

This is the whole per-source pipeline as a plain function: decode -> normalise -> layout ->
documents -> sections -> sentences/tokens -> facts -> keywords. Dagster calls it once per
partition (source file); tests call it directly. IDs are derived from the file name and
positions only, so a rebuild gives the same IDs.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from time import perf_counter
from typing import Any

from ..provenance import PROVENANCE_COLUMNS
from .document_rows import Locator, document_rows
from .model import Block, DocumentSpan, Line
from .normalize import NormalizationStats, SourceError, load_lines_with_stats
from .quality import source_warnings

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


#: Stages timed by `build_source_tables`, in pipeline order ("rows": building the row dicts,
#: locating paragraphs, simplified forms, hashes: what is left of the per-source time).
STAGES = (
    "decode+normalise",
    "layout",
    "documents+sections",
    "sentences",
    "segment",
    "facts",
    "keywords",
    "rows",
)


class Timings(dict[str, float]):
    """Seconds spent per stage, summed over the calls of a source (`time.perf_counter`)."""

    def lap(self, stage: str, started: float) -> float:
        """Add the time since `started` to `stage`; return now (the next lap's start)."""
        now = perf_counter()
        self[stage] = self.get(stage, 0.0) + (now - started)
        return now


def source_id_for(file_name: str) -> str:
    """First 16 hex digits of the SHA-256 of the file name (its UTF-8 bytes; a name that is
    not valid Unicode is hashed as the OS gives its bytes)."""
    return hashlib.sha256(file_name.encode("utf-8", errors="surrogateescape")).hexdigest()[:16]


@dataclass
class SourceTables:
    """Rows of every per-source table for one file (all empty but `sources` if rejected)."""

    file_name: str
    tables: dict[str, Rows] = field(default_factory=lambda: {t: [] for t in SOURCE_TABLES})
    #: Seconds per stage (`STAGES`) spent on this source, for the build's statistics.
    timings: Timings = field(default_factory=lambda: Timings.fromkeys(STAGES, 0.0))
    #: per-pass counters of the text stages (pass id -> counter -> count), see `text.passes`
    stats: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the normalised lines' texts as the stages read them (None if the file did not
    #: decode), for the character-conservation check without decoding the file again
    line_texts: list[str] | None = None
    #: the optional facts tagger the build asked for (facts/tagged.py); "" the rules alone
    facts_tagger: str = ""

    @property
    def source(self) -> dict[str, Any]:
        return self.tables["sources"][0]

    @property
    def rejected(self) -> bool:
        return self.source["status"] == "rejected"


def build_source_tables(
    file_name: str,
    data: bytes,
    provenance: Mapping[str, str | None] | None = None,
    facts_tagger: str = "",
) -> SourceTables:
    """All rows for one source. A file that cannot be ingested gives a `rejected` source
    row naming the problem, and no other rows (never a half-ingested file).

    `provenance` holds the file's provenance columns (publication, issue, published, url,
    licence, extraction: `pipelines.provenance.Provenance.columns()`); None gives nulls.
    `facts_tagger`: the optional facts tagger (`lac`; "" the rules alone), from the file's task."""
    out = SourceTables(file_name, facts_tagger=facts_tagger)
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
        "file_name_bytes": None,
        **NormalizationStats().columns(),
        "warnings": [],
        **{name: (provenance or {}).get(name) for name in PROVENANCE_COLUMNS},
    }
    out.tables["sources"].append(source)
    started = perf_counter()
    try:
        lines, encoding, stats, text = load_lines_with_stats(data, file_name=file_name)
    except SourceError as exc:
        source.update(status="rejected", error=str(exc))
        return out
    finally:
        out.timings.lap("decode+normalise", started)
    source.update(stats.columns(), warnings=source_warnings(text))
    out.line_texts = [line.text for line in lines]
    del text  # the lines hold all the later stages need
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
    lines: list[Line],
    file_name: str,
    stats: dict[str, dict[str, int]] | None = None,
    timings: Timings | None = None,
) -> tuple[list[Block], list[DocumentSpan]]:
    """(removed blocks, documents with their sections) of one source: the text chain up to
    sections. The removed blocks are the layout's and the documents stage's, in line order.
    `timings`, if given, receives the seconds of "layout" and "documents+sections"; `stats`
    the per-pass counters of the layout and documents stages."""
    from .documents import run_documents
    from .sections import build_sections, line_text_of

    started = perf_counter()
    blocks, metadata = source_blocks(lines, stats)
    if timings is not None:
        started = timings.lap("layout", started)
    found = run_documents(blocks, source_name=file_name, stats=stats)
    documents = found.documents
    line_text = line_text_of(lines)
    for doc in documents:
        build_sections(doc, line_text=line_text, stats=stats)
    if metadata is not None:
        _apply_export_metadata(documents, metadata)
    if timings is not None:
        timings.lap("documents+sections", started)
    return found.removed, documents


def _fill(out: SourceTables, source: dict[str, Any], lines: list[Line]) -> None:
    started = perf_counter()
    timings = out.timings
    measured = sum(timings.values())
    removed, documents = source_documents(lines, out.file_name, out.stats, timings)
    sid = source["source_id"]
    locate = Locator(lines)
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
        document_rows(out, sid, doc, locate, timings)
    source["document_count"] = len(out.tables["documents"])
    source["paragraph_count"] = len(out.tables["paragraphs"])
    source["removed_count"] = len(removed)
    inside = sum(timings.values()) - measured  # the stages timed within this call
    timings["rows"] += perf_counter() - started - inside


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
        doc.publish_date, doc.date_inferred, doc.date_source = printed, True, "source"
