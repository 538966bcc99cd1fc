"""Throughput of the language layer on the seeds: sentence splitting, the cut (tokens and POS)
on each engine, and the keywords ranked on the cut tokens. Prints figures (chars/s); asserts
nothing.

Run: `python -m pipelines.evaluation.language_bench`. Each seed line is one input (the seeds
are not reflowed here, so this measures the stages, not the layout).
"""

import time
from collections.abc import Callable
from pathlib import Path

from pipelines.paths import SEEDS_DIR


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def main(seeds_dir: Path = SEEDS_DIR) -> None:
    """Print setup cost and chars/s of each language stage over every seed file."""
    from pipelines.text.keywords import document_stream, get_extractor, keywords_from_tokens
    from pipelines.text.segment import Segmenter
    from pipelines.text.sentences import split_sentences

    files = sorted(seeds_dir.glob("*.txt"))
    texts = [_read(p) for p in files]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    chars = sum(len(line) for line in lines)
    print(f"language layer over {len(files)} seed files: {len(lines)} lines, {chars} chars")

    engines: dict[str, Segmenter] = {}
    for engine in ("rjieba", "jieba"):
        seconds = _timed(lambda engine=engine: engines.setdefault(engine, Segmenter(engine=engine)))
        print(f"  setup: segmenter ({engine}) {seconds:.2f} s")
    print(f"  setup: keyword extractor {_timed(get_extractor):.2f} s")

    sentences: list[str] = []

    def split() -> None:
        for line in lines:
            sentences.extend(line[a:b] for a, b in split_sentences(line))

    results = [("split_sentences", _timed(split), chars)]
    sent_chars = sum(len(s) for s in sentences)
    for engine, seg in engines.items():
        seconds = _timed(lambda seg=seg: [seg.cut(s) for s in sentences])
        results.append((f"cut ({engine}, HMM off)", seconds, sent_chars))
    hmm = Segmenter(hmm=True)
    results.append(
        ("cut (jieba, HMM on)", _timed(lambda: [hmm.cut(s) for s in sentences]), sent_chars)
    )
    cut = engines["rjieba"].cut
    streams = [document_stream([cut(line)] for line in text.splitlines()) for text in texts]
    seconds = _timed(lambda: [keywords_from_tokens(words, tags) for words, tags in streams])
    results.append(("keywords (from tokens)", seconds, sum(len(t) for t in texts)))
    print(f"  {len(sentences)} sentences")
    for name, seconds, n in results:
        print(f"  {name:<24} {seconds:7.3f} s  {n / max(seconds, 1e-9) / 1e3:9.1f} k chars/s")


if __name__ == "__main__":
    main()
