"""Corpus-wide checks: what per-shard validation cannot see, on the assembled tables.

Every shard was validated on its own (`engine.py`); these checks run once on the staged,
published files, as SQL pushed down to DuckDB over the Parquet (out of core, whatever the
size of the corpus), and a failure stops publication: primary keys unique across the whole
dataset; every reference (`doc_id`, `para_id`, `sent_id`, `section_id`, `parent_id`,
`source_id`, `continues_doc_id`) resolves across the whole dataset; no row of a rejected or
quarantined source is published; the `*_count` columns of `sources` equal the published rows.
The references are the foreign keys `schemas/` declares.
"""

from pathlib import Path

from ..schema import load_schema
from ..store.memory import duckdb_session
from .outcomes import ERROR, SAMPLE_ROWS, Outcome, ValidationReport

#: Tables whose rows belong to one source, with the SQL giving it.
OWNED = {
    "documents": "source_id",
    "paragraphs": "source_id",
    "removed": "source_id",
}
COUNTS = (
    ("document_count", "documents"),
    ("paragraph_count", "paragraphs"),
    ("removed_count", "removed"),
)


def _outcome(con, description: str, column: str | None, total_sql: str, bad_sql: str) -> Outcome:
    total = con.execute(total_sql).fetchone()[0]
    bad = con.execute(f"select count(*) from ({bad_sql})").fetchone()[0]
    sample = []
    if bad:
        cur = con.execute(f"select * from ({bad_sql}) limit {SAMPLE_ROWS}")
        names = [d[0] for d in cur.description]
        sample = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    return Outcome(
        "corpus_sql",
        column,
        ERROR,
        description,
        bad == 0,
        unexpected_count=int(bad),
        element_count=int(total),
        sample=[{k: str(v) for k, v in r.items()} for r in sample],
    )


def corpus_reports(parquet_dir: Path, tables: list[str]) -> list[ValidationReport]:
    """The corpus-wide checks of the staged tables (one report per table)."""
    with duckdb_session() as con:
        for table in {*tables, "sources"}:
            path = str(parquet_dir / f"{table}.parquet").replace("'", "''")
            con.execute(f"create view {table} as select * from read_parquet('{path}')")
        return [_table_report(con, t, set(tables)) for t in tables]


def _table_report(con, table: str, present: set[str]) -> ValidationReport:
    schema = load_schema(table)
    rows = f"select count(*) from {table}"
    outcomes = []
    pk = ", ".join(f'"{c}"' for c in schema.primary_key)
    outcomes.append(
        _outcome(
            con,
            f"primary key ({', '.join(schema.primary_key)}) unique across the whole dataset",
            ",".join(schema.primary_key),
            rows,
            f"select {pk}, count(*) as copies from {table} group by all having count(*) > 1",
        )
    )
    for fk in schema.foreign_keys:
        column, ref, ref_column = fk.column, fk.table, fk.ref_column
        if ref not in present:
            continue
        outcomes.append(
            _outcome(
                con,
                f"every {column} is a {ref}.{ref_column} of the dataset",
                column,
                f"select count({column}) from {table}",
                f"select {pk}, t.{column} from {table} t where t.{column} is not null and "
                f"t.{column} not in (select {ref_column} from {ref})",
            )
        )
    if table in OWNED:
        outcomes.append(
            _outcome(
                con,
                "no row of a rejected or quarantined source is published",
                "source_id",
                rows,
                f"select {pk}, source_id from {table} where source_id not in "
                "(select source_id from sources where status = 'ok')",
            )
        )
    if table == "sources":
        for count, other in COUNTS:
            if other not in present:
                continue
            outcomes.append(
                _outcome(
                    con,
                    f"{count} equals the published rows of {other}",
                    count,
                    rows,
                    f"select s.source_id, s.{count}, coalesce(n.n, 0) as published from sources s "
                    f"left join (select source_id, count(*) n from {other} group by 1) n "
                    f"using (source_id) where s.{count} <> coalesce(n.n, 0)",
                )
            )
    return ValidationReport.of(table, "corpus", outcomes, rows=con.execute(rows).fetchone()[0])
