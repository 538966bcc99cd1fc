"""Integrity suites: what the schema suites (`validation.py`) cannot see from one table alone.

Pure functions, no Dagster: `validate_integrity(table, tables, input_dir)` builds, for one
published table, a pandas frame with derived columns (the parent's IDs, the paragraph slice
a fact points to, the expected ordinal, the characters a source lost…) and validates it with
standard Great Expectations expectations on the shared ephemeral context of `validation.py`.
Each expectation carries a GX `severity` and a `description`, and comes back as an
`Outcome` (failing rows named by their IDs, at most `SAMPLE_ROWS`).

Severity. ERROR (blocking: the dataset is not published) when a failure means the tables
contradict each other or lose or invent text: a user joining them or quoting a slice would
get wrong answers. WARN (reported on the validation page and in the build log, published
anyway) when a failure is a plausibility judgement on one extracted value, where a correct
document can legitimately trip the check (a 1911 date in a history paragraph, a 1500 %
growth rate) or where an extractor's miss does not break any reference.

ERROR
- referential integrity: every `source_id` (of an ingested source), `doc_id`, `section_id`,
  `parent_id`, `para_id`, `sent_id` and `formulas.doc_ids` entry points to an existing row,
  and the redundant keys agree (a paragraph's `source_id` is its document's, a fact's
  sentence belongs to its paragraph and holds the fact's start, a parent section is in the
  same document and less deep, a `continues_doc_id` is an earlier document of the same
  source);
- IDs follow their documented form (`<source_id>-<ordinal:03>`, `-p<ordinal:04>`, …) and
  ordinals are contiguous 1..n per parent (documents and removed per source, paragraphs and
  sections per document, sentences per paragraph, keyword ranks per document and method);
- line ranges lie inside the source (`1..sources.line_count`) and inside their document;
  documents of one source do not overlap; sentences of a paragraph are in order and do not
  overlap;
- `facts.text == paragraphs.text[start:end]`, `sentences.text == paragraphs.text[start:end]`,
  offsets inside the paragraph, `documents.text` is its paragraphs joined by newlines,
  `text_md5` is the MD5 of `text`, the `*_count` columns of `sources` and `documents` equal
  their rows, `formulas` counts equal the formula facts;
- a rejected source has an error and no rows; an ok source has no error;
- no body paragraph equals a removed pull-quote (a pull-quote left in the body);
- character conservation per source (needs the input folder): the multiset of
  non-whitespace characters of the normalised source lines (`normalize.load_lines`) equals
  that of its paragraphs' text plus its removed text, and the input file is still the one
  whose SHA-256 `sources` records;
- fact confidence in 0..1, sentence tokens and POS tags parallel.

WARN
- an ingested source without any document, a document without paragraphs;
- fact dates (from `normalized` and `value_date`) and `publish_date` outside 1921..2100;
  date facts not in ISO 8601 form;
- percent facts without `value_num` or outside -1..10 (fractions: -100 % .. 1000 %);
- a paragraph whose non-space characters are not all covered by its sentences;
- sentence tokens that do not give back the sentence's non-space characters.
"""

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from .validation import ERROR, WARN, Outcome, ValidationReport, _context, run_suite

#: Tables each table's integrity suite reads (the table itself first).
DEPENDS_ON: dict[str, tuple[str, ...]] = {
    "sources": ("sources", "documents", "paragraphs", "removed"),
    "documents": ("documents", "sources", "paragraphs"),
    "sections": ("sections", "documents"),
    "paragraphs": ("paragraphs", "documents", "sections", "sources", "sentences", "removed"),
    "sentences": ("sentences", "paragraphs"),
    "facts": ("facts", "paragraphs", "sentences", "documents"),
    "removed": ("removed", "sources"),
    "keywords": ("keywords", "documents"),
    "formulas": ("formulas", "facts", "documents"),
}

FIRST_YEAR, LAST_YEAR = 1921, 2100
PERCENT_MIN, PERCENT_MAX = -1.0, 10.0
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
_YEAR = re.compile(r"^(\d{4})")


