"""Repair a heavy web scrape that repeats whole pages: the copies are set aside as
duplicates of the first, without touching a slogan or heading that is legitimately
repeated.

`repeated_runs` finds runs of paragraphs that repeat an earlier run (hash-based on k-grams
of paragraphs, linear for ordinary input); `mark_repeated_runs` sets the copies' blocks
aside, with the header lines of each copy that the layout took for running heads. Both
take time linear in the number of blocks (n log n with the bisections), however many
copies a page has: a scrape that printed a page 2,000 times costs what 2,000 pages cost.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Block
from ..params import REPEAT_MAX_CANDIDATES, REPEAT_MIN_CHARS, REPEAT_MIN_RUN
from ..passes import Counters, rule, stage_pass

if TYPE_CHECKING:
    from ..layout.state import LayoutState

__all__ = ["mark_repeated_runs", "repeated_runs"]

COPY = rule(
    "repair.repeated_pages.copy",
    "repeats the paragraphs of an earlier run of raw lines (the same page scraped again)",
    "duplicate",
)
HEADER_COPY = rule(
    "repair.repeated_pages.header_copy",
    "repeats a line of the page (a title, a dateline) printed again on a copy of the page",
    "duplicate",
)

_WS = re.compile(r"\s+")


def repeated_runs(
    texts: list[str], min_run: int = REPEAT_MIN_RUN, min_chars: int = REPEAT_MIN_CHARS
) -> list[tuple[int, int, int]]:
    """Runs of paragraphs that repeat an earlier run: (start, end_exclusive, original_start).

    Only paragraphs of at least `min_chars` non-whitespace characters take part, compared
    with whitespace removed; shorter ones (`各位代表！`, a heading the layout kept in one
    copy and dropped as furniture in another) are skipped, so a run is `min_run` or more
    consecutive *long* paragraphs equal to an earlier sequence of long paragraphs. The
    range (start, end) runs from the first to the last long paragraph of the copy, in
    indices of `texts`, and may enclose short paragraphs that were not compared.
    Every copy after the first is reported, in order, without overlaps; its original is
    the longest earlier match, ending before the copy starts, and among equally long ones
    the earliest that is not itself a reported copy (so six copies of a page give five
    runs all pointing at the first one).
    Hash-based (k-grams of `min_run` paragraphs): linear for ordinary input; at most
    REPEAT_MAX_CANDIDATES candidate originals are tried per position.
    """
    try:
        return _repeated_runs(texts, max(1, min_run), min_chars)
    except Exception:  # never raise
        return []


@dataclass(slots=True)
class _Runs:
    """The runs found so far, in positions of the long paragraphs: starts[k]..ends[k]
    copies origs[k]."""

    m: int
    starts: list[int]
    ends: list[int]
    origs: list[int]

    def covered(self, c: int) -> bool:
        k = bisect_right(self.starts, c) - 1
        return k >= 0 and c < self.ends[k]

    def next_start(self, c: int) -> int:
        k = bisect_right(self.starts, c)
        return self.starts[k] if k < len(self.starts) else self.m


def _repeated_runs(texts: list[str], min_run: int, min_chars: int) -> list[tuple[int, int, int]]:
    keys = [_WS.sub("", t) for t in texts]
    pos = [i for i, k in enumerate(keys) if len(k) >= min_chars]  # long paragraphs
    seq = [keys[i] for i in pos]
    m = len(seq)
    if m < 2 * min_run:
        return []
    seen: dict[tuple[str, ...], list[int]] = {}  # k-gram -> positions in seq, in order
    runs = _Runs(m, [], [], [])

    def grams(lo: int, hi: int) -> None:
        for b in range(lo, min(hi, m - min_run + 1)):
            seen.setdefault(tuple(seq[b : b + min_run]), []).append(b)

    a = 0
    while a + min_run <= m:
        cands = seen.get(tuple(seq[a : a + min_run]), [])[:REPEAT_MAX_CANDIDATES]
        best = _best_original(seq, a, cands, runs, min_run)
        if best is None:
            grams(a, a + 1)
            a += 1
            continue
        length, c = best
        runs.starts.append(a)
        runs.ends.append(a + length)
        runs.origs.append(c)
        grams(a, a + length)
        a += length
    return [
        (pos[s], pos[e - 1] + 1, pos[c])
        for s, e, c in zip(runs.starts, runs.ends, runs.origs, strict=True)
    ]


def _best_original(
    seq: list[str], a: int, cands: list[int], runs: _Runs, min_run: int
) -> tuple[int, int] | None:
    """(length, start) of the longest earlier run that position `a` repeats; among equally
    long ones the one that is not a copy itself, then the earliest."""
    best: tuple[int, bool, int] | None = None  # (length, original not a copy, -original)
    m = len(seq)
    for c in cands:
        free = not runs.covered(c)
        # an original never runs into the next copy found so far: copies stay apart
        limit = min(a, runs.next_start(c))
        if best is not None:
            # a candidate that cannot beat the best one is not measured: the candidates
            # come in order, so a later one of the same length wins only by being free
            # (a page copied a thousand times is measured against its first copy only)
            bound = min(m - a, limit - c)
            if bound < best[0] or (bound == best[0] and not (free and not best[1])):
                continue
        length = 0
        while a + length < m and c + length < limit and seq[a + length] == seq[c + length]:
            length += 1
        score = (length, free, -c)
        if length >= min_run and (best is None or score > best):
            best = score
    return None if best is None else (best[0], -best[2])


@stage_pass("repair.repeated_pages.mark_copies", requires=("blocks",), assigns=("blocks",))
def mark_copies(state: LayoutState, counters: Counters) -> LayoutState:
    """Runs of paragraphs that repeat an earlier run (a page scraped again) are set aside
    as duplicates, with the copy's header lines."""
    return replace(state, blocks=tuple(mark_repeated_runs(list(state.blocks))))


