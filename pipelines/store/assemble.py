"""Assemble the published tables from the shards, out of core.

DuckDB reads every shard's part of a table (one glob over the hive-partitioned work cache),
leaves out the rows of quarantined sources, sorts by the schema's order and streams the
result in record batches into one deterministic Parquet file per table (`ParquetSink`): the
memory a table costs is DuckDB's bounded sort (it spills to disk beyond its limit) plus one
row group, whatever the size of the corpus. The same rows in give the same bytes out, however
the corpus was sharded.

The `sources` rows of quarantined sources are published, with `status = quarantined`, the
failing expectations in `error` and their row counts at zero (their rows are not published).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from ..schema import load_schema
from .memory import duckdb_session
from .parquet import ParquetSink

BATCH_ROWS = 20_000
ASSEMBLY_THREADS = 1

#: SQL giving the source of a row, per work table.
SOURCE_OF = {
    "sources": "source_id",
    "documents": "source_id",
    "paragraphs": "source_id",
    "removed": "source_id",
    "sections": "split_part(section_id, '-', 1)",
    "sentences": "split_part(sent_id, '-', 1)",
    "facts": "split_part(fact_id, '-', 1)",
    "keywords": "split_part(doc_id, '-', 1)",
    "minhash": "split_part(item_id, '-', 1)",
}


@contextmanager
def session(temp_dir: Path, threads: int = ASSEMBLY_THREADS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A bounded DuckDB connection for one assembly step (`memory.duckdb_session`), spilling
    to temp_dir, keeping the order rows are read in. One thread: the sort of a wide table
    (paragraphs with their text, 100 MB of raw text) spills within 256 MB on one thread and
    ran out of it on two (each thread holds its own sort buffers)."""
    with duckdb_session(temp_dir, threads=threads) as con:
        con.execute("set preserve_insertion_order = true")
        yield con


def _quote(text: str) -> str:
    return text.replace("'", "''")


def _files(paths: list[Path]) -> str:
    return "[" + ", ".join(f"'{_quote(str(p))}'" for p in paths) + "]"


def register_quarantine(con: duckdb.DuckDBPyConnection, quarantined: dict[str, str]) -> None:
    rows = sorted(quarantined.items())
    data = pa.table(
        {"source_id": [r[0] for r in rows], "error": [r[1] for r in rows]},
        schema=pa.schema([("source_id", pa.string()), ("error", pa.string())]),
    )
    con.register("__quarantine_rows", data)
    con.execute("create or replace view quarantine as select * from __quarantine_rows")


#: Columns filled corpus-wide when the table is assembled: column -> (links file, key).
LINKED = {
    ("paragraphs", "near_dup_of"): ("near_dup_of", "para_id"),
    ("facts", "cited_doc_id"): ("citations", "fact_id"),
}
LINKS = "_links"


def register_work(
    con: duckdb.DuckDBPyConnection, parts: Callable[[str], list[Path]], tables: list[str]
) -> None:
    """Views `work_<table>`: the rows of the work cache that will be published (quarantined
    sources left out), for the corpus-wide steps that run before the assembly."""
    for table in tables:
        files = parts(table)
        if not files:
            schema = load_schema(table).arrow_schema
            con.register(f"__empty_{table}", schema.empty_table())
            con.execute(f"create or replace view work_{table} as select * from __empty_{table}")
            continue
        keep = f"{SOURCE_OF.get(table, _ITEM_SOURCE)} not in (select source_id from quarantine)"
        con.execute(
            f"create or replace view work_{table} as "
            f"select * from read_parquet({_files(files)}) where {keep}"
        )


_ITEM_SOURCE = "split_part(item_id, '-', 1)"


def assemble_links(con: duckdb.DuckDBPyConnection, links_dir: Path) -> dict[str, int]:
    """The corpus-wide links, from the `work_*` views: near-duplicate pairs, each
    paragraph's earliest near-duplicate, and the corpus document each citation names."""
    from ..text.links import link_citations
    from ..text.near_dup_pairs import near_dup_of, near_duplicate_pairs

    links_dir.mkdir(parents=True, exist_ok=True)
    pairs = near_duplicate_pairs(con, "work_minhash")
    con.register("__pairs", pairs)
    counts = {"near_duplicates": pairs.num_rows}
    _write_plain(pairs, links_dir / "near_duplicates.parquet")
    earliest = near_dup_of(con, "__pairs", "work_paragraphs", "work_documents")
    counts["near_dup_of"] = earliest.num_rows
    _write_plain(earliest, links_dir / "near_dup_of.parquet")
    citations = link_citations(con, "work_documents", "work_facts")
    counts["citations"] = citations.num_rows
    _write_plain(citations, links_dir / "citations.parquet")
    return counts


