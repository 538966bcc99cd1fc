"""Great Expectations as the judge of every expectation, on frames DuckDB computed.

The heavy work (joins across tables, slices of paragraph text, MD5s, windows over ordinals)
is done by DuckDB out of core; what reaches Great Expectations is a narrow pandas frame per
table and shard: the row IDs, the source, and one column per expectation (a value to compare,
or a boolean that is True where the expectation is met and null where it does not apply).
GX evaluates the suite on that frame with the shared ephemeral context, and its results come
back as `Outcome`s naming the failing rows and every failing source.

GX is imported lazily (it costs seconds) and one ephemeral context serves the process.
"""

from functools import cache
from typing import Any

import pandas as pd

from .outcomes import ERROR, SAMPLE_ROWS, WARN, Outcome, plain

SOURCE = "source_id"


#: Frames (in bytes of pandas memory) below which GX fingerprints a batch. GX hashes every
#: in-memory frame it validates (`hash_pandas_object` of all rows, then an MD5) only to name
#: the batch in its markers, which nothing here reads: on a 100 MB corpus that was 15 % of the
#: publication's checks. Zero: no frame is fingerprinted (the results are the same).
FINGERPRINT_BELOW_BYTES = 0


@cache
def context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    pandas_execution_engine.HASH_THRESHOLD = FINGERPRINT_BELOW_BYTES
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return ctx


def new_suite(name: str, expectations: list[Any]) -> Any:
    import great_expectations as gx

    context()  # GX needs an active context to build a suite
    suite = gx.ExpectationSuite(name=name)
    for e in expectations:
        suite.add_expectation(e)
    return suite


def _batch(asset_name: str, frame: pd.DataFrame) -> Any:
    ctx = context()
    try:
        source = ctx.data_sources.get("policy_corpus")
    except (KeyError, ValueError):
        source = ctx.data_sources.add_pandas("policy_corpus")
    try:
        asset = source.get_asset(asset_name)
    except (LookupError, ValueError):
        asset = source.add_dataframe_asset(name=asset_name)
    try:
        batch_def = asset.get_batch_definition("whole")
    except (KeyError, ValueError):
        batch_def = asset.add_batch_definition_whole_dataframe("whole")
    return batch_def.get_batch(batch_parameters={"dataframe": frame})


def run_suite(
    asset_name: str, frame: pd.DataFrame, suite: Any, id_columns: list[str]
) -> list[Outcome]:
    """Validate `frame` against `suite`: one Outcome per expectation, in suite order.

    Failing rows are named by `id_columns` (at most SAMPLE_ROWS in the sample); when the
    frame has a `source_id` column, every source with a failing row is listed in
    `failing_sources` (GX's COMPLETE result format gives all unexpected rows)."""
    index = [c for c in id_columns if c in frame.columns]
    if SOURCE in frame.columns and SOURCE not in index:
        index.append(SOURCE)
    result_format = {
        "result_format": "COMPLETE",
        "partial_unexpected_count": SAMPLE_ROWS,
        "unexpected_index_column_names": index,
        "return_unexpected_index_query": False,
    }
    result = _batch(asset_name, frame).validate(suite, result_format=result_format)
    return [_outcome(r, index) for r in result.results]


def _outcome(r: Any, index: list[str]) -> Outcome:
    cfg = r.expectation_config
    res = r.result or {}
    sample: list[Any] = []
    sources: set[str] = set()
    if not r.success:
        rows = res.get("unexpected_index_list") or []
        sources = {row.get(SOURCE) for row in rows if isinstance(row, dict) and row.get(SOURCE)}
        id_only = [c for c in index if c != SOURCE] or index
        sample = [
            {c: row.get(c) for c in id_only} if isinstance(row, dict) else row
            for row in rows[:SAMPLE_ROWS]
        ] or (res.get("partial_unexpected_list") or [])[:SAMPLE_ROWS]
        if not sample and r.exception_info and r.exception_info.get("exception_message"):
            sample = [r.exception_info["exception_message"]]
    column = (
        cfg.kwargs.get("column")
        or ",".join(str(cfg.kwargs[k]) for k in ("column_A", "column_B") if k in cfg.kwargs)
        or None
    )
    severity = getattr(cfg, "severity", None)
    elements = int(res.get("element_count") or 0) - int(res.get("missing_count") or 0)
    return Outcome(
        expectation=cfg.type,
        column=column,
        severity=WARN if str(getattr(severity, "value", severity)) == "warning" else ERROR,
        description=cfg.description or "",
        success=bool(r.success),
        unexpected_count=int(res.get("unexpected_count") or 0),
        element_count=max(elements, 0),
        sample=plain(sample),
        failing_sources=sorted(str(s) for s in sources),
    )


def expectation(kind: str, severity: str, description: str, **kwargs: Any) -> Any:
    """A GX expectation of class `kind` (e.g. "ExpectColumnValuesToBeInSet")."""
    import great_expectations.expectations as gxe
    from great_expectations.expectations.metadata_types import FailureSeverity

    level = FailureSeverity.WARNING if severity == WARN else FailureSeverity.CRITICAL
    return getattr(gxe, kind)(severity=level, description=description, **kwargs)
