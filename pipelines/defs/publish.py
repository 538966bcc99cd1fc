"""The DuckDB database, the validation report, the Frictionless and Croissant metadata, the
figures, the dataset card, the checksums and the publication of the staged dataset."""

import json

import dagster as dg

from ..contract.dataset import dataset_reports
from ..contract.report import INDEX, REPORT_DIR, RESULTS, summary_markdown, write_report
from ..outputs.about import DATA_LICENSE_FILE, build_info
from ..outputs.card import render_card
from ..outputs.croissant import write_croissant
from ..outputs.database import build_database
from ..outputs.datapackage import write_datapackage
from ..outputs.figures import FIGURES_DIR, list_figures, write_figures
from ..outputs.measured import card_measures
from ..paths import REPO_ROOT
from ..provenance import load_provenance
from ..schema import TABLES
from ..store.checksums import check_files, write_checksums
from ..store.publication import pause_point, promote
from .lock import OutputLock
from .resources import CorpusSettings
from .tables import PUBLISHED, corpus_state

DB_NAME = "policy_corpus.duckdb"


def _path(settings: CorpusSettings, name: str) -> dg.MetadataValue:
    return dg.MetadataValue.path(str(settings.output_path / name))


@dg.asset(
    deps=list(TABLES),
    group_name=PUBLISHED,
    kinds={"duckdb"},
    description="DuckDB database with one table per Parquet file and convenience views.",
)
def duckdb_database(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    pause_point("staging")
    path = settings.staging_path / DB_NAME
    counts = build_database(
        settings.staging_path / "parquet",
        path,
        info=build_info(settings.facts_tagger),
        workers=settings.worker_count,
    )
    return dg.MaterializeResult(
        metadata={"path": _path(settings, DB_NAME), "row_counts": dg.MetadataValue.json(counts)}
    )


def write_validation_report(settings: CorpusSettings) -> dict:
    """Write the report of the staged dataset into the staging folder; returns its data."""
    from ..text.tables import source_id_for

    state = corpus_state(settings)
    parquet = settings.staging_path / "parquet"
    present = [t for t in TABLES if (parquet / f"{t}.parquet").exists()]
    reports = dataset_reports(state.reports(), parquet, present, state.key, settings.worker_count)
    names = {
        source_id_for(f["name"]): f["name"]
        for m in state.manifests.values()
        for f in m.get("files") or []
    }
    quarantined = [
        {"source_id": sid, "file_name": names.get(sid), "error": error}
        for sid, error in state.quarantined.items()
    ]
    return write_report(reports, settings.staging_path / REPORT_DIR, parquet, quarantined)


@dg.asset(
    deps=list(TABLES),
    group_name=PUBLISHED,
    kinds={"html", "json"},
    description=(
        "Validation report (outputs/validation/index.html and results.json): every table, "
        "every expectation of its schema suite, integrity and corpus checks, severity, result, "
        "failing rows, quarantined sources."
    ),
)
def validation_report(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    data = write_validation_report(settings)
    published = settings.output_path / REPORT_DIR
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published / INDEX)),
            "results": dg.MetadataValue.path(str(published / RESULTS)),
            **dict(data["summary"].items()),
            "summary": dg.MetadataValue.md(summary_markdown(data, str(published / INDEX))),
        }
    )


