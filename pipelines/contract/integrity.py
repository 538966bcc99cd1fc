"""Integrity checks: what the schema suites cannot see from one table alone.

Each check is data: a table, a severity, a sentence saying what it means, and a SQL
expression over that table's check context (its rows joined with the rows they refer to).
DuckDB evaluates all of a table's expressions in one query over the Parquet files, out of
core; the result is a narrow frame (row IDs, the source, one column per check) that Great
Expectations judges (`engine.py`). A boolean check is met where the expression is true and
does not apply where it is null; a range check bounds a number.

Severity. ERROR when a failure means the tables contradict each other or lose or invent
text: a user joining them or quoting a slice would get wrong answers. The rows of a source
that fail an ERROR check quarantine that source (none of its rows are published). WARN when a
failure is a plausibility judgement on one extracted value, where a correct document can
trip the check (a 1911 date in a history paragraph, a 1500 % growth rate), or where an
extractor's miss does not break any reference: reported, published anyway.

ERROR: every `source_id`, `doc_id`, `section_id`, `parent_id`, `para_id`, `sent_id` and
`continues_doc_id` points to an existing row, and the redundant keys agree; IDs follow their
documented form and ordinals run 1..n per parent; line ranges lie inside the source and the
document, documents of a source do not overlap, sentences of a paragraph neither;
`facts.text` and `sentences.text` equal `paragraphs.text[start:end]`; `documents.text` is its
paragraphs joined by newlines; `text_md5` is the MD5 of `text`; the `*_count` columns equal
their rows; a rejected source has an error and no rows; no body paragraph equals a removed
pull-quote; character conservation per source (the non-whitespace characters of the
normalised source lines are exactly those of its paragraphs plus its removed text) and the
input file is the one whose SHA-256 `sources` records; fact confidence in 0..1; one POS tag
per token.
WARN: an ingested source without documents, a document without paragraphs; dates outside
1921..2100 and date facts not in ISO 8601 form; percent facts without a value or outside
-100 %..1000 %; paragraph characters outside every sentence; tokens that do not give back
their sentence.
"""

import sys
from dataclasses import dataclass

from .outcomes import ERROR, WARN

FIRST_YEAR, LAST_YEAR = 1921, 2100
PERCENT_MIN, PERCENT_MAX = -1.0, 10.0
#: ISO 8601 at the printed precision (2020, 2020-03, 2020-03-29), a month or day of an unnamed
#: year (--04, --02-28: 4月 or 2月28日 in a document whose year is not known), a day of an
#: unnamed month (---31: a day printed alone, 31日), or an interval of two of them.
_ISO_ONE = r"(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?|---\d{2})"
ISO_DATE = f"{_ISO_ONE}(/{_ISO_ONE})?"


def _whitespace_class() -> str:
    """An RE2 character class of exactly the characters Python's str.split() splits on."""
    codes = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    ranges, start = [], codes[0]
    for prev, cur in zip(codes, [*codes[1:], None], strict=True):
        if cur != prev + 1:
            ranges.append(
                f"\\x{{{start:x}}}" if start == prev else f"\\x{{{start:x}}}-\\x{{{prev:x}}}"
            )
            start = cur
    return "[" + "".join(ranges) + "]"


WHITESPACE = _whitespace_class()


def nonspace(expr: str) -> str:
    """SQL: the text without whitespace (Python's definition)."""
    return f"regexp_replace({expr}, '{WHITESPACE}', '', 'g')"


@dataclass(frozen=True)
class Check:
    """One integrity expectation of a table: `column` of the table's check frame must be
    true (kind "true") or within [low, high] (kind "between"); null means not applicable."""

    column: str
    severity: str
    description: str
    sql: str
    kind: str = "true"
    low: float | None = None
    high: float | None = None
    detail: str | None = None  # a column of the frame shown beside the failing rows
    needs_inputs: bool = False  # evaluated only when the input files are at hand


@dataclass(frozen=True)
class TableChecks:
    table: str
    ids: tuple[str, ...]  # the columns that name a failing row
    source: str  # SQL giving the row's source_id
    context: str  # FROM clause (with joins) the checks read; the table is `t`
    checks: tuple[Check, ...]
    ctes: str = ""  # WITH definitions the context uses


def _prev_max(column: str, by: str, order: str) -> str:
    return (
        f"coalesce(max(t.{column}) over (partition by {by} order by {order} "
        "rows between unbounded preceding and 1 preceding), 0)"
    )


def _contiguous(by: str, order: str, what: str) -> Check:
    return Check(
        f"{order}_contiguous",
        ERROR,
        f"{order} runs 1..n without gaps or repeats per {what}",
        f"t.{order} = row_number() over (partition by {by} order by t.{order})",
    )


