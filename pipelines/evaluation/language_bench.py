"""Throughput of the language layer on the seeds: sentence splitting, jieba cut (POS, and plain
tokens), and document keywords. Prints figures (chars/s); asserts nothing.

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
    from pipelines.text.keywords import document_keywords, get_extractor
    from pipelines.text.segment import Segmenter, get_segmenter
    from pipelines.text.sentences import split_sentences

    files = sorted(seeds_dir.glob("*.txt"))
    texts = [_read(p) for p in files]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    chars = sum(len(line) for line in lines)
    print(f"language layer over {len(files)} seed files: {len(lines)} lines, {chars} chars")

    setup = _timed(get_segmenter)
    setup_kw = _timed(get_extractor)
    print(f"  setup: segmenter {setup:.2f} s, keyword extractor {setup_kw:.2f} s")
    seg = get_segmenter()

    sentences: list[str] = []

    def split() -> None:
        for line in lines:
            sentences.extend(line[a:b] for a, b in split_sentences(line))

    results = [("split_sentences", _timed(split), chars)]
    sent_chars = sum(len(s) for s in sentences)
    results.append(
        ("cut (posseg, HMM off)", _timed(lambda: [seg.cut(s) for s in sentences]), sent_chars)
    )
    results.append(
        ("tokens (lcut, HMM off)", _timed(lambda: [seg.tokens(s) for s in sentences]), sent_chars)
    )
    hmm = Segmenter(hmm=True)
    results.append(
        ("cut (posseg, HMM on)", _timed(lambda: [hmm.cut(s) for s in sentences]), sent_chars)
    )
    doc_chars = sum(len(t) for t in texts)
    results.append(
        ("document_keywords", _timed(lambda: [document_keywords(t) for t in texts]), doc_chars)
    )
    print(f"  {len(sentences)} sentences")
    for name, seconds, n in results:
        print(f"  {name:<24} {seconds:7.3f} s  {n / max(seconds, 1e-9) / 1e3:9.1f} k chars/s")


if __name__ == "__main__":
    main()
