"""The shard partitions, known when the code location loads.

A partition is a shard of the input folder (`store/shards.py`), not a file: ten thousand
files make a few dozen partitions. The keys are computed from the input folder when the code
location loads, so that on a fresh instance "Materialize all" has its partitions; after files
are added, reload the code location (or run `make build`) to see new shards.
"""

import dagster as dg

from .resources import CorpusSettings

SHARDS = "shards"


def shard_partitions(settings: CorpusSettings) -> dg.StaticPartitionsDefinition:
    try:
        keys = list(settings.plan())
    except FileNotFoundError:
        keys = []
    return dg.StaticPartitionsDefinition(keys or ["all"])
