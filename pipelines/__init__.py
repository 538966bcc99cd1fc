"""policy-corpus: a Dagster pipeline that turns raw texts of Chinese party and government
documents into validated Parquet tables and a DuckDB database."""