@dataclass
class _Suite:
    frame: pd.DataFrame
    id_columns: list[str]
    expectations: list[Any] = field(default_factory=list)
    #: derived column -> column whose value is added to the failing rows of that expectation
    details: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, severity: str, description: str, **kwargs: Any) -> None:
        import great_expectations.expectations as gxe
        from great_expectations.expectations.metadata_types import FailureSeverity

        level = FailureSeverity.WARNING if severity == WARN else FailureSeverity.CRITICAL
        cls = getattr(gxe, kind)
        self.expectations.append(cls(severity=level, description=description, **kwargs))

    # the few shapes every suite uses
    def in_set(self, column: str, values: Iterable[Any], description: str) -> None:
        self.add(
            "ExpectColumnValuesToBeInSet",
            ERROR,
            description,
            column=column,
            value_set=sorted(set(values)),
        )

    def true(self, column: str, severity: str, description: str) -> None:
        self.add(
            "ExpectColumnValuesToBeInSet", severity, description, column=column, value_set=[True]
        )

    def equal(self, a: str, b: str, severity: str, description: str) -> None:
        self.add(
            "ExpectColumnPairValuesToBeEqual",
            severity,
            description,
            column_A=a,
            column_B=b,
            ignore_row_if="either_value_is_missing",
        )

    def greater(self, a: str, b: str, description: str, *, or_equal: bool = True) -> None:
        self.add(
            "ExpectColumnPairValuesAToBeGreaterThanB",
            ERROR,
            description,
            column_A=a,
            column_B=b,
            or_equal=or_equal,
            ignore_row_if="either_value_is_missing",
        )

    def between(
        self, column: str, low: float | None, high: float | None, severity: str, description: str
    ) -> None:
        self.add(
            "ExpectColumnValuesToBeBetween",
            severity,
            description,
            column=column,
            min_value=low,
            max_value=high,
        )


# ---------------------------------------------------------------------------------------------
# public API


def validate_integrity(
    table: str, tables: Mapping[str, pa.Table], input_dir: Path | None = None
) -> ValidationReport:
    """Run the integrity suite of `table` (which reads the tables of DEPENDS_ON[table]).

    `input_dir` is the folder of the source files: with it, `sources` also checks character
    conservation; without it that expectation is not evaluated.
    """
    missing = [t for t in DEPENDS_ON[table] if t not in tables]
    if missing:
        raise KeyError(f"integrity of {table} needs the tables {missing}")
    suite = _BUILDERS[table](_Inputs(tables, input_dir))
    outcomes = _run(f"{table}_integrity", suite)
    failures = [o.as_failure() for o in outcomes if not o.success]
    return ValidationReport(
        table,
        not any(f.severity == ERROR for f in failures),
        len(outcomes),
        failures,
        suite="integrity",
        outcomes=outcomes,
    )


def validate_all_integrity(
    tables: Mapping[str, pa.Table], input_dir: Path | None = None
) -> dict[str, ValidationReport]:
    """Integrity reports of every table that has a suite."""
    return {t: validate_integrity(t, tables, input_dir) for t in DEPENDS_ON}


def char_multiset(texts: Iterable[str]) -> Counter:
    """Non-whitespace characters of some texts, with their counts."""
    counter: Counter = Counter()
    for text in texts:
        counter.update("".join(text.split()))
    return counter


def conservation_diff(
    source_texts: Iterable[str], kept_texts: Iterable[str]
) -> tuple[Counter, Counter]:
    """(characters lost, characters added) from the source's texts to the kept ones."""
    source, kept = char_multiset(source_texts), char_multiset(kept_texts)
    return source - kept, kept - source


def describe_diff(lost: Counter, added: Counter, limit: int = 10) -> str:
    """A short human-readable account of a conservation failure."""

    def part(name: str, c: Counter) -> str:
        common = ", ".join(
            f"{ch!r}×{n}" for ch, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:limit]
        )
        return f"{name} {sum(c.values())} ({common})"

    return "; ".join(part(n, c) for n, c in (("lost", lost), ("added", added)) if c)