@dg.asset(
    deps=list(TABLES),
    group_name=PUBLISHED,
    kinds={"json"},
    description="datapackage.json: the dataset as a Frictionless Data Package v2 (schemas, "
    "keys, sizes, SHA-256, licences, sources), generated from schemas/.",
)
def datapackage(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    path = write_datapackage(
        settings.staging_path / "parquet", settings.staging_path, settings.facts_tagger
    )
    return dg.MaterializeResult(metadata={"path": _path(settings, path.name)})


@dg.asset(
    deps=list(TABLES),
    group_name=PUBLISHED,
    kinds={"json"},
    description="croissant.json: Croissant 1.1 metadata (a record set per table), generated "
    "from schemas/.",
)
def croissant(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    path = write_croissant(settings.staging_path / "parquet", settings.staging_path)
    return dg.MaterializeResult(metadata={"path": _path(settings, path.name)})


@dg.asset(
    deps=[duckdb_database],
    group_name=PUBLISHED,
    kinds={"svg"},
    description="The card's figures (figures/*.svg): documents and characters per source, "
    "facts per type, paragraph lengths, top formulas by year, extractor precision.",
)
def dataset_figures(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    written = write_figures(
        settings.staging_path / DB_NAME,
        settings.staging_path / FIGURES_DIR,
        card_measures().precision,
    )
    return dg.MaterializeResult(metadata={"figures": [caption for _, caption in written]})


@dg.asset(
    deps=[duckdb_database, validation_report, dataset_figures],
    group_name=PUBLISHED,
    kinds={"markdown"},
    description="Dataset card (outputs/README.md): a Hugging Face dataset card with sources, "
    "licences, row counts, figures, schema, example queries.",
)
def dataset_card(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    results = settings.staging_path / REPORT_DIR / RESULTS
    summary = (
        summary_markdown(json.loads(results.read_text(encoding="utf-8")))
        if results.exists()
        else None
    )
    notes = {n: p.note for n, p in load_provenance(settings.input_path).items() if p.note}
    measures = card_measures()
    text = render_card(
        settings.staging_path / DB_NAME,
        validation_summary=summary,
        precision=measures.precision,
        heldout=measures.heldout,
        figures=list_figures(settings.staging_path / FIGURES_DIR),
        source_notes=notes,
    )
    (settings.staging_path / "README.md").write_text(text, encoding="utf-8")
    licence = (REPO_ROOT / DATA_LICENSE_FILE).read_text(encoding="utf-8")
    (settings.staging_path / DATA_LICENSE_FILE).write_text(licence, encoding="utf-8")
    return dg.MaterializeResult(
        metadata={"path": _path(settings, "README.md"), "card": dg.MetadataValue.md(text[:20000])}
    )


_STAGED = [
    dataset_card,
    duckdb_database,
    validation_report,
    datapackage,
    croissant,
    dataset_figures,
]


@dg.asset(
    deps=[*_STAGED, *TABLES],
    group_name=PUBLISHED,
    kinds={"sha256"},
    description=(
        "checksums.sha256: the SHA-256 of every file of the staged dataset (sha256sum format), "
        "written last, published with it, checked by `make verify`."
    ),
)
def checksums(settings: CorpusSettings, output_lock: OutputLock) -> dg.MaterializeResult:
    path = write_checksums(settings.staging_path)
    listed = len(path.read_text(encoding="utf-8").splitlines())
    return dg.MaterializeResult(metadata={"path": _path(settings, path.name), "files": listed})


@dg.asset(
    deps=[checksums, *_STAGED, *TABLES],
    group_name=PUBLISHED,
    description="Swaps the validated, staged dataset into the output folder.",
    check_specs=[
        dg.AssetCheckSpec(
            "published_files_match_their_checksums",
            asset="published_dataset",
            description="Every published file is there with the SHA-256 of checksums.sha256.",
        )
    ],
)
def published_dataset(settings: CorpusSettings, output_lock: OutputLock):
    published = promote(settings.staging_path, settings.output_path)
    yield dg.MaterializeResult(
        metadata={
            "output": dg.MetadataValue.path(str(settings.output_path)),
            "published": published,
        }
    )
    problems = check_files(settings.output_path)
    yield dg.AssetCheckResult(
        check_name="published_files_match_their_checksums",
        passed=not problems,
        metadata={"problems": dg.MetadataValue.json(problems)},
        description="; ".join(f"{f}: {p}" for f, p in problems) or "every file matches",
    )


publish_assets = [
    duckdb_database,
    validation_report,
    datapackage,
    croissant,
    dataset_figures,
    dataset_card,
    checksums,
    published_dataset,
]
