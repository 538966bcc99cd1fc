"""Great Expectations suites built from `schemas/`, and their results in plain data.

No Dagster here: the asset checks call `validate_table`, tests call it too. GX is imported
lazily (it costs seconds) and one ephemeral context is reused per process.
"""

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd
import pyarrow as pa

from .schema import TableSchema, load_schema

#: Extra column added to the validated frame so GX can compare char_count with len(text).
TEXT_LEN = "__text_len"
SAMPLE_ROWS = 10


@dataclass
class Failure:
    expectation: str
    column: str | None
    unexpected_count: int
    sample: list[Any] = field(default_factory=list)  # failing rows (IDs) or values

    def describe(self) -> str:
        where = f" on column {self.column}" if self.column else ""
        return f"{self.expectation}{where}: {self.unexpected_count} row(s), e.g. {self.sample[:5]}"


@dataclass
class ValidationReport:
    table: str
    success: bool
    evaluated: int
    failures: list[Failure]
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@cache
def _context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return ctx


def build_suite(schema: TableSchema, frame_columns: list[str]) -> Any:
    """One expectation suite per table, derived from its schema."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    _context()  # GX needs an active context to build a suite
    suite = gx.ExpectationSuite(name=f"{schema.name}_suite")
    suite.add_expectation(gxe.ExpectTableColumnsToMatchOrderedList(column_list=schema.column_names))
    if len(schema.primary_key) > 1:
        suite.add_expectation(
            gxe.ExpectCompoundColumnsToBeUnique(column_list=list(schema.primary_key))
        )
    for col in schema.columns:
        if not col.nullable:
            suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=col.name))
        if col.unique or schema.primary_key == (col.name,):
            suite.add_expectation(gxe.ExpectColumnValuesToBeUnique(column=col.name))
        if col.allowed:
            suite.add_expectation(
                gxe.ExpectColumnValuesToBeInSet(column=col.name, value_set=list(col.allowed))
            )
        if col.type in ("int32", "int64"):
            suite.add_expectation(
                gxe.ExpectColumnValuesToBeInTypeList(
                    column=col.name, type_list=["int32", "int64", "Int32", "Int64"]
                )
            )
        if col.name in ("line_start", "line_end", "ordinal", "char_count", "level", "rank"):
            suite.add_expectation(
                gxe.ExpectColumnValuesToBeBetween(
                    column=col.name, min_value=0 if col.name == "char_count" else 1
                )
            )
    names = set(schema.column_names)
    if {"text", "char_count"} <= names and TEXT_LEN in frame_columns:
        suite.add_expectation(
            gxe.ExpectColumnPairValuesToBeEqual(column_A="char_count", column_B=TEXT_LEN)
        )
    if {"line_start", "line_end"} <= names:
        suite.add_expectation(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="line_end", column_B="line_start", or_equal=True
            )
        )
    if {"start", "end"} <= names:
        suite.add_expectation(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end", column_B="start")
        )
    if "text" in names and schema.name not in ("documents",):
        suite.add_expectation(gxe.ExpectColumnValueLengthsToBeBetween(column="text", min_value=1))
    return suite


def to_frame(table: str, data: pa.Table) -> pd.DataFrame:
    """The frame GX validates: the table plus derived columns for cross-column checks."""
    frame = data.to_pandas(types_mapper=None)
    if "text" in frame.columns and "char_count" in frame.columns:
        frame[TEXT_LEN] = frame["text"].map(lambda s: len(s) if isinstance(s, str) else None)
    return frame


def validate_table(table: str, data: pa.Table) -> ValidationReport:
    """Validate one table against the suite built from its schema."""
    schema = load_schema(table)
    frame = to_frame(table, data)
    suite = build_suite(schema, list(frame.columns))
    frame_for_columns = frame.drop(columns=[TEXT_LEN]) if TEXT_LEN in frame else frame
    ctx = _context()
    name = f"policy_corpus_{table}"
    try:
        source = ctx.data_sources.get(name)
    except (KeyError, ValueError):
        source = ctx.data_sources.add_pandas(name)
    try:
        asset = source.get_asset(table)
    except (LookupError, ValueError):
        asset = source.add_dataframe_asset(name=table)
    try:
        batch_def = asset.get_batch_definition("whole")
    except (KeyError, ValueError):
        batch_def = asset.add_batch_definition_whole_dataframe("whole")
    id_columns = [c for c in schema.primary_key if c in frame.columns]
    result_format = {
        "result_format": "SUMMARY",
        "partial_unexpected_count": SAMPLE_ROWS,
        "unexpected_index_column_names": id_columns,
    }
    failures: list[Failure] = []
    # the column-list expectation must see the table's own columns, not the derived ones
    columns_ok = list(frame_for_columns.columns) == schema.column_names
    if not columns_ok:
        failures.append(
            Failure(
                "expect_table_columns_to_match_ordered_list",
                None,
                0,
                [f"got {list(frame_for_columns.columns)}, want {schema.column_names}"],
            )
        )
    batch = batch_def.get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suite, result_format=result_format)
    evaluated = 0
    for r in result.results:
        cfg = r.expectation_config
        if cfg.type == "expect_table_columns_to_match_ordered_list":
            continue  # judged above, without the derived columns
        evaluated += 1
        if r.success:
            continue
        res = r.result or {}
        sample = (
            res.get("partial_unexpected_index_list") or res.get("partial_unexpected_list") or []
        )
        if not sample and r.exception_info and r.exception_info.get("exception_message"):
            sample = [r.exception_info["exception_message"]]
        column = (
            cfg.kwargs.get("column")
            or ",".join(str(cfg.kwargs[k]) for k in ("column_A", "column_B") if k in cfg.kwargs)
            or None
        )
        failures.append(
            Failure(
                cfg.type,
                column,
                int(res.get("unexpected_count") or 0),
                _plain(sample[:SAMPLE_ROWS]),
            )
        )
    return ValidationReport(table, not failures, evaluated + 1, failures, result.to_json_dict())


def _plain(values: list[Any]) -> list[Any]:
    out = []
    for v in values:
        if isinstance(v, dict):
            out.append({k: _plain([x])[0] for k, x in v.items()})
        elif isinstance(v, (str, int, float, bool)) or v is None:
            out.append(v)
        else:
            out.append(str(v))
    return out