# ---------------------------------------------------------------------------------------------
# plumbing


class _Inputs:
    """The tables as pandas frames (converted once, without the list columns not needed)."""

    def __init__(self, tables: Mapping[str, pa.Table], input_dir: Path | None) -> None:
        self.tables = tables
        self.input_dir = input_dir
        self._frames: dict[str, pd.DataFrame] = {}

    def __getitem__(self, table: str) -> pd.DataFrame:
        if table not in self._frames:
            data = self.tables[table]
            self._frames[table] = data.to_pandas()
        return self._frames[table]

    def ok_sources(self) -> set[str]:
        s = self["sources"]
        return set(s.loc[s["status"] == "ok", "source_id"])


def _run(name: str, suite: _Suite) -> list[Outcome]:
    import great_expectations as gx

    _context()
    gx_suite = gx.ExpectationSuite(name=name)
    for e in suite.expectations:
        gx_suite.add_expectation(e)
    outcomes, _ = run_suite(name, suite.frame, gx_suite, suite.id_columns)
    key = suite.id_columns[0]
    for o in outcomes:
        detail = suite.details.get(o.column or "")
        if detail and o.sample:
            lookup = dict(zip(suite.frame[key], suite.frame[detail], strict=True))
            o.sample = [
                {**s, detail.strip("_"): lookup.get(s.get(key))} if isinstance(s, dict) else s
                for s in o.sample
            ]
    return outcomes


def _lookup(frame: pd.DataFrame, key: str, value: str) -> dict[Any, Any]:
    return dict(zip(frame[key], frame[value], strict=True))


def _map(series: pd.Series, mapping: Mapping[Any, Any]) -> pd.Series:
    """series mapped through a dict, None where absent (object dtype, no NaN coercion)."""
    return pd.Series([mapping.get(v) for v in series], index=series.index, dtype=object)


def _expected_ordinal(frame: pd.DataFrame, by: list[str], order: str) -> pd.Series:
    """1..n within each group, in the order of `order`: equals `order` iff it is contiguous."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="int64")
    ordered = frame.sort_values([*by, order], kind="stable")
    return (ordered.groupby(by, sort=False).cumcount() + 1).reindex(frame.index)


def _previous_end(frame: pd.DataFrame, by: list[str], order: list[str], end: str) -> pd.Series:
    """Largest `end` among the earlier rows of the group (0 for the first row)."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="int64")
    ordered = frame.sort_values([*by, *order], kind="stable")
    running = ordered.groupby(by, sort=False)[end].cummax()
    keys = [ordered[b] for b in by]
    previous = running.groupby(keys, sort=False).shift(1, fill_value=0)
    return previous.reindex(frame.index)


def _id_form(
    frame: pd.DataFrame, column: str, expected: pd.Series, suite: _Suite, form: str
) -> None:
    frame["__expected_id"] = expected
    suite.equal(column, "__expected_id", ERROR, f"{column} has the form {form}")


def _joined(prefix: pd.Series, sep: str, ordinal: pd.Series, width: int) -> pd.Series:
    return pd.Series(
        [f"{p}{sep}{n:0{width}d}" for p, n in zip(prefix, ordinal, strict=True)],
        index=prefix.index,
        dtype=object,
    )


def _contiguous(frame: pd.DataFrame, by: list[str], order: str, suite: _Suite, what: str) -> None:
    column = f"__expected_{order}"
    frame[column] = _expected_ordinal(frame, by, order)
    suite.equal(order, column, ERROR, f"{order} runs 1..n without gaps or repeats per {what}")


def _slice(texts: pd.Series, starts: pd.Series, ends: pd.Series) -> pd.Series:
    return pd.Series(
        [
            t[s:e] if isinstance(t, str) else None
            for t, s, e in zip(texts, starts, ends, strict=True)
        ],
        index=texts.index,
        dtype=object,
    )


def _squash(text: str) -> str:
    return "".join(text.split()).strip("■□◆")


# ---------------------------------------------------------------------------------------------
# one builder per table


