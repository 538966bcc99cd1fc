"""The property layout recovery must always keep: every non-whitespace character of the
input appears in exactly one block, in order within the block."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Block, Line

_WS = re.compile(r"\s+")


def check_conservation(lines: list[Line], blocks: list[Block]) -> list[str]:
    """Problems with the blocks as an account of the input (empty list = all is well).

    Checks that the non-whitespace characters of all blocks are exactly those of the
    input (same multiset), that each block's characters come in input order from the lines
    it names, and that line numbers exist and every non-blank line is claimed.
    """
    problems: list[str] = []
    by_number = {ln.number: _WS.sub("", ln.text) for ln in lines}
    want = Counter("".join(by_number.values()))
    got = Counter(_WS.sub("", "".join(b.text for b in blocks)))
    if want != got:
        missing = want - got
        extra = got - want
        if missing:
            problems.append(f"characters lost: {''.join(sorted(missing.elements()))[:80]!r}")
        if extra:
            problems.append(f"characters invented: {''.join(sorted(extra.elements()))[:80]!r}")
    claimed: Counter[int] = Counter()
    for k, b in enumerate(blocks):
        if b.removed and not b.removed_kind:
            problems.append(f"block {k} removed without a removed_kind")
        bad = [n for n in b.lines if n not in by_number]
        if bad:
            problems.append(f"block {k} names unknown lines {bad[:5]}")
            continue
        source = "".join(by_number[n] for n in b.lines)
        body = _WS.sub("", b.text)
        if not _is_subsequence(body, source):
            problems.append(f"block {k} (lines {b.line_start}-{b.line_end}) text not in line order")
        claimed.update(b.lines)
    for n, t in by_number.items():
        if t and n not in claimed:
            problems.append(f"line {n} belongs to no block")
    return problems


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)