def _write_plain(data: pa.Table, path: Path) -> None:
    with ParquetSink(path, data.schema) as sink:
        sink.write(data)


def table_query(table: str, parts: list[Path], links_dir: Path | None = None) -> str:
    """The published rows of a work table, in the schema's order."""
    schema = load_schema(table)
    order = ", ".join(f'"{c}" asc nulls first' for c in (*schema.sort_by, *schema.primary_key))
    relation = f"read_parquet({_files(parts)}, union_by_name = false)"
    columns = ", ".join(f'"{c}"' for c in schema.column_names)
    for (linked_table, column), (name, key) in LINKED.items():
        if linked_table == table and links_dir is not None:
            links = _quote(str(links_dir / f"{name}.parquet"))
            columns = columns.replace(f'"{column}"', f"l.{column} as {column}")
            relation += f" t left join read_parquet('{links}') l using ({key})"
    if table == "sources":
        select = columns.replace('"status"', _quarantined_status()).replace(
            '"error"', "coalesce(q.error, t.error) as error"
        )
        for count in ("document_count", "paragraph_count", "removed_count"):
            select = select.replace(
                f'"{count}"', f"case when q.source_id is null then t.{count} else 0 end as {count}"
            )
        return (
            f"select {select} from {relation} t left join quarantine q using (source_id) "
            f"order by {order}"
        )
    keep = f"{SOURCE_OF[table]} not in (select source_id from quarantine)"
    return f"select {columns} from {relation} where {keep} order by {order}"


def _quarantined_status() -> str:
    return "case when q.source_id is null then t.status else 'quarantined' end as status"


def write_query(con: duckdb.DuckDBPyConnection, sql: str, table: str, path: Path) -> int:
    """Stream a query's rows into the table's Parquet file; returns the rows written."""
    schema = load_schema(table).arrow_schema
    reader = con.sql(sql).to_arrow_reader(BATCH_ROWS)
    with ParquetSink(path, schema) as sink:
        for batch in reader:
            sink.write(batch)
    return sink.rows


def assemble_table(
    con: duckdb.DuckDBPyConnection,
    table: str,
    parts: list[Path],
    path: Path,
    links_dir: Path | None = None,
) -> int:
    if not parts:
        ParquetSink(path, load_schema(table).arrow_schema).close()
        return 0
    return write_query(con, table_query(table, parts, links_dir), table, path)


def assemble_near_duplicates(con: duckdb.DuckDBPyConnection, links_dir: Path, path: Path) -> int:
    pairs = _quote(str(links_dir / "near_duplicates.parquet"))
    sql = f"select a_id, b_id, level, similarity from read_parquet('{pairs}') order by level, a_id, b_id"
    return write_query(con, sql, "near_duplicates", path)


FORMULAS_SQL = """
select f.normalized as formula, count(*)::bigint as "count",
       count(distinct f.doc_id)::bigint as doc_count,
       min(d.publish_date) as first_date, max(d.publish_date) as last_date,
       list(distinct f.doc_id order by f.doc_id) as doc_ids
from read_parquet('{facts}') f left join read_parquet('{documents}') d using (doc_id)
where f.type = 'formula'
group by f.normalized
order by formula
"""


def assemble_formulas(con: duckdb.DuckDBPyConnection, parquet_dir: Path) -> int:
    """The corpus-wide index of formula facts, from the staged facts and documents."""
    sql = FORMULAS_SQL.format(
        facts=_quote(str(parquet_dir / "facts.parquet")),
        documents=_quote(str(parquet_dir / "documents.parquet")),
    )
    return write_query(con, sql, "formulas", parquet_dir / "formulas.parquet")


def assemble_all(
    tables: list[str],
    parts: Callable[[str], list[Path]],
    quarantined: dict[str, str],
    parquet_dir: Path,
    temp_dir: Path,
) -> dict[str, int]:
    """Write every published table (and formulas last); rows per table."""
    with session(temp_dir) as con:
        register_quarantine(con, quarantined)
        counts = {t: assemble_table(con, t, parts(t), parquet_dir / f"{t}.parquet") for t in tables}
        counts["formulas"] = assemble_formulas(con, parquet_dir)
        return counts