def _sources(inp: _Inputs) -> _Suite:
    frame = inp["sources"].copy()
    suite = _Suite(frame, ["source_id", "file_name"])
    for count, table in (
        ("document_count", "documents"),
        ("paragraph_count", "paragraphs"),
        ("removed_count", "removed"),
    ):
        rows = inp[table]["source_id"].value_counts()
        frame[f"__{table}_rows"] = frame["source_id"].map(rows).fillna(0).astype("int64")
        suite.equal(count, f"__{table}_rows", ERROR, f"{count} equals its rows in {table}")
    ok = frame["status"] == "ok"
    has_error = pd.Series(
        [isinstance(e, str) and bool(e.strip()) for e in frame["error"]],
        index=frame.index,
        dtype=bool,
    )
    frame["__status_consistent"] = (ok & ~has_error & (frame["line_count"] > 0)) | (
        ~ok & has_error & (frame["__documents_rows"] == 0) & (frame["__paragraphs_rows"] == 0)
    )
    suite.true(
        "__status_consistent",
        ERROR,
        "an ok file has lines and no error; a rejected file names its error and has no rows",
    )
    frame["__has_documents"] = ~ok | (frame["__documents_rows"] > 0)
    suite.true("__has_documents", WARN, "an ingested file yields at least one document")
    if inp.input_dir is not None:
        _conservation(inp, frame, suite)
    return suite


def _conservation(inp: _Inputs, frame: pd.DataFrame, suite: _Suite) -> None:
    from .text.normalize import SourceError, load_lines

    assert inp.input_dir is not None
    paragraphs, removed = inp["paragraphs"], inp["removed"]
    kept: dict[str, list[str]] = {}
    for sid, text in zip(paragraphs["source_id"], paragraphs["text"], strict=True):
        kept.setdefault(sid, []).append(text)
    for sid, text in zip(removed["source_id"], removed["text"], strict=True):
        kept.setdefault(sid, []).append(text)
    found, lost, added, detail = [], [], [], []
    for sid, name, sha, status in zip(
        frame["source_id"], frame["file_name"], frame["sha256"], frame["status"], strict=True
    ):
        if status != "ok":
            found.append(True)
            lost.append(None)
            added.append(None)
            detail.append("")
            continue
        path = inp.input_dir / name
        data = path.read_bytes() if path.is_file() else None
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            found.append(False)
            lost.append(None)
            added.append(None)
            detail.append("input file missing" if data is None else "input file changed")
            continue
        found.append(True)
        try:
            lines, _ = load_lines(data, file_name=name)
        except SourceError as exc:
            lost.append(-1)
            added.append(-1)
            detail.append(f"does not decode any more: {exc}")
            continue
        gone, extra = conservation_diff((line.text for line in lines), kept.get(sid, []))
        lost.append(sum(gone.values()))
        added.append(sum(extra.values()))
        detail.append(describe_diff(gone, extra))
    frame["__input_unchanged"] = found
    frame["__chars_lost"] = pd.array(lost, dtype="Int64")
    frame["__chars_added"] = pd.array(added, dtype="Int64")
    frame["__conservation"] = detail
    suite.true(
        "__input_unchanged", ERROR, "the input file is present with the SHA-256 recorded in sources"
    )
    what = "of the normalised source lines are missing from paragraphs + removed"
    suite.between("__chars_lost", 0, 0, ERROR, f"no non-space characters {what}")
    suite.between(
        "__chars_added",
        0,
        0,
        ERROR,
        "paragraphs + removed hold no non-space character the source lines do not",
    )
    suite.details.update({"__chars_lost": "__conservation", "__chars_added": "__conservation"})


