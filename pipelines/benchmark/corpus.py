"""Benchmark corpora generated from the seeds: varied copies, so no cache or dedup can cheat.

A copy k >= 1 of a seed file keeps its bytes' shape (same paragraphs, same line layout) but:

- **blocks of paragraphs are shuffled** inside each document (the first paragraphs, which hold
  the title and byline, stay first): a paragraph is a line range the text pipeline itself
  found (`text.tables.source_documents`), so a paragraph's printed lines stay together;
- **titles are renamed**: the first line of each document title gets a numbered variant,
  `马卫光同志在市委八届八次全体` -> `马卫光同志在市委八届八次全体（之7）`;
- **numbers vary**: the last digit of every ASCII number changes (`2020年7月9日` ->
  `2023年4月5日`), and
- **one pair of adjacent CJK characters is swapped per line** (`市委召开` -> `委市召开`), so
  that not even a sentence repeats between copies.

Copy 0 is the seed as it is. Sizes: `1` (the seeds), `30`, `300` (copies 0..n-1), and
`small` (the seeds' paragraphs, in order, spread over 1,000 files: the same bytes as 1x).
Everything is deterministic given the seed number.
"""

import bisect
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise
from pathlib import Path

#: Corpus sizes by name: a number of copies of the seeds, or the small-files corpus.
SMALL = "small"
SMALL_FILES = 1000

_DIGIT_RUN = re.compile(rb"[0-9]+")
_CJK_PAIR = re.compile("[\u4e00-\u9fff]{2}")


@dataclass(frozen=True)
class SeedFile:
    """A seed split into paragraph units (line ranges covering every line) and documents."""

    name: str
    units: tuple[bytes, ...]  # consecutive pieces of the file's bytes, each a paragraph's lines
    groups: tuple[tuple[int, int], ...]  # unit ranges [first, last) of each document
    titles: dict[int, bytes]  # unit -> the first characters of a document title it holds


def analyse_seed(path: Path) -> SeedFile:
    """Cut a seed into paragraph units with the text pipeline's own layout and documents."""
    from pipelines.text.normalize import load_lines
    from pipelines.text.tables import source_documents

    data = path.read_bytes()
    raw = data.splitlines(keepends=True)
    lines, _ = load_lines(data, file_name=path.name)
    if len(lines) != len(raw) or b"\r" in data:
        return SeedFile(path.name, tuple(raw), (), {})  # lines not as numbered: a line a unit
    removed, documents = source_documents(lines, path.name)
    blocks = sorted([b for d in documents for b in d.blocks] + removed, key=lambda b: b.line_start)
    starts = sorted({1} | {b.line_start for b in blocks if 1 <= b.line_start <= len(raw)})
    bounds = [*starts, len(raw) + 1]
    units = tuple(b"".join(raw[a - 1 : b - 1]) for a, b in pairwise(bounds))
    unit_of_line = {line: i for i, line in enumerate(starts)}
    groups = []
    titles = {}
    for doc in documents:
        if not doc.blocks:
            continue
        first = unit_of_line[doc.blocks[0].line_start]
        last = unit_of_line[doc.blocks[-1].line_start]
        if last > first:
            groups.append((first, last + 1))
        fragment = (doc.title or "")[:4].encode("utf-8")
        near = range(max(first - 2, 0), min(first + 4, len(units)))
        starting = [
            i for i in near if any(_starts(line, fragment) for line in units[i].split(b"\n"))
        ]
        holding = [i for i in near if fragment in units[i]]
        if fragment and (starting or holding):
            titles[(starting or holding)[0]] = fragment
    return SeedFile(path.name, units, tuple(groups), titles)


@lru_cache(maxsize=4)
def analyse_seeds(seeds_dir: Path) -> list[SeedFile]:
    """Every seed of the folder, analysed once per process."""
    return [analyse_seed(p) for p in sorted(seeds_dir.glob("*.txt"))]


def vary_copy(seed: SeedFile, copy: int, rng_seed: int = 0) -> bytes:
    """The bytes of copy `copy` of a seed file (copy 0: the seed itself)."""
    if copy == 0:
        return b"".join(seed.units)
    rng = copy_rng(seed, copy, rng_seed)
    order = paragraph_order(seed, rng)
    out = []
    for i in order:
        varied = _vary_lines(seed.units[i], rng)
        if i in seed.titles:
            line = _title_line(seed.units[i], seed.titles[i])
            varied = _append_to_line(varied, line, f"（之{copy}）".encode())
        out.append(varied)
    return b"".join(out)


def copy_rng(seed: SeedFile, copy: int, rng_seed: int = 0) -> random.Random:
    """The random generator of one copy of one seed (seeded by text: stable everywhere)."""
    return random.Random(f"{rng_seed}:{copy}:{seed.name}")


def paragraph_order(seed: SeedFile, rng: random.Random) -> list[int]:
    """The order of the seed's units in a copy: blocks shuffled inside each document."""
    order = list(range(len(seed.units)))
    for first, last in seed.groups:
        order[first:last] = _shuffled_blocks(order[first:last], rng)
    return order


