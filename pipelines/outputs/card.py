"""The dataset card (outputs/README.md), written from the schemas, the row counts and the
results of the example queries run against the built database."""

from pathlib import Path
from typing import Any

import duckdb

from ..schema import TABLES, load_schema

#: Catalogue sections of the card: (heading, note, SQL); run against the built database.
CATALOGUE: list[tuple[str, str, str]] = [
    (
        "Documents",
        "Every document (at most 200 listed), in source order. `continues` names the first "
        "part of an article that the page interrupted.",
        """select file_name, ordinal, doc_type, coalesce(rubric, '') as rubric,
       coalesce(title, '(untitled)') as title, array_to_string(authors, '、') as authors,
       coalesce(cast(publish_date as varchar), '') || case when date_inferred then ' (inferred)' else '' end as date,
       paragraph_count as paragraphs, coalesce(continues_doc_id, '') as continues
from documents order by file_name, ordinal limit 200""",
    ),
    (
        "Facts by type",
        "How many facts of each type, in how many documents, and how many carry a "
        "normalised number or date.",
        """select type, count(*) as facts, count(distinct doc_id) as documents,
       count(value_num) as with_number, count(value_date) as with_date
from facts group by type order by facts desc, type""",
    ),
]

#: Example queries shown in the card (and run by a test); (title, SQL).
EXAMPLE_QUERIES: list[tuple[str, str]] = [
    (
        "Documents per source, with their types",
        """select file_name, count(*) as documents, string_agg(distinct doc_type, ', ' order by doc_type) as types
from documents group by file_name order by file_name""",
    ),
    (
        "The paragraphs of one document in printed order, with their section",
        """select ordinal, kind, section_label, left(text, 30) as text
from paragraph_context
where doc_id = (select doc_id from documents order by paragraph_count desc, doc_id limit 1)
order by ordinal limit 8""",
    ),
    (
        "Every percentage target with its document and normalised value",
        """select doc_title, text, value_num, qualifier
from fact_context where type = 'percent'
order by doc_id, para_id, start limit 8""",
    ),
    (
        "Percentages with the nearest year printed in the same sentence (the preceding one first)",
        """select arg_min(left(y.normalized, 4), (y.start > p.start, abs(y.start - p.start))) as year, p.text as percent,
       p.value_num, p.qualifier, left(any_value(s.text), 40) as sentence
from facts p join facts y on y.sent_id = p.sent_id and y.type = 'date'
join sentences s on s.sent_id = p.sent_id
where p.type = 'percent'
group by p.fact_id, p.text, p.value_num, p.qualifier
order by year, p.fact_id limit 8""",
    ),
    (
        "Which documents cite which (cited titles, with the issuer when the title names one)",
        """select d.title as citing_document, f.normalized as cited, f.unit as issuer
from facts f join documents d using (doc_id)
where f.type = 'cited_document'
order by d.doc_id, f.para_id, f.start limit 8""",
    ),
    (
        "How often each formula occurs per year",
        """select year(d.publish_date) as year, f.normalized as formula, count(*) as occurrences
from facts f join documents d using (doc_id)
where f.type = 'formula'
group by all order by occurrences desc, year, formula limit 10""",
    ),
    (
        "The most frequent quoted political formulas",
        """select formula, count, doc_count from formulas order by count desc, formula limit 10""",
    ),
    (
        "What was set aside as page furniture, table of contents or pull-quote",
        """select kind, count(*) as pieces, sum(length(text)) as characters
from removed group by kind order by pieces desc, kind""",
    ),
]


def run_examples(db_path: Path) -> list[tuple[str, str, list[str], list[tuple[Any, ...]]]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        out = []
        for title, sql in EXAMPLE_QUERIES:
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            out.append((title, sql, cols, cur.fetchall()))
        return out
    finally:
        con.close()


def _md_table(cols: list[str], rows: list[tuple[Any, ...]]) -> str:
    def cell(v: Any) -> str:
        return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render_card(db_path: Path, *, validation_summary: str | None = None) -> str:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
        cur = con.execute(
            "select file_name, status, encoding, bytes, line_count, document_count, paragraph_count,"
            " removed_count, coalesce(error, '') as error from sources order by file_name"
        )
        source_cols = [d[0] for d in cur.description]
        sources = cur.fetchall()
    finally:
        con.close()
    parts = [
        "# policy-corpus: Chinese party and government documents",
        "",
        "An open dataset of Chinese party and government documents (plans, plenary reports, "
        "party notices, newspaper and magazine articles), built from raw text extracted from "
        "printed pages by a reproducible Dagster pipeline. Every article is its own document, "
        "every paragraph is given back as the printed page shows it, and every fact is typed, "
        "normalised and traceable to the raw lines it came from. Whatever was set aside "
        "(page furniture, tables of contents, pull-quotes, duplicates) is kept in `removed` "
        "with the reason.",
        "",
        "## Files",
        "",
        "- `parquet/<table>.parquet`: one Parquet file per table (zstd, deterministic: a rebuild gives the same bytes).",
        "- `policy_corpus.duckdb`: the same tables in DuckDB, with the views `paragraph_context` and `fact_context`.",
        "- `validation/`: the data-quality report of the build.",
        "",
        "Load with pandas (`pd.read_parquet('parquet/paragraphs.parquet')`), polars, Arrow, "
        "Hugging Face `datasets` (`load_dataset('parquet', data_files='parquet/paragraphs.parquet')`) "
        'or DuckDB (`duckdb policy_corpus.duckdb -c "select count(*) from paragraphs"`).',
        "",
        "## Sources",
        "",
        _md_table(source_cols, sources),
        "",
        "Texts of state organs are excluded from copyright by art. 5 of the PRC Copyright Law; "
        "whether this also covers Party texts is unsettled. The pipeline code is MIT-licensed.",
        "",
        "## Tables",
        "",
        _md_table(
            ["table", "rows", "what it holds"],
            [(t, counts[t], load_schema(t).description) for t in TABLES],
        ),
        "",
    ]
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        for heading, note, sql in CATALOGUE:
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            parts += [f"## {heading}", "", note, "", _md_table(cols, cur.fetchall()), ""]
    finally:
        con.close()
    if validation_summary:
        parts += ["## Data quality", "", validation_summary, ""]
    parts += ["## Example queries", ""]
    for title, sql, cols, rows in run_examples(db_path):
        parts += [f"### {title}", "", "```sql", sql.strip(), "```", "", _md_table(cols, rows), ""]
    parts += ["## Schema", ""]
    for table in TABLES:
        schema = load_schema(table)
        parts += [f"### `{table}`", "", schema.description, ""]
        rows = [
            (
                f"`{c.name}`",
                c.type,
                "yes" if c.nullable else "no",
                c.description + (f" One of: {', '.join(c.allowed)}." if c.allowed else ""),
            )
            for c in schema.columns
        ]
        parts += [_md_table(["column", "type", "nullable", "description"], rows), ""]
    return "\n".join(parts)
