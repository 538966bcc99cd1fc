"""Moved to `pipelines.outputs.database`; kept so that old imports work."""

from .outputs.database import VIEWS, build_database

__all__ = ["VIEWS", "build_database"]