def _source_owned(
    frame: pd.DataFrame, inp: "_Inputs", suite: "_Suite", id_col: str, sep: str, width: int
) -> None:
    """Rows a source owns directly (documents, removed): ingested source, its file name, an
    ID `<source_id><sep><ordinal>`, contiguous ordinals, line ranges inside the source."""
    sources = inp["sources"]
    suite.in_set("source_id", inp.ok_sources(), "source_id is an ingested source")
    frame["__source_file"] = _map(frame["source_id"], _lookup(sources, "source_id", "file_name"))
    suite.equal("file_name", "__source_file", ERROR, "file_name is its source's")
    _id_form(
        frame,
        id_col,
        _joined(frame["source_id"], sep, frame["ordinal"], width),
        suite,
        f"<source_id>{sep}<ordinal:0{width}>",
    )
    _contiguous(frame, ["source_id"], "ordinal", suite, "source")
    frame["__source_lines"] = _map(frame["source_id"], _lookup(sources, "source_id", "line_count"))
    suite.greater("__source_lines", "line_end", "line_end is inside the source (<= line_count)")


def _documents(inp: _Inputs) -> _Suite:
    frame = inp["documents"].copy()
    paragraphs = inp["paragraphs"]
    suite = _Suite(frame, ["doc_id"])
    _source_owned(frame, inp, suite, "doc_id", "-", 3)
    frame["__previous_line_end"] = _previous_end(frame, ["source_id"], ["ordinal"], "line_end")
    suite.greater(
        "line_start",
        "__previous_line_end",
        "documents of a source follow each other without overlapping lines",
        or_equal=False,
    )
    rows = paragraphs["doc_id"].value_counts()
    frame["__paragraph_rows"] = frame["doc_id"].map(rows).fillna(0).astype("int64")
    suite.equal("paragraph_count", "__paragraph_rows", ERROR, "paragraph_count equals its rows")
    ordered = paragraphs.sort_values(["doc_id", "ordinal"], kind="stable")
    joined = ordered.groupby("doc_id", sort=False)["text"].agg("\n".join)
    frame["__paragraph_text"] = _map(frame["doc_id"], joined.to_dict())
    suite.equal("text", "__paragraph_text", ERROR, "text is its paragraphs joined by newlines")
    suite.between("paragraph_count", 1, None, WARN, "no empty documents")
    suite.in_set("continues_doc_id", frame["doc_id"], "continues_doc_id is a document")
    frame["__continued_source"] = _map(
        frame["continues_doc_id"], _lookup(frame, "doc_id", "source_id")
    )
    suite.equal(
        "source_id", "__continued_source", ERROR, "a continued document is in the same source"
    )
    frame["__continued_ordinal"] = _map(
        frame["continues_doc_id"], _lookup(frame, "doc_id", "ordinal")
    )
    suite.greater(
        "ordinal",
        "__continued_ordinal",
        "a continuation comes after the part it continues",
        or_equal=False,
    )
    frame["__publish_year"] = pd.array(
        [d.year if d is not None and not pd.isna(d) else None for d in frame["publish_date"]],
        dtype="Int64",
    )
    suite.between(
        "__publish_year", FIRST_YEAR, LAST_YEAR, WARN, f"publish_date in {FIRST_YEAR}..{LAST_YEAR}"
    )
    return suite


def _sections(inp: _Inputs) -> _Suite:
    frame = inp["sections"].copy()
    documents = inp["documents"]
    suite = _Suite(frame, ["section_id"])
    suite.in_set("doc_id", documents["doc_id"], "doc_id is a document")
    suite.in_set("parent_id", frame["section_id"], "parent_id is a section")
    frame["__parent_doc"] = _map(frame["parent_id"], _lookup(frame, "section_id", "doc_id"))
    suite.equal("doc_id", "__parent_doc", ERROR, "the parent section is in the same document")
    frame["__parent_level"] = _map(frame["parent_id"], _lookup(frame, "section_id", "level"))
    suite.greater("level", "__parent_level", "a section is deeper than its parent", or_equal=False)
    _id_form(
        frame,
        "section_id",
        _joined(frame["doc_id"], "-s", frame["ordinal"], 3),
        suite,
        "<doc_id>-s<ordinal:03>",
    )
    _contiguous(frame, ["doc_id"], "ordinal", suite, "document")
    frame["__doc_line_start"] = _map(frame["doc_id"], _lookup(documents, "doc_id", "line_start"))
    frame["__doc_line_end"] = _map(frame["doc_id"], _lookup(documents, "doc_id", "line_end"))
    suite.greater("line_start", "__doc_line_start", "the heading is not before its document")
    suite.greater("__doc_line_end", "line_start", "the heading is not after its document")
    return suite


