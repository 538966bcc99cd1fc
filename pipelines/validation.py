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


#: Severities of an expectation: a failed ERROR blocks publication, a failed WARN is reported.
ERROR = "ERROR"
WARN = "WARN"


@dataclass
class Failure:
    expectation: str
    column: str | None
    unexpected_count: int
    sample: list[Any] = field(default_factory=list)  # failing rows (IDs) or values
    severity: str = ERROR
    description: str = ""

    def describe(self) -> str:
        where = f" on column {self.column}" if self.column else ""
        what = f" ({self.description})" if self.description else ""
        return (
            f"{self.expectation}{where}{what}: {self.unexpected_count} row(s), "
            f"e.g. {self.sample[:5]}"
        )


@dataclass
class Outcome:
    """One evaluated expectation, passed or not (what the validation report lists)."""

    expectation: str
    column: str | None
    severity: str
    description: str
    success: bool
    unexpected_count: int = 0
    element_count: int = 0
    sample: list[Any] = field(default_factory=list)

    def as_failure(self) -> Failure:
        return Failure(
            self.expectation,
            self.column,
            self.unexpected_count,
            self.sample,
            self.severity,
            self.description,
        )


@dataclass
class ValidationReport:
    table: str
    success: bool  # no failed ERROR expectation
    evaluated: int
    failures: list[Failure]  # every failed expectation, ERROR and WARN
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    suite: str = "schema"
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == ERROR]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == WARN]


@cache
def _context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return ctx


def build_suite(schema: TableSchema, frame_columns: list[str]) -> Any:
    """One expectation suite per table, derived from its schema (every expectation ERROR)."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    _context()  # GX needs an active context to build a suite
    suite = gx.ExpectationSuite(name=f"{schema.name}_suite")
    add = suite.add_expectation
    add(
        gxe.ExpectTableColumnsToMatchOrderedList(
            column_list=schema.column_names,
            description=f"the columns of schemas/{schema.name}.yaml, in order",
        )
    )
    if len(schema.primary_key) > 1:
        add(
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=list(schema.primary_key),
                description=f"primary key ({', '.join(schema.primary_key)}) is unique",
            )
        )
    for col in schema.columns:
        if not col.nullable:
            add(gxe.ExpectColumnValuesToNotBeNull(column=col.name, description="not null"))
        if col.unique or schema.primary_key == (col.name,):
            add(gxe.ExpectColumnValuesToBeUnique(column=col.name, description="unique"))
        if col.allowed:
            add(
                gxe.ExpectColumnValuesToBeInSet(
                    column=col.name, value_set=list(col.allowed), description="an allowed value"
                )
            )
        if col.type in ("int32", "int64"):
            add(
                gxe.ExpectColumnValuesToBeInTypeList(
                    column=col.name,
                    type_list=["int32", "int64", "Int32", "Int64"],
                    description="an integer",
                )
            )
        if col.name in ("line_start", "line_end", "ordinal", "char_count", "level", "rank"):
            low = 0 if col.name == "char_count" else 1
            add(
                gxe.ExpectColumnValuesToBeBetween(
                    column=col.name, min_value=low, description=f"at least {low}"
                )
            )
    names = set(schema.column_names)
    if {"text", "char_count"} <= names and TEXT_LEN in frame_columns:
        add(
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="char_count", column_B=TEXT_LEN, description="char_count == len(text)"
            )
        )
    if {"line_start", "line_end"} <= names:
        add(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="line_end",
                column_B="line_start",
                or_equal=True,
                description="line_end >= line_start",
            )
        )
    if {"start", "end"} <= names:
        add(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="end", column_B="start", description="end > start"
            )
        )
    if "text" in names and schema.name not in ("documents",):
        add(
            gxe.ExpectColumnValueLengthsToBeBetween(
                column="text", min_value=1, description="text is not empty"
            )
        )
    return suite


def to_frame(table: str, data: pa.Table) -> pd.DataFrame:
    """The frame GX validates: the table plus derived columns for cross-column checks."""
    frame = data.to_pandas(types_mapper=None)
    if "text" in frame.columns and "char_count" in frame.columns:
        frame[TEXT_LEN] = frame["text"].map(lambda s: len(s) if isinstance(s, str) else None)
    return frame


def run_suite(
    asset_name: str, frame: pd.DataFrame, suite: Any, id_columns: list[str]
) -> tuple[list[Outcome], Any]:
    """Validate a frame against a suite on the shared ephemeral context.

    Returns one Outcome per expectation (severity from the expectation's GX `severity`,
    failing rows named by `id_columns`) and GX's raw result.
    """
    ctx = _context()
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
    result_format = {
        "result_format": "SUMMARY",
        "partial_unexpected_count": SAMPLE_ROWS,
        "unexpected_index_column_names": [c for c in id_columns if c in frame.columns],
    }
    batch = batch_def.get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suite, result_format=result_format)
    outcomes = []
    for r in result.results:
        cfg = r.expectation_config
        res = r.result or {}
        sample: list[Any] = []
        if not r.success:
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
        severity = getattr(cfg, "severity", None)
        outcomes.append(
            Outcome(
                expectation=cfg.type,
                column=column,
                severity=WARN if str(getattr(severity, "value", severity)) == "warning" else ERROR,
                description=cfg.description or "",
                success=bool(r.success),
                unexpected_count=int(res.get("unexpected_count") or 0),
                element_count=int(res.get("element_count") or 0),
                sample=_plain(sample[:SAMPLE_ROWS]),
            )
        )
    return outcomes, result


def validate_table(table: str, data: pa.Table) -> ValidationReport:
    """Validate one table against the suite built from its schema."""
    schema = load_schema(table)
    frame = to_frame(table, data)
    suite = build_suite(schema, list(frame.columns))
    frame_for_columns = frame.drop(columns=[TEXT_LEN]) if TEXT_LEN in frame else frame
    id_columns = [c for c in schema.primary_key if c in frame.columns]
    # the column-list expectation must see the table's own columns, not the derived ones
    got = list(frame_for_columns.columns)
    columns = Outcome(
        "expect_table_columns_to_match_ordered_list",
        None,
        ERROR,
        f"the columns of schemas/{table}.yaml, in order",
        got == schema.column_names,
        element_count=len(got),
        sample=[] if got == schema.column_names else [f"got {got}, want {schema.column_names}"],
    )
    outcomes, result = run_suite(table, frame, suite, id_columns)
    outcomes = [columns] + [
        o for o in outcomes if o.expectation != "expect_table_columns_to_match_ordered_list"
    ]
    failures = [o.as_failure() for o in outcomes if not o.success]
    return ValidationReport(
        table,
        not failures,
        len(outcomes),
        failures,
        result.to_json_dict(),
        suite="schema",
        outcomes=outcomes,
    )


def _plain(values: list[Any]) -> list[Any]:
    out = []
    for v in values:
        if isinstance(v, dict):
            out.append({k: _plain([x])[0] for k, x in v.items()})
        elif isinstance(v, (str, int, float, bool)) or v is None:
            out.append(v)
        elif type(v).__module__ == "numpy" and hasattr(v, "item"):
            out.append(_plain([v.item()])[0])  # numpy scalars as plain JSON values
        else:
            out.append(str(v))
    return out