def _id_form(column: str, parent: str, sep: str, width: int, form: str) -> Check:
    return Check(
        f"{column}_form",
        ERROR,
        f"{column} has the form {form}",
        f"t.{column} = format('{{}}{sep}{{:0{width}d}}', t.{parent}, t.ordinal)",
    )


def _exists(column: str, alias: str, key: str, what: str) -> Check:
    return Check(
        f"{column}_exists",
        ERROR,
        f"{column} is {what}",
        f"case when t.{column} is not null then {alias}.{key} is not null end",
    )


def _slice_checks() -> tuple[Check, ...]:
    return (
        Check("start_not_negative", ERROR, "start >= 0", "t.start >= 0"),
        Check(
            "end_inside_paragraph",
            ERROR,
            "end is inside the paragraph's text",
            't."end" <= length(p.text)',
        ),
        Check(
            "text_is_slice",
            ERROR,
            "text == paragraphs.text[start:end]",
            't.text = substring(p.text, t.start + 1, t."end" - t.start)',
        ),
    )


_OK_SOURCES = "(select source_id from sources where status = 'ok')"


def _source_owned(id_col: str, sep: str, width: int) -> tuple[Check, ...]:
    """Rows a source owns directly (documents, removed)."""
    return (
        Check(
            "source_ingested",
            ERROR,
            "source_id is an ingested source",
            f"t.source_id in {_OK_SOURCES}",
        ),
        Check(
            "file_name_is_sources", ERROR, "file_name is its source's", "t.file_name = s.file_name"
        ),
        _id_form(id_col, "source_id", sep, width, f"<source_id>{sep}<ordinal:0{width}>"),
        _contiguous("t.source_id", "ordinal", "source"),
        Check(
            "inside_source",
            ERROR,
            "line_end is inside the source (<= line_count)",
            "t.line_end <= s.line_count",
        ),
    )


SOURCES = TableChecks(
    "sources",
    ("source_id", "file_name"),
    "t.source_id",
    """sources t
    left join (select source_id, count(*) n from documents group by 1) d using (source_id)
    left join (select source_id, count(*) n from paragraphs group by 1) p using (source_id)
    left join (select source_id, count(*) n from removed group by 1) r using (source_id)
    left join source_checks c using (source_id)""",
    (
        Check(
            "document_count_rows",
            ERROR,
            "document_count equals its rows in documents",
            "t.document_count = coalesce(d.n, 0)",
        ),
        Check(
            "paragraph_count_rows",
            ERROR,
            "paragraph_count equals its rows in paragraphs",
            "t.paragraph_count = coalesce(p.n, 0)",
        ),
        Check(
            "removed_count_rows",
            ERROR,
            "removed_count equals its rows in removed",
            "t.removed_count = coalesce(r.n, 0)",
        ),
        Check(
            "status_consistent",
            ERROR,
            "an ok file has lines and no error; a rejected or quarantined file names its error "
            "and has no rows",
            """case when t.status = 'ok'
                then coalesce(length(trim(t.error)), 0) = 0 and t.line_count > 0
                else coalesce(length(trim(t.error)), 0) > 0
                     and coalesce(d.n, 0) = 0 and coalesce(p.n, 0) = 0 end""",
        ),
        Check(
            "has_documents",
            WARN,
            "an ingested file yields at least one document",
            "case when t.status = 'ok' then coalesce(d.n, 0) > 0 end",
        ),
        Check(
            "no_input_warnings",
            WARN,
            "an ingested file has no input-quality or provenance warning (sources.warnings: "
            "mojibake, text that is not Chinese, no entry in the sources.yaml sidecar…)",
            "case when t.status = 'ok' then len(t.warnings) = 0 end",
            detail="warnings",
        ),
        Check(
            "input_unchanged",
            ERROR,
            "the input file is present with the SHA-256 recorded in sources",
            "case when t.status = 'ok' then c.input_sha256 is not distinct from t.sha256 end",
            detail="conservation",
            needs_inputs=True,
        ),
        Check(
            "chars_lost",
            ERROR,
            "no non-space characters of the normalised source lines are missing from "
            "paragraphs + removed",
            "case when t.status = 'ok' and c.input_sha256 = t.sha256 then c.chars_lost end",
            kind="between",
            low=0,
            high=0,
            detail="conservation",
            needs_inputs=True,
        ),
        Check(
            "chars_added",
            ERROR,
            "paragraphs + removed hold no non-space character the source lines do not",
            "case when t.status = 'ok' and c.input_sha256 = t.sha256 then c.chars_added end",
            kind="between",
            low=0,
            high=0,
            detail="conservation",
            needs_inputs=True,
        ),
        Check("conservation", WARN, "", "c.detail", kind="detail", needs_inputs=True),
    ),
)