def _paragraphs(inp: _Inputs) -> _Suite:
    frame = inp["paragraphs"].drop(columns=["tokens"]).copy()
    documents, sections, sources = inp["documents"], inp["sections"], inp["sources"]
    suite = _Suite(frame, ["para_id"])
    suite.in_set("doc_id", documents["doc_id"], "doc_id is a document")
    suite.in_set("source_id", inp.ok_sources(), "source_id is an ingested source")
    suite.in_set("section_id", sections["section_id"], "section_id is a section")
    frame["__doc_source"] = _map(frame["doc_id"], _lookup(documents, "doc_id", "source_id"))
    suite.equal("source_id", "__doc_source", ERROR, "source_id is its document's")
    frame["__section_doc"] = _map(frame["section_id"], _lookup(sections, "section_id", "doc_id"))
    suite.equal("doc_id", "__section_doc", ERROR, "the section is in the same document")
    _id_form(
        frame,
        "para_id",
        _joined(frame["doc_id"], "-p", frame["ordinal"], 4),
        suite,
        "<doc_id>-p<ordinal:04>",
    )
    _contiguous(frame, ["doc_id"], "ordinal", suite, "document")
    frame["__doc_line_start"] = _map(frame["doc_id"], _lookup(documents, "doc_id", "line_start"))
    frame["__doc_line_end"] = _map(frame["doc_id"], _lookup(documents, "doc_id", "line_end"))
    suite.greater(
        "line_start", "__doc_line_start", "the paragraph does not start before its document"
    )
    suite.greater("__doc_line_end", "line_end", "the paragraph does not end after its document")
    frame["__source_lines"] = _map(frame["source_id"], _lookup(sources, "source_id", "line_count"))
    suite.greater("__source_lines", "line_end", "line_end is inside the source (<= line_count)")
    frame["__md5"] = frame["text"].map(lambda t: hashlib.md5(t.encode("utf-8")).hexdigest())
    suite.equal("text_md5", "__md5", ERROR, "text_md5 is the MD5 of text")
    removed = inp["removed"]
    quotes = {
        (sid, _squash(t))
        for sid, t, k in zip(removed["source_id"], removed["text"], removed["kind"], strict=True)
        if k == "pull_quote"
    }
    frame["__not_a_pull_quote"] = [
        kind != "body" or (sid, _squash(text)) not in quotes
        for sid, text, kind in zip(frame["source_id"], frame["text"], frame["kind"], strict=True)
    ]
    suite.true("__not_a_pull_quote", ERROR, "no body paragraph equals a removed pull-quote")
    sentences = inp["sentences"]
    covered: dict[str, list[tuple[int, int]]] = {}
    for pid, s, e in zip(sentences["para_id"], sentences["start"], sentences["end"], strict=True):
        covered.setdefault(pid, []).append((s, e))
    frame["__sentences_cover"] = [
        _uncovered(text, covered.get(pid, [])) == 0
        for pid, text in zip(frame["para_id"], frame["text"], strict=True)
    ]
    suite.true(
        "__sentences_cover", WARN, "every non-space character is inside one of its sentences"
    )
    return suite


def _uncovered(text: str, spans: list[tuple[int, int]]) -> int:
    inside = [False] * len(text)
    for s, e in spans:
        for i in range(max(s, 0), min(e, len(text))):
            inside[i] = True
    return sum(1 for i, ch in enumerate(text) if not inside[i] and not ch.isspace())


