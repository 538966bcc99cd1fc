"""Dagster wiring: assets, checks, jobs, sensors. The text logic lives in pipelines.text."""