DOCUMENTS = TableChecks(
    "documents",
    ("doc_id",),
    "t.source_id",
    """documents t
    left join sources s using (source_id)
    left join (select doc_id, count(*) n, string_agg(text, chr(10) order by ordinal) joined
               from paragraphs group by doc_id) p using (doc_id)
    left join documents c on c.doc_id = t.continues_doc_id""",
    (
        *_source_owned("doc_id", "-", 3),
        Check(
            "no_overlap",
            ERROR,
            "documents of a source follow each other without overlapping lines",
            f"t.line_start > {_prev_max('line_end', 't.source_id', 't.ordinal')}",
        ),
        Check(
            "paragraph_count_rows",
            ERROR,
            "paragraph_count equals its rows",
            "t.paragraph_count = coalesce(p.n, 0)",
        ),
        Check(
            "text_is_paragraphs",
            ERROR,
            "text is its paragraphs joined by newlines",
            "t.text = p.joined",
        ),
        Check(
            "continued_same_source",
            ERROR,
            "a continued document is in the same source",
            "case when t.continues_doc_id is not null then t.source_id = c.source_id end",
        ),
        Check(
            "continuation_after",
            ERROR,
            "a continuation comes after the part it continues",
            "case when t.continues_doc_id is not null then t.ordinal > c.ordinal end",
        ),
        Check("not_empty", WARN, "no empty documents", "t.paragraph_count >= 1"),
        _exists("continues_doc_id", "c", "doc_id", "a document"),
        Check(
            "publish_year",
            WARN,
            f"publish_date in {FIRST_YEAR}..{LAST_YEAR}",
            "year(t.publish_date)",
            kind="between",
            low=FIRST_YEAR,
            high=LAST_YEAR,
        ),
    ),
)

SECTIONS = TableChecks(
    "sections",
    ("section_id",),
    "split_part(t.section_id, '-', 1)",
    """sections t
    left join documents d using (doc_id)
    left join sections q on q.section_id = t.parent_id""",
    (
        Check("doc_exists", ERROR, "doc_id is a document", "d.doc_id is not null"),
        _exists("parent_id", "q", "section_id", "a section"),
        Check(
            "parent_same_document",
            ERROR,
            "the parent section is in the same document",
            "case when t.parent_id is not null then t.doc_id = q.doc_id end",
        ),
        Check(
            "deeper_than_parent",
            ERROR,
            "a section is deeper than its parent",
            "case when t.parent_id is not null then t.level > q.level end",
        ),
        _id_form("section_id", "doc_id", "-s", 3, "<doc_id>-s<ordinal:03>"),
        _contiguous("t.doc_id", "ordinal", "document"),
        Check(
            "not_before_document",
            ERROR,
            "the heading is not before its document",
            "t.line_start >= d.line_start",
        ),
        Check(
            "not_after_document",
            ERROR,
            "the heading is not after its document",
            "t.line_start <= d.line_end",
        ),
    ),
)

PARAGRAPHS = TableChecks(
    "paragraphs",
    ("para_id",),
    "t.source_id",
    """paragraphs t
    left join documents d using (doc_id)
    left join sections x on x.section_id = t.section_id
    left join sources s on s.source_id = t.source_id
    left join (select distinct source_id, trim({squash}, '■□◆') as squashed
               from removed where kind = 'pull_quote') q
           on q.source_id = t.source_id and q.squashed = trim({squash_t}, '■□◆')
    left join (select para_id, sum(length({sentence_chars})) n from sentences group by 1) c
           on c.para_id = t.para_id""".format(
        squash=nonspace("text"), squash_t=nonspace("t.text"), sentence_chars=nonspace("text")
    ),
    (
        Check("doc_exists", ERROR, "doc_id is a document", "d.doc_id is not null"),
        Check(
            "source_ingested",
            ERROR,
            "source_id is an ingested source",
            f"t.source_id in {_OK_SOURCES}",
        ),
        _exists("section_id", "x", "section_id", "a section"),
        Check(
            "source_is_documents",
            ERROR,
            "source_id is its document's",
            "t.source_id = d.source_id",
        ),
        Check(
            "section_same_document",
            ERROR,
            "the section is in the same document",
            "case when t.section_id is not null then t.doc_id = x.doc_id end",
        ),
        _id_form("para_id", "doc_id", "-p", 4, "<doc_id>-p<ordinal:04>"),
        _contiguous("t.doc_id", "ordinal", "document"),
        Check(
            "not_before_document",
            ERROR,
            "the paragraph does not start before its document",
            "t.line_start >= d.line_start",
        ),
        Check(
            "not_after_document",
            ERROR,
            "the paragraph does not end after its document",
            "t.line_end <= d.line_end",
        ),
        Check(
            "inside_source",
            ERROR,
            "line_end is inside the source (<= line_count)",
            "t.line_end <= s.line_count",
        ),
        Check("md5", ERROR, "text_md5 is the MD5 of text", "t.text_md5 = md5(t.text)"),
        Check(
            "not_a_pull_quote",
            ERROR,
            "no body paragraph equals a removed pull-quote",
            "t.kind <> 'body' or q.squashed is null",
        ),
        Check(
            "sentences_cover",
            WARN,
            "every non-space character is inside one of its sentences",
            f"length({nonspace('t.text')}) = coalesce(c.n, 0)",
        ),
    ),
)