def _sentences(inp: _Inputs) -> _Suite:
    frame = inp["sentences"].copy()
    paragraphs = inp["paragraphs"]
    suite = _Suite(frame, ["sent_id"])
    suite.in_set("para_id", paragraphs["para_id"], "para_id is a paragraph")
    frame["__para_doc"] = _map(frame["para_id"], _lookup(paragraphs, "para_id", "doc_id"))
    suite.equal("doc_id", "__para_doc", ERROR, "doc_id is its paragraph's")
    _id_form(
        frame,
        "sent_id",
        _joined(frame["para_id"], "-s", frame["ordinal"], 3),
        suite,
        "<para_id>-s<ordinal:03>",
    )
    _contiguous(frame, ["para_id"], "ordinal", suite, "paragraph")
    _offsets(frame, paragraphs, suite)
    frame["__previous_end"] = _previous_end(frame, ["para_id"], ["ordinal"], "end")
    suite.greater("start", "__previous_end", "sentences are in order and do not overlap")
    frame["__pos_parallel"] = [
        len(t) == len(p) for t, p in zip(frame["tokens"], frame["pos"], strict=True)
    ]
    suite.true("__pos_parallel", ERROR, "one POS tag per token")
    frame["__tokens_give_text"] = [
        "".join("".join(tokens).split()) == "".join(text.split())
        for tokens, text in zip(frame["tokens"], frame["text"], strict=True)
    ]
    suite.true("__tokens_give_text", WARN, "the tokens give back the sentence's non-space text")
    suite.frame = frame.drop(columns=["tokens", "pos"])
    return suite


def _offsets(frame: pd.DataFrame, paragraphs: pd.DataFrame, suite: _Suite) -> None:
    texts = _map(frame["para_id"], _lookup(paragraphs, "para_id", "text"))
    frame["__para_slice"] = _slice(texts, frame["start"], frame["end"])
    frame["__para_len"] = texts.map(lambda t: len(t) if isinstance(t, str) else None)
    suite.between("start", 0, None, ERROR, "start >= 0")
    suite.greater("__para_len", "end", "end is inside the paragraph's text")
    suite.equal("text", "__para_slice", ERROR, "text == paragraphs.text[start:end]")


def _facts(inp: _Inputs) -> _Suite:
    frame = inp["facts"].copy()
    paragraphs, sentences, documents = inp["paragraphs"], inp["sentences"], inp["documents"]
    suite = _Suite(frame, ["fact_id"])
    suite.in_set("para_id", paragraphs["para_id"], "para_id is a paragraph")
    suite.in_set("doc_id", documents["doc_id"], "doc_id is a document")
    suite.in_set("sent_id", sentences["sent_id"], "sent_id is a sentence")
    frame["__para_doc"] = _map(frame["para_id"], _lookup(paragraphs, "para_id", "doc_id"))
    suite.equal("doc_id", "__para_doc", ERROR, "doc_id is its paragraph's")
    frame["__sent_para"] = _map(frame["sent_id"], _lookup(sentences, "sent_id", "para_id"))
    suite.equal("para_id", "__sent_para", ERROR, "the sentence is in the fact's paragraph")
    frame["__sent_start"] = _map(frame["sent_id"], _lookup(sentences, "sent_id", "start"))
    frame["__sent_end"] = _map(frame["sent_id"], _lookup(sentences, "sent_id", "end"))
    suite.greater("start", "__sent_start", "the fact starts at or after its sentence's start")
    suite.greater(
        "__sent_end", "start", "the fact starts before its sentence's end", or_equal=False
    )
    frame["__id_form"] = [
        bool(re.fullmatch(re.escape(p) + r"-f\d{3,}", f))
        for f, p in zip(frame["fact_id"], frame["para_id"], strict=True)
    ]
    suite.true("__id_form", ERROR, "fact_id has the form <para_id>-f<ordinal:03>")
    _offsets(frame, paragraphs, suite)
    suite.between("confidence", 0, 1, ERROR, "confidence in 0..1")
    is_date = frame["type"] == "date"
    frame["__date_year"] = pd.array(
        [
            int(m.group(1)) if d and (m := _YEAR.match(n or "")) else None
            for d, n in zip(is_date, frame["normalized"], strict=True)
        ],
        dtype="Int64",
    )
    frame["__value_year"] = pd.array(
        [d.year if d is not None and not pd.isna(d) else None for d in frame["value_date"]],
        dtype="Int64",
    )
    span = f"{FIRST_YEAR}..{LAST_YEAR}"
    suite.between("__date_year", FIRST_YEAR, LAST_YEAR, WARN, f"date facts fall in {span}")
    suite.between("__value_year", FIRST_YEAR, LAST_YEAR, WARN, f"value_date falls in {span}")
    frame["__date_iso"] = [
        not d or bool(_ISO_DATE.match(n or ""))
        for d, n in zip(is_date, frame["normalized"], strict=True)
    ]
    suite.true("__date_iso", WARN, "date facts are normalised to ISO 8601 (or an interval)")
    is_percent = frame["type"] == "percent"
    frame["__percent"] = frame["value_num"].where(is_percent)
    frame["__percent_has_value"] = ~is_percent | frame["value_num"].notna()
    suite.true("__percent_has_value", WARN, "percent facts carry value_num")
    suite.between(
        "__percent",
        PERCENT_MIN,
        PERCENT_MAX,
        WARN,
        f"percent values are fractions in {PERCENT_MIN:g}..{PERCENT_MAX:g}",
    )
    return suite


