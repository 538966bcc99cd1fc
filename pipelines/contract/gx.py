"""Great Expectations as the judge of every expectation, on frames DuckDB computed.

The heavy work (joins across tables, slices of paragraph text, MD5s, windows over ordinals)
is done by DuckDB out of core; what reaches Great Expectations is a narrow pandas frame per
table and shard: the row IDs, the source, and one column per expectation (a value to compare,
or a boolean that is True where the expectation is met and null where it does not apply).
GX evaluates the suite on that frame with the shared ephemeral context, and its results come
back as `Outcome`s naming the failing rows and every failing source.

GX is imported lazily (it costs seconds) and one ephemeral context serves the process.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
    _memoize_configurations()
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return ctx


_validating = threading.local()
_gx_configuration: list[Any] = []  # GX's own getter of `Expectation.configuration`


def _memoize_configurations() -> None:
    """While a suite is validated (`_configurations_memoized`), each expectation builds its
    `configuration` once. GX's property rebuilds it (a pydantic `dict()`, a regex on the class
    name) on every read, and reads it for every domain, success and runtime key while building
    the metric graph: 26,000 times for the 400 expectations of one shard, ~20 % of the shard's
    validation (4.8 -> 3.8 s on a 10 MB shard). Outside a validation GX's property is used as
    it is; the cache lives for one validation, which does not change its expectations."""
    from great_expectations.expectations.expectation import Expectation

    if not _gx_configuration:
        _gx_configuration.append(Expectation.configuration.fget)
        Expectation.configuration = property(_configuration_reader(_gx_configuration[0]))  # type: ignore[method-assign]


def _original_configuration() -> Any:
    """GX's own getter of an expectation's configuration."""
    context()
    return _gx_configuration[0]


def _configuration_reader(build: Any) -> Any:
    """The getter that `build`s a configuration once per expectation and validation."""

    def configuration(self: Any) -> Any:
        built = getattr(_validating, "configurations", None)
        if built is None:
            return build(self)
        held = built.get(id(self))
        if held is None or held[0] is not self:
            held = built[id(self)] = (self, build(self))
        return held[1]

    return configuration


@contextmanager
def _configurations_memoized() -> Iterator[None]:
    _validating.configurations = {}
    try:
        yield
    finally:
        _validating.configurations = None


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
    batch = _batch(asset_name, frame)
    with _configurations_memoized():
        result = batch.validate(suite, result_format=result_format)
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