def mark_repeated_runs(blocks: list[Block], min_chars: int = REPEAT_MIN_CHARS) -> list[Block]:
    """The blocks with every run of paragraphs that repeats an earlier run (a scraped page
    copied again) set aside as `duplicate`; a short paragraph inside the run goes with it
    only if its text also occurs in the original run. A short line of the copy that the
    layout already set aside as a running head (it is printed on every copy of the page)
    is a duplicate too when the original run prints it. The given blocks are not changed.

    The original run is measured in long paragraphs (those `repeated_runs` compares): the
    copy and its original may differ in how many short lines each kept."""
    out = list(blocks)
    keys = [_WS.sub("", b.text) for b in blocks]
    kept = [i for i, b in enumerate(blocks) if not b.removed]
    runs = repeated_runs([keys[i] for i in kept], min_chars=min_chars)
    if not runs:
        return out
    page = _FirstPrinted(blocks, keys)
    heads = _RunningHeads(blocks)
    done = 0  # last raw line of the previous copy (or of its original)
    for start, end, original in runs:
        n_long = sum(len(keys[kept[k]]) >= min_chars for k in range(start, end))
        k = original
        while k < len(kept) and n_long:
            n_long -= len(keys[kept[k]]) >= min_chars
            k += 1
        orig_texts = {keys[kept[j]] for j in range(original, k)}
        first, last = blocks[kept[original]].line_start, blocks[kept[k - 1]].line_end
        reason = f"repeats the paragraphs of raw lines {first}-{last} (the same page scraped again)"
        for j in range(start, end):
            if keys[kept[j]] in orig_texts:
                out[kept[j]] = _duplicate(out[kept[j]], COPY.id, reason)
                page.removed(kept[j])
        # the copy's own header lines (the page title, a dateline) come before its first
        # long paragraph: from the end of the previous copy (or of the original) on, a
        # line set aside as a running head that the page printed before is a copy too
        lo = max(done, last) + 1
        hi = blocks[kept[end - 1]].line_end
        for i in heads.within(lo, hi):
            line = page.first_line(keys[i], last)
            if line is not None:
                reason = (
                    f"repeats raw line {line}, a line of the page that is scraped again "
                    f"at raw lines {blocks[i].line_start}-{hi}"
                )
                out[i] = _duplicate(out[i], HEADER_COPY.id, reason)
        done = hi
    return out


def _duplicate(block: Block, rule_id: str, reason: str) -> Block:
    return replace(block, kind="removed", removed_kind="duplicate", reason=reason, rule=rule_id)


class _FirstPrinted:
    """Where the page first printed a text: the first block (in block order) with that
    text, still kept, and ending on or before a given line. Blocks set aside as copies
    drop out as the copies are found; each text's candidates are scanned from the first
    one still kept, so the work stays linear over all the copies."""

    def __init__(self, blocks: list[Block], keys: list[str]) -> None:
        self.blocks = blocks
        self.by_key: dict[str, list[int]] = {}
        for i, b in enumerate(blocks):
            if not b.removed:
                self.by_key.setdefault(keys[i], []).append(i)
        self.skip: dict[str, int] = {}  # per text: candidates before this index are set aside
        self.gone: set[int] = set()
        self.keys = keys

    def removed(self, i: int) -> None:
        self.gone.add(i)

    def first_line(self, key: str, last: int) -> int | None:
        """The first raw line of the first kept block with this text that ends by `last`."""
        found = self.by_key.get(key)
        if not found:
            return None
        k = self.skip.get(key, 0)
        while k < len(found) and found[k] in self.gone:
            k += 1
        self.skip[key] = k
        for i in found[k:]:
            if i not in self.gone and self.blocks[i].line_end <= last:
                return self.blocks[i].line_start
        return None


class _RunningHeads:
    """The blocks the layout set aside as page furniture (running heads), by first line."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.index = [i for i, b in enumerate(blocks) if b.removed_kind == "page_furniture"]
        self.index.sort(key=lambda i: blocks[i].line_start)
        self.starts = [blocks[i].line_start for i in self.index]

    def within(self, lo: int, hi: int) -> list[int]:
        """Those lying wholly within raw lines lo..hi, in block order."""
        a, b = bisect_left(self.starts, lo), bisect_right(self.starts, hi)
        return sorted(
            i for i in self.index[a:b] if self.blocks[i].line_start <= self.blocks[i].line_end <= hi
        )