def _removed(inp: _Inputs) -> _Suite:
    frame = inp["removed"].copy()
    suite = _Suite(frame, ["removed_id"])
    _source_owned(frame, inp, suite, "removed_id", "-r", 4)
    return suite


def _keywords(inp: _Inputs) -> _Suite:
    frame = inp["keywords"].copy()
    suite = _Suite(frame, ["doc_id", "method", "rank"])
    suite.in_set("doc_id", inp["documents"]["doc_id"], "doc_id is a document")
    _contiguous(frame, ["doc_id", "method"], "rank", suite, "document and method")
    return suite


def _formulas(inp: _Inputs) -> _Suite:
    frame = inp["formulas"].copy()
    facts, documents = inp["facts"], inp["documents"]
    suite = _Suite(frame, ["formula"])
    known = set(documents["doc_id"])
    frame["__doc_ids_exist"] = [all(d in known for d in ids) for ids in frame["doc_ids"]]
    suite.true("__doc_ids_exist", ERROR, "every doc_ids entry is a document")
    frame["__doc_ids_len"] = frame["doc_ids"].map(len)
    suite.equal("doc_count", "__doc_ids_len", ERROR, "doc_count == len(doc_ids)")
    counts = facts.loc[facts["type"] == "formula", "normalized"].value_counts()
    frame["__fact_count"] = frame["formula"].map(counts).fillna(0).astype("int64")
    suite.equal("count", "__fact_count", ERROR, "count equals the formula facts")
    frame["__dates_ordered"] = [
        a is None or pd.isna(a) or b is None or pd.isna(b) or a <= b
        for a, b in zip(frame["first_date"], frame["last_date"], strict=True)
    ]
    suite.true("__dates_ordered", ERROR, "first_date <= last_date")
    suite.frame = frame.drop(columns=["doc_ids"])
    return suite


_BUILDERS = {
    "sources": _sources,
    "documents": _documents,
    "sections": _sections,
    "paragraphs": _paragraphs,
    "sentences": _sentences,
    "facts": _facts,
    "removed": _removed,
    "keywords": _keywords,
    "formulas": _formulas,
}


def expectation_catalogue() -> list[tuple[str, str, str]]:
    """(table, severity, description) of every integrity expectation, for the docs."""
    out = []
    empty = {t: _empty(t) for t in {d for deps in DEPENDS_ON.values() for d in deps}}
    for table, builder in _BUILDERS.items():
        suite = builder(_Inputs(empty, Path(".")))
        for e in suite.expectations:
            level = str(getattr(e.severity, "value", e.severity))
            out.append((table, WARN if level == "warning" else ERROR, e.description))
    return out


def _empty(table: str) -> pa.Table:
    from .schema import load_schema

    return load_schema(table).arrow_schema.empty_table()
