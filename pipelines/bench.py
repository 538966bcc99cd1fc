"""`make bench`: wall time and peak memory of a full build from scratch, and the throughput
of each text stage over the seeds and the external corpus. Prints figures; asserts nothing."""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .paths import CORPUS_DIR, REPO_ROOT, SEEDS_DIR


def full_build(input_dir: Path) -> tuple[float, float]:
    """A build into a fresh output folder and Dagster home: (seconds, peak RSS in MiB)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DAGSTER_HOME=str(Path(tmp) / "home"))
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pipelines.build",
                "--input",
                str(input_dir),
                "--output",
                str(Path(tmp) / "out"),
            ],
            cwd=REPO_ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak


def stage_throughput(files: list[Path]) -> list[tuple[str, float, int]]:
    from .text.documents import split_documents
    from .text.facts import extract_facts
    from .text.layout import recover_layout
    from .text.normalize import load_lines
    from .text.sections import build_sections
    from .text.segment import get_segmenter
    from .text.sentences import split_sentences

    segmenter = get_segmenter()
    totals = {
        k: 0.0
        for k in ("decode+normalise", "layout", "documents+sections", "sentences", "jieba", "facts")
    }
    chars = 0
    for path in files:
        data = path.read_bytes()
        t = time.perf_counter()
        lines, _ = load_lines(data, file_name=path.name)
        totals["decode+normalise"] += time.perf_counter() - t
        chars += sum(len(line.text) for line in lines)
        t = time.perf_counter()
        blocks = recover_layout(lines)
        totals["layout"] += time.perf_counter() - t
        t = time.perf_counter()
        docs = split_documents(blocks, source_name=path.name, set_aside=[])
        for doc in docs:
            build_sections(doc)
        totals["documents+sections"] += time.perf_counter() - t
        texts = [b.text for doc in docs for b in doc.blocks]
        t = time.perf_counter()
        sentences = [text[s:e] for text in texts for s, e in split_sentences(text)]
        totals["sentences"] += time.perf_counter() - t
        t = time.perf_counter()
        for s in sentences:
            segmenter.cut(s)
        totals["jieba"] += time.perf_counter() - t
        t = time.perf_counter()
        for text in texts:
            extract_facts(text, doc_year=2020)
        totals["facts"] += time.perf_counter() - t
    return [(name, seconds, chars) for name, seconds in totals.items()]


def main() -> None:
    files = sorted(SEEDS_DIR.glob("*.txt")) + sorted(CORPUS_DIR.glob("*.txt"))
    size = sum(p.stat().st_size for p in files)
    print(f"stage throughput over {len(files)} files ({size / 1e6:.2f} MB):")
    for name, seconds, chars in stage_throughput(files):
        print(f"  {name:<20} {seconds:7.2f} s  {chars / max(seconds, 1e-9) / 1e3:9.0f} k chars/s")
    seconds, peak = full_build(SEEDS_DIR)
    print(f"full build of seeds/ from scratch: {seconds:.1f} s wall, peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
