"""The published tables: each is assembled from every shard's part by DuckDB, out of core
(rows of quarantined sources left out), sorted, and streamed into the staging folder, where
the blocking checks validate it before anything is published."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import dagster as dg

from ..schema import load_schema
from ..shard import CorpusState
from ..store import assemble
from ..store.workspace import Workspace
from ..text.tables import SOURCE_TABLES
from .lock import OutputLock
from .metadata import table_metadata
from .resources import CorpusSettings
from .shards import shard_key

PUBLISHED = "dataset"


def staged_path(settings: CorpusSettings, table: str):
    return settings.staging_path / "parquet" / f"{table}.parquet"


def corpus_state(settings: CorpusSettings) -> CorpusState:
    return CorpusState(Workspace(settings.work_path), list(settings.plan()))


def _metadata(settings: CorpusSettings, table: str, staged, extra: dict) -> dict:
    """The table's metadata with the path it is published at (the staged file it was
    validated in is gone once the dataset is published)."""
    meta = table_metadata(table, staged)
    meta["staged_path"] = dg.MetadataValue.path(str(staged))
    meta["path"] = dg.MetadataValue.path(str(settings.output_path / "parquet" / f"{table}.parquet"))
    meta.update(extra)
    return meta


#: The links step joins narrow rows (IDs, band keys, signatures): two threads fit its buffer.
LINK_THREADS = 2


def links_path(settings: CorpusSettings):
    return settings.staging_path / assemble.LINKS


@dg.asset(
    deps=[shard_key(t) for t in ("documents", "paragraphs", "facts")],
    group_name=PUBLISHED,
    kinds={"duckdb"},
    description=(
        "Corpus-wide links, before the tables are assembled: near-duplicate paragraphs and "
        "documents (MinHash LSH over every shard), each paragraph's earliest near-duplicate, "
        "and the corpus document each citation names."
    ),
)
def corpus_links(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    state = corpus_state(settings)
    with assemble.session(settings.work_path / "_duckdb", threads=LINK_THREADS) as con:
        assemble.register_quarantine(con, state.quarantined)
        assemble.register_work(con, state.parts, ["documents", "paragraphs", "facts", "minhash"])
        counts = assemble.assemble_links(con, links_path(settings))
    return dg.MaterializeResult(metadata={k: v for k, v in counts.items()})


#: Published tables with columns filled from the corpus-wide links.
_LINKED = {t for t, _ in assemble.LINKED}


def _table_spec(table: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        table,
        deps=[shard_key(table), *(["corpus_links"] if table in _LINKED else [])],
        group_name=PUBLISHED,
        kinds={"parquet", "duckdb"},
        description=load_schema(table).description,
    )


@dg.multi_asset(
    name="published_tables",
    specs=[_table_spec(t) for t in SOURCE_TABLES],
    can_subset=True,
    description=(
        "The per-source tables, each assembled from every shard's part by DuckDB (out of "
        "core) into its staged Parquet file; with several workers, that many tables at once."
    ),
)
def published_tables(
    context: dg.AssetExecutionContext, settings: CorpusSettings, output_lock: OutputLock
) -> Iterator[dg.MaterializeResult]:
    selected = {key.to_user_string() for key in context.selected_asset_keys}
    tables = [t for t in SOURCE_TABLES if t in selected]
    state = corpus_state(settings)
    results = assemble_tables(settings, state, tables)
    for table in tables:
        yield results[table]


def assemble_tables(
    settings: CorpusSettings, state: CorpusState, tables: list[str]
) -> dict[str, dg.MaterializeResult]:
    """Assemble `tables`, `settings.worker_count` at a time (largest first), each in its own
    bounded DuckDB session spilling to its own folder: the queries run in DuckDB's threads,
    outside the GIL, so two tables assemble in about the time of the larger (at 300x the
    sentences, 13 s, beside the paragraphs, 12 s, then the rest)."""

    def size(table: str) -> int:
        return sum(p.stat().st_size for p in state.parts(table))

    def one(table: str) -> dg.MaterializeResult:
        staged = staged_path(settings, table)
        with assemble.session(settings.work_path / "_duckdb" / table) as con:
            assemble.register_quarantine(con, state.quarantined)
            links = links_path(settings) if table in _LINKED else None
            assemble.assemble_table(con, table, state.parts(table), staged, links)
        extra = {"shards": len(state.keys)}
        if table == "sources":
            extra["quarantined"] = dg.MetadataValue.json(state.quarantined)
            extra["rejected"] = dg.MetadataValue.json(state.rejected)
        return dg.MaterializeResult(
            asset_key=table, metadata=_metadata(settings, table, staged, extra)
        )

    largest_first = sorted(tables, key=lambda t: (-size(t), t))
    workers = min(settings.worker_count, len(tables)) or 1
    if workers == 1:
        return {t: one(t) for t in largest_first}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="assemble") as pool:
        return dict(zip(largest_first, pool.map(one, largest_first), strict=True))


@dg.asset(
    name="formulas",
    deps=["facts", "documents"],
    group_name=PUBLISHED,
    kinds={"parquet", "duckdb"},
    description=load_schema("formulas").description,
)
def formulas(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    with assemble.session(settings.work_path / "_duckdb") as con:
        assemble.assemble_formulas(con, settings.staging_path / "parquet")
    staged = staged_path(settings, "formulas")
    return dg.MaterializeResult(metadata=_metadata(settings, "formulas", staged, {}))


@dg.asset(
    name="near_duplicates",
    deps=[corpus_links],
    group_name=PUBLISHED,
    kinds={"parquet", "duckdb"},
    description=load_schema("near_duplicates").description,
)
def near_duplicates(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    staged = staged_path(settings, "near_duplicates")
    with assemble.session(settings.work_path / "_duckdb") as con:
        assemble.assemble_near_duplicates(con, links_path(settings), staged)
    return dg.MaterializeResult(metadata=_metadata(settings, "near_duplicates", staged, {}))


all_table_assets = [corpus_links, published_tables, formulas, near_duplicates]
