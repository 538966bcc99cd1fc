"""The data contract: the expectation suites built from `schemas/`, the integrity checks
between tables, the corpus-wide checks, their engine (DuckDB computes, Great Expectations
judges), the validation report and the verification of a published dataset."""