SENTENCES = TableChecks(
    "sentences",
    ("sent_id",),
    "split_part(t.sent_id, '-', 1)",
    "sentences t left join paragraphs p using (para_id)",
    (
        Check("para_exists", ERROR, "para_id is a paragraph", "p.para_id is not null"),
        Check("doc_is_paragraphs", ERROR, "doc_id is its paragraph's", "t.doc_id = p.doc_id"),
        _id_form("sent_id", "para_id", "-s", 3, "<para_id>-s<ordinal:03>"),
        _contiguous("t.para_id", "ordinal", "paragraph"),
        *_slice_checks(),
        Check(
            "in_order",
            ERROR,
            "sentences are in order and do not overlap",
            "t.start >= " + _prev_max('"end"', "t.para_id", "t.ordinal"),
        ),
        Check("pos_parallel", ERROR, "one POS tag per token", "len(t.tokens) = len(t.pos)"),
        Check(
            "tokens_give_text",
            WARN,
            "the tokens give back the sentence's non-space text",
            nonspace("array_to_string(t.tokens, '')") + " = " + nonspace("t.text"),
        ),
    ),
)

FACTS = TableChecks(
    "facts",
    ("fact_id",),
    "split_part(t.fact_id, '-', 1)",
    """facts t
    left join paragraphs p using (para_id)
    left join documents d on d.doc_id = t.doc_id
    left join sentences s on s.sent_id = t.sent_id""",
    (
        Check("para_exists", ERROR, "para_id is a paragraph", "p.para_id is not null"),
        Check("doc_exists", ERROR, "doc_id is a document", "d.doc_id is not null"),
        _exists("sent_id", "s", "sent_id", "a sentence"),
        Check("doc_is_paragraphs", ERROR, "doc_id is its paragraph's", "t.doc_id = p.doc_id"),
        Check(
            "sentence_in_paragraph",
            ERROR,
            "the sentence is in the fact's paragraph",
            "case when t.sent_id is not null then t.para_id = s.para_id end",
        ),
        Check(
            "after_sentence_start",
            ERROR,
            "the fact starts at or after its sentence's start",
            "case when t.sent_id is not null then t.start >= s.start end",
        ),
        Check(
            "before_sentence_end",
            ERROR,
            "the fact starts before its sentence's end",
            'case when t.sent_id is not null then t.start < s."end" end',
        ),
        Check(
            "fact_id_form",
            ERROR,
            "fact_id has the form <para_id>-f<ordinal:03>",
            "starts_with(t.fact_id, t.para_id || '-f') and "
            "regexp_full_match(substr(t.fact_id, length(t.para_id) + 3), '[0-9]{3,}')",
        ),
        *_slice_checks(),
        Check(
            "confidence",
            ERROR,
            "confidence in 0..1",
            "t.confidence",
            kind="between",
            low=0,
            high=1,
        ),
        Check(
            "date_year",
            WARN,
            f"date facts fall in {FIRST_YEAR}..{LAST_YEAR}",
            "case when t.type = 'date' and regexp_matches(t.normalized, '^[0-9]{4}') "
            "then cast(left(t.normalized, 4) as integer) end",
            kind="between",
            low=FIRST_YEAR,
            high=LAST_YEAR,
        ),
        Check(
            "value_year",
            WARN,
            f"value_date falls in {FIRST_YEAR}..{LAST_YEAR}",
            "year(t.value_date)",
            kind="between",
            low=FIRST_YEAR,
            high=LAST_YEAR,
        ),
        Check(
            "date_iso",
            WARN,
            "date facts are normalised to ISO 8601 (or an interval)",
            f"case when t.type = 'date' then regexp_full_match(coalesce(t.normalized, ''), "
            f"'{ISO_DATE}') end",
        ),
        Check(
            "percent_has_value",
            WARN,
            "percent facts carry value_num",
            "case when t.type = 'percent' then t.value_num is not null end",
        ),
        Check(
            "percent_range",
            WARN,
            f"percent values are fractions in {PERCENT_MIN:g}..{PERCENT_MAX:g}",
            "case when t.type = 'percent' then t.value_num end",
            kind="between",
            low=PERCENT_MIN,
            high=PERCENT_MAX,
        ),
    ),
)

