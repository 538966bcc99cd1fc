"""Storage: the work cache of shards, deterministic Parquet, the assembly of the published
tables (DuckDB, out of core), the output lock and the atomic publication."""
