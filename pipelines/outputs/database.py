"""The DuckDB database: one table per Parquet file, plus views for the common questions.

- Data is copied in (no view over a relative Parquet path), so the file opens from any
  folder, copied anywhere.
- Written in DuckDB's storage format v1.0.0 (`STORAGE_VERSION`), which DuckDB 1.0 and
  later (2.x included) open; DuckDB 2.0's own format (v69) is unreadable to the 1.x CLI.
- The schema's contract is declared where DuckDB 1.0 can still read it: NOT NULL, an ENUM
  type per named enum of `schemas/enums.yaml`, comments on every table and column, and the
  primary and foreign keys as rows of the table `table_keys` (a PRIMARY KEY constraint would
  make DuckDB 2.0 write an index that DuckDB 1.0 cannot read: "Serialization Error … field
  id 103").
- Offsets in the paragraph are `para_start`/`para_end` (no quoting: `end` is a keyword); the
  Parquet names `start`/`end` stay as virtual columns for schema version 1.1 and go in the
  next one (the card's changelog says so).

The tables are filled by DuckDB straight from the Parquet files (out of core): nothing here
loads a table into Python.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb

from ..schema import SCHEMA_VERSION, TABLES, Column, TableSchema, load_enums, load_schema
from ..store.memory import duckdb_session

DB_NAME = "policy_corpus.duckdb"
#: Storage format written: readable by DuckDB 1.0.0 and every later release.
STORAGE_VERSION = "v1.0.0"
#: The storage version number in the file header of a STORAGE_VERSION file (DuckDB 1.x
#: reads 64..68; DuckDB 2.0's own files carry another).
HEADER_VERSION = 64
#: Offset columns given unquoted names in the database; the old names remain as virtual
#: (generated) columns for one schema version.
OFFSET_ALIASES = {"start": "para_start", "end": "para_end"}

_SQL_TYPES = {
    "string": "VARCHAR",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "date32": "DATE",
    "list<string>": "VARCHAR[]",
}

#: DuckDB threads while the tables are loaded: loading a table into a database file is
#: compressed and written mostly by one thread, and the second only coordinates: at 300x the
#: sentences (562k rows with their token and tag lists) load in 6.6 s on one thread against
#: 8.5 s on two.
LOAD_THREADS = 1


def _heading(alias: str = "") -> str:
    """SQL for a heading as printed: a numbering ending in punctuation (一、 （一） 1．) runs
    into the title, a bullet (●) or a markdown mark is set off by a space."""
    label, title = f"{alias}label", f"{alias}title"
    return (
        f"coalesce({label} || case when regexp_matches({label}, '[、．.）)]$') then '' "
        f"else ' ' end, '') || {title}"
    )


VIEWS = {
    "section_paths": f"""
        with recursive walk(section_id, doc_id, level, section_path) as (
            select section_id, doc_id, level, {_heading()}
            from sections where parent_id is null
            union all
            select s.section_id, s.doc_id, s.level,
                   w.section_path || ' › ' || {_heading("s.")}
            from sections s join walk w on s.parent_id = w.section_id
        )
        select section_id, doc_id, level, section_path from walk""",
    "paragraph_context": """
        select p.para_id, p.doc_id, p.section_id, d.title as doc_title, d.file_name, d.publish_date,
               p.ordinal, p.kind, s.label as section_label, s.title as section_title,
               sp.section_path, p.text, p.line_start, p.line_end
        from paragraphs p
        join documents d on d.doc_id = p.doc_id
        left join sections s on s.section_id = p.section_id
        left join section_paths sp on sp.section_id = p.section_id""",
    "fact_context": """
        select f.*, d.title as doc_title, d.publish_date, d.doc_type, d.file_name,
               s.text as sentence_text, p.text as paragraph_text
        from facts f
        join documents d on d.doc_id = f.doc_id
        join paragraphs p on p.para_id = f.para_id
        left join sentences s on s.sent_id = f.sent_id""",
}

VIEW_COMMENTS = {
    "section_paths": "Every section with its path from the top of the document's heading tree "
    "(label and title of each ancestor, joined by ' › ').",
    "paragraph_context": "Every paragraph with its document's title and date and its section "
    "(label, title and path).",
    "fact_context": "Every fact with the sentence it stands in, its paragraph and its document.",
}


def column_definitions(schema: TableSchema) -> list[str]:
    """The CREATE TABLE column list of a table: declared types, NOT NULL, enum types,
    offsets under their unquoted names, the old offset names as virtual columns."""
    aliased = _renames(schema)
    defs = []
    for col in schema.columns:
        name = aliased.get(col.name, col.name)
        defs.append(f'"{name}" {_sql_type(col)}' + ("" if col.nullable else " NOT NULL"))
    for old, new in aliased.items():
        defs.append(f'"{old}" {_sql_type(schema.column(old))} GENERATED ALWAYS AS ({new}) VIRTUAL')
    return defs


def _table_keys(con: duckdb.DuckDBPyConnection) -> None:
    """The primary and foreign keys of every table, as data (see the module docstring)."""
    con.execute(
        "CREATE TABLE table_keys (table_name VARCHAR NOT NULL, kind VARCHAR NOT NULL, "
        "columns VARCHAR[] NOT NULL, ref_table VARCHAR, ref_columns VARCHAR[])"
    )
    rows = []
    for table in TABLES:
        schema = load_schema(table)
        rows.append((table, "primary key", list(schema.primary_key), None, None))
        for fk in schema.foreign_keys:
            rows.append((table, "foreign key", [fk.column], fk.table, [fk.ref_column]))
    con.executemany("INSERT INTO table_keys VALUES (?, ?, ?, ?, ?)", rows)
    con.execute(
        "COMMENT ON TABLE table_keys IS 'Primary and foreign keys of every table (declared as "
        "data so that DuckDB 1.0 reads this file; the validation report checks them).'"
    )


def _sql_type(col: Column) -> str:
    return col.enum if col.enum else _SQL_TYPES[col.type]


def build_database(
    parquet_dir: Path,
    db_path: Path,
    *,
    info: dict[str, str] | None = None,
    workers: int = 1,
) -> dict[str, int]:
    """(Re)create the database from the Parquet files; returns row counts per table.

    `info` (dataset version, code fingerprint…) is stored in the table `dataset_info`. With
    several `workers`, that many tables are loaded at once (`_fill_tables`)."""
    db_path = Path(db_path)
    db_path.unlink(missing_ok=True)
    db_path.with_name(db_path.name + ".wal").unlink(missing_ok=True)
    with duckdb_session(threads=LOAD_THREADS) as con:
        con.execute(
            f"ATTACH '{_quote(str(db_path))}' AS corpus (STORAGE_VERSION '{STORAGE_VERSION}')"
        )
        con.execute("USE corpus")
        for name, values in load_enums().items():
            listed = ", ".join(f"'{_quote(v)}'" for v in values)
            con.execute(f"CREATE TYPE {name} AS ENUM ({listed})")
        schemas = [load_schema(table) for table in TABLES]
        for schema in schemas:
            con.execute(f"CREATE TABLE {schema.name} ({', '.join(column_definitions(schema))})")
        _fill_tables(con, schemas, parquet_dir, workers)
        counts = {s.name: _comment_table(con, s) for s in schemas}
        for name, sql in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
            con.execute(f"COMMENT ON VIEW {name} IS '{_quote(VIEW_COMMENTS[name])}'")
        rows = {
            "schema_version": SCHEMA_VERSION,
            "storage_version": STORAGE_VERSION,
            **(info or {}),
        }
        _table_keys(con)
        con.execute("CREATE TABLE dataset_info (key VARCHAR NOT NULL, value VARCHAR)")
        con.executemany("INSERT INTO dataset_info VALUES (?, ?)", sorted(rows.items()))
        con.execute(
            "COMMENT ON TABLE dataset_info IS 'Versions of the dataset, its schema and the code that built it.'"
        )
        con.execute("CHECKPOINT corpus")
        con.execute("USE memory")
        con.execute("DETACH corpus")
    return counts


def _fill_tables(
    con: duckdb.DuckDBPyConnection, schemas: list[TableSchema], parquet_dir: Path, workers: int
) -> None:
    """Copy each table's rows in from its Parquet file. With several workers, the tables are
    filled at once, largest file first, each by its own cursor in its own thread (an append
    to one table does not conflict with an append to another, and DuckDB runs each query on
    the thread that sent it, outside the GIL): at 300x, on 2 workers, 13.9 s instead of 21.3
    (the sentences, 11.8 s, beside the paragraphs and the rest). Each table's rows go in in
    the file's order either way, by one INSERT."""

    def fill(schema: TableSchema, cursor: duckdb.DuckDBPyConnection) -> None:
        renames = _renames(schema)
        stored = ", ".join(f'"{renames.get(c, c)}"' for c in schema.column_names)
        selected = ", ".join(f'"{c}"' for c in schema.column_names)
        path = str(parquet_dir / f"{schema.name}.parquet")
        cursor.execute(
            f"INSERT INTO {schema.name} ({stored}) SELECT {selected} FROM read_parquet(?)", [path]
        )

    if workers <= 1:
        for schema in schemas:
            fill(schema, con)
        return

    def fill_in_own_cursor(schema: TableSchema) -> None:
        with con.cursor() as cursor:
            cursor.execute("USE corpus")
            fill(schema, cursor)

    def size(schema: TableSchema) -> int:
        return (parquet_dir / f"{schema.name}.parquet").stat().st_size

    largest_first = sorted(schemas, key=lambda s: (-size(s), s.name))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="load") as pool:
        list(pool.map(fill_in_own_cursor, largest_first))


def _comment_table(con: duckdb.DuckDBPyConnection, schema: TableSchema) -> int:
    """Comments on the table and its columns; returns its row count."""
    table, renames = schema.name, _renames(schema)
    con.execute(f"COMMENT ON TABLE {table} IS '{_quote(schema.description)}'")
    for col in schema.columns:
        name = renames.get(col.name, col.name)
        con.execute(f"COMMENT ON COLUMN {table}.\"{name}\" IS '{_quote(col.description)}'")
    for old, new in renames.items():
        note = f"Deprecated alias of {new} (kept for schema version {SCHEMA_VERSION} only)."
        con.execute(f"COMMENT ON COLUMN {table}.\"{old}\" IS '{_quote(note)}'")
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _renames(schema: TableSchema) -> dict[str, str]:
    """The offset columns a table stores under unquoted names (tables with start and end)."""
    return dict(OFFSET_ALIASES) if set(OFFSET_ALIASES) <= set(schema.column_names) else {}


def _quote(text: str) -> str:
    return text.replace("'", "''")