REMOVED = TableChecks(
    "removed",
    ("removed_id",),
    "t.source_id",
    "removed t left join sources s using (source_id)",
    _source_owned("removed_id", "-r", 4),
)

KEYWORDS = TableChecks(
    "keywords",
    ("doc_id", "method", "rank"),
    "split_part(t.doc_id, '-', 1)",
    "keywords t left join documents d using (doc_id)",
    (
        Check("doc_exists", ERROR, "doc_id is a document", "d.doc_id is not null"),
        _contiguous("t.doc_id, t.method", "rank", "document and method"),
    ),
)

FORMULAS = TableChecks(
    "formulas",
    ("formula",),
    "null",
    """formulas t
    left join (select formula, bool_and(d.doc_id is not null) ok
               from (select formula, unnest(doc_ids) as doc_id from formulas) u
               left join documents d using (doc_id) group by formula) e using (formula)
    left join (select normalized as formula, count(*) n from facts
               where type = 'formula' group by 1) f using (formula)""",
    (
        Check(
            "doc_ids_exist",
            ERROR,
            "every doc_ids entry is a document",
            "coalesce(e.ok, true)",
        ),
        Check("doc_count", ERROR, "doc_count == len(doc_ids)", "t.doc_count = len(t.doc_ids)"),
        Check(
            "count_is_facts",
            ERROR,
            "count equals the formula facts",
            "t.count = coalesce(f.n, 0)",
        ),
        Check(
            "dates_ordered",
            ERROR,
            "first_date <= last_date",
            "case when t.first_date is not null and t.last_date is not null "
            "then t.first_date <= t.last_date end",
        ),
    ),
)

NEAR_DUPLICATES = TableChecks(
    "near_duplicates",
    ("level", "a_id", "b_id"),
    "split_part(t.a_id, '-', 1)",
    """near_duplicates t
    left join paragraphs pa on t.level = 'paragraph' and pa.para_id = t.a_id
    left join paragraphs pb on t.level = 'paragraph' and pb.para_id = t.b_id
    left join documents da on t.level = 'document' and da.doc_id = t.a_id
    left join documents db on t.level = 'document' and db.doc_id = t.b_id""",
    (
        Check(
            "items_exist",
            ERROR,
            "a_id and b_id are paragraphs (or documents, by level) of the dataset",
            "coalesce(pa.para_id, da.doc_id) is not null "
            "and coalesce(pb.para_id, db.doc_id) is not null",
        ),
        Check("ordered", ERROR, "a_id < b_id", "t.a_id < t.b_id"),
        Check(
            "different_documents",
            ERROR,
            "paragraph pairs are in different documents",
            "case when t.level = 'paragraph' then pa.doc_id <> pb.doc_id end",
        ),
        Check(
            "similarity",
            ERROR,
            "similarity in 0..1",
            "t.similarity",
            kind="between",
            low=0,
            high=1,
        ),
    ),
)

#: Per table: its checks, and the tables its context reads (the table itself first).
TABLE_CHECKS: dict[str, TableChecks] = {
    c.table: c
    for c in (
        SOURCES,
        DOCUMENTS,
        SECTIONS,
        PARAGRAPHS,
        SENTENCES,
        FACTS,
        REMOVED,
        KEYWORDS,
        FORMULAS,
        NEAR_DUPLICATES,
    )
}
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
    "near_duplicates": ("near_duplicates", "paragraphs", "documents"),
}


def frame_sql(spec: TableChecks, *, with_inputs: bool) -> tuple[str, list[Check]]:
    """The query giving the check frame of a table, and the checks it holds."""
    checks = [c for c in spec.checks if with_inputs or not c.needs_inputs]
    items = [f't."{c}"' for c in spec.ids]
    details = sorted({c.detail for c in checks if c.detail} - {c.column for c in checks})
    items += [f't."{d}"' for d in details]
    items.append(f"{spec.source} as source_id")
    items += [f'({c.sql}) as "{c.column}"' for c in checks]
    return f"select {', '.join(items)} from {spec.context}", checks