def _shuffled_blocks(units: list[int], rng: random.Random, keep: int = 2) -> list[int]:
    """Keep the first units (title, byline); cut the rest in blocks of 2-6 and shuffle them."""
    head, rest = units[:keep], units[keep:]
    blocks = []
    while rest:
        size = rng.randint(2, 6)
        blocks.append(rest[:size])
        rest = rest[size:]
    rng.shuffle(blocks)
    return head + [u for block in blocks for u in block]


def _title_line(unit: bytes, fragment: bytes) -> int:
    """The line where the title starts (else: the first line holding its first characters)."""
    lines = unit.split(b"\n")
    starts = [k for k, line in enumerate(lines) if _starts(line, fragment)]
    holds = [k for k, line in enumerate(lines) if fragment in line]
    return (starts or holds or [0])[0]


def _starts(line: bytes, fragment: bytes) -> bool:
    return line.strip().lstrip("#\u3000".encode()).startswith(fragment)


def _append_to_line(unit: bytes, k: int, suffix: bytes) -> bytes:
    lines = unit.split(b"\n")
    body = lines[k].rstrip(b"\r")
    lines[k] = body + suffix + lines[k][len(body) :]
    return b"\n".join(lines)


def _vary_lines(unit: bytes, rng: random.Random) -> bytes:
    def new_digit(match: re.Match[bytes]) -> bytes:
        run = match.group()
        last = (run[-1] - 48 + rng.randint(1, 9)) % 10
        return run[:-1] + bytes([48 + last])

    unit = _DIGIT_RUN.sub(new_digit, unit)
    try:
        text = unit.decode("utf-8")
    except UnicodeDecodeError:
        return unit
    lines = text.split("\n")
    for k, line in enumerate(lines):
        pairs = [m.start() for m in _CJK_PAIR.finditer(line)]
        if pairs:
            at = rng.choice(pairs)
            lines[k] = line[:at] + line[at + 1] + line[at] + line[at + 2 :]
    return "\n".join(lines).encode("utf-8")


def small_files(seeds: list[SeedFile], count: int = SMALL_FILES) -> list[bytes]:
    """The seeds' paragraph units in order, cut into `count` files of about equal size at
    unit boundaries (large units are first cut at line boundaries if there are too few).
    Their concatenation is the concatenation of the seeds: the same bytes as the 1x corpus."""
    units: list[bytes] = []
    for unit in (u for seed in seeds for u in seed.units):
        if units and not unit.strip():
            units[-1] += unit  # blank lines go with the paragraph before them
        else:
            units.append(unit)
    while len(units) < count:
        splittable = [i for i, u in enumerate(units) if _halves(u)]
        if not splittable:
            break
        i = max(splittable, key=lambda k: len(units[k]))
        units[i : i + 1] = _halves(units[i])
    count = min(count, len(units))
    ends = list(accumulate(len(u) for u in units))  # bytes up to and including unit i
    total = ends[-1]
    cuts = [0]
    for j in range(1, count):
        ideal = j * total / count
        i = bisect.bisect_left(ends, ideal) + 1  # first unit after the one holding `ideal`
        if i > 1 and ideal - ends[i - 2] < ends[i - 1] - ideal:
            i -= 1  # the cut before that unit is nearer
        cuts.append(min(max(i, cuts[-1] + 1), len(units) - (count - j)))
    cuts.append(len(units))
    return [b"".join(units[a:b]) for a, b in pairwise(cuts)]


def _halves(unit: bytes) -> list[bytes]:
    """The unit cut at the line boundary nearest its middle that leaves text on both sides
    (blank lines stay with the line before them); [] if it holds a single line of text."""
    lines = unit.splitlines(keepends=True)
    starts = [k for k, line in enumerate(lines) if line.strip()][1:]  # text lines but the first
    if not starts:
        return []
    middle = len(unit) / 2
    ends = list(accumulate(len(line) for line in lines))
    k = min(starts, key=lambda k: abs(ends[k - 1] - middle))
    return [b"".join(lines[:k]), b"".join(lines[k:])]


def write_corpus(
    size: str, seeds_dir: Path, out_dir: Path, rng_seed: int = 0
) -> tuple[list[Path], int]:
    """Write corpus `size` ("1", "30", "300", "small") into out_dir: (files, bytes)."""
    seeds = analyse_seeds(seeds_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    if size == SMALL:
        for j, data in enumerate(small_files(seeds)):
            written.append(_write(out_dir / f"small_{j:04d}.txt", data))
    else:
        for copy in range(int(size)):
            for seed in seeds:
                name = seed.name if copy == 0 else f"c{copy:03d}_{seed.name}"
                written.append(_write(out_dir / name, vary_copy(seed, copy, rng_seed)))
    return written, sum(p.stat().st_size for p in written)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
