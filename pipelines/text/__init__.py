"""Pure text logic (no Dagster): decode, normalise, reflow, split, section, segment, extract.

Every stage takes and returns plain Python data (see `model.py`) so that it can be unit-tested
on small hand-written inputs and reused outside Dagster.
"""
