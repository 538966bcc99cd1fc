"""The DuckDB database: one table per Parquet file (data copied in, so the file works from
any folder), plus convenience views."""

from pathlib import Path

import duckdb

from ..schema import TABLES, load_schema

VIEWS = {
    "paragraph_context": """
        select p.para_id, p.doc_id, d.title as doc_title, d.file_name, d.publish_date,
               p.ordinal, p.kind, s.label as section_label, s.title as section_title,
               p.text, p.line_start, p.line_end
        from paragraphs p
        join documents d using (doc_id)
        left join sections s on s.section_id = p.section_id""",
    "fact_context": """
        select f.*, d.title as doc_title, d.publish_date, d.doc_type, p.text as paragraph_text
        from facts f
        join documents d using (doc_id)
        join paragraphs p using (para_id)""",
}


def build_database(parquet_dir: Path, db_path: Path) -> dict[str, int]:
    """(Re)create the database from the Parquet files; returns row counts per table."""
    db_path.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    con = duckdb.connect(str(db_path))
    try:
        for table in TABLES:
            path = parquet_dir / f"{table}.parquet"
            con.execute(f"create table {table} as select * from read_parquet(?)", [str(path)])
            schema = load_schema(table)
            con.execute(f"comment on table {table} is '{_quote(schema.description)}'")
            for col in schema.columns:
                con.execute(
                    f"comment on column {table}.\"{col.name}\" is '{_quote(col.description)}'"
                )
            counts[table] = con.execute(f"select count(*) from {table}").fetchone()[0]
        for name, sql in VIEWS.items():
            con.execute(f"create view {name} as {sql}")
        con.execute("checkpoint")
    finally:
        con.close()
    return counts


def _quote(text: str) -> str:
    return text.replace("'", "''")
