"""Moved to `pipelines.outputs.card`; kept so that old imports work."""

from .outputs.card import CATALOGUE, EXAMPLE_QUERIES, render_card, run_examples

__all__ = ["CATALOGUE", "EXAMPLE_QUERIES", "render_card", "run_examples"]
