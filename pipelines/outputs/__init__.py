"""What a build publishes besides the Parquet tables, each written from `schemas/` and the
staged tables: the DuckDB database, the dataset card, `datapackage.json`, `croissant.json`
and the figures. No Dagster here: `pipelines/defs/publish.py` wires them as assets."""
