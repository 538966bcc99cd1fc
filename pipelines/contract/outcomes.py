"""Results of expectations in plain data: what the checks, the report and the build read.

No Great Expectations or Dagster types leak out of the contract: every evaluated expectation
comes back as an `Outcome`, a failed one also as a `Failure`, grouped per table and suite in a
`ValidationReport`.
"""

from dataclasses import dataclass, field
from typing import Any

#: Severities of an expectation: a failed ERROR blocks publication (or quarantines the source
#: whose rows fail it), a failed WARN is reported.
ERROR = "ERROR"
WARN = "WARN"
SAMPLE_ROWS = 10


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
    """One evaluated expectation, passed or not (what the validation report lists).

    `element_count` counts the rows the expectation applies to (rows where it is not
    applicable, e.g. a percent check on a date fact, are left out); `failing_sources` names
    the sources whose rows fail it (they are quarantined when the expectation is ERROR)."""

    expectation: str
    column: str | None
    severity: str
    description: str
    success: bool
    unexpected_count: int = 0
    element_count: int = 0
    sample: list[Any] = field(default_factory=list)
    failing_sources: list[str] = field(default_factory=list)

    def as_failure(self) -> Failure:
        return Failure(
            self.expectation,
            self.column,
            self.unexpected_count,
            self.sample,
            self.severity,
            self.description,
        )

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.expectation, self.column, self.description)


@dataclass
class ValidationReport:
    table: str
    success: bool  # no failed ERROR expectation
    evaluated: int
    failures: list[Failure]  # every failed expectation, ERROR and WARN
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    suite: str = "schema"
    outcomes: list[Outcome] = field(default_factory=list)
    rows: int = 0  # rows of the table validated

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == ERROR]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == WARN]

    @classmethod
    def of(
        cls, table: str, suite: str, outcomes: list[Outcome], rows: int = 0
    ) -> "ValidationReport":
        failures = [o.as_failure() for o in outcomes if not o.success]
        return cls(
            table,
            not any(f.severity == ERROR for f in failures),
            len(outcomes),
            failures,
            suite=suite,
            outcomes=outcomes,
            rows=rows,
        )


def plain(values: list[Any]) -> list[Any]:
    """Values as plain JSON (numpy scalars unwrapped, dicts recursively, others as str)."""
    out = []
    for v in values:
        if isinstance(v, dict):
            out.append({k: plain([x])[0] for k, x in v.items()})
        elif isinstance(v, (str, int, float, bool)) or v is None:
            out.append(v)
        elif isinstance(v, (list, tuple)):
            out.append(plain(list(v)))
        elif type(v).__module__ == "numpy" and hasattr(v, "tolist"):
            converted = v.tolist()  # a scalar or an array (a list column)
            out.append(plain(converted) if isinstance(converted, list) else plain([converted])[0])
        else:
            out.append(str(v))
    return out
