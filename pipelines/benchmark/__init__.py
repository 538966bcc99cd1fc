"""`make bench`: how fast and how lean a full build is, on corpora generated from the seeds.

`corpus` writes varied copies of the seeds (1x, 30x, 300x, and the 1x bytes split into 1,000
small files) so that no cache or deduplication can make a copy free; `measure` runs a build in
a child process and reads its wall time and peak memory, and times plain `jieba.lcut` over the
same text; `python -m pipelines.benchmark` runs them all and writes `.cache/bench/bench.json`.
"""
