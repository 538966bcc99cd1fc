"""Repairs of sources whose text is wrapped or scrambled before any layout can be read:

* `csv_export`: a one-row CSV export saved as `.txt` (`unwrap_csv`);
* `collapsed`: a web scrape whose paragraph breaks were collapsed (`split_run_in`,
  `split_long_blocks`);
* `repeated_pages`: a web scrape that repeats whole pages (`repeated_runs`,
  `mark_repeated_runs`).

The functions are pure (no Dagster, no I/O) and never raise: on input they cannot handle
they answer "nothing to repair" (None, one span, no runs).
"""

from .collapsed import split_long_blocks, split_run_in
from .csv_export import CsvUnwrap, unwrap_csv
from .repeated_pages import mark_repeated_runs, repeated_runs

__all__ = [
    "CsvUnwrap",
    "mark_repeated_runs",
    "repeated_runs",
    "split_long_blocks",
    "split_run_in",
    "unwrap_csv",
]
